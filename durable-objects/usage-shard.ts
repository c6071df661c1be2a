import { DurableObject } from "cloudflare:workers";
import { dbFor } from "../workers/db/client";
import type { PanelEvent } from "../workers/events/catalogue";
import { emitEvents } from "../workers/events/emit";
import { publishLive } from "../workers/live/hub-client";
import type { TrafficBatch } from "../workers/live/topics";
import { userStatusEvents } from "../workers/events/status";
import { applyUsageRollup, type ChargedUser } from "../workers/usage/rollup";
import { bytesByUser, rollupOf, SHARD_USERS, type ShardPart, type UsageRollup } from "../workers/usage/shards";

/** What one shard answers for its part of a push. */
export interface ShardReply {
  /** False when the shard had recorded this (node, seq) before: nothing was counted again. */
  applied: boolean;
  /** Users of this part a rollup made during this call took out of service: the node cuts them now. */
  cut: number[];
  /** News of that rollup (status changes, first connections, reminders), for the caller to emit. */
  events: PanelEvent[];
}

/**
 * A shard sends its users' traffic to the live hub at most this often, the first at once: the
 * hub's calls then follow the shards (123 at 1M users), not the pushes (400/s), whatever the
 * number of nodes. What arrives inside an interval goes out summed at its end.
 */
export const LIVE_TRAFFIC_INTERVAL_MS = 1_000;

/** After a rollup D1 refused or never answered, the next attempt waits this long. */
const RETRY_MS = 5_000;
/** Rollups one call sends at most: an unacknowledged one, then what was recorded since, a backlog in several. */
const ROUNDS_PER_CALL = 8;

const nowSec = () => Math.floor(Date.now() / 1000);
const inService = (status: string) => status === "active" || status === "on_hold";

/**
 * One range of users' usage (workers/usage/shards.ts). It records each push's part for its users
 * exactly once per (node, seq), in the same storage transaction as the node's last seq, and rolls
 * what it recorded up into D1 every `rollupAfterSec` as one batch, exactly once per rollup seq
 * (D1's trigger): D1's writer sees one batch per shard and interval, not one per push.
 *
 * Enforcement does not wait for the interval: the shard knows each user's limit, expiry and
 * status as of its last rollup, and a part that takes a user to its limit or past its expiry (or
 * names a user it does not know yet) is rolled up before the push is answered, so the push's
 * reply cuts the user as before. What it knows can be stale only by what admins changed since
 * (a lowered limit bites at the next rollup; a re-enabled user's traffic is checked at once).
 */
export class UsageShard extends DurableObject<Env> {
  private pending = new Map<number, number>();
  private inFlight = new Map<number, number>();
  private known = new Map<number, ChargedUser>();
  /** The rollup interval last used and when the alarm is set, kept here so that a part reads neither. */
  private rollupAfterSec: number | null = null;
  private alarmAt: number | null = null;
  private flushing: Promise<unknown> = Promise.resolve();
  /** Each user's [id, up, down, used] since the last send to the hub; in memory: a live view, not accounting. */
  private liveTraffic = new Map<number, TrafficBatch["users"][number]>();
  private liveSentAtMs = 0;
  private liveTimer: ReturnType<typeof setTimeout> | null = null;
  /** 20,000 deltas are ~1 MB of rollup JSON at most; tests set it lower to see a backlog split. */
  maxRollupDeltas = 20_000;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      const sql = this.ctx.storage.sql;
      sql.exec(`CREATE TABLE IF NOT EXISTS applied (node_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL)`);
      sql.exec(`CREATE TABLE IF NOT EXISTS parts (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)`);
      // At most one row: the rollup sent to D1 and not yet acknowledged, resent as it is.
      sql.exec(`CREATE TABLE IF NOT EXISTS in_flight (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)`);
      sql.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)`);
      this.pending = bytesByUser(this.storedParts());
      const inFlight = this.storedInFlight();
      if (inFlight)
        this.inFlight = bytesByUser([{ deltas: inFlight.users.map(([id, , , up, down]) => [id, up, down]) }]);
    });
  }

  /**
   * Records a push's part for this shard unless its (node, seq) was recorded before, then rolls
   * up at once when the part makes a user due (or `rollupAfterSec` is 0), else arms the alarm.
   */
  async apply(part: ShardPart, rollupAfterSec: number): Promise<ShardReply> {
    const recorded = this.ctx.storage.transactionSync(() => {
      const sql = this.ctx.storage.sql;
      const last = sql.exec<{ seq: number }>(`SELECT seq FROM applied WHERE node_id = ?`, part.nodeId).toArray()[0];
      if (last && part.seq <= last.seq) return false;
      sql.exec(
        `INSERT INTO applied (node_id, seq) VALUES (?, ?) ON CONFLICT (node_id) DO UPDATE SET seq = excluded.seq`,
        part.nodeId,
        part.seq,
      );
      sql.exec(`INSERT INTO parts (body) VALUES (?)`, JSON.stringify(part));
      if (this.rollupAfterSec !== rollupAfterSec) {
        sql.exec(`INSERT OR REPLACE INTO meta (key, value) VALUES ('rollupAfterSec', ?)`, rollupAfterSec);
        this.rollupAfterSec = rollupAfterSec;
      }
      return true;
    });
    if (!recorded) return { applied: false, cut: [], events: [] };
    for (const [id, bytes] of bytesByUser([part])) this.pending.set(id, (this.pending.get(id) ?? 0) + bytes);

    let cut: number[] = [];
    let events: PanelEvent[] = [];
    if (rollupAfterSec <= 0 || part.deltas.some(([id]) => this.isDue(id))) {
      try {
        const rolled = await this.rollUp();
        const ours = new Set(part.deltas.map(([id]) => id));
        cut = rolled.cut.filter((id) => ours.has(id));
        events = rolled.events;
      } catch (error) {
        // The part is recorded: the push stands, and the rollup is retried by the alarm.
        console.error(`usage shard ${part.shardId}: rollup failed, retrying`, error);
        await this.armAlarm(RETRY_MS);
      }
    }
    if (rollupAfterSec > 0) await this.armAlarm(rollupAfterSec * 1000);
    this.queueLiveTraffic(part);
    return { applied: true, cut, events };
  }

  /** Adds a part's bytes to what the hub hears next, with each user's used bytes as D1 will have them. */
  private queueLiveTraffic(part: ShardPart): void {
    for (const [id, up, down] of part.deltas) {
      const user = this.known.get(id);
      if (!user) continue;
      const used = user.usedBytes + this.unrolledBytes(id);
      const [, queuedUp, queuedDown] = this.liveTraffic.get(id) ?? [id, 0, 0];
      this.liveTraffic.set(id, [id, queuedUp + up, queuedDown + down, used]);
    }
    if (this.liveTimer !== null || this.liveTraffic.size === 0) return;
    const waitMs = this.liveSentAtMs + LIVE_TRAFFIC_INTERVAL_MS - Date.now();
    if (waitMs <= 0) this.sendLiveTraffic();
    else
      this.liveTimer = setTimeout(() => {
        this.liveTimer = null;
        this.sendLiveTraffic();
      }, waitMs);
  }

  private sendLiveTraffic(): void {
    const users = [...this.liveTraffic.values()];
    this.liveTraffic.clear();
    this.liveSentAtMs = Date.now();
    publishLive(this.env, (promise) => this.ctx.waitUntil(promise), [], { atSec: nowSec(), users });
  }

  override async alarm(): Promise<void> {
    this.alarmAt = null;
    try {
      const rolled = await this.rollUp();
      emitEvents(this.env, (promise) => this.ctx.waitUntil(promise), rolled.events);
    } catch (error) {
      console.error("usage shard: rollup failed, retrying", error);
      await this.setAlarm(Date.now() + RETRY_MS);
      return;
    }
    // Parts recorded while the rollup ran wait for the next interval.
    const waiting = this.ctx.storage.sql.exec(`SELECT 1 FROM parts LIMIT 1`).toArray().length > 0;
    if (waiting) await this.setAlarm(Date.now() + Math.max(this.meta("rollupAfterSec") ?? 1, 1) * 1000);
  }

  /**
   * A user whose bytes must reach D1 now: unknown (new since the last rollup), at its limit or past
   * its expiry. Not one the shard believes out of service: its nodes are being told to cut it, and
   * if an admin restored it meanwhile, the next rollup says so.
   */
  private isDue(id: number): boolean {
    const user = this.known.get(id);
    if (!user) return true;
    if (!inService(user.status)) return false;
    const used = user.usedBytes + this.unrolledBytes(id);
    return (
      (user.dataLimitBytes !== null && used >= user.dataLimitBytes) ||
      (user.expireAtSec !== null && user.expireAtSec <= nowSec())
    );
  }

  private unrolledBytes(id: number) {
    return (this.pending.get(id) ?? 0) + (this.inFlight.get(id) ?? 0);
  }

  /** One rollup at a time: a call made while one runs waits for it, then rolls up what came since. */
  private rollUp(): Promise<{ cut: number[]; events: PanelEvent[] }> {
    const run = this.flushing.then(() => this.rollUpNow());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  /** Resends an unacknowledged rollup first, then seals and sends what was recorded since. */
  private async rollUpNow(): Promise<{ cut: number[]; events: PanelEvent[] }> {
    const out = { cut: [] as number[], events: [] as PanelEvent[] };
    for (let round = 0; round < ROUNDS_PER_CALL; round++) {
      const rollup = this.storedInFlight() ?? this.seal();
      if (!rollup) break;
      const at = nowSec();
      const fromId = rollup.shardId * SHARD_USERS;
      const result = await applyUsageRollup(dbFor(this.env), rollup, at, {
        readBack: { fromId, toId: fromId + SHARD_USERS - 1 },
      });
      this.ctx.storage.sql.exec(`DELETE FROM in_flight`);
      this.inFlight.clear();
      if (result.applied) this.learn(rollup, result.users);
      out.cut.push(...result.cut.map((u) => u.id));
      out.events.push(...userStatusEvents(result.cut, at), ...result.events);
    }
    return out;
  }

  /** What D1 said of the shard's users after a rollup; bytes recorded since are on top of it. */
  private learn(rollup: UsageRollup, users: ChargedUser[]) {
    this.known.clear();
    for (const user of users) this.known.set(user.id, user);
    // A user D1 no longer has (deleted): remembered as such, so its last bytes trigger nothing.
    for (const [id] of rollup.users)
      if (!this.known.has(id))
        this.known.set(id, { id, usedBytes: 0, dataLimitBytes: null, expireAtSec: null, status: "deleted" });
  }

  /**
   * Moves recorded parts, oldest first, into one sealed rollup with the next seq, in one
   * transaction: at most `maxRollupDeltas` deltas, so that a backlog (D1 away for an hour) goes up
   * in batches whose JSON stays far under D1's 2 MB per value instead of one it would refuse
   * forever. The rest waits for the next round.
   */
  private seal(): UsageRollup | null {
    return this.ctx.storage.transactionSync(() => {
      const sealed: ShardPart[] = [];
      let deltas = 0;
      let lastId = 0;
      for (const row of this.ctx.storage.sql.exec<{ id: number; body: string }>(
        `SELECT id, body FROM parts ORDER BY id`,
      )) {
        const part = JSON.parse(row.body) as ShardPart;
        if (sealed.length && deltas + part.deltas.length > this.maxRollupDeltas) break;
        sealed.push(part);
        deltas += part.deltas.length;
        lastId = row.id;
      }
      if (!sealed.length) return null;
      // Above every earlier seq even if this object's storage were lost: D1 refuses a lower one.
      const seq = Math.max((this.meta("rollupSeq") ?? 0) + 1, Date.now());
      const rollup = rollupOf(sealed[0]!.shardId, seq, sealed);
      const sql = this.ctx.storage.sql;
      sql.exec(`INSERT INTO in_flight (seq, body) VALUES (?, ?)`, seq, JSON.stringify(rollup));
      sql.exec(`DELETE FROM parts WHERE id <= ?`, lastId);
      sql.exec(`INSERT OR REPLACE INTO meta (key, value) VALUES ('rollupSeq', ?)`, seq);
      this.inFlight = bytesByUser(sealed);
      for (const [id, bytes] of this.inFlight) {
        const left = (this.pending.get(id) ?? 0) - bytes;
        if (left > 0) this.pending.set(id, left);
        else this.pending.delete(id);
      }
      return rollup;
    });
  }

  private storedParts(): ShardPart[] {
    return this.ctx.storage.sql
      .exec<{ body: string }>(`SELECT body FROM parts ORDER BY id`)
      .toArray()
      .map((row) => JSON.parse(row.body) as ShardPart);
  }

  private storedInFlight(): UsageRollup | null {
    const row = this.ctx.storage.sql.exec<{ body: string }>(`SELECT body FROM in_flight`).toArray()[0];
    return row ? (JSON.parse(row.body) as UsageRollup) : null;
  }

  private meta(key: string): number | undefined {
    return this.ctx.storage.sql.exec<{ value: number }>(`SELECT value FROM meta WHERE key = ?`, key).toArray()[0]
      ?.value;
  }

  /** Sets the alarm unless one is already due sooner. */
  private async armAlarm(afterMs: number) {
    const at = Date.now() + afterMs;
    this.alarmAt ??= await this.ctx.storage.getAlarm();
    if (this.alarmAt === null || this.alarmAt > at) await this.setAlarm(at);
  }

  private async setAlarm(at: number) {
    await this.ctx.storage.setAlarm(at);
    this.alarmAt = at;
  }
}
