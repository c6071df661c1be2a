import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { inbounds } from "../inbounds/table";

export const nodes = sqliteTable("nodes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  /** Host name or IP that clients connect to; share links use it. */
  address: text("address").notNull(),
  /** Bumped by every change that alters what this node must serve. */
  configVersion: integer("config_version").notNull().default(1),
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
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.inboundId] }), index("node_inbounds_inbound_idx").on(t.inboundId)],
);

export type NodeRow = typeof nodes.$inferSelect;
