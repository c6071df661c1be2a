import { eq } from "drizzle-orm";
import type { Context, Next } from "hono";
import type { Db } from "../db/client";
import { DomainError } from "../errors/domain-error";
import type { AppEnv } from "../http/request-context";
import { nodes } from "../nodes/table";
import {
  importPublicKey,
  REQUEST_HEADERS,
  REQUEST_MAX_SKEW_SEC,
  requestSigningText,
  verifyText,
} from "./protocol/signing";

export type AgentEnv = AppEnv & { Variables: AppEnv["Variables"] & { nodeId: number; body: Uint8Array<ArrayBuffer> } };

const refuse = (why: string) => new DomainError("UNAUTHENTICATED", `agent request refused: ${why}`);

/**
 * Admits a request only if it is signed by the key the node enrolled with, is fresh, and was not
 * seen before. Every refusal reads alike to the caller; the reason is logged for the operator.
 */
export async function verifyAgentRequest(c: Context<AgentEnv>, next: Next) {
  const header = (name: string) => c.req.header(name) ?? "";
  const nodeId = Number(header(REQUEST_HEADERS.node));
  const timestampSec = Number(header(REQUEST_HEADERS.timestamp));
  const nonce = header(REQUEST_HEADERS.nonce);
  const signature = header(REQUEST_HEADERS.signature);
  const nowSec = Math.floor(Date.now() / 1000);
  const deny = (why: string) => {
    console.warn(
      JSON.stringify({
        event: "agent.request_refused",
        nodeId: Number.isSafeInteger(nodeId) ? nodeId : null,
        why,
        path: c.req.path,
      }),
    );
    return refuse("bad signature, stale timestamp, replay or unknown node");
  };

  if (!Number.isSafeInteger(nodeId) || nodeId < 1 || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce) || !signature)
    throw deny("missing or malformed headers");
  if (!Number.isSafeInteger(timestampSec) || Math.abs(nowSec - timestampSec) > REQUEST_MAX_SKEW_SEC)
    throw deny("timestamp outside the window");
  const node = await nodePublicKey(c.var.readReplica(), nodeId);
  if (!node) throw deny("node unknown or not enrolled");
  const body = new Uint8Array(await c.req.arrayBuffer());
  const url = new URL(c.req.url);
  const text = await requestSigningText({
    method: c.req.method,
    pathWithQuery: url.pathname + url.search,
    nodeId,
    timestampSec,
    nonce,
    body,
  });
  if (!(await verifyText(await importPublicKey(node), text, signature))) throw deny("signature does not verify");
  if (!(await c.env.NODE.getByName(String(nodeId)).acceptNonce(nonce))) throw deny("nonce replayed");
  c.set("nodeId", nodeId);
  c.set("body", body);
  await next();
}

/**
 * Every signed agent request reads its node's key (400/s at 2,000 nodes), so it reads any replica,
 * off D1's single primary (docs/scale.md). A replica may lag by seconds: a node's first request
 * after enrolling may be refused (the agent retries), and a deleted node's key may pass as long
 * (its report then finds no node).
 */
async function nodePublicKey(db: Db, nodeId: number): Promise<string | null> {
  const row = await db.select({ publicKey: nodes.publicKey }).from(nodes).where(eq(nodes.id, nodeId)).get();
  return row?.publicKey ?? null;
}
