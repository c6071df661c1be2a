import { defineConfig } from "vitest/config";

/**
 * The agent's tests run in plain Node (not workerd): they spawn the real v2ray core and `ss`.
 * Integration files share loopback ports picked at runtime, so files run one at a time. `npm test`
 * runs this project in a vitest process of its own beside the web project's: each file has its own
 * ports, state dirs and panel, and much of an e2e file's time is waiting (outages, ticks, a
 * `wrangler dev` start), so the two lines share the two cores without crowding each other out.
 */
export default defineConfig({
  test: {
    name: "node-agent",
    root: import.meta.dirname,
    environment: "node",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
