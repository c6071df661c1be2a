/**
 * The one place a GraphQL document becomes a request body, for plain requests and live streams
 * alike. Documents come only from web/src/graphql/*.ts, whose exact texts the build lists in
 * workers/graphql/persisted-operations.json by SHA-256; the body names the document by that hash
 * (the APQ convention) and carries no query text, which is all a production panel accepts from a browser.
 */
import { operationId } from "../../../workers/graphql/operation-id";

const ids = new Map<string, Promise<string>>();

export async function operationBody(document: string, variables: Record<string, unknown> = {}): Promise<string> {
  let id = ids.get(document);
  if (!id) ids.set(document, (id = operationId(document)));
  return JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: await id } } });
}
