import { describe, expect, it } from "vitest";
import { parseCidrList } from "./actions";

describe("account form helpers", () => {
  it("reads networks one per line, by commas or spaces, dropping blanks", () => {
    expect(parseCidrList(" 203.0.113.0/24\n\n2001:db8::/32, 198.51.100.7 ")).toEqual([
      "203.0.113.0/24",
      "2001:db8::/32",
      "198.51.100.7",
    ]);
    expect(parseCidrList("  \n ")).toEqual([]);
  });
});
