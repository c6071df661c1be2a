import { sql } from "drizzle-orm";
import type { Health } from "../agent/protocol/messages";
import { OUTCOME_ERROR_MAX_CHARS } from "../config-history/outcomes";
import { rawStatement, type Db, type Statement } from "../db/client";
import { panelEvent, type PanelEvent } from "./catalogue";

/*
 * What a node's report says that admins should hear besides its status: a config it refused or
 * could not apply, and a new agent release. Agents resend recent outcomes with every push, so
 * news is what differs from the row the report finds: read in the report's own batch, before
 * the statements that record it.
 */

const FAILED = { rejected: "rejected", failed: "failed", rolledBack: "rolled_back" } as const;
const STORED_FAILURES: readonly string[] = Object.values(FAILED);

/** The node's name and agent release, and the stored outcome of each version the report names. */
export function nodeBeforeReportStatement(db: Db, nodeId: number, health: Health): Statement {
  const versions = JSON.stringify((health.configOutcomes ?? []).map((r) => r.version));
  return rawStatement(
    db,
    sql`SELECT name, agent_version AS agentVersion,
      (SELECT json_group_array(json_array(version, outcome)) FROM node_config_history
        WHERE node_id = ${nodeId} AND version IN (SELECT value FROM json_each(${versions}))) AS outcomes
    FROM nodes WHERE id = ${nodeId}`,
  );
}

interface NodeBefore {
  name: string;
  agentVersion: string | null;
  /** JSON [[version, stored outcome], …] */
  outcomes: string;
}

/**
 * server.config_failed for each reported failure of a version whose stored outcome was not a
 * failure yet (once per node and version, whatever the agent resends), and server.agent_updated
 * when the reported release differs from the recorded one. A node's first report (no release on
 * record) is its install, not an update.
 */
export function nodeReportEvents(before: unknown, nodeId: number, health: Health, nowSec: number): PanelEvent[] {
  const row = (before as D1Result<NodeBefore>).results[0];
  if (!row) return [];
  const stored = new Map(JSON.parse(row.outcomes) as [number, string | null][]);
  const events: PanelEvent[] = [];
  for (const report of health.configOutcomes ?? []) {
    if (report.outcome === "applied" || !stored.has(report.version)) continue;
    if (STORED_FAILURES.includes(stored.get(report.version) ?? "")) continue;
    events.push(
      panelEvent(
        "server.config_failed",
        nowSec,
        {
          name: row.name,
          version: report.version,
          outcome: report.outcome,
          error: report.error?.slice(0, OUTCOME_ERROR_MAX_CHARS) ?? null,
        },
        { serverId: nodeId },
      ),
    );
  }
  if (row.agentVersion !== null && row.agentVersion !== health.agentVersion)
    events.push(
      panelEvent(
        "server.agent_updated",
        nowSec,
        { name: row.name, from: row.agentVersion, to: health.agentVersion },
        { serverId: nodeId },
      ),
    );
  return events;
}
