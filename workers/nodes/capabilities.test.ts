import { env, exports } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { CoreCapabilities, Health } from "../agent/protocol/messages";
import { createDb } from "../db/client";
import { enrolledAgent } from "../test/agent";
import { createInbound, createUser, errorCode, gql, ok, ownerToken, unique } from "../test/api";
import { unservedReason, unservedSql } from "./capabilities";

/** What an agent driving Debian's v2ray 4.34 with a node certificate reports. */
const V2RAY: CoreCapabilities = {
  core: "v2ray",
  version: "4.34.0",
  protocols: ["vless", "vmess", "trojan", "shadowsocks"],
  transports: ["tcp", "ws"],
  securities: ["none", "tls"],
  shadowsocksMethods: ["aes-128-gcm", "aes-256-gcm", "chacha20-poly1305", "chacha20-ietf-poly1305"],
  tlsCertificate: true,
  skipped: [],
};

const health = (capabilities?: CoreCapabilities): Health => ({
  cpuPercent: 1,
  memUsedBytes: 1,
  memTotalBytes: 2,
  netRxBytes: 0,
  netTxBytes: 0,
  coreRunning: true,
  coreVersion: "V2Ray 4.34.0",
  agentVersion: "0.1.0",
  uptimeSec: 1,
  appliedConfigVersion: 1,
  ...(capabilities ? { capabilities } : {}),
});

const SERVER = `query ($id: ID!) { server(id: $id) {
  capabilities { core version protocols transports securities shadowsocksMethods tlsCertificate }
  unservedInbounds { inbound { tag } reason } } }`;
const UPDATE_SERVER = `mutation ($id: ID!, $input: UpdateServerInput!) { updateServer(id: $id, input: $input) { id } }`;

let owner: string;
let port = 41000;
const hysteria2 = () =>
  createInbound(owner, {
    port: ++port,
    protocol: "HYSTERIA2",
    security: "TLS",
    securitySettings: { serverName: "h.example.com" },
  });
const vless = () => createInbound(owner, { port: ++port, protocol: "VLESS" });

async function node(inboundIds: string[]) {
  const { createServer } = ok(
    await gql(
      `mutation ($input: CreateServerInput!) { createServer(input: $input) { id name } }`,
      { input: { name: unique("cap"), address: "node.example.com", inboundIds } },
      { token: owner },
    ),
  );
  return createServer as { id: string; name: string };
}

beforeAll(async () => {
  owner = await ownerToken();
});

describe("reported capabilities", () => {
  it("are stored from the agent's health push and shown on the server, with the inbounds it does not serve", async () => {
    const hy2 = await hysteria2();
    const plain = await vless();
    const server = await node([plain.id, hy2.id]);
    const agent = await enrolledAgent(owner, server.id);
    const before = ok(await gql(SERVER, { id: server.id }, { token: owner })).server;
    expect(before).toEqual({ capabilities: null, unservedInbounds: [] });

    const skip = { tag: plain.tag, reason: "TLS inbound but this node has no certificate (--tls-cert/--tls-key)" };
    expect((await agent.push([], { health: health({ ...V2RAY, skipped: [skip] }) })).status).toBe(200);
    const after = ok(await gql(SERVER, { id: server.id }, { token: owner })).server;
    expect(after.capabilities).toEqual({
      core: "v2ray",
      version: "4.34.0",
      protocols: ["VLESS", "VMESS", "TROJAN", "SHADOWSOCKS"],
      transports: ["TCP", "WS"],
      securities: ["NONE", "TLS"],
      shadowsocksMethods: V2RAY.shadowsocksMethods,
      tlsCertificate: true,
    });
    // In inbound order: the hysteria2 one was created first.
    expect(after.unservedInbounds).toEqual([
      { inbound: { tag: hy2.tag }, reason: "protocol hysteria2 is not supported on v2ray 4.34.0" },
      { inbound: { tag: plain.tag }, reason: skip.reason },
    ]);
    // The vitals column keeps only the vitals; capabilities have their own.
    const row = await env.DB.prepare(`SELECT health, capabilities FROM nodes WHERE id = ?`)
      .bind(Number(server.id))
      .first<{ health: string; capabilities: string }>();
    expect(JSON.parse(row!.health)).not.toHaveProperty("capabilities");
    expect(JSON.parse(row!.capabilities).skipped).toEqual([skip]);

    // An agent that reports no capabilities (an older one) makes them unknown again.
    await agent.push([], { health: health() });
    expect(ok(await gql(SERVER, { id: server.id }, { token: owner })).server).toEqual({
      capabilities: null,
      unservedInbounds: [],
    });
  });
});

describe("assigning inbounds", () => {
  it("refuses with BAD_USER_INPUT a hysteria2 inbound on a node whose v2ray reported it cannot serve it, naming node, inbound and reason", async () => {
    const plain = await vless();
    const server = await node([plain.id]);
    const agent = await enrolledAgent(owner, server.id);
    await agent.push([], { health: health(V2RAY) });
    const hy2 = await hysteria2();
    const refused = await gql(
      UPDATE_SERVER,
      { id: server.id, input: { inboundIds: [plain.id, hy2.id] } },
      { token: owner },
    );
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors![0]!.message).toBe(
      `node "${server.name}" cannot serve inbound "${hy2.tag}": protocol hysteria2 is not supported on v2ray 4.34.0`,
    );
    const links = await env.DB.prepare(`SELECT inbound_id FROM node_inbounds WHERE node_id = ?`)
      .bind(Number(server.id))
      .all<{ inbound_id: number }>();
    expect(links.results.map((r) => String(r.inbound_id))).toEqual([plain.id]);
  });

  it("accepts any inbound on a node that has not reported yet, and shows the mismatch once it does", async () => {
    const hy2 = await hysteria2();
    const server = await node([hy2.id]);
    ok(
      await gql(
        UPDATE_SERVER,
        { id: server.id, input: { inboundIds: [hy2.id, (await vless()).id] } },
        { token: owner },
      ),
    );
    const agent = await enrolledAgent(owner, server.id);
    await agent.push([], { health: health(V2RAY) });
    expect(ok(await gql(SERVER, { id: server.id }, { token: owner })).server.unservedInbounds).toEqual([
      { inbound: { tag: hy2.tag }, reason: "protocol hysteria2 is not supported on v2ray 4.34.0" },
    ]);
  });

  it("refuses to change an inbound to a transport a node serving it cannot run, and allows what it can", async () => {
    const plain = await vless();
    const server = await node([plain.id]);
    const agent = await enrolledAgent(owner, server.id);
    await agent.push([], { health: health(V2RAY) });
    const update = (input: Record<string, unknown>) =>
      gql(
        `mutation ($id: ID!, $input: UpdateInboundInput!) { updateInbound(id: $id, input: $input) { transport } }`,
        { id: plain.id, input },
        { token: owner },
      );
    const refused = await update({ transport: "GRPC" });
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors![0]!.message).toBe(
      `node "${server.name}" cannot serve inbound "${plain.tag}": transport grpc is not supported on v2ray 4.34.0`,
    );
    expect(ok(await update({ transport: "WS" })).updateInbound.transport).toBe("WS");
  });
});

describe("subscriptions", () => {
  it("leave out the endpoints a node reported it does not serve, and list them while it is unknown", async () => {
    const hy2 = await hysteria2();
    const plain = await vless();
    const skippedOne = await createInbound(owner, { port: ++port, protocol: "TROJAN" });
    const group = ok(
      await gql(
        `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
        { input: { name: unique("g"), inboundIds: [hy2.id, plain.id, skippedOne.id] } },
        { token: owner },
      ),
    ).createGroup;
    const server = await node([hy2.id, plain.id, skippedOne.id]);
    const user = await createUser(owner, { groupIds: [group.id] });
    const token = (await env.DB.prepare(`SELECT sub_token AS t FROM users WHERE id = ?`)
      .bind(Number(user.id))
      .first<{ t: string }>())!.t;
    const schemes = async () => {
      const response = await exports.default.fetch(`http://panel.test/sub/${token}`, {
        headers: { "user-agent": "v2rayN/7.10.5" },
      });
      expect(response.status).toBe(200);
      // Filtered inside the one statement the hot path already runs.
      expect(response.headers.get("x-d1-statements")).toBe("1");
      return atob(await response.text())
        .trim()
        .split("\n")
        .map((link) => link.split("://")[0]);
    };
    expect((await schemes()).sort()).toEqual(["hysteria2", "trojan", "vless"]);
    const agent = await enrolledAgent(owner, server.id);
    const report = health({
      ...V2RAY,
      skipped: [{ tag: skippedOne.tag, reason: "shadowsocks inbound has no user (v2ray needs exactly one)" }],
    });
    await agent.push([], { health: report });
    expect(await schemes()).toEqual(["vless"]);
    // Re-linking the same set keeps the verdict; so does the same report pushed again.
    ok(
      await gql(
        UPDATE_SERVER,
        { id: server.id, input: { inboundIds: [hy2.id, plain.id, skippedOne.id] } },
        { token: owner },
      ),
    );
    await agent.push([], { health: report });
    expect(await schemes()).toEqual(["vless"]);
    // The agent serves it once it stops skipping it; an agent that reports nothing is trusted again.
    await agent.push([], { health: health(V2RAY) });
    expect((await schemes()).sort()).toEqual(["trojan", "vless"]);
    await agent.push([], { health: health() });
    expect((await schemes()).sort()).toEqual(["hysteria2", "trojan", "vless"]);
  });
});

describe("an inbound changed into one its node serves", () => {
  it("is listed in subscriptions again at once, without waiting for the next report", async () => {
    const hy2 = await hysteria2();
    const server = await node([hy2.id]);
    const group = ok(
      await gql(
        `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
        { input: { name: unique("g"), inboundIds: [hy2.id] } },
        { token: owner },
      ),
    ).createGroup;
    const user = await createUser(owner, { groupIds: [group.id] });
    const token = (await env.DB.prepare(`SELECT sub_token AS t FROM users WHERE id = ?`)
      .bind(Number(user.id))
      .first<{ t: string }>())!.t;
    const links = async () =>
      (await (await exports.default.fetch(`http://panel.test/sub/${token}/links`)).text()).trim();
    const agent = await enrolledAgent(owner, server.id);
    await agent.push([], { health: health(V2RAY) });
    expect(await links()).toBe("");
    ok(
      await gql(
        `mutation ($id: ID!, $input: UpdateInboundInput!) { updateInbound(id: $id, input: $input) { id } }`,
        { id: hy2.id, input: { protocol: "TROJAN", security: "TLS" } },
        { token: owner },
      ),
    );
    expect(await links()).toMatch(/^trojan:\/\//);
  });
});

describe("unservedSql", () => {
  it("agrees with unservedReason on every protocol, transport, security, method and report", async () => {
    const db = createDb(env.DB);
    const reports: (CoreCapabilities | null)[] = [
      null,
      V2RAY,
      { ...V2RAY, tlsCertificate: false },
      {
        core: "xray",
        version: "26.3.23",
        protocols: ["vless", "vmess", "trojan", "shadowsocks", "hysteria2"],
        transports: ["tcp", "ws", "grpc", "httpupgrade", "xhttp"],
        securities: ["none", "tls", "reality"],
        shadowsocksMethods: ["aes-128-gcm", "2022-blake3-aes-128-gcm"],
        tlsCertificate: false,
        skipped: [{ tag: "sql-3", reason: "skipped by the agent" }],
      },
    ];
    type Case = {
      tag: string;
      protocol: string;
      transport: string;
      security: string;
      protocolSettings: Record<string, unknown>;
      securitySettings: Record<string, unknown>;
    };
    const cases: Case[] = [];
    for (const protocol of ["vless", "vmess", "trojan", "shadowsocks", "hysteria2"] as const)
      for (const transport of ["tcp", "ws", "grpc", "httpupgrade", "xhttp"] as const)
        for (const security of ["none", "tls", "reality"] as const)
          for (const protocolSettings of protocol === "shadowsocks"
            ? [{}, { method: "aes-128-gcm" }, { method: "2022-blake3-aes-128-gcm" }]
            : [{}])
            for (const securitySettings of security === "tls"
              ? [{}, { certificateFile: "/c.pem", keyFile: "/k.pem" }, { certificateFile: "/c.pem" }]
              : [{}])
              cases.push({
                tag: `sql-${cases.length}`,
                protocol,
                transport,
                security,
                protocolSettings,
                securitySettings,
              });
    await env.DB.batch([
      env.DB.prepare(`CREATE TABLE sql_nodes (id INTEGER PRIMARY KEY, capabilities TEXT)`),
      env.DB.prepare(
        `CREATE TABLE sql_inbounds (id INTEGER PRIMARY KEY, tag TEXT, protocol TEXT, transport TEXT, security TEXT, protocol_settings TEXT, security_settings TEXT)`,
      ),
      ...reports.map((r, k) =>
        env.DB.prepare(`INSERT INTO sql_nodes VALUES (?, ?)`).bind(k, r ? JSON.stringify(r) : null),
      ),
      ...cases.map((c, k) =>
        env.DB.prepare(`INSERT INTO sql_inbounds VALUES (?, ?, ?, ?, ?, ?, ?)`).bind(
          k,
          c.tag,
          c.protocol,
          c.transport,
          c.security,
          JSON.stringify(c.protocolSettings),
          JSON.stringify(c.securitySettings),
        ),
      ),
    ]);
    const rows = await db.all<{ node: number; inbound: number; unserved: number }>(
      sql`SELECT n.id AS node, i.id AS inbound, ${unservedSql} AS unserved FROM sql_nodes n, sql_inbounds i ORDER BY n.id, i.id`,
    );
    expect(rows).toHaveLength(reports.length * cases.length);
    for (const row of rows) {
      const c = cases[row.inbound]! as Parameters<typeof unservedReason>[0];
      expect(row.unserved === 1, JSON.stringify({ report: row.node, inbound: c })).toBe(
        unservedReason(c, reports[row.node] ?? null) !== null,
      );
    }
  });
});
