import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type MarzbanFixture, marzbanFixture, writeMarzbanDb } from "../../test/fixtures/marzban";
import { type PasarGuardFixture, pasarGuardFixture, writePasarGuardDb } from "../../test/fixtures/pasarguard";
import {
  PEER_ADMIN,
  type PeerServer,
  remnawaveFixture,
  startMarzbanApi,
  startPasarGuardApi,
  startRemnawaveApi,
} from "../../test/fixtures/peer-api";
import type { ImportUserInput, PeerExport } from "../model";
import { openSqliteFile } from "../node-sqlite";
import { readApiExport } from "./api-export";
import { readMarzbanDb } from "./marzban";
import { readPasarGuardDb } from "./pasarguard";

const dir = mkdtempSync(join(tmpdir(), "peer-api-"));
const servers: PeerServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});
const started = async (server: Promise<PeerServer>) => {
  servers.push(await server);
  return servers.at(-1) as PeerServer;
};

function fromDb(fixture: MarzbanFixture | PasarGuardFixture, kind: "marzban" | "pasarguard"): PeerExport {
  const path = join(dir, `${kind}-${servers.length}-${Math.random().toString(36).slice(2)}.sqlite3`);
  if (kind === "marzban") writeMarzbanDb(path, fixture as MarzbanFixture);
  else writePasarGuardDb(path, fixture as PasarGuardFixture);
  const db = openSqliteFile(path);
  try {
    return kind === "marzban"
      ? readMarzbanDb(db, {
          instance: "x",
          xrayConfig: (fixture as MarzbanFixture).xrayConfig,
          nodeAddress: "panel.example.com",
        })
      : readPasarGuardDb(db, { instance: "x" });
  } finally {
    db.close();
  }
}

/** What the APIs cannot say, set aside so the rest can be compared whole. */
const apiComparable = ({ periodStartedAt, legacyToken, key, ...rest }: ImportUserInput) => ({
  ...rest,
  legacyUsername: legacyToken?.username,
});

describe("readApiExport over Marzban's REST API", () => {
  const fixture = marzbanFixture();

  it("signs in with the admin form and pages through users, giving every field the database gives but what the API hides", async () => {
    const server = await started(startMarzbanApi(fixture));
    const api = await readApiExport({
      kind: "MARZBAN",
      url: server.url,
      username: PEER_ADMIN.username,
      password: PEER_ADMIN.password,
      subscriptionSecret: fixture.secretKey,
      instance: "x",
      nodeAddress: "panel.example.com",
      pageSize: 5,
    });
    const db = fromDb(fixture, "marzban");
    // Over the API an owner is named by its username, the only identity Marzban shows for admins.
    const adminName = new Map(fixture.admins.map((a) => [String(a.id), a.username]));
    const owned = (u: ImportUserInput) => ({ ...u, ownerKey: u.ownerKey && (adminName.get(u.ownerKey) ?? u.ownerKey) });
    const byName = (list: ImportUserInput[]) => [...list].sort((a, b) => a.username.localeCompare(b.username));
    expect(byName(api.users).map(apiComparable)).toEqual(byName(db.users).map(owned).map(apiComparable));
    // Its identity is the name, the only one the API shows; the revocation is unknown, creation is not.
    expect(api.users.find((u) => u.username === "alice")).toMatchObject({
      key: "username:alice",
      periodStartedAt: null,
    });
    // The API hands users out by name; still the older of "alice" and "Alice" keeps the name, as from the database.
    expect(api.users.find((u) => u.legacyToken?.username === "Alice")?.username).toBe("Alice_2");
    expect(api.users.find((u) => u.legacyToken?.username === "revoked")?.legacyToken?.notBefore).toBe(
      "2024-04-01T12:00:01.000Z",
    );
    expect(api.header.source).toMatchObject({
      kind: "MARZBAN",
      subscriptionSecret: fixture.secretKey,
      subscriptionPaths: ["/sub/"],
    });
    expect(api.header.inbounds.map((i) => i.key)).toEqual(db.header.inbounds.map((i) => i.key));
    expect(api.header.nodes).toEqual(db.header.nodes);
    expect(api.header.admins).toEqual(db.header.admins.map((a) => ({ ...a, key: a.username, passwordHash: null })));
    expect(server.requests).toEqual(
      expect.arrayContaining([
        "POST /api/admin/token",
        "GET /api/users?offset=0&limit=5&sort=username",
        "GET /api/users?offset=5&limit=5&sort=username",
        "GET /api/users?offset=10&limit=5&sort=username",
      ]),
    );
    expect(api.header.unmapped).toContainEqual(expect.objectContaining({ key: "sub_revoked_at" }));
  });

  it("without a sudo admin lists the inbounds it cannot see and asks for the secret", async () => {
    const server = await started(startMarzbanApi(fixture, { sudo: false }));
    const api = await readApiExport({
      kind: "MARZBAN",
      url: server.url,
      token: PEER_ADMIN.token,
      instance: "old-panel",
    });
    expect(api.header.source).toMatchObject({ instance: "old-panel", subscriptionSecret: null });
    expect(api.header.inbounds).toEqual([]);
    expect(api.users.every((u) => u.access.length === 0)).toBe(true);
    const reasons = api.header.unmapped.map((i) => `${i.kind} ${i.key}: ${i.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^INBOUND VLESS TCP REALITY: the Xray config \(GET \/api\/core\/config\) needs a sudo admin/,
        ),
        expect.stringMatching(/^USER jwt: Marzban's API never reveals jwt.secret_key/),
      ]),
    );
  });

  it("names the endpoint when the peer refuses the sign-in", async () => {
    const server = await started(startMarzbanApi(fixture));
    await expect(
      readApiExport({ kind: "MARZBAN", url: server.url, username: "apiadmin", password: "wrong" }),
    ).rejects.toThrow(/^POST \/api\/admin\/token: HTTP 401/);
  });
});

describe("readApiExport over PasarGuard's REST API", () => {
  it("gives every field the database gives but what the API hides, access through groups included", async () => {
    const fixture = pasarGuardFixture();
    const server = await started(startPasarGuardApi(fixture));
    const api = await readApiExport({
      kind: "PASARGUARD",
      url: server.url,
      username: PEER_ADMIN.username,
      password: PEER_ADMIN.password,
      pageSize: 4,
    });
    const db = fromDb(fixture, "pasarguard");
    const withKey = (u: ImportUserInput) => ({
      ...apiComparable(u),
      key: u.key,
      peerUserId: u.legacyToken?.peerUserId,
    });
    expect(api.users.map(withKey)).toEqual(db.users.map(withKey));
    expect(api.header.inbounds).toEqual(db.header.inbounds);
    expect(api.header.nodes).toEqual(db.header.nodes);
    expect(api.header.admins.map((a) => [a.key, a.role])).toEqual(db.header.admins.map((a) => [a.key, a.role]));
    expect(server.requests.filter((r) => r.startsWith("GET /api/users"))).toEqual([
      "GET /api/users?offset=0&limit=4&sort=username",
      "GET /api/users?offset=4&limit=4&sort=username",
      "GET /api/users?offset=8&limit=4&sort=username",
    ]);
  });
});

describe("readApiExport over Remnawave's REST API", () => {
  const fixture = remnawaveFixture();

  it("reads every field of every user from the keyset stream, in our units", async () => {
    const server = await started(startRemnawaveApi(fixture));
    const api = await readApiExport({ kind: "REMNAWAVE", url: server.url, token: fixture.token, pageSize: 4 });
    const inboundKey = (tag: string) => fixture.profile.inboundUuids[tag];
    expect(api.users).toEqual(
      fixture.users.map((u) => ({
        key: String(u.id),
        username: u.username,
        enabled: u.status !== "DISABLED",
        onHold: false,
        peerStatus: u.status,
        dataLimit: u.trafficLimitBytes || null,
        usedTraffic: u.usedTrafficBytes,
        lifetimeUsedTraffic: u.lifetimeUsedTrafficBytes,
        expireAt: u.expireAt,
        onHoldExpireSeconds: null,
        resetStrategy:
          u.trafficLimitStrategy === "NO_RESET"
            ? "NONE"
            : u.trafficLimitStrategy === "MONTH_ROLLING"
              ? "MONTH"
              : u.trafficLimitStrategy,
        periodStartedAt: u.lastTrafficResetAt ?? u.createdAt,
        deviceLimit: u.hwidDeviceLimit || null,
        note: u.description,
        telegramId: u.telegramId === null ? null : String(u.telegramId),
        createdAt: u.createdAt,
        ownerKey: null,
        subToken: u.shortUuid,
        legacyToken: null,
        credentials: { vlessId: u.vlessUuid, trojanPassword: u.trojanPassword, shadowsocksPassword: u.ssPassword },
        access: [
          ...new Set(fixture.squads.filter((s) => u.squadUuids.includes(s.uuid)).flatMap((s) => s.inboundTags)),
        ].map((tag) =>
          tag === "SHADOWSOCKS"
            ? { inboundKey: inboundKey(tag), method: "chacha20-ietf-poly1305" }
            : { inboundKey: inboundKey(tag) },
        ),
      })),
    );
    expect(server.requests.filter((r) => r.startsWith("GET /api/users"))).toEqual([
      "GET /api/users/stream?size=4",
      "GET /api/users/stream?cursor=4&size=4",
    ]);
  });

  it("imports the profile's inbounds on the nodes that activate them, with Remnawave's implied vision flow, and the links' path", async () => {
    const server = await started(startRemnawaveApi(fixture));
    const api = await readApiExport({ kind: "REMNAWAVE", url: server.url, token: fixture.token });
    expect(api.header.source).toEqual({
      kind: "REMNAWAVE",
      instance: new URL(server.url).host,
      // The links clients hold say where the subscription really answers (/s/ behind the proxy).
      subscriptionPaths: ["/", "/api/sub/", "/s/"],
    });
    expect(api.header.nodes).toEqual(fixture.nodes.map((n) => ({ key: n.uuid, name: n.name, address: n.address })));
    const reality = api.header.inbounds.find((i) => i.tag === "VLESS_REALITY");
    expect(reality).toMatchObject({
      key: fixture.profile.inboundUuids.VLESS_REALITY,
      transport: "TCP",
      security: "REALITY",
      protocolSettings: { flow: "xtls-rprx-vision" },
      nodeKeys: fixture.nodes.map((n) => n.uuid),
    });
    expect(api.header.inbounds.find((i) => i.tag === "VLESS_WS")?.protocolSettings?.flow).toBeFalsy();
    const reasons = api.header.unmapped.map((i) => `${i.name}: ${i.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rw_alice: traffic reset MONTH_ROLLING became MONTH/),
        expect.stringMatching(/^email: 1 users carry a email/),
        expect.stringMatching(/^Default-Squad: internal squad not created here/),
      ]),
    );
  });

  it("keys 2.x users by their uuid, reading offset pages where there is no stream yet (before 2.8)", async () => {
    for (const version of ["2.8", "2.7"] as const) {
      const server = await started(startRemnawaveApi(fixture, { version }));
      const api = await readApiExport({ kind: "REMNAWAVE", url: server.url, token: fixture.token, pageSize: 4 });
      expect(api.users.map((u) => u.key)).toEqual(fixture.users.map((u) => u.uuid));
      expect(api.users.map((u) => u.subToken)).toEqual(fixture.users.map((u) => u.shortUuid));
      if (version === "2.7") {
        expect(server.requests.filter((r) => r.startsWith("GET /api/users?"))).toEqual([
          "GET /api/users?start=0&size=4",
          "GET /api/users?start=4&size=4",
        ]);
      }
    }
  });

  it("refuses a wrong token and an unexpected answer, naming the endpoint", async () => {
    const server = await started(startRemnawaveApi(fixture));
    await expect(readApiExport({ kind: "REMNAWAVE", url: server.url, token: "nope" })).rejects.toThrow(
      /^GET \/api\/nodes: HTTP 401/,
    );
    const broken = async () => new Response(JSON.stringify({ response: [{ name: "no uuid" }] }));
    await expect(
      readApiExport({ kind: "REMNAWAVE", url: "http://peer.invalid", token: "t", fetch: broken }),
    ).rejects.toThrow(/^GET \/api\/nodes: unexpected answer:/);
  });
});
