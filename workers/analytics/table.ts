import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Per user per UTC hour: spikes against the user's own baseline, forecasts, hourly charts. */
export const usageHourly = sqliteTable(
  "usage_hourly",
  {
    userId: integer("user_id").notNull(),
    /** Start of the UTC hour, epoch seconds. */
    hourSec: integer("hour").notNull(),
    upBytes: integer("up_bytes").notNull().default(0),
    downBytes: integer("down_bytes").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.hourSec] }), index("usage_hourly_hour").on(t.hourSec)],
);

/** Per node per UTC hour, summed from the same user deltas the users were charged (so they add up exactly). */
export const nodeTrafficHourly = sqliteTable(
  "node_traffic_hourly",
  {
    nodeId: integer("node_id").notNull(),
    hourSec: integer("hour").notNull(),
    upBytes: integer("up_bytes").notNull().default(0),
    downBytes: integer("down_bytes").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.hourSec] }), index("node_traffic_hourly_hour").on(t.hourSec)],
);

/** Per node per inbound tag per UTC hour, from the core's inbound counters the agent reports (level 3). */
export const inboundTrafficHourly = sqliteTable(
  "inbound_traffic_hourly",
  {
    nodeId: integer("node_id").notNull(),
    tag: text("tag").notNull(),
    hourSec: integer("hour").notNull(),
    upBytes: integer("up_bytes").notNull().default(0),
    downBytes: integer("down_bytes").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.tag, t.hourSec] }), index("inbound_traffic_hourly_hour").on(t.hourSec)],
);

/**
 * Lifetime counters per node and inbound (tag '' is the node's users' total), never pruned: what
 * /metrics exposes as monotonic `_total` counters, whatever retention does to the hourly rows.
 */
export const trafficTotals = sqliteTable(
  "traffic_totals",
  {
    nodeId: integer("node_id").notNull(),
    tag: text("tag").notNull(),
    upBytes: integer("up_bytes").notNull().default(0),
    downBytes: integer("down_bytes").notNull().default(0),
    pushes: integer("pushes").notNull().default(0),
    lastPushAtSec: integer("last_push_at"),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.tag] })],
);

/** Users per owning admin and status at the end of each UTC day (taken by the cron), for "users by status over time". */
export const userStatusDaily = sqliteTable(
  "user_status_daily",
  {
    day: text("day").notNull(),
    adminId: integer("admin_id").notNull(),
    status: text("status").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.adminId, t.status] })],
);

/**
 * Distinct client addresses seen per user per hour, as keyed hashes (never the address itself),
 * from the agents' access logs (level 3): the account-sharing signal across all nodes.
 */
export const userClientIps = sqliteTable(
  "user_client_ips",
  {
    userId: integer("user_id").notNull(),
    hourSec: integer("hour").notNull(),
    ipHash: text("ip_hash").notNull(),
    nodeId: integer("node_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.hourSec, t.ipHash] }), index("user_client_ips_hour").on(t.hourSec)],
);

export const ANOMALY_KINDS = ["usage_spike", "account_sharing"] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/** A user flagged by the detectors: a usage spike against its own baseline, or more addresses than its device limit. */
export const usageAnomalies = sqliteTable(
  "usage_anomalies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").notNull(),
    adminId: integer("admin_id").notNull(),
    kind: text("kind", { enum: ANOMALY_KINDS }).notNull(),
    /** The hour the detection looked at (one flag per user, kind and hour). */
    hourSec: integer("hour").notNull(),
    observed: real("observed").notNull(),
    baseline: real("baseline").notNull(),
    detectedAtSec: integer("detected_at").notNull(),
  },
  (t) => [
    uniqueIndex("usage_anomalies_once").on(t.userId, t.kind, t.hourSec),
    index("usage_anomalies_admin").on(t.adminId, t.id),
  ],
);

export type AnomalyRow = typeof usageAnomalies.$inferSelect;
