import { describe, expect, it } from "vitest";
import { diffCounters, type CounterPair } from "./baseline.ts";

const counters = (entries: Record<string, [number, number]>) =>
  new Map<string, CounterPair>(Object.entries(entries).map(([k, [up, down]]) => [k, { up, down }]));

describe("diffCounters", () => {
  it("reports only what grew since the baseline", () => {
    const deltas = diffCounters(counters({ u1: [10, 100], u2: [5, 5] }), counters({ u1: [15, 160], u2: [5, 5] }));
    expect(deltas).toEqual([{ email: "u1", upBytes: 5, downBytes: 60, absolute: { up: 15, down: 160 } }]);
  });

  it("counts a user with no baseline from zero (counters appear on first use)", () => {
    expect(diffCounters(new Map(), counters({ u3: [7, 70] }))).toEqual([
      { email: "u3", upBytes: 7, downBytes: 70, absolute: { up: 7, down: 70 } },
    ]);
  });

  it("treats a counter that dropped as reset by a core restart: all of it is new traffic", () => {
    const deltas = diffCounters(counters({ u1: [1_000, 50_000] }), counters({ u1: [20, 300] }));
    expect(deltas).toEqual([{ email: "u1", upBytes: 20, downBytes: 300, absolute: { up: 20, down: 300 } }]);
  });

  it("moves the baseline down after a drop even when nothing new was counted yet", () => {
    const deltas = diffCounters(counters({ u1: [1_000, 50_000] }), counters({ u1: [0, 0] }));
    expect(deltas).toEqual([{ email: "u1", upBytes: 0, downBytes: 0, absolute: { up: 0, down: 0 } }]);
  });

  it("over a restart sequence, the sum of deltas equals all bytes the core counted", () => {
    let baseline = new Map<string, CounterPair>();
    let total = 0;
    // Core instance 1 counts to 300, restarts, instance 2 counts to 50 then 120.
    for (const reading of [100, 300, 50, 120]) {
      const [d] = diffCounters(baseline, counters({ u1: [0, reading] }));
      total += d?.downBytes ?? 0;
      baseline = counters({ u1: [0, reading] });
    }
    expect(total).toBe(300 + 120);
  });
});
