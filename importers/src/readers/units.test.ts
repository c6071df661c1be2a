import { describe, expect, it } from "vitest";
import { bytes, integer, isoFromMs, isoFromSeconds } from "./units";

describe("units", () => {
  it("turns epoch milliseconds and seconds into ISO instants", () => {
    expect(isoFromMs(1_893_456_000_000)).toBe("2030-01-01T00:00:00.000Z");
    expect(isoFromSeconds(1_893_456_000)).toBe("2030-01-01T00:00:00.000Z");
  });

  it("accepts whole byte counts up to 2^53 - 1, bigint included, and refuses the rest", () => {
    expect(bytes(0, "x")).toBe(0);
    expect(bytes(2n ** 53n - 1n, "x")).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => bytes(-1, "limit")).toThrow("limit is not a byte count: -1");
    expect(() => bytes(1.5, "limit")).toThrow("limit is not a byte count: 1.5");
    expect(() => bytes(2n ** 53n, "limit")).toThrow("limit is not a byte count");
    expect(() => bytes("12", "limit")).toThrow("limit is not a byte count");
  });

  it("reads SQLite integers, treating NULL and empty text as 0", () => {
    expect(integer(null)).toBe(0);
    expect(integer("")).toBe(0);
    expect(integer("123456789012")).toBe(123456789012);
    expect(integer(7n)).toBe(7);
    expect(() => integer("abc")).toThrow("not an integer: abc");
  });
});
