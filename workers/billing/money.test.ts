import { describe, expect, it } from "vitest";
import { amountSchema, currencySchema, fromUnits, toUnits } from "./money";

describe("money", () => {
  it("turns decimal strings into exact units and back, beyond what a float can hold", () => {
    expect(toUnits("4.99", 2)).toBe(499n);
    expect(toUnits("4.99", 6)).toBe(4_990_000n);
    expect(toUnits("0.1", 18)).toBe(100_000_000_000_000_000n);
    expect(toUnits("123456789012.123456789012345678", 18)).toBe(123456789012123456789012345678n);
    expect(toUnits("5.50", 1)).toBe(55n);
    expect(fromUnits(4_990_000n, 6)).toBe("4.990000");
    expect(fromUnits(5n, 3)).toBe("0.005");
    expect(fromUnits(42n, 0)).toBe("42");
  });

  it("refuses an amount finer than the unit, rather than rounding money", () => {
    expect(() => toUnits("4.999", 2)).toThrow(RangeError);
  });

  it("accepts only positive decimal amounts and currency codes", () => {
    for (const bad of ["-1", "0", "0.00", "1e3", "1,5", "", " . "])
      expect(amountSchema.safeParse(bad).success).toBe(false);
    expect(amountSchema.parse(" 4.99 ")).toBe("4.99");
    expect(currencySchema.parse("usd")).toBe("USD");
    for (const bad of ["US", "U$D", "TOOLONGCODE"]) expect(currencySchema.safeParse(bad).success).toBe(false);
  });
});
