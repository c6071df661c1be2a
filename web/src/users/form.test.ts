import { describe, expect, it } from "vitest";
import { emptyUserForm, extendedExpiry, userToForm, validateUserForm, type UserFormValues } from "./form";

const form = (changes: Partial<UserFormValues>): UserFormValues => ({
  ...emptyUserForm(),
  username: "alice",
  ...changes,
});
const now = new Date("2026-05-01T12:00:00Z");

describe("the user form", () => {
  it("turns a plain form into an active, unlimited user that never expires", () => {
    const result = validateUserForm(form({}), now);
    expect(result.input).toEqual({
      username: "alice",
      status: "ACTIVE",
      dataLimit: null,
      expireAt: null,
      onHoldExpireDays: null,
      resetStrategy: "NONE",
      groupIds: [],
      note: "",
      deviceLimit: null,
    });
  });

  it("counts the data limit in the chosen binary unit", () => {
    expect(validateUserForm(form({ dataLimit: "10", dataLimitUnit: "GB" }), now).input?.dataLimit).toBe(10 * 2 ** 30);
    expect(validateUserForm(form({ dataLimit: "512", dataLimitUnit: "MB" }), now).input?.dataLimit).toBe(2 ** 29);
    expect(validateUserForm(form({ dataLimit: "lots" }), now).errors).toEqual({ dataLimit: "dataLimit" });
  });

  it("makes 'N days after first use' an on-hold user with its day count", () => {
    const result = validateUserForm(form({ expiryMode: "afterFirstUse", onHoldDays: "30" }), now);
    expect(result.input).toMatchObject({ status: "ON_HOLD", onHoldExpireDays: 30, expireAt: null });
    expect(validateUserForm(form({ expiryMode: "afterFirstUse", onHoldDays: "0" }), now).errors).toEqual({
      onHoldDays: "onHoldDays",
    });
    expect(validateUserForm(form({ expiryMode: "afterFirstUse", onHoldDays: "4000" }), now).errors).toEqual({
      onHoldDays: "onHoldDays",
    });
  });

  it("expires at the end of the chosen day and refuses a day already gone", () => {
    const expireAt = validateUserForm(form({ expiryMode: "date", expireDate: "2026-06-30" }), now).input?.expireAt;
    expect(new Date(expireAt!).getDate()).toBe(30);
    expect(new Date(expireAt!).getHours()).toBe(23);
    expect(validateUserForm(form({ expiryMode: "date", expireDate: "2026-04-01" }), now).errors).toEqual({
      expireDate: "expireDatePast",
    });
    expect(validateUserForm(form({ expiryMode: "date", expireDate: "" }), now).errors).toEqual({
      expireDate: "expireDate",
    });
  });

  it("names every wrong field at once", () => {
    const result = validateUserForm(form({ username: "a b", deviceLimit: "-1", note: "x".repeat(1025) }), now);
    expect(result.errors).toEqual({ username: "username", deviceLimit: "deviceLimit", note: "note" });
  });

  it("a disabled user stays disabled whatever its expiry mode", () => {
    expect(validateUserForm(form({ enabled: false, expiryMode: "afterFirstUse" }), now).input?.status).toBe("DISABLED");
  });

  it("fills the form back from a stored user so saving unchanged changes nothing", () => {
    const stored = {
      username: "bob",
      status: "ON_HOLD" as const,
      dataLimit: 5 * 2 ** 30,
      expireAt: null,
      onHoldExpireDays: 7,
      resetStrategy: "MONTH" as const,
      groups: [{ id: "3" }],
      note: "vip",
      deviceLimit: 2,
    };
    const values = userToForm(stored);
    expect(values).toMatchObject({
      dataLimit: "5",
      dataLimitUnit: "GB",
      expiryMode: "afterFirstUse",
      onHoldDays: "7",
      groupIds: ["3"],
      deviceLimit: "2",
    });
    expect(validateUserForm(values, now).input).toMatchObject({
      dataLimit: stored.dataLimit,
      status: "ON_HOLD",
      onHoldExpireDays: 7,
      resetStrategy: "MONTH",
    });
  });
});

describe("extending a subscription", () => {
  it("adds days to a future expiry, and counts from today for an expired or open-ended one", () => {
    expect(extendedExpiry("2026-05-11T12:00:00.000Z", 30, now.getTime())).toBe("2026-06-10T12:00:00.000Z");
    expect(extendedExpiry("2026-04-01T00:00:00.000Z", 1, now.getTime())).toBe("2026-05-02T12:00:00.000Z");
    expect(extendedExpiry(null, 1, now.getTime())).toBe("2026-05-02T12:00:00.000Z");
  });
});
