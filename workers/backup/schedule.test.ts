import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import {
  backupsPastRetention,
  RETRY_FAILED_AFTER_SEC,
  runBackupSchedule,
  scheduledBackupDue,
  STALE_RUNNING_AFTER_SEC,
} from "./schedule";
import type { BackupRow } from "./table";

const HOUR = 3600;
const DAY = 86_400;
const NOW = 1_900_000_000;
const schedule = { backupIntervalHours: 24, backupKeepCount: 3, backupKeepDays: 30 };

type Indexed = Pick<BackupRow, "id" | "status" | "trigger" | "startedAtSec">;
let sequence = 0;
const backup = (ageSec: number, status: Indexed["status"] = "complete", trigger: Indexed["trigger"] = "scheduled") => ({
  id: `b${++sequence}`,
  status,
  trigger,
  startedAtSec: NOW - ageSec,
});

describe("when a scheduled backup is due", () => {
  it("is due on an empty panel and once the newest backup is as old as the interval, not before", () => {
    expect(scheduledBackupDue([], schedule, NOW)).toBe(true);
    expect(scheduledBackupDue([backup(23 * HOUR, "complete", "manual")], schedule, NOW)).toBe(false);
    expect(scheduledBackupDue([backup(23 * HOUR, "running")], schedule, NOW)).toBe(false);
    // The cron fires on the minute and the previous backup started a moment after its minute.
    expect(scheduledBackupDue([backup(24 * HOUR - 2)], schedule, NOW)).toBe(true);
  });

  it("is never due while the interval is 0", () => {
    expect(scheduledBackupDue([], { ...schedule, backupIntervalHours: 0 }, NOW)).toBe(false);
  });

  it("does not count an uploaded file as a backup of the panel as it is now", () => {
    expect(scheduledBackupDue([backup(HOUR, "complete", "uploaded")], schedule, NOW)).toBe(true);
  });

  it("waits an hour after a scheduled backup failed before trying again, so failures stay few and visible", () => {
    expect(scheduledBackupDue([backup(RETRY_FAILED_AFTER_SEC / 2, "failed")], schedule, NOW)).toBe(false);
    expect(scheduledBackupDue([backup(RETRY_FAILED_AFTER_SEC + 60, "failed")], schedule, NOW)).toBe(true);
    // A failed manual backup does not hold the schedule back.
    expect(scheduledBackupDue([backup(60, "failed", "manual")], schedule, NOW)).toBe(true);
  });
});

describe("backup retention", () => {
  it("deletes complete backups past the kept count only once they are also older than the kept days", () => {
    const young = [backup(DAY), backup(2 * DAY), backup(3 * DAY), backup(4 * DAY)];
    const old = [backup(40 * DAY), backup(41 * DAY)];
    expect(backupsPastRetention([...old, ...young], schedule, NOW)).toEqual(old.map((b) => b.id));
  });

  it("keeps the newest complete backup however old, and never touches a running one", () => {
    const newest = backup(400 * DAY);
    const running = backup(500 * DAY, "running");
    expect(backupsPastRetention([running, newest], { ...schedule, backupKeepCount: 1 }, NOW)).toEqual([]);
    expect(backupsPastRetention([backup(401 * DAY), newest], { ...schedule, backupKeepCount: 1 }, NOW)).toHaveLength(1);
  });

  it("drops failed backups once they are older than the kept days, without counting them as kept", () => {
    const failedOld = backup(31 * DAY, "failed");
    const failedRecent = backup(DAY, "failed");
    expect(backupsPastRetention([failedOld, failedRecent, backup(2 * DAY)], schedule, NOW)).toEqual([failedOld.id]);
  });
});

describe("the backup schedule in the cron", () => {
  const insert = (id: string, status: string, startedAtSec: number) =>
    env.DB.prepare(
      `INSERT INTO backups (id, status, trigger, schema_version, started_at) VALUES (?, ?, 'scheduled', '0014_safety_net', ?)`,
    )
      .bind(id, status, startedAtSec)
      .run();
  const statusOf = async (id: string) =>
    (await env.DB.prepare(`SELECT status, error FROM backups WHERE id = ?`).bind(id).first()) as {
      status: string;
      error: string | null;
    } | null;
  const setInterval = (hours: number) =>
    env.DB.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('backupIntervalHours', ?)`)
      .bind(JSON.stringify(hours))
      .run();

  /** Waits for the engine's job: a job left running would outlive the row the next test deletes. */
  const complete = async (id: string) => {
    for (let attempt = 0; attempt < 600 && (await statusOf(id))?.status === "running"; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await statusOf(id)).toMatchObject({ status: "complete" });
    return id;
  };

  beforeEach(async () => {
    await env.DB.prepare(`DELETE FROM backups`).run();
  });

  it("marks a backup that stopped without finishing as failed with the reason, once, and leaves a live one running", async () => {
    await setInterval(0);
    const nowSec = Math.floor(Date.now() / 1000);
    await insert("stale", "running", nowSec - STALE_RUNNING_AFTER_SEC - 60);
    await insert("live", "running", nowSec - 60);

    expect(await runBackupSchedule(env, nowSec)).toEqual({ staleFailed: ["stale"], deleted: [], started: null });
    expect(await statusOf("stale")).toMatchObject({ status: "failed", error: expect.stringContaining("stopped") });
    expect(await statusOf("live")).toMatchObject({ status: "running" });
    expect((await runBackupSchedule(env, nowSec)).staleFailed).toEqual([]);
  });

  it("starts one scheduled backup when one is due, and no second one in the next minute", async () => {
    await setInterval(24);
    const nowSec = Math.floor(Date.now() / 1000);
    const first = await runBackupSchedule(env, nowSec);
    expect(first.started).toEqual(expect.any(String));
    expect(
      await env.DB.prepare(`SELECT trigger, created_by_name FROM backups WHERE id = ?`).bind(first.started).first(),
    ).toEqual({ trigger: "scheduled", created_by_name: null });
    expect((await runBackupSchedule(env, nowSec + 60)).started).toBeNull();
    await complete(first.started!);
  });

  it("deletes, from R2 too, a complete backup past the kept count and days, and keeps the newest", async () => {
    await setInterval(24);
    await env.DB.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('backupKeepCount', '1')`).run();
    const nowSec = Math.floor(Date.now() / 1000);
    const older = await complete((await runBackupSchedule(env, nowSec)).started!);
    // Taken two days ago, as far as the index knows: the next one is due now.
    await env.DB.prepare(`UPDATE backups SET started_at = ? WHERE id = ?`)
      .bind(nowSec - 2 * DAY, older)
      .run();
    const newer = await complete((await runBackupSchedule(env, nowSec)).started!);
    expect((await env.BUCKET.list({ prefix: `backups/${older}/` })).objects.length).toBeGreaterThan(0);

    await setInterval(0);
    expect(await runBackupSchedule(env, nowSec + 29 * DAY)).toEqual({
      staleFailed: [],
      deleted: [older],
      started: null,
    });
    expect(await statusOf(older)).toBeNull();
    expect((await env.BUCKET.list({ prefix: `backups/${older}/` })).objects).toEqual([]);
    expect(await statusOf(newer)).toMatchObject({ status: "complete" });
    // The newest complete backup stays however old it gets.
    expect((await runBackupSchedule(env, nowSec + 400 * DAY)).deleted).toEqual([]);
  });
});
