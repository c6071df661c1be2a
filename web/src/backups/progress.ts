/** How far a backup or restore has come, for its progress bar and the sentence beside it. */
import type { JobProgressFieldsFragment, RestoreStatus } from "../graphql/generated/graphql";

/**
 * Whole percent done: by rows when the job has counted them, else by tables; never 100 before
 * the job says it is finished (a job at its last step still has work left: verification, the manifest).
 */
export function progressPercent(progress: JobProgressFieldsFragment | null | undefined, finished: boolean): number {
  if (finished) return 100;
  if (!progress) return 0;
  const [done, total] =
    progress.rowsTotal > 0 ? [progress.rowsDone, progress.rowsTotal] : [progress.tablesDone, progress.tablesTotal];
  if (total <= 0) return 0;
  return Math.min(99, Math.max(0, Math.floor((done / total) * 100)));
}

/** The steps a restore walks through, in order, as the page shows them. */
export const RESTORE_STEPS = ["RUNNING", "VERIFYING", "COMPLETE"] as const satisfies RestoreStatus[];

/** Each step's state for a restore now at `status`: a failed restore stops at the step it was in. */
export function restoreSteps(
  status: RestoreStatus,
  failedAt: RestoreStatus = "RUNNING",
): { step: (typeof RESTORE_STEPS)[number]; state: "done" | "current" | "waiting" | "failed" }[] {
  const at = RESTORE_STEPS.indexOf((status === "FAILED" ? failedAt : status) as (typeof RESTORE_STEPS)[number]);
  return RESTORE_STEPS.map((step, index) => ({
    step,
    state:
      index < at || status === "COMPLETE"
        ? "done"
        : index === at
          ? status === "FAILED"
            ? "failed"
            : "current"
          : "waiting",
  }));
}
