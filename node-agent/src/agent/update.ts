/**
 * Agent self-update with rollback, without root. The unit runs with ProtectSystem=strict, so
 * the installed bundle (/usr/local/lib/vortex-agent/...) is read-only; releases live in the
 * state dir, which the agent owns:
 *
 *   <state>/agent/<version>.mjs   bundles downloaded and checked against the signed operation
 *   <state>/agent/current.json    the release that proved healthy: it runs instead of the installed bundle
 *   <state>/agent/trial.json      a release on trial: started, not yet healthy
 *
 * A bundle is written only after its size and SHA-256 match the operation in a config signed by
 * the panel key the node pinned at enrollment, so nothing unverified is ever on disk under a
 * name the launcher would run. The launcher at the very start of `run` (launch() below, in every
 * version) decides which file runs: a trial marker it finds on a fresh start means the trial died
 * before it was healthy, so the trial is recorded as failed and dropped; otherwise a committed
 * release takes over from the installed bundle. Deleting <state>/agent returns a node to its
 * installed bundle.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { NodeOperation } from "../../../workers/agent/protocol/messages.ts";
import { writeFileAtomic } from "../state/atomic-file.ts";
import type { Logger } from "../log/logger.ts";
import type { StateDir } from "../state/state-dir.ts";
import { canReexec, reexecAgent } from "./reexec.ts";
import { AgentReports } from "./reports.ts";

export type UpdateOperation = Extract<NodeOperation, { kind: "updateAgent" }>;

/** Set for the process the launcher started, so that one never launches again (no loops). */
export const LAUNCHED_ENV = "VORTEX_AGENT_LAUNCHED";
/** Set to the operation id for a release on trial; empty once it is not (env vars survive an exec). */
export const TRIAL_ENV = "VORTEX_AGENT_TRIAL";
/** A trial that has not applied a config, run the core and had a push acknowledged by then is rolled back. */
export const TRIAL_DEADLINE_SEC = 60;

const committedSchema = z.object({
  version: z.string(),
  script: z.string(),
  sha256: z.string(),
  committedAtSec: z.number().int(),
});
export type CommittedRelease = z.infer<typeof committedSchema>;

const trialSchema = z.object({
  operationId: z.number().int().positive(),
  version: z.string(),
  script: z.string(),
  sha256: z.string(),
  /** What runs again if the trial fails its deadline. */
  previousScript: z.string(),
  startedAtSec: z.number().int(),
  deadlineSec: z.number().int(),
});
export type Trial = z.infer<typeof trialSchema>;

/** The release files of a state dir. */
export class ReleaseFiles {
  readonly dir: string;

  constructor(state: StateDir) {
    this.dir = join(state.root, "agent");
  }

  get currentPath(): string {
    return join(this.dir, "current.json");
  }
  get trialPath(): string {
    return join(this.dir, "trial.json");
  }
  bundlePath(version: string): string {
    return join(this.dir, `${version}.mjs`);
  }

  readCurrent(): CommittedRelease | null {
    return this.read(this.currentPath, committedSchema);
  }
  readTrial(): Trial | null {
    return this.read(this.trialPath, trialSchema);
  }
  dropTrial(): void {
    rmSync(this.trialPath, { force: true });
  }

  /** The trial proved healthy: it is what runs from now on; bundles neither current nor previous go. */
  commit(trial: Trial, nowSec: number): void {
    const committed: CommittedRelease = {
      version: trial.version,
      script: trial.script,
      sha256: trial.sha256,
      committedAtSec: nowSec,
    };
    writeFileAtomic(this.currentPath, `${JSON.stringify(committed)}\n`);
    this.dropTrial();
    const keep = new Set([basename(trial.script), basename(trial.previousScript)]);
    for (const name of readdirSync(this.dir))
      if (name.endsWith(".mjs") && !keep.has(name)) rmSync(join(this.dir, name), { force: true });
  }

  /** Unreadable marker files count as absent: the installed bundle then runs, which is always safe. */
  private read<T>(path: string, schema: z.ZodType<T>): T | null {
    if (!existsSync(path)) return null;
    try {
      return schema.parse(JSON.parse(readFileSync(path, "utf8")));
    } catch {
      return null;
    }
  }
}

/** A bundle that does not match its signed description. */
export class BundleRefused extends Error {}

/**
 * Checks downloaded bytes against the size and SHA-256 in the signed operation. Runs before the
 * bytes touch the disk: a tampered bundle is never written, let alone run.
 */
export function verifyBundle(bytes: Uint8Array, op: Pick<UpdateOperation, "sha256" | "sizeBytes" | "version">): void {
  if (bytes.byteLength !== op.sizeBytes)
    throw new BundleRefused(
      `the downloaded bundle for ${op.version} is ${bytes.byteLength} bytes, the signed operation says ${op.sizeBytes}; not installed`,
    );
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== op.sha256)
    throw new BundleRefused(
      `the downloaded bundle for ${op.version} has SHA-256 ${sha256}, the signed operation says ${op.sha256}; not installed`,
    );
}

/** Writes a verified bundle and the trial marker that makes its first run a trial; returns the trial. */
export function installTrial(
  files: ReleaseFiles,
  op: UpdateOperation,
  bytes: Uint8Array,
  previousScript: string,
  nowSec: number,
): Trial {
  verifyBundle(bytes, op);
  const script = files.bundlePath(op.version);
  writeFileAtomic(script, bytes, 0o700);
  const trial: Trial = {
    operationId: op.id,
    version: op.version,
    script,
    sha256: op.sha256,
    previousScript,
    startedAtSec: nowSec,
    deadlineSec: nowSec + TRIAL_DEADLINE_SEC,
  };
  writeFileAtomic(files.trialPath, `${JSON.stringify(trial)}\n`);
  return trial;
}

export type LaunchStep = { kind: "run" } | { kind: "exec"; script: string };

export interface LaunchDecision {
  /** A trial that died before it was healthy: to be reported failed, its marker dropped. */
  failedTrial: Trial | null;
  /** Whether this process is the release on trial (it must prove healthy by the deadline). */
  trial: Trial | null;
  next: LaunchStep;
}

/**
 * What the launcher does, from the files and the environment alone (a plain function, tested
 * without a process): the trial itself runs; a trial marker found by anyone else means the trial
 * died; a committed release other than this file takes over, once.
 */
export function decideLaunch(input: {
  self: string;
  env: Record<string, string | undefined>;
  current: CommittedRelease | null;
  trial: Trial | null;
  exists: (path: string) => boolean;
}): LaunchDecision {
  const { self, env, current, trial } = input;
  if (trial && env[TRIAL_ENV] === String(trial.operationId) && self === trial.script)
    return { failedTrial: null, trial, next: { kind: "run" } };
  const failedTrial = trial;
  if (env[LAUNCHED_ENV]) return { failedTrial, trial: null, next: { kind: "run" } };
  if (current && current.script !== self && input.exists(current.script))
    return { failedTrial, trial: null, next: { kind: "exec", script: current.script } };
  return { failedTrial, trial: null, next: { kind: "run" } };
}

/** The words the panel shows for a trial that died before it was healthy. */
export const trialDiedDetail = (trial: Trial) =>
  `the new agent ${trial.version} exited before reporting healthy; the previous release runs again`;

/** The environment a hand-over to another release adds: the launcher's guard set, no trial. */
export const HAND_OVER_ENV: Record<string, string> = { [LAUNCHED_ENV]: "1", [TRIAL_ENV]: "" };

/** The environment of a process started as the trial of operation `operationId`. */
export const trialEnv = (operationId: number): Record<string, string> => ({
  [LAUNCHED_ENV]: "1",
  [TRIAL_ENV]: String(operationId),
});

/**
 * The launcher, first thing in `run`: records a trial that died, then hands over to the
 * committed release when that is not this file (never returns then). Returns the trial this
 * process is, if it is one.
 */
export function launch(options: { state: StateDir; self: string; args: readonly string[]; log: Logger }): Trial | null {
  const { state, self, args, log } = options;
  const files = new ReleaseFiles(state);
  const decision = decideLaunch({
    self,
    env: process.env,
    current: files.readCurrent(),
    trial: files.readTrial(),
    exists: existsSync,
  });
  const died = decision.failedTrial;
  if (died) {
    const detail = trialDiedDetail(died);
    new AgentReports(state.reportsPath).operation({
      id: died.operationId,
      status: "failed",
      detail,
      atSec: Math.floor(Date.now() / 1000),
    });
    files.dropTrial();
    log.error("update.trial_died", { version: died.version, operationId: died.operationId, reason: detail });
  }
  if (decision.next.kind === "exec") {
    if (!canReexec()) {
      log.warn("update.launch_skipped", { reason: "this Node cannot re-execute; the installed bundle runs" });
      return null;
    }
    log.info("update.launch", {
      script: decision.next.script,
      reason: "a release that proved healthy replaces the installed bundle",
    });
    reexecAgent({ script: decision.next.script, args, env: HAND_OVER_ENV });
  }
  return decision.trial;
}
