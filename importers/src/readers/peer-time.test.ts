import { describe, expect, it } from "vitest";
import { instantIso, parsePeerInstant, tokenNotBefore } from "./peer-time";

describe("parsePeerInstant", () => {
  it("reads SQLAlchemy's naive UTC text and the APIs' ISO forms alike, microseconds kept", () => {
    const expected = { seconds: Date.UTC(2025, 0, 5, 7, 8, 9) / 1000, micros: 123_456 };
    expect(parsePeerInstant("2025-01-05 07:08:09.123456")).toEqual(expected);
    expect(parsePeerInstant("2025-01-05T07:08:09.123456")).toEqual(expected);
    expect(parsePeerInstant("2025-01-05T07:08:09.123456Z")).toEqual(expected);
    expect(parsePeerInstant("2025-01-05T10:38:09.123456+03:30")).toEqual(expected);
    expect(parsePeerInstant("2025-01-05T02:08:09.123456-0500")).toEqual(expected);
    // Nanoseconds (PostgreSQL via some drivers) are cut to microseconds, never rounded up.
    expect(parsePeerInstant("2025-01-05 07:08:09.123456999")).toEqual(expected);
    expect(parsePeerInstant("2025-01-05 07:08:09")).toEqual({ ...expected, micros: 0 });
  });

  it("refuses what is not a date-time", () => {
    expect(() => parsePeerInstant("yesterday")).toThrow(/not a date-time/);
  });

  it("writes ISO to the millisecond", () => {
    expect(instantIso(parsePeerInstant("2025-01-05 07:08:09.123999"))).toBe("2025-01-05T07:08:09.123Z");
  });
});

describe("tokenNotBefore", () => {
  const at = (text: string) => parsePeerInstant(text);

  it("is creation rounded up to the whole second, or creation itself on a whole second", () => {
    expect(tokenNotBefore(at("2024-04-01 12:00:00.000001"), null)).toBe("2024-04-01T12:00:01.000Z");
    expect(tokenNotBefore(at("2024-04-01 12:00:00.000000"), null)).toBe("2024-04-01T12:00:00.000Z");
  });

  it("follows a later revocation, even one within the same second", () => {
    expect(tokenNotBefore(at("2024-04-01 12:00:00.000400"), at("2024-05-02 09:15:30.999999"))).toBe(
      "2024-05-02T09:15:31.000Z",
    );
    expect(tokenNotBefore(at("2024-04-01 12:00:00.000000"), at("2024-04-01 12:00:00.000002"))).toBe(
      "2024-04-01T12:00:01.000Z",
    );
    // A revocation older than creation changes nothing.
    expect(tokenNotBefore(at("2024-04-01 12:00:00.500000"), at("2024-03-01 00:00:00.000000"))).toBe(
      "2024-04-01T12:00:01.000Z",
    );
  });
});
