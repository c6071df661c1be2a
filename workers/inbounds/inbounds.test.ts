import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { fromBase64, fromBase64Url, toBase64Url } from "../lib/base64";
import {
  adminAs,
  auditRowsSince,
  configVersions,
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

// One database for the whole file: every test makes its own inbounds and servers under unique
// names and compares counts with what they were just before.

const INBOUND_FIELDS = /* GraphQL */ `
  id tag remark protocol port transport security
  protocolSettings { flow method serverKey obfsPassword }
  transportSettings { path host serviceName mode headerType }
  securitySettings { serverName alpn fingerprint allowInsecure realityPublicKey realityShortIds realityDest realityServerNames realitySpiderX }
  servers { id name }
  createdAt updatedAt
`;
const CREATE = `mutation ($input: CreateInboundInput!) { createInbound(input: $input) { ${INBOUND_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateInboundInput!) { updateInbound(id: $id, input: $input) { ${INBOUND_FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteInbound(id: $id) }`;
const ONE = `query ($id: ID!) { inbound(id: $id) { ${INBOUND_FIELDS} } }`;
const ALL = `{ inbounds { id tag } }`;

const REALITY = { realityDest: "www.example.com:443", realityServerNames: ["www.example.com"] };
const IP = "203.0.113.7";

let owner: string;
let admin: { id: string; username: string; token: string };
let reseller: { token: string };
let port = 31000;
const nextPort = () => ++port;

beforeAll(async () => {
  owner = await ownerToken();
  admin = await adminAs(owner, "ADMIN");
  reseller = await adminAs(owner, "RESELLER");
});

async function createServer(inboundIds: string[]) {
  const { createServer } = ok(
    await gql<{ createServer: { id: string } }>(
      `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
      { input: { name: unique("srv"), address: "node.example.com", inboundIds } },
      { token: owner },
    ),
  );
  return createServer.id;
}

async function storedInbound(id: string) {
  return env.DB.prepare(`SELECT * FROM inbounds WHERE id = ?`).bind(Number(id)).first<Record<string, unknown>>();
}

/** Snapshot of everything a refused inbound call must leave alone. */
async function snapshot() {
  return {
    inbounds: await countRows("inbounds"),
    nodes: await countRows("nodes"),
    audit: await countRows("audit_log"),
    links: await countRows("node_inbounds"),
    versions:
      (await env.DB.prepare(`SELECT sum(config_version) AS v FROM nodes`).first<{ v: number | null }>())?.v ?? 0,
  };
}

describe("who may manage inbounds", () => {
  it("turns away anonymous callers with UNAUTHENTICATED and changes nothing", async () => {
    const existing = await createInbound(owner, { port: nextPort() });
    const before = await snapshot();
    const calls = [
      gql(ALL),
      gql(ONE, { id: existing.id }),
      gql(CREATE, { input: { tag: unique("anon"), protocol: "VLESS", port: nextPort() } }),
      gql(UPDATE, { id: existing.id, input: { remark: "anonymous" } }),
      gql(DELETE, { id: existing.id }),
    ];
    expectAllUnauthenticated(await Promise.all(calls));
    expect(await snapshot()).toEqual(before);
  });

  it("forbids resellers from reading or changing inbounds", async () => {
    const existing = await createInbound(owner, { port: nextPort() });
    const before = await snapshot();
    const token = reseller.token;
    const calls = [
      gql(ALL, {}, { token }),
      gql(ONE, { id: existing.id }, { token }),
      gql(CREATE, { input: { tag: unique("res"), protocol: "VLESS", port: nextPort() } }, { token }),
      gql(UPDATE, { id: existing.id, input: { remark: "reseller" } }, { token }),
      gql(DELETE, { id: existing.id }, { token }),
    ];
    for (const response of await Promise.all(calls)) expect(errorCode(response)).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
    expect((await storedInbound(existing.id))?.remark).toBe("");
  });

  it("lets an admin list and read inbounds", async () => {
    const made = await createInbound(owner, { port: nextPort() });
    const { inbounds } = ok(await gql(ALL, {}, { token: admin.token }));
    expect(inbounds).toContainEqual({ id: made.id, tag: made.tag });
    const { inbound } = ok(await gql(ONE, { id: made.id }, { token: admin.token }));
    expect(inbound).toMatchObject({ id: made.id, tag: made.tag, protocol: "VLESS" });
  });
});

describe("createInbound", () => {
  it("stores the inbound with working defaults and records who created it from where", async () => {
    const before = await snapshot();
    const auditFrom = await lastAuditId();
    const tag = unique("ws");
    const p = nextPort();
    const { createInbound } = ok(
      await gql(
        CREATE,
        { input: { tag, remark: "Frankfurt WS", protocol: "VMESS", port: p, transport: "WS", security: "TLS" } },
        { token: admin.token, ip: IP },
      ),
    );
    expect(createInbound).toMatchObject({
      tag,
      remark: "Frankfurt WS",
      protocol: "VMESS",
      port: p,
      transport: "WS",
      security: "TLS",
      transportSettings: { path: "/", host: null, serviceName: null },
      securitySettings: { realityPublicKey: null, realityShortIds: null },
      protocolSettings: { method: null, serverKey: null },
      servers: [],
    });
    expect(Date.parse(createInbound.createdAt)).not.toBeNaN();

    const { inbound } = ok(await gql(ONE, { id: createInbound.id }, { token: admin.token }));
    expect(inbound).toEqual(createInbound);
    expect(await countRows("inbounds")).toBe(before.inbounds + 1);

    const audit = await auditRowsSince(auditFrom);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "inbound.create",
      actor_id: Number(admin.id),
      actor_username: admin.username,
      target_type: "inbound",
      ip: IP,
    });
    expect(JSON.parse(audit[0]!.details as string)).toMatchObject({
      protocol: "vmess",
      port: p,
      transport: "ws",
      security: "tls",
    });
  });

  it("fills the gRPC service name from the tag and the XHTTP mode with auto", async () => {
    const grpc = ok(
      await gql(
        CREATE,
        { input: { tag: unique("grpc"), protocol: "VLESS", port: nextPort(), transport: "GRPC", security: "TLS" } },
        { token: admin.token },
      ),
    );
    expect(grpc.createInbound.transportSettings.serviceName).toBe(grpc.createInbound.tag);
    const xhttp = ok(
      await gql(
        CREATE,
        { input: { tag: unique("xh"), protocol: "VLESS", port: nextPort(), transport: "XHTTP" } },
        { token: admin.token },
      ),
    );
    expect(xhttp.createInbound.transportSettings).toMatchObject({ mode: "auto", path: "/" });
  });

  it("refuses combinations the cores cannot serve, naming every field, and stores nothing", async () => {
    const before = await snapshot();
    const response = await gql(
      CREATE,
      { input: { tag: unique("bad"), protocol: "SHADOWSOCKS", port: nextPort(), transport: "WS", security: "TLS" } },
      { token: admin.token },
    );
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    const fields = (response.errors![0]!.extensions!.fields as { path: string }[]).map((f) => f.path).sort();
    expect(fields).toEqual(["protocolSettings.method", "security", "transport"]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses malformed fields with BAD_USER_INPUT and stores nothing", async () => {
    const before = await snapshot();
    const bad = [
      { tag: "has spaces", protocol: "VLESS", port: nextPort() },
      { tag: unique("p"), protocol: "VLESS", port: 70000 },
      { tag: unique("p"), protocol: "VLESS", port: 0 },
      {
        tag: unique("p"),
        protocol: "VLESS",
        port: nextPort(),
        transport: "WS",
        transportSettings: { path: "no-slash" },
      },
      {
        tag: unique("p"),
        protocol: "VLESS",
        port: nextPort(),
        security: "REALITY",
        securitySettings: { ...REALITY, realityPrivateKey: "too-short" },
      },
      { tag: unique("p"), protocol: "VLESS", port: nextPort(), remark: "r".repeat(129) },
    ];
    for (const input of bad)
      expect(errorCode(await gql(CREATE, { input }, { token: admin.token })), JSON.stringify(input)).toBe(
        "BAD_USER_INPUT",
      );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a tag that is already taken with CONFLICT", async () => {
    const first = await createInbound(admin.token, { port: nextPort() });
    const before = await snapshot();
    const response = await gql(
      CREATE,
      { input: { tag: first.tag, protocol: "TROJAN", port: nextPort() } },
      { token: admin.token },
    );
    expect(errorCode(response)).toBe("CONFLICT");
    expect(await snapshot()).toEqual(before);
  });
});

describe("REALITY keys", () => {
  async function createRealityInbound(protocol: string, securitySettings: Record<string, unknown>) {
    const input = { tag: unique("rea"), protocol, port: nextPort(), security: "REALITY", securitySettings };
    return ok(await gql(CREATE, { input }, { token: admin.token })).createInbound;
  }

  it("generates a key pair and a short id, exposing only the public key", async () => {
    const createInbound = await createRealityInbound("VLESS", REALITY);
    const security = createInbound.securitySettings;
    expect(fromBase64Url(security.realityPublicKey).byteLength).toBe(32);
    expect(security.realityShortIds).toHaveLength(1);
    expect(security.realityShortIds[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(security.fingerprint).toBe("chrome");

    // The private key is kept, it belongs to the public key, and no API answer carries it.
    const stored = JSON.parse((await storedInbound(createInbound.id))!.security_settings as string);
    expect(stored.realityPrivateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored.realityPublicKey).toBe(security.realityPublicKey);
    const everything = await gql(
      `{ inbounds { ${INBOUND_FIELDS} } auditLog { edges { node { details } } } }`,
      {},
      { token: owner },
    );
    expect(JSON.stringify(everything)).not.toContain(stored.realityPrivateKey);
    const asked = await gql(
      `query ($id: ID!) { inbound(id: $id) { securitySettings { realityPrivateKey } } }`,
      { id: createInbound.id },
      { token: owner },
    );
    expect(errorCode(asked)).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("derives the public key from a private key the admin brings (RFC 7748 test vector)", async () => {
    const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
    const privateKey = toBase64Url(hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    const publicKey = toBase64Url(hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
    const createInbound = await createRealityInbound("TROJAN", {
      ...REALITY,
      realityPrivateKey: privateKey,
      realityShortIds: ["ab12"],
    });
    expect(createInbound.securitySettings).toMatchObject({ realityPublicKey: publicKey, realityShortIds: ["ab12"] });
  });

  it("keeps the key pair when an update leaves the private key out", async () => {
    const createInbound = await createRealityInbound("VLESS", REALITY);
    const { updateInbound } = ok(
      await gql(
        UPDATE,
        {
          id: createInbound.id,
          input: { remark: "renamed", securitySettings: { ...REALITY, realitySpiderX: "/spider" } },
        },
        { token: admin.token },
      ),
    );
    expect(updateInbound.securitySettings.realityPublicKey).toBe(createInbound.securitySettings.realityPublicKey);
    expect(updateInbound.securitySettings.realitySpiderX).toBe("/spider");
    const { updateInbound: again } = ok(
      await gql(UPDATE, { id: createInbound.id, input: { port: nextPort() } }, { token: admin.token }),
    );
    expect(again.securitySettings).toMatchObject({
      realityPublicKey: createInbound.securitySettings.realityPublicKey,
      realitySpiderX: "/spider",
    });
  });
});

describe("shadowsocks 2022 server keys", () => {
  const create = async (method: string) =>
    ok(
      await gql(
        CREATE,
        { input: { tag: unique("ss"), protocol: "SHADOWSOCKS", port: nextPort(), protocolSettings: { method } } },
        { token: admin.token },
      ),
    ).createInbound;

  it("generates a 16-byte key for aes-128 and a 32-byte key for the others", async () => {
    expect(fromBase64((await create("2022-blake3-aes-128-gcm")).protocolSettings.serverKey).byteLength).toBe(16);
    expect(fromBase64((await create("2022-blake3-aes-256-gcm")).protocolSettings.serverKey).byteLength).toBe(32);
    expect(fromBase64((await create("2022-blake3-chacha20-poly1305")).protocolSettings.serverKey).byteLength).toBe(32);
  });

  it("gives classic methods no server key", async () => {
    expect((await create("chacha20-ietf-poly1305")).protocolSettings).toMatchObject({
      method: "chacha20-ietf-poly1305",
      serverKey: null,
    });
  });

  it("takes a given server key of the method's length, as a moved inbound's clients hold it, and refuses another length", async () => {
    const key = btoa(String.fromCharCode(...new Uint8Array(16).fill(7)));
    const input = (serverKey: string) => ({
      tag: unique("ss"),
      protocol: "SHADOWSOCKS",
      port: nextPort(),
      protocolSettings: { method: "2022-blake3-aes-128-gcm", serverKey },
    });
    const given = ok(await gql(CREATE, { input: input(key) }, { token: admin.token })).createInbound;
    expect(given.protocolSettings.serverKey).toBe(key);
    const wrong = await gql(CREATE, { input: input(btoa("x".repeat(32))) }, { token: admin.token });
    expect(wrong.errors?.[0]?.message).toContain("takes a 16-byte key");
  });

  it("keeps the key while the method stays and makes a new one of the right length when it changes", async () => {
    const made = await create("2022-blake3-aes-128-gcm");
    const kept = ok(
      await gql(UPDATE, { id: made.id, input: { remark: "still 128" } }, { token: admin.token }),
    ).updateInbound;
    expect(kept.protocolSettings.serverKey).toBe(made.protocolSettings.serverKey);
    const changed = ok(
      await gql(
        UPDATE,
        { id: made.id, input: { protocolSettings: { method: "2022-blake3-aes-256-gcm" } } },
        { token: admin.token },
      ),
    ).updateInbound;
    expect(fromBase64(changed.protocolSettings.serverKey).byteLength).toBe(32);
  });
});

describe("updateInbound", () => {
  it("changes what was given, keeps the rest, and records one audit entry", async () => {
    const made = await createInbound(admin.token, {
      port: nextPort(),
      remark: "before",
      transport: "WS",
      transportSettings: { path: "/a" },
    });
    const auditFrom = await lastAuditId();
    const { updateInbound } = ok(
      await gql(UPDATE, { id: made.id, input: { remark: "after" } }, { token: admin.token, ip: IP }),
    );
    expect(updateInbound).toMatchObject({
      id: made.id,
      tag: made.tag,
      remark: "after",
      transport: "WS",
      transportSettings: { path: "/a" },
    });
    expect((await storedInbound(made.id))?.remark).toBe("after");
    const audit = await auditRowsSince(auditFrom);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "inbound.update",
      actor_id: Number(admin.id),
      actor_username: admin.username,
      target_type: "inbound",
      target_id: made.id,
      ip: IP,
    });
  });

  it("bumps the config version of exactly the servers serving the inbound", async () => {
    const x = await createInbound(admin.token, { port: nextPort() });
    const y = await createInbound(admin.token, { port: nextPort() });
    const onlyX = await createServer([x.id]);
    const both = await createServer([x.id, y.id]);
    const onlyY = await createServer([y.id]);
    const idle = await createServer([]);
    const before = await configVersions([onlyX, both, onlyY, idle]);
    ok(await gql(UPDATE, { id: x.id, input: { remark: "bump" } }, { token: admin.token }));
    const after = await configVersions([onlyX, both, onlyY, idle]);
    expect(after).toEqual([before[0]! + 1, before[1]! + 1, before[2], before[3]]);
    const { inbound } = ok(await gql(ONE, { id: x.id }, { token: admin.token }));
    expect(inbound.servers.map((s: { id: string }) => s.id).sort()).toEqual([onlyX, both].sort());
  });

  it("refuses an unknown inbound with NOT_FOUND and a malformed id with BAD_USER_INPUT", async () => {
    const before = await snapshot();
    expect(errorCode(await gql(UPDATE, { id: "999999", input: { remark: "x" } }, { token: admin.token }))).toBe(
      "NOT_FOUND",
    );
    expect(errorCode(await gql(UPDATE, { id: "abc", input: { remark: "x" } }, { token: admin.token }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an update that makes the inbound unservable and leaves it and its servers as they were", async () => {
    const made = await createInbound(admin.token, { port: nextPort() });
    const server = await createServer([made.id]);
    const stored = await storedInbound(made.id);
    const before = await snapshot();
    const [version] = await configVersions([server]);
    const response = await gql(UPDATE, { id: made.id, input: { protocol: "HYSTERIA2" } }, { token: admin.token });
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    expect(await storedInbound(made.id)).toEqual(stored);
    expect(await snapshot()).toEqual(before);
    expect(await configVersions([server])).toEqual([version]);
  });

  it("refuses to take a tag another inbound has, with CONFLICT, bumping nothing", async () => {
    const a = await createInbound(admin.token, { port: nextPort() });
    const b = await createInbound(admin.token, { port: nextPort() });
    await createServer([b.id]);
    const before = await snapshot();
    expect(errorCode(await gql(UPDATE, { id: b.id, input: { tag: a.tag } }, { token: admin.token }))).toBe("CONFLICT");
    expect(await snapshot()).toEqual(before);
    expect((await storedInbound(b.id))?.tag).toBe(b.tag);
  });
});

describe("ports on shared servers", () => {
  it("refuses to put two inbounds on one port on the same server", async () => {
    const shared = nextPort();
    const a = await createInbound(admin.token, { port: shared });
    const b = await createInbound(admin.token, { port: shared, protocol: "TROJAN" });
    const before = await snapshot();
    const response = await gql(
      `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
      { input: { name: unique("srv"), address: "node.example.com", inboundIds: [a.id, b.id] } },
      { token: admin.token },
    );
    expect(errorCode(response)).toBe("CONFLICT");
    expect(await snapshot()).toEqual(before);
    // On different servers the same port is fine.
    await createServer([a.id]);
    await createServer([b.id]);
  });

  it("refuses to move an inbound onto a port another inbound uses on a server they share", async () => {
    const a = await createInbound(admin.token, { port: nextPort() });
    const b = await createInbound(admin.token, { port: nextPort() });
    const loner = await createInbound(admin.token, { port: nextPort() });
    await createServer([a.id, b.id]);
    await createServer([loner.id]);
    const before = await snapshot();
    const portOfA = (await storedInbound(a.id))!.port;
    const clash = await gql(UPDATE, { id: b.id, input: { port: portOfA } }, { token: admin.token });
    expect(errorCode(clash)).toBe("CONFLICT");
    expect((await storedInbound(b.id))!.port).not.toBe(portOfA);
    expect(await snapshot()).toEqual(before);
    // An inbound that shares no server with a may take the same port.
    const moved = ok(await gql(UPDATE, { id: loner.id, input: { port: portOfA } }, { token: admin.token }));
    expect(moved.updateInbound.port).toBe(portOfA);
  });
});

describe("deleteInbound", () => {
  it("removes the inbound and its links, bumps the servers that served it, and records it", async () => {
    const doomed = await createInbound(admin.token, { port: nextPort() });
    const kept = await createInbound(admin.token, { port: nextPort() });
    const serving = await createServer([doomed.id, kept.id]);
    const other = await createServer([kept.id]);
    ok(
      await gql(
        `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
        { input: { name: unique("g"), inboundIds: [doomed.id] } },
        { token: admin.token },
      ),
    );
    const inboundsBefore = await countRows("inbounds");
    const versions = await configVersions([serving, other]);
    const auditFrom = await lastAuditId();

    const response = ok(await gql(DELETE, { id: doomed.id }, { token: admin.token, ip: IP }));
    expect(response.deleteInbound).toBe(true);
    expect(await storedInbound(doomed.id)).toBeNull();
    expect(await countRows("inbounds")).toBe(inboundsBefore - 1);
    const links = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM node_inbounds WHERE inbound_id = ?1) + (SELECT count(*) FROM group_inbounds WHERE inbound_id = ?1) AS n`,
    )
      .bind(Number(doomed.id))
      .first<{ n: number }>();
    expect(links?.n).toBe(0);
    expect(await configVersions([serving, other])).toEqual([versions[0]! + 1, versions[1]]);
    const audit = await auditRowsSince(auditFrom);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "inbound.delete",
      target_type: "inbound",
      target_id: doomed.id,
      actor_id: Number(admin.id),
      ip: IP,
    });
    expect(ok(await gql(ONE, { id: doomed.id }, { token: admin.token })).inbound).toBeNull();
  });

  it("refuses an unknown inbound with NOT_FOUND", async () => {
    const before = await snapshot();
    expect(errorCode(await gql(DELETE, { id: "999999" }, { token: admin.token }))).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });
});
