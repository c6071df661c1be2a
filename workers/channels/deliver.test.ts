import { describe, expect, it } from "vitest";
import { panelEvent } from "../events/catalogue";
import { retryDelaySec, webhookPayload } from "./deliver";

describe("the retry schedule", () => {
  it("waits base·4^(n-1) before retry n, capped at 12 hours", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelaySec(n, 5, undefined, 0))).toEqual([
      5, 20, 80, 320, 1280, 5120, 20480, 43200,
    ]);
  });

  it("adds at most a fifth as jitter, never past the cap", () => {
    expect(retryDelaySec(2, 5, undefined, 1)).toBe(24);
    expect(retryDelaySec(9, 5, undefined, 1)).toBe(43200);
  });

  it("honours a longer Retry-After and ignores a shorter one", () => {
    expect(retryDelaySec(1, 5, 120, 0)).toBe(120);
    expect(retryDelaySec(3, 5, 10, 0)).toBe(80);
    expect(retryDelaySec(1, 5, 999_999, 0)).toBe(43200);
  });
});

describe("the webhook payload", () => {
  it("carries the kind, the catalogue version, the event's data with its ids and a sentence", () => {
    const event = panelEvent("user.disabled", 1_765_000_000, { username: "ana" }, { adminId: 3, userId: 42 });
    expect(webhookPayload(event, "en")).toEqual({
      type: "user.disabled",
      timestamp: "2025-12-06T05:46:40.000Z",
      version: 1,
      data: { username: "ana", userId: 42, serverId: null, invoiceId: null, message: expect.any(String) },
    });
  });

  it("cuts a client-supplied text so the body stays small", () => {
    const userAgent = "x".repeat(50_000);
    const event = panelEvent("user.new_device", 0, { username: "ana", device: "d", platform: null, userAgent });
    const body = JSON.stringify(webhookPayload(event, "en"));
    expect(body.length).toBeLessThan(20_000);
  });
});
