import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type MarzbanFixture,
  type MarzbanUser,
  marzbanFixture,
  mintMarzbanToken,
  writeMarzbanDb,
} from "../../test/fixtures/marzban";
import type { ImportAccessInput, PeerExport } from "../model";
import { openSqliteFile } from "../node-sqlite";
import { detectSqlitePanel } from "./sqlite-export";
import { readMarzbanDb } from "./marzban";

const dir = mkdtempSync(join(tmpdir(), "marzban-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(fixture: MarzbanFixture, options: { xrayConfig?: boolean; nodeAddress?: string } = {}): PeerExport {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.sqlite3`);
  writeMarzbanDb(path, fixture);
  const db = openSqliteFile(path);
  try {
    return readMarzbanDb(db, {
      instance: "marzban.example.com",
      xrayConfig: options.xrayConfig === false ? undefined : JSON.stringify(fixture.xrayConfig),
      nodeAddress: options.nodeAddress,
    });
  } finally {
    db.close();
  }
}

/** The fixture's config: which tags serve each protocol, and where XTLS flow can run (TCP + REALITY). */
const TAGS: Record<string, string[]> = {
  VLESS: ["VLESS TCP REALITY", "VLESS GRPC REALITY"],
  VMess: ["VMess Websocket"],
  Trojan: ["Trojan Websocket"],
  Shadowsocks: ["Shadowsocks TCP"],
};
const FLOW_CAPABLE = new Set(["VLESS TCP REALITY"]);

/**
 * What Marzban serves the user, written from Marzban's rules: each inbound with the flow the user
 * connects with there (vless) or its method (shadowsocks).
 */
function expectedAccess(u: MarzbanUser, importedTags: Set<string>): ImportAccessInput[] {
  return u.proxies.flatMap((p) =>
    (TAGS[p.type] ?? [])
      .filter((tag) => importedTags.has(tag) && !p.excludedTags.includes(tag))
      .map((tag): ImportAccessInput => {
        if (p.type === "VLESS") return { inboundKey: tag, flow: FLOW_CAPABLE.has(tag) ? (p.settings.flow ?? "") : "" };
        if (p.type === "Shadowsocks") return { inboundKey: tag, method: p.settings.method };
        return { inboundKey: tag };
      }),
  );
}

const iso = (naiveUtc: string) => new Date(`${naiveUtc.replace(" ", "T").slice(0, 23)}Z`).toISOString();

describe("readMarzbanDb", () => {
  const fixture = marzbanFixture();
  const result = read(fixture, { nodeAddress: "panel.example.com" });
  const importedTags = new Set(result.header.inbounds.map((i) => i.key));

  it("reads every field of every user as the source holds it, in our units", () => {
    expect(result.users.map((u) => u.key)).toEqual(fixture.users.map((u) => String(u.id)));
    const inboundFlow = new Map(result.header.inbounds.map((i) => [i.key, i.protocolSettings?.flow ?? ""]));
    // A vless access without its own flow connects with the inbound's.
    const effective = (a: ImportAccessInput): ImportAccessInput =>
      a.method !== undefined || !TAGS.VLESS?.includes(a.inboundKey)
        ? a
        : { inboundKey: a.inboundKey, flow: a.flow ?? inboundFlow.get(a.inboundKey) };
    for (const u of fixture.users) {
      const found = result.users.find((x) => x.key === String(u.id));
      const got = found && { ...found, access: found.access.map(effective) };
      const credential = (type: string, field: "id" | "password") =>
        u.proxies.find((p) => p.type === type)?.settings[field];
      const lastReset = u.usageResets.at(-1);
      expect(got, u.username).toEqual({
        key: String(u.id),
        username: u.username === "Alice" ? "Alice_2" : u.username,
        enabled: u.status !== "disabled",
        onHold: u.status === "on_hold",
        peerStatus: u.status.toUpperCase(),
        dataLimit: u.dataLimit || null,
        usedTraffic: u.usedTraffic,
        lifetimeUsedTraffic: u.usedTraffic + u.usageResets.reduce((sum, r) => sum + r.usedTrafficAtReset, 0),
        expireAt: u.expire === null ? null : new Date(u.expire * 1000).toISOString(),
        onHoldExpireSeconds: u.status === "on_hold" ? u.onHoldExpireDuration : null,
        resetStrategy: { no_reset: "NONE", day: "DAY", week: "WEEK", month: "MONTH", year: "YEAR" }[u.resetStrategy],
        periodStartedAt: iso(lastReset ? lastReset.resetAt : u.createdAt),
        deviceLimit: null,
        note: u.note,
        telegramId: null,
        createdAt: iso(u.createdAt),
        ownerKey: u.adminId === null ? null : String(u.adminId),
        subToken: null,
        legacyToken: { username: u.username, peerUserId: null, notBefore: expect.any(String) },
        credentials: Object.fromEntries(
          Object.entries({
            vlessId: credential("VLESS", "id"),
            vmessId: credential("VMess", "id"),
            trojanPassword: credential("Trojan", "password"),
            shadowsocksPassword: credential("Shadowsocks", "password"),
          }).filter(([, v]) => v !== undefined),
        ),
        access: expectedAccess(u, importedTags),
      });
    }
  });

  it("sets a legacy token's notBefore to the first whole second after both creation and revocation", () => {
    const notBefore = (username: string) =>
      result.users.find((u) => u.legacyToken?.username === username)?.legacyToken?.notBefore;
    // created 12:00:00.000400, revoked 2024-05-02 09:15:30.999999: a token minted at 09:15:30 is refused.
    expect(notBefore("revoked")).toBe("2024-05-02T09:15:31.000Z");
    // 400 µs past the second still needs the next one: Marzban compares to the microsecond.
    expect(notBefore("Alice")).toBe("2024-04-11T00:00:01.000Z");
    expect(notBefore("alice")).toBe("2024-01-15T08:30:13.000Z");
    // On the second exactly, that second's tokens already resolve.
    expect(notBefore("planned")).toBe("2024-04-10T00:00:00.000Z");
  });

  it("sets notBefore to the first second Marzban itself would accept a token minted at, for every user", () => {
    // Marzban's rule (app/dependencies.py get_validated_sub), to the microsecond: created_at <= t and sub_revoked_at <= t.
    const micros = (naiveUtc: string) =>
      BigInt(Date.parse(`${naiveUtc.slice(0, 19).replace(" ", "T")}Z`)) * 1000n + BigInt(naiveUtc.slice(20, 26));
    const acceptedOnMarzban = (u: MarzbanUser, t: number) =>
      micros(u.createdAt) <= BigInt(t) * 1_000_000n &&
      (u.subRevokedAt === null || micros(u.subRevokedAt) <= BigInt(t) * 1_000_000n);
    for (const u of fixture.users) {
      const notBefore = result.users.find((x) => x.key === String(u.id))?.legacyToken?.notBefore ?? "";
      const t = Date.parse(notBefore) / 1000;
      expect(acceptedOnMarzban(u, t), u.username).toBe(true);
      expect(acceptedOnMarzban(u, t - 1), u.username).toBe(false);
    }
  });

  it("mints test tokens exactly as Marzban does", () => {
    // Computed with Marzban's own expression in Python (base64 altchars "-_", sha256, first 10 characters).
    expect(mintMarzbanToken("Alice", fixture.secretKey, 1_712_793_601)).toBe("QWxpY2UsMTcxMjc5MzYwMQ7IuXS4ytjy");
  });

  it("imports the inbounds of xray_config.json served by the host and every node, REALITY keys included", () => {
    const vless = result.header.inbounds.find((i) => i.key === "VLESS TCP REALITY");
    expect(vless).toMatchObject({
      protocol: "VLESS",
      port: 8443,
      transport: "TCP",
      security: "REALITY",
      nodeKeys: ["main", "1", "2"],
    });
    const reality = fixture.xrayConfig.inbounds[1]?.streamSettings?.realitySettings as { privateKey: string };
    expect(vless?.securitySettings?.realityPrivateKey).toBe(reality.privateKey);
    expect(result.header.inbounds.find((i) => i.key === "VLESS GRPC REALITY")).toMatchObject({
      transport: "GRPC",
      security: "REALITY",
    });
    expect(result.header.inbounds.find((i) => i.key === "VMess Websocket")).toMatchObject({
      transport: "WS",
      security: "NONE",
    });
    expect([...importedTags].sort()).toEqual(Object.values(TAGS).flat().sort());
    // Marzban leaves the method to each user; the inbound takes the most common one.
    expect(result.header.inbounds.find((i) => i.key === "Shadowsocks TCP")?.protocolSettings?.method).toBeTruthy();
    // Xray's API inbound is plumbing, neither imported nor reported.
    expect(JSON.stringify(result.header)).not.toContain("API_INBOUND");
  });

  it("takes the source's secret, nodes, admins and subscription path", () => {
    expect(result.header.source).toMatchObject({
      kind: "MARZBAN",
      instance: "marzban.example.com",
      subscriptionSecret: fixture.secretKey,
      subscriptionPaths: ["/sub/"],
    });
    expect(result.header.nodes).toEqual([
      { key: "main", name: "marzban.example.com", address: "panel.example.com" },
      ...fixture.nodes.map((n) => ({ key: String(n.id), name: n.name, address: n.address })),
    ]);
    expect(result.header.admins).toEqual(
      fixture.admins.map((a) => ({
        key: String(a.id),
        username: a.username,
        role: a.isSudo ? "ADMIN" : "RESELLER",
        passwordHash: a.hashedPassword,
      })),
    );
  });

  it("lists what has no place here instead of dropping it", () => {
    const reasons = result.header.unmapped.map((i) => `${i.kind} ${i.name}: ${i.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^USER bob_onhold: on-hold timeout 2025-06-01T00:00:00.000Z/),
        expect.stringMatching(/^USER planned: auto_delete_in_days 7/),
        expect.stringMatching(/^USER planned: next plan \(data limit 21474836480 bytes, expire \+2592000 s\)/),
        expect.stringMatching(/^USER Alice: username "Alice" became "Alice_2"/),
        expect.stringMatching(/^INBOUND 🚀 Marz \({USERNAME}\) \[{PROTOCOL}\]: host entry \(address cdn.example.com\)/),
        expect.stringMatching(/^GROUP 30 days 50 GB: user templates/),
        expect.stringMatching(/^ADMIN root: Telegram id 111222333/),
      ]),
    );
  });

  it("without xray_config.json lists the inbounds and asks for the host's address, keeping every credential", () => {
    const bare = read(fixture, { xrayConfig: false });
    expect(bare.header.inbounds).toEqual([]);
    expect(bare.users.every((u) => u.access.length === 0)).toBe(true);
    expect(bare.users[0]?.credentials).toEqual({
      vlessId: fixture.users[0]?.proxies[0]?.settings.id,
      vmessId: fixture.users[0]?.proxies[1]?.settings.id,
    });
    const missing = bare.header.unmapped.filter((i) => i.kind === "INBOUND" && /xray_config.json/.test(i.reason));
    expect(missing.map((i) => i.key)).toEqual(fixture.xrayConfig.inbounds.map((i) => i.tag));
    expect(bare.header.unmapped).toContainEqual(
      expect.objectContaining({ kind: "NODE", key: "main", reason: expect.stringMatching(/address/) }),
    );
  });

  it("is told apart from the other panels' databases by its tables", () => {
    const path = join(dir, "detect.sqlite3");
    writeMarzbanDb(path, fixture);
    const db = openSqliteFile(path);
    expect(detectSqlitePanel(db)).toBe("MARZBAN");
    db.close();
  });

  it("reads 10,000 users", () => {
    const big = read(marzbanFixture({ extraUsers: 10_000 }));
    expect(big.users).toHaveLength(10_012);
    expect(new Set(big.users.map((u) => u.username)).size).toBe(10_012);
  });
});
