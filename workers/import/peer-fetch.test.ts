import { describe, expect, it } from "vitest";
import { errorCode, gql, ownerToken } from "../test/api";

const FETCH = `mutation ($input: PeerApiRequestInput!) { fetchPeerApi(input: $input) { status contentType body } }`;

describe("fetchPeerApi", () => {
  it("refuses what is not an http(s) request a peer reader makes, before any request leaves", async () => {
    const token = await ownerToken();
    const refused = async (input: Record<string, unknown>) =>
      (await gql(FETCH, { input: { method: "GET", ...input } }, { token })).errors?.[0]?.message;
    expect(await refused({ url: "file:///etc/passwd" })).toContain("must be http or https");
    expect(await refused({ url: "/api/users" })).toContain("must be an absolute URL");
    expect(await refused({ url: "https://admin:secret@peer.example/api/users" })).toContain("user name or password");
    expect(await refused({ url: "https://peer.example/api/users", method: "DELETE" })).toContain("method");
    expect(await refused({ url: "https://peer.example/api", contentType: "text/html" })).toContain("contentType");
  });

  it("answers nobody who is not signed in as the owner", async () => {
    const result = await gql(FETCH, { input: { url: "https://peer.example/api/users", method: "GET" } });
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
  });
});
