// Bundles the CLI into one ESM file, dist/vortexpanel.mjs, for `node` >= 22.13 (node:sqlite):
// bin/vortexpanel.mjs runs it, so `npx vortexpanel import …` needs nothing else installed.
import { chmod } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = resolve(root, "dist/vortexpanel.mjs");

await build({
  // src/cli.ts only exports `main`, so tests can import its parts; the bundle is what runs it.
  stdin: {
    contents: 'import { main } from "./src/cli.ts";\nprocess.exitCode = await main(process.argv.slice(2));\n',
    resolveDir: root,
    sourcefile: "vortexpanel-entry.ts",
    loader: "ts",
  },
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  minify: false,
  sourcemap: false,
  legalComments: "eof",
  banner: { js: "#!/usr/bin/env node" },
});
await chmod(outfile, 0o755);
console.log(`built ${outfile}`);
