import { and, eq, lte, ne, sql } from "drizzle-orm";
import type { Health } from "../agent/protocol/messages";
import { nodeBumpStatement, runBatch, type Db } from "../db/client";
import type { PanelEvent } from "../events/catalogue";
import { nodeBeforeReportStatement, nodeReportEvents } from "../events/detect-node";
import type { LiveEvent } from "../live/topics";
import { configOutcomeStatements } from "../config-history/outcomes";
import { operationResultStatements } from "../operations/results";
import { refreshServedOnReport } from "./capabilities";
import { nodes, type NodeRow } from "./table";

/*
 * A node's presence (status, last seen) moves in two ways only: its agent reports in (online,
 * or degraded when its core is down), or it stays silent too long (offline). NodeObject is the
 * one owner: it calls these on a report and from its alarm, and announces what moved.
 */

/** A node's row as its latest report left it, what live subscribers should hear of it, and the news (events/status.ts). */
export interface NodeReport {
  node: NodeRow;
  events: LiveEvent[];
  news: PanelEvent[];
}

/** A node that has not reported for this long is offline; agents push at least every 5 s. */
export const OFFLINE_AFTER_MS = 30_000;

/**
 * After the panel is restored from an older backup, a node's agent may run a config version the
 * restored panel holds too, or a higher one, that came from the panel before the restore: the
 * agent refuses every version not above its own, so it would keep that config. The restore moves
 * versions past what it knew; this catches the rest on the node's first report since the restore
 * (its restored last-seen predates the restore) and on any report above the panel's version,
 * moving the node past the applied version in the report's batch (runBatch wakes its long poll).
 */
function raiseConfigVersionPastApplied(db: Db, nodeId: number, appliedConfigVersion: number) {
  return nodeBumpStatement(
    db,
    sql`UPDATE nodes SET config_version = ${appliedConfigVersion} + 1, updated_at = unixepoch()
      WHERE id = ${nodeId} AND (config_version < ${appliedConfigVersion} OR (config_version = ${appliedConfigVersion}
        AND last_seen_at < (SELECT max(started_at) FROM restores WHERE status IN ('verifying', 'complete'))))
      RETURNING id AS "nodeId", config_version AS "version"`,
  );
}

/**
 * Records a report from a node's agent: seen now, online (a degraded node stays degraded until
 * a health report says its core runs again), and with health, what it runs and can serve (a
 * changed capabilities report first re-derives which of its inbounds it serves). Returns the
 * node's row as the report left it; undefined for an unknown node. After a restore from an older
 * backup, an applied version the panel did not send moves the node's version past it. News the
 * report carries (a config that failed, a new agent release) goes to `emit`.
 */
export async function recordReport(
  db: Db,
  nodeId: number,
  health: Health | undefined,
  nowSec: number,
  emit: (events: PanelEvent[]) => void = () => {},
): Promise<NodeRow | undefined> {
  const byId = eq(nodes.id, nodeId);
  if (!health) {
    const [node] = await db
      .update(nodes)
      .set({
        lastSeenAtSec: nowSec,
        status: sql`CASE WHEN ${nodes.status} = 'degraded' THEN 'degraded' ELSE 'online' END`,
      })
      .where(byId)
      .returning();
    return node;
  }
  const { capabilities, protocol, configOutcomes, operations } = health;
  const [before, , , [node]] = (await runBatch(db, [
    nodeBeforeReportStatement(db, nodeId, health),
    refreshServedOnReport(db, nodeId, capabilities ?? null),
    raiseConfigVersionPastApplied(db, nodeId, health.appliedConfigVersion),
    db
      .update(nodes)
      .set({
        lastSeenAtSec: nowSec,
        status: health.coreRunning ? "online" : "degraded",
        coreVersion: health.coreVersion,
        agentVersion: health.agentVersion,
        appliedConfigVersion: health.appliedConfigVersion,
        health: storedHealth(health),
        capabilities: capabilities ?? null,
        agentProtocol: protocol ?? 1,
      })
      .where(byId)
      .returning(),
    ...configOutcomeStatements(db, nodeId, configOutcomes ?? [], nowSec),
    ...operationResultStatements(db, nodeId, operations ?? [], nowSec),
  ])) as [unknown, unknown, unknown, NodeRow[]];
  emit(nodeReportEvents(before, nodeId, health, nowSec));
  return node;
}

/**
 * A report without news, written once a minute (NodeObject): last seen and the vitals, and the
 * catch-up after a restore from an older backup, in two statements instead of recordReport's
 * batch (capabilities, outcomes and operations did not change since that was written).
 */
export async function recordQuietReport(
  db: Db,
  nodeId: number,
  health: Health,
  nowSec: number,
): Promise<NodeRow | undefined> {
  const [, [node]] = (await runBatch(db, [
    raiseConfigVersionPastApplied(db, nodeId, health.appliedConfigVersion),
    db
      .update(nodes)
      .set({ lastSeenAtSec: nowSec, health: storedHealth(health) })
      .where(eq(nodes.id, nodeId))
      .returning(),
  ])) as [unknown, NodeRow[]];
  return node;
}

/** What of a report the node's `health` column keeps: its vitals and what it runs. */
export function storedHealth(health: Health): NonNullable<NodeRow["health"]> {
  const { capabilities, protocol, configOutcomes, operations, ...stored } = health;
  return stored;
}

/** Marks a node offline when it has not reported for OFFLINE_AFTER_MS; returns its row if it did. */
export function markOfflineIfSilent(db: Db, nodeId: number, nowMs: number): Promise<NodeRow | undefined> {
  const cutoffSec = Math.floor((nowMs - OFFLINE_AFTER_MS) / 1000);
  return db
    .update(nodes)
    .set({ status: "offline" })
    .where(and(eq(nodes.id, nodeId), ne(nodes.status, "offline"), lte(nodes.lastSeenAtSec, cutoffSec)))
    .returning()
    .get();
}
