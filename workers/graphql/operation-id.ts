/**
 * A persisted operation's id: the SHA-256 (hex) of its exact text. Dependency-free so the SPA's
 * request function and the Worker's allow-list compute it with the same code.
 */
export async function operationId(document: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(document));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
