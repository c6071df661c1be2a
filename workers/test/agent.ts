import { exports } from "cloudflare:workers";
import type { UsagePush } from "../agent/protocol/messages";
import {
  generateSigningKeyPair,
  importPrivateKey,
  REQUEST_HEADERS,
  requestSigningText,
  signText,
} from "../agent/protocol/signing";
import { randomToken } from "../auth/crypto";
import { gql, ok } from "./api";

/** A node agent as the edge sees it: enrolled with a real key pair, signing every request. */
export async function enrolledAgent(adminToken: string, serverId: string) {
  const { createServerEnrollment } = ok(
    await gql(
      `mutation ($id: ID!) { createServerEnrollment(id: $id) { token } }`,
      { id: serverId },
      { token: adminToken },
    ),
  );
  const keys = await generateSigningKeyPair();
  const response = await exports.default.fetch("http://panel.test/agent/v1/enroll", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: createServerEnrollment.token, publicKey: keys.publicKey, agentVersion: "test" }),
  });
  if (response.status !== 200) throw new Error(`enroll failed: ${response.status} ${await response.text()}`);
  const enrolled = (await response.json()) as { nodeId: number; panelPublicKey: string };
  const privateKey = await importPrivateKey(keys.privateKey);
  let seq = 0;

  async function call(
    method: string,
    pathWithQuery: string,
    body?: unknown,
    headers: Record<string, string> = {},
    overrides: { nodeId?: number; timestampSec?: number; nonce?: string } = {},
  ) {
    const bytes = body === undefined ? new Uint8Array() : new TextEncoder().encode(JSON.stringify(body));
    const parts = {
      method,
      pathWithQuery,
      nodeId: overrides.nodeId ?? enrolled.nodeId,
      timestampSec: overrides.timestampSec ?? Math.floor(Date.now() / 1000),
      nonce: overrides.nonce ?? randomToken(16),
      body: bytes,
    };
    const signature = await signText(privateKey, await requestSigningText(parts));
    return exports.default.fetch(`http://panel.test${pathWithQuery}`, {
      method,
      headers: {
        ...headers,
        [REQUEST_HEADERS.node]: String(parts.nodeId),
        [REQUEST_HEADERS.timestamp]: String(parts.timestampSec),
        [REQUEST_HEADERS.nonce]: parts.nonce,
        [REQUEST_HEADERS.signature]: signature,
      },
      body: body === undefined ? undefined : bytes,
    });
  }

  return {
    ...enrolled,
    keys,
    call,
    pullConfig: (known = 0, waitSec = 0) =>
      call("GET", `/agent/v1/config?wait=${waitSec}`, undefined, known ? { "if-none-match": `"${known}"` } : {}),
    push: (deltas: UsagePush["deltas"], extra: Partial<UsagePush> = {}) =>
      call("POST", "/agent/v1/usage", {
        nodeId: enrolled.nodeId,
        seq: extra.seq ?? ++seq,
        fromSec: 0,
        toSec: Math.floor(Date.now() / 1000),
        deltas,
        ...extra,
      }),
  };
}
