import { and, count, eq, gt, gte, lt, sql, type SQL } from "drizzle-orm";
import { admins } from "../admins/table";
import { revenueByDay, type RevenueWindow } from "../analytics/revenue";
import type { Permission } from "../auth/roles";
import { invoices } from "../billing/invoices/table";
import type { Db } from "../db/client";
import { users } from "../users/table";
import { type Cell, decimalCell } from "./formats";
import { rangeSeconds, type DayRange } from "./range";

/** What one export reads: the range, and the owning admin a reseller is confined to (undefined: all). */
export interface ExportQuery {
  range: DayRange;
  ownerId: number | undefined;
}

/** A page of records in column order, and the keyset position after its last one. */
export interface Page {
  records: Cell[][];
  /** Where the next page starts; opaque to the caller. */
  after: unknown;
}

/**
 * One exportable table: its columns, who may read it, a count for the progress bar, and keyset
 * pages in a fixed order (each page starts strictly after the last key of the one before, so
 * pages join without gaps or repeats however rows are spread).
 */
export interface Dataset {
  permission: Permission;
  headers: readonly string[];
  count(db: Db, query: ExportQuery): Promise<number>;
  page(db: Db, query: ExportQuery, after: unknown, limit: number): Promise<Page>;
}

const iso = (sec: number | null) => (sec === null ? null : new Date(sec * 1000).toISOString());
const countOf = async (rows: Promise<{ n: number }[]>) => (await rows)[0]?.n ?? 0;

/**
 * Users created in the range (every user without one). Never their credentials or subscription
 * token: an export leaves the panel, and those would let the reader connect as the user.
 */
const usersDataset: Dataset = {
  permission: "users:read",
  headers: [
    "id",
    "username",
    "status",
    "enabled",
    "data_limit_bytes",
    "used_bytes",
    "lifetime_used_bytes",
    "expire_at",
    "reset_strategy",
    "note",
    "owner",
    "created_at",
  ],
  count: (db, query) => countOf(db.select({ n: count() }).from(users).where(usersWhere(query))),
  async page(db, query, after, limit) {
    const rows = await db
      .select({
        id: users.id,
        username: users.username,
        status: users.status,
        enabled: users.enabled,
        dataLimitBytes: users.dataLimitBytes,
        usedBytes: users.usedBytes,
        lifetimeUsedBytes: users.lifetimeUsedBytes,
        expireAtSec: users.expireAtSec,
        resetStrategy: users.resetStrategy,
        note: users.note,
        owner: admins.username,
        createdAtSec: users.createdAtSec,
      })
      .from(users)
      .innerJoin(admins, eq(admins.id, users.adminId))
      .where(and(usersWhere(query), gt(users.id, (after as number | null) ?? 0)))
      .orderBy(users.id)
      .limit(limit);
    return {
      records: rows.map((r) => [
        r.id,
        r.username,
        r.status,
        r.enabled,
        r.dataLimitBytes,
        r.usedBytes,
        r.lifetimeUsedBytes,
        iso(r.expireAtSec),
        r.resetStrategy,
        r.note,
        r.owner,
        iso(r.createdAtSec),
      ]),
      after: rows.at(-1)?.id ?? null,
    };
  },
};

function usersWhere({ range, ownerId }: ExportQuery): SQL | undefined {
  const { fromSec, untilSec } = rangeSeconds(range);
  return and(
    ownerId === undefined ? undefined : eq(users.adminId, ownerId),
    fromSec === undefined ? undefined : gte(users.createdAtSec, fromSec),
    untilSec === undefined ? undefined : lt(users.createdAtSec, untilSec),
  );
}

/**
 * Daily traffic per user per UTC day in the range, in (user, day) order. CROSS JOIN keeps users as
 * the outer loop (SQLite does not reorder it): each user is one seek into usage_daily's primary key
 * for just the range's days, so a page and the count cost users + rows in the range, not every day
 * of history ever kept (a scan of usage_daily was 2.5x slower for the count over 2,000,000 rows, 16x
 * for a page). Days of deleted users are left out with them.
 */
const usageDataset: Dataset = {
  permission: "users:read",
  headers: ["day", "user_id", "username", "up_bytes", "down_bytes", "total_bytes"],
  count: async (db, query) => (await db.get<{ n: number }>(sql`SELECT count(*) AS n ${usageFrom(query)}`))?.n ?? 0,
  async page(db, query, after, limit) {
    const [afterUser, afterDay] = (after as [number, string] | null) ?? [0, ""];
    const rows = await db.all<{ day: string; userId: number; username: string; upBytes: number; downBytes: number }>(
      sql`SELECT usage_daily.day AS day, users.id AS userId, users.username AS username,
        usage_daily.up_bytes AS upBytes, usage_daily.down_bytes AS downBytes
      ${usageFrom(query)} AND users.id >= ${afterUser} AND (users.id > ${afterUser} OR usage_daily.day > ${afterDay})
      ORDER BY users.id, usage_daily.day LIMIT ${limit}`,
    );
    const last = rows.at(-1);
    return {
      records: rows.map((r) => [r.day, r.userId, r.username, r.upBytes, r.downBytes, r.upBytes + r.downBytes]),
      after: last ? [last.userId, last.day] : null,
    };
  },
};

/** FROM … WHERE of the usage export; callers may add conditions with AND. */
function usageFrom({ range, ownerId }: ExportQuery): SQL {
  return sql`FROM users CROSS JOIN usage_daily ON usage_daily.user_id = users.id
    AND usage_daily.day >= ${range.from ?? ""} AND usage_daily.day <= ${range.to ?? "9999-12-31"}
    WHERE ${ownerId === undefined ? sql`1` : sql`users.admin_id = ${ownerId}`}`;
}

/** Invoices issued in the range, by number. Billing is not a reseller's (billing:read), so there is no owner scope. */
const invoicesDataset: Dataset = {
  permission: "billing:read",
  headers: [
    "id",
    "created_at",
    "user_id",
    "username",
    "status",
    "currency",
    "total",
    "paid_at",
    "paid_via",
    "payment_ref",
    "refunded_at",
    "flag",
  ],
  count: (db, query) => countOf(db.select({ n: count() }).from(invoices).where(invoicesWhere(query))),
  async page(db, query, after, limit) {
    const rows = await db
      .select()
      .from(invoices)
      .where(and(invoicesWhere(query), gt(invoices.id, (after as number | null) ?? 0)))
      .orderBy(invoices.id)
      .limit(limit);
    return {
      records: rows.map((r) => [
        r.id,
        iso(r.createdAtSec),
        r.userId,
        r.username,
        r.status,
        r.currency,
        r.total,
        iso(r.paidAtSec),
        r.paidVia,
        r.paymentRef,
        iso(r.refundedAtSec),
        r.flag,
      ]),
      after: rows.at(-1)?.id ?? null,
    };
  },
};

function invoicesWhere({ range }: ExportQuery): SQL | undefined {
  const { fromSec, untilSec } = rangeSeconds(range);
  return and(
    fromSec === undefined ? undefined : gte(invoices.createdAtSec, fromSec),
    untilSec === undefined ? undefined : lt(invoices.createdAtSec, untilSec),
  );
}

/**
 * Money per UTC day and currency in the range, as the Revenue page shows it (analytics/revenue.ts
 * sums it exactly: amounts are decimal strings). A range holds at most a row per day and currency,
 * so each page sums the range again and keeps the rows after the last key: a year is ~365 rows
 * per currency, and invoices are few beside users and usage.
 */
const revenueDataset: Dataset = {
  permission: "billing:read",
  headers: ["day", "currency", "paid", "refunded", "net", "invoices_paid"],
  count: async (db, query) => (await revenueByDay(db, revenueWindow(query))).length,
  async page(db, query, after, limit) {
    const [afterDay, afterCurrency] = (after as [string, string] | null) ?? ["", ""];
    const rows = (await revenueByDay(db, revenueWindow(query)))
      .filter((r) => r.day > afterDay || (r.day === afterDay && r.currency > afterCurrency))
      .slice(0, limit);
    const last = rows.at(-1);
    return {
      records: rows.map((r) => [
        r.day,
        r.currency,
        decimalCell(r.paid),
        decimalCell(r.refunded),
        decimalCell(r.net),
        r.invoicesPaid,
      ]),
      after: last ? [last.day, last.currency] : null,
    };
  },
};

function revenueWindow({ range }: ExportQuery): RevenueWindow {
  const { fromSec, untilSec } = rangeSeconds(range);
  return { fromSec: fromSec ?? 0, untilSec };
}

export const DATASETS = {
  users: usersDataset,
  usage: usageDataset,
  invoices: invoicesDataset,
  revenue: revenueDataset,
} as const;
export type DatasetName = keyof typeof DATASETS;
