import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { admins } from "../admins/table";
import { groups } from "../groups/table";
import { inbounds } from "../inbounds/table";

export const USER_STATUSES = ["active", "disabled", "limited", "expired", "on_hold"] as const;
export const RESET_STRATEGIES = ["none", "day", "week", "month", "year"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export type ResetStrategy = (typeof RESET_STRATEGIES)[number];

/** Where users who never expire sort by expiry: after every date. A literal, so the index below matches the query's expression. */
export const NEVER_EXPIRES = Number.MAX_SAFE_INTEGER;
const expirySortKey = (expireAt: unknown) => sql`coalesce(${expireAt}, ${sql.raw(String(NEVER_EXPIRES))})`;

/**
 * When the current usage period ends (UTC calendar arithmetic). SQLite indexes it (its date
 * functions are deterministic without 'now'), so the index follows every write that starts a
 * period or changes the strategy, whoever makes it (admins, plans, imports, housekeeping).
 */
const nextResetKey = (periodStartedAt: unknown, createdAt: unknown, resetStrategy: unknown) =>
  sql`unixepoch(coalesce(${periodStartedAt}, ${createdAt}), 'unixepoch', CASE ${resetStrategy} WHEN 'day' THEN '+1 day' WHEN 'week' THEN '+7 days' WHEN 'month' THEN '+1 month' ELSE '+1 year' END)`;

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull(),
    /** Derived from the fields below on every write; see status.ts. */
    status: text("status", { enum: USER_STATUSES }).notNull(),
    /** The admin's own switch; `status` only says "disabled" when this is false. */
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    dataLimitBytes: integer("data_limit_bytes"),
    usedBytes: integer("used_bytes").notNull().default(0),
    lifetimeUsedBytes: integer("lifetime_used_bytes").notNull().default(0),
    expireAtSec: integer("expire_at"),
    /** "Expire N days after first use": the clock starts when the user first connects. */
    onHoldExpireDays: integer("on_hold_expire_days"),
    firstUsedAtSec: integer("first_used_at"),
    resetStrategy: text("reset_strategy", { enum: RESET_STRATEGIES }).notNull().default("none"),
    /** Devices (by x-hwid) the user may fetch its subscription from; null follows the panel setting, 0 is no limit. */
    deviceLimit: integer("device_limit"),
    /** Start of the current usage period; periodic resets move it forward. */
    periodStartedAtSec: integer("period_started_at"),
    note: text("note").notNull().default(""),
    /** The user's Telegram chat id, as a decimal string (ids exceed 2^53 in JSON tooling); null: unknown. */
    telegramId: text("telegram_id"),
    adminId: integer("admin_id")
      .notNull()
      .references(() => admins.id),
    /** >= 128 bits, URL-safe; rotating it revokes the old subscription link. */
    subToken: text("sub_token").notNull().unique(),
    vlessId: text("vless_id").notNull(),
    vmessId: text("vmess_id").notNull(),
    trojanPassword: text("trojan_password").notNull(),
    shadowsocksPassword: text("shadowsocks_password").notNull(),
    hysteria2Password: text("hysteria2_password").notNull(),
    createdAtSec: integer("created_at").notNull().default(sql`(unixepoch())`),
    updatedAtSec: integer("updated_at").notNull().default(sql`(unixepoch())`),
  },
  (t) => [
    uniqueIndex("users_username_unique").on(sql`lower(${t.username})`),
    index("users_admin_idx").on(t.adminId, t.id),
    index("users_status_idx").on(t.status, t.id),
    // The list's sort orders (users/order.ts): a page is an index walk, not a sort of every user.
    // Not used traffic: every usage push rewrites used_bytes, and an index on it would double
    // the rows each push writes (D1 bills index writes too) to spare an occasional sort.
    index("users_username_idx").on(t.username, t.id),
    index("users_expiry_idx").on(expirySortKey(t.expireAtSec), t.id),
    // The minute's housekeeping (usage/housekeeping.ts) walks these from their earliest entry and
    // stops at now, so a run reads only users that are due. Partial, so users time can no longer
    // change (already expired, limited, disabled; never reset) do not pile up at the front.
    index("users_expiry_due_idx")
      .on(t.expireAtSec, t.id)
      .where(sql`${t.status} IN ('active', 'on_hold') AND ${t.expireAtSec} IS NOT NULL`),
    index("users_reset_due_idx")
      .on(nextResetKey(t.periodStartedAtSec, t.createdAtSec, t.resetStrategy), t.id)
      .where(sql`${t.resetStrategy} != 'none'`),
  ],
);

export const userExpirySortKey = expirySortKey(users.expireAtSec);
export const userNextResetKey = nextResetKey(users.periodStartedAtSec, users.createdAtSec, users.resetStrategy);

/**
 * How many users each admin owns in each status. Triggers on users (migrations/0017_user_counts.sql)
 * keep it in the transaction of every write, whichever code path writes; counts.ts reads it. Derived
 * data: backups leave it out and a restore recounts it.
 */
export const userCounts = sqliteTable(
  "user_counts",
  {
    adminId: integer("admin_id").notNull(),
    status: text("status", { enum: USER_STATUSES }).notNull(),
    users: integer("users").notNull(),
  },
  (t) => [primaryKey({ columns: [t.adminId, t.status] })],
);

export const userGroups = sqliteTable(
  "user_groups",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupId] }), index("user_groups_group_idx").on(t.groupId, t.userId)],
);

/**
 * A user's secret for one inbound where it differs from the user's own for that protocol. Only
 * imports write these: a 3x-ui person held a different UUID, flow or shadowsocks method in each
 * inbound, and every phone keeps the one it has. Null columns follow the user and the inbound.
 */
export const userInboundCredentials = sqliteTable(
  "user_inbound_credentials",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    inboundId: integer("inbound_id")
      .notNull()
      .references(() => inbounds.id, { onDelete: "cascade" }),
    /** The UUID (vless, vmess) or password (trojan, shadowsocks, hysteria2). */
    secret: text("secret"),
    /** vless flow; "" means none where the inbound sets one. */
    flow: text("flow"),
    /** shadowsocks method for this user (classic ciphers in multi-user inbounds). */
    method: text("method"),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.inboundId] }),
    index("user_inbound_credentials_inbound_idx").on(t.inboundId),
  ],
);

export type UserInboundCredentialRow = typeof userInboundCredentials.$inferSelect;
export type UserRow = typeof users.$inferSelect;
