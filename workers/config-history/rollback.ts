import { eq } from "drizzle-orm";
import { auditBy, type ActorContext } from "../audit/record";
import { runBatch } from "../db/client";
import { notFound } from "../errors/domain-error";
import { bumpNodes } from "../nodes/config-version";
import { nodes, type NodeRow } from "../nodes/table";
import { keptVersion } from "./history";

/**
 * Pins a node to a version of its history: from now on it is issued that version's inbounds and
 * routing with users reconciled to now (pinned.ts), as a new config version, so the agent wakes
 * and applies it. The version must still be kept (its envelope readable) and be this node's.
 */
export async function rollbackNodeConfig(
  ctx: ActorContext,
  bucket: R2Bucket,
  nodeId: number,
  version: number,
): Promise<NodeRow> {
  const node = await ctx.db.select({ id: nodes.id }).from(nodes).where(eq(nodes.id, nodeId)).get();
  if (!node) throw notFound("server", nodeId);
  const { payload } = await keptVersion(ctx.db, bucket, nodeId, version);
  return setPin(ctx, nodeId, version, {
    action: "node.config_rollback",
    details: { version, inbounds: payload.inbounds.map((i) => i.tag) },
  });
}

/** Returns a pinned node to its live config (a new version; the agent wakes). */
export async function unpinNodeConfig(ctx: ActorContext, nodeId: number): Promise<NodeRow> {
  const node = await ctx.db.select({ pin: nodes.configPinVersion }).from(nodes).where(eq(nodes.id, nodeId)).get();
  if (!node) throw notFound("server", nodeId);
  return setPin(ctx, nodeId, null, { action: "node.config_unpin", details: { wasPinnedTo: node.pin } });
}

async function setPin(
  ctx: ActorContext,
  nodeId: number,
  pin: number | null,
  audit: { action: string; details: Record<string, unknown> },
): Promise<NodeRow> {
  const results = await runBatch(ctx.db, [
    ctx.db.update(nodes).set({ configPinVersion: pin, updatedAtSec: ctx.nowSec() }).where(eq(nodes.id, nodeId)),
    bumpNodes(ctx.db, [nodeId]),
    auditBy(ctx, { action: audit.action, targetType: "node", targetId: nodeId, details: audit.details }),
    ctx.db.select().from(nodes).where(eq(nodes.id, nodeId)),
  ]);
  return (results[results.length - 1] as NodeRow[])[0]!;
}
