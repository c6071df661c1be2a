import { sql } from "drizzle-orm";
import { rawStatement, runBatch, type Db } from "../db/client";
import { bumpNodesServingUsersWhoseStatusChanges } from "../nodes/config-version";
import { type UserStatusChange, userStatusChangeColumns } from "../events/status";
import { derivedStatusSql } from "../users/status-sql";
import { userNextResetKey } from "../users/table";

/** When the current period of a user with a reset strategy ends (UTC calendar arithmetic). */
export const nextResetSql = userNextResetKey;

export interface HousekeepingLimits {
  /** Users due for each kind of work (reset, expiry) that one batch takes: up to twice this in all. */
  batchSize: number;
  /** Batches in one run; users still due after them are the next run's first batch. */
  maxBatches: number;
}

/** A minute's run handles up to 20,000 due users of each kind in batches D1 finishes quickly. */
const DEFAULT_LIMITS: HousekeepingLimits = { batchSize: 1000, maxBatches: 20 };

/*
 * Only time changes a stored status without a write deriving it again (users/status.ts): an
 * expiry passing, or a period ending and refilling a limited user. Each walks its partial index
 * (users/table.ts) from the earliest entry to now; every user it returns leaves the index once
 * handled (its status is no longer active/on_hold, its next reset moves on), so walking from the
 * front again resumes where the last batch stopped. The literals must stay literals: SQLite uses
 * a partial index only when the query repeats its WHERE terms. INDEXED BY, because the planner
 * otherwise prefers users_status_idx (status = 'active' looks selective) and reads every active
 * user, and because a missing index should fail the run rather than turn it into a table scan.
 */
const dueForReset = (nowSec: number, limit: number) =>
  sql`SELECT id FROM users INDEXED BY users_reset_due_idx WHERE users.reset_strategy != 'none' AND ${nextResetSql} <= ${nowSec}
    ORDER BY ${nextResetSql} LIMIT ${limit}`;
const dueForExpiry = (nowSec: number, limit: number) =>
  sql`SELECT id FROM users INDEXED BY users_expiry_due_idx WHERE users.status IN ('active', 'on_hold') AND users.expire_at IS NOT NULL
    AND users.expire_at <= ${nowSec} ORDER BY users.expire_at LIMIT ${limit}`;

/**
 * The minute-by-minute upkeep (cron): starts new usage periods that are due, then brings the
 * status of users whose expiry passed or whose period restarted in line with the clock,
 * re-versioning the nodes of users whose status changed so they are cut or restored everywhere.
 * Its cost follows the users due, not the users: each batch reads the due ids through the
 * indexes, then changes them in one D1 batch that checks again that each is still due.
 */
export async function runHousekeeping(db: Db, nowSec: number, limits: HousekeepingLimits = DEFAULT_LIMITS) {
  const periodsReset = new Set<number>();
  const statusChanges: UserStatusChange[] = [];
  for (let batch = 0; batch < limits.maxBatches; batch++) {
    const due = await db.all<{ reset: number; id: number }>(
      sql`SELECT 1 AS reset, id FROM (${dueForReset(nowSec, limits.batchSize)})
        UNION ALL SELECT 0, id FROM (${dueForExpiry(nowSec, limits.batchSize)})`,
    );
    if (due.length === 0) break;
    const ids = sql`(SELECT value FROM json_each(${JSON.stringify([...new Set(due.map((row) => row.id))])}))`;
    const results = await runBatch(db, [
      rawStatement(
        db,
        sql`UPDATE users SET used_bytes = 0, period_started_at = ${nextResetSql}, updated_at = ${nowSec}
        WHERE users.id IN ${ids} AND users.reset_strategy != 'none' AND ${nextResetSql} <= ${nowSec}
        RETURNING id`,
      ),
      bumpNodesServingUsersWhoseStatusChanges(db, ids, nowSec),
      rawStatement(
        db,
        sql`UPDATE users SET status = ${derivedStatusSql(nowSec)}, updated_at = ${nowSec}
        WHERE users.id IN ${ids} AND status != ${derivedStatusSql(nowSec)}
        RETURNING ${userStatusChangeColumns}`,
      ),
    ]);
    for (const row of (results[0] as D1Result<{ id: number }>).results) periodsReset.add(row.id);
    statusChanges.push(...(results[2] as D1Result<UserStatusChange>).results);
    const resets = due.filter((row) => row.reset).length;
    if (resets < limits.batchSize && due.length - resets < limits.batchSize) break;
  }
  return { periodsReset: [...periodsReset], statusChanges };
}
