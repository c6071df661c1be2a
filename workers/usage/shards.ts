import type { UsagePush } from "../agent/protocol/messages";
import { utcHour } from "../lib/utc";

/**
 * Usage accounting is sharded by user id range: one UsageShard Durable Object per SHARD_USERS
 * consecutive ids (durable-objects/usage-shard.ts). A push is split into one part per shard it
 * touches; each shard records its part under the push's (node, seq) exactly once and rolls what it
 * recorded up into D1 as one batch (rollup.ts), so D1 sees a batch per shard and interval instead
 * of one per push (docs/scale.md).
 */
export const SHARD_USERS = 8192;

export const shardOf = (userId: number) => Math.floor(userId / SHARD_USERS);

/** What a shard records of one push, under the push's (node, seq). */
export interface ShardPart {
  shardId: number;
  nodeId: number;
  seq: number;
  /** When the push arrived (last push time, client address hours). */
  receivedAtSec: number;
  /** The instant the push's bytes are dated by: its interval's end, else its arrival. */
  chargedAtSec: number;
  /** [userId, up, down] of this shard's users, summed per user, zero totals left out. */
  deltas: [number, number, number][];
  /**
   * The node's own counters ride on one part per push (its home shard), so the push and its
   * inbounds' bytes count once: [tag, up, down].
   */
  home?: { inbounds: [string, number, number][] };
  /** [userId, hashes] of this shard's users. */
  clientIps: [number, string[]][];
}

/** What a shard writes into D1 at once: the sum of the parts it recorded since its last rollup. */
export interface UsageRollup {
  shardId: number;
  /** Strictly increasing per shard: D1's trigger applies each at most once. */
  seq: number;
  /** [userId, hourSec, nodeId, up, down] */
  users: [number, number, number, number, number][];
  /** [nodeId, tag ('' is the node's total), pushes, last push at] */
  pushes: [number, string, number, number][];
  /** [nodeId, tag, hourSec, up, down] */
  inbounds: [number, string, number, number, number][];
  /** [userId, hourSec, hash, nodeId]: the first node to report a hash in an hour keeps it. */
  clientIps: [number, number, string, number][];
}

/**
 * Splits a push by shard. The home shard (the push's lowest user's, shard 0 for a push without
 * traffic) is a function of the push alone, so a resent push (same seq, same bytes: the agent's
 * journal) goes to the same shards with the same parts.
 */
export function partsOfPush(push: UsagePush, receivedAtSec: number): ShardPart[] {
  const totals = new Map<number, [number, number]>();
  for (const delta of push.deltas) {
    const total = totals.get(delta.userId) ?? [0, 0];
    total[0] += delta.upBytes;
    total[1] += delta.downBytes;
    totals.set(delta.userId, total);
  }
  const parts = new Map<number, ShardPart>();
  const partFor = (userId: number) => {
    const shardId = shardOf(userId);
    let part = parts.get(shardId);
    if (!part) {
      part = {
        shardId,
        nodeId: push.nodeId,
        seq: push.seq,
        receivedAtSec,
        chargedAtSec: push.toSec || receivedAtSec,
        deltas: [],
        clientIps: [],
      };
      parts.set(shardId, part);
    }
    return part;
  };
  for (const [userId, [up, down]] of totals) if (up + down > 0) partFor(userId).deltas.push([userId, up, down]);
  for (const { userId, hashes } of push.clientIps ?? []) partFor(userId).clientIps.push([userId, hashes]);
  const homeShard = Math.min(...parts.keys());
  const home = Number.isFinite(homeShard) ? parts.get(homeShard)! : partFor(0);
  home.home = { inbounds: (push.inbounds ?? []).map((i) => [i.tag, i.upBytes, i.downBytes]) };
  return [...parts.values()];
}

/** Adds `value` into the numeric columns of the row keyed `key`, creating it from `row` when new. */
function addInto<T extends (string | number)[]>(rows: Map<string, T>, key: string, row: T, sumFrom: number) {
  const existing = rows.get(key);
  if (!existing) {
    rows.set(key, row);
    return;
  }
  for (let i = sumFrom; i < row.length; i++) (existing[i] as number) += row[i] as number;
}

/** The sum of recorded parts, in the order they were recorded, as one rollup. */
export function rollupOf(shardId: number, seq: number, parts: ShardPart[]): UsageRollup {
  const users = new Map<string, UsageRollup["users"][number]>();
  const pushes = new Map<string, UsageRollup["pushes"][number]>();
  const inbounds = new Map<string, UsageRollup["inbounds"][number]>();
  const clientIps = new Map<string, UsageRollup["clientIps"][number]>();
  const countPush = (nodeId: number, tag: string, atSec: number) => {
    const row = pushes.get(`${nodeId}:${tag}`);
    if (row) {
      row[2] += 1;
      row[3] = Math.max(row[3], atSec);
    } else pushes.set(`${nodeId}:${tag}`, [nodeId, tag, 1, atSec]);
  };
  for (const part of parts) {
    const hour = utcHour(part.chargedAtSec);
    for (const [userId, up, down] of part.deltas)
      addInto(users, `${userId}:${hour}:${part.nodeId}`, [userId, hour, part.nodeId, up, down], 3);
    const ipHour = utcHour(part.receivedAtSec);
    for (const [userId, hashes] of part.clientIps)
      for (const hash of hashes) {
        const key = `${userId}:${ipHour}:${hash}`;
        if (!clientIps.has(key)) clientIps.set(key, [userId, ipHour, hash, part.nodeId]);
      }
    if (!part.home) continue;
    // A push counts once for the node and once for each inbound it names, however many times.
    for (const tag of new Set(["", ...part.home.inbounds.map(([tag]) => tag)]))
      countPush(part.nodeId, tag, part.receivedAtSec);
    for (const [tag, up, down] of part.home.inbounds)
      addInto(inbounds, `${part.nodeId}:${tag}:${hour}`, [part.nodeId, tag, hour, up, down], 3);
  }
  return {
    shardId,
    seq,
    users: [...users.values()],
    pushes: [...pushes.values()],
    inbounds: [...inbounds.values()],
    clientIps: [...clientIps.values()],
  };
}

/** Bytes per user of some parts: what a shard holds that D1 does not have yet. */
export function bytesByUser(parts: Iterable<{ deltas: [number, number, number][] }>): Map<number, number> {
  const bytes = new Map<number, number>();
  for (const part of parts) for (const [id, up, down] of part.deltas) bytes.set(id, (bytes.get(id) ?? 0) + up + down);
  return bytes;
}
