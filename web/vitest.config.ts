import { defineConfig } from "vitest/config";

/**
 * The SPA's own tests run in Node: unit tests of client logic beside the code, and end-to-end
 * stories in Debian's chromium against a real panel (wrangler dev). Browser files share one
 * machine's two cores with the panel, so they run one at a time.
 */
export default defineConfig({
  // Solid's reactive (browser) build, so hooks under test run their effects; its Node export is the SSR one.
  resolve: { alias: [{ find: /^solid-js$/, replacement: "solid-js/dist/solid.js" }] },
  test: {
    name: "web",
    root: import.meta.dirname,
    environment: "node",
    include: ["src/**/*.test.ts", "e2e/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
