import { describe, expect, it } from "vitest";
import {
  emptyInboundForm,
  generateRealityKeys,
  inboundToForm,
  normalise,
  securitiesFor,
  transportsFor,
  validateInboundForm,
  type InboundFormValues,
} from "./form";

const form = (changes: Partial<InboundFormValues>): InboundFormValues => ({
  ...emptyInboundForm(),
  tag: "in-1",
  ...changes,
});

describe("the inbound form", () => {
  it("offers only the combinations the cores accept", () => {
    expect(securitiesFor("SHADOWSOCKS")).toEqual(["NONE"]);
    expect(securitiesFor("HYSTERIA2")).toEqual(["TLS"]);
    expect(securitiesFor("VMESS")).not.toContain("REALITY");
    expect(transportsFor("VLESS", "REALITY")).toEqual(["TCP", "GRPC", "XHTTP"]);
    expect(transportsFor("HYSTERIA2", "TLS")).toEqual(["TCP"]);
  });

  it("moves to a valid choice when the protocol changes under it", () => {
    expect(normalise(form({ protocol: "SHADOWSOCKS", transport: "WS", security: "TLS" }))).toMatchObject({
      transport: "TCP",
      security: "NONE",
    });
    expect(normalise(form({ protocol: "VLESS", transport: "WS", security: "REALITY" }))).toMatchObject({
      transport: "TCP",
      security: "REALITY",
    });
  });

  it("sends only the settings of the chosen transport and security", () => {
    const result = validateInboundForm(
      form({ transport: "WS", path: "/ws", serviceName: "ignored", serverName: "ignored.example" }),
    );
    expect(result.input).toEqual({
      tag: "in-1",
      remark: "",
      port: 443,
      protocol: "VLESS",
      transport: "WS",
      security: "NONE",
      protocolSettings: {},
      transportSettings: { path: "/ws" },
      securitySettings: {},
    });
  });

  it("needs a destination and server names for REALITY and checks short ids", () => {
    expect(validateInboundForm(form({ security: "REALITY" })).errors).toEqual({
      realityDest: "realityDest",
      realityServerNames: "realityServerNames",
    });
    const ok = validateInboundForm(
      form({
        security: "REALITY",
        realityDest: "www.example.com:443",
        realityServerNames: "www.example.com, example.com",
        realityShortIds: "abcd",
        flow: "xtls-rprx-vision",
      }),
    );
    expect(ok.input?.securitySettings).toMatchObject({
      realityDest: "www.example.com:443",
      realityServerNames: ["www.example.com", "example.com"],
      realityShortIds: ["abcd"],
    });
    expect(ok.input?.protocolSettings).toEqual({ flow: "xtls-rprx-vision" });
    expect(
      validateInboundForm(
        form({ security: "REALITY", realityDest: "a:1", realityServerNames: "a", realityShortIds: "xyz" }),
      ).errors,
    ).toEqual({ realityShortIds: "realityShortIds" });
  });

  it("refuses a bad tag, port, path or a vision flow without TLS", () => {
    expect(
      validateInboundForm(
        form({ tag: "has space", port: "70000", transport: "WS", path: "ws", flow: "xtls-rprx-vision" }),
      ).errors,
    ).toEqual({ tag: "tag", port: "port", path: "path", flow: "flow" });
  });

  it("round-trips a stored inbound through the form", () => {
    const stored = {
      tag: "grpc-r",
      remark: "fast",
      port: 8443,
      protocol: "VLESS" as const,
      transport: "GRPC" as const,
      security: "REALITY" as const,
      protocolSettings: {},
      transportSettings: { serviceName: "svc" },
      securitySettings: {
        realityDest: "a.example:443",
        realityServerNames: ["a.example"],
        realityShortIds: ["0a"],
        fingerprint: "chrome",
        realityPublicKey: "pub",
      },
    };
    const result = validateInboundForm(inboundToForm(stored));
    expect(result.input).toMatchObject({
      tag: "grpc-r",
      port: 8443,
      transportSettings: { serviceName: "svc" },
      securitySettings: { realityDest: "a.example:443", realityShortIds: ["0a"] },
    });
  });
});

describe("REALITY keys", () => {
  it("are 32-byte X25519 keys in base64url, different every time", async () => {
    const a = await generateRealityKeys();
    const b = await generateRealityKeys();
    for (const key of [a.privateKey, a.publicKey]) expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.privateKey).not.toBe(b.privateKey);
    const jwk = { kty: "OKP", crv: "X25519", d: a.privateKey, x: a.publicKey };
    await expect(crypto.subtle.importKey("jwk", jwk, { name: "X25519" }, true, ["deriveBits"])).resolves.toBeTruthy();
  });
});
