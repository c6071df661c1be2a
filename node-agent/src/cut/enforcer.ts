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

const cutFileSchema = z.object({ cuts: z.array(z.object({ userId: z.number().int(), atConfigVersion: z.number().int() })) });

export class LocalEnforcer {
  /** userId → the config version current when the edge cut them. */
  private readonly cuts = new Map<number, number>();
  /** Bytes this node counted per user since the applied config was received. */
  private readonly localBytes = new Map<number, number>();
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
    writeFileAtomic(this.cutPath, JSON.stringify({ cuts: [...this.cuts].map(([userId, atConfigVersion]) => ({ userId, atConfigVersion })) }));
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
  }

  addLocalUsage(deltas: ReadonlyArray<{ userId: number; upBytes: number; downBytes: number }>): void {
    for (const d of deltas) this.localBytes.set(d.userId, (this.localBytes.get(d.userId) ?? 0) + d.upBytes + d.downBytes);
  }

  reasonToBlock(user: AgentUser, nowSec: number): BlockReason | null {
    if (this.cuts.has(user.id)) return "cut_by_edge";
    if (user.expireAtSec !== null && user.expireAtSec <= nowSec) return "expired";
    if (user.dataLimitBytes !== null && user.usedBytes + (this.localBytes.get(user.id) ?? 0) >= user.dataLimitBytes) return "quota_exceeded";
    return null;
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

  get cutUserIds(): number[] {
    return [...this.cuts.keys()];
  }
}
