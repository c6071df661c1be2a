import { DurableObject } from "cloudflare:workers";

export interface RateLimitVerdict {
  limited: boolean;
  /** Seconds until the oldest counted failure leaves the window; 0 when not limited. */
  retryAfterSec: number;
}

/**
 * Counts failures for one key (an account or an IP) in a sliding window. One object per key
 * keeps each counter strongly consistent without a global bottleneck.
 */
export class RateLimiter extends DurableObject {
  private async failures(nowMs: number, windowMs: number): Promise<number[]> {
    const stored = (await this.ctx.storage.get<number[]>("failures")) ?? [];
    return stored.filter((at) => at > nowMs - windowMs);
  }

  async check(limit: number, windowMs: number): Promise<RateLimitVerdict> {
    const now = Date.now();
    const recent = await this.failures(now, windowMs);
    if (recent.length < limit) return { limited: false, retryAfterSec: 0 };
    const oldest = recent[recent.length - limit]!;
    return { limited: true, retryAfterSec: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
  }

  async recordFailure(windowMs: number): Promise<void> {
    const now = Date.now();
    const recent = await this.failures(now, windowMs);
    recent.push(now);
    await this.ctx.storage.put("failures", recent);
  }

  async clear(): Promise<void> {
    await this.ctx.storage.delete("failures");
  }
}
