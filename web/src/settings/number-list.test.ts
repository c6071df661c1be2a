import { describe, expect, it } from "vitest";
import { parseNumberList } from "./number-list";

describe("a typed list of reminder thresholds", () => {
  it("reads numbers separated by commas or spaces, sorted", () => {
    expect(parseNumberList("95, 80 50", 1, 100)).toEqual({ ok: true, values: [50, 80, 95] });
    expect(parseNumberList("7،3", 1, 365)).toEqual({ ok: true, values: [3, 7] });
  });

  it("accepts an empty list: no reminders", () => {
    expect(parseNumberList("  ", 1, 100)).toEqual({ ok: true, values: [] });
  });

  it("refuses words, fractions, negatives, values out of range and repeats", () => {
    expect(parseNumberList("80, lots", 1, 100)).toEqual({ ok: false, problem: "notNumbers" });
    expect(parseNumberList("80.5", 1, 100)).toEqual({ ok: false, problem: "notNumbers" });
    expect(parseNumberList("-5", 1, 100)).toEqual({ ok: false, problem: "notNumbers" });
    expect(parseNumberList("0, 80", 1, 100)).toEqual({ ok: false, problem: "outOfRange" });
    expect(parseNumberList("80, 80", 1, 100)).toEqual({ ok: false, problem: "repeated" });
  });
});
