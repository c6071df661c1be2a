import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Health } from "../workers/agent/protocol/messages";
import { ISOLATE_D1_TOTALS } from "../workers/db/client";
import type { NodeReport } from "../workers/nodes/presence";
import { LIVE_HEARTBEAT_MS } from "./node";

async function insertNode(id: number, lastSeenAtSec: number) {
  await env.DB.prepare(
    `INSERT INTO nodes (id, name, address, status, last_seen_at) VALUES (?, ?, '127.0.0.1', 'online', ?)`,
  )
    .bind(id, `n${id}`, lastSeenAtSec)
    .run();
}
const health: Health = {
  cpuPercent: 10,
  memUsedBytes: 1,
  memTotalBytes: 2,
  netRxBytes: 3,
  netTxBytes: 4,
  coreRunning: true,
  coreVersion: "v2ray 5",
  agentVersion: "1.0.0",
  uptimeSec: 60,
  appliedConfigVersion: 3,
};
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

  it("writes a report that brings no news into D1 once a minute, and one that does at once", async () => {
    await insertNode(3, 0);
    const node = env.NODE.getByName("3");
    const report = async (h: Health) => (await node.reportedIn(3, h)) as unknown as NodeReport;
    const stored = async () =>
      (await env.DB.prepare(`SELECT last_seen_at AS seen, health FROM nodes WHERE id = 3`).first<{
        seen: number;
        health: string;
      }>())!;
    await report(health);
    expect(JSON.parse((await stored()).health).cpuPercent).toBe(10);
    // Marked, to tell whether the next reports write.
    await env.DB.prepare(`UPDATE nodes SET last_seen_at = 1 WHERE id = 3`).run();

    await node.configChanged(9);
    const quiet = await report({ ...health, cpuPercent: 55, uptimeSec: 65 });
    expect((await stored()).seen).toBe(1);
    // Live subscribers and the push's reply still get the report as it is, and the newest config.
    expect(quiet.node).toMatchObject({ status: "online", configVersion: 9, health: { cpuPercent: 55 } });
    expect(quiet.node.lastSeenAtSec).toBeGreaterThan(1);

    // News (here: the agent applied another config) is written at once.
    await report({ ...health, appliedConfigVersion: 4 });
    expect((await stored()).seen).toBeGreaterThan(1);
    await env.DB.prepare(`UPDATE nodes SET last_seen_at = 1 WHERE id = 3`).run();
    await report({ ...health, appliedConfigVersion: 4, cpuPercent: 70 });
    expect((await stored()).seen).toBe(1);
    // An agent that restarted (it started later than the last report's agent did) is news as well.
    await report({ ...health, appliedConfigVersion: 4, uptimeSec: 50 });
    expect((await stored()).seen).toBeGreaterThan(1);
    await env.DB.prepare(`UPDATE nodes SET last_seen_at = 1 WHERE id = 3`).run();
    await report({ ...health, appliedConfigVersion: 4, uptimeSec: 50 });
    expect((await stored()).seen).toBe(1);
    // And a minute after the last write, so is a report without news.
    await runInDurableObject(node, (instance) => {
      (instance as unknown as { written: { atMs: number } }).written.atMs -= Number(env.PRESENCE_WRITE_SEC) * 1000;
    });
    const before = ISOLATE_D1_TOTALS.statements;
    await report({ ...health, appliedConfigVersion: 4, cpuPercent: 80 });
    // Last seen and vitals, and the restore catch-up: not the whole report's batch again.
    expect(ISOLATE_D1_TOTALS.statements - before).toBe(2);
    const written = await stored();
    expect(written.seen).toBeGreaterThan(1);
    expect(JSON.parse(written.health).cpuPercent).toBe(80);
  });

  it("tells live views of a quiet node every LIVE_HEARTBEAT_MS, and of a change at once", async () => {
    await insertNode(4, 0);
    const node = env.NODE.getByName("4");
    const heard = async (h: Health) => ((await node.reportedIn(4, h)) as unknown as NodeReport).events.length;
    expect(await heard(health)).toBe(1);
    expect(await heard({ ...health, cpuPercent: 20 })).toBe(0);
    // A new config for the node is shown at once (its pending version), as is a change of status.
    await env.DB.prepare(`UPDATE nodes SET config_version = 7 WHERE id = 4`).run();
    await node.configChanged(7);
    expect(await heard({ ...health, cpuPercent: 30 })).toBe(1);
    expect(await heard({ ...health, cpuPercent: 40 })).toBe(0);
    expect(await heard({ ...health, coreRunning: false })).toBe(1);
    expect(await heard({ ...health, coreRunning: false, cpuPercent: 45 })).toBe(0);
    await runInDurableObject(node, (instance) => {
      (instance as unknown as { heard: { atMs: number } }).heard.atMs -= LIVE_HEARTBEAT_MS;
    });
    expect(await heard({ ...health, coreRunning: false, cpuPercent: 50 })).toBe(1);
  });
});
