import { type SQL, sql } from "drizzle-orm";
import { type Db, rawStatement, runBatch } from "../db/client";
import { readSettings, type Settings } from "../settings/settings";
import { DAY_SEC, utcDay } from "../lib/utc";

/**
 * At most this many rows go per table per run. The cron runs every minute, so a table can shed
 * 120,000 rows an hour (more than 10,000 users' hourly rows add), while one run stays short
 * however much piled up (a lowered setting, a restore of an old backup).
 */
export const RETENTION_CHUNK = 2000;

/** A row is kept while it is no older than `days` (its instant at or after now - days). */
const cutoffSec = (nowSec: number, days: number) => nowSec - days * DAY_SEC;

/** Deletes up to a chunk of `table`'s rows that `oldest` selects (by rowid), using the index that query names. */
const deleteChunk = (table: string, oldest: SQL) =>
  sql`DELETE FROM ${sql.identifier(table)} WHERE rowid IN (${oldest} LIMIT ${RETENTION_CHUNK})`;

/**
 * Every minute: the tables that grow by the hour, each found through an index on its time (a run
 * with nothing to delete costs one index probe per table). Events go with their reads and
 * deliveries, chosen once so the three statements of the batch agree.
 */
function minuteStatements(nowSec: number, s: Settings): SQL[] {
  const hourly = cutoffSec(nowSec, s.retentionHourlyDays);
  const byHour = (table: string) =>
    deleteChunk(table, sql`SELECT rowid FROM ${sql.identifier(table)} WHERE hour < ${hourly}`);
  const oldEvents = sql`(SELECT id FROM events WHERE at < ${cutoffSec(nowSec, s.retentionEventDays)} ORDER BY at LIMIT ${RETENTION_CHUNK})`;
  const auditCutoff = cutoffSec(nowSec, s.retentionAuditDays);
  const sessionCutoff = cutoffSec(nowSec, s.retentionSessionDays);
  return [
    byHour("usage_hourly"),
    byHour("node_traffic_hourly"),
    byHour("inbound_traffic_hourly"),
    byHour("user_client_ips"),
    // traffic_hourly's key leads with the admin: one range per admin rather than a scan.
    deleteChunk(
      "traffic_hourly",
      sql`SELECT t.rowid FROM admins JOIN traffic_hourly t ON t.admin_id = admins.id AND t.hour < ${hourly}`,
    ),
    // notification_reads' key leads with the admin, so reads are found per admin too.
    sql`DELETE FROM notification_reads WHERE admin_id IN (SELECT id FROM admins) AND event_id IN ${oldEvents}`,
    sql`DELETE FROM notification_deliveries WHERE event_id IN ${oldEvents}`,
    sql`DELETE FROM events WHERE id IN ${oldEvents}`,
    // audit_log has no index on its time, but ids grow with it: the oldest ids are the candidates,
    // and when even the oldest entry is recent the whole statement stops before reading a row.
    sql`DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < ${auditCutoff} ORDER BY id LIMIT ${RETENTION_CHUNK})
      AND (SELECT at FROM audit_log ORDER BY id LIMIT 1) < ${auditCutoff}`,
    // Ended sessions (expired or revoked); their refresh tokens go with them (the foreign key
    // cascades). A used refresh token must outlive its session's use (presenting it again is how
    // theft is noticed), so tokens go only with their session. Sessions are few: no index needed.
    deleteChunk(
      "sessions",
      sql`SELECT rowid FROM sessions WHERE expires_at < ${sessionCutoff} OR revoked_at < ${sessionCutoff}`,
    ),
  ];
}

/**
 * Once an hour (the first minute of it): daily rows, whose cutoff moves once a day. usage_daily's
 * key leads with the user, so its old rows are found per user; user_status_daily's leads with the day.
 */
function hourStatements(nowSec: number, s: Settings): SQL[] {
  const daily = utcDay(cutoffSec(nowSec, s.retentionDailyDays));
  return [
    sql`DELETE FROM usage_daily WHERE (user_id, day) IN (
      SELECT d.user_id, d.day FROM users JOIN usage_daily d ON d.user_id = users.id AND d.day < ${daily} LIMIT ${RETENTION_CHUNK})`,
    deleteChunk("user_status_daily", sql`SELECT rowid FROM user_status_daily WHERE day < ${daily}`),
  ];
}

/**
 * The cron's retention pass: hourly traffic rows, client addresses, events with their reads and
 * deliveries, the audit log and ended sessions every minute; daily rows once an hour. Each older
 * than its setting, at most RETENTION_CHUNK rows per table per run, in one batch.
 */
export async function pruneByRetention(db: Db, nowSec: number): Promise<void> {
  const settings = await readSettings(db);
  const statements = minuteStatements(nowSec, settings);
  if (nowSec % 3600 < 60) statements.push(...hourStatements(nowSec, settings));
  await runBatch(
    db,
    statements.map((statement) => rawStatement(db, statement)),
  );
}
