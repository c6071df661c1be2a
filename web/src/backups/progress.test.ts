import { describe, expect, it } from "vitest";
import { progressPercent, restoreSteps } from "./progress";

const progress = (rowsDone: number, rowsTotal: number, tablesDone = 0, tablesTotal = 0) => ({
  phase: "copy",
  rowsDone,
  rowsTotal,
  tablesDone,
  tablesTotal,
});

describe("a job's progress", () => {
  it("counts rows when the job has counted them, else tables", () => {
    expect(progressPercent(progress(250, 1000, 1, 30), false)).toBe(25);
    expect(progressPercent(progress(0, 0, 3, 12), false)).toBe(25);
  });

  it("shows nothing done before the job reports, and 100 only once it is finished", () => {
    expect(progressPercent(null, false)).toBe(0);
    expect(progressPercent(progress(0, 0), false)).toBe(0);
    expect(progressPercent(progress(1000, 1000, 30, 30), false)).toBe(99);
    expect(progressPercent(progress(1000, 1000), true)).toBe(100);
    expect(progressPercent(null, true)).toBe(100);
  });
});

describe("a restore's steps", () => {
  it("marks the steps before the current one done and the rest waiting", () => {
    expect(restoreSteps("VERIFYING").map((s) => s.state)).toEqual(["done", "current", "waiting"]);
    expect(restoreSteps("COMPLETE").map((s) => s.state)).toEqual(["done", "done", "done"]);
  });

  it("shows a failure at the step it happened in", () => {
    expect(restoreSteps("FAILED", "VERIFYING").map((s) => s.state)).toEqual(["done", "failed", "waiting"]);
    expect(restoreSteps("FAILED").map((s) => s.state)).toEqual(["failed", "waiting", "waiting"]);
  });
});
