import { describe, expect, it } from "vitest";
import { chartPaths } from "./chart";

describe("traffic chart geometry", () => {
  it("puts the largest value at the top and zero on the baseline", () => {
    const g = chartPaths(
      [
        { at: "2026-01-01T00:00:00Z", upload: 0, download: 100 },
        { at: "2026-01-01T01:00:00Z", upload: 50, download: 200 },
        { at: "2026-01-01T02:00:00Z", upload: 200, download: 0 },
      ],
      100,
      50,
    );
    expect(g.max).toBe(200);
    expect(g.upload).toBe("0,50 50,37.5 100,0");
    expect(g.download).toBe("0,25 50,0 100,50");
  });

  it("draws a flat line rather than dividing by zero when nothing moved", () => {
    const g = chartPaths(
      [
        { at: "2026-01-01T00:00:00Z", upload: 0, download: 0 },
        { at: "2026-01-01T01:00:00Z", upload: 0, download: 0 },
      ],
      10,
      10,
    );
    expect(g.upload).toBe("0,10 10,10");
  });

  it("labels at most six evenly spaced times, leaving the ends bare", () => {
    const points = Array.from({ length: 24 }, (_, h) => ({
      at: `2026-01-01T${String(h).padStart(2, "0")}:00:00Z`,
      upload: h,
      download: 0,
    }));
    expect(chartPaths(points, 100, 10).ticks.map((t) => t.at.slice(11, 13))).toEqual(["04", "08", "12", "16", "20"]);
  });
});
