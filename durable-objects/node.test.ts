import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

async function insertNode(id: number, lastSeenAtSec: number) {
  await env.DB.prepare(
    `INSERT INTO nodes (id, name, address, status, last_seen_at) VALUES (?, ?, '127.0.0.1', 'online', ?)`,
  )
    .bind(id, `n${id}`, lastSeenAtSec)
    .run();
}
const statusOf = async (id: number) =>
  (await env.DB.prepare(`SELECT status FROM nodes WHERE id = ?`).bind(id).first<{ status: string }>())!.status;

describe("NodeObject", () => {
  it("marks a silent node offline when its alarm fires, and leaves a node that reported since", async () => {
    const nowSec = Math.floor(Date.now() / 1000);
    await insertNode(1, nowSec - 120);
    await insertNode(2, nowSec);
    for (const id of [1, 2]) await env.NODE.getByName(String(id)).reportedIn(id);
    // Node 1 has been silent since its report.
    await env.DB.prepare(`UPDATE nodes SET last_seen_at = ? WHERE id = 1`)
      .bind(nowSec - 120)
      .run();
    expect(await runDurableObjectAlarm(env.NODE.getByName("1"))).toBe(true);
    expect(await runDurableObjectAlarm(env.NODE.getByName("2"))).toBe(true);
    expect(await statusOf(1)).toBe("offline");
    expect(await statusOf(2)).toBe("online");
    // The alarm does not re-arm itself: only the next report does.
    expect(await runDurableObjectAlarm(env.NODE.getByName("1"))).toBe(false);
  });

  it("announces a report from an unknown node as nothing, and arms no alarm for it", async () => {
    const node = env.NODE.getByName("404");
    expect(await node.reportedIn(404)).toBeNull();
    expect(await runDurableObjectAlarm(node)).toBe(false);
  });

  it("accepts a nonce once", async () => {
    const node = env.NODE.getByName("nonces");
    expect(await node.acceptNonce("n-0123456789abcdef")).toBe(true);
    expect(await node.acceptNonce("n-0123456789abcdef")).toBe(false);
    expect(await node.acceptNonce("n-fedcba9876543210")).toBe(true);
  });

  it("wakes a waiter with a newer version, ignores older ones, and times out to null", async () => {
    const node = env.NODE.getByName("waiters");
    const waiting = node.waitForConfigChange(5, 5_000);
    await node.configChanged(4);
    await node.configChanged(6);
    expect(await waiting).toBe(6);
    // A version announced before the wait began still counts.
    expect(await node.waitForConfigChange(5, 5_000)).toBe(6);
    expect(await node.waitForConfigChange(6, 50)).toBeNull();
  });
});
