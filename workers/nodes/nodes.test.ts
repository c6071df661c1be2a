import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import {
  adminAs,
  auditRowsSince,
  countRows,
  createInbound,
  errorCode,
  expectAllUnauthenticated,
  gql,
  lastAuditId,
  ok,
  ownerToken,
  unique,
} from "../test/api";

// One database for the whole file: servers get unique names, and counts are compared with what
// they were just before each call.

const SERVER_FIELDS = `id name address configVersion inbounds { id tag } createdAt updatedAt`;
const CREATE = `mutation ($input: CreateServerInput!) { createServer(input: $input) { ${SERVER_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateServerInput!) { updateServer(id: $id, input: $input) { ${SERVER_FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteServer(id: $id) }`;
const ONE = `query ($id: ID!) { server(id: $id) { ${SERVER_FIELDS} } }`;
const LIST = `query ($filter: ServerFilter) { servers(filter: $filter) { id name } }`;
const IP = "192.0.2.44";

let owner: string;
let admin: { id: string; username: string; token: string };
let reseller: { token: string };
let port = 41000;
const inbound = () => createInbound(owner, { port: ++port });

beforeAll(async () => {
  owner = await ownerToken();
  admin = await adminAs(owner, "ADMIN");
  reseller = await adminAs(owner, "RESELLER");
});

async function createServer(input: Record<string, unknown> = {}) {
  return ok(
    await gql(
      CREATE,
      { input: { name: unique("srv"), address: "edge.example.com", ...input } },
      { token: admin.token },
    ),
  ).createServer;
}

async function linkedInboundIds(serverId: string): Promise<string[]> {
  const rows = await env.DB.prepare(`SELECT inbound_id AS id FROM node_inbounds WHERE node_id = ? ORDER BY inbound_id`)
    .bind(Number(serverId))
    .all<{ id: number }>();
  return rows.results.map((r) => String(r.id));
}

async function storedServer(id: string) {
  return env.DB.prepare(`SELECT name, address, config_version FROM nodes WHERE id = ?`).bind(Number(id)).first();
}

/** Everything a refused call must leave as it was. */
async function snapshot() {
  const versions = await env.DB.prepare(`SELECT id, config_version FROM nodes ORDER BY id`).all();
  const links = await env.DB.prepare(
    `SELECT node_id, inbound_id FROM node_inbounds ORDER BY node_id, inbound_id`,
  ).all();
  return {
    nodes: await countRows("nodes"),
    audit: await countRows("audit_log"),
    versions: versions.results,
    links: links.results,
  };
}

describe("who may manage servers", () => {
  it("turns away anonymous callers with UNAUTHENTICATED and changes nothing", async () => {
    const server = await createServer();
    const before = await snapshot();
    const calls = [
      gql(LIST),
      gql(ONE, { id: server.id }),
      gql(CREATE, { input: { name: unique("anon"), address: "a.example" } }),
      gql(UPDATE, { id: server.id, input: { name: unique("anon") } }),
      gql(DELETE, { id: server.id }),
    ];
    expectAllUnauthenticated(await Promise.all(calls));
    expect(await snapshot()).toEqual(before);
  });

  it("forbids resellers from reading or changing servers", async () => {
    const server = await createServer();
    const before = await snapshot();
    const token = reseller.token;
    const calls = [
      gql(LIST, {}, { token }),
      gql(ONE, { id: server.id }, { token }),
      gql(CREATE, { input: { name: unique("res"), address: "a.example" } }, { token }),
      gql(UPDATE, { id: server.id, input: { name: unique("res") } }, { token }),
      gql(DELETE, { id: server.id }, { token }),
    ];
    for (const response of await Promise.all(calls)) expect(errorCode(response)).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });
});

describe("createServer", () => {
  it("stores the server with every inbound it was given and records who made it from where", async () => {
    const [a, b, c] = [await inbound(), await inbound(), await inbound()];
    const nodesBefore = await countRows("nodes");
    const auditFrom = await lastAuditId();
    const name = unique("fra");
    const { createServer } = ok(
      await gql(
        CREATE,
        { input: { name, address: "198.51.100.20", inboundIds: [c.id, a.id, b.id] } },
        { token: admin.token, ip: IP },
      ),
    );
    expect(createServer).toMatchObject({ name, address: "198.51.100.20", configVersion: 1 });
    expect(createServer.inbounds).toEqual([a, b, c].map(({ id, tag }) => ({ id, tag })));
    expect(await countRows("nodes")).toBe(nodesBefore + 1);
    expect(await linkedInboundIds(createServer.id)).toEqual([a.id, b.id, c.id]);
    expect(ok(await gql(ONE, { id: createServer.id }, { token: admin.token })).server).toEqual(createServer);

    const audit = await auditRowsSince(auditFrom);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "node.create",
      target_type: "node",
      actor_id: Number(admin.id),
      actor_username: admin.username,
      ip: IP,
    });
  });

  it("links many inbounds to the new server and to no other server", async () => {
    const older = await createServer();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await inbound()).id);
    const server = await createServer({ inboundIds: ids });
    expect(await linkedInboundIds(server.id)).toEqual(ids);
    expect(await linkedInboundIds(older.id)).toEqual([]);
  });

  it("accepts host names and IPv4 and IPv6 addresses", async () => {
    for (const address of ["edge-1.example.com", "203.0.113.9", "2001:db8::1"]) {
      expect((await createServer({ address })).address).toBe(address);
    }
  });

  it("refuses bad names, addresses and inbound ids with BAD_USER_INPUT and stores nothing", async () => {
    const before = await snapshot();
    const bad = [
      { name: "  ", address: "a.example" },
      { name: "n".repeat(65), address: "a.example" },
      { name: unique("bad"), address: "https://a.example/" },
      { name: unique("bad"), address: "has space.example" },
      { name: unique("bad"), address: "a.example", inboundIds: ["999999"] },
      { name: unique("bad"), address: "a.example", inboundIds: ["-1"] },
    ];
    for (const input of bad)
      expect(errorCode(await gql(CREATE, { input }, { token: admin.token })), JSON.stringify(input)).toBe(
        "BAD_USER_INPUT",
      );
    const missing = await gql(
      CREATE,
      { input: { name: unique("bad"), address: "a.example", inboundIds: ["999998"] } },
      { token: admin.token },
    );
    expect(missing.errors![0]!.extensions!.missing).toEqual([999998]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a name that is taken with CONFLICT", async () => {
    const first = await createServer();
    const before = await snapshot();
    expect(
      errorCode(await gql(CREATE, { input: { name: first.name, address: "b.example" } }, { token: admin.token })),
    ).toBe("CONFLICT");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses two inbounds on one port with CONFLICT", async () => {
    const a = await inbound();
    const b = await createInbound(owner, { port, protocol: "TROJAN" });
    const before = await snapshot();
    const response = await gql(
      CREATE,
      { input: { name: unique("clash"), address: "a.example", inboundIds: [a.id, b.id] } },
      { token: admin.token },
    );
    expect(errorCode(response)).toBe("CONFLICT");
    expect(response.errors![0]!.message).toContain(String(port));
    expect(await snapshot()).toEqual(before);
  });
});

describe("servers and server", () => {
  it("finds servers by part of the name, ignoring case, with wildcards taken literally", async () => {
    const tag = unique("");
    const plain = await createServer({ name: `Frankfurt_A${tag}` });
    const lookalike = await createServer({ name: `FrankfurtXA${tag}` });
    const percent = await createServer({ name: `Paris100%${tag}` });
    const search = async (text: string) =>
      ok(await gql(LIST, { filter: { search: text } }, { token: admin.token })).servers.map(
        (s: { id: string }) => s.id,
      );
    expect(await search(`frankfurt`)).toEqual(expect.arrayContaining([plain.id, lookalike.id]));
    expect(await search(`t_a${tag}`)).toEqual([plain.id]);
    expect(await search(`100%${tag}`)).toEqual([percent.id]);
    expect(await search(`0%${tag}`)).toEqual([percent.id]);
    expect(await search(`zz-no-such-server`)).toEqual([]);
  });

  it("lists every server without a filter and answers null for an unknown id", async () => {
    const server = await createServer();
    const { servers } = ok(await gql(LIST, {}, { token: admin.token }));
    expect(servers.length).toBe(await countRows("nodes"));
    expect(servers).toContainEqual({ id: server.id, name: server.name });
    expect(ok(await gql(ONE, { id: "999999" }, { token: admin.token })).server).toBeNull();
    expect(errorCode(await gql(ONE, { id: "0" }, { token: admin.token }))).toBe("BAD_USER_INPUT");
  });
});

describe("updateServer", () => {
  it("renames and readdresses the server, bumps only its config version, and records it", async () => {
    const server = await createServer();
    const bystander = await createServer();
    const auditFrom = await lastAuditId();
    const name = unique("renamed");
    const { updateServer } = ok(
      await gql(UPDATE, { id: server.id, input: { name, address: "203.0.113.50" } }, { token: admin.token, ip: IP }),
    );
    expect(updateServer).toMatchObject({
      id: server.id,
      name,
      address: "203.0.113.50",
      configVersion: server.configVersion + 1,
    });
    expect(await storedServer(server.id)).toEqual({
      name,
      address: "203.0.113.50",
      config_version: server.configVersion + 1,
    });
    expect((await storedServer(bystander.id))?.config_version).toBe(bystander.configVersion);
    const audit = await auditRowsSince(auditFrom);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "node.update",
      target_type: "node",
      target_id: server.id,
      actor_id: Number(admin.id),
      ip: IP,
    });
  });

  it("keeps what was left out and replaces the inbound set when one is given", async () => {
    const [a, b, c] = [await inbound(), await inbound(), await inbound()];
    const server = await createServer({ address: "keep.example", inboundIds: [a.id, b.id] });
    const kept = ok(
      await gql(UPDATE, { id: server.id, input: { name: unique("n") } }, { token: admin.token }),
    ).updateServer;
    expect(kept.address).toBe("keep.example");
    expect(kept.inbounds.map((i: { id: string }) => i.id)).toEqual([a.id, b.id]);
    const replaced = ok(
      await gql(UPDATE, { id: server.id, input: { inboundIds: [c.id, b.id] } }, { token: admin.token }),
    ).updateServer;
    expect(replaced.inbounds.map((i: { id: string }) => i.id)).toEqual([b.id, c.id]);
    expect(await linkedInboundIds(server.id)).toEqual([b.id, c.id]);
    const emptied = ok(
      await gql(UPDATE, { id: server.id, input: { inboundIds: [] } }, { token: admin.token }),
    ).updateServer;
    expect(emptied.inbounds).toEqual([]);
  });

  it("refuses unknown servers, taken names, clashing ports and unknown inbounds, changing nothing", async () => {
    const a = await inbound();
    const sameport = await createInbound(owner, { port, protocol: "TROJAN" });
    const other = await createServer();
    const server = await createServer({ inboundIds: [a.id] });
    const before = await snapshot();
    const token = admin.token;
    expect(errorCode(await gql(UPDATE, { id: "999999", input: { name: unique("x") } }, { token }))).toBe("NOT_FOUND");
    expect(
      errorCode(await gql(UPDATE, { id: server.id, input: { name: other.name, inboundIds: [] } }, { token })),
    ).toBe("CONFLICT");
    expect(errorCode(await gql(UPDATE, { id: server.id, input: { inboundIds: [a.id, sameport.id] } }, { token }))).toBe(
      "CONFLICT",
    );
    expect(errorCode(await gql(UPDATE, { id: server.id, input: { inboundIds: [a.id, "999999"] } }, { token }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(errorCode(await gql(UPDATE, { id: server.id, input: { address: "not an address" } }, { token }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe("deleteServer", () => {
  it("removes the server and its links but keeps the inbounds, and records it", async () => {
    const a = await inbound();
    const server = await createServer({ inboundIds: [a.id] });
    const inboundsBefore = await countRows("inbounds");
    const auditFrom = await lastAuditId();
    expect(ok(await gql(DELETE, { id: server.id }, { token: admin.token, ip: IP })).deleteServer).toBe(true);
    expect(await storedServer(server.id)).toBeNull();
    expect(await linkedInboundIds(server.id)).toEqual([]);
    expect(await countRows("inbounds")).toBe(inboundsBefore);
    const { inbound: still } = ok(
      await gql(`query ($id: ID!) { inbound(id: $id) { servers { id } } }`, { id: a.id }, { token: admin.token }),
    );
    expect(still.servers).toEqual([]);
    const audit = await auditRowsSince(auditFrom);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "node.delete",
      target_type: "node",
      target_id: server.id,
      actor_id: Number(admin.id),
      ip: IP,
    });
  });

  it("refuses an unknown server with NOT_FOUND", async () => {
    const before = await snapshot();
    expect(errorCode(await gql(DELETE, { id: "999999" }, { token: admin.token }))).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });
});
