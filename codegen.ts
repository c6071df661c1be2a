/**
 * One schema, two generated contracts: typed resolvers for the Worker and typed documents (with the
 * persisted-operation manifest) for the SPA. `npm run codegen` rewrites both after `schema:print`;
 * a schema change then fails to compile wherever it matters.
 */
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
  },
};

export default config;
