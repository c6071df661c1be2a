import { sql } from "drizzle-orm";
import type { UsagePush } from "../agent/protocol/messages";
import { analyticsPushStatements } from "../analytics/push";
import { clientIpStatements } from "../analytics/sharing";
import type { PanelEvent } from "../events/catalogue";
import { firstConnectionsStatement, quotaRemindersStatement, usageEvents } from "../events/detect-usage";
import { rawStatement, runBatch, type Db } from "../db/client";
import { batchAbortedWith } from "../errors/batch-abort";
import { bumpNodesServingUsersWhoseStatusChanges } from "../nodes/config-version";
import { type UserStatusChange, userStatusChangeColumns } from "../events/status";
import type { TrafficBatch } from "../live/topics";
import { derivedStatusSql } from "../users/status-sql";
import { utcDay, utcHour } from "../lib/utc";

export interface IngestResult {
  /** False when this seq (or a later one) was applied before: nothing was counted again. */
  applied: boolean;
  /** Users this push took out of service (limit reached, expired): to be cut on every node. */
  cut: UserStatusChange[];
  /** What each existing user was charged and now has used, for live subscribers. */
  traffic: TrafficBatch;
  /** News the push caused (reminders, first connections), for emitEvents. */
  events: PanelEvent[];
}

/** Sums deltas per user: a push may name a user more than once (several inbounds). */
function totalsByUser(push: UsagePush) {
  const totals = new Map<number, { up: number; down: number }>();
  for (const delta of push.deltas) {
    const total = totals.get(delta.userId) ?? { up: 0, down: 0 };
    total.up += delta.upBytes;
    total.down += delta.downBytes;
    totals.set(delta.userId, total);
  }
  // [id, up, down] triples keep the one JSON parameter small: 50,000 users stay far under D1's 2 MB.
  return [...totals].filter(([, t]) => t.up + t.down > 0).map(([id, t]) => [id, t.up, t.down] as const);
}

/**
 * Applies one usage push exactly once, as one D1 batch of ten statements (plus analytics) whatever
 * the number of users: the seq guard (a trigger aborts the batch on a replay), daily history per
 * user, hourly history per owning admin (dashboard charts), who connects for the first time,
 * totals and first use, quota reminders, the config bump of nodes serving users who just crossed
 * a limit, and their new status. Users are named in one JSON parameter. The node's presence is
 * not here: its NodeObject records the report.
 */
export async function applyUsagePush(db: Db, push: UsagePush, nowSec: number): Promise<IngestResult> {
  const charged = totalsByUser(push);
  const deltas = JSON.stringify(charged);
  const touched = sql`(SELECT json_extract(value, '$[0]') FROM json_each(${deltas}))`;
  const chargedAtSec = push.toSec || nowSec;
  try {
    const results = await runBatch(db, [
      rawStatement(
        db,
        sql`INSERT INTO usage_pushes (node_id, seq, received_at) VALUES (${push.nodeId}, ${push.seq}, ${nowSec})`,
      ),
      rawStatement(db, sql`DELETE FROM usage_pushes WHERE node_id = ${push.nodeId} AND seq < ${push.seq}`),
      rawStatement(
        db,
        sql`INSERT INTO usage_daily (user_id, day, up_bytes, down_bytes)
        SELECT json_extract(value, '$[0]'), ${utcDay(chargedAtSec)}, json_extract(value, '$[1]'), json_extract(value, '$[2]')
        FROM json_each(${deltas}) WHERE json_extract(value, '$[0]') IN (SELECT id FROM users)
        ON CONFLICT (user_id, day) DO UPDATE SET up_bytes = up_bytes + excluded.up_bytes, down_bytes = down_bytes + excluded.down_bytes`,
      ),
      // WHERE true: SQLite needs it to tell the upsert's ON CONFLICT from a join's ON.
      rawStatement(
        db,
        sql`INSERT INTO traffic_hourly (admin_id, hour, up_bytes, down_bytes)
        SELECT users.admin_id, ${utcHour(chargedAtSec)}, sum(json_extract(value, '$[1]')), sum(json_extract(value, '$[2]'))
        FROM json_each(${deltas}) JOIN users ON users.id = json_extract(value, '$[0]')
        WHERE true GROUP BY users.admin_id
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
              FROM json_each(${deltas})) AS d
        WHERE users.id = d.id
        RETURNING id, used_bytes`,
      ),
      quotaRemindersStatement(db, deltas, nowSec),
      bumpNodesServingUsersWhoseStatusChanges(db, touched, nowSec),
      rawStatement(
        db,
        sql`UPDATE users SET status = ${derivedStatusSql(nowSec)}, updated_at = ${nowSec}
        WHERE id IN ${touched} AND status != ${derivedStatusSql(nowSec)}
        RETURNING ${userStatusChangeColumns}`,
      ),
      ...analyticsPushStatements(db, push, deltas, chargedAtSec, nowSec),
      ...clientIpStatements(db, push.nodeId, push.clientIps, nowSec),
    ]);
    const used = new Map(
      (results[6] as D1Result<{ id: number; used_bytes: number }>).results.map((u) => [u.id, u.used_bytes]),
    );
    const changed = (results[9] as D1Result<UserStatusChange>).results;
    // on_hold → active is a user's first connection, not a cut.
    const cut = changed.filter((u) => u.status !== "active" && u.status !== "on_hold");
    const traffic: TrafficBatch = {
      atSec: nowSec,
      users: charged.flatMap(([id, up, down]) =>
        used.has(id) ? [[id, up, down, used.get(id)!] as TrafficBatch["users"][number]] : [],
      ),
    };
    const events = usageEvents({ firstConnections: results[4], quotaReminders: results[7] }, push.nodeId, nowSec);
    return { applied: true, cut, traffic, events };
  } catch (error) {
    if (isReplay(error)) return { applied: false, cut: [], traffic: { atSec: nowSec, users: [] }, events: [] };
    throw error;
  }
}

/**
 * What the `usage_pushes_monotonic` trigger (migration 0001) raises for a seq that is not above
 * every applied one. SQL cannot import it: a test holds the migration's RAISE to this text.
 */
export const USAGE_PUSH_REPLAYED = "usage push already applied";

const isReplay = (error: unknown) => batchAbortedWith(error, USAGE_PUSH_REPLAYED);
