import { emitEvents } from "./emit";
import { panelEvent, type PanelEvent } from "./catalogue";

/** A backup as it was marked failed. */
export interface FailedBackup {
  id: string;
  trigger: string;
  error: string | null;
}

/** backup.failed for each backup just marked failed. */
export const backupFailedEvents = (failed: readonly FailedBackup[], nowSec: number): PanelEvent[] =>
  failed.map((row) =>
    panelEvent("backup.failed", nowSec, {
      backupId: row.id,
      trigger: row.trigger,
      error: row.error ?? "unknown error",
    }),
  );

/**
 * Emits and waits until the events are handed over: backup jobs run in Workflow steps and start
 * requests that have no `waitUntil` of their own to outlive them.
 */
export async function emitBackupFailures(env: Env, failed: readonly FailedBackup[], nowSec: number): Promise<void> {
  const pending: Promise<unknown>[] = [];
  emitEvents(env, (promise) => pending.push(promise), backupFailedEvents(failed, nowSec));
  await Promise.all(pending);
}
