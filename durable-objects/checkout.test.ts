import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CheckoutObject } from "./checkout";

describe("CheckoutObject", () => {
  it("arms an alarm when asked to watch, once however often it is asked", async () => {
    const stub = env.CHECKOUT.getByName("watch-test");
    await stub.watch(424242);
    const first = await runInDurableObject(stub, (_: CheckoutObject, state) => state.storage.getAlarm());
    await stub.watch(424242);
    expect(await runInDurableObject(stub, (_: CheckoutObject, state) => state.storage.getAlarm())).toBe(first);
    expect(first).toBeGreaterThan(Date.now());
  });

  it("stops watching an invoice that has no deposit (or no longer exists)", async () => {
    const stub = env.CHECKOUT.getByName("gone-test");
    await stub.watch(535353);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runInDurableObject(stub, (_: CheckoutObject, state) => state.storage.getAlarm())).toBeNull();
    expect(await stub.check(535353)).toEqual({ status: "missing", watching: false, credited: false });
  });
});
