import { and, eq, lt } from "drizzle-orm";
import { dbFor } from "../db/client";
import { readSettings, type Settings } from "../settings/settings";
import { deleteBackup, startBackup } from "./engine";
import { backups, type BackupRow } from "./table";

type Schedule = Pick<Settings, "backupIntervalHours" | "backupKeepCount" | "backupKeepDays">;
type IndexedBackup = Pick<BackupRow, "id" | "status" | "trigger" | "startedAtSec">;

/**
 * A backup still running this long after it started has stopped without saying so (its Workflow
 * was lost or its step failed past its retries): a 100,000-user panel takes minutes, not hours.
 */
export const STALE_RUNNING_AFTER_SEC = 6 * 3600;
/**
 * After a scheduled backup failed, the next attempt waits this long (or the interval, if shorter):
 * a panel whose backups fail keeps one visible FAILED row an hour, not one a minute.
 */
export const RETRY_FAILED_AFTER_SEC = 3600;
/**
 * The cron fires on the minute and a backup's clock starts a moment later, so "younger than the
 * interval" would push each backup a minute later than the one before; this much early is on time.
 */
const ON_TIME_SLACK_SEC = 60;

/**
 * Whether the cron should take a scheduled backup now: the schedule is on and no backup of this
 * panel (running, or complete) started within the interval. An uploaded file is not a backup of
 * this panel as it is now, so it does not count.
 */
export function scheduledBackupDue(index: readonly IndexedBackup[], schedule: Schedule, nowSec: number): boolean {
  if (schedule.backupIntervalHours === 0) return false;
  const intervalSec = schedule.backupIntervalHours * 3600;
  const recent = (b: IndexedBackup, withinSec: number) => b.startedAtSec > nowSec - withinSec + ON_TIME_SLACK_SEC;
  return !index.some(
    (b) =>
      (b.status !== "failed" && b.trigger !== "uploaded" && recent(b, intervalSec)) ||
      (b.status === "failed" && b.trigger === "scheduled" && recent(b, Math.min(intervalSec, RETRY_FAILED_AFTER_SEC))),
  );
}

/**
 * The backups retention deletes: complete ones past the newest `backupKeepCount` that are also
 * older than `backupKeepDays`, and failed ones older than that. The newest complete backup always
 * stays (backupKeepCount is at least 1), and a running one is never touched.
 */
export function backupsPastRetention(index: readonly IndexedBackup[], schedule: Schedule, nowSec: number): string[] {
  const cutoffSec = nowSec - schedule.backupKeepDays * 86_400;
  const complete = index.filter((b) => b.status === "complete").sort((a, b) => b.startedAtSec - a.startedAtSec);
  return [
    ...complete.slice(schedule.backupKeepCount).filter((b) => b.startedAtSec < cutoffSec),
    ...index.filter((b) => b.status === "failed" && b.startedAtSec < cutoffSec),
  ].map((b) => b.id);
}

export interface BackupScheduleRun {
  /** Running backups marked failed because they stopped without finishing. */
  staleFailed: string[];
  deleted: string[];
  /** The scheduled backup started now, if one was due. */
  started: string | null;
}

/**
 * The backup part of the minute cron: marks backups that stopped without finishing as failed,
 * applies retention, then starts a scheduled backup if one is due. A backup that cannot start
 * throws after retention ran; one that fails later is the engine's FAILED row, with its error.
 */
export async function runBackupSchedule(env: Env, nowSec: number): Promise<BackupScheduleRun> {
  const db = dbFor(env);
  const staleFailed = (
    await db
      .update(backups)
      .set({
        status: "failed",
        finishedAtSec: nowSec,
        error: `stopped without finishing: still running ${STALE_RUNNING_AFTER_SEC / 3600} hours after it started`,
      })
      .where(and(eq(backups.status, "running"), lt(backups.startedAtSec, nowSec - STALE_RUNNING_AFTER_SEC)))
      .returning({ id: backups.id })
  ).map((b) => b.id);
  const [schedule, index] = await Promise.all([
    readSettings(db),
    db
      .select({ id: backups.id, status: backups.status, trigger: backups.trigger, startedAtSec: backups.startedAtSec })
      .from(backups)
      .all(),
  ]);
  const deleted = backupsPastRetention(index, schedule, nowSec);
  for (const id of deleted) await deleteBackup(env, id);
  const started = scheduledBackupDue(index, schedule, nowSec)
    ? (await startBackup(env, { trigger: "scheduled", actor: null })).id
    : null;
  if (staleFailed.length || deleted.length || started) {
    console.log(JSON.stringify({ event: "backup.schedule", staleFailed, deleted, started }));
  }
  return { staleFailed, deleted, started };
}
