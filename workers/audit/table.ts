import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    atSec: integer("at").notNull(),
    /** Null for actions by nobody signed in (failed sign-ins, setup). */
    actorId: integer("actor_id"),
    actorUsername: text("actor_username"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_actor_idx").on(t.actorId, t.id),
    index("audit_log_target_idx").on(t.targetType, t.targetId, t.id),
    index("audit_log_action_idx").on(t.action, t.id),
  ],
);
