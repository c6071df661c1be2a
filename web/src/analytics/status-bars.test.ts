import { describe, expect, it } from "vitest";
import { statusBars } from "./status-bars";

describe("users by status as stacked bars", () => {
  it("gives one bar per day in order, sized against the busiest day, segments in status order", () => {
    const bars = statusBars([
      { day: "2026-12-02", status: "DISABLED", count: 1 },
      { day: "2026-12-01", status: "ACTIVE", count: 2 },
      { day: "2026-12-02", status: "ACTIVE", count: 3 },
    ]);
    expect(bars.map((b) => [b.day, b.total, b.heightPercent])).toEqual([
      ["2026-12-01", 2, 50],
      ["2026-12-02", 4, 100],
    ]);
    expect(bars[1].segments).toEqual([
      { status: "ACTIVE", count: 3, percent: 75 },
      { status: "DISABLED", count: 1, percent: 25 },
    ]);
  });

  it("draws nothing for no days", () => {
    expect(statusBars([])).toEqual([]);
  });
});
