import { DurableObject } from "cloudflare:workers";

export interface RateLimitVerdict {
  limited: boolean;
  /** Seconds until the oldest counted attempt leaves the window; 0 when not limited. */
  retryAfterSec: number;
}

const ATTEMPTS_KEY = "attempts";

/**
 * Counts attempts for one key (an account, an IP, a door) in a sliding window. One object per
 * key keeps each counter strongly consistent without a global bottleneck.
 */
export class RateLimiter extends DurableObject {
  private recent(nowMs: number, windowMs: number): number[] {
    return (this.ctx.storage.kv.get<number[]>(ATTEMPTS_KEY) ?? []).filter((at) => at > nowMs - windowMs);
  }

  /**
   * Decides and records in one call: refused (and not counted) once `limit` attempts fall within
   * the window, otherwise counted. The read and the write are synchronous (SQLite-backed storage),
   * so no other call can run between them: concurrent attempts cannot all pass.
   */
  async spend(limit: number, windowMs: number): Promise<RateLimitVerdict> {
    const now = Date.now();
    const recent = this.recent(now, windowMs);
    if (recent.length >= limit) {
      const oldest = recent[recent.length - limit]!;
      return { limited: true, retryAfterSec: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.ctx.storage.kv.put(ATTEMPTS_KEY, recent);
    return { limited: false, retryAfterSec: 0 };
  }

  /** Takes back the latest counted attempt: it turned out not to count (a sign-in that succeeded). */
  async refund(): Promise<void> {
    const stored = this.ctx.storage.kv.get<number[]>(ATTEMPTS_KEY) ?? [];
    this.ctx.storage.kv.put(ATTEMPTS_KEY, stored.slice(0, -1));
  }

  async clear(): Promise<void> {
    this.ctx.storage.kv.delete(ATTEMPTS_KEY);
  }
}
