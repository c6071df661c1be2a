import { sql, type SQL } from "drizzle-orm";
import { rawStatement, type Db, type Statement } from "../../db/client";
import { bumpNodesServingUsers } from "../../nodes/config-version";
import type { ResetStrategy } from "../../users/table";
import { derivedStatusSql } from "../../users/status-sql";

/** What applying a plan changes, frozen into each invoice when it is made. */
export interface PlanTerms {
  planId: number;
  name: string;
  dataLimitBytes: number | null;
  durationDays: number | null;
  resetStrategy: ResetStrategy;
  deviceLimit: number | null;
  groupIds: number[];
}

/**
 * The statements that apply a plan to a user, for the caller's D1 batch. The rule (README "Billing"):
 *
 * - **Renew** when the user is LIMITED or EXPIRED (its quota is used up or its time has run out):
 *   usage starts again from zero, the data limit becomes the plan's, the expiry becomes now + the
 *   plan's duration, and a new usage period starts now.
 * - **Extend** otherwise (ACTIVE, ON_HOLD, or DISABLED by an admin): what is left is kept and the plan
 *   is added on top: data limit += the plan's data, expiry += the plan's duration (from now when the
 *   user had none); an ON_HOLD user waiting for first use gets the days added to its wait instead.
 * - A plan without a data limit or duration makes that side unlimited. Reset strategy, the device
 *   limit (when the plan sets one) and the groups (when the plan lists any) become the plan's.
 * - An admin's DISABLED switch is never flipped by a payment.
 *
 * Everything is computed in SQL from the row as it is when the batch runs, so two payments landing
 * together each see the other's effect. `guard` is an SQL condition every statement also requires:
 * invoices use it so that only the batch that moved the invoice to paid applies the plan.
 */
export function applyPlanStatements(
  db: Db,
  userId: number,
  terms: PlanTerms,
  nowSec: number,
  guard: SQL = sql`1`,
): Statement[] {
  const renew = sql`((data_limit_bytes IS NOT NULL AND used_bytes >= data_limit_bytes) OR (expire_at IS NOT NULL AND expire_at <= ${nowSec}))`;
  const waitingForFirstUse = sql`(on_hold_expire_days IS NOT NULL AND first_used_at IS NULL)`;
  const seconds = terms.durationDays === null ? null : terms.durationDays * 86400;
  const limit = terms.dataLimitBytes;
  const where = sql`WHERE id = ${userId} AND (${guard})`;
  const statements: Statement[] = [bumpNodesServingUsers(db, [userId])];
  statements.push(
    rawStatement(
      db,
      sql`UPDATE users SET
        data_limit_bytes = ${limit === null ? sql`NULL` : sql`CASE WHEN ${renew} THEN ${limit} ELSE coalesce(data_limit_bytes, used_bytes) + ${limit} END`},
        expire_at = ${
          seconds === null
            ? sql`NULL`
            : sql`CASE WHEN ${renew} OR (expire_at IS NULL AND NOT ${waitingForFirstUse}) THEN ${nowSec + seconds}
                WHEN ${waitingForFirstUse} THEN NULL ELSE expire_at + ${seconds} END`
        },
        on_hold_expire_days = CASE WHEN ${waitingForFirstUse} AND NOT ${renew} THEN on_hold_expire_days + ${terms.durationDays ?? 0} ELSE on_hold_expire_days END,
        used_bytes = CASE WHEN ${renew} THEN 0 ELSE used_bytes END,
        period_started_at = CASE WHEN ${renew} THEN ${nowSec} ELSE period_started_at END,
        reset_strategy = ${terms.resetStrategy},
        device_limit = ${terms.deviceLimit === null ? sql`device_limit` : terms.deviceLimit},
        updated_at = ${nowSec}
        ${where}`,
    ),
    rawStatement(db, sql`UPDATE users SET status = ${derivedStatusSql(nowSec)} ${where}`),
  );
  if (terms.groupIds.length) {
    statements.push(
      rawStatement(db, sql`DELETE FROM user_groups WHERE user_id = ${userId} AND (${guard})`),
      rawStatement(
        db,
        sql`INSERT INTO user_groups (user_id, group_id)
          SELECT ${userId}, g.id FROM groups g WHERE g.id IN (SELECT value FROM json_each(${JSON.stringify(terms.groupIds)})) AND (${guard})`,
      ),
    );
  }
  // Nodes serving the user before (above) and after the change get new config versions: agents
  // add the re-activated user back at runtime, no core restart.
  statements.push(bumpNodesServingUsers(db, [userId]));
  return statements;
}
