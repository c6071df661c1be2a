import { parse, validate, type GraphQLSchema } from "graphql";
import { sha256Hex } from "../lib/sha256";

/**
 * Persisted operations: the only GraphQL the SPA may send from a browser in production.
 *
 * The SPA writes its documents with `graphql(...)` in web/src/graphql/*.ts; `npm run codegen`
 * types them and writes their exact texts by SHA-256 (hex) to web/src/graphql/generated/persisted-documents.json.
 * The SPA's bundle keeps only that id and sends `extensions: { persistedQuery: { version: 1, sha256Hash: <id> } }`
 * (the APQ convention that @graphql-yoga/plugin-persisted-operations reads) instead of the query text.
 * `npm run persisted:generate` checks that manifest and writes persisted-operations.json from it; a
 * test fails when the checked-in file is stale.
 */

/** A persisted operation's id: the SHA-256 (hex) of its exact text, as codegen.ts computes it for the SPA. */
export const operationId = (document: string): Promise<string> => sha256Hex(document);

/** The allow-list, id → document, from codegen's manifest: each id checked against its text and each operation against the schema. */
export async function buildManifest(
  documents: Record<string, string>,
  schema: GraphQLSchema,
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(documents).map(async ([id, document]) => {
      if ((await operationId(document)) !== id)
        throw new Error(`${id} is not the SHA-256 of its document: ${document}`);
      const errors = validate(schema, parse(document));
      if (errors.length) throw new Error(`${document} does not validate: ${errors.map((e) => e.message).join("; ")}`);
      return [id, document] as const;
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Browsers mark requests to secure origins with Sec-Fetch-Site and every POST with Origin;
 * scripts and CLIs with a token send neither (Node's fetch sends Sec-Fetch-Mode only, so that
 * one is not a sign). In production only browsers are held to the allow-list: a page can run
 * nothing but the SPA's own operations.
 */
export function arbitraryOperationsAllowed(environment: string, headers: Headers): boolean {
  if (environment !== "production") return true;
  return !headers.has("sec-fetch-site") && !headers.has("origin");
}
