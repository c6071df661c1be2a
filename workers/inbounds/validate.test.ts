import { describe, expect, it } from "vitest";
import { inboundFieldsSchema, inboundProblems, type InboundFields } from "./validate";

/** A servable inbound as the API would parse it, with the given fields changed. */
const inbound = (overrides: Record<string, unknown> = {}): InboundFields =>
  inboundFieldsSchema.parse({ tag: "test-in", protocol: "vless", port: 443, ...overrides });

/** The offending paths, as a client would see them in `extensions.fields`. */
const paths = (fields: InboundFields) =>
  inboundProblems(fields)
    .map((p) => p.path.join("."))
    .sort();

describe("inboundProblems", () => {
  it("accepts the common working combinations", () => {
    const servable = [
      inbound(),
      inbound({
        transport: "ws",
        security: "tls",
        transportSettings: { path: "/ws", host: "cdn.example.com" },
        securitySettings: { serverName: "example.com" },
      }),
      inbound({
        transport: "grpc",
        security: "tls",
        transportSettings: { serviceName: "svc" },
        securitySettings: { alpn: ["h2"] },
      }),
      inbound({ transport: "xhttp", security: "none", transportSettings: { path: "/x", mode: "packet-up" } }),
      inbound({ protocol: "vmess", transport: "httpupgrade", transportSettings: { path: "/u" } }),
      inbound({
        protocol: "trojan",
        security: "tls",
        securitySettings: { fingerprint: "firefox", allowInsecure: false },
      }),
      inbound({ protocol: "shadowsocks", protocolSettings: { method: "2022-blake3-aes-128-gcm" } }),
      inbound({ protocol: "hysteria2", security: "tls", protocolSettings: { obfsPassword: "salamander" } }),
      inbound({ protocol: "vless", transport: "tcp", security: "tls", protocolSettings: { flow: "xtls-rprx-vision" } }),
      inbound({
        security: "reality",
        protocolSettings: { flow: "xtls-rprx-vision" },
        securitySettings: {
          realityDest: "www.example.com:443",
          realityServerNames: ["www.example.com"],
          realityShortIds: ["", "0123abcd"],
        },
      }),
      inbound({
        protocol: "trojan",
        transport: "grpc",
        security: "reality",
        securitySettings: { realityDest: "a.example:443", realityServerNames: ["a.example"] },
      }),
      inbound({ transport: "tcp", transportSettings: { headerType: "http", host: "example.com" } }),
    ];
    for (const fields of servable) expect(inboundProblems(fields), JSON.stringify(fields)).toEqual([]);
  });

  it("requires hysteria2 to run over TCP-declared QUIC with TLS", () => {
    expect(paths(inbound({ protocol: "hysteria2", transport: "ws" }))).toEqual(["security", "transport"]);
    expect(
      paths(
        inbound({
          protocol: "hysteria2",
          security: "reality",
          securitySettings: { realityDest: "a.b:443", realityServerNames: ["a.b"] },
        }),
      ),
    ).toEqual(["security", "security"]);
  });

  it("refuses a hysteria2 ALPN other than h3, which the node's QUIC listener would never agree to", () => {
    expect(paths(inbound({ protocol: "hysteria2", security: "tls", securitySettings: { alpn: ["h2"] } }))).toEqual([
      "securitySettings.alpn",
    ]);
    expect(paths(inbound({ protocol: "hysteria2", security: "tls", securitySettings: { alpn: ["h3"] } }))).toEqual([]);
  });

  it("requires shadowsocks to have a method, plain TCP and no extra security", () => {
    expect(paths(inbound({ protocol: "shadowsocks" }))).toEqual(["protocolSettings.method"]);
    expect(
      paths(
        inbound({
          protocol: "shadowsocks",
          security: "tls",
          transport: "ws",
          protocolSettings: { method: "aes-256-gcm" },
        }),
      ),
    ).toEqual(["security", "transport"]);
  });

  it("refuses protocol settings that belong to another protocol", () => {
    expect(paths(inbound({ protocolSettings: { method: "aes-128-gcm" } }))).toEqual(["protocolSettings.method"]);
    expect(paths(inbound({ protocol: "trojan", protocolSettings: { obfsPassword: "x" } }))).toEqual([
      "protocolSettings.obfsPassword",
    ]);
    expect(
      paths(inbound({ protocol: "vmess", security: "tls", protocolSettings: { flow: "xtls-rprx-vision" } })),
    ).toEqual(["protocolSettings.flow"]);
  });

  it("allows the vision flow only over TCP with TLS or REALITY", () => {
    expect(paths(inbound({ protocolSettings: { flow: "xtls-rprx-vision" } }))).toEqual(["protocolSettings.flow"]);
    expect(
      paths(inbound({ transport: "ws", security: "tls", protocolSettings: { flow: "xtls-rprx-vision" } })),
    ).toEqual(["protocolSettings.flow"]);
  });

  it("requires REALITY to use vless or trojan over TCP, gRPC or XHTTP, with a destination and a server name", () => {
    expect(paths(inbound({ security: "reality" }))).toEqual([
      "securitySettings.realityDest",
      "securitySettings.realityServerNames",
    ]);
    const reality = { realityDest: "a.example:443", realityServerNames: ["a.example"] };
    expect(paths(inbound({ protocol: "vmess", security: "reality", securitySettings: reality }))).toEqual(["security"]);
    expect(paths(inbound({ transport: "ws", security: "reality", securitySettings: reality }))).toEqual(["transport"]);
    expect(paths(inbound({ security: "reality", securitySettings: { ...reality, realityServerNames: [] } }))).toEqual([
      "securitySettings.realityServerNames",
    ]);
  });

  it("refuses REALITY settings on an inbound without REALITY", () => {
    const strays = {
      realityPrivateKey: "a".repeat(43),
      realityShortIds: ["ab"],
      realityDest: "a.example:443",
      realityServerNames: ["a.example"],
      realitySpiderX: "/",
    };
    expect(paths(inbound({ security: "tls", securitySettings: strays }))).toEqual(
      Object.keys(strays)
        .map((key) => `securitySettings.${key}`)
        .sort(),
    );
  });

  it("refuses TLS settings on an inbound without TLS or REALITY", () => {
    const tls = { serverName: "a.example", alpn: ["h2"], fingerprint: "chrome", allowInsecure: true };
    expect(paths(inbound({ securitySettings: tls }))).toEqual(
      Object.keys(tls)
        .map((key) => `securitySettings.${key}`)
        .sort(),
    );
    expect(paths(inbound({ security: "tls", securitySettings: tls }))).toEqual([]);
  });

  it("refuses transport settings that the chosen transport does not read", () => {
    expect(paths(inbound({ transportSettings: { path: "/p", serviceName: "s", mode: "auto" } }))).toEqual([
      "transportSettings.mode",
      "transportSettings.path",
      "transportSettings.serviceName",
    ]);
    expect(paths(inbound({ transport: "grpc", transportSettings: { host: "a.example", headerType: "http" } }))).toEqual(
      ["transportSettings.headerType", "transportSettings.host"],
    );
  });

  it("reports every problem at once rather than the first", () => {
    const problems = inboundProblems(
      inbound({
        protocol: "shadowsocks",
        transport: "grpc",
        security: "tls",
        protocolSettings: { obfsPassword: "x" },
        transportSettings: { path: "/p" },
      }),
    );
    expect(problems.length).toBe(5);
    for (const problem of problems) expect(problem.message).not.toBe("");
  });
});

describe("inboundFieldsSchema", () => {
  it("fills transport TCP, security NONE and empty settings by default", () => {
    expect(inbound()).toMatchObject({
      transport: "tcp",
      security: "none",
      remark: "",
      protocolSettings: {},
      transportSettings: {},
      securitySettings: {},
    });
  });

  it("refuses ports outside 1 to 65535, odd tags and unknown settings keys", () => {
    for (const bad of [
      { port: 0 },
      { port: 65536 },
      { port: 1.5 },
      { tag: "has space" },
      { tag: "" },
      { transportSettings: { nope: 1 } },
    ]) {
      expect(
        inboundFieldsSchema.safeParse({ tag: "t", protocol: "vless", port: 443, ...bad }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  it("refuses malformed REALITY keys, short ids and destinations", () => {
    for (const securitySettings of [
      { realityPrivateKey: "short" },
      { realityShortIds: ["abc"] },
      { realityShortIds: ["zz"] },
      { realityDest: "no-port" },
    ]) {
      expect(
        inboundFieldsSchema.safeParse({ tag: "t", protocol: "vless", port: 443, securitySettings }).success,
        JSON.stringify(securitySettings),
      ).toBe(false);
    }
  });
});
