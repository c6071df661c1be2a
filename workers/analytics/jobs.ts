import { sql } from "drizzle-orm";
import { rawStatement, runBatch, type Db } from "../db/client";
import { panelEvent, type PanelEvent } from "../events/catalogue";
import { HOUR_SEC, utcDay, utcHour } from "../lib/utc";

/** The status snapshot runs on minutes divisible by this; the day's last one stands. */
export const STATUS_SNAPSHOT_EVERY_MIN = 10;
/**
 * Spike detection looks at the previous hour this many minutes into the next one: pushes dated
 * in the last seconds of an hour arrive a little after it ends.
 */
export const SPIKE_DETECTION_MINUTE = 5;

/**
 * The spike rule: an hour is a spike when its bytes exceed all of median + 6·1.4826·MAD (a
 * robust "six sigmas" of the user's own hourly usage), 4 × median (so a user whose usage barely
 * varies is not flagged for a modest rise), and 256 MiB (so tiny baselines never flag). The
 * baseline is the user's hours with usage over the 7 days before that hour, and needs at least
 * 12 of them: a user without history has no baseline to stand out from.
 */
export const SPIKE_RULE = {
  baselineDays: 7,
  minBaselineHours: 12,
  madFactor: 6 * 1.4826,
  medianFactor: 4,
  floorBytes: 256 * 1024 * 1024,
} as const;

/**
 * The cron's analytics upkeep, every minute and cheap when nothing is due: every
 * STATUS_SNAPSHOT_EVERY_MIN minutes today's users-per-status snapshot, and once per hour the
 * spike detection of the hour that just ended. Returns `user.usage_spike` events for new flags.
 */
export async function runAnalyticsJobs(db: Db, nowSec: number): Promise<PanelEvent[]> {
  const minute = Math.floor(nowSec / 60) % 60;
  if (minute % STATUS_SNAPSHOT_EVERY_MIN === 0) await snapshotUserStatuses(db, nowSec);
  if (minute !== SPIKE_DETECTION_MINUTE) return [];
  return detectUsageSpikes(db, utcHour(nowSec) - HOUR_SEC, nowSec);
}

/**
 * Today's users per owning admin and status, replaced whole (a status whose last user left must
 * not keep its morning count): two statements in one batch, one GROUP BY over users.
 */
export async function snapshotUserStatuses(db: Db, nowSec: number): Promise<void> {
  const day = utcDay(nowSec);
  await runBatch(db, [
    rawStatement(db, sql`DELETE FROM user_status_daily WHERE day = ${day}`),
    rawStatement(
      db,
      sql`INSERT INTO user_status_daily (day, admin_id, status, count)
      SELECT ${day}, admin_id, status, count(*) FROM users GROUP BY status, admin_id`,
    ),
  ]);
}

/**
 * Flags users whose usage in the hour starting at `hourSec` is a spike (SPIKE_RULE), once per user
 * and hour however often it runs, and returns an event per new flag. One statement: only users
 * above the floor in that hour are looked at, and their baselines (median, then the median of
 * absolute deviations) come from window functions over their own hourly rows.
 */
export async function detectUsageSpikes(db: Db, hourSec: number, nowSec: number): Promise<PanelEvent[]> {
  const rule = SPIKE_RULE;
  const fromSec = hourSec - rule.baselineDays * 86_400;
  const flagged = await db.all<{
    userId: number;
    adminId: number;
    username: string;
    observed: number;
    baseline: number;
  }>(sql`WITH
    busy AS (
      SELECT user_id, up_bytes + down_bytes AS observed FROM usage_hourly
      WHERE hour = ${hourSec} AND up_bytes + down_bytes > ${rule.floorBytes}
    ),
    past AS (
      SELECT h.user_id, h.up_bytes + h.down_bytes AS bytes FROM busy JOIN usage_hourly h ON h.user_id = busy.user_id
      WHERE h.hour >= ${fromSec} AND h.hour < ${hourSec} AND h.up_bytes + h.down_bytes > 0
    ),
    ranked AS (
      SELECT user_id, bytes, row_number() OVER (PARTITION BY user_id ORDER BY bytes) AS r,
        count(*) OVER (PARTITION BY user_id) AS n FROM past
    ),
    medians AS (
      SELECT user_id, avg(bytes) AS median, max(n) AS n FROM ranked
      WHERE r IN ((n + 1) / 2, (n + 2) / 2) GROUP BY user_id
    ),
    deviations AS (
      SELECT past.user_id, abs(past.bytes - medians.median) AS d, row_number() OVER (PARTITION BY past.user_id ORDER BY abs(past.bytes - medians.median)) AS r,
        medians.n AS n FROM past JOIN medians ON medians.user_id = past.user_id
    ),
    mads AS (SELECT user_id, avg(d) AS mad FROM deviations WHERE r IN ((n + 1) / 2, (n + 2) / 2) GROUP BY user_id)
  INSERT INTO usage_anomalies (user_id, admin_id, kind, hour, observed, baseline, detected_at)
  SELECT busy.user_id, users.admin_id, 'usage_spike', ${hourSec}, busy.observed, medians.median, ${nowSec}
  FROM busy JOIN medians ON medians.user_id = busy.user_id JOIN mads ON mads.user_id = busy.user_id
    JOIN users ON users.id = busy.user_id
  WHERE medians.n >= ${rule.minBaselineHours}
    AND busy.observed > max(medians.median + ${rule.madFactor} * mads.mad, ${rule.medianFactor} * medians.median, ${rule.floorBytes})
  ON CONFLICT (user_id, kind, hour) DO NOTHING
  RETURNING user_id AS userId, admin_id AS adminId, observed, baseline,
    (SELECT username FROM users WHERE users.id = usage_anomalies.user_id) AS username`);
  return flagged.map((flag) =>
    panelEvent(
      "user.usage_spike",
      nowSec,
      { username: flag.username, hourSec, bytes: flag.observed, baselineBytes: flag.baseline },
      { adminId: flag.adminId, userId: flag.userId },
    ),
  );
}
