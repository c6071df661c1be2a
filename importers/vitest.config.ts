import { defineConfig } from "vitest/config";

/** Readers run in plain Node against SQLite files built from each peer's own DDL (node:sqlite). */
export default defineConfig({
  test: {
    name: "importers",
    root: import.meta.dirname,
    environment: "node",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
