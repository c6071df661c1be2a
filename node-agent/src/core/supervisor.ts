/**
 * Owns the core process: start, stop, replace with rollback, adopt. The core is spawned detached
 * with its output in a file (not a pipe to the agent) so it survives the agent: a crash, a
 * kill -9, an upgrade or a reload. The next agent process reads the orphan's counters before
 * anything else and then either adopts it (users keep their connections) or replaces it. Every
 * start gets a fresh `instanceId`; counters belong to an instance (they live in the core's memory
 * and die with it), which is how usage baselines stay exact, across an adoption too: the adopted
 * core keeps its instanceId, so the journal's baseline for it continues.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, copyFileSync, statSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { z } from "zod";
import type { Logger } from "../log/logger.ts";
import { writeFileAtomic } from "../state/atomic-file.ts";
import { CoreApi } from "./grpc/client.ts";
import { CORE_PROFILES, type CoreKind } from "./profile.ts";
import { testCoreConfig, type ConfigTestResult } from "./validate.ts";

const instanceSchema = z.object({
  pid: z.number().int(),
  instanceId: z.string(),
  configPath: z.string(),
  startedAtSec: z.number(),
});
export type CoreInstance = z.infer<typeof instanceSchema>;

export interface SupervisorOptions {
  core: CoreKind;
  bin: string;
  /** Directory for config.json, instance.json and core.log (inside the state dir). */
  dir: string;
  apiPort: number;
  logger: Logger;
  /** How long a start may take before it counts as failed. */
  startTimeoutMs?: number;
}

export type ReplaceResult =
  | { ok: true }
  | { ok: false; stage: "test"; test: ConfigTestResult }
  /** `output`: what the core wrote to core.log during the failed start (its own words on why). */
  | { ok: false; stage: "start"; reason: string; rolledBack: boolean; output: string };

/** A start that did not come up, with what the core wrote while it tried. */
export class CoreStartError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** What a start may have written, read back for the operator: the tail matters, not a flood. */
const START_OUTPUT_MAX_BYTES = 16 * 1024;

/** The bytes appended to `path` since it was `fromBytes` long (at most the last START_OUTPUT_MAX_BYTES). */
function readAppended(path: string, fromBytes: number): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return "";
  }
  const start = Math.max(fromBytes, size - START_OUTPUT_MAX_BYTES);
  if (size <= start) return "";
  const buffer = Buffer.alloc(size - start);
  const fd = openSync(path, "r");
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  return buffer.toString("utf8");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  // A core adopted across a re-exec is still our child but no longer known to Node, so nobody
  // reaps it when it dies: that zombie answers kill(0) until we exit, and must count as dead.
  // (Another parent's zombie, e.g. init's after an agent crash, is reaped and then gone.)
  return !isOurZombie(pid);
}

function isOurZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid ...": comm is in parentheses and may itself contain spaces.
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return state === "Z" && Number(ppid) === process.pid;
  } catch {
    return false;
  }
}

/** The pid still runs our core with our config (guards against pid reuse after a reboot). */
function runsConfig(pid: number, configPath: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return cmdline.includes(configPath);
  } catch {
    return false;
  }
}

function canConnect(port: number, host = "127.0.0.1", timeoutMs = 300): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export class CoreSupervisor {
  readonly core: CoreKind;
  readonly bin: string;
  readonly dir: string;
  readonly apiPort: number;
  private readonly log: Logger;
  private readonly startTimeoutMs: number;
  private current: CoreInstance | null = null;
  private exitListeners: Array<(instance: CoreInstance) => void> = [];
  private watchTimer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(options: SupervisorOptions) {
    this.core = options.core;
    this.bin = options.bin;
    this.dir = options.dir;
    this.apiPort = options.apiPort;
    this.log = options.logger;
    this.startTimeoutMs = options.startTimeoutMs ?? 10_000;
  }

  get configPath(): string {
    return join(this.dir, "config.json");
  }
  private get previousConfigPath(): string {
    return join(this.dir, "config.previous.json");
  }
  private get candidatePath(): string {
    return join(this.dir, "config.candidate.json");
  }
  private get instancePath(): string {
    return join(this.dir, "instance.json");
  }
  get apiAddress(): string {
    return `127.0.0.1:${this.apiPort}`;
  }

  get instance(): CoreInstance | null {
    return this.current;
  }
  get running(): boolean {
    return this.current !== null && isAlive(this.current.pid);
  }

  /** Called when the core dies without the supervisor stopping it. */
  onUnexpectedExit(listener: (instance: CoreInstance) => void): void {
    this.exitListeners.push(listener);
  }

  /** Validates a config with the core's `-test` without touching the running one. */
  async test(config: unknown): Promise<ConfigTestResult> {
    writeFileAtomic(this.candidatePath, JSON.stringify(config));
    return testCoreConfig(this.core, this.bin, this.candidatePath);
  }

  /**
   * A core left running by a previous agent process (crash, SIGKILL, upgrade, reload). Returned
   * if it is alive and runs our config file, with whether its API answers (its counters can be
   * read and its users changed only then).
   */
  async findOrphan(): Promise<{ instance: CoreInstance; apiAnswers: boolean } | null> {
    if (!existsSync(this.instancePath)) return null;
    let recorded: CoreInstance;
    try {
      recorded = instanceSchema.parse(JSON.parse(readFileSync(this.instancePath, "utf8")));
    } catch {
      return null;
    }
    if (!isAlive(recorded.pid) || !runsConfig(recorded.pid, recorded.configPath)) return null;
    return { instance: recorded, apiAnswers: await this.apiAnswers(2_000) };
  }

  /** Stops an orphan that cannot be adopted, after its counters were read (they die with it). */
  async killInstance(instance: CoreInstance): Promise<void> {
    await this.terminate(instance.pid);
  }

  /**
   * Takes over an orphan as the running core, as if this process had started it: same
   * instanceId (so usage counting continues from its counters), watched for exits, stopped by
   * stop(). The caller has checked it runs the config it should (see apply/adoption.ts).
   */
  adopt(instance: CoreInstance): void {
    if (this.running) throw new Error("core already running");
    this.current = instance;
    this.watch();
  }

  /** Starts the core with `config` (written to config.json). Throws when it does not come up. */
  async start(config: unknown): Promise<CoreInstance> {
    writeFileAtomic(this.configPath, JSON.stringify(config));
    return this.spawnAndWait(config);
  }

  private async spawnAndWait(config: unknown): Promise<CoreInstance> {
    if (this.running) throw new Error("core already running");
    const logPath = join(this.dir, "core.log");
    const logFd = openSync(logPath, "a", 0o600);
    // Where this start's output begins: a failed start reports its own words, not older runs'.
    const logStartBytes = statSync(logPath).size;
    let child: ChildProcess;
    try {
      child = spawn(this.bin, CORE_PROFILES[this.core].runArgs(this.configPath), {
        detached: true,
        stdio: ["ignore", logFd, logFd],
      });
    } finally {
      closeSync(logFd);
    }
    const pid = child.pid;
    if (pid === undefined) throw new Error(`could not spawn ${this.bin}`);
    let exitCode: number | null | undefined;
    child.once("exit", (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
    });
    child.once("error", () => {
      exitCode = -1;
    });
    // The agent must be able to exit while the core keeps running (see the class comment).
    child.unref();
    const instance: CoreInstance = {
      pid,
      instanceId: randomBytes(8).toString("hex"),
      configPath: this.configPath,
      startedAtSec: Math.floor(Date.now() / 1000),
    };
    const ready = await this.waitReady(config, () => exitCode !== undefined);
    if (!ready.ok) {
      await this.terminate(pid);
      throw new CoreStartError(
        `core did not start: ${ready.reason}${exitCode !== undefined ? ` (exit ${exitCode})` : ""}; see ${logPath}`,
        readAppended(logPath, logStartBytes),
      );
    }
    this.current = instance;
    writeFileAtomic(this.instancePath, JSON.stringify(instance));
    this.watch();
    this.log.info("core.started", { pid, instanceId: instance.instanceId, core: this.core });
    return instance;
  }

  /** Ready = the API answers a probe on a fresh connection and every inbound port accepts TCP. */
  private async waitReady(
    config: unknown,
    exited: () => boolean,
  ): Promise<{ ok: true } | { ok: false; reason: string }> {
    const deadline = Date.now() + this.startTimeoutMs;
    const ports = inboundPorts(config);
    let apiOk = false;
    while (Date.now() < deadline) {
      if (exited()) return { ok: false, reason: "process exited during start-up" };
      if (!apiOk) apiOk = await this.apiAnswers(150);
      if (apiOk) {
        const results = await Promise.all(ports.map((p) => canConnect(p.port, p.host)));
        if (results.every(Boolean)) {
          // A failing later inbound makes the core exit right after the API came up.
          await sleep(50);
          if (exited()) return { ok: false, reason: "process exited during start-up" };
          return { ok: true };
        }
      }
      await sleep(50);
    }
    return { ok: false, reason: `not ready within ${this.startTimeoutMs} ms` };
  }

  private async apiAnswers(deadlineMs: number): Promise<boolean> {
    const probe = new CoreApi({ core: this.core, address: this.apiAddress, deadlineMs });
    try {
      await probe.sysStats(deadlineMs);
      return true;
    } catch {
      return false;
    } finally {
      probe.close();
    }
  }

  private watch(): void {
    if (this.watchTimer) clearInterval(this.watchTimer);
    // Polling rather than the child's exit event: the child is unref'd and may outlive us.
    this.watchTimer = setInterval(() => {
      const instance = this.current;
      if (!instance || this.stopping || isAlive(instance.pid)) return;
      this.current = null;
      this.log.error("core.exited", {
        pid: instance.pid,
        instanceId: instance.instanceId,
        reason: "the core process died without being asked to stop",
      });
      for (const l of this.exitListeners) l(instance);
    }, 500);
    this.watchTimer.unref();
  }

  private async terminate(pid: number): Promise<void> {
    if (!isAlive(pid)) return;
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      return;
    }
    for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(50);
    if (isAlive(pid)) {
      this.log.warn("core.kill", { pid, reason: "did not exit within 5 s of SIGTERM" });
      process.kill(pid, "SIGKILL");
      for (let i = 0; i < 40 && isAlive(pid); i++) await sleep(50);
    }
  }

  /** Stops the running core (the caller has read its counters first: they die with it). */
  async stop(): Promise<void> {
    const instance = this.current;
    if (!instance) return;
    this.stopping = true;
    try {
      await this.terminate(instance.pid);
      this.current = null;
      this.log.info("core.stopped", { pid: instance.pid, instanceId: instance.instanceId });
    } finally {
      this.stopping = false;
    }
  }

  /**
   * Swap to a new config: `-test` it, stop the old core, start the new one; if the new one does
   * not come up, start the previous config again. The caller reads counters before this.
   */
  async replace(config: unknown): Promise<ReplaceResult> {
    const test = await this.test(config);
    if (!test.ok) return { ok: false, stage: "test", test };
    const hadPrevious = existsSync(this.configPath);
    if (hadPrevious) copyFileSync(this.configPath, this.previousConfigPath);
    await this.stop();
    renameSync(this.candidatePath, this.configPath);
    try {
      await this.spawnAndWait(config);
      return { ok: true };
    } catch (err) {
      const reason = (err as Error).message;
      const output = err instanceof CoreStartError ? err.output : "";
      this.log.error("core.start_failed", { reason, rollback: hadPrevious });
      if (!hadPrevious) return { ok: false, stage: "start", reason, rolledBack: false, output };
      renameSync(this.previousConfigPath, this.configPath);
      const previous = JSON.parse(readFileSync(this.configPath, "utf8"));
      try {
        await this.spawnAndWait(previous);
        this.log.warn("core.rolled_back", { reason: "new config failed to start; previous config is running again" });
        return { ok: false, stage: "start", reason, rolledBack: true, output };
      } catch (err2) {
        this.log.error("core.rollback_failed", { reason: (err2 as Error).message });
        return { ok: false, stage: "start", reason, rolledBack: false, output };
      }
    }
  }

  /**
   * Stops watching without stopping the core: for a reload, after which the next agent process
   * adopts it (instance.json stays). Also the end of every supervisor's life.
   */
  dispose(): void {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = null;
  }
}

/** The TCP ports the rendered config's inbounds listen on (the API inbound included). */
export function inboundPorts(config: unknown): Array<{ port: number; host: string }> {
  const inbounds = (config as { inbounds?: Array<{ port?: unknown; listen?: unknown }> }).inbounds ?? [];
  return inbounds
    .filter((i): i is { port: number; listen?: unknown } => typeof i.port === "number")
    .map((i) => ({
      port: i.port,
      host: typeof i.listen === "string" && i.listen !== "0.0.0.0" && i.listen !== "::" ? i.listen : "127.0.0.1",
    }));
}
