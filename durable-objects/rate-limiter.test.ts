import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("RateLimiter", () => {
  it("limits a key once it has counted `limit` attempts in the window", async () => {
    const limiter = env.RATE_LIMITER.getByName("test:limit");
    for (let i = 0; i < 3; i++) expect((await limiter.spend(3, 60_000)).limited).toBe(false);
    const verdict = await limiter.spend(3, 60_000);
    expect(verdict.limited).toBe(true);
    expect(verdict.retryAfterSec).toBeGreaterThan(0);
    expect(verdict.retryAfterSec).toBeLessThanOrEqual(60);
  });

  it("forgets attempts older than the window", async () => {
    const limiter = env.RATE_LIMITER.getByName("test:window");
    await limiter.spend(1, 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await limiter.spend(1, 1)).limited).toBe(false);
  });

  it("keeps keys apart and clears on request", async () => {
    const a = env.RATE_LIMITER.getByName("test:a");
    const b = env.RATE_LIMITER.getByName("test:b");
    await a.spend(1, 60_000);
    expect((await a.spend(1, 60_000)).limited).toBe(true);
    expect((await b.spend(1, 60_000)).limited).toBe(false);
    await a.clear();
    expect((await a.spend(1, 60_000)).limited).toBe(false);
  });

  it("does not count a refused attempt, and takes back a refunded one", async () => {
    const limiter = env.RATE_LIMITER.getByName("test:refund");
    await limiter.spend(2, 60_000);
    await limiter.spend(2, 60_000);
    expect((await limiter.spend(2, 60_000)).limited).toBe(true);
    await limiter.refund();
    expect((await limiter.spend(2, 60_000)).limited).toBe(false);
    expect((await limiter.spend(2, 60_000)).limited).toBe(true);
  });

  it("lets exactly `limit` of many concurrent attempts through", async () => {
    const limiter = env.RATE_LIMITER.getByName("test:concurrent");
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => limiter.spend(5, 60_000)));
    expect(verdicts.filter((verdict) => !verdict.limited)).toHaveLength(5);
  });
});
