import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type PasarGuardFixture,
  mintPasarGuardToken,
  pasarGuardFixture,
  writePasarGuardDb,
} from "../../test/fixtures/pasarguard";
import type { ImportAccessInput, PeerExport } from "../model";
import { openSqliteFile } from "../node-sqlite";
import { detectSqlitePanel } from "./sqlite-export";
import { readPasarGuardDb } from "./pasarguard";

const dir = mkdtempSync(join(tmpdir(), "pasarguard-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(fixture: PasarGuardFixture): PeerExport {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.sqlite3`);
  writePasarGuardDb(path, fixture);
  const db = openSqliteFile(path);
  try {
    return readPasarGuardDb(db, { instance: "pg.example.com" });
  } finally {
    db.close();
  }
}

const iso = (naiveUtc: string) => new Date(`${naiveUtc.replace(" ", "T").slice(0, 23)}Z`).toISOString();

describe("readPasarGuardDb", () => {
  const fixture = pasarGuardFixture();
  const result = read(fixture);

  it("reads every field of every user as the source holds it, in our units", () => {
    expect(result.users.map((u) => u.key)).toEqual(fixture.users.map((u) => String(u.id)));
    for (const u of fixture.users) {
      const got = result.users.find((x) => x.key === String(u.id));
      const lastReset = u.usageResets.at(-1);
      // Access: the inbounds of the user's enabled groups, each once.
      const tags = [
        ...new Set(
          fixture.groups.filter((g) => u.groupIds.includes(g.id) && !g.isDisabled).flatMap((g) => g.inboundTags),
        ),
      ];
      // A user reaches a group's inbound only with settings for its protocol (here: Hysteria 2 needs `hysteria`).
      const access = tags
        .filter((tag) => tag !== "Hysteria2" || u.proxySettings.hysteria)
        .map(
          (tag): ImportAccessInput =>
            tag === "Shadowsocks"
              ? { inboundKey: tag, method: u.proxySettings.shadowsocks?.method }
              : { inboundKey: tag },
        );
      // Access is a set: the order the peer lists a group's inbounds in means nothing.
      const byKey = (list: ImportAccessInput[]) => [...list].sort((a, b) => a.inboundKey.localeCompare(b.inboundKey));
      expect(got && { ...got, access: byKey(got.access) }, u.username).toEqual({
        key: String(u.id),
        username: u.username,
        enabled: u.status !== "disabled",
        onHold: u.status === "on_hold",
        peerStatus: u.status.toUpperCase(),
        dataLimit: u.dataLimit || null,
        usedTraffic: u.usedTraffic,
        lifetimeUsedTraffic: u.usedTraffic + u.usageResets.reduce((sum, r) => sum + r.usedTrafficAtReset, 0),
        expireAt: u.expire === null ? null : iso(u.expire),
        onHoldExpireSeconds: u.status === "on_hold" ? u.onHoldExpireDuration : null,
        resetStrategy: { no_reset: "NONE", day: "DAY", week: "WEEK", month: "MONTH", year: "YEAR" }[u.resetStrategy],
        periodStartedAt: iso(lastReset ? lastReset.resetAt : u.createdAt),
        deviceLimit: u.hwidLimit || null,
        note: u.note,
        telegramId: null,
        createdAt: iso(u.createdAt),
        ownerKey: u.adminId === null ? null : String(u.adminId),
        subToken: null,
        legacyToken: { username: u.username, peerUserId: String(u.id), notBefore: expect.any(String) },
        credentials: {
          vlessId: u.proxySettings.vless?.id,
          vmessId: u.proxySettings.vmess?.id,
          trojanPassword: u.proxySettings.trojan?.password,
          shadowsocksPassword: u.proxySettings.shadowsocks?.password,
          ...(u.proxySettings.hysteria ? { hysteria2Password: u.proxySettings.hysteria.auth } : {}),
        },
        access: byKey(access),
      });
    }
  });

  it("sets notBefore from created_at or a later revocation, rounded up to the second", () => {
    const notBefore = (name: string) => result.users.find((u) => u.username === name)?.legacyToken?.notBefore;
    expect(notBefore("pg_revoked")).toBe("2025-03-03T03:03:04.000Z");
    expect(notBefore("pg_alice")).toBe("2025-01-05T07:08:10.000Z");
    expect(notBefore("pg_onhold")).toBe("2025-02-01T09:00:00.000Z");
  });

  it("imports the core config's inbounds on the nodes that run it, with the inbound's own vless flow", () => {
    expect(result.header.inbounds.map((i) => [i.key, i.nodeKeys])).toEqual(
      fixture.coreConfig.inbounds.map((i) => [i.tag, ["1", "2"]]),
    );
    const vless = result.header.inbounds.find((i) => i.key === "VLESS TCP REALITY");
    expect(vless).toMatchObject({
      security: "REALITY",
      protocolSettings: { flow: "xtls-rprx-vision" },
      securitySettings: { realityDest: "www.google.com:443" },
    });
    expect(result.header.nodes).toEqual(
      fixture.nodes.map((n) => ({ key: String(n.id), name: n.name, address: n.address })),
    );
  });

  it("takes the secret, and the owner and administrator roles as admins, operators as resellers", () => {
    expect(result.header.source).toMatchObject({
      kind: "PASARGUARD",
      subscriptionSecret: fixture.secretKey,
      subscriptionPaths: ["/sub/"],
    });
    expect(result.header.admins.map((a) => [a.username, a.role, a.passwordHash])).toEqual([
      ["owner", "ADMIN", fixture.admins[0]?.hashedPassword],
      ["seller", "RESELLER", fixture.admins[1]?.hashedPassword],
    ]);
  });

  it("lists groups, an old per-user flow, WireGuard keys and devices instead of dropping them", () => {
    const reasons = result.header.unmapped.map((i) => `${i.kind} ${i.name}: ${i.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^GROUP Premium: not created here: its members get its inbounds \(VLESS TCP REALITY, VMess gRPC\)/,
        ),
        expect.stringMatching(/^GROUP Paused: disabled on the peer/),
        expect.stringMatching(/^USER pg_oldflow: its stored vless flow xtls-rprx-vision-udp443/),
        expect.stringMatching(/^USER WireGuard: 1 users' WireGuard keys/),
        expect.stringMatching(/^USER registered devices: 2 registered devices/),
        expect.stringMatching(/^INBOUND orphan {USERNAME}: host entry \(address a.example.com,b.example.com\)/),
        expect.stringMatching(/^GROUP Monthly: user templates have no equal here/),
      ]),
    );
  });

  it("is told apart from the other panels' databases by its tables", () => {
    const path = join(dir, "detect.sqlite3");
    writePasarGuardDb(path, fixture);
    const db = openSqliteFile(path);
    expect(detectSqlitePanel(db)).toBe("PASARGUARD");
    db.close();
  });

  it("mints test tokens exactly as PasarGuard v5 does", () => {
    // Computed with PasarGuard's own expression in Python (payload "v3,id,t", HMAC-SHA256, base64 altchars "-_").
    expect(mintPasarGuardToken(7, fixture.secretKey, 1_741_000_000)).toBe(
      "djMsNywxNzQxMDAwMDAw.dv3_vrTvFGsc8pVumbym6XSsMNw0xwlbsYKENicR7FA",
    );
  });

  it("reads 10,000 users", () => {
    const big = read(pasarGuardFixture({ extraUsers: 10_000 }));
    expect(big.users).toHaveLength(10_009);
    expect(big.users.at(-1)?.access.map((a) => a.inboundKey)).toEqual(["VLESS TCP REALITY", "VMess gRPC"]);
  });
});
