import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { nextResetSql } from "../usage/housekeeping";
import { DAY_SEC, utcDay } from "../lib/utc";

export interface QuotaForecast {
  dailyAverage: number;
  remaining: number | null;
  daysLeft: number | null;
  runsOutAtSec: number | null;
  runsOutFirst: boolean;
}

/** The pace is the last this many finished UTC days (today, still running, would drag it down). */
export const FORECAST_DAYS = 7;

/**
 * When a user's data runs out at the pace of its last FORECAST_DAYS finished days (their total over
 * FORECAST_DAYS, from usage_daily), and whether that comes before it expires or its period resets
 * (the reset arithmetic housekeeping uses). One statement; undefined for a user that is gone.
 */
export async function quotaForecast(db: Db, userId: number, nowSec: number): Promise<QuotaForecast | undefined> {
  const today = Math.floor(nowSec / DAY_SEC) * DAY_SEC;
  const row = await db.get<{
    limitBytes: number | null;
    usedBytes: number;
    expireAtSec: number | null;
    resetAtSec: number | null;
    recentBytes: number;
  }>(sql`SELECT users.data_limit_bytes AS limitBytes, users.used_bytes AS usedBytes, users.expire_at AS expireAtSec,
      CASE WHEN users.reset_strategy = 'none' THEN NULL ELSE ${nextResetSql} END AS resetAtSec,
      (SELECT coalesce(sum(up_bytes + down_bytes), 0) FROM usage_daily
       WHERE user_id = users.id AND day >= ${utcDay(today - FORECAST_DAYS * DAY_SEC)} AND day < ${utcDay(today)}) AS recentBytes
    FROM users WHERE users.id = ${userId}`);
  if (!row) return undefined;
  return forecastFrom(row, nowSec);
}

/** The arithmetic of quotaForecast, apart from the reading. */
export function forecastFrom(
  user: {
    limitBytes: number | null;
    usedBytes: number;
    expireAtSec: number | null;
    resetAtSec: number | null;
    recentBytes: number;
  },
  nowSec: number,
): QuotaForecast {
  const dailyAverage = Math.round(user.recentBytes / FORECAST_DAYS);
  const remaining = user.limitBytes === null ? null : Math.max(0, user.limitBytes - user.usedBytes);
  const daysLeft = remaining === null || dailyAverage === 0 ? null : remaining / dailyAverage;
  const runsOutAtSec = daysLeft === null ? null : nowSec + Math.round(daysLeft * DAY_SEC);
  const endsAtSec = Math.min(user.expireAtSec ?? Number.POSITIVE_INFINITY, user.resetAtSec ?? Number.POSITIVE_INFINITY);
  return {
    dailyAverage,
    remaining,
    daysLeft,
    runsOutAtSec,
    runsOutFirst: runsOutAtSec !== null && runsOutAtSec < endsAtSec,
  };
}
