import { describe, expect, it } from "vitest";
import { EVENT_KINDS, type EventData, type EventKind, panelEvent } from "./catalogue";
import { eventText, formatBytes, LANGUAGES } from "./texts";

const GiB = 1024 ** 3;
const at = Date.UTC(2026, 11, 7) / 1000;

/** One event of every kind; typed so that a new kind cannot be added without a sample here. */
const SAMPLES: { [K in EventKind]: EventData[K] } = {
  "user.created": { username: "alice" },
  "user.limited": { username: "alice", usedBytes: 10 * GiB, limitBytes: 10 * GiB },
  "user.expired": { username: "alice", expireAt: at },
  "user.disabled": { username: "alice" },
  "user.enabled": { username: "alice" },
  "user.quota_reached": { username: "alice", percent: 80, usedBytes: 8 * GiB, limitBytes: 10 * GiB },
  "user.expires_soon": { username: "alice", daysLeft: 3, expireAt: at + 3 * 86400 },
  "user.first_connected": { username: "alice", serverId: 1 },
  "user.new_device": { username: "alice", device: "hwid-1", platform: "android", userAgent: "v2rayNG/1.8" },
  "user.usage_spike": { username: "alice", hourSec: at, bytes: 5 * GiB, baselineBytes: 50 * 1024 ** 2 },
  "user.sharing_suspected": { username: "alice", addresses: 5, deviceLimit: 2, windowSec: 3600 },
  "server.offline": { name: "edge-1" },
  "server.online": { name: "edge-1", was: "offline" },
  "server.degraded": { name: "edge-1" },
  "server.config_failed": { name: "edge-1", version: 7, outcome: "rejected", error: "bad inbound" },
  "server.agent_updated": { name: "edge-1", from: "0.1.0", to: "0.2.0" },
  "payment.received": { username: "alice", invoiceId: 12, amount: "4.99", currency: "usd", method: "card" },
  "payment.refunded": { username: "alice", invoiceId: 12, amount: "4.99", currency: "usd" },
  "payment.underpaid": { username: "alice", invoiceId: 12, expected: "5.00", received: "4.10", currency: "usdt" },
  "admin.new_sign_in": { admin: "root", method: "password", ip: "203.0.113.9", country: "DE", userAgent: null },
  "admin.sign_in_failures": { login: "root", ip: "203.0.113.9", failures: 6, windowSec: 900 },
  "backup.failed": { backupId: "b-1", trigger: "schedule", error: "R2 unavailable" },
};

/** What a reader must recognise in the sentence: the user, server, admin, invoice or backup it is about. */
function subjectOf(kind: EventKind): string {
  const data = SAMPLES[kind] as unknown as Record<string, unknown>;
  const subject = data.username ?? data.name ?? data.admin ?? data.login ?? data.backupId;
  return String(subject);
}

describe("event texts", () => {
  it("say every kind in every language, naming the user or server the event is about", () => {
    for (const kind of EVENT_KINDS) {
      for (const language of LANGUAGES) {
        const text = eventText(panelEvent(kind, at, SAMPLES[kind]), language);
        expect(text, `${kind} in ${language}`).not.toBe(kind);
        expect(text, `${kind} in ${language}`).toContain(subjectOf(kind));
      }
    }
  });

  it("give sizes in GiB or MiB, money with its currency, and days as dates", () => {
    expect(eventText(panelEvent("user.quota_reached", at, SAMPLES["user.quota_reached"]), "en")).toBe(
      "User alice has used 80% of its data limit (8 GiB of 10 GiB)",
    );
    expect(formatBytes(1.5 * 1024 ** 2)).toBe("1.5 MiB");
    expect(eventText(panelEvent("payment.received", at, SAMPLES["payment.received"]), "ru")).toContain("4.99 USD");
    expect(eventText(panelEvent("user.expires_soon", at, SAMPLES["user.expires_soon"]), "zh")).toContain("2026-12-10");
  });

  it("tell a first appearance from a return", () => {
    expect(eventText(panelEvent("server.online", at, { name: "edge-1", was: "pending" }), "en")).toBe(
      "Server edge-1 is online",
    );
    expect(eventText(panelEvent("server.online", at, { name: "edge-1", was: "offline" }), "en")).toBe(
      "Server edge-1 is back online",
    );
  });

  it("read a stored event of a kind this build does not know as its kind", () => {
    const unknown = { ...panelEvent("user.created", at, { username: "alice" }), kind: "user.renamed" as EventKind };
    expect(eventText(unknown, "fa")).toBe("user.renamed");
  });
});
