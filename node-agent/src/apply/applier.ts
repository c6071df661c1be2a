/**
 * Brings the core to a verified config with the least disruption: runtime user changes through
 * gRPC when only users differ, a `-test`ed restart (with rollback) when inbounds or the routing
 * policy change, and always reading the counters first, because a restart wipes them. What it
 * believes the core serves is recorded after every successful apply, so that the next agent
 * process can adopt the core instead of restarting it (adoption.ts).
 */
import type { ConfigPayload } from "../../../workers/agent/protocol/messages.ts";
import type { CoreApi } from "../core/grpc/client.ts";
import { isAlreadyExists, isNotFound } from "../core/grpc/client.ts";
import { renderCoreConfig, type RenderOptions, type ServedUsers, type SkippedInbound } from "../core/render.ts";
import type { CoreSupervisor, ReplaceResult } from "../core/supervisor.ts";
import type { Logger } from "../log/logger.ts";
import { join } from "node:path";
import { adoptionVerdict, SERVED_RECORD_FILE, writeServedRecord, type Orphan } from "./adoption.ts";
import { planApply, planConverge, shapeDigest, type UserOp } from "./diff.ts";

export interface ApplierDeps {
  supervisor: CoreSupervisor;
  api: CoreApi;
  renderOptions: RenderOptions;
  logger: Logger;
  /** Journal the running core's counters; called before every restart. */
  readCountersBeforeRestart: (why: string) => Promise<void>;
}

export interface RemovedUser {
  userId: number;
  email: string;
  inboundPorts: number[];
}

export type ApplyOutcome =
  | { ok: true; restarted: boolean; ops: number; removed: RemovedUser[]; skipped: SkippedInbound[] }
  | { ok: false; reason: string; result: ReplaceResult };

/** Users left in the core: everyone in the payload not blocked locally (`blocked` is keyed by user id). */
export function servedUsers(payload: ConfigPayload, blocked: ReadonlyMap<number, unknown>): ServedUsers {
  return {
    inbounds: payload.inbounds,
    users: payload.users.filter((u) => !blocked.has(u.id)),
    routing: payload.routing,
  };
}

export class ConfigApplier {
  private readonly deps: ApplierDeps;
  private running: ServedUsers | null = null;
  /** Users of a runtime apply an earlier process did not finish: the core may serve these instead. */
  private interrupted: ServedUsers | null = null;
  /** shapeDigest of the config the running core was started with. */
  private runningShape: string | null = null;
  /** A core left by the previous agent process, adopted or replaced by the next apply. */
  private orphan: Orphan | null = null;
  private skippedNow: SkippedInbound[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(deps: ApplierDeps) {
    this.deps = deps;
  }

  /** Inbounds of the running config the core does not serve, with why (reported to the panel). */
  get skipped(): readonly SkippedInbound[] {
    return this.skippedNow;
  }

  /** The core died: the next apply must start it. */
  forgetRunning(): void {
    this.running = null;
    this.interrupted = null;
  }

  private get recordPath(): string {
    return join(this.deps.supervisor.dir, SERVED_RECORD_FILE);
  }

  /**
   * Hands over a core the previous agent process left running (its counters already journaled).
   * The next apply adopts it when it may, bringing its users to that apply's config at runtime,
   * and otherwise stops it and starts the core afresh.
   */
  offerOrphan(orphan: Orphan): void {
    this.orphan = orphan;
  }

  /** Serialised: config pulls and cuts both call this and must not interleave. */
  apply(next: ServedUsers): Promise<ApplyOutcome> {
    const run = this.queue.then(() => this.applyNow(next));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyNow(next: ServedUsers): Promise<ApplyOutcome> {
    const log = this.deps.logger;
    if (this.orphan) await this.adoptOrReplace(this.orphan, next);
    const plan =
      this.running && this.interrupted
        ? planConverge([this.running, this.interrupted], next, this.deps.renderOptions)
        : planApply(this.running, next, this.deps.renderOptions);
    if (!plan.restart) {
      try {
        // Recorded first: a crash during the ops leaves the core between the two user sets.
        if (plan.ops.length) this.record(this.running, next);
        const removed = await this.runOps(plan.ops);
        this.running = next;
        this.interrupted = null;
        this.record(next, null);
        this.skippedNow = plan.skipped;
        if (plan.ops.length)
          log.info("config.users_applied", {
            ops: plan.ops.length,
            removed: removed.length,
            reason: "only users changed: applied at runtime, no restart",
          });
        return { ok: true, restarted: false, ops: plan.ops.length, removed, skipped: plan.skipped };
      } catch (err) {
        // The core's user set is now unknown; a full restart from the config is the only sure state.
        log.error("config.runtime_ops_failed", { reason: (err as Error).message, fallback: "restart" });
        return this.restart(next, [`runtime user change failed: ${(err as Error).message}`]);
      }
    }
    return this.restart(next, plan.restartReasons);
  }

  private async restart(next: ServedUsers, reasons: string[]): Promise<ApplyOutcome> {
    const { supervisor, renderOptions, logger: log } = this.deps;
    const rendered = renderCoreConfig(next, renderOptions);
    for (const s of rendered.skipped) log.warn("config.inbound_skipped", { tag: s.tag, reason: s.reason });
    const test = await supervisor.test(rendered.config);
    if (!test.ok) {
      log.error("config.core_test_failed", {
        exitCode: test.exitCode,
        output: test.output,
        reason: "the core rejected the rendered config; the running config stays",
      });
      return { ok: false, reason: "core -test rejected the config", result: { ok: false, stage: "test", test } };
    }
    if (supervisor.running) await this.deps.readCountersBeforeRestart(reasons.join("; "));
    log.info("core.restarting", { reasons });
    const result = await supervisor.replace(rendered.config);
    if (!result.ok) {
      if (!supervisor.running) this.running = null;
      // A rolled-back core is a new instance started from an older file: what it serves is not
      // known well enough to let a next process adopt it, so nothing is recorded for it.
      this.runningShape = null;
      return { ok: false, reason: result.stage === "start" ? result.reason : "core -test rejected the config", result };
    }
    const previous = this.running;
    this.running = next;
    this.interrupted = null;
    this.runningShape = shapeDigest(next, renderOptions);
    this.record(next, null);
    this.skippedNow = rendered.skipped;
    // Everyone's connections dropped with the old process; report removed users for completeness.
    const removed = previous ? removedUsers(previous, next) : [];
    return { ok: true, restarted: true, ops: 0, removed, skipped: rendered.skipped };
  }

  /** Adopts the orphan (the supervisor takes it, this applier starts from its record) or stops it. */
  private async adoptOrReplace(orphan: Orphan, next: ServedUsers): Promise<void> {
    this.orphan = null;
    const { supervisor, logger: log } = this.deps;
    const { pid, instanceId } = orphan.instance;
    const verdict = adoptionVerdict(orphan, this.recordPath, next, this.deps.renderOptions);
    if (verdict.adopt) {
      supervisor.adopt(orphan.instance);
      this.running = verdict.running;
      this.interrupted = verdict.interrupted;
      this.runningShape = verdict.shapeDigest;
      log.info("core.adopted", { pid, instanceId, reason: verdict.reason });
      return;
    }
    log.info("core.orphan_replaced", {
      pid,
      instanceId,
      reason: verdict.reason,
      counters: orphan.apiAnswers
        ? "journaled before stopping it"
        : "unreadable: bytes since the last reading are lost",
    });
    await supervisor.killInstance(orphan.instance);
  }

  /** What the running core serves (and, during runtime ops, what it is being brought to), for the next process. */
  private record(served: ServedUsers | null, applying: ServedUsers | null): void {
    const instance = this.deps.supervisor.instance;
    if (!served || !instance || !this.runningShape) return;
    writeServedRecord(this.recordPath, {
      instanceId: instance.instanceId,
      shapeDigest: this.runningShape,
      served,
      applying,
    });
  }

  /**
   * Removes first, then adds (a changed credential is a remove then an add of the same email),
   * each phase with at most OPS_IN_FLIGHT calls outstanding: a few calls in flight keep the
   * loopback API busy, while thousands at once would hold that many calls' buffers in memory.
   * The first failure stops new calls; the ones in flight finish before it is thrown.
   */
  private async runOps(ops: UserOp[]): Promise<RemovedUser[]> {
    const api = this.deps.api;
    const removed = new Map<number, RemovedUser>();
    const removes = ops.filter((op): op is Extract<UserOp, { kind: "remove" }> => op.kind === "remove");
    const adds = ops.filter((op): op is Extract<UserOp, { kind: "add" }> => op.kind === "add");
    await inBoundedFlight(removes, OPS_IN_FLIGHT, async (op) => {
      try {
        await api.removeUser(op.inbound.tag, op.email);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      const r = removed.get(op.userId) ?? { userId: op.userId, email: op.email, inboundPorts: [] };
      r.inboundPorts.push(op.inbound.port);
      removed.set(op.userId, r);
    });
    await inBoundedFlight(adds, OPS_IN_FLIGHT, async (op) => {
      try {
        await api.addUser(op.inbound, op.user);
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
        // Present with unknown credentials: replace it so the config is what runs.
        await api.removeUser(op.inbound.tag, op.user.email);
        await api.addUser(op.inbound, op.user);
      }
    });
    return [...removed.values()];
  }
}

/** Runtime user changes outstanding at once against the core's API. */
const OPS_IN_FLIGHT = 16;

/** Runs `task` over `items`, at most `limit` at a time; rejects with the first error after the in-flight ones settle. */
async function inBoundedFlight<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw (failure as { err: unknown }).err;
}

function removedUsers(previous: ServedUsers, next: ServedUsers): RemovedUser[] {
  const still = new Set(next.users.map((u) => u.id));
  return previous.users
    .filter((u) => !still.has(u.id))
    .map((u) => ({
      userId: u.id,
      email: u.email,
      inboundPorts: previous.inbounds.filter((i) => u.inboundTags.includes(i.tag)).map((i) => i.port),
    }));
}
