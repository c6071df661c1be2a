import { parse, validate, type GraphQLSchema } from "graphql";
import { operationId } from "./operation-id";

/**
 * Persisted operations: the only GraphQL the SPA may send from a browser in production.
 *
 * The allow-list is built from web/src/graphql/*.ts, where each operation is written as
 * `export const Name = /* GraphQL *\/ \`...\`` with no interpolation. Its id is the SHA-256 (hex)
 * of that exact text, so the SPA computes the same id from the constant it imports and sends
 * `extensions: { persistedQuery: { version: 1, sha256Hash: <id> } }` (the APQ convention that
 * @graphql-yoga/plugin-persisted-operations reads) instead of, or beside, the query text.
 * `npm run persisted:generate` writes persisted-operations.json; a test fails when it is stale.
 */

export interface PersistedOperation {
  name: string;
  file: string;
  document: string;
}

const EXPORT = /export const (\w+)\s*=\s*\/\*\s*GraphQL\s*\*\/\s*`([^`]*)`/g;

/** The operations declared in the SPA's GraphQL files, by file name and source text. */
export function extractOperations(files: Record<string, string>): PersistedOperation[] {
  const operations: PersistedOperation[] = [];
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [, name, document] of text.matchAll(EXPORT)) {
      if (document!.includes("${"))
        throw new Error(`${file}: ${name} interpolates; persisted operations must be plain text`);
      operations.push({ name: name!, file, document: document! });
    }
  }
  return operations;
}

export { operationId };

/** The allow-list, id → document, each operation checked against the schema first. */
export async function buildManifest(
  operations: PersistedOperation[],
  schema: GraphQLSchema,
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    operations.map(async (op) => {
      const errors = validate(schema, parse(op.document));
      if (errors.length)
        throw new Error(`${op.file}: ${op.name} does not validate: ${errors.map((e) => e.message).join("; ")}`);
      return [await operationId(op.document), op.document] as const;
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
