import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { configPayloadSchema, type ConfigEnvelope, type ConfigOutcomeReport } from "../agent/protocol/messages";
import { createDb, runBatch } from "../db/client";
import { enrolledAgent } from "../test/agent";
import {
  adminAs,
  auditRowsSince,
  createGroup,
  createInbound,
  createServer,
  createUser,
  errorCode,
  gql,
  lastAuditId,
  ok,
  ownerToken,
} from "../test/api";
import { REDACTED, redactPayload } from "./diff";
import { configOutcomeStatements, OUTCOME_ERROR_MAX_CHARS } from "./outcomes";
import { CONFIG_HISTORY_RETENTION, pruneConfigHistory } from "./retention";
import { configObjectKey } from "./store";

const db = createDb(env.DB);
const isoAt = (sec: number) => new Date(sec * 1000).toISOString();

/** A node serving one VLESS inbound to a group, its enrolled agent, and users in that group. */
async function world(userCount = 2) {
  const owner = await ownerToken();
  const inbound = await createInbound(owner, { protocol: "VLESS" });
  const group = await createGroup(owner, { inboundIds: [inbound.id] });
  const server = await createServer(owner, { inboundIds: [inbound.id] });
  const agent = await enrolledAgent(owner, server.id);
  const users = [];
  for (let i = 0; i < userCount; i++) users.push(await createUser(owner, { groupIds: [group.id] }));
  return { owner, inbound, group, server, agent, users, nodeId: Number(server.id) };
}

async function pullPayload(agent: Awaited<ReturnType<typeof enrolledAgent>>) {
  const response = await agent.pullConfig();
  expect(response.status).toBe(200);
  const envelope = (await response.json()) as ConfigEnvelope;
  return configPayloadSchema.parse(JSON.parse(envelope.payload));
}

/** The history row of (node, version), once the issue path's waitUntil has written it. */
async function historyRow(nodeId: number, version: number) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const row = await env.DB.prepare(`SELECT * FROM node_config_history WHERE node_id = ? AND version = ?`)
      .bind(nodeId, version)
      .first<Record<string, any>>();
    if (row && (await env.BUCKET.head(row.object_key as string))) return row;
    await scheduler.wait(10);
  }
  throw new Error(`version ${version} of node ${nodeId} was never recorded`);
}

const HISTORY = /* GraphQL */ `
  query ($id: ID!) {
    server(id: $id) {
      configPinnedTo
      configHistory {
        version
        sizeBytes
        sha256
        inbounds
        users
        operations
        rollbackOf
        outcome
        outcomeAt
        error
        kept
      }
    }
  }
`;

async function history(token: string, serverId: string) {
  return ok(await gql(HISTORY, { id: serverId }, { token })).server;
}

describe("recording issued configs", () => {
  it("keeps each issued version once, gzipped in R2, with its size, hash and summary", async () => {
    const { owner, server, agent, nodeId } = await world(3);
    const payload = await pullPayload(agent);
    const row = await historyRow(nodeId, payload.version);
    const object = await env.BUCKET.get(configObjectKey(nodeId, payload.version));
    const envelope = JSON.parse(
      await new Response(object!.body.pipeThrough(new DecompressionStream("gzip"))).text(),
    ) as ConfigEnvelope;
    expect(configPayloadSchema.parse(JSON.parse(envelope.payload))).toEqual(payload);
    expect(object!.size).toBeLessThan(row.size_bytes);

    // An agent that restarts pulls the same version again: nothing new is written.
    await pullPayload(agent);
    const again = await env.BUCKET.head(configObjectKey(nodeId, payload.version));
    expect(again!.uploaded.getTime()).toBe(object!.uploaded.getTime());

    const [entry] = (await history(owner, server.id)).configHistory;
    expect(entry).toMatchObject({
      version: payload.version,
      sizeBytes: new TextEncoder().encode(envelope.payload).byteLength,
      inbounds: 1,
      users: 3,
      operations: 0,
      rollbackOf: null,
      outcome: "ISSUED",
      kept: true,
    });
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await history(owner, server.id)).configHistory).toHaveLength(1);
  });
});

describe("config outcomes from the agent", () => {
  it("are recorded by one statement whatever their number, and a resend moves nothing", async () => {
    const owner = await ownerToken();
    const inbound = await createInbound(owner);
    const group = await createGroup(owner, { inboundIds: [inbound.id] });
    const server = await createServer(owner, { inboundIds: [inbound.id] });
    const agent = await enrolledAgent(owner, server.id);
    const nodeId = Number(server.id);
    const first = (await pullPayload(agent)).version;
    await createUser(owner, { groupIds: [group.id] });
    const second = (await pullPayload(agent)).version;
    await createUser(owner, { groupIds: [group.id] });
    const third = (await pullPayload(agent)).version;
    await Promise.all([first, second, third].map((v) => historyRow(nodeId, v)));

    const reports: ConfigOutcomeReport[] = [
      { version: first, outcome: "applied", atSec: 100 },
      { version: second, outcome: "rolledBack", error: "x".repeat(4000), atSec: 101 },
      { version: third, outcome: "failed", error: "invalid UUID", atSec: 102 },
      // A version this node was never issued changes nothing.
      { version: third + 50, outcome: "applied", atSec: 103 },
    ];
    const statements = configOutcomeStatements(db, nodeId, reports, 200);
    expect(statements).toHaveLength(1);
    const [applied] = (await runBatch(db, statements)) as D1Result[];
    expect(applied!.meta.changes).toBe(3);
    const [resent] = (await runBatch(db, configOutcomeStatements(db, nodeId, reports, 201))) as D1Result[];
    expect(resent!.meta.changes).toBe(0);

    type Entry = { version: number; error: string | null };
    const entries: Entry[] = (await history(owner, server.id)).configHistory;
    const byVersion = new Map(entries.map((v) => [v.version, v]));
    expect(byVersion.get(first)).toMatchObject({ outcome: "APPLIED", outcomeAt: isoAt(100), error: null });
    expect(byVersion.get(second)).toMatchObject({ outcome: "ROLLED_BACK", outcomeAt: isoAt(101) });
    expect(byVersion.get(second)!.error).toHaveLength(OUTCOME_ERROR_MAX_CHARS);
    expect(byVersion.get(third)).toMatchObject({ outcome: "FAILED", error: "invalid UUID" });
  });

  it("arrive with the agent's health push", async () => {
    const { owner, server, agent, nodeId } = await world(1);
    const { version } = await pullPayload(agent);
    await historyRow(nodeId, version);
    const health = {
      cpuPercent: 1,
      memUsedBytes: 1,
      memTotalBytes: 2,
      netRxBytes: 0,
      netTxBytes: 0,
      coreRunning: true,
      coreVersion: "test",
      agentVersion: "test",
      uptimeSec: 1,
      appliedConfigVersion: version,
      protocol: 2,
      configOutcomes: [{ version, outcome: "rejected" as const, error: "expired: expired at 1", atSec: 1234 }],
    };
    expect((await agent.push([], { health })).status).toBe(200);
    const [entry] = (await history(owner, server.id)).configHistory;
    expect(entry).toMatchObject({
      version,
      outcome: "REJECTED",
      error: "expired: expired at 1",
      outcomeAt: isoAt(1234),
    });
  });
});

describe("retention", () => {
  it("keeps the last 50 versions and the last 30 days, spares the pinned version, and deletes objects with rows", async () => {
    const owner = await ownerToken();
    const server = await createServer(owner);
    const nodeId = Number(server.id);
    const nowSec = 2_000_000_000;
    const old = nowSec - 40 * 86_400;
    // 70 versions: 1..60 issued 40 days ago, 61..70 today.
    const versions = Array.from({ length: 70 }, (_, i) => i + 1);
    await env.DB.batch(
      versions.map((version) =>
        env.DB.prepare(
          `INSERT INTO node_config_history (node_id, version, issued_at, sha256, size_bytes, object_key, summary)
           VALUES (?, ?, ?, 'x', 1, ?, '{}')`,
        ).bind(nodeId, version, version <= 60 ? old : nowSec, configObjectKey(nodeId, version)),
      ),
    );
    await Promise.all(versions.map((v) => env.BUCKET.put(configObjectKey(nodeId, v), "x")));
    await env.DB.prepare(`UPDATE nodes SET config_pin_version = 3 WHERE id = ?`).bind(nodeId).run();

    // Kept: 21..70 (the last 50) and 3 (pinned); 1, 2 and 4..20 (19 versions) are old and beyond the last 50.
    // Bounded per run: 10, then the 9 left, oldest first.
    expect(await pruneConfigHistory(db, env.BUCKET, nowSec, 10)).toBe(10);
    expect(await pruneConfigHistory(db, env.BUCKET, nowSec, 10)).toBe(9);
    const kept = await env.DB.prepare(`SELECT version FROM node_config_history WHERE node_id = ? ORDER BY version`)
      .bind(nodeId)
      .all<{ version: number }>();
    expect(kept.results.map((r) => r.version)).toEqual([3, ...versions.slice(20)]);
    expect(await env.BUCKET.head(configObjectKey(nodeId, 4))).toBeNull();
    expect(await env.BUCKET.head(configObjectKey(nodeId, 3))).not.toBeNull();
    expect(await env.BUCKET.head(configObjectKey(nodeId, 21))).not.toBeNull();
    expect(await pruneConfigHistory(db, env.BUCKET, nowSec)).toBe(0);
    expect(CONFIG_HISTORY_RETENTION.KEEP_VERSIONS).toBe(50);
  });
});

const DIFF = /* GraphQL */ `
  query ($id: ID!, $from: Int!, $to: Int!) {
    serverConfigDiff(serverId: $id, from: $from, to: $to) {
      from
      to
      inboundsAdded
      inboundsRemoved
      inboundsChanged { tag fields }
      routingChanged
      usersAddedCount
      usersRemovedCount
      usersChangedCount
      usersAdded { id username }
      usersRemoved { id username }
      usersFrom
      usersTo
    }
  }
`;

describe("diff and reading a kept config", () => {
  it("compares two versions by inbound, routing and user, and shows a config with no secret in it", async () => {
    const { owner, server, agent, nodeId, users, inbound, group } = await world(2);
    const before = await pullPayload(agent);
    const added = await createUser(owner, { groupIds: [group.id] });
    await gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id: users[0]!.id }, { token: owner });
    await gql(
      `mutation ($id: ID!) { rotateUserCredentials(userId: $id) { id } }`,
      { id: users[1]!.id },
      { token: owner },
    );
    const second = await createInbound(owner, { protocol: "VMESS" });
    ok(
      await gql(
        `mutation ($id: ID!, $input: UpdateInboundInput!) { updateInbound(id: $id, input: $input) { id } }`,
        { id: inbound.id, input: { port: 45_001 } },
        { token: owner },
      ),
    );
    ok(
      await gql(
        `mutation ($id: ID!, $input: UpdateServerInput!) { updateServer(id: $id, input: $input) { id } }`,
        { id: server.id, input: { inboundIds: [inbound.id, second.id] } },
        { token: owner },
      ),
    );
    ok(
      await gql(
        `mutation ($input: RoutingPolicyInput!) { updateRoutingPolicy(input: $input) { defaultOutbound } }`,
        { input: { blockedDomains: ["domain:example.com"] } },
        { token: owner },
      ),
    );
    const after = await pullPayload(agent);
    await Promise.all([historyRow(nodeId, before.version), historyRow(nodeId, after.version)]);

    const { serverConfigDiff: diff } = ok(
      await gql(DIFF, { id: server.id, from: before.version, to: after.version }, { token: owner }),
    );
    expect(diff).toMatchObject({
      inboundsAdded: [second.tag],
      inboundsRemoved: [],
      inboundsChanged: [{ tag: inbound.tag, fields: ["port"] }],
      routingChanged: ["blockedDomains"],
      usersAddedCount: 1,
      usersRemovedCount: 1,
      usersChangedCount: 1,
      usersAdded: [{ id: added.id, username: added.username }],
      // Deleted since: listed by id, without a name.
      usersRemoved: [{ id: users[0]!.id, username: null }],
      usersFrom: 2,
      usersTo: 2,
    });

    const { serverConfig } = ok(
      await gql(
        `query ($id: ID!, $v: Int!) { serverConfig(serverId: $id, version: $v) }`,
        { id: server.id, v: after.version },
        { token: owner },
      ),
    );
    expect(serverConfig.users).toHaveLength(2);
    const text = JSON.stringify(serverConfig);
    for (const user of after.users) {
      expect(text).not.toContain(user.vlessId);
      expect(text).not.toContain(user.trojanPassword);
    }
    expect(serverConfig.inbounds.map((i: { tag: string }) => i.tag)).toEqual(after.inbounds.map((i) => i.tag));
  });

  it("redacts inbound keys and users' override secrets too, leaving what is not secret", () => {
    const payload = configPayloadSchema.parse({
      v: 1,
      nodeId: 1,
      version: 1,
      issuedAtSec: 0,
      expiresAtSec: 1,
      inbounds: [
        {
          tag: "ss",
          protocol: "shadowsocks",
          port: 443,
          transport: "tcp",
          security: "reality",
          protocolSettings: { method: "2022-blake3-aes-128-gcm", serverKey: "server-key-secret" },
          transportSettings: {},
          securitySettings: { realityPrivateKey: "reality-private-secret", realityPublicKey: "public" },
        },
      ],
      users: [
        {
          id: 7,
          email: "u7",
          inboundTags: ["ss"],
          vlessId: "vless-secret",
          vmessId: "vmess-secret",
          trojanPassword: "trojan-secret",
          shadowsocksPassword: "ss-secret",
          hysteria2Password: "hy2-secret",
          inboundOverrides: { ss: { secret: "override-secret", method: "aes-128-gcm" } },
          dataLimitBytes: null,
          usedBytes: 0,
          expireAtSec: null,
        },
      ],
    });
    const shown = redactPayload(payload);
    expect(JSON.stringify(shown)).not.toMatch(/-secret/);
    expect(shown.inbounds[0]!.protocolSettings).toEqual({ method: "2022-blake3-aes-128-gcm", serverKey: REDACTED });
    expect(shown.inbounds[0]!.securitySettings.realityPublicKey).toBe("public");
    expect(shown.users[0]!.inboundOverrides).toEqual({ ss: { secret: REDACTED, method: "aes-128-gcm" } });
  });

  it("says NOT_FOUND, and the history kept: false, for a version whose envelope is gone", async () => {
    const { owner, server, agent, nodeId } = await world(1);
    const { version } = await pullPayload(agent);
    await historyRow(nodeId, version);
    await env.BUCKET.delete(configObjectKey(nodeId, version));
    const read = await gql(
      `query ($id: ID!, $v: Int!) { serverConfig(serverId: $id, version: $v) }`,
      { id: server.id, v: version },
      { token: owner },
    );
    expect(errorCode(read)).toBe("NOT_FOUND");
    expect(read.errors![0]!.message).toContain("no longer kept");
    const diff = await gql(DIFF, { id: server.id, from: version, to: version }, { token: owner });
    expect(errorCode(diff)).toBe("NOT_FOUND");
    expect((await history(owner, server.id)).configHistory[0]).toMatchObject({ version, kept: false });
    const rollback = await gql(
      `mutation ($id: ID!, $v: Int!) { rollbackNodeConfig(serverId: $id, version: $v) { id } }`,
      { id: server.id, v: version },
      { token: owner },
    );
    expect(errorCode(rollback)).toBe("NOT_FOUND");
  });
});

/** The ports in a user's share links, as its client fetches them. */
async function linkPorts(userId: string): Promise<number[]> {
  const token = await env.DB.prepare("SELECT sub_token FROM users WHERE id = ?1")
    .bind(Number(userId))
    .first<string>("sub_token");
  const response = await exports.default.fetch(`http://panel.test/sub/${token}/links`);
  expect(response.status).toBe(200);
  return (await response.text())
    .split("\n")
    .filter((line) => line.includes("://"))
    .map((line) => Number(/@[^:/?#]+:(\d+)/.exec(line)?.[1]));
}

const ROLLBACK = /* GraphQL */ `
  mutation ($id: ID!, $v: Int!) {
    rollbackNodeConfig(serverId: $id, version: $v) { id configPinnedTo configVersion }
  }
`;

describe("rolling a node back", () => {
  it("re-issues the old inbounds and routing with users as they are now: a user cut since stays cut, a rotated one gets new secrets", async () => {
    const { owner, server, agent, nodeId, users, inbound, group } = await world(3);
    const [cut, rotated, untouched] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
    const good = await pullPayload(agent);
    await historyRow(nodeId, good.version);

    // The change that goes wrong: the inbound moves to another port.
    ok(
      await gql(
        `mutation ($id: ID!, $input: UpdateInboundInput!) { updateInbound(id: $id, input: $input) { id } }`,
        { id: inbound.id, input: { port: 45_002 } },
        { token: owner },
      ),
    );
    ok(
      await gql(
        `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`,
        { id: cut.id, input: { status: "DISABLED" } },
        { token: owner },
      ),
    );
    ok(
      await gql(
        `mutation ($id: ID!) { rotateUserCredentials(userId: $id) { id } }`,
        { id: rotated.id },
        { token: owner },
      ),
    );
    const joined = await createUser(owner, { groupIds: [group.id] });
    const bad = await pullPayload(agent);
    expect(bad.inbounds[0]!.port).toBe(45_002);

    const auditFrom = await lastAuditId();
    const { rollbackNodeConfig } = ok(await gql(ROLLBACK, { id: server.id, v: good.version }, { token: owner }));
    expect(rollbackNodeConfig).toMatchObject({ configPinnedTo: good.version, configVersion: bad.version + 1 });
    expect(await auditRowsSince(auditFrom)).toMatchObject([{ action: "node.config_rollback", target_id: server.id }]);

    const pinned = await pullPayload(agent);
    expect(pinned.version).toBe(bad.version + 1);
    expect(pinned.inbounds).toEqual(good.inbounds);
    expect(pinned.routing).toEqual(good.routing);
    const served = new Map(pinned.users.map((u) => [u.id, u]));
    expect(served.has(Number(cut.id))).toBe(false);
    expect(served.get(Number(untouched.id))).toMatchObject(good.users.find((u) => u.id === Number(untouched.id))!);
    const rotatedBefore = good.users.find((u) => u.id === Number(rotated.id))!;
    const rotatedNow = bad.users.find((u) => u.id === Number(rotated.id))!;
    expect(served.get(Number(rotated.id))!.vlessId).toBe(rotatedNow.vlessId);
    expect(rotatedNow.vlessId).not.toBe(rotatedBefore.vlessId);
    // A user who joined the node's groups since reaches it on the pinned inbounds too.
    expect(served.get(Number(joined.id))!.inboundTags).toEqual([good.inbounds[0]!.tag]);

    const row = await historyRow(nodeId, pinned.version);
    expect(row.rollback_of).toBe(good.version);
    // Users' links follow the node: the pinned port, not the live inbound's new one.
    expect(await linkPorts(joined.id)).toEqual([good.inbounds[0]!.port]);

    // Later changes still reach a pinned node: a user disabled now leaves it at once.
    ok(
      await gql(
        `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`,
        { id: untouched.id, input: { status: "DISABLED" } },
        { token: owner },
      ),
    );
    const later = await pullPayload(agent);
    expect(later.inbounds).toEqual(good.inbounds);
    expect(later.users.map((u) => u.id)).not.toContain(Number(untouched.id));

    const { unpinNodeConfig } = ok(
      await gql(
        `mutation ($id: ID!) { unpinNodeConfig(serverId: $id) { configPinnedTo } }`,
        { id: server.id },
        { token: owner },
      ),
    );
    expect(unpinNodeConfig.configPinnedTo).toBeNull();
    const live = await pullPayload(agent);
    expect(live.inbounds[0]!.port).toBe(45_002);
    expect(await linkPorts(joined.id)).toEqual([45_002]);
    expect((await historyRow(nodeId, live.version)).rollback_of).toBeNull();
  });

  it("refuses a version the node never had, and callers without nodes:write", async () => {
    const { owner, server, agent, nodeId } = await world(1);
    const { version } = await pullPayload(agent);
    await historyRow(nodeId, version);
    expect(errorCode(await gql(ROLLBACK, { id: server.id, v: version + 7 }, { token: owner }))).toBe("NOT_FOUND");
    const other = await createServer(owner);
    expect(errorCode(await gql(ROLLBACK, { id: other.id, v: version }, { token: owner }))).toBe("NOT_FOUND");
    const reseller = await adminAs(owner, "RESELLER");
    expect(errorCode(await gql(ROLLBACK, { id: server.id, v: version }, { token: reseller.token }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(HISTORY, { id: server.id }, { token: reseller.token }))).toBe("FORBIDDEN");
  });
});
