import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { readSettings } from "../settings/settings";
import { NEVER_EXPIRES } from "../users/table";
import { panelEvent, type PanelEvent } from "./catalogue";

/** The expression of `users_expiry_idx` (migration 0008), spelled the same so SQLite walks that index. */
const expiryKey = sql.raw(`coalesce(users.expire_at, ${NEVER_EXPIRES})`);

/**
 * Active users expiring within the largest threshold, each with the smallest threshold it is
 * within: a user found at 2 days left with thresholds 3 and 7 hears "3 days", not both at once.
 * A bounded range of the expiry index, so the every-minute cron never reads the whole table; the
 * unary + keeps SQLite off users_status_idx, where "active" is nearly every user.
 */
export function dueExpiryRemindersSql(nowSec: number, daysLeft: readonly number[]) {
  const days = JSON.stringify(daysLeft);
  const horizonSec = nowSec + Math.max(...daysLeft) * 86_400;
  return sql`SELECT id, expire_at,
    (SELECT min(value) FROM json_each(${days}) WHERE users.expire_at <= ${nowSec} + value * 86400) AS threshold
    FROM users
    WHERE ${expiryKey} > ${nowSec} AND ${expiryKey} <= ${horizonSec} AND +status = 'active'`;
}

interface ExpiryReminderRow {
  userId: number;
  threshold: number;
  expireAt: number;
  /** JSON [username, adminId] */
  user: string;
}

/**
 * The cron's expiry reminders (user.expires_soon): each threshold once per expiry instant.
 * user_reminders' key (user, expiry, days, expire_at) keeps a reminder from repeating every
 * minute, and a renewal moves expire_at, so the next expiry is reminded anew.
 */
export async function expiryReminders(db: Db, nowSec: number): Promise<PanelEvent[]> {
  const { reminderDaysLeft } = await readSettings(db);
  if (!reminderDaysLeft.length) return [];
  const rows = await db.all<ExpiryReminderRow>(
    sql`INSERT INTO user_reminders (user_id, kind, threshold, period_key, sent_at)
    SELECT due.id, 'expiry', due.threshold, due.expire_at, ${nowSec}
    FROM (${dueExpiryRemindersSql(nowSec, reminderDaysLeft)}) AS due WHERE true
    ON CONFLICT DO NOTHING
    RETURNING user_id AS userId, threshold, period_key AS expireAt,
      (SELECT json_array(username, admin_id) FROM users WHERE users.id = user_id) AS user`,
  );
  return rows.map((row) => {
    const [username, adminId] = JSON.parse(row.user) as [string, number | null];
    const daysLeft = Math.ceil((row.expireAt - nowSec) / 86_400);
    return panelEvent(
      "user.expires_soon",
      nowSec,
      { username, daysLeft, expireAt: row.expireAt },
      { adminId, userId: row.userId },
    );
  });
}
