import { type WorkflowEvent, WorkflowEntrypoint, type WorkflowStep } from "cloudflare:workers";
import { runBackupJob } from "./backup-job";
import { type RestoreParams, runRestoreJob } from "./restore-job";

/** A backup as a durable job: each step is retried, and a job cut off resumes after its last finished step. */
export class BackupWorkflow extends WorkflowEntrypoint<Env, { backupId: string }> {
  override async run(event: Readonly<WorkflowEvent<{ backupId: string }>>, step: WorkflowStep): Promise<void> {
    await runBackupJob(step, this.env, event.payload.backupId);
  }
}

/** A restore as a durable job: staging survives an interruption, the live data changes only in the swap. */
export class RestoreWorkflow extends WorkflowEntrypoint<Env, RestoreParams> {
  override async run(event: Readonly<WorkflowEvent<RestoreParams>>, step: WorkflowStep): Promise<void> {
    await runRestoreJob(step, this.env, event.payload);
  }
}
