import { DomainError } from "../errors/domain-error";
import type { BackupRow, BackupTrigger, RestoreRow } from "./table";

export interface BackupActor {
  id: number;
  username: string;
}

/** What `backups/<id>/manifest.json` holds: everything a restore checks the data against. */
export interface BackupManifest {
  format: 1;
  id: string;
  schemaVersion: string;
  createdAtSec: number;
  createdBy: string | null;
  trigger: BackupTrigger;
  tables: { name: string; columns: string[]; rows: number; sha256: string }[];
  chunks: { key: string; table: string; rows: number; bytes: number; sha256: string }[];
  sizeBytes: number;
  rows: number;
}

const notYet = () => new DomainError("UNAVAILABLE", "backups are not implemented yet");

/** Inserts a `running` backups row and starts the job; returns the row. */
export async function startBackup(
  _env: Env,
  _options: { trigger: BackupTrigger; actor: BackupActor | null },
): Promise<BackupRow> {
  throw notYet();
}

/**
 * Refuses (DomainError) a backup that is not complete, from a newer schema, or whose manifest/chunks
 * fail verification; otherwise takes a pre_restore backup when the panel is not empty and starts the restore job.
 */
export async function startRestore(_env: Env, _options: { backupId: string; actor: BackupActor }): Promise<RestoreRow> {
  throw notYet();
}

/** The manifest, checked against backups.manifest_sha256. */
export async function readManifest(_env: Env, _backupId: string): Promise<BackupManifest> {
  throw notYet();
}

/** The whole backup as one file (manifest + chunks) to keep off Cloudflare. */
export async function backupArchive(_env: Env, _backupId: string): Promise<ReadableStream<Uint8Array>> {
  throw notYet();
}

/** Takes such a file back (trigger `uploaded`), verified chunk by chunk; refuses anything that does not match. */
export async function importArchive(
  _env: Env,
  _body: ReadableStream<Uint8Array>,
  _actor: BackupActor,
): Promise<BackupRow> {
  throw notYet();
}

export async function deleteBackup(_env: Env, _backupId: string): Promise<void> {
  throw notYet();
}

/** Adds to the index every complete backup found in R2 that it lacks (a panel restored elsewhere, an index lost). */
export async function syncBackupIndex(_env: Env): Promise<number> {
  throw notYet();
}
