import { describe, expect, it } from "vitest";
import { shadowsocks2022UserKey } from "../../agent/protocol/shadowsocks";
import { toEndpoint } from "../endpoint";
import { describeInbound, makeEndpoint, SECRETS, servableInbounds } from "../testing";
import { shareLink } from "./index";

const REMARK = "DE 🇩🇪 #1 & co/50%";
const inbounds = servableInbounds();
const fromBase64 = (text: string) => new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
const fromBase64Url = (text: string) =>
  fromBase64(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));

/** What a client reads from a vless/trojan/hysteria2 link, through the WHATWG URL parser. */
function parse(link: string) {
  const url = new URL(link);
  return { url, query: Object.fromEntries(url.searchParams), remark: decodeURIComponent(url.hash.slice(1)) };
}

describe("share links", () => {
  it("covers every servable protocol, transport and security combination", () => {
    const combos = new Set(inbounds.map((i) => `${i.protocol}/${i.transport}/${i.security}`));
    // vless: 5 transports x (none, tls) + reality on tcp/grpc/xhttp; trojan the same; vmess 5 x 2; ss and hysteria2 one each.
    expect(combos.size).toBe(13 + 13 + 10 + 1 + 1);
    expect(inbounds.filter((i) => i.protocol === "shadowsocks")).toHaveLength(6);
  });

  for (const inbound of inbounds) {
    const name = describeInbound(inbound);
    it(`encodes ${name} so clients read back every field`, () => {
      const endpoint = toEndpoint(inbound, "de.example.com", SECRETS, REMARK);
      const link = shareLink(endpoint);
      const t = inbound.transportSettings;
      const s = inbound.securitySettings;
      if (inbound.protocol === "vmess") {
        expect(link).toMatch(/^vmess:\/\/[A-Za-z0-9+/]+=*$/);
        const json = JSON.parse(fromBase64(link.slice("vmess://".length)));
        expect(json).toMatchObject({
          v: "2",
          ps: REMARK,
          add: "de.example.com",
          port: String(inbound.port),
          id: SECRETS.vmessId,
          aid: "0",
          scy: "auto",
          net: inbound.transport,
        });
        expect(json.tls).toBe(inbound.security === "none" ? "" : inbound.security);
        if (inbound.transport === "grpc") expect(json).toMatchObject({ path: t.serviceName, type: "gun" });
        if (inbound.transport === "ws" || inbound.transport === "httpupgrade")
          expect(json).toMatchObject({ path: t.path, host: t.host });
        if (inbound.transport === "xhttp") expect(json).toMatchObject({ path: t.path, host: t.host, type: t.mode });
        if (inbound.security === "tls")
          expect(json).toMatchObject({ sni: s.serverName, fp: s.fingerprint, alpn: "h2,http/1.1" });
        for (const value of Object.values(json)) expect(typeof value).toBe("string");
        return;
      }
      if (inbound.protocol === "shadowsocks") {
        const method = inbound.protocolSettings.method!;
        const url = new URL(link);
        expect(url.hostname).toBe("de.example.com");
        expect(url.port).toBe(String(inbound.port));
        expect(decodeURIComponent(url.hash.slice(1))).toBe(REMARK);
        if (method.startsWith("2022-")) {
          // SIP022: percent-encoded method:serverKey:userKey, never base64.
          const [m, serverKey, userKey] = decodeURIComponent(link.slice(5, link.indexOf("@"))).split(":");
          expect(m).toBe(method);
          expect(serverKey).toBe(inbound.protocolSettings.serverKey);
          expect(userKey).toBe(shadowsocks2022UserKey(method, SECRETS.shadowsocksPassword));
          expect(atob(userKey!).length).toBe(method.includes("aes-128") ? 16 : 32);
        } else {
          const userinfo = link.slice(5, link.indexOf("@"));
          expect(userinfo).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(fromBase64Url(userinfo)).toBe(`${method}:${SECRETS.shadowsocksPassword}`);
        }
        return;
      }
      const { url, query, remark } = parse(link);
      expect(remark).toBe(REMARK);
      expect(url.hostname).toBe("de.example.com");
      expect(url.port).toBe(String(inbound.port));
      if (inbound.protocol === "hysteria2") {
        expect(url.protocol).toBe("hysteria2:");
        expect(url.pathname).toBe("/");
        expect(decodeURIComponent(url.username)).toBe(SECRETS.hysteria2Password);
        expect(query).toEqual({ sni: "tls.example.com", alpn: "h3", obfs: "salamander", "obfs-password": "obfs pass" });
        return;
      }
      expect(url.protocol).toBe(`${inbound.protocol}:`);
      expect(decodeURIComponent(url.username)).toBe(
        inbound.protocol === "vless" ? SECRETS.vlessId : SECRETS.trojanPassword,
      );
      const expected: Record<string, string> = { type: inbound.transport, security: inbound.security };
      if (inbound.protocol === "vless") expected.encryption = "none";
      if (inbound.transport === "ws" || inbound.transport === "httpupgrade")
        Object.assign(expected, { path: t.path, host: t.host });
      if (inbound.transport === "grpc") Object.assign(expected, { serviceName: t.serviceName, mode: "gun" });
      if (inbound.transport === "xhttp") Object.assign(expected, { path: t.path, host: t.host, mode: t.mode });
      if (inbound.security === "tls")
        Object.assign(expected, { sni: s.serverName, fp: s.fingerprint, alpn: "h2,http/1.1" });
      if (inbound.security === "reality") {
        Object.assign(expected, {
          sni: s.realityServerNames![0],
          fp: "chrome",
          pbk: s.realityPublicKey,
          sid: s.realityShortIds![0],
          spx: s.realitySpiderX,
        });
      }
      if (inbound.protocolSettings.flow) expected.flow = inbound.protocolSettings.flow;
      expect(query).toEqual(expected);
    });
  }

  it("brackets IPv6 addresses so the port stays separate", () => {
    const { url } = parse(shareLink(makeEndpoint({ address: "2001:db8::1" })));
    expect(url.hostname).toBe("[2001:db8::1]");
    expect(url.port).toBe("443");
  });

  it("percent-encodes every query value, so a path with ? or & survives", () => {
    const link = shareLink(makeEndpoint({ transport: "ws", transportSettings: { path: "/a?b=1&c", host: "h" } }));
    expect(parse(link).query.path).toBe("/a?b=1&c");
  });

  it("leaves flow out where Vision cannot run", () => {
    const ws = shareLink(
      makeEndpoint({ transport: "ws", security: "tls", flow: "xtls-rprx-vision", transportSettings: { path: "/" } }),
    );
    expect(parse(ws).query.flow).toBeUndefined();
    const plain = shareLink(makeEndpoint({ flow: "xtls-rprx-vision" }));
    expect(parse(plain).query.flow).toBeUndefined();
    const http = shareLink(
      makeEndpoint({ security: "tls", flow: "xtls-rprx-vision", transportSettings: { headerType: "http", host: "h" } }),
    );
    expect(parse(http).query).toMatchObject({ headerType: "http", host: "h", path: "/" });
    expect(parse(http).query.flow).toBeUndefined();
  });

  it("marks insecure TLS with allowInsecure=1 and hysteria2 with insecure=1", () => {
    const tls = { sni: "a.example", allowInsecure: true };
    expect(parse(shareLink(makeEndpoint({ security: "tls", tls }))).query.allowInsecure).toBe("1");
    expect(
      parse(shareLink(makeEndpoint({ protocol: "hysteria2", security: "tls", tls, secret: "p" }))).query.insecure,
    ).toBe("1");
  });

  it("truncates the shadowsocks-2022 user key to 16 bytes for AES-128 only", () => {
    expect(shadowsocks2022UserKey("2022-blake3-aes-128-gcm", SECRETS.shadowsocksPassword)).toBe(
      "AAECAwQFBgcICQoLDA0ODw==",
    );
    expect(shadowsocks2022UserKey("2022-blake3-aes-256-gcm", SECRETS.shadowsocksPassword)).toBe(
      SECRETS.shadowsocksPassword,
    );
  });
});
