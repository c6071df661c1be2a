import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { UsagePush } from "../workers/agent/protocol/messages";
import { createDb } from "../workers/db/client";
import { enrolledAgent } from "../workers/test/agent";
import { createGroup, createInbound, createServer, createUser, ownerToken } from "../workers/test/api";
import { applyUsageRollup } from "../workers/usage/rollup";
import { partsOfPush, SHARD_USERS, shardOf, type UsageRollup } from "../workers/usage/shards";
import { HUB_NAME, TOPICS, tagOf, type UserTrafficPayload } from "../workers/live/topics";
import { LIVE_TRAFFIC_INTERVAL_MS, type ShardReply } from "./usage-shard";

const nowSec = () => Math.floor(Date.now() / 1000);
const shard = (shardId: number) => env.USAGE.getByName(String(shardId));

async function world() {
  const owner = await ownerToken();
  const inbound = await createInbound(owner, { protocol: "VLESS" });
  const group = await createGroup(owner, { inboundIds: [inbound.id] });
  const server = await createServer(owner, { inboundIds: [inbound.id] });
  const anotherNode = async () => enrolledAgent(owner, (await createServer(owner, { inboundIds: [inbound.id] })).id);
  return { owner, group, server, agent: () => enrolledAgent(owner, server.id), anotherNode };
}

/** A user whose id falls in the shard after the one the previous users are in. */
async function userInNextShard(owner: string, input: Record<string, unknown>) {
  const { max } = (await env.DB.prepare(`SELECT coalesce(max(id), 0) AS max FROM users`).first<{ max: number }>())!;
  const next = (shardOf(max) + 1) * SHARD_USERS;
  await env.DB.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'users'`)
    .bind(next - 1)
    .run();
  const user = await createUser(owner, input);
  expect(shardOf(Number(user.id))).toBe(shardOf(next));
  return Number(user.id);
}

const used = async (id: number) =>
  (await env.DB.prepare(`SELECT used_bytes AS used FROM users WHERE id = ?`).bind(id).first<{ used: number }>())!.used;

let seq = 0;
const pushOf = (nodeId: number, deltas: [number, number][], at = nowSec()): UsagePush => ({
  nodeId,
  seq: ++seq,
  fromSec: at - 5,
  toSec: at,
  deltas: deltas.map(([userId, bytes]) => ({ userId, upBytes: 0, downBytes: bytes })),
});

/** What the live hub sends subscribers of `tag`, as it arrives, until `close`. */
async function hubListener(tag: string) {
  const response = await env.HUB.getByName(HUB_NAME).fetch(`https://hub/?tag=${encodeURIComponent(tag)}`, {
    headers: { upgrade: "websocket" },
  });
  const ws = response.webSocket!;
  ws.accept();
  const messages: UserTrafficPayload[][] = [];
  ws.addEventListener("message", (event) => messages.push(JSON.parse(String(event.data))));
  return { messages, close: () => ws.close() };
}

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
};

/** Hands a push's part for one shard straight to that shard, as the push route does. */
async function applyTo(shardId: number, push: UsagePush, rollupAfterSec: number) {
  const part = partsOfPush(push, nowSec()).find((p) => p.shardId === shardId)!;
  return (await shard(shardId).apply(part, rollupAfterSec)) as unknown as ShardReply;
}

describe("usage shards", () => {
  it("count a push resent after one of its shards failed exactly once", async () => {
    const { owner, group, agent } = await world();
    const node = await agent();
    const near = Number((await createUser(owner, { groupIds: [group.id] })).id);
    const far = await userInNextShard(owner, { groupIds: [group.id] });
    const push = pushOf(node.nodeId, [
      [near, 1000],
      [far, 7000],
    ]);
    // The first attempt reached the near user's shard only; the agent resends the same seq and bytes.
    expect((await applyTo(shardOf(near), push, 0)).applied).toBe(true);
    const resent = await node.push(push.deltas, { seq: push.seq, toSec: push.toSec });
    expect(resent.status).toBe(200);
    expect(await resent.json()).toMatchObject({ ackSeq: push.seq });
    expect([await used(near), await used(far)]).toEqual([1000, 7000]);
    // And once more, whole: every shard has it.
    await node.push(push.deltas, { seq: push.seq, toSec: push.toSec });
    expect([await used(near), await used(far)]).toEqual([1000, 7000]);
  });

  it("sum concurrent pushes from many nodes for the same users exactly, resends included", async () => {
    const { owner, group, anotherNode } = await world();
    const nodes = await Promise.all(Array.from({ length: 6 }, () => anotherNode()));
    const users = [
      Number((await createUser(owner, { groupIds: [group.id] })).id),
      Number((await createUser(owner, { groupIds: [group.id] })).id),
      await userInNextShard(owner, { groupIds: [group.id] }),
    ];
    const expected = new Map(users.map((id) => [id, 0]));
    const pushes = nodes.flatMap((node, n) =>
      Array.from({ length: 4 }, (_, k) => {
        const deltas = users.map((userId, u) => ({ userId, upBytes: n + 1, downBytes: 1000 * (k + 1) + u }));
        for (const d of deltas) expected.set(d.userId, expected.get(d.userId)! + d.upBytes + d.downBytes);
        return { node, seq: k + 1, deltas };
      }),
    );
    // Each node's pushes in order (the agent sends the next only after the last is acknowledged),
    // every node at once, and every push sent twice.
    await Promise.all(
      nodes.map(async (node) => {
        for (const push of pushes.filter((p) => p.node === node)) {
          const [first, again] = await Promise.all([
            node.push(push.deltas, { seq: push.seq }),
            node.push(push.deltas, { seq: push.seq }),
          ]);
          expect([first.status, again.status]).toEqual([200, 200]);
        }
      }),
    );
    for (const id of users) expect(await used(id)).toBe(expected.get(id));
    const daily = await env.DB.prepare(
      `SELECT sum(up_bytes + down_bytes) AS bytes FROM usage_daily WHERE user_id IN (?, ?, ?)`,
    )
      .bind(...users)
      .first<{ bytes: number }>();
    expect(daily!.bytes).toBe([...expected.values()].reduce((a, b) => a + b));
    const totals = await env.DB.prepare(
      `SELECT sum(down_bytes + up_bytes) AS bytes, sum(pushes) AS pushes FROM traffic_totals WHERE tag = '' AND node_id IN (SELECT value FROM json_each(?))`,
    )
      .bind(JSON.stringify(nodes.map((n) => n.nodeId)))
      .first<{ bytes: number; pushes: number }>();
    expect(totals).toEqual({ bytes: [...expected.values()].reduce((a, b) => a + b), pushes: pushes.length });
  }, 60_000);

  it("keep pushes out of D1 until the rollup, then write exactly their sum", async () => {
    const { owner, group, server } = await world();
    const id = Number((await createUser(owner, { groupIds: [group.id] })).id);
    const neighbour = Number((await createUser(owner, { groupIds: [group.id] })).id);
    const nodeId = Number(server.id);
    // A user the shard does not know yet is rolled up at once, so the shard learns its limits.
    await applyTo(shardOf(id), pushOf(nodeId, [[id, 500]]), 3600);
    expect(await used(id)).toBe(500);
    for (const bytes of [100, 200, 300]) await applyTo(shardOf(id), pushOf(nodeId, [[id, bytes]]), 3600);
    expect(await used(id)).toBe(500);
    // That rollup taught the shard every user of its range, so a neighbour's first bytes wait too.
    await applyTo(
      shardOf(id),
      pushOf(nodeId, [
        [id, 1],
        [neighbour, 70],
      ]),
      3600,
    );
    expect(await used(neighbour)).toBe(0);
    expect(await runDurableObjectAlarm(shard(shardOf(id)))).toBe(true);
    expect([await used(id), await used(neighbour)]).toEqual([1101, 70]);
    const hourly = await env.DB.prepare(`SELECT sum(down_bytes) AS bytes FROM usage_hourly WHERE user_id = ?`)
      .bind(id)
      .first<{ bytes: number }>();
    expect(hourly!.bytes).toBe(1101);
  });

  it("cut at once a user whose pushes reach the limit between rollups", async () => {
    const { owner, group, server } = await world();
    const id = Number((await createUser(owner, { groupIds: [group.id], dataLimit: 10_000 })).id);
    const nodeId = Number(server.id);
    const live = await hubListener(tagOf(TOPICS.userTraffic, id));
    expect((await applyTo(shardOf(id), pushOf(nodeId, [[id, 6000]]), 3600)).cut).toEqual([]);
    const below = await applyTo(shardOf(id), pushOf(nodeId, [[id, 3000]]), 3600);
    expect(below.cut).toEqual([]);
    // Live views see the bytes D1 will have after the next rollup.
    await until(() => live.messages.flat().reduce((sum, t) => sum + t.download, 0) === 9000);
    expect(live.messages.flat().at(-1)).toMatchObject({ userId: String(id), usedTraffic: 9000 });
    live.close();
    expect(await used(id)).toBe(6000);
    const over = await applyTo(shardOf(id), pushOf(nodeId, [[id, 2000]]), 3600);
    expect(over.cut).toEqual([id]);
    expect(over.events.map((e) => e.kind)).toContain("user.limited");
    const row = await env.DB.prepare(`SELECT used_bytes AS used, status FROM users WHERE id = ?`).bind(id).first();
    expect(row).toEqual({ used: 11_000, status: "limited" });
  });

  it("send the hub a shard's traffic at most once an interval, summed, whatever the number of pushes", async () => {
    const { owner, group, anotherNode } = await world();
    const [a, b] = [
      await createUser(owner, { groupIds: [group.id] }),
      await createUser(owner, { groupIds: [group.id] }),
    ];
    const ids = [Number(a.id), Number(b.id)];
    expect(shardOf(ids[1]!)).toBe(shardOf(ids[0]!));
    const listeners = await Promise.all(ids.map((id) => hubListener(tagOf(TOPICS.userTraffic, id))));
    const nodes = await Promise.all([anotherNode(), anotherNode(), anotherNode()]);
    const startedAt = Date.now();
    const rounds = 4;
    for (let round = 0; round < rounds; round++)
      await Promise.all(
        nodes.map((node) =>
          applyTo(
            shardOf(ids[0]!),
            pushOf(
              node.nodeId,
              ids.map((id) => [id, 100]),
            ),
            3600,
          ),
        ),
      );
    const elapsedMs = Date.now() - startedAt;
    const pushes = rounds * nodes.length;
    await until(() =>
      listeners.every((l) => l.messages.flat().reduce((sum, t) => sum + t.download, 0) === pushes * 100),
    );
    for (const [i, listener] of listeners.entries()) {
      // The first push goes out at once; the rest of each interval in one message at its end.
      expect(listener.messages.length).toBeLessThanOrEqual(2 + Math.floor(elapsedMs / LIVE_TRAFFIC_INTERVAL_MS));
      expect(listener.messages.length).toBeLessThan(pushes);
      expect(listener.messages.flat().at(-1)).toMatchObject({ userId: String(ids[i]), usedTraffic: pushes * 100 });
      listener.close();
    }
  });

  it("resend a rollup D1 refused, and count once a rollup whose answer was lost", async () => {
    const { owner, group, server } = await world();
    const id = Number((await createUser(owner, { groupIds: [group.id] })).id);
    const nodeId = Number(server.id);
    const stub = shard(shardOf(id));
    await env.DB.exec(
      `CREATE TRIGGER refuse_rollups BEFORE INSERT ON usage_rollups BEGIN SELECT RAISE(ABORT, 'D1 is unavailable'); END`,
    );
    // The push stands (the shard recorded it) although D1 refused its rollup.
    expect((await applyTo(shardOf(id), pushOf(nodeId, [[id, 4000]]), 0)).applied).toBe(true);
    expect(await used(id)).toBe(0);
    // D1 then takes the rollup, but its answer never reaches the shard.
    const inFlight = await runInDurableObject(stub, (_, state) =>
      state.storage.sql.exec<{ body: string }>(`SELECT body FROM in_flight`).one(),
    );
    await env.DB.exec(`DROP TRIGGER refuse_rollups`);
    await applyUsageRollup(createDb(env.DB), JSON.parse(inFlight.body) as UsageRollup, nowSec());
    expect(await used(id)).toBe(4000);
    // The shard resends the same rollup: D1 refuses it as seen, and the shard moves on.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await used(id)).toBe(4000);
    await applyTo(shardOf(id), pushOf(nodeId, [[id, 1]]), 0);
    expect(await used(id)).toBe(4001);
  });

  it("send a backlog as several bounded rollups, every byte once", async () => {
    const { owner, group, server } = await world();
    const ids = [
      Number((await createUser(owner, { groupIds: [group.id] })).id),
      Number((await createUser(owner, { groupIds: [group.id] })).id),
    ];
    const nodeId = Number(server.id);
    const stub = shard(shardOf(ids[0]!));
    await applyTo(shardOf(ids[0]!), pushOf(nodeId, [[ids[0]!, 1]]), 3600);
    await runInDurableObject(stub, (instance) => {
      (instance as unknown as { maxRollupDeltas: number }).maxRollupDeltas = 3;
    });
    for (let round = 1; round <= 5; round++)
      await applyTo(
        shardOf(ids[0]!),
        pushOf(nodeId, [
          [ids[0]!, 10 * round],
          [ids[1]!, round],
        ]),
        3600,
      );
    const held = () =>
      runInDurableObject(stub, (_, state) => ({
        parts: state.storage.sql.exec(`SELECT count(*) AS n FROM parts`).one().n,
        inFlight: state.storage.sql
          .exec<{ body: string }>(`SELECT body FROM in_flight`)
          .toArray()
          .map((row) => (JSON.parse(row.body) as UsageRollup).users.length),
      }));
    // With D1 refusing, the shard seals one bounded rollup (the first part: two deltas; the
    // second would pass three) and keeps the other four parts back.
    await env.DB.exec(
      `CREATE TRIGGER refuse_backlog BEFORE INSERT ON usage_rollups BEGIN SELECT RAISE(ABORT, 'D1 is unavailable'); END`,
    );
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await held()).toEqual({ parts: 4, inFlight: [2] });
    await env.DB.exec(`DROP TRIGGER refuse_backlog`);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await held()).toEqual({ parts: 0, inFlight: [] });
    expect([await used(ids[0]!), await used(ids[1]!)]).toEqual([151, 15]);
  });
});
