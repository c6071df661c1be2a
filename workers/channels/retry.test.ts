import { describe, expect, it } from "vitest";
import { retryDelaySec } from "./deliver";

describe("the retry schedule", () => {
  it("waits base·4^(n-1) before retry n, capped at 12 hours", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelaySec(n, 5, undefined, 0))).toEqual([
      5, 20, 80, 320, 1280, 5120, 20480, 43200,
    ]);
  });

  it("adds at most a fifth as jitter, never past the cap", () => {
    expect(retryDelaySec(2, 5, undefined, 1)).toBe(24);
    expect(retryDelaySec(9, 5, undefined, 1)).toBe(43200);
  });

  it("honours a longer Retry-After and ignores a shorter one", () => {
    expect(retryDelaySec(1, 5, 120, 0)).toBe(120);
    expect(retryDelaySec(3, 5, 10, 0)).toBe(80);
    expect(retryDelaySec(1, 5, 999_999, 0)).toBe(43200);
  });
});
