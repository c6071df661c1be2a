/**
 * Users by status over time as stacked bars: one bar per day, its segments each status's share of
 * that day's users, the bars' heights relative to the busiest day.
 */
import type { UserStatus } from "../graphql/generated/graphql";

export const STATUS_ORDER = ["ACTIVE", "ON_HOLD", "LIMITED", "EXPIRED", "DISABLED"] as const satisfies UserStatus[];

export interface StatusBar {
  day: string;
  total: number;
  /** Percent of the tallest bar's height. */
  heightPercent: number;
  segments: { status: UserStatus; count: number; percent: number }[];
}

export function statusBars(counts: readonly { day: string; status: UserStatus; count: number }[]): StatusBar[] {
  const byDay = new Map<string, Map<UserStatus, number>>();
  for (const { day, status, count } of counts) {
    const statuses = byDay.get(day) ?? new Map<UserStatus, number>();
    statuses.set(status, (statuses.get(status) ?? 0) + count);
    byDay.set(day, statuses);
  }
  const days = [...byDay.keys()].sort();
  const totals = days.map((day) => [...byDay.get(day)!.values()].reduce((a, b) => a + b, 0));
  const tallest = Math.max(1, ...totals);
  return days.map((day, i) => ({
    day,
    total: totals[i],
    heightPercent: (totals[i] / tallest) * 100,
    segments: STATUS_ORDER.map((status) => {
      const count = byDay.get(day)!.get(status) ?? 0;
      return { status, count, percent: totals[i] ? (count / totals[i]) * 100 : 0 };
    }).filter((s) => s.count > 0),
  }));
}
