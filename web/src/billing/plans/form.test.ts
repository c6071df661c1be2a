import { describe, expect, it } from "vitest";
import {
  bytesToGb,
  emptyPlanForm,
  gbToBytes,
  parseAmount,
  planToForm,
  previewTerms,
  validatePlanForm,
  type PlanFormValues,
} from "./form";

const GIB = 2 ** 30;
const form = (changes: Partial<PlanFormValues>): PlanFormValues => ({
  ...emptyPlanForm(),
  name: "Quarter 15 GB",
  prices: [{ currency: "USD", amount: "12.10" }],
  dataLimitGb: "15",
  durationDays: "90",
  ...changes,
});

describe("amounts typed as decimals", () => {
  it("keeps the operator's digits as they were typed, trailing zeros and all", () => {
    expect(parseAmount("12.10")).toBe("12.10");
    expect(parseAmount(" 4.99 ")).toBe("4.99");
    expect(parseAmount("0.000000000000000001")).toBe("0.000000000000000001");
    expect(parseAmount("5")).toBe("5");
  });

  it("refuses what the API refuses: zero, signs, exponents, commas, 19 fraction digits, 13 whole digits", () => {
    for (const text of ["0", "0.00", "-1", "1e3", "4,99", ".5", "5.", "0.0000000000000000001", "1000000000000", ""])
      expect(parseAmount(text), text).toBeUndefined();
  });
});

describe("gigabytes to bytes", () => {
  it("converts whole and fractional gigabytes exactly, as 1024³ bytes each", () => {
    expect(gbToBytes("15")).toBe(15 * GIB);
    expect(gbToBytes("1.5")).toBe(1_610_612_736);
    expect(gbToBytes("0.25")).toBe(268_435_456);
  });

  it("rounds a fraction that names part of a byte half up, where a float product would drift", () => {
    // 0.1 × 2³⁰ = 107374182.4; 0.7 × 2³⁰ = 751619276.8 (and 0.7 * 2 ** 30 in floats is 751619276.8000001).
    expect(gbToBytes("0.1")).toBe(107_374_182);
    expect(gbToBytes("0.7")).toBe(751_619_277);
    expect(gbToBytes("4.3")).toBe(4_617_089_843);
  });

  it("goes up to the largest byte count the API stores, and no further", () => {
    expect(gbToBytes("8388607.999999999")).toBe(Number.MAX_SAFE_INTEGER);
    expect(gbToBytes("8388608")).toBeUndefined();
  });

  it("refuses zero, negatives, units, commas and more than 10 fraction digits", () => {
    for (const text of ["0", "0.0", "-1", "5GB", "1,5", "1.12345678901", "", "."])
      expect(gbToBytes(text), text).toBeUndefined();
  });

  it("writes bytes back as the shortest gigabyte text that converts to the same bytes", () => {
    expect(bytesToGb(15 * GIB)).toBe("15");
    expect(bytesToGb(1_610_612_736)).toBe("1.5");
    expect(bytesToGb(107_374_182)).toBe("0.1");
    expect(bytesToGb(1)).toBe("0.000000001");
    for (const bytes of [1, 2, 3, 999, 1_000_000, 123_456_789_012, Number.MAX_SAFE_INTEGER - 1])
      expect(gbToBytes(bytesToGb(bytes)), String(bytes)).toBe(bytes);
  });
});

describe("the plan form", () => {
  it("turns the e2e's plan into the API's input with the price still a string", () => {
    expect(validatePlanForm(form({})).input).toEqual({
      name: "Quarter 15 GB",
      description: "",
      prices: [{ currency: "USD", amount: "12.10" }],
      dataLimit: 15 * GIB,
      durationDays: 90,
      resetStrategy: "NONE",
      deviceLimit: null,
      groupIds: [],
      sortOrder: 0,
      visible: true,
    });
  });

  it("sends null for unlimited data, no expiry and a device limit left to the buyer", () => {
    const input = validatePlanForm(form({ unlimited: true, dataLimitGb: "junk", hasDuration: false, durationDays: "" }))
      .input!;
    expect(input).toMatchObject({ dataLimit: null, durationDays: null, deviceLimit: null });
  });

  it("upper-cases currency codes and refuses the same currency twice", () => {
    const result = validatePlanForm(
      form({
        prices: [
          { currency: "usd", amount: "1" },
          { currency: "USD", amount: "2" },
        ],
      }),
    );
    expect(result.errors).toEqual({ "prices.1.currency": "currencyTwice" });
  });

  it("names every wrong field at once", () => {
    const result = validatePlanForm(
      form({
        name: " ",
        prices: [{ currency: "$", amount: "4.999.1" }],
        dataLimitGb: "1.5.2",
        durationDays: "0",
        deviceLimit: "101",
        sortOrder: "1.5",
      }),
    );
    expect(result.errors).toEqual({
      name: "name",
      "prices.0.currency": "currency",
      "prices.0.amount": "amount",
      dataLimitGb: "dataLimit",
      durationDays: "durationDays",
      deviceLimit: "deviceLimit",
      sortOrder: "sortOrder",
    });
    expect(validatePlanForm(form({ prices: [] })).errors).toEqual({ prices: "prices" });
  });

  it("fills the edit form from a plan so that saving it unchanged sends the same terms", () => {
    const plan = {
      id: "7",
      name: "Tenth",
      description: "a tenth of a GB",
      prices: [{ currency: "USDT", amount: "0.50" }],
      dataLimit: 107_374_182,
      durationDays: null,
      resetStrategy: "MONTH" as const,
      deviceLimit: 0,
      groups: [{ id: "3", name: "eu" }],
      sortOrder: -2,
      visible: false,
    };
    expect(validatePlanForm(planToForm(plan)).input).toEqual({
      name: "Tenth",
      description: "a tenth of a GB",
      prices: [{ currency: "USDT", amount: "0.50" }],
      dataLimit: 107_374_182,
      durationDays: null,
      resetStrategy: "MONTH",
      deviceLimit: 0,
      groupIds: ["3"],
      sortOrder: -2,
      visible: false,
    });
  });

  it("previews what is typed so far, naming the chosen groups, and waits for a readable size and duration", () => {
    const groups = [
      { id: "1", name: "eu" },
      { id: "2", name: "us" },
    ];
    expect(previewTerms(form({ groupIds: ["2"], deviceLimit: "1" }), groups)).toEqual({
      dataLimit: 15 * GIB,
      durationDays: 90,
      resetStrategy: "NONE",
      deviceLimit: 1,
      groupNames: ["us"],
    });
    expect(previewTerms(form({ dataLimitGb: "1." }), groups)).toBeUndefined();
    expect(previewTerms(form({ durationDays: "" }), groups)).toBeUndefined();
    expect(previewTerms(form({ hasDuration: false, durationDays: "", deviceLimit: "1x" }), groups)).toMatchObject({
      durationDays: null,
      deviceLimit: null,
    });
  });
});
