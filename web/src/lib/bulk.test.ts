import { describe, expect, it } from "vitest";
import { runBulk } from "./bulk";

describe("bulk actions", () => {
  it("finishes every item, reports each step and lists the failures", async () => {
    const progress: number[] = [];
    const result = await runBulk(
      [1, 2, 3, 4, 5],
      async (n) => {
        if (n % 2 === 0) throw new Error(`no ${n}`);
      },
      (finished, total) => progress.push(finished / total),
      2,
    );
    expect(result.done.sort()).toEqual([1, 3, 5]);
    expect(result.failed.map((f) => f.item).sort()).toEqual([2, 4]);
    expect(progress).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("never runs more at once than allowed", async () => {
    let running = 0;
    let peak = 0;
    await runBulk(
      Array.from({ length: 10 }, (_, i) => i),
      async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 1));
        running--;
      },
      () => undefined,
      3,
    );
    expect(peak).toBe(3);
  });
});
