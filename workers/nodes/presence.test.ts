import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../db/client";
import { markOfflineIfSilent, OFFLINE_AFTER_MS, recordReport } from "./presence";

const db = createDb(env.DB);

async function insertNode(id: number, status: string, lastSeenAtSec: number | null) {
  await env.DB.prepare(`INSERT INTO nodes (id, name, address, status, last_seen_at) VALUES (?, ?, '127.0.0.1', ?, ?)`)
    .bind(id, `presence-${id}`, status, lastSeenAtSec)
    .run();
}

const health = (coreRunning: boolean) => ({
  cpuPercent: 1,
  memUsedBytes: 1,
  memTotalBytes: 2,
  netRxBytes: 0,
  netTxBytes: 0,
  coreRunning,
  coreVersion: "4.34.0",
  agentVersion: "test",
  uptimeSec: 5,
  appliedConfigVersion: 1,
});

describe("node presence", () => {
  it("records a report as seen now: online, degraded while the core is down, and degraded until health says otherwise", async () => {
    await insertNode(71, "offline", null);
    expect(await recordReport(db, 71, undefined, 1_000)).toMatchObject({ status: "online", lastSeenAtSec: 1_000 });
    expect(await recordReport(db, 71, health(false), 1_005)).toMatchObject({
      status: "degraded",
      coreVersion: "4.34.0",
      health: expect.objectContaining({ coreRunning: false }),
    });
    expect(await recordReport(db, 71, undefined, 1_010)).toMatchObject({ status: "degraded", lastSeenAtSec: 1_010 });
    expect(await recordReport(db, 71, health(true), 1_015)).toMatchObject({ status: "online" });
    expect(await recordReport(db, 404, undefined, 1_020)).toBeUndefined();
  });

  it("marks a node offline only once it has been silent for OFFLINE_AFTER_MS, and only once", async () => {
    const nowMs = 10_000_000;
    const silentSinceSec = (nowMs - OFFLINE_AFTER_MS) / 1000;
    await insertNode(72, "online", silentSinceSec + 1);
    expect(await markOfflineIfSilent(db, 72, nowMs)).toBeUndefined();
    expect(await markOfflineIfSilent(db, 72, nowMs + 1_000)).toMatchObject({ id: 72, status: "offline" });
    expect(await markOfflineIfSilent(db, 72, nowMs + 2_000)).toBeUndefined();
  });
});
