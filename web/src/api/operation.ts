/**
 * The one place a GraphQL document becomes a request body, for plain requests and live streams
 * alike. Documents come only from web/src/graphql/*.ts, so switching to persisted operations means
 * changing this function to send the document's id instead of its text.
 */
export function operationBody(document: string, variables: Record<string, unknown> = {}): string {
  return JSON.stringify({ query: document, variables });
}
