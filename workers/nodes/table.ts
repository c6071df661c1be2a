import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { CoreCapabilities, Health, RoutingPolicy } from "../agent/protocol/messages";
import { inbounds } from "../inbounds/table";

/** pending: never enrolled; degraded: the agent reports in but its core is down. */
export const NODE_STATUSES = ["pending", "online", "degraded", "offline"] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export const nodes = sqliteTable("nodes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  /** Host name or IP that clients connect to; share links use it. */
  address: text("address").notNull(),
  /** Bumped by every change that alters what this node must serve. */
  configVersion: integer("config_version").notNull().default(1),
  /** The agent's Ed25519 public key (raw, base64url), set at enrollment; null until then. */
  publicKey: text("public_key"),
  enrolledAtSec: integer("enrolled_at"),
  status: text("status", { enum: NODE_STATUSES }).notNull().default("pending"),
  lastSeenAtSec: integer("last_seen_at"),
  coreVersion: text("core_version"),
  agentVersion: text("agent_version"),
  appliedConfigVersion: integer("applied_config_version"),
  health: text("health", { mode: "json" }).$type<
    Omit<Health, "capabilities" | "protocol" | "configOutcomes" | "operations">
  >(),
  /** What the node's core can serve and what it skipped, as last reported; null: unknown (never reported, or an older agent). */
  capabilities: text("capabilities", { mode: "json" }).$type<CoreCapabilities>(),
  /** Where the node stands, in degrees; subscriptions list nearer nodes first. Null: unknown. */
  latitude: real("latitude"),
  longitude: real("longitude"),
  /** Replaces the panel-wide routing policy for this node as a whole; null: the panel-wide one. */
  routingPolicy: text("routing_policy", { mode: "json" }).$type<RoutingPolicy>(),
  /**
   * Set by rollbackNodeConfig: the node runs this historical version's inbounds and routing (with
   * users reconciled to now) until an admin unpins it. Null: the live config.
   */
  configPinVersion: integer("config_pin_version"),
  /** The agent protocol level the node last reported (messages.ts AGENT_PROTOCOL_LEVEL); null: level 1. */
  agentProtocol: integer("agent_protocol"),
  createdAtSec: integer("created_at").notNull().default(sql`(unixepoch())`),
  updatedAtSec: integer("updated_at").notNull().default(sql`(unixepoch())`),
});

export const nodeInbounds = sqliteTable(
  "node_inbounds",
  {
    nodeId: integer("node_id")
      .notNull()
      .references(() => nodes.id, { onDelete: "cascade" }),
    inboundId: integer("inbound_id")
      .notNull()
      .references(() => inbounds.id, { onDelete: "cascade" }),
    /**
     * False when the node's last report rules this inbound out (skipped, or outside its core's
     * capabilities): subscriptions leave the pair out by this flag alone. Kept by
     * nodes/capabilities.ts whenever a report, a link or the inbound changes.
     */
    served: integer("served", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.inboundId] }), index("node_inbounds_inbound_idx").on(t.inboundId)],
);

export type NodeRow = typeof nodes.$inferSelect;

/** One-time tokens an admin hands to `vortex-agent enroll`; stored hashed. */
export const nodeEnrollments = sqliteTable("node_enrollments", {
  tokenHash: text("token_hash").primaryKey(),
  nodeId: integer("node_id")
    .notNull()
    .references(() => nodes.id, { onDelete: "cascade" }),
  createdAtSec: integer("created_at").notNull(),
  expiresAtSec: integer("expires_at").notNull(),
  usedAtSec: integer("used_at"),
});
