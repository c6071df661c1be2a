import type { Endpoint } from "../endpoint";
import { visionFlow } from "./vision";

/** Private and loopback ranges go direct; explicit CIDRs need no geoip.dat on the client. */
export const PRIVATE_CIDRS = [
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "::1/128",
  "fc00::/7",
  "fe80::/10",
];

/** Xray has no hysteria2 outbound that every shipping client knows, so these endpoints are left out. */
export const xrayJsonSupports = (e: Endpoint) => e.protocol !== "hysteria2";

function streamSettings(e: Endpoint): Record<string, unknown> {
  const t = e.transportSettings;
  const stream: Record<string, unknown> = { network: e.transport, security: e.security };
  switch (e.transport) {
    case "tcp":
      if (t.headerType === "http") {
        stream.tcpSettings = {
          header: { type: "http", request: { path: [t.path ?? "/"], headers: t.host ? { Host: [t.host] } : {} } },
        };
      }
      break;
    case "ws":
      stream.wsSettings = { path: t.path ?? "/", ...(t.host ? { headers: { Host: t.host } } : {}) };
      break;
    case "grpc":
      stream.grpcSettings = { serviceName: t.serviceName ?? "", multiMode: t.mode === "multi" };
      break;
    case "httpupgrade":
      stream.httpupgradeSettings = { path: t.path ?? "/", ...(t.host ? { host: t.host } : {}) };
      break;
    case "xhttp":
      stream.xhttpSettings = { path: t.path ?? "/", mode: t.mode ?? "auto", ...(t.host ? { host: t.host } : {}) };
      break;
  }
  const s = e.tls;
  if (e.security === "tls") {
    stream.tlsSettings = {
      ...(s.sni ? { serverName: s.sni } : {}),
      ...(s.alpn ? { alpn: s.alpn } : {}),
      ...(s.fingerprint ? { fingerprint: s.fingerprint } : {}),
      ...(s.allowInsecure ? { allowInsecure: true } : {}),
    };
  } else if (e.security === "reality") {
    stream.realitySettings = {
      serverName: s.sni ?? "",
      fingerprint: s.fingerprint ?? "chrome",
      publicKey: s.publicKey ?? "",
      shortId: s.shortId ?? "",
      spiderX: s.spiderX ?? "",
    };
  }
  return stream;
}

/** The `proxy` outbound for one endpoint, in the JSON both Xray and v2ray read. */
export function xrayOutbound(e: Endpoint): Record<string, unknown> {
  const server = { address: e.address, port: e.port };
  const base = { tag: "proxy", protocol: e.protocol };
  switch (e.protocol) {
    case "vless":
      return {
        ...base,
        settings: {
          vnext: [
            {
              ...server,
              users: [
                {
                  id: e.secret,
                  encryption: "none",
                  ...visionFlow(e),
                },
              ],
            },
          ],
        },
        streamSettings: streamSettings(e),
      };
    case "vmess":
      // alterId left out: 0 (VMess AEAD) is the default in v2ray and the only value Xray accepts.
      return {
        ...base,
        settings: { vnext: [{ ...server, users: [{ id: e.secret, security: "auto" }] }] },
        streamSettings: streamSettings(e),
      };
    case "trojan":
      return { ...base, settings: { servers: [{ ...server, password: e.secret }] }, streamSettings: streamSettings(e) };
    case "shadowsocks":
      return {
        ...base,
        settings: { servers: [{ ...server, method: e.method, password: e.secret }] },
        streamSettings: streamSettings(e),
      };
    case "hysteria2":
      throw new Error("hysteria2 has no Xray JSON outbound here; filter with xrayJsonSupports");
  }
}

export interface XrayClientPorts {
  socks: number;
  http: number;
}

/** One complete client config: local SOCKS and HTTP in, the endpoint out, private ranges direct. */
export function xrayClientConfig(
  e: Endpoint,
  ports: XrayClientPorts = { socks: 10808, http: 10809 },
): Record<string, unknown> {
  return {
    remarks: e.remark,
    log: { loglevel: "warning" },
    inbounds: [
      {
        tag: "socks",
        listen: "127.0.0.1",
        port: ports.socks,
        protocol: "socks",
        settings: { auth: "noauth", udp: true },
        sniffing: { enabled: true, destOverride: ["http", "tls"] },
      },
      { tag: "http", listen: "127.0.0.1", port: ports.http, protocol: "http", settings: {} },
    ],
    outbounds: [
      xrayOutbound(e),
      { tag: "direct", protocol: "freedom", settings: {} },
      { tag: "block", protocol: "blackhole", settings: {} },
    ],
    routing: { domainStrategy: "AsIs", rules: [{ type: "field", ip: PRIVATE_CIDRS, outboundTag: "direct" }] },
  };
}

/**
 * The Xray JSON subscription: an array of complete configs, one per endpoint, each named by its
 * `remarks` — the form v2rayN, v2rayNG, Streisand and Happ import as a list of servers.
 */
export function xrayJson(endpoints: readonly Endpoint[]): string {
  return JSON.stringify(
    endpoints.filter(xrayJsonSupports).map((e) => xrayClientConfig(e)),
    null,
    2,
  );
}
