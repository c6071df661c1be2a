import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countStatements, createDb } from "../db/client";
import { createUser, ownerToken } from "../test/api";
import { ofKind } from "./detect-testing";
import { applyPushDirectly } from "../test/usage";
import { runHousekeeping } from "../usage/housekeeping";

const db = createDb(env.DB);
const NODE_ID = 990_101;
let seq = 0;

const push = (userId: number, bytes: number, nowSec = Math.floor(Date.now() / 1000)) =>
  applyPushDirectly(
    db,
    {
      nodeId: NODE_ID,
      seq: ++seq,
      fromSec: nowSec - 60,
      toSec: nowSec,
      deltas: [{ userId, upBytes: 0, downBytes: bytes }],
    },
    nowSec,
  );

const setPercents = (percents: unknown) =>
  env.DB.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('reminderUsagePercents', ?)`)
    .bind(JSON.stringify(percents))
    .run();

async function limitedUser(input: Record<string, unknown> = {}) {
  const user = await createUser(await ownerToken(), { dataLimit: 1000, ...input });
  return { id: Number(user.id), username: user.username };
}

const kinds = (result: Awaited<ReturnType<typeof push>>) => result.events.map((e) => e.kind);
const reminders = (result: Awaited<ReturnType<typeof push>>) =>
  ofKind(result.events, "user.quota_reached").map((e) => e.data);

describe("quota reminders in the usage push", () => {
  it("a user crossing 80 % is reminded once, not on the next push nor on a replayed one", async () => {
    await setPercents([80]);
    const user = await limitedUser();
    expect(reminders(await push(user.id, 500))).toEqual([]);
    const crossing = await push(user.id, 310);
    expect(reminders(crossing)).toEqual([{ username: user.username, percent: 80, usedBytes: 810, limitBytes: 1000 }]);
    expect(crossing.events.find((e) => e.kind === "user.quota_reached")).toMatchObject({ userId: user.id });
    expect(reminders(await push(user.id, 50))).toEqual([]);

    const now = Math.floor(Date.now() / 1000);
    const replay = await applyPushDirectly(
      db,
      { nodeId: NODE_ID, seq, fromSec: now - 60, toSec: now, deltas: [{ userId: user.id, upBytes: 0, downBytes: 5 }] },
      now,
    );
    expect(replay).toMatchObject({ applied: false, events: [] });
  });

  it("a second crossing in the same period stays quiet, and the next period reminds again", async () => {
    await setPercents([80]);
    const user = await limitedUser({ resetStrategy: "DAY" });
    expect(reminders(await push(user.id, 900))).toHaveLength(1);
    await env.DB.prepare("UPDATE users SET used_bytes = 0 WHERE id = ?").bind(user.id).run();
    expect(reminders(await push(user.id, 900))).toEqual([]);

    const nextDay = Math.floor(Date.now() / 1000) + 2 * 86_400;
    expect((await runHousekeeping(db, nextDay)).periodsReset).toContain(user.id);
    expect(reminders(await push(user.id, 900, nextDay))).toEqual([
      { username: user.username, percent: 80, usedBytes: 900, limitBytes: 1000 },
    ]);
  });

  it("a push crossing 80 % and 95 % at once raises both", async () => {
    await setPercents([80, 95]);
    const user = await limitedUser();
    expect(reminders(await push(user.id, 970)).map((r) => r.percent)).toEqual([80, 95]);
  });

  it("users without a limit, or already past a percent when it is turned on, get no reminder", async () => {
    await setPercents([80]);
    const unlimited = await limitedUser({ dataLimit: null });
    expect(reminders(await push(unlimited.id, 10_000_000))).toEqual([]);
    const user = await limitedUser();
    await push(user.id, 850);
    await setPercents([50, 80, 90]);
    expect(reminders(await push(user.id, 60)).map((r) => r.percent)).toEqual([90]);
  });

  it("a stored percents value that is not a list falls back to the default rather than failing pushes", async () => {
    await setPercents("eighty");
    const user = await limitedUser();
    const result = await push(user.id, 800);
    expect(result.applied).toBe(true);
    expect(reminders(result).map((r) => r.percent)).toEqual([80]);
  });
});

describe("first connections in the usage push", () => {
  it("a user's first counted traffic is news once, on-hold users included", async () => {
    const owner = await ownerToken();
    const plain = Number((await createUser(owner)).id);
    const onHold = Number((await createUser(owner, { status: "ON_HOLD", onHoldExpireDays: 10 })).id);
    const first = await applyPushDirectly(
      db,
      {
        nodeId: NODE_ID,
        seq: ++seq,
        fromSec: 0,
        toSec: 0,
        deltas: [
          { userId: plain, upBytes: 1, downBytes: 1 },
          { userId: onHold, upBytes: 1, downBytes: 1 },
        ],
      },
      Math.floor(Date.now() / 1000),
    );
    const firsts = ofKind(first.events, "user.first_connected");
    expect(firsts.map((e) => e.userId).sort()).toEqual([plain, onHold].sort());
    expect(firsts.every((e) => e.serverId === NODE_ID && e.data.serverId === NODE_ID)).toBe(true);
    expect(kinds(await push(plain, 5))).not.toContain("user.first_connected");
  });
});

describe("the cost of detection", () => {
  it("a rollup of 10,000 users stays one batch of fifteen statements, history and detection included", async () => {
    const counter = { statements: 0 };
    const counted = createDb(countStatements(env.DB, counter));
    const nowSec = Math.floor(Date.now() / 1000);
    const deltas = Array.from({ length: 10_000 }, (_, i) => ({ userId: 5_000_000 + i, upBytes: 1, downBytes: 1 }));
    const result = await applyPushDirectly(
      counted,
      { nodeId: NODE_ID, seq: ++seq, fromSec: nowSec, toSec: nowSec, deltas },
      nowSec,
    );
    expect(result.applied).toBe(true);
    // 9 of accounting (the last reads the users back for their shard), 4 of history
    // (analytics/push.ts), 2 of detection.
    expect(counter.statements).toBe(15);
  });
});
