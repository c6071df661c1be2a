/**
 * A backup file down to the operator's machine and back up to a panel: the one way to keep a
 * backup off Cloudflare. Both go through /api/backups with the bearer (apiFetch), since the panel's
 * CSP lets the page connect only to its own origin and a plain link would carry no token.
 */
import { apiFetch } from "../api/client";
import { dispositionFileName, saveBlob } from "../lib/save-file";

/**
 * The name to save a download under: the one the panel gives (Content-Disposition, RFC 6266
 * `filename*` first), stripped of any path; otherwise one that sorts by date and names the backup,
 * e.g. `vortexpanel-backup-2026-12-07T1314Z-abc123.tar`.
 */
export function backupFileName(backup: { id: string; createdAt: string }, contentDisposition: string | null): string {
  const given = contentDisposition && dispositionFileName(contentDisposition);
  if (given) return given;
  const stamp = new Date(backup.createdAt).toISOString().slice(0, 16).replace(":", "");
  return `vortexpanel-backup-${stamp}Z-${backup.id.replace(/[^\w-]/g, "")}.tar`;
}

/** Fetches the whole backup (owner only) and hands it to the browser to save. */
export async function downloadBackup(backup: { id: string; createdAt: string; downloadPath: string }): Promise<void> {
  const response = await apiFetch(backup.downloadPath);
  const name = backupFileName(backup, response.headers.get("content-disposition"));
  saveBlob(await response.blob(), name);
}

/** Sends a backup file taken from this or another panel; the panel verifies it before listing it as UPLOADED. */
export async function uploadBackup(file: File): Promise<void> {
  await apiFetch("/api/backups/upload", {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: file,
  });
}
