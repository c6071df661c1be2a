import { describe, expect, it } from "vitest";
import { daysLeft, formatBytes, formatRate, formatRelative, parseDataLimit, splitBytes, unitBytes } from "./format";

describe("byte counts", () => {
  it("picks the largest binary unit the count fills", () => {
    expect(splitBytes(0)).toEqual([0, "B"]);
    expect(splitBytes(1536)).toEqual([1.5, "KB"]);
    expect(splitBytes(10 * 2 ** 30)).toEqual([10, "GB"]);
    expect(splitBytes(3 * 2 ** 40)).toEqual([3, "TB"]);
  });

  it("writes them in the admin's language", () => {
    expect(formatBytes(1.5 * 2 ** 30, "en")).toBe("1.5 GB");
    expect(formatBytes(1.5 * 2 ** 30, "ru")).toMatch(/^1,5\sГБ$/);
    expect(formatBytes(1.5 * 2 ** 30, "fa")).toContain("۱٫۵");
    expect(formatBytes(1.5 * 2 ** 30, "zh-CN")).toBe("1.5 GB");
  });

  it("labels small counts and every unit with a short symbol, never a word like 'byte'", () => {
    expect(formatBytes(0, "en")).toBe("0 B");
    expect(formatBytes(5, "en")).toBe("5 B");
    expect(formatBytes(1536, "en")).toBe("1.5 KB");
    expect(formatBytes(0, "ru")).toMatch(/^0\sБ$/);
    expect(formatBytes(1536, "ru")).toMatch(/^1,5\sКБ$/);
    expect(formatBytes(0, "zh-CN")).toBe("0 B");
    expect(formatBytes(0, "fa")).toBe("۰ B");
  });

  it("writes rates per second in the admin's language", () => {
    expect(formatRate(0, "en")).toBe("0 B/s");
    expect(formatRate(2048, "en")).toBe("2 KB/s");
    expect(formatRate(2048, "ru")).toMatch(/^2\sКБ\/с$/);
    expect(formatRate(2048, "zh-CN")).toBe("2 KB/秒");
  });

  it("reads a data limit: empty is unlimited, units are binary, junk is refused", () => {
    expect(parseDataLimit("", "GB")).toBeNull();
    expect(parseDataLimit(" 10 ", "GB")).toBe(10 * 2 ** 30);
    expect(parseDataLimit("1,5", "MB")).toBe(1.5 * 2 ** 20);
    expect(parseDataLimit("-1", "GB")).toBeUndefined();
    expect(parseDataLimit("ten", "GB")).toBeUndefined();
    expect(parseDataLimit("99999999", "TB")).toBeUndefined();
    expect(unitBytes("KB")).toBe(1024);
  });
});

describe("dates", () => {
  const now = Date.parse("2026-05-01T12:00:00Z");

  it("counts days left, rounding a part day up and never going below zero", () => {
    expect(daysLeft("2026-05-01T18:00:00Z", now)).toBe(1);
    expect(daysLeft("2026-05-31T12:00:00Z", now)).toBe(30);
    expect(daysLeft("2026-04-01T12:00:00Z", now)).toBe(0);
  });

  it("says how long ago in words of the locale", () => {
    expect(formatRelative("2026-05-01T11:55:00Z", "en", now)).toBe("5 minutes ago");
    expect(formatRelative("2026-05-04T12:00:00Z", "en", now)).toBe("in 3 days");
    expect(formatRelative("2026-05-01T11:59:58Z", "ru", now)).toMatch(/секунд/);
  });
});
