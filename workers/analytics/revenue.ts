import { and, gte, inArray, isNotNull, lt, or } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { invoices } from "../billing/invoices/table";
import { fromUnits, toUnits } from "../billing/money";
import type { Db } from "../db/client";
import { utcDay } from "../lib/utc";

export interface RevenuePoint {
  day: string;
  currency: string;
  paid: string;
  refunded: string;
  /** paid - refunded, exactly (negative on a day with more refunded than paid). */
  net: string;
  invoicesPaid: number;
}

export interface PlanRevenue extends Omit<RevenuePoint, "day"> {
  planId: number | null;
}

export type CurrencyRevenue = Omit<RevenuePoint, "day">;

/** Epoch seconds: from `fromSec` up to (excluding) `untilSec`; no end is up to now. */
export interface RevenueWindow {
  fromSec: number;
  untilSec?: number;
}

interface Sums {
  paid: bigint;
  refunded: bigint;
  invoicesPaid: number;
}

/** Invoices paid (status paid, or refunded since) or refunded within the window: what revenue sums. */
async function invoicesTouched(db: Db, { fromSec, untilSec }: RevenueWindow) {
  return db
    .select({
      planId: invoices.planId,
      currency: invoices.currency,
      total: invoices.total,
      paidAtSec: invoices.paidAtSec,
      refundedAtSec: invoices.refundedAtSec,
    })
    .from(invoices)
    .where(
      and(
        inArray(invoices.status, ["paid", "refunded"]),
        isNotNull(invoices.paidAtSec),
        or(within(invoices.paidAtSec, fromSec, untilSec), within(invoices.refundedAtSec, fromSec, untilSec)),
      ),
    );
}

const within = (column: SQLiteColumn, fromSec: number, untilSec: number | undefined) =>
  and(gte(column, fromSec), untilSec === undefined ? undefined : lt(column, untilSec));

type Touched = Awaited<ReturnType<typeof invoicesTouched>>[number];

/**
 * Sums amounts exactly, per key: each currency at the most fraction digits any of its amounts
 * has, so "4.99" + "5" is "9.99" and every figure of one currency shows the same digits.
 */
function sumExactly<Key>(
  rows: Touched[],
  { fromSec, untilSec = Number.POSITIVE_INFINITY }: RevenueWindow,
  keysOf: (row: Touched) => { paid?: Key; refunded?: Key },
  currencyOf: (key: Key) => string,
) {
  const decimals = new Map<string, number>();
  for (const row of rows) {
    const digits = row.total.split(".")[1]?.length ?? 0;
    decimals.set(row.currency, Math.max(decimals.get(row.currency) ?? 0, digits));
  }
  const sums = new Map<string, { key: Key; sums: Sums }>();
  const entry = (key: Key) => {
    const id = JSON.stringify(key);
    const found = sums.get(id) ?? { key, sums: { paid: 0n, refunded: 0n, invoicesPaid: 0 } };
    sums.set(id, found);
    return found.sums;
  };
  for (const row of rows) {
    const units = toUnits(row.total, decimals.get(row.currency)!);
    const { paid, refunded } = keysOf(row);
    if (paid !== undefined && row.paidAtSec! >= fromSec && row.paidAtSec! < untilSec) {
      const sums = entry(paid);
      sums.paid += units;
      sums.invoicesPaid += 1;
    }
    const refundedAt = row.refundedAtSec;
    if (refunded !== undefined && refundedAt !== null && refundedAt >= fromSec && refundedAt < untilSec) {
      entry(refunded).refunded += units;
    }
  }
  return [...sums.values()].map(({ key, sums }) => {
    const digits = decimals.get(currencyOf(key))!;
    return {
      key,
      paid: fromUnits(sums.paid, digits),
      refunded: fromUnits(sums.refunded, digits),
      net: signedFromUnits(sums.paid - sums.refunded, digits),
      invoicesPaid: sums.invoicesPaid,
    };
  });
}

const signedFromUnits = (units: bigint, digits: number) =>
  units < 0n ? `-${fromUnits(-units, digits)}` : fromUnits(units, digits);

/**
 * Money per UTC day and currency in the window: an invoice's total counts as paid on the day it
 * was paid and as refunded on the day it was refunded (a refund is of the whole invoice).
 */
export async function revenueByDay(db: Db, window: RevenueWindow): Promise<RevenuePoint[]> {
  const rows = await invoicesTouched(db, window);
  return sumExactly(
    rows,
    window,
    (row) => ({
      paid: [utcDay(row.paidAtSec!), row.currency] as const,
      refunded: row.refundedAtSec === null ? undefined : ([utcDay(row.refundedAtSec), row.currency] as const),
    }),
    (key) => key[1],
  )
    .map(({ key: [day, currency], ...sums }) => ({ day, currency, ...sums }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.currency.localeCompare(b.currency));
}

/** Money per plan and currency in the window (paid and refunded within it); planId null: a deleted plan. */
export async function revenueByPlan(db: Db, window: RevenueWindow): Promise<PlanRevenue[]> {
  const rows = await invoicesTouched(db, window);
  return sumExactly(
    rows,
    window,
    (row) => ({ paid: [row.planId, row.currency] as const, refunded: [row.planId, row.currency] as const }),
    (key) => key[1],
  )
    .map(({ key: [planId, currency], ...sums }) => ({ planId, currency, ...sums }))
    .sort((a, b) => (a.planId ?? 0) - (b.planId ?? 0) || a.currency.localeCompare(b.currency));
}

/** Money per currency over the whole window: the totals of revenueByDay, summed exactly here so no client adds floats. */
export async function revenueByCurrency(db: Db, window: RevenueWindow): Promise<CurrencyRevenue[]> {
  const rows = await invoicesTouched(db, window);
  return sumExactly(
    rows,
    window,
    (row) => ({ paid: row.currency, refunded: row.currency }),
    (key) => key,
  )
    .map(({ key: currency, ...sums }) => ({ currency, ...sums }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}
