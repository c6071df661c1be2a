/**
 * The one place a GraphQL document becomes a request body, for plain requests and live streams
 * alike. Documents are written with `graphql(...)` in web/src/graphql/*.ts; `npm run codegen` types
 * them and lists their texts by SHA-256 in the persisted-documents manifest, from which the Worker's
 * allow-list is written. The build keeps only that hash in the bundle, so the body names the
 * document by it (the APQ convention) and carries no query text, which is all a production panel
 * accepts from a browser.
 */
import type { TypedDocumentString } from "../graphql/generated/graphql";

/** Any generated document: its result and variables types ride along for `request` and `useLive`. */
export type Document<Result = unknown, Variables = Record<string, unknown>> = TypedDocumentString<Result, Variables>;

export function operationId(document: Document<unknown, never>): string {
  const hash: unknown = document.__meta__?.hash;
  // A document codegen has not seen yet has no hash: say so rather than send a request the panel refuses.
  if (typeof hash !== "string") throw new Error("a GraphQL document without a persisted id: run npm run codegen");
  return hash;
}

export function operationBody(document: Document<unknown, never>, variables: unknown = {}): string {
  return JSON.stringify({
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: operationId(document) } },
  });
}
