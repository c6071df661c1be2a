import { sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { OperationResult } from "../agent/protocol/messages";
import { rawStatement, type Db } from "../db/client";

/** The agent's words are kept to this many characters: enough for a core's error, no more. */
export const MAX_DETAIL_CHARS = 1000;

/**
 * How far along a status is. A result only ever moves an operation forward, so an agent that
 * resends its latest results with every push (reports.ts), or a push that arrives late, cannot
 * take a finished operation back to running.
 */
const rank = (status: SQL) =>
  sql`CASE ${status} WHEN 'pending' THEN 0 WHEN 'sent' THEN 1 WHEN 'running' THEN 2 ELSE 3 END`;

/**
 * Statements that record where the node's agent says its operations stand. They run in the
 * batch of the push that carried them (nodes/presence.ts), and that same push publishes the
 * node's serverStatus event, keyed by server: a subscriber selecting `operations` on it sees a
 * finished operation live, with no event of its own. ONE statement
 * whatever the number of results (they travel as one JSON parameter), idempotent, forward-only,
 * and confined to this node's operations (a node cannot report on another's).
 */
export function operationResultStatements(
  db: Db,
  nodeId: number,
  results: readonly OperationResult[],
  nowSec: number,
): BatchItem<"sqlite">[] {
  if (results.length === 0) return [];
  const rows = JSON.stringify(
    results.map((r) => ({ id: r.id, status: r.status, detail: r.detail?.slice(0, MAX_DETAIL_CHARS) ?? null })),
  );
  const reported = sql.raw("r.status");
  const current = sql.raw("node_operations.status");
  return [
    rawStatement(
      db,
      sql`UPDATE node_operations SET
          status = r.status,
          detail = COALESCE(r.detail, node_operations.detail),
          finished_at = CASE WHEN r.status IN ('succeeded', 'failed', 'expired') THEN ${nowSec} END
        FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.status') AS status,
                     json_extract(value, '$.detail') AS detail FROM json_each(${rows})) AS r
        WHERE node_operations.id = r.id AND node_operations.node_id = ${nodeId}
          AND ${rank(current)} < ${rank(reported)}`,
    ),
  ];
}
