import { sql } from "drizzle-orm";
import { analyticsRollupStatements } from "../analytics/push";
import { clientIpStatements } from "../analytics/sharing";
import type { PanelEvent } from "../events/catalogue";
import { firstConnectionsStatement, quotaRemindersStatement, usageEvents } from "../events/detect-usage";
import { rawStatement, runBatch, type Db } from "../db/client";
import { batchAbortedWith } from "../errors/batch-abort";
import { bumpNodesServingUsersWhoseStatusChanges } from "../nodes/config-version";
import { type UserStatusChange, userStatusChangeColumns } from "../events/status";
import { derivedStatusSql } from "../users/status-sql";
import { utcDay } from "../lib/utc";
import type { UsageRollup } from "./shards";

export interface RollupResult {
  /** False when this seq (or a later one) was applied before: nothing was counted again. */
  applied: boolean;
  /** Users this rollup took out of service (limit reached, expired): to be cut on every node. */
  cut: UserStatusChange[];
  /** News the rollup caused (reminders, first connections), for emitEvents. */
  events: PanelEvent[];
  /** The rolled-up users (or `readBack`'s range) as D1 now has them, for the shard's view of who is due. */
  users: ChargedUser[];
}

/** A user as the shard needs to know it to tell when its next push must reach D1 at once. */
export interface ChargedUser {
  id: number;
  usedBytes: number;
  dataLimitBytes: number | null;
  expireAtSec: number | null;
  status: string;
}

/** [id, up, down] totals, [id, hour, up, down] and [id, day, up, down]: the rollup's users three ways. */
function userTotals(rollup: UsageRollup) {
  const byUser = new Map<number, [number, number, number]>();
  const byHour = new Map<string, [number, number, number, number]>();
  const byDay = new Map<string, [number, string, number, number]>();
  for (const [id, hour, , up, down] of rollup.users) {
    const user = byUser.get(id) ?? byUser.set(id, [id, 0, 0]).get(id)!;
    user[1] += up;
    user[2] += down;
    const inHour = byHour.get(`${id}:${hour}`) ?? byHour.set(`${id}:${hour}`, [id, hour, 0, 0]).get(`${id}:${hour}`)!;
    inHour[2] += up;
    inHour[3] += down;
    const day = utcDay(hour);
    const inDay = byDay.get(`${id}:${day}`) ?? byDay.set(`${id}:${day}`, [id, day, 0, 0]).get(`${id}:${day}`)!;
    inDay[2] += up;
    inDay[3] += down;
  }
  return {
    charged: JSON.stringify([...byUser.values()]),
    hours: JSON.stringify([...byHour.values()]),
    days: JSON.stringify([...byDay.values()]),
  };
}

/** The node each user's traffic came from first: a first connection is announced on it. */
function firstNodeByUser(rollup: UsageRollup) {
  const nodes = new Map<number, number>();
  for (const [id, , nodeId] of rollup.users) if (!nodes.has(id)) nodes.set(id, nodeId);
  return (userId: number) => nodes.get(userId) ?? 0;
}

/**
 * Applies one shard's rollup exactly once, as one D1 batch of a constant number of statements
 * whatever the number of users: the seq guard (a trigger aborts the batch on a replay), daily
 * history per user, hourly history per owning admin (dashboard charts), who connects for the first
 * time, totals and first use, quota reminders, the config bump of nodes serving users who just
 * crossed a limit, their new status, analytics, and the users as they now are. Users are named in
 * JSON parameters. The node's presence is not here: its NodeObject records each push.
 */
export async function applyUsageRollup(
  db: Db,
  rollup: UsageRollup,
  nowSec: number,
  options: { readBack?: { fromId: number; toId: number } } = {},
): Promise<RollupResult> {
  const { charged, hours, days } = userTotals(rollup);
  const touched = sql`(SELECT json_extract(value, '$[0]') FROM json_each(${charged}))`;
  // A shard reads back its whole id range (a primary-key range scan), so one rollup teaches it
  // every user it holds, not only those in this rollup.
  const readBack = options.readBack
    ? sql`id BETWEEN ${options.readBack.fromId} AND ${options.readBack.toId}`
    : sql`id IN ${touched}`;
  try {
    const results = await runBatch(db, [
      rawStatement(
        db,
        sql`INSERT INTO usage_rollups (shard_id, seq, applied_at) VALUES (${rollup.shardId}, ${rollup.seq}, ${nowSec})`,
      ),
      rawStatement(db, sql`DELETE FROM usage_rollups WHERE shard_id = ${rollup.shardId} AND seq < ${rollup.seq}`),
      rawStatement(
        db,
        sql`INSERT INTO usage_daily (user_id, day, up_bytes, down_bytes)
        SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]')
        FROM json_each(${days}) WHERE json_extract(value, '$[0]') IN (SELECT id FROM users)
        ON CONFLICT (user_id, day) DO UPDATE SET up_bytes = up_bytes + excluded.up_bytes, down_bytes = down_bytes + excluded.down_bytes`,
      ),
      // WHERE true: SQLite needs it to tell the upsert's ON CONFLICT from a join's ON.
      rawStatement(
        db,
        sql`INSERT INTO traffic_hourly (admin_id, hour, up_bytes, down_bytes)
        SELECT users.admin_id, json_extract(value, '$[1]'), sum(json_extract(value, '$[2]')), sum(json_extract(value, '$[3]'))
        FROM json_each(${hours}) JOIN users ON users.id = json_extract(value, '$[0]')
        WHERE true GROUP BY users.admin_id, json_extract(value, '$[1]')
        ON CONFLICT (admin_id, hour) DO UPDATE SET up_bytes = up_bytes + excluded.up_bytes, down_bytes = down_bytes + excluded.down_bytes`,
      ),
      firstConnectionsStatement(db, touched),
      // On-hold users' clocks start at first use. Its own statement, so that only those rows
      // write expire_at: setting it on every row (even to itself) rewrites its index entries.
      rawStatement(
        db,
        sql`UPDATE users SET expire_at = ${nowSec} + on_hold_expire_days * 86400
        WHERE id IN ${touched} AND first_used_at IS NULL AND on_hold_expire_days IS NOT NULL`,
      ),
      rawStatement(
        db,
        sql`UPDATE users SET
          used_bytes = used_bytes + d.bytes,
          lifetime_used_bytes = lifetime_used_bytes + d.bytes,
          first_used_at = coalesce(first_used_at, ${nowSec})
        FROM (SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') + json_extract(value, '$[2]') AS bytes
              FROM json_each(${charged})) AS d
        WHERE users.id = d.id`,
      ),
      quotaRemindersStatement(db, charged, nowSec),
      bumpNodesServingUsersWhoseStatusChanges(db, touched, nowSec),
      rawStatement(
        db,
        sql`UPDATE users SET status = ${derivedStatusSql(nowSec)}, updated_at = ${nowSec}
        WHERE id IN ${touched} AND status != ${derivedStatusSql(nowSec)}
        RETURNING ${userStatusChangeColumns}`,
      ),
      rawStatement(
        db,
        sql`SELECT id, used_bytes AS usedBytes, data_limit_bytes AS dataLimitBytes, expire_at AS expireAtSec, status
        FROM users WHERE ${readBack}`,
      ),
      ...analyticsRollupStatements(db, rollup, hours),
      ...clientIpStatements(db, rollup.clientIps),
    ]);
    const changed = (results[9] as D1Result<UserStatusChange>).results;
    // on_hold → active is a user's first connection, not a cut.
    const cut = changed.filter((u) => u.status !== "active" && u.status !== "on_hold");
    const events = usageEvents(
      { firstConnections: results[4], quotaReminders: results[7] },
      firstNodeByUser(rollup),
      nowSec,
    );
    return { applied: true, cut, events, users: (results[10] as D1Result<ChargedUser>).results };
  } catch (error) {
    if (isReplay(error)) return { applied: false, cut: [], events: [], users: [] };
    throw error;
  }
}

/**
 * What the `usage_rollups_monotonic` trigger (migration 0018) raises for a seq that is not above
 * every applied one. SQL cannot import it: a test holds the migration's RAISE to this text.
 */
export const USAGE_ROLLUP_REPLAYED = "usage rollup already applied";

const isReplay = (error: unknown) => batchAbortedWith(error, USAGE_ROLLUP_REPLAYED);
