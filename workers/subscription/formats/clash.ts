import { stringify } from "yaml";
import type { Endpoint } from "../endpoint";
import { visionFlow } from "./vision";
import { URL_TEST_URL } from "./sing-box";

/** Which Clash the client runs: mihomo (Clash Meta, Clash Verge, FlClash) or classic Clash / Stash. */
export type ClashFlavour = "clash-meta" | "clash";

export const GROUP_SELECT = "Proxy";
export const GROUP_AUTO = "Auto";
export const GROUP_FALLBACK = "Fallback";

const CLASSIC_CIPHERS = new Set(["aes-128-gcm", "aes-256-gcm", "chacha20-ietf-poly1305"]);

/**
 * What each flavour can run. mihomo: every protocol, REALITY, HTTPUpgrade (as ws-opts
 * v2ray-http-upgrade) and XHTTP for vless. Classic Clash: vmess, trojan and classic shadowsocks
 * over tcp/ws/grpc with TLS at most.
 */
export function clashSupports(flavour: ClashFlavour, e: Endpoint): boolean {
  if (flavour === "clash-meta") return e.transport !== "xhttp" || e.protocol === "vless";
  if (e.protocol === "shadowsocks") return CLASSIC_CIPHERS.has(e.method ?? "");
  if (e.protocol !== "vmess" && e.protocol !== "trojan") return false;
  return e.security !== "reality" && ["tcp", "ws", "grpc"].includes(e.transport);
}

function network(e: Endpoint): Record<string, unknown> {
  const t = e.transportSettings;
  switch (e.transport) {
    case "tcp":
      if (t.headerType !== "http") return {};
      return {
        network: "http",
        "http-opts": { method: "GET", path: [t.path ?? "/"], ...(t.host ? { headers: { Host: [t.host] } } : {}) },
      };
    case "ws":
      return { network: "ws", "ws-opts": { path: t.path ?? "/", ...(t.host ? { headers: { Host: t.host } } : {}) } };
    case "httpupgrade":
      return {
        network: "ws",
        "ws-opts": {
          path: t.path ?? "/",
          ...(t.host ? { headers: { Host: t.host } } : {}),
          "v2ray-http-upgrade": true,
        },
      };
    case "grpc":
      return { network: "grpc", "grpc-opts": { "grpc-service-name": t.serviceName ?? "" } };
    case "xhttp":
      return {
        network: "xhttp",
        "xhttp-opts": {
          path: t.path ?? "/",
          ...(t.host ? { host: t.host } : {}),
          ...(t.mode && t.mode !== "auto" ? { mode: t.mode } : {}),
        },
      };
  }
}

function security(e: Endpoint, sniKey: "servername" | "sni"): Record<string, unknown> {
  if (e.security === "none") return e.protocol === "trojan" ? {} : { tls: false };
  const s = e.tls;
  return {
    ...(e.protocol === "trojan" ? {} : { tls: true }),
    ...(s.sni ? { [sniKey]: s.sni } : {}),
    ...(s.alpn ? { alpn: s.alpn } : {}),
    ...(s.allowInsecure ? { "skip-cert-verify": true } : {}),
    ...(s.fingerprint ? { "client-fingerprint": s.fingerprint } : {}),
    ...(e.security === "reality"
      ? { "reality-opts": { "public-key": s.publicKey ?? "", "short-id": s.shortId ?? "" } }
      : {}),
  };
}

/** One endpoint as a Clash `proxies` entry. */
export function clashProxy(e: Endpoint): Record<string, unknown> {
  const base = {
    name: e.remark,
    type: e.protocol === "shadowsocks" ? "ss" : e.protocol,
    server: e.address,
    port: e.port,
    udp: true,
  };
  switch (e.protocol) {
    case "vless":
      return {
        ...base,
        uuid: e.secret,
        ...visionFlow(e),
        "packet-encoding": "xudp",
        ...security(e, "servername"),
        ...network(e),
      };
    case "vmess":
      return { ...base, uuid: e.secret, alterId: 0, cipher: "auto", ...security(e, "servername"), ...network(e) };
    case "trojan":
      return { ...base, password: e.secret, ...security(e, "sni"), ...network(e) };
    case "shadowsocks":
      return { ...base, cipher: e.method, password: e.secret };
    case "hysteria2":
      return {
        ...base,
        password: e.secret,
        ...(e.tls.sni ? { sni: e.tls.sni } : {}),
        ...(e.tls.alpn ? { alpn: e.tls.alpn } : {}),
        ...(e.tls.allowInsecure ? { "skip-cert-verify": true } : {}),
        ...(e.obfsPassword ? { obfs: "salamander", "obfs-password": e.obfsPassword } : {}),
      };
  }
}

/** Rules every client understands: local and private traffic direct, everything else through the selector. */
function rules(flavour: ClashFlavour): string[] {
  const lan = flavour === "clash-meta" ? "GEOIP,private,DIRECT,no-resolve" : "GEOIP,LAN,DIRECT,no-resolve";
  return [
    "DOMAIN-SUFFIX,local,DIRECT",
    "IP-CIDR,127.0.0.0/8,DIRECT,no-resolve",
    "IP-CIDR,10.0.0.0/8,DIRECT,no-resolve",
    "IP-CIDR,172.16.0.0/12,DIRECT,no-resolve",
    "IP-CIDR,192.168.0.0/16,DIRECT,no-resolve",
    "IP-CIDR,100.64.0.0/10,DIRECT,no-resolve",
    lan,
    `MATCH,${GROUP_SELECT}`,
  ];
}

/**
 * A whole Clash profile: a manual selector in front of url-test and fallback groups across every
 * endpoint. Group lists are never empty (mihomo refuses an empty group): with no endpoint the
 * selector offers DIRECT alone.
 */
export function clashConfig(flavour: ClashFlavour, endpoints: readonly Endpoint[]): Record<string, unknown> {
  const proxies = endpoints.filter((e) => clashSupports(flavour, e)).map(clashProxy);
  const names = proxies.map((p) => p.name as string);
  const health = { url: URL_TEST_URL, interval: 300 };
  const groups = names.length
    ? [
        { name: GROUP_SELECT, type: "select", proxies: [GROUP_AUTO, GROUP_FALLBACK, ...names, "DIRECT"] },
        { name: GROUP_AUTO, type: "url-test", proxies: names, ...health, tolerance: 50 },
        { name: GROUP_FALLBACK, type: "fallback", proxies: names, ...health },
      ]
    : [{ name: GROUP_SELECT, type: "select", proxies: ["DIRECT"] }];
  return {
    "mixed-port": 7890,
    "allow-lan": false,
    mode: "rule",
    "log-level": "info",
    ...(flavour === "clash-meta" ? { "unified-delay": true, "tcp-concurrent": true } : {}),
    proxies,
    "proxy-groups": groups,
    rules: rules(flavour),
  };
}

export const clashYaml = (flavour: ClashFlavour, endpoints: readonly Endpoint[]) =>
  stringify(clashConfig(flavour, endpoints), { lineWidth: 0 });
