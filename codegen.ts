/**
 * One schema, two generated contracts: typed resolvers for the Worker and typed documents (with the
 * persisted-operation manifest) for the SPA. `npm run codegen` rewrites both after `schema:print`;
 * a schema change then fails to compile wherever it matters.
 */
import { createHash } from "node:crypto";
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  generates: {
    "workers/graphql/generated/resolvers.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        contextType: "../context#AppContext",
      },
    },
    // The SPA's documents, typed, and the manifest of their exact texts by SHA-256 (plain hex, the id
    // the APQ-shaped request body carries): the Worker's allow-list is written from it. Only the hash
    // ships in the bundle, since the SPA never sends query text.
    "web/src/graphql/generated/": {
      documents: ["web/src/graphql/*.ts"],
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: {
          mode: "replaceDocumentWithHash",
          hashAlgorithm: (document: string) => createHash("sha256").update(document).digest("hex"),
        },
      },
      config: {
        documentMode: "string",
        useTypeImports: true,
        strictScalars: true,
        scalars: { Bytes: "number", DateTime: "string", JSON: "unknown" },
      },
    },
  },
};

export default config;
