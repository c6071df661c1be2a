import { defineConfig } from "vitest/config";

/**
 * The agent's tests run in plain Node (not workerd): they spawn the real v2ray core and `ss`.
 * Integration files share loopback ports picked at runtime, so files run one at a time.
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
