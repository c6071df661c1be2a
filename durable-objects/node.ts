import { DurableObject } from "cloudflare:workers";
import { dbFor } from "../workers/db/client";
import type { PanelEvent } from "../workers/events/catalogue";
import { emitEvents } from "../workers/events/emit";
import { serverStatusEvents } from "../workers/events/status";
import { publishLive } from "../workers/live/hub-client";
import { serverStatusEvent } from "../workers/live/notifications";
import type { Health } from "../workers/agent/protocol/messages";
import {
  markOfflineIfSilent,
  type NodeReport,
  OFFLINE_AFTER_MS,
  recordQuietReport,
  recordReport,
  storedHealth,
} from "../workers/nodes/presence";
import type { NodeRow, NodeStatus } from "../workers/nodes/table";

/** Nonces are remembered a little longer than the request timestamp window they protect. */
const NONCE_TTL_MS = 3 * 60_000;

/**
 * A report that brings no news (only its vitals moved) reaches D1 at most every
 * PRESENCE_WRITE_SEC (wrangler.toml: 60); live subscribers still hear every one. Above a push
 * interval, so D1 takes one presence write per node a minute instead of twelve (docs/scale.md);
 * under nothing that reads last-seen from D1 to judge a node (its offline alarm runs here, after
 * OFFLINE_AFTER_MS of silence).
 */
const presenceWriteMs = (env: Env) => Number(env.PRESENCE_WRITE_SEC) * 1000;

/** A report's facts: everything but the vitals that move on every push. Equal facts, nothing new for D1. */
function factsOf(health: Health | undefined): string {
  if (!health) return "";
  const { cpuPercent, memUsedBytes, memTotalBytes, netRxBytes, netTxBytes, uptimeSec, ...facts } = health;
  return JSON.stringify(facts);
}

/** The status a report leaves a node in (presence.ts recordReport). */
function statusAfter(health: Health | undefined, was: NodeStatus): NodeStatus {
  if (!health) return was === "degraded" ? "degraded" : "online";
  return health.coreRunning ? "online" : "degraded";
}

/** A quiet node's heartbeat (last seen, vitals) reaches live views at most this often. */
export const LIVE_HEARTBEAT_MS = 15_000;

/**
 * One per node: its agent's long-poll waiters, the nonces of its recent requests (replay
 * refusal), and the node's presence: it records each report, goes offline by alarm after
 * silence, and remembers the status it last announced to live subscribers (so it can tell "went
 * offline" and "came back" from a plain heartbeat). It writes a report into D1 when it brings
 * news, else at most every PRESENCE_WRITE_SEC. Usage is not here: each push's bytes go to its
 * users' usage shards (usage-shard.ts).
 */
export class NodeObject extends DurableObject<Env> {
  /** When the last serverStatus went to live subscribers, and the config version it carried. */
  private heard: { atMs: number; configVersion: number } | null = null;
  private waiters = new Set<{ known: number; resolve: (version: number | null) => void }>();
  private latestVersion = 0;
  /** The node as the last report this object wrote into D1 left it, with that report's facts. */
  private written: { node: NodeRow; facts: string; atMs: number } | null = null;
  private agentStartedSec: number | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      this.ctx.storage.sql.exec(
        `CREATE TABLE IF NOT EXISTS nonces (nonce TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)`,
      );
    });
  }

  /** False when this nonce was seen before: the request is a replay. */
  acceptNonce(nonce: string): boolean {
    const now = Date.now();
    this.ctx.storage.sql.exec(`DELETE FROM nonces WHERE expires_at < ?`, now);
    const seen = this.ctx.storage.sql.exec(`SELECT 1 FROM nonces WHERE nonce = ?`, nonce).toArray();
    if (seen.length) return false;
    this.ctx.storage.sql.exec(`INSERT INTO nonces (nonce, expires_at) VALUES (?, ?)`, nonce, now + NONCE_TTL_MS);
    return true;
  }

  /**
   * Resolves with a version above `known` as soon as one is announced, or null after `timeoutMs`.
   * A version announced before the call counts, so a change between the caller's read and this
   * call is never missed.
   */
  waitForConfigChange(known: number, timeoutMs: number): Promise<number | null> {
    if (this.latestVersion > known) return Promise.resolve(this.latestVersion);
    return new Promise((resolve) => {
      const waiter = { known, resolve };
      this.waiters.add(waiter);
      setTimeout(() => {
        if (this.waiters.delete(waiter)) resolve(null);
      }, timeoutMs);
    });
  }

  configChanged(version: number): void {
    this.latestVersion = Math.max(this.latestVersion, version);
    for (const waiter of this.waiters) {
      if (version > waiter.known) {
        this.waiters.delete(waiter);
        waiter.resolve(version);
      }
    }
  }

  /**
   * The node's agent reported in (a usage push, with its health when it sends one): the one way
   * presence moves forward. Records the report, (re)arms the offline alarm, and returns the node
   * as the report left it with what live subscribers should hear (its status) and the news when
   * its status moved; the caller publishes and emits those with the push's own, once per push.
   * Null for a node that does not exist.
   */
  async reportedIn(nodeId: number, health?: Health): Promise<NodeReport | null> {
    const nowMs = Date.now();
    const facts = factsOf(health);
    const last = this.written;
    // An agent that restarted since its last report is news too (an update, a rollback, a crash):
    // its start time, now less its uptime, moved on (by more than the seconds' rounding).
    const startedSec = health ? Math.floor(nowMs / 1000) - health.uptimeSec : null;
    const restarted = startedSec !== null && this.agentStartedSec !== null && startedSec > this.agentStartedSec + 2;
    if (startedSec !== null) this.agentStartedSec = startedSec;
    const noNews =
      last !== null &&
      !restarted &&
      last.node.id === nodeId &&
      last.facts === facts &&
      statusAfter(health, last.node.status) === last.node.status;
    let node: NodeRow | undefined;
    if (noNews && nowMs - last.atMs < presenceWriteMs(this.env)) {
      node = {
        ...last.node,
        lastSeenAtSec: Math.floor(nowMs / 1000),
        health: health ? storedHealth(health) : last.node.health,
        // Every bump of this node's config reaches configChanged, so the reply's version is current.
        configVersion: Math.max(last.node.configVersion, this.latestVersion),
      };
    } else {
      const db = dbFor(this.env);
      const nowSec = Math.floor(nowMs / 1000);
      node =
        noNews && health
          ? await recordQuietReport(db, nodeId, health, nowSec)
          : await recordReport(db, nodeId, health, nowSec, (news) =>
              emitEvents(this.env, (promise) => this.ctx.waitUntil(promise), news),
            );
      if (!node) return null;
      this.written = { node, facts, atMs: nowMs };
      await this.ctx.storage.put("nodeId", nodeId);
    }
    await this.ctx.storage.setAlarm(Date.now() + OFFLINE_AFTER_MS);
    const news = await this.announce(node);
    return {
      node,
      events: this.heartbeatDue(node, nowMs, noNews && !news.length) ? [serverStatusEvent(node)] : [],
      news,
    };
  }

  /**
   * Whether live subscribers hear this report: at once when it changed anything they show (its
   * status, facts, agent or config), and a quiet node's last seen and vitals every
   * LIVE_HEARTBEAT_MS. Every push's heartbeat made the live hub's load follow the pushes (400/s at
   * 2,000 nodes); paced, it is 2,000 / 15 s = 133/s, beside the usage shards' traffic (123/s).
   */
  private heartbeatDue(node: NodeRow, nowMs: number, quiet: boolean): boolean {
    const heard = this.heard;
    if (quiet && heard && heard.configVersion === node.configVersion && nowMs - heard.atMs < LIVE_HEARTBEAT_MS)
      return false;
    this.heard = { atMs: nowMs, configVersion: node.configVersion };
    return true;
  }

  override async alarm(): Promise<void> {
    const nodeId = await this.ctx.storage.get<number>("nodeId");
    if (nodeId === undefined) return;
    const wentOffline = await markOfflineIfSilent(dbFor(this.env), nodeId, Date.now());
    if (!wentOffline) return;
    this.written = null;
    const waitUntil = (promise: Promise<unknown>) => this.ctx.waitUntil(promise);
    publishLive(this.env, waitUntil, [serverStatusEvent(wentOffline)]);
    emitEvents(this.env, waitUntil, await this.announce(wentOffline));
  }

  /** The news of a status move since the last one announced (remembered here, so a heartbeat is none). */
  private async announce(node: NodeRow): Promise<PanelEvent[]> {
    const was = await this.ctx.storage.get<NodeStatus>("status");
    if (was !== node.status) await this.ctx.storage.put("status", node.status);
    // Nothing announced yet: the node is new (or predates live updates), so its first report is news.
    return serverStatusEvents(node, was ?? "pending", Math.floor(Date.now() / 1000));
  }
}
