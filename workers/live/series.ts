import { and, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { ownedUsersScope, type Actor } from "../auth/roles";
import type { Db } from "../db/client";
import { notFound } from "../errors/domain-error";
import { usageDaily } from "../usage/table";
import { findVisibleUser } from "../users/service";
import { trafficHourly } from "./table";
import { DAY_SEC, HOUR_SEC, utcDay } from "../lib/utc";

export const TRAFFIC_RANGES = ["DAY", "WEEK", "MONTH"] as const;
export const trafficRangeSchema = z.enum(TRAFFIC_RANGES);
export type TrafficRange = (typeof TRAFFIC_RANGES)[number];

export interface TrafficPoint {
  /** Start of the bucket, epoch seconds (UTC). */
  at: number;
  upload: number;
  download: number;
}

/** Bucket size and count per range; the last bucket is the current (partial) hour or day. */
const PANEL_BUCKETS: Record<TrafficRange, { sizeSec: number; points: number }> = {
  DAY: { sizeSec: HOUR_SEC, points: 24 },
  WEEK: { sizeSec: DAY_SEC, points: 7 },
  MONTH: { sizeSec: DAY_SEC, points: 30 },
};
/**
 * One user's history is kept per UTC day only (an hourly row per user would double the cost of
 * every usage push), so for one user DAY is the two days the last 24 hours touch: yesterday and
 * today.
 */
const USER_POINTS: Record<TrafficRange, number> = { DAY: 2, WEEK: 7, MONTH: 30 };

/** Buckets from `startSec`, every `sizeSec`, with zeros where nothing was charged. */
function fill(
  startSec: number,
  sizeSec: number,
  points: number,
  rows: { at: number; up: number; down: number }[],
): TrafficPoint[] {
  const byStart = new Map(rows.map((row) => [row.at, row]));
  return Array.from({ length: points }, (_, i) => {
    const at = startSec + i * sizeSec;
    const row = byStart.get(at);
    return { at, upload: row?.up ?? 0, download: row?.down ?? 0 };
  });
}

/**
 * Traffic over time: every user the actor can see (a reseller: its own), or one user it can see.
 * A user the actor may not see reads as absent.
 */
export async function trafficSeries(
  db: Db,
  actor: Actor,
  range: TrafficRange,
  userId: number | undefined,
  nowSec: number,
): Promise<TrafficPoint[]> {
  if (userId !== undefined) {
    if (!(await findVisibleUser(db, actor, userId))) throw notFound("user", userId);
    const points = USER_POINTS[range];
    const startSec = Math.floor(nowSec / DAY_SEC) * DAY_SEC - (points - 1) * DAY_SEC;
    const rows = await db
      .select({ day: usageDaily.day, up: usageDaily.upBytes, down: usageDaily.downBytes })
      .from(usageDaily)
      .where(and(eq(usageDaily.userId, userId), gte(usageDaily.day, utcDay(startSec))));
    return fill(
      startSec,
      DAY_SEC,
      points,
      rows.map((row) => ({ at: Date.parse(`${row.day}T00:00:00Z`) / 1000, up: row.up, down: row.down })),
    );
  }
  const { sizeSec, points } = PANEL_BUCKETS[range];
  const startSec = Math.floor(nowSec / sizeSec) * sizeSec - (points - 1) * sizeSec;
  const scope = ownedUsersScope(actor);
  // % works on integers whatever type the bound size arrives as (D1 may bind a JS number as REAL).
  const bucket = sql<number>`${trafficHourly.hourSec} - ${trafficHourly.hourSec} % ${sizeSec}`;
  const rows = await db
    .select({
      at: bucket,
      up: sql<number>`sum(${trafficHourly.upBytes})`,
      down: sql<number>`sum(${trafficHourly.downBytes})`,
    })
    .from(trafficHourly)
    .where(
      and(gte(trafficHourly.hourSec, startSec), scope === undefined ? undefined : eq(trafficHourly.adminId, scope)),
    )
    .groupBy(bucket);
  return fill(startSec, sizeSec, points, rows);
}
