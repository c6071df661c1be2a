import { sql } from "drizzle-orm";
import type { NodeOperation } from "../agent/protocol/messages";
import type { Db } from "../db/client";
import { nodeOperations, type NodeOperationRow } from "./table";

/**
 * An operation sent to a node but never reported on is given up this long after its deadline:
 * the agent reports an operation it got too late as expired itself, so only a node that went
 * away for good leaves one behind.
 */
export const SENT_GRACE_SEC = 15 * 60;

/** The agent protocol level that runs operations (messages.ts AGENT_PROTOCOL_LEVEL's history). */
export const OPERATIONS_PROTOCOL_LEVEL = 2;

/** Marks the node's (or every node's) operations that can no longer start as expired. */
export function expireOverdue(db: Db, nowSec: number, nodeId?: number) {
  return db
    .update(nodeOperations)
    .set({ status: "expired", finishedAtSec: nowSec, detail: "not started before its deadline; the node was away" })
    .where(
      sql`(${nodeOperations.status} = 'pending' AND ${nodeOperations.notAfterSec} < ${nowSec}
        OR ${nodeOperations.status} = 'sent' AND ${nodeOperations.notAfterSec} + ${SENT_GRACE_SEC} < ${nowSec})
        ${nodeId === undefined ? sql`` : sql`AND ${nodeOperations.nodeId} = ${nodeId}`}`,
    );
}

/** The wire form of an operation row. */
export function toWire(row: NodeOperationRow): NodeOperation {
  const base = { id: row.id, notAfterSec: row.notAfterSec };
  switch (row.kind) {
    case "restart_core":
      return { ...base, kind: "restartCore" };
    case "reload_agent":
      return { ...base, kind: "reloadAgent" };
    case "update_agent": {
      if (!row.args) throw new Error(`update operation ${row.id} has no arguments`);
      return { ...base, kind: "updateAgent", ...row.args };
    }
  }
}

/**
 * The operations a config issued to this node at `version` carries: those waiting or already
 * sent and not past their deadline, oldest first (ids only grow, so the agent runs them in the
 * order they were asked for). They stay in every config until the agent reports on them; it runs
 * each id at most once. Nodes below protocol level 2 would ignore them, so they get none.
 */
export async function operationsToSend(
  db: Db,
  nodeId: number,
  version: number,
  nowSec: number,
): Promise<NodeOperation[]> {
  const [, sent] = await db.batch([
    expireOverdue(db, nowSec, nodeId),
    db
      .update(nodeOperations)
      .set({ status: "sent", configVersion: sql`COALESCE(${nodeOperations.configVersion}, ${version})` })
      .where(
        sql`${nodeOperations.nodeId} = ${nodeId} AND ${nodeOperations.status} IN ('pending', 'sent')
          AND ${nodeOperations.notAfterSec} >= ${nowSec}
          AND (SELECT COALESCE(agent_protocol, 1) FROM nodes WHERE id = ${nodeId}) >= ${OPERATIONS_PROTOCOL_LEVEL}`,
      )
      .returning(),
  ]);
  return sent.sort((a, b) => a.id - b.id).map(toWire);
}
