import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The latest rollup each usage shard applied (durable-objects/usage-shard.ts). A trigger
 * (migration 0018) refuses a seq that is not above it, which aborts the whole rollup batch: a
 * rollup resent after a lost answer changes nothing.
 */
export const usageRollups = sqliteTable(
  "usage_rollups",
  {
    shardId: integer("shard_id").notNull(),
    seq: integer("seq").notNull(),
    appliedAtSec: integer("applied_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shardId, t.seq] })],
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
