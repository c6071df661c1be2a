// Bundles the agent into one ESM file, dist/vortex-agent.mjs, for `node` >= 22 on the host:
// dependencies, the shared wire protocol from workers/agent/protocol and the .proto files
// (imported with `?raw`) are all inlined, so installing is copying one file.
import { build } from "esbuild";
import { readFile, chmod } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// Test bundles (node-agent/test/e2e/update.e2e.test.ts) get their own version and file; the
// panel's own bundle always carries package.json's version, which the Worker reads too.
const version =
  process.env.VORTEX_AGENT_VERSION || JSON.parse(await readFile(resolve(root, "package.json"), "utf8")).version;
const outfile = resolve(root, process.env.VORTEX_AGENT_OUTFILE || "dist/vortex-agent.mjs");

/** `import text from "./x.proto?raw"` → the file's text, as Vite does in tests. */
const rawText = {
  name: "raw-text",
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.slice(0, -4)),
      namespace: "raw-text",
    }));
    b.onLoad({ filter: /.*/, namespace: "raw-text" }, async (args) => ({
      contents: await readFile(args.path, "utf8"),
      loader: "text",
    }));
  },
};

await build({
  entryPoints: [resolve(root, "src/cli.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  minify: false,
  sourcemap: false,
  legalComments: "eof",
  plugins: [rawText],
  define: { __VORTEX_AGENT_VERSION__: JSON.stringify(version) },
  // Some CommonJS dependencies (protobufjs) call require() at run time.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __vortexCreateRequire } from 'node:module';\nconst require = __vortexCreateRequire(import.meta.url);",
  },
});
await chmod(outfile, 0o755);
console.log(`built ${outfile} (${version})`);
