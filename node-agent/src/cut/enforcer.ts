/**
 * Decides which users the node must not serve right now, even with the edge unreachable
 * (fail safe): users the edge said to cut, users whose expiry passed, and users whose known
 * quota ran out counting the traffic this node saw since the config was issued.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import type { AgentUser, ConfigPayload } from "../../../workers/agent/protocol/messages.ts";
import { writeFileAtomic } from "../state/atomic-file.ts";

export type BlockReason = "cut_by_edge" | "expired" | "quota_exceeded";

const cutFileSchema = z.object({
  cuts: z.array(z.object({ userId: z.number().int(), atConfigVersion: z.number().int() })),
});

export class LocalEnforcer {
  /** userId → the config version current when the edge cut them. */
  private readonly cuts = new Map<number, number>();
  /** Bytes this node counted per user since the applied config was received. */
  private readonly localBytes = new Map<number, number>();
  /** Bytes per user in the latest reading: how fast each is heading for their limit. */
  private lastReading = new Map<number, number>();
  private readonly cutPath: string | null;

  constructor(cutPath: string | null) {
    this.cutPath = cutPath;
    if (cutPath && existsSync(cutPath)) {
      const parsed = cutFileSchema.parse(JSON.parse(readFileSync(cutPath, "utf8")));
      for (const c of parsed.cuts) this.cuts.set(c.userId, c.atConfigVersion);
    }
  }

  private persist(): void {
    if (!this.cutPath) return;
    writeFileAtomic(
      this.cutPath,
      JSON.stringify({ cuts: [...this.cuts].map(([userId, atConfigVersion]) => ({ userId, atConfigVersion })) }),
    );
  }

  /** The edge said: stop these users now. They stay stopped until a newer config lists them. */
  cutByEdge(userIds: readonly number[], configVersion: number): number[] {
    const fresh = userIds.filter((id) => !this.cuts.has(id));
    for (const id of userIds) this.cuts.set(id, Math.max(configVersion, this.cuts.get(id) ?? 0));
    if (fresh.length) this.persist();
    return fresh;
  }

  /**
   * A new config arrived: a user it lists whose cut predates it was re-enabled by the edge
   * (renewal, reset, raised limit). Local byte counts restart: `usedBytes` now includes them.
   */
  onConfigApplied(payload: ConfigPayload): void {
    const listed = new Set(payload.users.map((u) => u.id));
    let changed = false;
    for (const [id, version] of this.cuts) {
      if (payload.version > version && listed.has(id)) {
        this.cuts.delete(id);
        changed = true;
      }
    }
    if (changed) this.persist();
    this.localBytes.clear();
    this.lastReading.clear();
  }

  /** One reading's deltas (all of them: a user absent from it moved nothing). */
  addLocalUsage(deltas: ReadonlyArray<{ userId: number; upBytes: number; downBytes: number }>): void {
    this.lastReading = new Map();
    for (const d of deltas) {
      const bytes = d.upBytes + d.downBytes;
      this.localBytes.set(d.userId, (this.localBytes.get(d.userId) ?? 0) + bytes);
      this.lastReading.set(d.userId, bytes);
    }
  }

  /** Bytes `user` may still move, counting `extraBytes` the core counted but nobody journaled yet; null = no limit. */
  quotaLeft(user: AgentUser, extraBytes = 0): number | null {
    if (user.dataLimitBytes === null) return null;
    return user.dataLimitBytes - user.usedBytes - (this.localBytes.get(user.id) ?? 0) - extraBytes;
  }

  reasonToBlock(user: AgentUser, nowSec: number): BlockReason | null {
    if (this.cuts.has(user.id)) return "cut_by_edge";
    if (user.expireAtSec !== null && user.expireAtSec <= nowSec) return "expired";
    if ((this.quotaLeft(user) ?? 1) <= 0) return "quota_exceeded";
    return null;
  }

  /**
   * Served users with a limit who may cross it before the next regular reading: less than
   * `floorBytes` left, or less than twice what they moved in the latest reading. The agent reads
   * just their counters between readings, so a breach is cut in about a second, not a tick.
   */
  nearQuota(payload: ConfigPayload, blocked: ReadonlyMap<number, unknown>, floorBytes: number): AgentUser[] {
    const out: AgentUser[] = [];
    for (const user of payload.users) {
      const left = this.quotaLeft(user);
      if (left === null || blocked.has(user.id)) continue;
      if (left < Math.max(floorBytes, 2 * (this.lastReading.get(user.id) ?? 0))) out.push(user);
    }
    return out;
  }

  /** Users of `payload` that must not be served now, with why. */
  blocked(payload: ConfigPayload, nowSec: number): Map<number, BlockReason> {
    const out = new Map<number, BlockReason>();
    for (const user of payload.users) {
      const reason = this.reasonToBlock(user, nowSec);
      if (reason) out.set(user.id, reason);
    }
    return out;
  }
}
