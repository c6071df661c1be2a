/**
 * Writes workers/graphql/persisted-operations.json, the production allow-list of the SPA's GraphQL
 * operations, from the manifest `npm run codegen` generates (see workers/graphql/persisted-operations.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { buildManifest } from "../workers/graphql/persisted-operations";
import { buildSchema } from "../workers/graphql/schema";

const generated = JSON.parse(
  readFileSync(new URL("../web/src/graphql/generated/persisted-documents.json", import.meta.url), "utf8"),
);
const manifest = await buildManifest(generated, buildSchema());
writeFileSync(
  new URL("../workers/graphql/persisted-operations.json", import.meta.url),
  `${JSON.stringify(manifest, null, 2)}\n`,
);
console.log(`persisted-operations.json written: ${Object.keys(manifest).length} operations`);
