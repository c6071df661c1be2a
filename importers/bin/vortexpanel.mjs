#!/usr/bin/env node
// The published entry point: the bundled CLI (npm run build --workspace importers writes it).
import { existsSync } from "node:fs";

const bundle = new URL("../dist/vortexpanel.mjs", import.meta.url);
if (!existsSync(bundle)) {
  console.error("vortexpanel: the CLI is not built; run `npm run build --workspace importers` first");
  process.exit(1);
}
await import(bundle.href);
