import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, webhookSignature } from "./signing";

describe("Standard Webhooks signatures", () => {
  it("signs exactly as the standardwebhooks library's own sign does", async () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ type: "user.disabled", data: { username: "ana", message: "Ана отключена" } });
    const at = new Date(1_765_000_000 * 1000);
    const ours = await webhookSignature(secret, "evt-1", 1_765_000_000, body);
    expect(ours).toBe(new Webhook(secret).sign("evt-1", at, body));
  });

  it("is verified by the library, and a tampered body or another secret is refused", async () => {
    const secret = newWebhookSecret();
    const body = '{"type":"test.ping"}';
    const now = Math.floor(Date.now() / 1000);
    const headers = (signature: string) => ({
      "webhook-id": "evt-2",
      "webhook-timestamp": String(now),
      "webhook-signature": signature,
    });
    const signature = await webhookSignature(secret, "evt-2", now, body);
    expect(new Webhook(secret).verify(body, headers(signature))).toEqual({ type: "test.ping" });
    expect(() => new Webhook(secret).verify('{"type":"test.pong"}', headers(signature))).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers(signature))).toThrow();
  });

  it("makes a fresh 32-byte secret every time, in the whsec_ form", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(atob(a.slice(6))).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
