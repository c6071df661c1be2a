import { describe, expect, it } from "vitest";
import { makeInbound, makeRenderOptions, makeUser } from "../testing/factories.ts";
import { capabilitiesFor, renderCoreConfig, type RenderOptions } from "./render.ts";

const options = makeRenderOptions();

type Json = Record<string, any>;
const inboundOf = (config: Json, tag: string): Json => (config.inbounds as Json[]).find((i) => i.tag === tag)!;

describe("renderCoreConfig", () => {
  it("puts the API on loopback, routes it, enables per-user stats and the agent's access log", () => {
    const { config } = renderCoreConfig({ inbounds: [], users: [] }, options) as { config: Json };
    expect(inboundOf(config, "api")).toMatchObject({ listen: "127.0.0.1", port: 10085, protocol: "dokodemo-door" });
    expect(config.routing.rules).toContainEqual({ type: "field", inboundTag: ["api"], outboundTag: "api" });
    expect(config.api.services).toEqual(["HandlerService", "StatsService", "LoggerService"]);
    expect(config.policy.levels["0"]).toEqual({ statsUserUplink: true, statsUserDownlink: true });
    expect(config.log.access).toBe("/state/core/access.log");
  });

  it("gives each inbound only its own users, with email u<id> and the protocol's credential", () => {
    const vless = makeInbound({ tag: "vless-in", protocol: "vless", port: 1001 });
    const vmess = makeInbound({ tag: "vmess-in", protocol: "vmess", port: 1002 });
    const trojan = makeInbound({ tag: "trojan-in", protocol: "trojan", port: 1003 });
    const a = makeUser(1, ["vless-in", "trojan-in"]);
    const b = makeUser(2, ["vmess-in"]);
    const { config, skipped } = renderCoreConfig({ inbounds: [vless, vmess, trojan], users: [a, b] }, options) as {
      config: Json;
      skipped: unknown[];
    };
    expect(skipped).toEqual([]);
    expect(inboundOf(config, "vless-in").settings).toEqual({
      decryption: "none",
      clients: [{ email: "u1", level: 0, id: a.vlessId }],
    });
    expect(inboundOf(config, "vmess-in").settings).toEqual({
      clients: [{ email: "u2", level: 0, id: b.vmessId, alterId: 0 }],
    });
    expect(inboundOf(config, "trojan-in").settings).toEqual({
      clients: [{ email: "u1", level: 0, password: a.trojanPassword }],
    });
  });

  it("renders transports and TLS with the node's certificate", () => {
    const ws = makeInbound({
      tag: "ws-tls",
      protocol: "vless",
      transport: "ws",
      security: "tls",
      transportSettings: { path: "/x", host: "h.example" },
      securitySettings: { serverName: "h.example", alpn: ["http/1.1"] },
    });
    const { config } = renderCoreConfig(
      { inbounds: [ws], users: [] },
      { ...options, tls: { certificateFile: "/c.pem", keyFile: "/k.pem" } },
    ) as { config: Json };
    expect(inboundOf(config, "ws-tls").streamSettings).toEqual({
      network: "ws",
      security: "tls",
      wsSettings: { path: "/x", headers: { Host: "h.example" } },
      tlsSettings: {
        serverName: "h.example",
        alpn: ["http/1.1"],
        certificates: [{ certificateFile: "/c.pem", keyFile: "/k.pem" }],
      },
    });
  });

  it("leaves out what the core cannot run and says why, instead of breaking the whole config", () => {
    const grpc = makeInbound({ tag: "grpc-in", transport: "grpc" });
    const reality = makeInbound({ tag: "reality-in", security: "reality" });
    const tlsNoCert = makeInbound({ tag: "tls-in", security: "tls" });
    const hy2 = makeInbound({ tag: "hy2", protocol: "hysteria2" });
    const { skipped, served } = renderCoreConfig({ inbounds: [grpc, reality, tlsNoCert, hy2], users: [] }, options);
    expect(served).toEqual([]);
    expect(skipped.map((s) => s.tag)).toEqual(["grpc-in", "reality-in", "tls-in", "hy2"]);
    expect(skipped[2]!.reason).toMatch(/certificate/);
  });

  it("renders Xray specifics: vision flow, no alterId, multi-user shadowsocks and REALITY", () => {
    const vless = makeInbound({
      tag: "v",
      protocol: "vless",
      security: "reality",
      protocolSettings: { flow: "xtls-rprx-vision" },
      securitySettings: {
        realityPrivateKey: "priv",
        realityDest: "example.com:443",
        realityServerNames: ["example.com"],
        realityShortIds: ["ab"],
      },
    });
    const vmess = makeInbound({ tag: "m", protocol: "vmess" });
    const ss = makeInbound({ tag: "s", protocol: "shadowsocks", protocolSettings: { method: "aes-256-gcm" } });
    const u = makeUser(3, ["v", "m", "s"]);
    const { config } = renderCoreConfig({ inbounds: [vless, vmess, ss], users: [u] }, { ...options, core: "xray" }) as {
      config: Json;
    };
    expect(inboundOf(config, "v").settings.clients[0]).toEqual({
      email: "u3",
      level: 0,
      id: u.vlessId,
      flow: "xtls-rprx-vision",
    });
    expect(inboundOf(config, "v").streamSettings.realitySettings).toMatchObject({
      privateKey: "priv",
      dest: "example.com:443",
      shortIds: ["ab"],
    });
    expect(inboundOf(config, "m").settings.clients[0]).not.toHaveProperty("alterId");
    // Xray takes a classic cipher from each client, not from the inbound: without it the config fails.
    expect(inboundOf(config, "s").settings).toEqual({
      method: "aes-256-gcm",
      clients: [{ email: "u3", level: 0, password: u.shadowsocksPassword, method: "aes-256-gcm" }],
      network: "tcp,udp",
    });
  });

  it("gives a user with overrides its own UUID, flow and shadowsocks method on those inbounds only", () => {
    const vision = makeInbound({ tag: "v1", protocol: "vless", protocolSettings: { flow: "xtls-rprx-vision" } });
    const second = makeInbound({
      tag: "v2",
      protocol: "vless",
      port: 20_002,
      protocolSettings: { flow: "xtls-rprx-vision" },
    });
    const ss = makeInbound({
      tag: "s",
      protocol: "shadowsocks",
      port: 20_003,
      protocolSettings: { method: "aes-256-gcm" },
    });
    const imported = makeUser(5, ["v1", "v2", "s"], {
      inboundOverrides: {
        v2: { secret: "0b7f2c3a-4d5e-4f60-8a1b-2c3d4e5f6a7b", flow: "" },
        s: { secret: "per-inbound ss pass", method: "chacha20-ietf-poly1305" },
      },
    });
    const plain = makeUser(6, ["v2", "s"]);
    const { config } = renderCoreConfig(
      { inbounds: [vision, second, ss], users: [imported, plain] },
      { ...options, core: "xray" },
    ) as { config: Json };
    expect(inboundOf(config, "v1").settings.clients).toEqual([
      { email: "u5", level: 0, id: imported.vlessId, flow: "xtls-rprx-vision" },
    ]);
    // "" is no flow, even where the inbound sets one; the email stays u<id> for usage.
    expect(inboundOf(config, "v2").settings.clients).toEqual([
      { email: "u5", level: 0, id: "0b7f2c3a-4d5e-4f60-8a1b-2c3d4e5f6a7b" },
      { email: "u6", level: 0, id: plain.vlessId, flow: "xtls-rprx-vision" },
    ]);
    expect(inboundOf(config, "s").settings.clients).toEqual([
      { email: "u5", level: 0, password: "per-inbound ss pass", method: "chacha20-ietf-poly1305" },
      { email: "u6", level: 0, password: plain.shadowsocksPassword, method: "aes-256-gcm" },
    ]);
  });

  it("gives vmess, trojan and hysteria2 clients the secret a user holds for that inbound", () => {
    const vmess = makeInbound({ tag: "m", protocol: "vmess" });
    const trojan = makeInbound({ tag: "t", protocol: "trojan", port: 20_002 });
    const hy2 = makeInbound({ tag: "h", protocol: "hysteria2", port: 20_003, security: "tls" });
    const user = makeUser(8, ["m", "t", "h"], {
      inboundOverrides: {
        m: { secret: "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d" },
        t: { secret: "old trojan" },
        h: { secret: "old hy2" },
      },
    });
    const { config, skipped } = renderCoreConfig(
      { inbounds: [vmess, trojan, hy2], users: [user] },
      {
        ...options,
        core: "xray",
        coreVersion: "Xray 26.3.23 (Xray, Penetrates Everything.)",
        tls: { certificateFile: "/c.pem", keyFile: "/k.pem" },
      },
    ) as { config: Json; skipped: unknown[] };
    expect(skipped).toEqual([]);
    expect(inboundOf(config, "m").settings.clients[0].id).toBe("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
    expect(inboundOf(config, "t").settings.clients[0].password).toBe("old trojan");
    expect(inboundOf(config, "h").settings.clients[0].auth).toBe("old hy2");
  });

  it("leaves a user out of a shadowsocks inbound whose method of its own the core cannot run, not the whole config", () => {
    const ss = makeInbound({ tag: "s", protocol: "shadowsocks", protocolSettings: { method: "aes-256-gcm" } });
    const odd = makeUser(1, ["s"], { inboundOverrides: { s: { method: "rc4-md5" } } });
    const fine = makeUser(2, ["s"]);
    const xray = renderCoreConfig({ inbounds: [ss], users: [odd, fine] }, { ...options, core: "xray" }) as {
      config: Json;
    };
    expect(inboundOf(xray.config, "s").settings.clients.map((c: Json) => c.email)).toEqual(["u2"]);
    // v2ray's one user is then the next one.
    const v2ray = renderCoreConfig({ inbounds: [ss], users: [odd, fine] }, options) as { config: Json };
    expect(inboundOf(v2ray.config, "s").settings).toMatchObject({ email: "u2", method: "aes-256-gcm" });
  });

  it("gives v2ray's single-user shadowsocks inbound its user's overridden password and method", () => {
    const ss = makeInbound({ tag: "s", protocol: "shadowsocks", protocolSettings: { method: "aes-256-gcm" } });
    const user = makeUser(2, ["s"], { inboundOverrides: { s: { secret: "old-pass", method: "aes-128-gcm" } } });
    const { config } = renderCoreConfig({ inbounds: [ss], users: [user] }, options) as { config: Json };
    expect(inboundOf(config, "s").settings).toMatchObject({ method: "aes-128-gcm", password: "old-pass", email: "u2" });
  });

  it("gives Xray a shadowsocks-2022 AES-128 user the 16-byte half of its key, as the subscription tells clients", () => {
    const aes128 = makeInbound({
      tag: "s128",
      protocol: "shadowsocks",
      protocolSettings: { method: "2022-blake3-aes-128-gcm", serverKey: "AAAAAAAAAAAAAAAAAAAAAA==" },
    });
    const aes256 = makeInbound({
      tag: "s256",
      protocol: "shadowsocks",
      protocolSettings: { method: "2022-blake3-aes-256-gcm", serverKey: `${"A".repeat(43)}=` },
    });
    const classic = makeInbound({ tag: "c128", protocol: "shadowsocks", protocolSettings: { method: "aes-128-gcm" } });
    const u = makeUser(4, ["s128", "s256", "c128"], {
      shadowsocksPassword: btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i))),
    });
    const { config } = renderCoreConfig(
      { inbounds: [aes128, aes256, classic], users: [u] },
      { ...options, core: "xray" },
    ) as { config: Json };
    expect(inboundOf(config, "s128").settings.clients[0].password).toBe(
      btoa(String.fromCharCode(...Array.from({ length: 16 }, (_, i) => i))),
    );
    expect(inboundOf(config, "s256").settings.clients[0].password).toBe(u.shadowsocksPassword);
    expect(inboundOf(config, "c128").settings.clients[0].password).toBe(u.shadowsocksPassword);
  });

  it("gives v2ray's single-user shadowsocks inbound its lowest-id user and skips it when it has none", () => {
    const ss = makeInbound({ tag: "s", protocol: "shadowsocks", protocolSettings: { method: "chacha20-poly1305" } });
    const u5 = makeUser(5, ["s"]);
    const u4 = makeUser(4, ["s"]);
    const { config } = renderCoreConfig({ inbounds: [ss], users: [u5, u4] }, options) as { config: Json };
    expect(inboundOf(config, "s").settings).toMatchObject({
      method: "chacha20-poly1305",
      password: u4.shadowsocksPassword,
      email: "u4",
    });
    expect(renderCoreConfig({ inbounds: [ss], users: [] }, options).skipped[0]!.reason).toMatch(/no user/);
  });

  const xray = (version: string): RenderOptions => ({
    ...options,
    core: "xray",
    coreVersion: `Xray ${version} (Xray, Penetrates Everything.) 6a909b2 (go1.26.0 linux/amd64)`,
    tls: { certificateFile: "/c.pem", keyFile: "/k.pem" },
  });

  it("renders Hysteria2 on Xray 26.3.23 and later as Xray's hysteria inbound: version 2, an auth per user, QUIC TLS offering h3", () => {
    const hy2 = makeInbound({
      tag: "hy2",
      protocol: "hysteria2",
      port: 8443,
      security: "tls",
      securitySettings: { serverName: "h.example" },
    });
    const a = makeUser(1, ["hy2"]);
    const b = makeUser(2, ["hy2"]);
    for (const version of ["26.3.23", "26.7.28", "27.0.0"]) {
      const { config, skipped } = renderCoreConfig({ inbounds: [hy2], users: [b, a] }, xray(version)) as {
        config: Json;
        skipped: unknown[];
      };
      expect(skipped).toEqual([]);
      expect(inboundOf(config, "hy2")).toMatchObject({
        protocol: "hysteria",
        port: 8443,
        settings: {
          version: 2,
          clients: [
            { email: "u1", level: 0, auth: a.hysteria2Password },
            { email: "u2", level: 0, auth: b.hysteria2Password },
          ],
        },
      });
      expect(inboundOf(config, "hy2").streamSettings).toEqual({
        network: "hysteria",
        security: "tls",
        hysteriaSettings: { version: 2 },
        tlsSettings: {
          serverName: "h.example",
          alpn: ["h3"],
          certificates: [{ certificateFile: "/c.pem", keyFile: "/k.pem" }],
        },
      });
    }
  });

  it("gives a Hysteria2 inbound with an obfuscation password Xray's salamander UDP mask", () => {
    const hy2 = makeInbound({
      tag: "hy2",
      protocol: "hysteria2",
      security: "tls",
      protocolSettings: { obfsPassword: "hidden" },
    });
    const { config } = renderCoreConfig({ inbounds: [hy2], users: [] }, xray("26.3.23")) as { config: Json };
    expect(inboundOf(config, "hy2").streamSettings.finalmask).toEqual({
      udp: [{ type: "salamander", settings: { password: "hidden" } }],
    });
  });

  it("skips Hysteria2 on an Xray before 26.3.23, on one whose version it cannot read, on v2ray 4.34, and without TLS", () => {
    const hy2 = makeInbound({ tag: "hy2", protocol: "hysteria2", security: "tls" });
    const reasonOn = (o: RenderOptions, inbound = hy2) =>
      renderCoreConfig({ inbounds: [inbound], users: [] }, o).skipped[0]?.reason;
    expect(reasonOn(xray("26.2.6"))).toBe("protocol hysteria2 is not supported on xray 26.2.6");
    expect(reasonOn({ ...xray("x"), coreVersion: "unknown" })).toBe("protocol hysteria2 is not supported on xray");
    expect(reasonOn({ ...options, tls: { certificateFile: "/c.pem", keyFile: "/k.pem" } })).toBe(
      "protocol hysteria2 is not supported on v2ray 4.34.0",
    );
    expect(reasonOn({ ...xray("26.3.23"), tls: null })).toMatch(/no certificate/);
    expect(reasonOn(xray("26.3.23"), { ...hy2, security: "none" })).toBe("hysteria2 needs security tls");
  });
});

describe("capabilitiesFor", () => {
  it("reports v2ray 4.34's set: no hysteria2, no gRPC/HTTPUpgrade/XHTTP, no REALITY, no shadowsocks-2022", () => {
    expect(
      capabilitiesFor({
        core: "v2ray",
        coreVersion: "V2Ray 4.34.0 (V2Fly, a community-driven edition of V2Ray.) Custom (go1.15.9 linux/amd64)",
        tls: null,
      }),
    ).toEqual({
      core: "v2ray",
      version: "4.34.0",
      protocols: ["vless", "vmess", "trojan", "shadowsocks"],
      transports: ["tcp", "ws"],
      securities: ["none", "tls"],
      shadowsocksMethods: ["aes-128-gcm", "aes-256-gcm", "chacha20-poly1305", "chacha20-ietf-poly1305"],
      tlsCertificate: false,
    });
  });

  it("adds hysteria2 from Xray 26.3.23 on, with every transport, REALITY and shadowsocks-2022", () => {
    const caps = capabilitiesFor({
      core: "xray",
      coreVersion: "Xray 26.3.23 (Xray, Penetrates Everything.)",
      tls: { certificateFile: "/c.pem", keyFile: "/k.pem" },
    });
    expect(caps).toMatchObject({
      core: "xray",
      version: "26.3.23",
      tlsCertificate: true,
      securities: ["none", "tls", "reality"],
    });
    expect(caps.protocols).toContain("hysteria2");
    expect(caps.transports).toEqual(["tcp", "ws", "grpc", "httpupgrade", "xhttp"]);
    expect(caps.shadowsocksMethods).toContain("2022-blake3-aes-128-gcm");
    expect(
      capabilitiesFor({ core: "xray", coreVersion: "Xray 26.2.6 (Xray, Penetrates Everything.)", tls: null }).protocols,
    ).not.toContain("hysteria2");
  });
});
