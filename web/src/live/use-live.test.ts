import { createRoot, createSignal } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { UserTrafficUpdates } from "../graphql/live";
import { useLive } from "./use-live";

afterEach(() => vi.unstubAllGlobals());

describe("useLive", () => {
  it("moves its stream to the new subject when the variables change, closing the old one", async () => {
    const requests: { body: string; signal: AbortSignal }[] = [];
    vi.stubGlobal("localStorage", { getItem: () => null, setItem: () => undefined, removeItem: () => undefined }); // signed out: no token to send
    vi.stubGlobal("fetch", (_url: string, init: RequestInit) => {
      requests.push({ body: String(init.body), signal: init.signal! });
      return new Promise<Response>(() => undefined); // an open stream that never speaks
    });
    const [userId, setUserId] = createSignal("1");
    const dispose = createRoot((dispose) => {
      useLive(
        UserTrafficUpdates,
        () => ({ userId: userId() }),
        () => undefined,
        () => undefined,
      );
      return dispose;
    });
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(JSON.parse(requests[0]!.body).variables).toEqual({ userId: "1" });

    setUserId("2");
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[0]!.signal.aborted).toBe(true);
    expect(JSON.parse(requests[1]!.body).variables).toEqual({ userId: "2" });
    expect(requests[1]!.signal.aborted).toBe(false);

    dispose();
    expect(requests[1]!.signal.aborted).toBe(true);
  });
});
