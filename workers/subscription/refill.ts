import type { ResetStrategy } from "../users/table";

/**
 * When the user's current usage period ends and its traffic is refilled: the period start plus
 * one day, week, month or year in UTC calendar arithmetic, exactly as the housekeeping SQL
 * (SQLite's date modifiers, which roll Jan 31 + 1 month over to early March) computes it.
 * Null when the user has no reset strategy.
 */
export function nextRefillAtSec(
  strategy: ResetStrategy,
  periodStartedAtSec: number | null,
  createdAtSec: number,
): number | null {
  if (strategy === "none") return null;
  const start = new Date((periodStartedAtSec ?? createdAtSec) * 1000);
  const [y, m, d] = [start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()];
  const time = [start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds()] as const;
  const next =
    strategy === "day"
      ? Date.UTC(y, m, d + 1, ...time)
      : strategy === "week"
        ? Date.UTC(y, m, d + 7, ...time)
        : strategy === "month"
          ? Date.UTC(y, m + 1, d, ...time)
          : Date.UTC(y + 1, m, d, ...time);
  return Math.floor(next / 1000);
}
