import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { admins } from "../admins/table";

export const BACKUP_STATUSES = ["running", "complete", "failed"] as const;
export type BackupStatus = (typeof BACKUP_STATUSES)[number];
/** manual: an admin asked; scheduled: the cron; pre_restore: taken before a restore overwrote the panel; uploaded: a file brought back from off Cloudflare. */
export const BACKUP_TRIGGERS = ["manual", "scheduled", "pre_restore", "uploaded"] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

/** Progress of a long job, as its steps leave it. */
export interface JobProgress {
  phase: string;
  tablesDone: number;
  tablesTotal: number;
  rowsDone: number;
  rowsTotal: number;
}

/**
 * The panel's index of its backups. The backups themselves (manifest and data) live in R2 under
 * `backups/<id>/`; a panel restored elsewhere rebuilds this index from R2. Neither this table nor
 * `restores` is part of a snapshot: they describe the bucket, not the panel.
 */
export const backups = sqliteTable(
  "backups",
  {
    /** Sortable by time and unguessable: `<yyyymmddThhmmssZ>-<random>`; also the R2 prefix. */
    id: text("id").primaryKey(),
    status: text("status", { enum: BACKUP_STATUSES }).notNull(),
    trigger: text("trigger", { enum: BACKUP_TRIGGERS }).notNull(),
    createdBy: integer("created_by").references(() => admins.id, { onDelete: "set null" }),
    /** Kept apart from the id: the admin may be deleted, and a restored panel may not have them. */
    createdByName: text("created_by_name"),
    /** The last migration applied when the snapshot was taken, e.g. "0014_safety_net". */
    schemaVersion: text("schema_version").notNull(),
    startedAtSec: integer("started_at").notNull(),
    finishedAtSec: integer("finished_at"),
    sizeBytes: integer("size_bytes"),
    rowCount: integer("row_count"),
    tableCount: integer("table_count"),
    /** SHA-256 of the manifest's bytes in R2: a changed manifest is a tampered backup. */
    manifestSha256: text("manifest_sha256"),
    progress: text("progress", { mode: "json" }).$type<JobProgress>(),
    error: text("error"),
  },
  (t) => [index("backups_started_idx").on(t.startedAtSec)],
);
export type BackupRow = typeof backups.$inferSelect;

export const RESTORE_STATUSES = ["running", "verifying", "complete", "failed"] as const;
export type RestoreStatus = (typeof RESTORE_STATUSES)[number];

export const restores = sqliteTable("restores", {
  id: text("id").primaryKey(),
  backupId: text("backup_id").notNull(),
  status: text("status", { enum: RESTORE_STATUSES }).notNull(),
  /** The backup taken of the panel just before this restore overwrote it; null into an empty panel. */
  safetyBackupId: text("safety_backup_id"),
  /** No foreign key: a restore replaces the admins table. */
  startedBy: integer("started_by"),
  startedByName: text("started_by_name"),
  startedAtSec: integer("started_at").notNull(),
  finishedAtSec: integer("finished_at"),
  progress: text("progress", { mode: "json" }).$type<JobProgress>(),
  /** Tables whose row counts and checksums matched the manifest after the restore. */
  verifiedTables: integer("verified_tables"),
  error: text("error"),
});
export type RestoreRow = typeof restores.$inferSelect;
