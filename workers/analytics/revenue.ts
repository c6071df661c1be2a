import { and, gte, inArray, isNotNull, or } from "drizzle-orm";
import { invoices } from "../billing/invoices/table";
import { fromUnits, toUnits } from "../billing/money";
import type { Db } from "../db/client";
import { utcDay } from "../lib/utc";

export interface RevenuePoint {
  day: string;
  currency: string;
  paid: string;
  refunded: string;
  invoicesPaid: number;
}

export interface PlanRevenue {
  planId: number | null;
  currency: string;
  paid: string;
  refunded: string;
  invoicesPaid: number;
}

interface Sums {
  paid: bigint;
  refunded: bigint;
  invoicesPaid: number;
}

/** Invoices paid (status paid, or refunded since) or refunded within the window: what revenue sums. */
async function invoicesTouched(db: Db, fromSec: number) {
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
        or(gte(invoices.paidAtSec, fromSec), gte(invoices.refundedAtSec, fromSec)),
      ),
    );
}

type Touched = Awaited<ReturnType<typeof invoicesTouched>>[number];

/**
 * Sums amounts exactly, per key: each currency at the most fraction digits any of its amounts
 * has, so "4.99" + "5" is "9.99" and every figure of one currency shows the same digits.
 */
function sumExactly<Key>(
  rows: Touched[],
  fromSec: number,
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
    if (paid !== undefined && row.paidAtSec! >= fromSec) {
      const sums = entry(paid);
      sums.paid += units;
      sums.invoicesPaid += 1;
    }
    if (refunded !== undefined && row.refundedAtSec !== null && row.refundedAtSec >= fromSec) {
      entry(refunded).refunded += units;
    }
  }
  return [...sums.values()].map(({ key, sums }) => {
    const digits = decimals.get(currencyOf(key))!;
    return {
      key,
      paid: fromUnits(sums.paid, digits),
      refunded: fromUnits(sums.refunded, digits),
      invoicesPaid: sums.invoicesPaid,
    };
  });
}

/**
 * Money per UTC day and currency since `fromSec`: an invoice's total counts as paid on the day it
 * was paid and as refunded on the day it was refunded (a refund is of the whole invoice).
 */
export async function revenueByDay(db: Db, fromSec: number): Promise<RevenuePoint[]> {
  const rows = await invoicesTouched(db, fromSec);
  return sumExactly(
    rows,
    fromSec,
    (row) => ({
      paid: [utcDay(row.paidAtSec!), row.currency] as const,
      refunded: row.refundedAtSec === null ? undefined : ([utcDay(row.refundedAtSec), row.currency] as const),
    }),
    (key) => key[1],
  )
    .map(({ key: [day, currency], ...sums }) => ({ day, currency, ...sums }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.currency.localeCompare(b.currency));
}

/** Money per plan and currency since `fromSec` (paid and refunded within it); planId null: a deleted plan. */
export async function revenueByPlan(db: Db, fromSec: number): Promise<PlanRevenue[]> {
  const rows = await invoicesTouched(db, fromSec);
  return sumExactly(
    rows,
    fromSec,
    (row) => ({ paid: [row.planId, row.currency] as const, refunded: [row.planId, row.currency] as const }),
    (key) => key[1],
  )
    .map(({ key: [planId, currency], ...sums }) => ({ planId, currency, ...sums }))
    .sort((a, b) => (a.planId ?? 0) - (b.planId ?? 0) || a.currency.localeCompare(b.currency));
}
