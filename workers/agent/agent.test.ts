import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { configPayloadSchema, type ConfigEnvelope } from "./protocol/messages";
import { importPublicKey, verifyText } from "./protocol/signing";
import {
  countRows,
  createGroup,
  createInbound,
  createServer,
  createUser,
  gql,
  ok,
  ownerToken,
  unique,
} from "../test/api";
import { enrolledAgent } from "../test/agent";
import { batchAbortedWith } from "../errors/batch-abort";
import { USAGE_ROLLUP_REPLAYED } from "../usage/rollup";

async function world() {
  const owner = await ownerToken();
  const inbound = await createInbound(owner, { protocol: "VLESS" });
  const group = await createGroup(owner, { inboundIds: [inbound.id] });
  const server = await createServer(owner, { inboundIds: [inbound.id] });
  const agent = await enrolledAgent(owner, server.id);
  return { owner, inbound, group, server, agent };
}

async function readConfig(response: Response, panelPublicKey: string) {
  const envelope = (await response.json()) as ConfigEnvelope;
  expect(await verifyText(await importPublicKey(panelPublicKey), envelope.payload, envelope.signature)).toBe(true);
  return configPayloadSchema.parse(JSON.parse(envelope.payload));
}

describe("enrollment", () => {
  it("pins the panel key and refuses the same token twice", async () => {
    const owner = await ownerToken();
    const server = ok(
      await gql(
        `mutation { createServer(input: {name: "${unique("e")}", address: "10.0.0.1"}) { id } }`,
        {},
        { token: owner },
      ),
    ).createServer;
    const { createServerEnrollment } = ok(
      await gql(
        `mutation ($id: ID!) { createServerEnrollment(id: $id) { token command expiresAt } }`,
        { id: server.id },
        { token: owner },
      ),
    );
    // The whole line is workers/downloads' to test; here: it carries this token for this panel.
    expect(createServerEnrollment.command).toContain(
      `bash "$f" 'http://panel.test' '${createServerEnrollment.token}' `,
    );
    const enroll = () =>
      exports.default.fetch("http://panel.test/agent/v1/enroll", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token: createServerEnrollment.token, publicKey: "A".repeat(43) }),
      });
    const first = await enroll();
    expect(first.status).toBe(200);
    expect(((await first.json()) as { nodeId: number }).nodeId).toBe(Number(server.id));
    expect((await enroll()).status).toBe(401);
    const { server: enrolled } = ok(
      await gql(`query ($id: ID!) { server(id: $id) { status } }`, { id: server.id }, { token: owner }),
    );
    expect(enrolled.status).toBe("OFFLINE");
  });

  it("refuses unknown tokens and malformed keys", async () => {
    const bad = await exports.default.fetch("http://panel.test/agent/v1/enroll", {
      method: "POST",
      body: JSON.stringify({ token: "x".repeat(32), publicKey: "A".repeat(43) }),
    });
    expect(bad.status).toBe(401);
    const malformed = await exports.default.fetch("http://panel.test/agent/v1/enroll", {
      method: "POST",
      body: JSON.stringify({ token: "x".repeat(32), publicKey: "short" }),
    });
    expect(malformed.status).toBe(400);
  });
});

describe("signed agent requests", () => {
  it("serve a signed config naming this node with its inbounds and active users", async () => {
    const { owner, group, agent, inbound } = await world();
    const user = await createUser(owner, { groupIds: [group.id] });
    await createUser(owner, { groupIds: [group.id], status: "DISABLED" });
    const response = await agent.pullConfig();
    expect(response.status).toBe(200);
    const payload = await readConfig(response, agent.panelPublicKey);
    expect(payload.nodeId).toBe(agent.nodeId);
    expect(response.headers.get("etag")).toBe(`"${payload.version}"`);
    expect(payload.inbounds.map((i) => i.tag)).toEqual([inbound.tag]);
    expect(payload.users.map((u) => u.id)).toEqual([Number(user.id)]);
    expect(payload.users[0]).toMatchObject({ email: `u${user.id}`, inboundTags: [inbound.tag] });
    expect(payload.expiresAtSec).toBeGreaterThan(payload.issuedAtSec);
  });

  it("carry each user's overrides for this node's inbounds, and cost the same statements with them as without", async () => {
    const { owner, group, server, agent, inbound } = await world();
    const second = await createInbound(owner, { protocol: "VLESS" });
    const ss = await createInbound(owner, { protocol: "SHADOWSOCKS", protocolSettings: { method: "aes-256-gcm" } });
    const elsewhere = await createInbound(owner, { protocol: "TROJAN" });
    const inboundIds = [inbound.id, second.id, ss.id, elsewhere.id];
    ok(
      await gql(
        `mutation ($id: ID!, $input: UpdateGroupInput!) { updateGroup(id: $id, input: $input) { id } }`,
        { id: group.id, input: { inboundIds } },
        { token: owner },
      ),
    );
    ok(
      await gql(
        `mutation ($id: ID!, $input: UpdateServerInput!) { updateServer(id: $id, input: $input) { id } }`,
        { id: server.id, input: { inboundIds: inboundIds.slice(0, 3) } },
        { token: owner },
      ),
    );
    const plain = await createUser(owner, { groupIds: [group.id] });
    const statementsOf = (response: Response) => Number(response.headers.get("x-d1-statements"));
    const alone = statementsOf(await agent.pullConfig());
    expect(alone).toBeGreaterThan(0);

    const imported = [];
    for (let i = 0; i < 3; i++) imported.push(await createUser(owner, { groupIds: [group.id] }));
    const insert = env.DB.prepare(
      `INSERT INTO user_inbound_credentials (user_id, inbound_id, secret, flow, method) VALUES (?, ?, ?, ?, ?)`,
    );
    await env.DB.batch(
      imported.flatMap((user, i) => [
        insert.bind(Number(user.id), Number(second.id), `00000000-0000-4000-8000-00000000000${i}`, "", null),
        insert.bind(Number(user.id), Number(ss.id), null, null, "chacha20-ietf-poly1305"),
        // Not served by this node: stays out of its config.
        insert.bind(Number(user.id), Number(elsewhere.id), `trojan-${i}`, null, null),
        // All columns null: follows the user and the inbound, so nothing to send.
        insert.bind(Number(user.id), Number(inbound.id), null, null, null),
      ]),
    );
    const response = await agent.pullConfig();
    expect(statementsOf(response)).toBe(alone);
    const payload = await readConfig(response, agent.panelPublicKey);
    const byId = new Map(payload.users.map((u) => [String(u.id), u]));
    expect(byId.get(plain.id)).not.toHaveProperty("inboundOverrides");
    imported.forEach((user, i) => {
      expect(byId.get(user.id)!.inboundOverrides).toEqual({
        [second.tag]: { secret: `00000000-0000-4000-8000-00000000000${i}`, flow: "" },
        [ss.tag]: { method: "chacha20-ietf-poly1305" },
      });
    });
  });

  it("answer 304 when nothing changed, and wake a waiting pull as soon as something does", async () => {
    const { owner, group, agent } = await world();
    const first = await readConfig(await agent.pullConfig(), agent.panelPublicKey);
    expect((await agent.pullConfig(first.version)).status).toBe(304);
    const waiting = agent.pullConfig(first.version, 20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const user = await createUser(owner, { groupIds: [group.id] });
    const woken = await waiting;
    expect(woken.status).toBe(200);
    const next = await readConfig(woken, agent.panelPublicKey);
    expect(next.version).toBeGreaterThan(first.version);
    expect(next.users.map((u) => u.id)).toContain(Number(user.id));
  });

  it("refuse replays, stale timestamps, other nodes' ids and unsigned calls", async () => {
    const { agent } = await world();
    const other = await world();
    expect(
      (await agent.call("GET", "/agent/v1/config", undefined, {}, { nonce: "fixed-nonce-0123456789" })).status,
    ).toBe(200);
    expect(
      (await agent.call("GET", "/agent/v1/config", undefined, {}, { nonce: "fixed-nonce-0123456789" })).status,
    ).toBe(401);
    expect(
      (
        await agent.call(
          "GET",
          "/agent/v1/config",
          undefined,
          {},
          { timestampSec: Math.floor(Date.now() / 1000) - 600 },
        )
      ).status,
    ).toBe(401);
    // Signed with this agent's key but claiming to be the other node.
    expect((await agent.call("GET", "/agent/v1/config", undefined, {}, { nodeId: other.agent.nodeId })).status).toBe(
      401,
    );
    expect((await exports.default.fetch("http://panel.test/agent/v1/config")).status).toBe(401);
    const foreignPush = await agent.call("POST", "/agent/v1/usage", {
      nodeId: other.agent.nodeId,
      seq: 1,
      fromSec: 0,
      toSec: 1,
      deltas: [],
    });
    expect(foreignPush.status).toBe(403);
  });
});

describe("usage pushes", () => {
  it("count every byte exactly once, even when a push is replayed", async () => {
    const { owner, group, agent } = await world();
    const user = await createUser(owner, { groupIds: [group.id] });
    const id = Number(user.id);
    const first = await agent.push([{ userId: id, upBytes: 1000, downBytes: 5000 }], { seq: 1 });
    expect(await first.json()).toMatchObject({ ackSeq: 1, cut: [] });
    const replay = await agent.push([{ userId: id, upBytes: 1000, downBytes: 5000 }], { seq: 1 });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ ackSeq: 1 });
    await agent.push([{ userId: id, upBytes: 3_000_000_000, downBytes: 3_000_000_000 }], { seq: 2 });
    const { user: counted } = ok(
      await gql(`query ($id: ID!) { user(id: $id) { usedTraffic } }`, { id: user.id }, { token: owner }),
    );
    expect(counted.usedTraffic).toBe(6_000_006_000);
    const daily = await env.DB.prepare(`SELECT up_bytes, down_bytes FROM usage_daily WHERE user_id = ?`)
      .bind(id)
      .first();
    expect(daily).toEqual({ up_bytes: 3_000_001_000, down_bytes: 3_000_005_000 });
  });

  it("roll up as replays by the very text the migration's trigger raises", async () => {
    const trigger = env.TEST_MIGRATIONS.flatMap((m) => m.queries).find((q) => q.includes("usage_rollups_monotonic"));
    expect(trigger).toContain(`RAISE(ABORT, '${USAGE_ROLLUP_REPLAYED}')`);
    const rollup = () =>
      env.DB.prepare(`INSERT INTO usage_rollups (shard_id, seq, applied_at) VALUES (990001, 7, 0)`).run();
    await rollup();
    expect(batchAbortedWith(await rollup().catch((e: unknown) => e), USAGE_ROLLUP_REPLAYED)).toBe(true);
  });

  it("cut a user who crosses the limit, drop it from the config, and restore it when the limit is raised", async () => {
    const { owner, group, agent } = await world();
    const user = await createUser(owner, { groupIds: [group.id], dataLimit: 10_000 });
    const before = await readConfig(await agent.pullConfig(), agent.panelPublicKey);
    expect(before.users.map((u) => u.id)).toContain(Number(user.id));
    const reply = await (await agent.push([{ userId: Number(user.id), upBytes: 4000, downBytes: 6000 }])).json<{
      cut: number[];
      configVersion: number;
    }>();
    expect(reply.cut).toEqual([Number(user.id)]);
    expect(reply.configVersion).toBeGreaterThan(before.version);
    const after = await readConfig(await agent.pullConfig(before.version), agent.panelPublicKey);
    expect(after.users.map((u) => u.id)).not.toContain(Number(user.id));
    expect(
      ok(await gql(`query ($id: ID!) { user(id: $id) { status } }`, { id: user.id }, { token: owner })).user.status,
    ).toBe("LIMITED");

    ok(
      await gql(
        `mutation ($id: ID!) { updateUser(id: $id, input: {dataLimit: 50000}) { status } }`,
        { id: user.id },
        { token: owner },
      ),
    );
    const restored = await readConfig(await agent.pullConfig(after.version), agent.panelPublicKey);
    expect(restored.users.map((u) => u.id)).toContain(Number(user.id));
  });

  it("start an on-hold user's clock at first use", async () => {
    const { owner, group, agent } = await world();
    const user = await createUser(owner, { groupIds: [group.id], status: "ON_HOLD", onHoldExpireDays: 10 });
    const config = await readConfig(await agent.pullConfig(), agent.panelPublicKey);
    expect(config.users.map((u) => u.id)).toContain(Number(user.id));
    const reply = await (await agent.push([{ userId: Number(user.id), upBytes: 1, downBytes: 1 }])).json<{
      cut: number[];
    }>();
    expect(reply.cut).toEqual([]);
    const { user: started } = ok(
      await gql(`query ($id: ID!) { user(id: $id) { status expireAt } }`, { id: user.id }, { token: owner }),
    );
    expect(started.status).toBe("ACTIVE");
    expect(Date.parse(started.expireAt) - Date.now()).toBeGreaterThan(9.9 * 86_400_000);
  });

  it("mark the server online with what the agent reports", async () => {
    const { owner, server, agent } = await world();
    const health = {
      cpuPercent: 12.5,
      memUsedBytes: 5e9,
      memTotalBytes: 8e9,
      netRxBytes: 1,
      netTxBytes: 2,
      coreRunning: true,
      coreVersion: "v2ray 4.34.0",
      agentVersion: "0.1.0",
      uptimeSec: 60,
      appliedConfigVersion: 3,
    };
    await agent.push([], { health });
    const { server: seen } = ok(
      await gql(
        `query ($id: ID!) { server(id: $id) { status coreVersion agentVersion appliedConfigVersion lastSeenAt health { cpuPercent memTotalBytes coreRunning } } }`,
        { id: server.id },
        { token: owner },
      ),
    );
    expect(seen).toMatchObject({
      status: "ONLINE",
      coreVersion: "v2ray 4.34.0",
      appliedConfigVersion: 3,
      health: { cpuPercent: 12.5, memTotalBytes: 8e9, coreRunning: true },
    });
    await agent.push([], { health: { ...health, coreRunning: false } });
    expect(
      ok(await gql(`query ($id: ID!) { server(id: $id) { status } }`, { id: server.id }, { token: owner })).server
        .status,
    ).toBe("DEGRADED");
  });

  it("accept a push of 10,000 users' deltas, larger than the API's 256 KB body limit", async () => {
    const { owner, group, agent } = await world();
    const user = await createUser(owner, { groupIds: [group.id] });
    const deltas = Array.from({ length: 10_000 }, (_, i) => ({
      userId: 1_000_000 + i,
      upBytes: 123_456,
      downBytes: 654_321,
    }));
    deltas[4321] = { userId: Number(user.id), upBytes: 7, downBytes: 8 };
    const response = await agent.push(deltas);
    expect(response.status).toBe(200);
    expect(
      ok(await gql(`query ($id: ID!) { user(id: $id) { usedTraffic } }`, { id: user.id }, { token: owner })).user
        .usedTraffic,
    ).toBe(15);
  });

  it("refuse malformed pushes without counting anything", async () => {
    const { agent } = await world();
    const before = await countRows("usage_daily");
    const response = await agent.call("POST", "/agent/v1/usage", { nodeId: agent.nodeId, seq: 0, deltas: "lots" });
    expect(response.status).toBe(400);
    expect(await countRows("usage_daily")).toBe(before);
  });
});
