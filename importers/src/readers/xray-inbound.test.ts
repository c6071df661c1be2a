import { x25519 } from "@noble/curves/ed25519";
import { describe, expect, it } from "vitest";
import { accessFlow, mapXrayInbound, realityPublicKeyOf, type XrayInboundSource } from "./xray-inbound";

const keyPair = () => {
  const privateKey = x25519.utils.randomPrivateKey();
  return {
    privateKey: Buffer.from(privateKey).toString("base64url"),
    publicKey: Buffer.from(x25519.getPublicKey(privateKey)).toString("base64url"),
  };
};

const inbound = (over: Partial<XrayInboundSource>): XrayInboundSource => ({
  key: "7",
  tag: "in-443",
  remark: "main",
  protocol: "vless",
  port: 443,
  settings: { clients: [], decryption: "none" },
  streamSettings: { network: "tcp", security: "none" },
  nodeKeys: ["host"],
  ...over,
});

const reasons = (result: ReturnType<typeof mapXrayInbound>) => result.issues.map((i) => i.reason);

describe("mapXrayInbound", () => {
  it("keeps every REALITY value a client holds, from 3x-ui's layout", () => {
    const keys = keyPair();
    const result = mapXrayInbound(
      inbound({
        settings: {
          clients: [{ flow: "xtls-rprx-vision" }, { flow: "xtls-rprx-vision" }],
          decryption: "none",
          fallbacks: [],
        },
        streamSettings: {
          network: "tcp",
          security: "reality",
          tcpSettings: { header: { type: "none" } },
          realitySettings: {
            show: false,
            target: "www.example.com:443",
            serverNames: ["www.example.com", "example.com"],
            privateKey: keys.privateKey,
            shortIds: ["6ba85179e30d4fc2", ""],
            settings: { publicKey: keys.publicKey, fingerprint: "firefox", spiderX: "/probe" },
          },
        },
      }),
    );
    expect(result.issues).toEqual([]);
    expect(result.inbound).toEqual({
      key: "7",
      tag: "in-443",
      remark: "main",
      protocol: "VLESS",
      port: 443,
      transport: "TCP",
      security: "REALITY",
      protocolSettings: { flow: "xtls-rprx-vision" },
      transportSettings: {},
      securitySettings: {
        realityPrivateKey: keys.privateKey,
        realityShortIds: ["6ba85179e30d4fc2", ""],
        realityDest: "www.example.com:443",
        realityServerNames: ["www.example.com", "example.com"],
        realitySpiderX: "/probe",
        fingerprint: "firefox",
      },
      nodeKeys: ["host"],
    });
  });

  it("derives the public key the panel will publish from the private key, as xray x25519 does", () => {
    const keys = keyPair();
    expect(realityPublicKeyOf(keys.privateKey)).toBe(keys.publicKey);
  });

  it("reports a stored REALITY public key that does not belong to the private key", () => {
    const keys = keyPair();
    const other = keyPair();
    const result = mapXrayInbound(
      inbound({
        streamSettings: {
          network: "tcp",
          security: "reality",
          realitySettings: {
            dest: "example.com:443",
            serverNames: ["example.com"],
            privateKey: keys.privateKey,
            shortIds: [""],
            settings: { publicKey: other.publicKey },
          },
        },
      }),
    );
    expect(result.inbound?.securitySettings?.realityDest).toBe("example.com:443");
    expect(reasons(result)).toEqual([expect.stringContaining(`links will carry ${keys.publicKey}`)]);
  });

  it("refuses a REALITY inbound without a private key rather than let the panel mint one clients do not know", () => {
    const result = mapXrayInbound(
      inbound({
        streamSettings: { security: "reality", realitySettings: { dest: "a.com:443", serverNames: ["a.com"] } },
      }),
    );
    expect(result.inbound).toBeUndefined();
    expect(reasons(result)).toEqual(["not imported: its REALITY private key is missing"]);
  });

  it("leaves the inbound's flow unset when its clients disagree: each user's flow travels with its access", () => {
    const result = mapXrayInbound(
      inbound({
        settings: { clients: [{ flow: "xtls-rprx-vision" }, { flow: "" }], decryption: "none" },
        streamSettings: { network: "tcp", security: "tls", tlsSettings: { serverName: "a.example.com" } },
      }),
    );
    expect(result.inbound?.protocolSettings).toEqual({});
    const fromTables = mapXrayInbound(
      inbound({
        settings: { clients: [], decryption: "none" },
        streamSettings: { network: "tcp", security: "tls" },
        clientFlows: ["xtls-rprx-vision"],
      }),
    );
    expect(fromTables.inbound?.protocolSettings).toEqual({ flow: "xtls-rprx-vision" });
  });

  it("drops flows the panel cannot serve, for the inbound and its users alike, and says so", () => {
    const result = mapXrayInbound(
      inbound({
        settings: { clients: [{ flow: "xtls-rprx-vision" }, { flow: "xtls-rprx-direct" }] },
        streamSettings: { network: "ws" },
      }),
    );
    expect(result.inbound?.protocolSettings).toEqual({});
    expect(reasons(result)).toEqual([
      "flow xtls-rprx-vision needs TCP with TLS or REALITY here; its users connect without it",
      "flow xtls-rprx-direct is not served here; its users connect without it",
    ]);
    expect(accessFlow(result.inbound!, "xtls-rprx-vision")).toBeUndefined();
  });

  it("gives a user its own flow only where it differs from the inbound's, with an empty one for none", () => {
    const tls = { network: "tcp", security: "tls" };
    const mixed = mapXrayInbound(
      inbound({ settings: { clients: [{ flow: "xtls-rprx-vision" }, { flow: "" }] }, streamSettings: tls }),
    ).inbound!;
    expect(accessFlow(mixed, "xtls-rprx-vision")).toBe("xtls-rprx-vision");
    expect(accessFlow(mixed, "")).toBeUndefined();
    const vision = mapXrayInbound(
      inbound({ settings: { clients: [{ flow: "xtls-rprx-vision" }] }, streamSettings: tls }),
    ).inbound!;
    expect(accessFlow(vision, "xtls-rprx-vision")).toBeUndefined();
    expect(accessFlow(vision, "")).toBe("");
  });

  it("maps ws, httpupgrade, gRPC and xhttp with their paths, hosts, service names and modes", () => {
    const ws = mapXrayInbound(
      inbound({
        protocol: "vmess",
        settings: { clients: [] },
        streamSettings: { network: "ws", wsSettings: { path: "/ws?ed=2048", headers: { Host: "cdn.example.com" } } },
      }),
    );
    expect(ws.inbound).toMatchObject({
      protocol: "VMESS",
      transport: "WS",
      transportSettings: { path: "/ws?ed=2048", host: "cdn.example.com" },
    });
    const upgrade = mapXrayInbound(
      inbound({ streamSettings: { network: "httpupgrade", httpupgradeSettings: { path: "/up", host: "h.example" } } }),
    );
    expect(upgrade.inbound).toMatchObject({
      transport: "HTTPUPGRADE",
      transportSettings: { path: "/up", host: "h.example" },
    });
    const grpc = mapXrayInbound(
      inbound({
        protocol: "trojan",
        settings: { clients: [], fallbacks: [] },
        streamSettings: {
          network: "grpc",
          security: "tls",
          grpcSettings: { serviceName: "svc", multiMode: true },
          tlsSettings: { serverName: "t.example.com", alpn: ["h2", "http/1.1"], settings: { fingerprint: "chrome" } },
        },
      }),
    );
    expect(grpc.inbound).toMatchObject({
      protocol: "TROJAN",
      transport: "GRPC",
      security: "TLS",
      transportSettings: { serviceName: "svc" },
      securitySettings: { serverName: "t.example.com", alpn: ["h2", "http/1.1"], fingerprint: "chrome" },
    });
    expect(reasons(grpc)).toContain("gRPC multiMode is not kept: new links use gun mode");
    const split = mapXrayInbound(
      inbound({ streamSettings: { network: "splithttp", splithttpSettings: { path: "/x", mode: "packet-up" } } }),
    );
    expect(split.inbound).toMatchObject({ transport: "XHTTP", transportSettings: { path: "/x", mode: "packet-up" } });
  });

  it("keeps raw TCP's HTTP header disguise with its host and reports a path links cannot send", () => {
    const result = mapXrayInbound(
      inbound({
        protocol: "vmess",
        settings: { clients: [] },
        streamSettings: {
          network: "raw",
          rawSettings: {
            header: { type: "http", request: { path: ["/news"], headers: { Host: ["a.example", "b.example"] } } },
          },
        },
      }),
    );
    expect(result.inbound).toMatchObject({
      transport: "TCP",
      transportSettings: { headerType: "http", host: "a.example" },
    });
    expect(reasons(result)).toEqual([
      "HTTP header hosts after the first (b.example) are not kept",
      "HTTP header path /news is not kept; links send /",
    ]);
  });

  it("lists transports, protocols and securities it cannot serve, with the reason", () => {
    const refused = (over: Partial<XrayInboundSource>) => reasons(mapXrayInbound(inbound(over)));
    expect(refused({ streamSettings: { network: "kcp" } })).toEqual(["not imported: transport kcp is not served here"]);
    expect(refused({ streamSettings: { network: "quic" } })).toEqual([
      "not imported: transport quic is not served here",
    ]);
    expect(refused({ streamSettings: { network: "http" } })).toEqual([
      "not imported: transport http is not served here",
    ]);
    expect(refused({ protocol: "wireguard" })).toEqual(["not imported: protocol wireguard is not served here"]);
    expect(refused({ protocol: "mixed" })).toEqual(["not imported: protocol mixed is not served here"]);
    expect(refused({ streamSettings: { security: "xtls" } })).toEqual([
      "not imported: security xtls is not served here",
    ]);
    expect(refused({ settings: { decryption: "mlkem768x25519plus.native.0rtt.key" } })).toEqual([
      "not imported: VLESS encryption (mlkem768x25519plus.native.0rtt.key) is not served here",
    ]);
  });

  it("refuses what the panel's own inbound rules refuse, quoting them", () => {
    const result = mapXrayInbound(
      inbound({
        protocol: "shadowsocks",
        settings: { method: "none", password: "x", clients: [] },
        streamSettings: { network: "tcp" },
      }),
    );
    expect(result.inbound).toBeUndefined();
    expect(reasons(result)).toEqual([expect.stringMatching(/^not imported: protocolSettings\.method: /)]);
  });

  it("keeps a shadowsocks method, and a 2022 inbound's server key that its clients' links carry", () => {
    const classic = mapXrayInbound(
      inbound({
        protocol: "shadowsocks",
        settings: { method: "chacha20-ietf-poly1305", clients: [], network: "tcp,udp" },
      }),
    );
    expect(classic.inbound).toMatchObject({
      protocol: "SHADOWSOCKS",
      protocolSettings: { method: "chacha20-ietf-poly1305" },
    });
    expect(classic.issues).toEqual([]);
    const blake = mapXrayInbound(
      inbound({
        protocol: "shadowsocks",
        settings: { method: "2022-blake3-aes-256-gcm", password: Buffer.alloc(32, 1).toString("base64"), clients: [] },
      }),
    );
    expect(blake.inbound?.protocolSettings).toEqual({
      method: "2022-blake3-aes-256-gcm",
      serverKey: Buffer.alloc(32, 1).toString("base64"),
    });
    expect(reasons(blake)).toEqual([]);
  });

  it("names the TLS certificate files the agent must be given, and drops a fingerprint the panel does not offer", () => {
    const result = mapXrayInbound(
      inbound({
        streamSettings: {
          security: "tls",
          tlsSettings: {
            serverName: "a.example.com",
            certificates: [
              { certificateFile: "/root/cert.crt", keyFile: "/root/private.key" },
              { certificate: ["-----BEGIN CERTIFICATE-----"], key: ["-----BEGIN PRIVATE KEY-----"] },
            ],
            settings: { fingerprint: "randomizednoalpn", allowInsecure: false },
          },
        },
      }),
    );
    expect(result.inbound?.securitySettings).toEqual({ serverName: "a.example.com", allowInsecure: false });
    expect(reasons(result)).toEqual([
      "its TLS certificate stays on the host (/root/cert.crt, inline in the panel): give it to the agent with --tls-cert and --tls-key",
      "fingerprint randomizednoalpn is not offered here; links use the panel's default",
    ]);
  });

  it("says when an inbound sat behind something on its host, or carried a remark too long to keep", () => {
    const result = mapXrayInbound(inbound({ listen: "127.0.0.1", remark: "ж".repeat(130) }));
    expect(result.inbound?.remark).toBe("ж".repeat(128));
    expect(reasons(result)).toEqual([
      "remark cut to 128 characters",
      "listens on 127.0.0.1 only on the peer; here it listens on every address of its node",
    ]);
    expect(mapXrayInbound(inbound({ listen: "0.0.0.0" })).issues).toEqual([]);
  });

  it("makes 3x-ui's address-bearing tags valid and says so", () => {
    const result = mapXrayInbound(inbound({ tag: "inbound-0.0.0.0:443" }));
    expect(result.inbound?.tag).toBe("inbound-0.0.0.0_443");
    expect(reasons(result)).toEqual(['tag "inbound-0.0.0.0:443" is not valid here; imported as "inbound-0.0.0.0_443"']);
  });

  it("takes 3x-ui's Hysteria 2 (protocol hysteria, version 2) as hysteria2 over TLS", () => {
    const result = mapXrayInbound(
      inbound({
        protocol: "hysteria",
        settings: { version: 2, clients: [] },
        streamSettings: {
          network: "hysteria",
          security: "tls",
          tlsSettings: { serverName: "h.example.com", alpn: ["h3"] },
        },
      }),
    );
    expect(result.inbound).toMatchObject({ protocol: "HYSTERIA2", transport: "TCP", security: "TLS" });
  });

  it("keeps Hysteria 2's salamander password and reports final masks it cannot serve", () => {
    const result = mapXrayInbound(
      inbound({
        protocol: "hysteria",
        settings: { version: 2, clients: [] },
        streamSettings: {
          network: "hysteria",
          security: "tls",
          tlsSettings: { serverName: "h.example.com" },
          finalmask: { udp: [{ type: "salamander", settings: { password: "655hh2mgo" } }, { type: "noise" }] },
        },
      }),
    );
    expect(result.inbound?.protocolSettings).toEqual({ obfsPassword: "655hh2mgo" });
    expect(reasons(result)).toContain("its noise final mask is not kept: clients that use it need their new links");
    const vless = mapXrayInbound(inbound({ streamSettings: { finalmask: { tcp: [{ type: "fragment" }] } } }));
    expect(reasons(vless)).toEqual(["its fragment final mask is not kept: clients that use it need their new links"]);
  });
});
