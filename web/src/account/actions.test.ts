import { describe, expect, it } from "vitest";
import { createAction, parseCidrList } from "./actions";

describe("account form helpers", () => {
  it("reads networks one per line, by commas or spaces, dropping blanks", () => {
    expect(parseCidrList(" 203.0.113.0/24\n\n2001:db8::/32, 198.51.100.7 ")).toEqual(["203.0.113.0/24", "2001:db8::/32", "198.51.100.7"]);
    expect(parseCidrList("  \n ")).toEqual([]);
  });

  it("keeps a failure to show in place, and clears it on the next attempt", async () => {
    const action = createAction();
    expect(await action.run(() => Promise.reject(new Error("wrong code")))).toBe(false);
    expect((action.error() as Error).message).toBe("wrong code");
    expect(action.busy()).toBe(false);
    let busyDuring = false;
    expect(await action.run(async () => void (busyDuring = action.busy()))).toBe(true);
    expect(busyDuring).toBe(true);
    expect(action.error()).toBeNull();
  });
});
