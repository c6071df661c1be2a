import { describe, expect, it } from "vitest";
import { deriveStatus, type StatusInputs } from "./status";

const NOW = 1_800_000_000;
const base: StatusInputs = {
  enabled: true,
  dataLimitBytes: null,
  usedBytes: 0,
  expireAtSec: null,
  onHoldExpireDays: null,
  firstUsedAtSec: null,
};

describe("deriveStatus", () => {
  it("is active with nothing holding it back", () => {
    expect(deriveStatus(base, NOW)).toBe("active");
  });

  it("is limited once usage reaches the limit, not before", () => {
    expect(deriveStatus({ ...base, dataLimitBytes: 100, usedBytes: 99 }, NOW)).toBe("active");
    expect(deriveStatus({ ...base, dataLimitBytes: 100, usedBytes: 100 }, NOW)).toBe("limited");
  });

  it("is expired from the expiry second on", () => {
    expect(deriveStatus({ ...base, expireAtSec: NOW + 1 }, NOW)).toBe("active");
    expect(deriveStatus({ ...base, expireAtSec: NOW }, NOW)).toBe("expired");
  });

  it("is on hold until first use, active after", () => {
    expect(deriveStatus({ ...base, onHoldExpireDays: 30 }, NOW)).toBe("on_hold");
    expect(deriveStatus({ ...base, onHoldExpireDays: 30, firstUsedAtSec: NOW - 5, expireAtSec: NOW + 100 }, NOW)).toBe(
      "active",
    );
  });

  it("ranks an admin's disable over the quota, and the quota over the clock", () => {
    const everything = { ...base, enabled: false, dataLimitBytes: 1, usedBytes: 5, expireAtSec: NOW - 1 };
    expect(deriveStatus(everything, NOW)).toBe("disabled");
    expect(deriveStatus({ ...everything, enabled: true }, NOW)).toBe("limited");
  });
});
