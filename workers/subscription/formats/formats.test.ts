import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { toEndpoint, type Endpoint } from "../endpoint";
import { shareLink } from "../links";
import { describeInbound, makeEndpoint, SECRETS, servableInbounds } from "../testing";
import { clashSupports, GROUP_AUTO, GROUP_FALLBACK, GROUP_SELECT } from "./clash";
import { FORMATS, renderFormat } from "./index";
import { singBoxSupports } from "./sing-box";
import { xrayJsonSupports } from "./xray-json";

const inbounds = servableInbounds();
const endpoints: Endpoint[] = inbounds.map((inbound, i) =>
  toEndpoint(inbound, i % 2 ? "203.0.113.7" : "de.example.com", SECRETS, `node ${i} ${describeInbound(inbound)}`),
);

type Obj = Record<string, any>;

/** The outbound fields sing-box documents for each type (docs: configuration/outbound/*). */
const SING_BOX_FIELDS: Record<string, string[]> = {
  vless: [
    "type",
    "tag",
    "server",
    "server_port",
    "uuid",
    "flow",
    "network",
    "tls",
    "packet_encoding",
    "multiplex",
    "transport",
  ],
  vmess: [
    "type",
    "tag",
    "server",
    "server_port",
    "uuid",
    "security",
    "alter_id",
    "global_padding",
    "authenticated_length",
    "network",
    "tls",
    "packet_encoding",
    "transport",
    "multiplex",
  ],
  trojan: ["type", "tag", "server", "server_port", "password", "network", "tls", "multiplex", "transport"],
  shadowsocks: [
    "type",
    "tag",
    "server",
    "server_port",
    "method",
    "password",
    "plugin",
    "plugin_opts",
    "network",
    "udp_over_tcp",
    "multiplex",
  ],
  hysteria2: [
    "type",
    "tag",
    "server",
    "server_port",
    "server_ports",
    "hop_interval",
    "up_mbps",
    "down_mbps",
    "obfs",
    "password",
    "network",
    "tls",
    "brutal_debug",
  ],
  selector: ["type", "tag", "outbounds", "default", "interrupt_exist_connections"],
  urltest: ["type", "tag", "outbounds", "url", "interval", "tolerance", "idle_timeout", "interrupt_exist_connections"],
  direct: ["type", "tag"],
};
const SING_BOX_TLS = ["enabled", "server_name", "insecure", "alpn", "utls", "reality"];
const SING_BOX_TRANSPORT: Record<string, string[]> = {
  ws: ["type", "path", "headers", "max_early_data", "early_data_header_name"],
  grpc: ["type", "service_name", "idle_timeout", "ping_timeout", "permit_without_stream"],
  httpupgrade: ["type", "host", "path", "headers"],
};

describe("whole-config formats", () => {
  it("renders every format for every combination without throwing", () => {
    for (const format of FORMATS) expect(renderFormat(format, endpoints), format).not.toBeNull();
  });

  it("lists one share link per endpoint, in order, and base64 decodes to the same list", () => {
    const plain = renderFormat("links", endpoints)!;
    expect(plain.split("\n")).toEqual(endpoints.map(shareLink));
    const decoded = new TextDecoder().decode(
      Uint8Array.from(atob(renderFormat("base64", endpoints)!), (c) => c.charCodeAt(0)),
    );
    expect(decoded).toBe(plain);
  });

  it("builds one complete Xray config per endpoint, hysteria2 aside, each named by its remark", () => {
    const configs = JSON.parse(renderFormat("xray-json", endpoints)!) as Obj[];
    const served = endpoints.filter(xrayJsonSupports);
    expect(served.length).toBe(endpoints.length - 1);
    expect(configs.map((c) => c.remarks)).toEqual(served.map((e) => e.remark));
    for (const [i, config] of configs.entries()) {
      const e = served[i]!;
      expect(config.outbounds.map((o: Obj) => o.tag)).toEqual(["proxy", "direct", "block"]);
      expect(config.inbounds.map((o: Obj) => o.protocol)).toEqual(["socks", "http"]);
      const proxy = config.outbounds[0];
      expect(proxy.protocol).toBe(e.protocol);
      const server = proxy.settings.vnext?.[0] ?? proxy.settings.servers[0];
      expect([server.address, server.port]).toEqual([e.address, e.port]);
      expect(proxy.streamSettings.network).toBe(e.transport);
      expect(proxy.streamSettings.security).toBe(e.security);
      if (e.security === "reality")
        expect(proxy.streamSettings.realitySettings).toMatchObject({
          publicKey: e.tls.publicKey,
          shortId: e.tls.shortId,
          serverName: e.tls.sni,
          fingerprint: "chrome",
        });
      if (e.security === "tls")
        expect(proxy.streamSettings.tlsSettings).toMatchObject({ serverName: e.tls.sni, alpn: e.tls.alpn });
      const settingsKey = {
        tcp: "tcpSettings",
        ws: "wsSettings",
        grpc: "grpcSettings",
        httpupgrade: "httpupgradeSettings",
        xhttp: "xhttpSettings",
      }[e.transport];
      if (e.transport !== "tcp")
        expect(proxy.streamSettings[settingsKey], describeInbound(inbounds[endpoints.indexOf(e)]!)).toBeDefined();
    }
  });

  it("builds a sing-box profile whose outbounds use only documented fields, behind a selector and an urltest", () => {
    const config = JSON.parse(renderFormat("sing-box", endpoints)!) as Obj;
    const served = endpoints.filter(singBoxSupports);
    expect(served.length).toBeLessThan(endpoints.length);
    const [selector, urltest, ...rest] = config.outbounds as Obj[];
    const proxies = rest.slice(0, -1);
    expect(selector).toMatchObject({
      type: "selector",
      tag: "proxy",
      default: "auto",
      outbounds: ["auto", ...served.map((e) => e.remark)],
    });
    expect(urltest).toMatchObject({ type: "urltest", tag: "auto", outbounds: served.map((e) => e.remark) });
    expect(rest.at(-1)).toEqual({ type: "direct", tag: "direct" });
    expect(config.route.final).toBe("proxy");
    for (const outbound of config.outbounds as Obj[]) {
      for (const key of Object.keys(outbound))
        expect(SING_BOX_FIELDS[outbound.type], `${outbound.type}.${key}`).toContain(key);
      if (outbound.tls) for (const key of Object.keys(outbound.tls)) expect(SING_BOX_TLS).toContain(key);
      if (outbound.transport)
        for (const key of Object.keys(outbound.transport))
          expect(SING_BOX_TRANSPORT[outbound.transport.type]).toContain(key);
    }
    for (const [i, proxy] of proxies.entries()) {
      const e = served[i]!;
      expect([proxy.type, proxy.server, proxy.server_port]).toEqual([e.protocol, e.address, e.port]);
      if (e.security === "reality")
        expect(proxy.tls).toMatchObject({
          enabled: true,
          utls: { enabled: true, fingerprint: "chrome" },
          reality: { enabled: true, public_key: e.tls.publicKey, short_id: e.tls.shortId },
        });
      if (e.protocol === "hysteria2")
        expect(proxy).toMatchObject({
          password: e.secret,
          obfs: { type: "salamander", password: e.obfsPassword },
          tls: { enabled: true, server_name: e.tls.sni },
        });
      if (e.protocol === "shadowsocks") expect(proxy).toMatchObject({ method: e.method, password: e.secret });
    }
  });

  for (const flavour of ["clash-meta", "clash"] as const) {
    it(`builds ${flavour} YAML that parses back to proxies, select/url-test/fallback groups and rules ending in MATCH`, () => {
      const config = parseYaml(renderFormat(flavour, endpoints)!) as Obj;
      const served = endpoints.filter((e) => clashSupports(flavour, e));
      expect(config.mode).toBe("rule");
      expect(config["mixed-port"]).toBe(7890);
      expect(config.proxies.map((p: Obj) => p.name)).toEqual(served.map((e) => e.remark));
      const names = new Set(config.proxies.map((p: Obj) => p.name));
      expect(names.size).toBe(config.proxies.length);
      const groups: Record<string, Obj> = Object.fromEntries((config["proxy-groups"] as Obj[]).map((g) => [g.name, g]));
      expect(groups[GROUP_SELECT]).toMatchObject({
        type: "select",
        proxies: [GROUP_AUTO, GROUP_FALLBACK, ...names, "DIRECT"],
      });
      expect(groups[GROUP_AUTO]).toMatchObject({ type: "url-test", proxies: [...names], interval: 300 });
      expect(groups[GROUP_FALLBACK]).toMatchObject({ type: "fallback", proxies: [...names] });
      // Every group member is a proxy, another group or a built-in.
      for (const group of Object.values(groups))
        for (const member of group.proxies)
          expect(names.has(member) || member in groups || member === "DIRECT").toBe(true);
      expect(config.rules.at(-1)).toBe(`MATCH,${GROUP_SELECT}`);
      for (const rule of config.rules) expect(rule.split(",").length).toBeGreaterThanOrEqual(2);
      for (const [i, proxy] of (config.proxies as Obj[]).entries()) {
        const e = served[i]!;
        expect([proxy.server, proxy.port, proxy.udp]).toEqual([e.address, e.port, true]);
        expect(proxy.type).toBe(e.protocol === "shadowsocks" ? "ss" : e.protocol);
        if (e.protocol === "vless" || e.protocol === "vmess") expect(proxy.uuid).toBe(e.secret);
        if (e.protocol === "shadowsocks") expect(proxy).toMatchObject({ cipher: e.method, password: e.secret });
        if (e.security === "reality")
          expect(proxy).toMatchObject({
            ...(e.protocol === "trojan" ? { sni: e.tls.sni } : { tls: true, servername: e.tls.sni }),
            "client-fingerprint": "chrome",
            "reality-opts": { "public-key": e.tls.publicKey, "short-id": e.tls.shortId },
          });
        if (e.transport === "grpc")
          expect(proxy).toMatchObject({
            network: "grpc",
            "grpc-opts": { "grpc-service-name": e.transportSettings.serviceName },
          });
        if (e.transport === "httpupgrade")
          expect(proxy).toMatchObject({
            network: "ws",
            "ws-opts": { "v2ray-http-upgrade": true, path: e.transportSettings.path },
          });
        if (e.transport === "ws")
          expect(proxy).toMatchObject({
            network: "ws",
            "ws-opts": { path: e.transportSettings.path, headers: { Host: e.transportSettings.host } },
          });
        if (e.protocol === "hysteria2")
          expect(proxy).toMatchObject({ obfs: "salamander", "obfs-password": e.obfsPassword, sni: e.tls.sni });
      }
      if (flavour === "clash")
        expect(
          served.every((e) => ["vmess", "trojan", "shadowsocks"].includes(e.protocol) && e.security !== "reality"),
        ).toBe(true);
      else
        expect(served.length).toBe(endpoints.filter((e) => e.transport !== "xhttp" || e.protocol === "vless").length);
    });
  }

  it("keeps Clash and sing-box valid with no endpoint at all: the selector offers DIRECT", () => {
    const clash = parseYaml(renderFormat("clash-meta", [])!) as Obj;
    expect(clash.proxies).toEqual([]);
    expect(clash["proxy-groups"]).toEqual([{ name: GROUP_SELECT, type: "select", proxies: ["DIRECT"] }]);
    const singBox = JSON.parse(renderFormat("sing-box", [])!) as Obj;
    expect(singBox.outbounds[0]).toEqual({ type: "selector", tag: "proxy", outbounds: ["direct"] });
  });

  it("quotes YAML-significant names so they parse back unchanged", () => {
    const tricky = ["yes", "- dash", "a: b", "#hash", "'quote\"", "123", "null"].map((remark) =>
      makeEndpoint({ remark, protocol: "vmess" }),
    );
    const config = parseYaml(renderFormat("clash-meta", tricky)!) as Obj;
    expect(config.proxies.map((p: Obj) => p.name)).toEqual(tricky.map((e) => e.remark));
  });

  it("gives Outline the first classic shadowsocks endpoint and nothing when there is none", () => {
    const key = renderFormat("outline", endpoints)!;
    const first = endpoints.find((e) => e.protocol === "shadowsocks" && !e.method!.startsWith("2022-"))!;
    expect(key).toBe(shareLink(first));
    expect(
      renderFormat(
        "outline",
        endpoints.filter((e) => e.protocol !== "shadowsocks"),
      ),
    ).toBeNull();
  });
});
