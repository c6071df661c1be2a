/**
 * `vortex-agent run`: one process that owns the core and keeps three promises.
 *  - Signed configs only: pull (long-poll), verify, apply with the least disruption.
 *  - Exact accounting: read counters every tick into the journal, push sequenced batches,
 *    resend until acknowledged, read before any restart and from an orphaned core on start.
 *  - Fail safe: with the edge unreachable keep serving the last good config, keep journaling,
 *    and still stop users whose expiry passes or whose known quota runs out.
 */
import { AGENT_PROTOCOL_LEVEL, type AgentUser, type ConfigPayload } from "../../../workers/agent/protocol/messages.ts";
import { importPrivateKey, importPublicKey } from "../../../workers/agent/protocol/signing.ts";
import { ConfigApplier, servedUsers, type RemovedUser } from "../apply/applier.ts";
import { dropUnusedCredentials } from "../apply/credentials.ts";
import { verifyEnvelope } from "../apply/verify.ts";
import { CoreApi, type UserCounters } from "../core/grpc/client.ts";
import type { CoreKind } from "../core/profile.ts";
import { API_INBOUND_TAG, capabilitiesFor, type RenderOptions, type TlsFiles } from "../core/render.ts";
import { hostAddressCidrs } from "../core/routing.ts";
import { CoreSupervisor } from "../core/supervisor.ts";
import { coreVersion } from "../core/validate.ts";
import { AccessLogIndex } from "../cut/access-log.ts";
import { closeUserConnections } from "../cut/cutter.ts";
import { liveClientEndpoints } from "../cut/destroy-sockets.ts";
import { LocalEnforcer, type BlockReason } from "../cut/enforcer.ts";
import { EdgeClient } from "../edge/client.ts";
import type { HttpRequest } from "../edge/http.ts";
import type { Logger } from "../log/logger.ts";
import type { Identity, StateDir } from "../state/state-dir.ts";
import { ClientAddresses } from "../usage/client-ips.ts";
import { UsageJournal, userIdFromEmail, type JournalStats } from "../usage/journal.ts";
import { HealthSampler } from "./health.ts";
import { AgentOperations } from "./operations.ts";
import { AgentReports } from "./reports.ts";
import { failedOutcome, rejectedOutcome } from "./config-outcomes.ts";
import { ReleaseFiles, type Trial } from "./update.ts";
import agentPackage from "../../package.json" with { type: "json" };
import { networkInterfaces } from "node:os";
import { join } from "node:path";

/** Set by scripts/build.mjs: node-agent/package.json's version, or a test bundle's own. */
declare const __VORTEX_AGENT_VERSION__: string | undefined;
/** The panel reads the same package.json for its built-in release (workers/operations/releases.ts). */
export const AGENT_VERSION: string =
  typeof __VORTEX_AGENT_VERSION__ === "string" ? __VORTEX_AGENT_VERSION__ : agentPackage.version;

/**
 * Between ticks, users close to their data limit (see LocalEnforcer.nearQuota) have their
 * counters read this often; one that crossed the limit triggers a tick at once (journal, cut,
 * push). This takes breach → cut from up to a push interval (5 s by default) to about a second,
 * at the cost of a tiny read per watched user, and none when nobody is near a limit.
 */
const QUOTA_WATCH_MS = 1_000;
/** Anyone with less than this left is watched (~0.3 s of a 1 Gbit/s stream; a 2 s burst at 128 Mbit/s). */
const QUOTA_WATCH_FLOOR_BYTES = 32 * 2 ** 20;
/** Above this many watched users one full read of the counters is cheaper than one query each. */
const QUOTA_WATCH_PER_USER_MAX = 16;

export interface AgentOptions {
  state: StateDir;
  core: CoreKind;
  coreBin: string;
  apiPort: number;
  /** Address client-facing inbounds bind to. */
  listen: string;
  tls: TlsFiles | null;
  /** How often counters are read and pushed; the design caps it at 5 s. */
  tickMs: number;
  longPollSec: number;
  logger: Logger;
  request?: HttpRequest;
  /** The release on trial this process is (update.ts launch()): it commits once healthy, or rolls back. */
  trial?: Trial | null;
}

export interface AgentStatus {
  pid: number;
  nodeId: number;
  panelUrl: string;
  core: CoreKind;
  coreRunning: boolean;
  corePid: number | null;
  appliedConfigVersion: number;
  lastPushAtSec: number | null;
  lastPushError: string | null;
  edgeReachable: boolean;
  blockedUsers: Array<{ userId: number; reason: BlockReason }>;
  journal: JournalStats;
  updatedAtSec: number;
}

const nowSec = () => Math.floor(Date.now() / 1000);

/** Where a config to adopt came from, and how adopting it is logged. */
const CONFIG_SOURCES = {
  /** The last good config in the state dir, re-checked at start; nothing runs if it is refused. */
  stored: {
    rejected: { level: "error", event: "config.last_good_rejected" },
    failed: "config.resume_failed",
    adopted: "config.resumed",
    reason: "last good config from the state dir",
  },
  /** A new config from the edge; the last good one keeps running if it is refused. */
  edge: {
    rejected: { level: "warn", event: "config.rejected" },
    failed: "config.apply_failed",
    adopted: "config.applied",
    reason: "new config from the edge",
  },
} as const;
type ConfigSource = keyof typeof CONFIG_SOURCES;

/** What `Agent.start` builds before there is an agent; the agent only wires them together. */
interface AgentParts {
  identity: Identity;
  panelKey: CryptoKey;
  edge: EdgeClient;
  journal: UsageJournal;
  enforcer: LocalEnforcer;
  accessLog: AccessLogIndex;
  supervisor: CoreSupervisor;
  api: CoreApi;
  renderOptions: RenderOptions;
}

export class Agent {
  private readonly options: AgentOptions;
  private readonly log: Logger;
  private readonly identity: Identity;
  private readonly panelKey: CryptoKey;
  private readonly edge: EdgeClient;
  private readonly journal: UsageJournal;
  private readonly enforcer: LocalEnforcer;
  private readonly accessLog: AccessLogIndex;
  private readonly supervisor: CoreSupervisor;
  private readonly api: CoreApi;
  private readonly renderOptions: RenderOptions;
  private readonly applier: ConfigApplier;
  private readonly health = new HealthSampler();
  /** Where each user connected from since the last push (level 3), fed by the access log. */
  private readonly addresses = new ClientAddresses();
  /** Config outcomes and operation results for the edge (protocol level 2). */
  private readonly reports: AgentReports;
  private readonly operations: AgentOperations;
  private payload: ConfigPayload | null = null;
  /** Highest version seen, applied or refused: the ETag we poll with, so a bad config is not refetched in a loop. */
  private seenVersion = 0;
  private blockedNow = new Map<number, BlockReason>();
  private stopped = false;
  private readonly abort = new AbortController();
  private lastPushAtSec: number | null = null;
  private lastPushError: string | null = null;
  private readonly loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private emailToUserId = new Map<string, number>();
  /** Users near their data limit, read between ticks (refreshed each tick and config). */
  private nearQuota: AgentUser[] = [];

  /**
   * Loads the state dir, journals the counters of a core a crashed agent left behind, starts the
   * core from the last good config (or empty, ready for the first one) and starts pulling configs
   * and pushing usage. Resolves to the running agent; `stop()` ends it.
   *
   * @example
   * const agent = await Agent.start({ state: new StateDir(dir), core: "xray", coreBin: "xray", ... });
   * process.once("SIGTERM", () => agent.stop());
   */
  static async start(options: AgentOptions): Promise<Agent> {
    const { state, logger: log } = options;
    state.ensure();
    const identity = state.readIdentity();
    if (!identity)
      throw new Error(
        `not enrolled: no identity in ${state.root}; run "vortex-agent enroll <panel-url> <token>" first`,
      );
    const renderOptions: RenderOptions = {
      core: options.core,
      // The version decides which protocols render.
      coreVersion: await coreVersion(options.core, options.coreBin),
      apiPort: options.apiPort,
      accessLogPath: join(state.coreDir, "access.log"),
      listen: options.listen,
      tls: options.tls,
      // Read once: an address change would otherwise restart the core on the next apply.
      hostCidrs: hostAddressCidrs(networkInterfaces()),
    };
    const supervisor = new CoreSupervisor({
      core: options.core,
      bin: options.coreBin,
      dir: state.coreDir,
      apiPort: options.apiPort,
      logger: log.child("core"),
    });
    const agent = new Agent(options, {
      identity,
      panelKey: await importPublicKey(identity.panelPublicKey),
      edge: new EdgeClient({
        panelUrl: identity.panelUrl,
        nodeId: identity.nodeId,
        nodeKey: await importPrivateKey(identity.nodePrivateKey),
        ...(options.request ? { request: options.request } : {}),
      }),
      journal: UsageJournal.open(state.journalPath, {
        onTornTail: (bytes) =>
          log.warn("journal.torn_tail", {
            bytes,
            reason: "an append was cut short by a crash; the reading is redone",
          }),
      }),
      enforcer: new LocalEnforcer(state.cutPath),
      accessLog: new AccessLogIndex(renderOptions.accessLogPath),
      supervisor,
      api: new CoreApi({ core: options.core, address: supervisor.apiAddress }),
      renderOptions,
    });
    agent.operations.watchTrial();
    await agent.startCore();
    agent.loops.push(agent.configLoop(), agent.tickLoop());
    return agent;
  }

  private constructor(options: AgentOptions, parts: AgentParts) {
    this.options = options;
    this.log = options.logger;
    this.identity = parts.identity;
    this.panelKey = parts.panelKey;
    this.edge = parts.edge;
    this.journal = parts.journal;
    this.enforcer = parts.enforcer;
    this.accessLog = parts.accessLog;
    this.supervisor = parts.supervisor;
    this.api = parts.api;
    this.renderOptions = parts.renderOptions;
    this.reports = new AgentReports(options.state.reportsPath);
    this.operations = new AgentOperations(
      {
        reports: this.reports,
        files: new ReleaseFiles(options.state),
        log: this.log.child("operations"),
        agentVersion: AGENT_VERSION,
        script: process.argv[1] ?? "",
        args: process.argv.slice(2),
        restartCore: () => this.restartCoreNow(),
        flush: () => this.push(AbortSignal.timeout(5_000)),
        download: (path) => this.edge.download(path),
      },
      options.trial ?? null,
    );
    // Built here rather than in start(): before a restart it journals counters through this agent.
    this.applier = new ConfigApplier({
      supervisor: parts.supervisor,
      api: parts.api,
      renderOptions: parts.renderOptions,
      logger: this.log.child("apply"),
      readCountersBeforeRestart: async (why) => {
        this.log.info("usage.read_before_restart", { reason: why });
        await this.collect();
      },
    });
    this.supervisor.onUnexpectedExit(() => this.applier.forgetRunning());
    // What the log held before this process started (a previous run's, possibly hours of it) is
    // not this interval's: read past it before listening for addresses.
    this.accessLog.poll();
    this.accessLog.onEntry((entry) => {
      const userId = this.resolveUserId(entry.email);
      if (userId !== null) this.addresses.add(userId, entry.ip);
    });
  }

  private get appliedVersion(): number {
    return this.payload?.version ?? 0;
  }

  /**
   * Brings up the core for the last good config. A core the previous agent process left running
   * (crash, kill -9, upgrade, reload) has its counters journaled first, then the first apply
   * adopts it, users' connections intact, or replaces it (apply/adoption.ts says which and why).
   */
  private async startCore(): Promise<void> {
    const orphan = await this.supervisor.findOrphan();
    if (orphan) {
      // Journaled under its own instanceId: an adopted core continues from this baseline, and a
      // replaced one's counters would die with it.
      if (orphan.apiAnswers) await this.collectFrom(orphan.instance.instanceId);
      this.applier.offerOrphan(orphan);
    }
    const lastGood = this.options.state.readLastGood();
    if (lastGood) await this.adopt(lastGood.envelope, "stored");
    if (!this.supervisor.running) {
      // Nothing verified to run yet: an empty core still answers the API and is ready for users.
      const outcome = await this.applier.apply({ inbounds: [], users: [] });
      if (!outcome.ok) this.log.error("core.start_failed", { reason: outcome.reason });
    }
  }

  /**
   * Finishes the current tick, journals and pushes a last time, and stops the core, unless
   * `keepCore` (a reload: the next agent process adopts the running core, users stay connected).
   */
  async stop(options: { keepCore?: boolean } = {}): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.abort.abort();
    for (const wake of this.wakers) wake();
    await Promise.allSettled(this.loops);
    try {
      await this.collect();
      await this.push(AbortSignal.timeout(3_000));
    } catch (err) {
      this.log.warn("agent.final_push_failed", {
        reason: (err as Error).message,
        note: "journaled; sent on next start",
      });
    }
    if (!options.keepCore) await this.supervisor.stop();
    this.supervisor.dispose();
    this.api.close();
    this.accessLog.close();
    this.journal.close();
    this.log.info("agent.stopped", { coreKeptRunning: options.keepCore === true });
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(t);
        this.wakers.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  // ---- config ------------------------------------------------------------------------------

  private async configLoop(): Promise<void> {
    let backoffMs = 1_000;
    while (!this.stopped) {
      try {
        const poll = await this.edge.pollConfig(this.seenVersion, this.options.longPollSec, this.abort.signal);
        backoffMs = 1_000;
        // A refused config is paused on for a tick, so a bad answer is not refetched in a tight loop.
        if (poll.status === 200 && !(await this.adopt(poll.envelope, "edge"))) await this.sleep(this.options.tickMs);
      } catch (err) {
        if (this.stopped) return;
        this.log.warn("config.poll_failed", {
          reason: (err as Error).message,
          retryInMs: backoffMs,
          note: "last good config keeps running",
        });
        await this.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 30_000);
      }
    }
  }

  /**
   * Verifies a signed config and brings the core to it: credentials no inbound uses are dropped,
   * the users the enforcer blocks (cut by the edge, expired, over quota) are left out, and the
   * rest applied with the least disruption. An edge config that runs becomes the last good one.
   * Returns whether the core runs it now.
   */
  private async adopt(envelope: unknown, source: ConfigSource): Promise<boolean> {
    const logAs = CONFIG_SOURCES[source];
    const verdict = await verifyEnvelope(envelope, {
      panelKey: this.panelKey,
      nodeId: this.identity.nodeId,
      appliedVersion: this.appliedVersion,
      nowSec: nowSec(),
      storedLastGood: source === "stored",
    });
    if (!verdict.ok) {
      this.log[logAs.rejected.level](logAs.rejected.event, {
        reason: verdict.reason,
        detail: verdict.detail,
        keepRunning: this.appliedVersion,
      });
      const rejected = source === "edge" ? rejectedOutcome(envelope, verdict, nowSec()) : null;
      if (rejected) this.reports.configOutcome(rejected);
      return false;
    }
    const payload = dropUnusedCredentials(verdict.payload);
    this.enforcer.onConfigApplied(payload);
    const blocked = this.enforcer.blocked(payload, nowSec());
    const outcome = await this.applier.apply(servedUsers(payload, blocked));
    // A refused edge config is not polled for again; a stored one that would not start is, from the edge.
    if (outcome.ok || source === "edge") this.seenVersion = Math.max(this.seenVersion, payload.version);
    if (!outcome.ok) {
      this.log.error(logAs.failed, {
        version: payload.version,
        reason: outcome.reason,
        keepRunning: this.appliedVersion,
      });
      // Outcomes are the edge's configs' only: a stored config's version already has its outcome.
      if (source === "edge") this.reports.configOutcome(failedOutcome(payload.version, outcome, nowSec()));
      return false;
    }
    this.setPayload(payload);
    this.blockedNow = blocked;
    this.refreshNearQuota();
    if (source === "edge") {
      this.options.state.writeLastGood(verdict.envelope, payload.version, nowSec());
      this.reports.configOutcome({ version: payload.version, outcome: "applied", atSec: nowSec() });
    }
    this.log.info(logAs.adopted, {
      version: payload.version,
      restarted: outcome.restarted,
      userOps: outcome.ops,
      blocked: blocked.size,
      skippedInbounds: outcome.skipped,
      reason: logAs.reason,
    });
    await this.closeConnections(outcome.removed, "removed from the config");
    await this.operations.run(payload.operations ?? []);
    return true;
  }

  /** restartCore: a full restart from the applied config; the applier journals the counters first. */
  private async restartCoreNow(): Promise<{ ok: true } | { ok: false; reason: string }> {
    const payload = this.payload;
    if (!payload) return { ok: false, reason: "no config is applied yet" };
    this.applier.forgetRunning();
    const outcome = await this.applier.apply(servedUsers(payload, this.blockedNow));
    if (outcome.ok) return { ok: true };
    const { result } = outcome;
    const words = result.ok ? "" : result.stage === "test" ? result.test.output : result.reason;
    return { ok: false, reason: `${outcome.reason}${words && words !== outcome.reason ? `: ${words}` : ""}` };
  }

  // ---- usage, enforcement, push -------------------------------------------------------------

  private async tickLoop(): Promise<void> {
    while (!this.stopped) {
      const started = Date.now();
      await this.tick();
      await this.untilNextTick(started);
    }
  }

  /** Waits for the next tick, watching users near their limit meanwhile; returns early when one crossed it. */
  private async untilNextTick(tickStarted: number): Promise<void> {
    for (;;) {
      const left = this.options.tickMs - (Date.now() - tickStarted);
      if (left <= 0 || this.stopped) return;
      await this.sleep(Math.min(left, QUOTA_WATCH_MS));
      if (this.stopped || Date.now() - tickStarted >= this.options.tickMs) return;
      const crossed = await this.nearQuotaCrossed().catch((err: Error) => {
        this.log.debug("enforce.watch_failed", {
          reason: err.message,
          note: "the next tick reads all counters anyway",
        });
        return null;
      });
      if (crossed) {
        this.log.info("enforce.quota_crossed", {
          userId: crossed.id,
          reason: "counters read between ticks reached the known limit; ticking now",
        });
        return;
      }
    }
  }

  /** The first watched user whose counters, journaled or not, reach their limit. */
  private async nearQuotaCrossed(): Promise<AgentUser | null> {
    const instance = this.supervisor.instance;
    if (this.nearQuota.length === 0 || !instance || !this.supervisor.running) return null;
    let counters: UserCounters;
    if (this.nearQuota.length > QUOTA_WATCH_PER_USER_MAX) counters = await this.api.queryUserCounters();
    else {
      counters = new Map();
      for (const user of this.nearQuota)
        for (const [email, pair] of await this.api.queryUserCounters(user.email)) counters.set(email, pair);
    }
    const unjournaled = this.journal.unjournaledBytes(instance.instanceId, counters);
    return (
      this.nearQuota.find((user) => (this.enforcer.quotaLeft(user, unjournaled.get(user.email) ?? 0) ?? 1) <= 0) ?? null
    );
  }

  private refreshNearQuota(): void {
    this.nearQuota = this.payload
      ? this.enforcer.nearQuota(this.payload, this.blockedNow, QUOTA_WATCH_FLOOR_BYTES)
      : [];
  }

  /** One cycle: counters → journal → local enforcement → push → apply the reply. */
  private async tick(): Promise<void> {
    try {
      if (!this.supervisor.running && this.payload) {
        this.log.warn("core.restart_after_crash", {
          reason: "core is not running; starting it from the applied config",
        });
        await this.applier.apply(servedUsers(this.payload, this.blockedNow));
      }
      await this.collect();
      await this.enforce("local");
      await this.push(this.abort.signal);
      await this.accessLog.rotateIfLarge(() => this.api.restartLogger());
      await this.pruneAccessLog();
    } catch (err) {
      if (!this.stopped) this.log.error("agent.tick_failed", { reason: (err as Error).message });
    }
    this.refreshNearQuota();
    this.writeStatus();
  }

  private setPayload(payload: ConfigPayload): void {
    this.payload = payload;
    this.emailToUserId = new Map(payload.users.map((u) => [u.email, u.id]));
  }

  /** Users deleted from the config still have counters (kept after RemoveUser): fall back to `u<id>`. */
  private resolveUserId = (email: string): number | null => this.emailToUserId.get(email) ?? userIdFromEmail(email);

  /** Journals the running core's counters (no reset). */
  private async collect(): Promise<void> {
    const instance = this.supervisor.instance;
    if (!instance || !this.supervisor.running) return;
    await this.collectFrom(instance.instanceId);
  }

  private async collectFrom(instanceId: string): Promise<void> {
    const counters = await this.api.queryUserCounters();
    const inbounds = await this.api.queryInboundCounters();
    // The agent's own API traffic is not the node's.
    inbounds.delete(API_INBOUND_TAG);
    const deltas = this.journal.recordReading(instanceId, counters, this.resolveUserId, nowSec(), inbounds);
    this.enforcer.addLocalUsage(deltas);
  }

  /** Applies the current block list if it changed, then closes the blocked users' connections. */
  private async enforce(why: string): Promise<void> {
    const payload = this.payload;
    if (!payload) return;
    const blocked = this.enforcer.blocked(payload, nowSec());
    const changed = blocked.size !== this.blockedNow.size || [...blocked.keys()].some((id) => !this.blockedNow.has(id));
    if (!changed) return;
    const newly = [...blocked].filter(([id]) => !this.blockedNow.has(id));
    const outcome = await this.applier.apply(servedUsers(payload, blocked));
    if (!outcome.ok) {
      this.log.error("enforce.apply_failed", { reason: outcome.reason });
      return;
    }
    this.blockedNow = blocked;
    for (const [userId, reason] of newly) this.log.info("enforce.user_stopped", { userId, reason, trigger: why });
    await this.closeConnections(outcome.removed, why);
  }

  /** Keeps the access-log index to the connections still open on this config's inbounds. */
  private async pruneAccessLog(): Promise<void> {
    const ports = [...new Set((this.payload?.inbounds ?? []).map((i) => i.port))];
    if (ports.length === 0) return;
    const started = Date.now();
    const forgotten = await this.accessLog
      .pruneIfLarge(() => liveClientEndpoints(ports))
      .catch((err: Error) => {
        this.log.warn("cut.index_prune_failed", {
          reason: err.message,
          note: "the index keeps old endpoints (capped); cuts still work",
        });
        return null;
      });
    if (forgotten !== null)
      this.log.info("cut.index_pruned", {
        forgotten,
        kept: this.accessLog.size,
        ms: Date.now() - started,
        reason: "only open connections can need cutting",
      });
  }

  private async closeConnections(removed: RemovedUser[], why: string): Promise<void> {
    await closeUserConnections(removed, this.accessLog, this.log.child("cut"), why);
  }

  private async push(signal: AbortSignal): Promise<void> {
    const batch = this.journal.takeBatch(nowSec());
    this.accessLog.poll();
    const addresses = this.addresses.take(this.payload?.clientIpKey);
    const healthRecord = {
      ...this.health.sample({
        coreRunning: this.supervisor.running,
        coreVersion: this.renderOptions.coreVersion,
        agentVersion: AGENT_VERSION,
        appliedConfigVersion: this.appliedVersion,
        // Within the wire limits: a record the edge refuses would lose the usage it travels with.
        capabilities: {
          ...capabilitiesFor(this.renderOptions),
          skipped: this.applier.skipped.slice(0, 1000).map((s) => ({ tag: s.tag, reason: s.reason.slice(0, 200) })),
        },
      }),
      protocol: AGENT_PROTOCOL_LEVEL,
      ...this.reports.forHealth(nowSec()),
    };
    try {
      const reply = await this.edge.pushUsage(
        {
          nodeId: this.identity.nodeId,
          seq: batch.seq,
          fromSec: batch.fromSec,
          toSec: batch.toSec,
          deltas: batch.deltas,
          health: healthRecord,
          ...(batch.inbounds.length ? { inbounds: batch.inbounds } : {}),
          ...(addresses.clientIps.length ? { clientIps: addresses.clientIps } : {}),
        },
        signal,
      );
      this.lastPushAtSec = nowSec();
      this.lastPushError = null;
      if (reply.ackSeq < batch.seq) {
        this.addresses.giveBack(addresses);
        this.log.warn("usage.not_acknowledged", {
          seq: batch.seq,
          ackSeq: reply.ackSeq,
          reason: "edge has not applied this batch; it will be resent",
        });
      }
      this.journal.acknowledge(reply.ackSeq);
      if (reply.ackSeq >= batch.seq && this.payload && this.supervisor.running) this.operations.onHealthy();
      if (reply.cut.length) {
        const fresh = this.enforcer.cutByEdge(reply.cut, reply.configVersion);
        if (fresh.length) await this.enforce("cut by the edge");
      }
    } catch (err) {
      this.addresses.giveBack(addresses);
      this.lastPushError = (err as Error).message;
      if (!this.stopped)
        this.log.warn("usage.push_failed", {
          seq: batch.seq,
          reason: this.lastPushError,
          note: "kept in the journal and resent",
        });
      else throw err;
    }
  }

  status(): AgentStatus {
    return {
      pid: process.pid,
      nodeId: this.identity.nodeId,
      panelUrl: this.identity.panelUrl,
      core: this.options.core,
      coreRunning: this.supervisor.running,
      corePid: this.supervisor.instance?.pid ?? null,
      appliedConfigVersion: this.appliedVersion,
      lastPushAtSec: this.lastPushAtSec,
      lastPushError: this.lastPushError,
      edgeReachable: this.lastPushError === null && this.lastPushAtSec !== null,
      blockedUsers: [...this.blockedNow].map(([userId, reason]) => ({ userId, reason })),
      journal: this.journal.stats(),
      updatedAtSec: nowSec(),
    };
  }

  private writeStatus(): void {
    try {
      this.options.state.writeJson(this.options.state.statusPath, this.status());
    } catch (err) {
      this.log.warn("agent.status_write_failed", { reason: (err as Error).message });
    }
  }
}
