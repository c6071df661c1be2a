import type { Db } from "../db/client";
import { recordIssuedConfig } from "../config-history/record";
import { nodeConfigPayload } from "../config-history/pinned";
import { operationsToSend } from "../operations/pending";
import { clientIpKey } from "../analytics/sharing";
import { panelSigningKey } from "./keys";
import { signConfig } from "./config";
import type { ConfigEnvelope } from "./protocol/messages";

export interface IssueContext {
  db: Db;
  env: Env;
  /** Work that may finish after the reply (keeping the issued envelope in the history). */
  waitUntil: (promise: Promise<unknown>) => void;
  /** nodes.config_pin_version, read with the node's version: the pinned version, null for the live config. */
  pinnedTo: number | null;
}

/**
 * The signed config a node gets at `version`: its live (or pinned) payload, the operations
 * waiting for it, signed, and kept in the node's config history.
 */
export async function issueConfig(
  ctx: IssueContext,
  nodeId: number,
  version: number,
  nowSec: number,
): Promise<ConfigEnvelope> {
  const payload = await nodeConfigPayload(ctx, nodeId, version, nowSec);
  const operations = await operationsToSend(ctx.db, nodeId, version, nowSec);
  if (operations.length > 0) payload.operations = operations;
  // Current, not pinned: a rolled-back config must hash addresses like every other node.
  payload.clientIpKey = await clientIpKey(ctx.env);
  const { privateKey } = await panelSigningKey(ctx.env);
  const envelope = await signConfig(payload, privateKey);
  ctx.waitUntil(recordIssuedConfig(ctx, payload, envelope, nowSec));
  return envelope;
}
