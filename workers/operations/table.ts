import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { admins } from "../admins/table";
import { nodes } from "../nodes/table";

export const NODE_OPERATION_KINDS = ["restart_core", "reload_agent", "update_agent"] as const;
export type NodeOperationKind = (typeof NODE_OPERATION_KINDS)[number];

/**
 * pending: waiting for the next config; sent: in a signed config the agent fetched; running:
 * the agent said it started; then succeeded, failed, or expired (not done before notAfter).
 */
export const NODE_OPERATION_STATUSES = ["pending", "sent", "running", "succeeded", "failed", "expired"] as const;
export type NodeOperationStatus = (typeof NODE_OPERATION_STATUSES)[number];

/** What an update_agent operation moves the node to. */
export interface UpdateAgentArgs {
  version: string;
  sha256: string;
  sizeBytes: number;
  /** Panel-relative path the agent downloads the bundle from. */
  path: string;
}

/** Remote operations on a node, delivered in its signed config (no inbound port on the node). */
export const nodeOperations = sqliteTable(
  "node_operations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    nodeId: integer("node_id")
      .notNull()
      .references(() => nodes.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NODE_OPERATION_KINDS }).notNull(),
    args: text("args", { mode: "json" }).$type<UpdateAgentArgs>(),
    status: text("status", { enum: NODE_OPERATION_STATUSES }).notNull().default("pending"),
    requestedBy: integer("requested_by").references(() => admins.id, { onDelete: "set null" }),
    requestedAtSec: integer("requested_at").notNull(),
    /** After this the agent does not start it: a restart asked for yesterday is not wanted today. */
    notAfterSec: integer("not_after").notNull(),
    /** The config version that first carried it. */
    configVersion: integer("config_version"),
    /** The agent's words: what happened, or the core's error. */
    detail: text("detail"),
    finishedAtSec: integer("finished_at"),
  },
  (t) => [index("node_operations_node_idx").on(t.nodeId, t.status)],
);
export type NodeOperationRow = typeof nodeOperations.$inferSelect;

/**
 * Agent bundles uploaded besides the one the panel is built with (which is served from its
 * assets): a newer build to canary on one node, or an older one to go back to. Bytes in R2
 * (`agent-releases/<version>.mjs`).
 */
export const agentReleases = sqliteTable("agent_releases", {
  version: text("version").primaryKey(),
  sha256: text("sha256").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  objectKey: text("object_key").notNull(),
  uploadedBy: integer("uploaded_by").references(() => admins.id, { onDelete: "set null" }),
  uploadedAtSec: integer("uploaded_at").notNull(),
});
export type AgentReleaseRow = typeof agentReleases.$inferSelect;
