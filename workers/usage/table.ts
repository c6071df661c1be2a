import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The latest usage push applied per node. A trigger (migration 0001) refuses a seq that is not
 * above it, which aborts the whole push batch: a replayed push changes nothing.
 */
export const usagePushes = sqliteTable(
  "usage_pushes",
  {
    nodeId: integer("node_id").notNull(),
    seq: integer("seq").notNull(),
    receivedAtSec: integer("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.seq] })],
);

/** Per user per UTC day, for history and charts. */
export const usageDaily = sqliteTable(
  "usage_daily",
  {
    userId: integer("user_id").notNull(),
    day: text("day").notNull(),
    upBytes: integer("up_bytes").notNull().default(0),
    downBytes: integer("down_bytes").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
