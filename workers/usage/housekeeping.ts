import { sql } from "drizzle-orm";
import { rawStatement, runBatch, type Db } from "../db/client";
import { bumpNodesServingUsersWhoseStatusChanges } from "../nodes/config-version";
import type { UserStatusChange } from "../live/notifications";
import { derivedStatusSql } from "../users/status-sql";

/** When the current period of a user with a reset strategy ends (UTC calendar arithmetic). */
export const nextResetSql = sql`unixepoch(coalesce(users.period_started_at, users.created_at), 'unixepoch',
  CASE users.reset_strategy WHEN 'day' THEN '+1 day' WHEN 'week' THEN '+7 days' WHEN 'month' THEN '+1 month' ELSE '+1 year' END)`;

/**
 * The minute-by-minute upkeep (cron): starts new usage periods that are due, then brings every
 * user's status in line with the clock (expiries) and usage, re-versioning the nodes of users
 * whose status changed so they are cut or restored everywhere. One batch of three statements.
 */
export async function runHousekeeping(db: Db, nowSec: number) {
  const results = await runBatch(db, [
    rawStatement(
      db,
      sql`UPDATE users SET used_bytes = 0, period_started_at = ${nextResetSql}, updated_at = ${nowSec}
      WHERE reset_strategy != 'none' AND ${nextResetSql} <= ${nowSec}
      RETURNING id`,
    ),
    bumpNodesServingUsersWhoseStatusChanges(db, sql`(SELECT id FROM users)`, nowSec),
    rawStatement(
      db,
      sql`UPDATE users SET status = ${derivedStatusSql(nowSec)}, updated_at = ${nowSec}
      WHERE status != ${derivedStatusSql(nowSec)}
      RETURNING id, status, username, admin_id AS adminId`,
    ),
  ]);
  return {
    periodsReset: (results[0] as D1Result<{ id: number }>).results.map((r) => r.id),
    statusChanges: (results[2] as D1Result<UserStatusChange>).results,
  };
}
