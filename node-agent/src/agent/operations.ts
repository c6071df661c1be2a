/**
 * Remote operations (protocol level 2), run once the config that carries them is adopted. Each
 * id runs at most once, also across reloads, updates and crashes: the state recorded in
 * AgentReports (kept in the state dir, resent to the edge with every push) says which ran.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { NodeOperation } from "../../../workers/agent/protocol/messages.ts";
import { writeFileAtomic } from "../state/atomic-file.ts";
import type { Logger } from "../log/logger.ts";
import { reexecAgent } from "./reexec.ts";
import type { AgentReports } from "./reports.ts";
import {
  HAND_OVER_ENV,
  installTrial,
  type ReleaseFiles,
  type Trial,
  trialEnv,
  type UpdateOperation,
} from "./update.ts";

/** What running operations needs from the agent. */
export interface OperationHost {
  reports: AgentReports;
  files: ReleaseFiles;
  log: Logger;
  agentVersion: string;
  /** The running script and its arguments: what a reload runs again. */
  script: string;
  args: readonly string[];
  /** Restarts the core from the applied config (its counters journaled first); the core's error when it fails. */
  restartCore(): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** Pushes now, so results written before this process is replaced reach the edge without waiting. */
  flush(): Promise<void>;
  /** The bytes at a panel-relative path, over the agent's signed edge client. */
  download(path: string): Promise<Uint8Array>;
}

const nowSec = () => Math.floor(Date.now() / 1000);

export class AgentOperations {
  private trial: Trial | null;
  private trialTimer: NodeJS.Timeout | undefined;

  /** `trial`: the release on trial this process is (update.ts launch()), if any. */
  constructor(
    private readonly host: OperationHost,
    trial: Trial | null,
  ) {
    this.trial = trial;
  }

  /** Where a reload leaves word for the process that replaces it. */
  private get reloadMarkerPath(): string {
    return join(this.host.files.dir, "reload.json");
  }

  /** Runs the operations of an adopted config that this node has not run yet, in order. */
  async run(operations: readonly NodeOperation[]): Promise<void> {
    for (const op of operations) {
      if (this.host.reports.operationState(op.id)) continue;
      if (op.notAfterSec < nowSec()) {
        this.report(op.id, "expired", "received after its deadline; not started");
        continue;
      }
      await this.runOne(op);
    }
  }

  private report(id: number, status: "running" | "succeeded" | "failed" | "expired", detail?: string): void {
    this.host.reports.operation({ id, status, atSec: nowSec(), ...(detail ? { detail: detail.slice(0, 2000) } : {}) });
  }

  private async runOne(op: NodeOperation): Promise<void> {
    const log = this.host.log;
    this.report(op.id, "running");
    log.info("operation.started", { id: op.id, kind: op.kind });
    switch (op.kind) {
      case "restartCore": {
        const outcome = await this.host.restartCore();
        if (outcome.ok) this.report(op.id, "succeeded", "the core restarted from the applied config");
        else this.report(op.id, "failed", outcome.reason);
        log[outcome.ok ? "info" : "error"]("operation.finished", { id: op.id, kind: op.kind, ok: outcome.ok });
        return;
      }
      case "reloadAgent":
        writeFileAtomic(this.reloadMarkerPath, JSON.stringify({ operationId: op.id }));
        return this.handOver(op.id, this.host.script, {}, () => rmSync(this.reloadMarkerPath, { force: true }));
      case "updateAgent":
        return this.update(op);
    }
  }

  private async update(op: UpdateOperation): Promise<void> {
    if (op.version === this.host.agentVersion) {
      this.report(op.id, "succeeded", `already running ${op.version}`);
      return;
    }
    let trial: Trial;
    try {
      const bytes = await this.host.download(op.path);
      trial = installTrial(this.host.files, op, bytes, this.host.script, nowSec());
    } catch (err) {
      this.report(op.id, "failed", (err as Error).message);
      this.host.log.error("update.refused", { id: op.id, version: op.version, reason: (err as Error).message });
      return;
    }
    this.host.log.info("update.trial_starting", {
      id: op.id,
      version: op.version,
      deadlineSec: trial.deadlineSec - trial.startedAtSec,
    });
    return this.handOver(op.id, trial.script, trialEnv(op.id), () => this.host.files.dropTrial());
  }

  /** Sends the reports, then replaces this process with `script`; when that cannot happen, undoes and reports why. */
  private async handOver(id: number, script: string, env: Record<string, string>, undo: () => void): Promise<void> {
    await this.host.flush().catch((err: Error) =>
      this.host.log.warn("operation.flush_failed", {
        id,
        reason: err.message,
        note: "reported from the next process",
      }),
    );
    try {
      reexecAgent({ script, args: this.host.args, env });
    } catch (err) {
      undo();
      this.report(id, "failed", (err as Error).message);
    }
  }

  /**
   * The agent is healthy: a config applied, the core running and a push acknowledged. A reload
   * that brought this process up succeeded; a trial becomes the committed release.
   */
  onHealthy(): void {
    if (existsSync(this.reloadMarkerPath)) {
      const { operationId } = JSON.parse(readFileSync(this.reloadMarkerPath, "utf8")) as { operationId: number };
      rmSync(this.reloadMarkerPath, { force: true });
      this.report(operationId, "succeeded", `the agent re-executed in place (pid ${process.pid})`);
    }
    const trial = this.trial;
    if (!trial) return;
    this.trial = null;
    clearTimeout(this.trialTimer);
    this.host.files.commit(trial, nowSec());
    this.report(trial.operationId, "succeeded", `running ${trial.version}`);
    this.host.log.info("update.committed", { id: trial.operationId, version: trial.version });
  }

  /** A trial not healthy by its deadline records the failure and hands back to the release before it. */
  watchTrial(): void {
    const trial = this.trial;
    if (!trial) return;
    const leftMs = Math.max(0, trial.deadlineSec - nowSec()) * 1000;
    this.trialTimer = setTimeout(() => {
      if (this.trial !== trial) return;
      const detail = `the new agent ${trial.version} did not report healthy within ${trial.deadlineSec - trial.startedAtSec} s; the previous release runs again`;
      this.report(trial.operationId, "failed", detail);
      this.host.files.dropTrial();
      this.host.log.error("update.rolled_back", { id: trial.operationId, version: trial.version, reason: detail });
      reexecAgent({ script: trial.previousScript, args: this.host.args, env: HAND_OVER_ENV });
    }, leftMs);
    this.trialTimer.unref();
  }
}
