/**
 * Remote operations on nodes: queued here, delivered in each node's next signed config
 * (pending.ts), reported on by its agent (results.ts). Queuing bumps the nodes' config versions
 * in the same batch, so long-polling agents get the operation at once.
 */
import { desc, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { admins } from "../admins/table";
import { auditBy, auditInsert, type ActorContext } from "../audit/record";
import { rawStatement, runBatch, type Db } from "../db/client";
import { DomainError, notFound } from "../errors/domain-error";
import { bumpNodes } from "../nodes/config-version";
import { nodes, type NodeRow } from "../nodes/table";
import { readSettings } from "../settings/settings";
import { expireOverdue, OPERATIONS_PROTOCOL_LEVEL } from "./pending";
import { builtInRelease, findRelease, releasePath, type AgentRelease } from "./releases";
import { nodeOperations, type NodeOperationKind, type NodeOperationRow, type UpdateAgentArgs } from "./table";

/** A restart asked for now is not wanted a quarter of an hour later (the node was away meanwhile). */
export const OPERATION_TTL_SEC = 15 * 60;

/** An automatic update that failed is not retried on that node for this long (the cron runs every minute). */
export const AUTO_UPDATE_RETRY_SEC = 24 * 3600;

export type ServiceKind = "core" | "agent";
const KIND_OF_SERVICE: Record<ServiceKind, NodeOperationKind> = { core: "restart_core", agent: "reload_agent" };

export type OperationView = NodeOperationRow & { server: NodeRow; requestedByName: string | null };

/**
 * The nodes an operation targets: one node, or every enrolled one. Each must run an agent that
 * acts on operations; an older one is refused by name rather than left waiting forever.
 */
async function targetNodes(db: Db, serverId: number | undefined): Promise<NodeRow[]> {
  const found = await db
    .select()
    .from(nodes)
    .where(serverId === undefined ? isNotNull(nodes.publicKey) : eq(nodes.id, serverId))
    .all();
  if (serverId !== undefined) {
    const node = found[0];
    if (!node) throw notFound("server", serverId);
    if (!node.publicKey) throw new DomainError("BAD_USER_INPUT", `server ${node.name} has no enrolled agent yet`);
  }
  const old = found.filter((n) => (n.agentProtocol ?? 1) < OPERATIONS_PROTOCOL_LEVEL);
  if (old.length)
    throw new DomainError(
      "BAD_USER_INPUT",
      `${old.map((n) => n.name).join(", ")} run${old.length === 1 ? "s" : ""} an agent too old for remote ` +
        `operations (protocol level ${OPERATIONS_PROTOCOL_LEVEL} is needed): reinstall it with the install line ` +
        `from the Nodes page, or target the other nodes one by one`,
    );
  return found;
}

interface QueueRequest {
  targets: NodeRow[];
  kind: NodeOperationKind;
  args: UpdateAgentArgs | null;
  requestedBy: number | null;
  nowSec: number;
  /** The audit record of the request. */
  audit: ReturnType<typeof auditInsert>;
  /** Statements that must land with the new rows (superseding older ones). */
  before?: ReturnType<typeof rawStatement>[];
}

/** Inserts one operation per node, bumps their configs and records who asked, in one batch; returns the rows. */
async function queue(db: Db, request: QueueRequest): Promise<NodeOperationRow[]> {
  const { targets, kind, args, requestedBy, nowSec, audit, before = [] } = request;
  if (targets.length === 0) return [];
  const ids = targets.map((n) => n.id);
  const results = await runBatch(db, [
    ...before,
    db
      .insert(nodeOperations)
      .values(
        ids.map((nodeId) => ({
          nodeId,
          kind,
          args,
          requestedBy,
          requestedAtSec: nowSec,
          notAfterSec: nowSec + OPERATION_TTL_SEC,
        })),
      )
      .returning(),
    bumpNodes(db, ids),
    audit,
  ]);
  return results[before.length] as NodeOperationRow[];
}

/** Restarts the core (its users reconnect) or reloads the agent (nobody notices) on one node or all. */
export async function requestServiceRestart(
  ctx: ActorContext,
  service: ServiceKind,
  serverId: number | undefined,
): Promise<NodeOperationRow[]> {
  const targets = await targetNodes(ctx.db, serverId);
  const kind = KIND_OF_SERVICE[service];
  return queue(ctx.db, {
    targets,
    kind,
    args: null,
    requestedBy: ctx.actor.id,
    nowSec: ctx.nowSec(),
    audit: auditBy(ctx, {
      action: `node.${kind}`,
      targetType: "server",
      ...(serverId === undefined ? {} : { targetId: serverId }),
      details: { servers: targets.length },
    }),
  });
}

const updateArgs = (release: AgentRelease): UpdateAgentArgs => ({
  version: release.version,
  sha256: release.sha256,
  sizeBytes: release.sizeBytes,
  path: releasePath(release.version),
});

/** A node's updates not yet delivered are replaced by a newer one: the last word wins. */
const supersedeWaitingUpdates = (db: Db, nodeIds: number[], nowSec: number) =>
  rawStatement(
    db,
    sql`UPDATE node_operations SET status = 'expired', finished_at = ${nowSec},
        detail = 'replaced by a newer update before the node fetched it'
      WHERE kind = 'update_agent' AND status = 'pending'
        AND node_id IN (SELECT value FROM json_each(${JSON.stringify(nodeIds)}))`,
  );

/** Moves one node, or every enrolled node, to release `version`; nodes already on it are left alone. */
export async function requestAgentUpdate(
  ctx: ActorContext & { env: Env },
  version: string,
  serverId: number | undefined,
): Promise<NodeOperationRow[]> {
  const release = await findRelease(ctx.db, ctx.env, version);
  const targets = (await targetNodes(ctx.db, serverId)).filter((n) => n.agentVersion !== release.version);
  const nowSec = ctx.nowSec();
  return queue(ctx.db, {
    targets,
    kind: "update_agent",
    args: updateArgs(release),
    requestedBy: ctx.actor.id,
    nowSec,
    audit: auditBy(ctx, {
      action: "node.update_agent",
      targetType: "server",
      ...(serverId === undefined ? {} : { targetId: serverId }),
      details: { version, sha256: release.sha256, servers: targets.length },
    }),
    before: [
      supersedeWaitingUpdates(
        ctx.db,
        targets.map((n) => n.id),
        nowSec,
      ),
    ],
  });
}

/**
 * The `agentAutoUpdate` policy, run by the cron: every node able to update itself whose agent
 * differs from the built-in release is moved to it, with at most one update under way per node,
 * and a node whose update to this release failed lately is left for an admin to look at.
 */
export async function autoUpdateAgents(env: Env, db: Db, nowSec: number): Promise<NodeOperationRow[]> {
  if (!(await readSettings(db)).agentAutoUpdate) return [];
  const release = await builtInRelease(env);
  const targets = await db
    .select()
    .from(nodes)
    .where(
      sql`${nodes.publicKey} IS NOT NULL AND COALESCE(${nodes.agentProtocol}, 1) >= ${OPERATIONS_PROTOCOL_LEVEL}
        AND ${nodes.agentVersion} IS NOT NULL AND ${nodes.agentVersion} != ${release.version}
        AND NOT EXISTS (SELECT 1 FROM node_operations o WHERE o.node_id = ${nodes.id} AND o.kind = 'update_agent'
          AND (o.status IN ('pending', 'sent', 'running')
            OR o.status IN ('failed', 'expired') AND json_extract(o.args, '$.version') = ${release.version}
              AND o.requested_at > ${nowSec - AUTO_UPDATE_RETRY_SEC}))`,
    )
    .all();
  return queue(db, {
    targets,
    kind: "update_agent",
    args: updateArgs(release),
    requestedBy: null,
    nowSec,
    audit: auditInsert(
      db,
      { actor: null, ip: "cron", nowSec },
      {
        action: "node.update_agent",
        targetType: "server",
        details: { version: release.version, servers: targets.length, policy: "agentAutoUpdate" },
      },
    ),
  });
}

/** The cron's share: operations that can no longer start are expired, then the update policy runs. */
export async function runOperationsHousekeeping(env: Env, db: Db, nowSec: number): Promise<void> {
  await expireOverdue(db, nowSec).run();
  await autoUpdateAgents(env, db, nowSec);
}

const operationViews = (db: Db) =>
  db
    .select({ operation: nodeOperations, server: nodes, requestedByName: admins.username })
    .from(nodeOperations)
    .innerJoin(nodes, eq(nodes.id, nodeOperations.nodeId))
    .leftJoin(admins, eq(admins.id, nodeOperations.requestedBy));

const flatten = (rows: Array<{ operation: NodeOperationRow; server: NodeRow; requestedByName: string | null }>) =>
  rows.map((r): OperationView => ({ ...r.operation, server: r.server, requestedByName: r.requestedByName }));

/** Operations newest first, one node's or every node's, with their node and who asked. */
export async function listOperations(db: Db, serverId: number | undefined, first: number): Promise<OperationView[]> {
  const where: SQL | undefined = serverId === undefined ? undefined : eq(nodeOperations.nodeId, serverId);
  const limit = Math.max(1, Math.min(first, 200));
  return flatten(await operationViews(db).where(where).orderBy(desc(nodeOperations.id)).limit(limit).all());
}

/** The views of freshly queued rows, oldest first. */
export async function viewsOf(db: Db, rows: NodeOperationRow[]): Promise<OperationView[]> {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  return flatten(
    await operationViews(db)
      .where(sql`${nodeOperations.id} IN (SELECT value FROM json_each(${ids}))`)
      .orderBy(nodeOperations.id)
      .all(),
  );
}
