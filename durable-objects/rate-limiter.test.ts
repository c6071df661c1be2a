import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("RateLimiter", () => {
  it("limits a key once it has counted `limit` failures in the window", async () => {
    const limiter = env.RATE_LIMITER.getByName("test:limit");
    for (let i = 0; i < 3; i++) {
      expect((await limiter.check(3, 60_000)).limited).toBe(false);
      await limiter.recordFailure(60_000);
    }
    const verdict = await limiter.check(3, 60_000);
    expect(verdict.limited).toBe(true);
    expect(verdict.retryAfterSec).toBeGreaterThan(0);
    expect(verdict.retryAfterSec).toBeLessThanOrEqual(60);
  });

  it("forgets failures older than the window", async () => {
    const limiter = env.RATE_LIMITER.getByName("test:window");
    await limiter.recordFailure(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await limiter.check(1, 1)).limited).toBe(false);
  });

  it("keeps keys apart and clears on request", async () => {
    const a = env.RATE_LIMITER.getByName("test:a");
    const b = env.RATE_LIMITER.getByName("test:b");
    await a.recordFailure(60_000);
    expect((await a.check(1, 60_000)).limited).toBe(true);
    expect((await b.check(1, 60_000)).limited).toBe(false);
    await a.clear();
    expect((await a.check(1, 60_000)).limited).toBe(false);
  });
});
