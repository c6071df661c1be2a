import { describe, expect, it } from "vitest";
import { type ImportApi, type ImportProgress, runImport } from "./driver";
import type { ImportUserInput, PeerExport } from "./model";
import { USERS_PER_BATCH } from "./model";

const user = (n: number): ImportUserInput => ({
  key: `peer-${n}`,
  username: `user${n}`,
  enabled: true,
  onHold: false,
  peerStatus: "ACTIVE",
  usedTraffic: 0,
  resetStrategy: "NONE",
  credentials: { vlessId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}` },
  access: [],
});

const peerExport = (users: number): PeerExport => ({
  header: {
    source: { kind: "THREE_X_UI", instance: "old.example" },
    inbounds: [],
    nodes: [],
    admins: [],
    unmapped: [],
  },
  users: Array.from({ length: users }, (_, n) => user(n)),
});

class Unreachable extends Error {}

/** A panel that records every call and fails the next `failures` importUsers calls with `failure`. */
function recordingApi(failures = 0, failure: Error = new Unreachable("connection reset")) {
  const calls: string[] = [];
  const batches: ImportUserInput[][] = [];
  let failing = failures;
  const api: ImportApi<{ runId: string }> = {
    async beginImport(input) {
      calls.push(`begin dryRun=${input.dryRun} total=${input.totalUsers} instance=${input.source.instance}`);
      return { id: "run-1" };
    },
    async importUsers(runId, users) {
      calls.push(`users ${runId} ${users.length}`);
      if (failing-- > 0) throw failure;
      batches.push(users);
    },
    async finishImport(runId) {
      calls.push(`finish ${runId}`);
      return { runId };
    },
    isTransient: (error) => error instanceof Unreachable,
  };
  return { api, calls, batches };
}

describe("runImport", () => {
  it("begins with the header and the user count, sends the users in batches of 1,000 in order, then finishes", async () => {
    const { api, calls, batches } = recordingApi();
    const report = await runImport(api, peerExport(2_500), { dryRun: true });
    expect(calls).toEqual([
      "begin dryRun=true total=2500 instance=old.example",
      "users run-1 1000",
      "users run-1 1000",
      "users run-1 500",
      "finish run-1",
    ]);
    expect(batches.flat().map((u) => u.key)).toEqual(peerExport(2_500).users.map((u) => u.key));
    expect(report).toEqual({ runId: "run-1" });
    expect(USERS_PER_BATCH).toBe(1000);
  });

  it("reports progress from zero to every user, once per batch", async () => {
    const { api } = recordingApi();
    const progress: ImportProgress[] = [];
    await runImport(api, peerExport(1_001), { dryRun: false, onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { processedUsers: 0, totalUsers: 1001 },
      { processedUsers: 1000, totalUsers: 1001 },
      { processedUsers: 1001, totalUsers: 1001 },
    ]);
  });

  it("begins and finishes a run with no users at all, so a peer with only inbounds still imports", async () => {
    const { api, calls } = recordingApi();
    await runImport(api, peerExport(0), { dryRun: false });
    expect(calls).toEqual(["begin dryRun=false total=0 instance=old.example", "finish run-1"]);
  });

  it("sends a batch again after a transient failure and goes on", async () => {
    const { api, calls, batches } = recordingApi(2);
    await runImport(api, peerExport(1_200), { dryRun: false, retryDelayMs: 0 });
    expect(calls.filter((c) => c.startsWith("users"))).toEqual([
      "users run-1 1000",
      "users run-1 1000",
      "users run-1 1000",
      "users run-1 200",
    ]);
    expect(batches.map((b) => b.length)).toEqual([1000, 200]);
    expect(calls.at(-1)).toBe("finish run-1");
  });

  it("gives up after the batch failed on every attempt, without finishing the run", async () => {
    const { api, calls } = recordingApi(10);
    await expect(
      runImport(api, peerExport(10), { dryRun: false, retryDelayMs: 0, attemptsPerBatch: 3 }),
    ).rejects.toThrow("connection reset");
    expect(calls.filter((c) => c.startsWith("users"))).toHaveLength(3);
    expect(calls).not.toContain("finish run-1");
  });

  it("does not resend a batch the panel refused: the same input would be refused again", async () => {
    const { api, calls } = recordingApi(1, new Error("BAD_USER_INPUT: users.0.credentials.vlessId is not a UUID"));
    await expect(runImport(api, peerExport(10), { dryRun: false, retryDelayMs: 0 })).rejects.toThrow("not a UUID");
    expect(calls.filter((c) => c.startsWith("users"))).toHaveLength(1);
  });
});
