/**
 * Writes workers/graphql/persisted-operations.json, the production allow-list of the SPA's
 * GraphQL operations, from web/src/graphql/*.ts (see workers/graphql/persisted-operations.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { buildManifest, extractOperations } from "../workers/graphql/persisted-operations";
import { buildSchema } from "../workers/graphql/schema";

const dir = new URL("../web/src/graphql/", import.meta.url);
const files = existsSync(dir)
  ? Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .map((f) => [f, readFileSync(new URL(f, dir), "utf8")]),
    )
  : {};
const manifest = await buildManifest(extractOperations(files), buildSchema());
writeFileSync(
  new URL("../workers/graphql/persisted-operations.json", import.meta.url),
  `${JSON.stringify(manifest, null, 2)}\n`,
);
console.log(`persisted-operations.json written: ${Object.keys(manifest).length} operations`);
