import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { buildThreeXUiDb, type ThreeXUiFixture, type ThreeXUiLayout } from "../../test/fixtures/three-x-ui";
import type { ImportUserInput, PeerExport } from "../model";
import { openSqliteFile } from "../node-sqlite";
import { readThreeXUiDb } from "./three-x-ui";

const dir = mkdtempSync(join(tmpdir(), "three-x-ui-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function build(options: Parameters<typeof buildThreeXUiDb>[1] = {}) {
  const fixture = buildThreeXUiDb(join(dir, `x-ui-${++files}.db`), options);
  return { fixture, read: (nodeAddress?: string) => read(fixture, nodeAddress) };
}

function read(fixture: ThreeXUiFixture, nodeAddress?: string): PeerExport {
  const db = openSqliteFile(fixture.path);
  try {
    return readThreeXUiDb(db, { instance: "old.example.com", nodeAddress, now: fixture.now });
  } finally {
    db.close();
  }
}

const SECRET_FIELD = {
  vless: "vlessId",
  vmess: "vmessId",
  trojan: "trojanPassword",
  shadowsocks: "shadowsocksPassword",
  hysteria: "hysteria2Password",
} as const;
const OUR_PROTOCOL: Record<string, string> = { hysteria: "HYSTERIA2" };

const issuesOf = (exported: PeerExport, key: string) =>
  exported.header.unmapped.filter((i) => i.key === key).map((i) => i.reason);

describe.each<ThreeXUiLayout>(["classic", "v3"])("reading a 3x-ui database (%s layout)", (layout) => {
  const { fixture, read: readIt } = build({ layout });
  const exported = readIt();
  const byKey = new Map(exported.users.map((u) => [u.key, u]));

  it("yields each person once, keyed by subId (or email without one), in the order the panel lists them", () => {
    expect(exported.users.map((u) => u.key)).toEqual(fixture.people.map((p) => p.key));
    expect(byKey.get("email:Мария")?.subToken).toBeUndefined();
  });

  it("imports every field of every user as the source holds it, after unit conversion", () => {
    for (const person of fixture.people) {
      const { credentials, access, ...fields } = byKey.get(person.key)!;
      expect(fields, person.key).toEqual(person.user);
    }
  });

  it("lets each person in with the exact UUID, password and flow of every enabled entry in an inbound it imports", () => {
    const inbounds = new Map(exported.header.inbounds.map((i) => [i.key, i]));
    const served = new Set(fixture.inbounds.filter((i) => i.served).map((i) => i.key));
    for (const person of fixture.people) {
      const user = byKey.get(person.key)!;
      const expected = person.entries.filter((e) => e.enable && served.has(e.inboundKey));
      expect(
        user.access.map((a) => a.inboundKey),
        person.key,
      ).toEqual(expected.map((e) => e.inboundKey));
      for (const entry of expected) {
        const way = user.access.find((a) => a.inboundKey === entry.inboundKey)!;
        const field = SECRET_FIELD[entry.protocol as keyof typeof SECRET_FIELD];
        expect(way.secret ?? user.credentials[field], `${person.key} in ${entry.inboundKey}`).toBe(entry.secret);
        if (entry.protocol === "shadowsocks") {
          const method = way.method ?? inbounds.get(entry.inboundKey)!.protocolSettings?.method;
          expect(method, `${person.key} method in ${entry.inboundKey}`).toBe(
            entry.method || inbounds.get(entry.inboundKey)!.protocolSettings?.method,
          );
        }
        if (entry.protocol === "vless") {
          const flow = way.flow ?? inbounds.get(entry.inboundKey)!.protocolSettings?.flow ?? "";
          expect(flow, `${person.key} flow in ${entry.inboundKey}`).toBe(entry.flow);
        }
      }
    }
  });

  it("takes each protocol's credentials from the person's first entry of it", () => {
    const alice = fixture.people.find((p) => p.username === "alice")!;
    expect(byKey.get(alice.key)!.credentials).toEqual({
      vlessId: alice.entries[0]!.secret,
      vmessId: alice.entries[1]!.secret,
      trojanPassword: alice.entries[2]!.secret,
    });
  });

  it("maps the inbounds it can serve, keeping REALITY keys, and lists the others with their client counts", () => {
    const keys = exported.header.inbounds.map((i) => i.key);
    expect(keys).toEqual(fixture.inbounds.filter((i) => i.served).map((i) => i.key));
    for (const inbound of exported.header.inbounds) {
      const fact = fixture.inbounds.find((i) => i.key === inbound.key)!;
      expect(inbound).toMatchObject({
        port: fact.port,
        protocol: OUR_PROTOCOL[fact.protocol] ?? fact.protocol.toUpperCase(),
        nodeKeys: [fact.nodeKey],
      });
    }
    const reality = fixture.inbounds[0]!.reality!;
    expect(exported.header.inbounds[0]!.securitySettings).toEqual({
      realityPrivateKey: reality.privateKey,
      realityShortIds: reality.shortIds,
      realityDest: reality.dest,
      realityServerNames: reality.serverNames,
      realitySpiderX: "/",
      fingerprint: "chrome",
    });
    for (const fact of fixture.inbounds.filter((i) => !i.served)) {
      expect(issuesOf(exported, fact.key).join()).toMatch(
        new RegExp(`^not imported: .* \\(${fact.clientCount} clients?\\)$`),
      );
    }
    expect(issuesOf(exported, "6")).toEqual(["not imported: transport kcp is not served here (1 client)"]);
    expect(issuesOf(exported, "7")).toEqual(["not imported: protocol wireguard is not served here (2 clients)"]);
    expect(issuesOf(exported, "8")).toContain(
      "disabled on the peer: imported, and its users can connect here: disable or remove it",
    );
    expect(issuesOf(exported, "3")).toContain(
      'tag "inbound-0.0.0.0:20444" is not valid here; imported as "inbound-0.0.0.0_20444"',
    );
  });

  it("reports what has no equal here instead of mapping it silently", () => {
    const key = (name: string) => fixture.people.find((p) => p.username === name)!.key;
    expect(issuesOf(exported, key("frank"))).toEqual([
      "auto-renew every 30 days became a monthly usage reset; the expiry is no longer extended by itself",
      "limitIp 2 (concurrent IPs) has no equal here: the device limit counts subscription devices",
    ]);
    expect(issuesOf(exported, key("gina@example.com"))).toEqual([
      "auto-renew every 10 days has no equal here: imported without a reset",
    ]);
    expect(issuesOf(exported, key("dave"))).toEqual([
      "disabled on the peer in inbound 2 (dave-ws): left out of its access",
    ]);
    expect(issuesOf(exported, key("José_Ñ"))).toEqual([
      'username "José Ñ" became "José_Ñ": characters other than letters, digits, _ . - @ became _',
    ]);
    expect(issuesOf(exported, key("Dup_User_2"))).toEqual([
      'username "Dup_User" became "Dup_User_2": the name is taken',
    ]);
    expect(issuesOf(exported, key("kate"))).toEqual([
      "its entries expire differently (2030-01-01T00:00:00.000Z, 2031-01-01T00:00:00.000Z): taken the most generous",
    ]);
  });

  it("names the 3x-ui host (and 3.x remote nodes) as nodes, and keeps the old subscription paths", () => {
    expect(exported.header.nodes).toEqual(fixture.nodes);
    expect(exported.header.source).toMatchObject({
      kind: "THREE_X_UI",
      instance: "old.example.com",
      subscriptionPaths: fixture.subscriptionPaths,
      subscriptionJsonPaths: fixture.subscriptionJsonPaths,
    });
  });

  it("brings its admin over with the bcrypt hash, so the same password signs in", () => {
    expect(exported.header.admins).toEqual([
      {
        key: fixture.admin.key,
        username: fixture.admin.username,
        role: "ADMIN",
        passwordHash: fixture.admin.passwordHash,
      },
    ]);
  });
});

describe("a damaged 3x-ui database", () => {
  it("lists an inbound whose settings are not JSON, and reads everything else", () => {
    const { fixture, read: readIt } = build();
    const db = new DatabaseSync(fixture.path);
    db.prepare("UPDATE inbounds SET settings = '{\"clients\": [' WHERE id = 2").run();
    db.close();
    const exported = readIt();
    expect(issuesOf(exported, "2")).toEqual(["not imported: its settings are not JSON"]);
    expect(exported.header.inbounds.map((i) => i.key)).not.toContain("2");
    const alice = exported.users.find((u) => u.username === "alice")!;
    expect(alice.access.map((a) => a.inboundKey)).toEqual(["1", "3"]);
  });
});

describe("inbound ports", () => {
  it("serves each inbound on the port the peer used", () => {
    const { fixture, read: readIt } = build({ ports: { 5: 31081 } });
    expect(fixture.inbounds.find((i) => i.id === 5)!.port).toBe(31081);
    expect(readIt().header.inbounds.find((i) => i.key === "5")!.port).toBe(31081);
  });
});

describe("where the 3x-ui host is", () => {
  it("uses the address given over the panel's own domain settings", () => {
    const { read: readIt } = build();
    expect(readIt("203.0.113.7").header.nodes).toEqual([{ key: "local", name: "203.0.113.7", address: "203.0.113.7" }]);
  });

  it("asks for the address when the panel names no domain, and leaves the inbounds without a node", () => {
    const { read: readIt } = build({ settings: { subPath: "/sub/" } });
    const exported = readIt();
    expect(exported.header.nodes).toEqual([]);
    expect(exported.header.inbounds.every((i) => i.nodeKeys.length === 0)).toBe(true);
    expect(issuesOf(exported, "local")).toEqual([
      "the 3x-ui host has no subDomain or webDomain setting: give the address clients connect to (--node-address), or its inbounds get no node",
    ]);
    expect(exported.header.source).toMatchObject({ subscriptionPaths: ["/sub/"], subscriptionJsonPaths: ["/json/"] });
  });
});

describe.each<ThreeXUiLayout>(["classic", "v3"])("a 10,000-user 3x-ui database (%s layout)", (layout) => {
  it("is read whole, every user as the source holds it", () => {
    const { fixture, read: readIt } = build({ layout, users: 10_000 });
    const { users } = readIt();
    expect(users).toHaveLength(10_000);
    const byKey = new Map<string, ImportUserInput>(users.map((u) => [u.key, u]));
    for (const person of fixture.people) {
      const { credentials, access, ...fields } = byKey.get(person.key)!;
      expect(fields).toEqual(person.user);
    }
    expect(new Set(users.map((u) => u.username.toLowerCase())).size).toBe(10_000);
  });
});
