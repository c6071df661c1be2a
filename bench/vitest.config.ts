import { defineConfig } from "vitest/config";

/** What the benches seed, checked against the current schema (the benches themselves never run in `npm test`). */
export default defineConfig({
  test: {
    name: "bench",
    root: import.meta.dirname,
    environment: "node",
    include: ["**/*.test.ts"],
  },
});
