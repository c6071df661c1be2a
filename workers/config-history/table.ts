import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { nodes } from "../nodes/table";

/**
 * issued: signed and sent, nothing heard yet; applied: the agent runs it; rejected: the agent
 * refused it (signature, version, expiry); failed: the core would not run it and the agent kept
 * the previous config; rolled_back: it ran, failed to start, and the agent restarted the previous one.
 */
export const CONFIG_OUTCOMES = ["issued", "applied", "rejected", "failed", "rolled_back"] as const;
export type ConfigOutcome = (typeof CONFIG_OUTCOMES)[number];

/** What a config held, counted when it is issued, so the history lists without reading R2. */
export interface ConfigSummary {
  inbounds: number;
  users: number;
  operations: number;
  /** SHA-256 of the routing policy's JSON: equal hashes, equal routing. */
  routingSha256: string;
}

/**
 * Every config envelope issued to a node, one row per (node, version). The signed envelope itself
 * is kept in R2 (`config-history/<nodeId>/<version>.json.gz`): one can hold 100,000 users,
 * beyond a D1 row. Bounded by config-history/retention.ts.
 */
export const nodeConfigHistory = sqliteTable(
  "node_config_history",
  {
    nodeId: integer("node_id")
      .notNull()
      .references(() => nodes.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    issuedAtSec: integer("issued_at").notNull(),
    /** SHA-256 of the signed payload text. */
    sha256: text("sha256").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    objectKey: text("object_key").notNull(),
    summary: text("summary", { mode: "json" }).$type<ConfigSummary>().notNull(),
    /** The version this one re-issued (rollbackNodeConfig); null for a live config. */
    rollbackOf: integer("rollback_of"),
    outcome: text("outcome", { enum: CONFIG_OUTCOMES }).notNull().default("issued"),
    outcomeAtSec: integer("outcome_at"),
    /** The core's or the agent's own words when the outcome is not `applied`. */
    error: text("error"),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.version] }), index("node_config_history_issued_idx").on(t.issuedAtSec)],
);
export type NodeConfigHistoryRow = typeof nodeConfigHistory.$inferSelect;
