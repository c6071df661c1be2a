import { describe, expect, it } from "vitest";
import {
  generateSigningKeyPair,
  importPrivateKey,
  importPublicKey,
  REQUEST_HEADERS,
  requestSigningText,
  verifyText,
} from "../../../workers/agent/protocol/signing.ts";
import { EdgeClient, EdgeError, requestEnrollment } from "./client.ts";
import type { HttpAnswer, HttpRequest, HttpRequestInit } from "./http.ts";

const answer = (status: number, body: string, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  statusText: "",
  headers,
  body,
});

describe("edge client", async () => {
  const pair = await generateSigningKeyPair();
  const nodeKey = await importPrivateKey(pair.privateKey);
  const nodePublic = await importPublicKey(pair.publicKey);

  it("signs each request so the edge can check node, time, nonce and body", async () => {
    const seen: Array<{ url: string; init: HttpRequestInit }> = [];
    const fakeRequest: HttpRequest = async (url, init) => {
      seen.push({ url, init });
      return answer(200, JSON.stringify({ ackSeq: 3, configVersion: 9, cut: [] }));
    };
    const client = new EdgeClient({ panelUrl: "https://panel.example", nodeId: 7, nodeKey, request: fakeRequest });
    const reply = await client.pushUsage({ nodeId: 7, seq: 3, fromSec: 1, toSec: 2, deltas: [] });
    expect(reply).toEqual({ ackSeq: 3, configVersion: 9, cut: [] });
    const { url, init } = seen[0]!;
    const headers = init.headers;
    const text = await requestSigningText({
      method: "POST",
      pathWithQuery: new URL(url).pathname,
      nodeId: 7,
      timestampSec: Number(headers[REQUEST_HEADERS.timestamp]),
      nonce: headers[REQUEST_HEADERS.nonce]!,
      body: init.body as Uint8Array<ArrayBuffer>,
    });
    expect(await verifyText(nodePublic, text, headers[REQUEST_HEADERS.signature]!)).toBe(true);
    expect(headers[REQUEST_HEADERS.node]).toBe("7");
  });

  it("long-polls with the known version as ETag and understands 304", async () => {
    let sent: Record<string, string> = {};
    let path = "";
    const client = new EdgeClient({
      panelUrl: "https://panel.example",
      nodeId: 7,
      nodeKey,
      request: async (url, init) => {
        sent = init.headers;
        path = new URL(url).pathname + new URL(url).search;
        return answer(304, "");
      },
    });
    expect(await client.pollConfig(12, 60)).toEqual({ status: 304 });
    expect(sent["if-none-match"]).toBe('"12"');
    expect(path).toBe("/agent/v1/config?wait=25");
  });

  it("surfaces the edge's error code and message", async () => {
    const enroll = requestEnrollment({
      panelUrl: "https://panel.example",
      token: "t",
      publicKey: "pk",
      agentVersion: "0.1.0",
      request: async () =>
        answer(409, JSON.stringify({ error: { code: "TOKEN_USED", message: "token already used" } })),
    });
    await expect(enroll).rejects.toMatchObject({ status: 409, code: "TOKEN_USED" });
    await expect(enroll).rejects.toBeInstanceOf(EdgeError);
  });
});
