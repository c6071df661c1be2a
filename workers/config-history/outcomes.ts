import { sql } from "drizzle-orm";
import type { ConfigOutcomeReport } from "../agent/protocol/messages";
import { rawStatement, type Db, type Statement } from "../db/client";
import type { ConfigOutcome } from "./table";

/** The longest error text kept per version: the core's last words, not its whole log. */
export const OUTCOME_ERROR_MAX_CHARS = 2000;

const STORED_OUTCOME = {
  applied: "applied",
  rejected: "rejected",
  failed: "failed",
  rolledBack: "rolled_back",
} as const satisfies Record<ConfigOutcomeReport["outcome"], ConfigOutcome>;

/**
 * Records what the node's agent reported about the configs it was sent: one statement whatever
 * the number of reports (they travel as one JSON parameter). Agents resend their recent outcomes
 * with every push, so only rows whose outcome or error differ move: a resend changes nothing.
 */
export function configOutcomeStatements(
  db: Db,
  nodeId: number,
  reports: readonly ConfigOutcomeReport[],
  _nowSec: number,
): Statement[] {
  if (reports.length === 0) return [];
  const rows = reports.map((r) => ({
    version: r.version,
    outcome: STORED_OUTCOME[r.outcome],
    atSec: r.atSec,
    error: r.error ? r.error.slice(0, OUTCOME_ERROR_MAX_CHARS) : null,
  }));
  return [
    rawStatement(
      db,
      sql`UPDATE node_config_history SET outcome = r.outcome, outcome_at = r.at_sec, error = r.error
      FROM (SELECT json_extract(value, '$.version') AS version, json_extract(value, '$.outcome') AS outcome,
          json_extract(value, '$.atSec') AS at_sec, json_extract(value, '$.error') AS error
        FROM json_each(${JSON.stringify(rows)})) AS r
      WHERE node_config_history.node_id = ${nodeId} AND node_config_history.version = r.version
        AND (node_config_history.outcome != r.outcome OR node_config_history.error IS NOT r.error)`,
    ),
  ];
}
