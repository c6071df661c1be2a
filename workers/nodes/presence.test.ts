import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Health } from "../agent/protocol/messages";
import { createDb, type NodeBump } from "../db/client";
import type { PanelEvent } from "../events/catalogue";
import { markOfflineIfSilent, OFFLINE_AFTER_MS, recordReport } from "./presence";

const db = createDb(env.DB);

async function insertNode(id: number, status: string, lastSeenAtSec: number | null) {
  await env.DB.prepare(`INSERT INTO nodes (id, name, address, status, last_seen_at) VALUES (?, ?, '127.0.0.1', ?, ?)`)
    .bind(id, `presence-${id}`, status, lastSeenAtSec)
    .run();
}

const health = (coreRunning: boolean, appliedConfigVersion = 1) => ({
  cpuPercent: 1,
  memUsedBytes: 1,
  memTotalBytes: 2,
  netRxBytes: 0,
  netTxBytes: 0,
  coreRunning,
  coreVersion: "4.34.0",
  agentVersion: "test",
  uptimeSec: 5,
  appliedConfigVersion,
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

  it("moves a node's config version past the one its agent applied when the panel was restored from an older backup, and wakes it", async () => {
    const woken: NodeBump[] = [];
    const waking = createDb(env.DB, async (bumps) => {
      woken.push(...bumps);
    });
    await insertNode(73, "online", 1_000);
    await env.DB.prepare(`UPDATE nodes SET config_version = 4 WHERE id = 73`).run();

    expect(await recordReport(waking, 73, health(true, 9), 1_005)).toMatchObject({
      configVersion: 10,
      appliedConfigVersion: 9,
    });
    expect(woken).toEqual([{ nodeId: 73, version: 10 }]);

    // Once the agent applies what it was handed, or lags behind it, the version stays put.
    expect(await recordReport(waking, 73, health(true, 10), 1_010)).toMatchObject({ configVersion: 10 });
    expect(await recordReport(waking, 73, health(true, 3), 1_015)).toMatchObject({ configVersion: 10 });
    expect(woken).toHaveLength(1);
  });

  it("hands a node whose agent runs a version from before the restore a newer one on its first report since, once", async () => {
    const woken: NodeBump[] = [];
    const waking = createDb(env.DB, async (bumps) => {
      woken.push(...bumps);
    });
    // The restored row: last seen at backup time, version 7, which the agent also ran on the lost
    // panel after the backup, with other content.
    await insertNode(74, "online", 5_000);
    await env.DB.prepare(`UPDATE nodes SET config_version = 7, applied_config_version = 6 WHERE id = 74`).run();
    await env.DB.prepare(
      `INSERT INTO restores (id, backup_id, status, started_at, finished_at) VALUES ('presence-restore', 'b', 'complete', 6000, 6010)`,
    ).run();

    expect(await recordReport(waking, 74, health(true, 7), 6_020)).toMatchObject({ configVersion: 8 });
    expect(woken).toEqual([{ nodeId: 74, version: 8 }]);
    // Its next report (still on 7, or on 8) is not the first since the restore.
    expect(await recordReport(waking, 74, health(true, 7), 6_025)).toMatchObject({ configVersion: 8 });
    expect(await recordReport(waking, 74, health(true, 8), 6_030)).toMatchObject({ configVersion: 8 });
    expect(woken).toHaveLength(1);
  });
});

describe("node report news", () => {
  const reportWith = (agentVersion: string, configOutcomes: Health["configOutcomes"] = []) => ({
    ...health(true),
    agentVersion,
    configOutcomes,
  });

  async function report(nodeId: number, reported: Health) {
    const heard: PanelEvent[] = [];
    await recordReport(db, nodeId, reported, 2_000, (news) => heard.push(...news));
    return heard;
  }

  it("a failed config is news once per version, however often the agent resends it", async () => {
    await insertNode(76, "online", 1_000);
    await env.DB.batch(
      [1, 2].map((version) =>
        env.DB.prepare(
          `INSERT INTO node_config_history (node_id, version, issued_at, sha256, size_bytes, object_key, summary)
           VALUES (76, ?, 1000, 'x', 1, ?, '{}')`,
        ).bind(version, `configs/76/${version}`),
      ),
    );
    const failed = { version: 1, outcome: "rejected" as const, error: "bad uuid", atSec: 1_500 };
    const applied = { version: 2, outcome: "applied" as const, atSec: 1_600 };
    const first = await report(76, reportWith("1.0.0", [failed, applied]));
    expect(first).toEqual([
      expect.objectContaining({
        kind: "server.config_failed",
        serverId: 76,
        data: { name: "presence-76", version: 1, outcome: "rejected", error: "bad uuid" },
      }),
    ]);
    expect(await report(76, reportWith("1.0.0", [failed, applied]))).toEqual([]);
    // A version the panel never issued (outside its history) is no news either.
    expect(await report(76, reportWith("1.0.0", [{ ...failed, version: 9 }]))).toEqual([]);
  });

  it("a new agent release is news from the old to the new; the first report is an install, not an update", async () => {
    await insertNode(77, "online", 1_000);
    expect(await report(77, reportWith("1.0.0"))).toEqual([]);
    expect(await report(77, reportWith("1.0.0"))).toEqual([]);
    expect(await report(77, reportWith("1.1.0"))).toEqual([
      expect.objectContaining({
        kind: "server.agent_updated",
        data: { name: "presence-77", from: "1.0.0", to: "1.1.0" },
      }),
    ]);
  });
});
