import { sql, type SQL } from "drizzle-orm";
import { rawStatement, type Db, type Statement } from "../db/client";
import { settingsSchema } from "../settings/settings";
import { panelEvent, type PanelEvent } from "./catalogue";

/**
 * What usage has to say besides counting: first connections and quota reminders. Both are
 * statements in a usage rollup's one batch (a constant two whatever the number of users), so detection
 * costs no round trip and a replayed rollup, which the batch's seq guard aborts whole, raises nothing.
 */

const DEFAULT_PERCENTS = JSON.stringify(settingsSchema.parse({}).reminderUsagePercents);

/**
 * The reminder percents as a JSON array, read inside the statement. A stored value that is not a
 * JSON array falls back to the default (settingsFromRows does the same): a bad setting must not
 * abort the batch and with it every rollup. The nested CASE keeps json_type off invalid JSON.
 */
const reminderPercentsSql = sql`coalesce(
  (SELECT CASE WHEN json_valid(value) THEN CASE WHEN json_type(value) = 'array' THEN value END END
   FROM settings WHERE key = 'reminderUsagePercents'),
  ${DEFAULT_PERCENTS})`;

/**
 * Users of the rollup whose first use it records (first_used_at still null), read before the
 * statement that sets it. On-hold users among them start their clock with this rollup too.
 */
export function firstConnectionsStatement(db: Db, touched: SQL): Statement {
  return rawStatement(
    db,
    sql`SELECT id, username, admin_id AS adminId FROM users WHERE id IN ${touched} AND first_used_at IS NULL`,
  );
}

/**
 * Records a quota reminder for each user whose used bytes crossed a reminder percent in this rollup
 * (before < p% ≤ after, with a data limit), once per usage period: user_reminders' key
 * (user, quota, percent, period start) makes a second crossing in the same period (after a manual
 * reset) a no-op, and RETURNING yields only the rows really inserted. Runs after used_bytes took
 * the rollup's bytes, so `before` is used_bytes less its bytes. A user already past a
 * percent when it is turned on never crosses it: no burst of old reminders.
 */
export function quotaRemindersStatement(db: Db, deltas: string, nowSec: number): Statement {
  const charged = sql`(json_extract(d.value, '$[1]') + json_extract(d.value, '$[2]'))`;
  return rawStatement(
    db,
    sql`INSERT INTO user_reminders (user_id, kind, threshold, period_key, sent_at)
    SELECT users.id, 'quota', p.value, coalesce(users.period_started_at, users.created_at), ${nowSec}
    FROM json_each(${deltas}) AS d
    JOIN users ON users.id = json_extract(d.value, '$[0]')
    JOIN json_each(${reminderPercentsSql}) AS p
    WHERE p.type = 'integer' AND p.value BETWEEN 1 AND 100 AND users.data_limit_bytes > 0
      AND (users.used_bytes - ${charged}) * 100 < p.value * users.data_limit_bytes
      AND users.used_bytes * 100 >= p.value * users.data_limit_bytes
    ON CONFLICT DO NOTHING
    RETURNING user_id AS userId, threshold AS percent,
      (SELECT json_array(username, admin_id, used_bytes, data_limit_bytes) FROM users WHERE users.id = user_id) AS user`,
  );
}

interface FirstConnectionRow {
  id: number;
  username: string;
  adminId: number | null;
}

interface QuotaReminderRow {
  userId: number;
  percent: number;
  /** JSON [username, adminId, usedBytes, limitBytes] */
  user: string;
}

/** The events of the two statements' rows: first connections on each user's server, then reminders in percent order. */
export function usageEvents(
  results: { firstConnections: unknown; quotaReminders: unknown },
  serverOf: (userId: number) => number,
  nowSec: number,
): PanelEvent[] {
  const firsts = (results.firstConnections as D1Result<FirstConnectionRow>).results.map((row) => {
    const serverId = serverOf(row.id);
    return panelEvent(
      "user.first_connected",
      nowSec,
      { username: row.username, serverId },
      { adminId: row.adminId, userId: row.id, serverId },
    );
  });
  const reminders = (results.quotaReminders as D1Result<QuotaReminderRow>).results
    .toSorted((a, b) => a.userId - b.userId || a.percent - b.percent)
    .map((row) => {
      const [username, adminId, usedBytes, limitBytes] = JSON.parse(row.user) as [
        string,
        number | null,
        number,
        number,
      ];
      return panelEvent(
        "user.quota_reached",
        nowSec,
        { username, percent: row.percent, usedBytes, limitBytes },
        { adminId, userId: row.userId },
      );
    });
  return [...firsts, ...reminders];
}
