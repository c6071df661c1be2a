import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { inbounds } from "../inbounds/table";

/** Users reach inbounds through groups, so 10,000 users are linked by one row each, not one per inbound. */
export const groups = sqliteTable("groups", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  note: text("note").notNull().default(""),
  createdAtSec: integer("created_at").notNull().default(sql`(unixepoch())`),
});

export const groupInbounds = sqliteTable(
  "group_inbounds",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    inboundId: integer("inbound_id")
      .notNull()
      .references(() => inbounds.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.inboundId] }), index("group_inbounds_inbound_idx").on(t.inboundId)],
);

export type GroupRow = typeof groups.$inferSelect;
