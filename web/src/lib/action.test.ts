import { describe, expect, it } from "vitest";
import { createAction } from "./action";

describe("createAction", () => {
  it("keeps a failure to show in place, and clears it on the next attempt", async () => {
    const action = createAction();
    expect(await action.run(() => Promise.reject(new Error("wrong code")))).toBe(false);
    expect((action.error() as Error).message).toBe("wrong code");
    expect(action.busy()).toBe(false);
    let busyDuring = false;
    expect(
      await action.run(async () => {
        busyDuring = action.busy();
      }),
    ).toBe(true);
    expect(busyDuring).toBe(true);
    expect(action.error()).toBeNull();
  });
});
