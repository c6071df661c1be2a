import { defineConfig } from "vitest/config";

/** The repository's own scripts (`npm run deploy`), in plain Node, run as a person runs them. */
export default defineConfig({
  test: {
    name: "scripts",
    root: import.meta.dirname,
    environment: "node",
    include: ["**/*.test.ts"],
    testTimeout: 90_000,
  },
});
