/** The Backups page's reads and changes; each change names the reads it makes stale. */
import { request } from "../api/client";
import {
  Backup,
  BackupDatabase,
  BackupsPage,
  DeleteBackup,
  Restore,
  RestoreBackup,
  UpdateBackupSchedule,
} from "../graphql/backups";
import type { UpdateSettingsInput } from "../graphql/generated/graphql";
import { mutation, signedInQuery } from "../lib/query";

export const backupsQuery = signedInQuery(() => request(BackupsPage), "backups");

export const loadBackup = async (id: string) => (await request(Backup, { id })).backup ?? null;
export const loadRestore = async (id: string) => (await request(Restore, { id })).restore ?? null;

export const startBackup = mutation(async () => (await request(BackupDatabase)).backupDatabase, "backupDatabase", [
  backupsQuery,
]);
export const removeBackup = mutation((id: string) => request(DeleteBackup, { id }), "deleteBackup", [backupsQuery]);
export const startRestore = mutation(
  async (id: string, confirm: string) => (await request(RestoreBackup, { id, confirm })).restoreBackup,
  "restoreBackup",
  [backupsQuery],
);
export const saveSchedule = mutation(
  (input: Pick<UpdateSettingsInput, "backupIntervalHours" | "backupKeepCount" | "backupKeepDays">) =>
    request(UpdateBackupSchedule, { input }),
  "updateBackupSchedule",
  [backupsQuery],
);
