import type { Endpoint } from "../endpoint";
import { visionFlow } from "./vision";

export const SELECTOR_TAG = "proxy";
export const URLTEST_TAG = "auto";
export const URL_TEST_URL = "https://www.gstatic.com/generate_204";

/**
 * sing-box has no XHTTP transport and no v2ray-style TCP HTTP header; such endpoints are left out
 * rather than turned into a config that fails to start.
 */
export function singBoxSupports(e: Endpoint): boolean {
  if (e.transport === "xhttp") return false;
  if (e.transport === "tcp" && e.transportSettings.headerType === "http") return false;
  return true;
}

function tls(e: Endpoint): Record<string, unknown> | undefined {
  const s = e.tls;
  if (e.security === "none") return undefined;
  const out: Record<string, unknown> = { enabled: true };
  if (s.sni) out.server_name = s.sni;
  if (s.allowInsecure) out.insecure = true;
  if (s.alpn) out.alpn = s.alpn;
  // REALITY needs uTLS on the client; hysteria2 (QUIC) has no uTLS.
  if (s.fingerprint && e.protocol !== "hysteria2") out.utls = { enabled: true, fingerprint: s.fingerprint };
  if (e.security === "reality")
    out.reality = { enabled: true, public_key: s.publicKey ?? "", short_id: s.shortId ?? "" };
  return out;
}

function transport(e: Endpoint): Record<string, unknown> | undefined {
  const t = e.transportSettings;
  switch (e.transport) {
    case "ws":
      return { type: "ws", path: t.path ?? "/", ...(t.host ? { headers: { Host: t.host } } : {}) };
    case "grpc":
      return { type: "grpc", service_name: t.serviceName ?? "" };
    case "httpupgrade":
      return { type: "httpupgrade", path: t.path ?? "/", ...(t.host ? { host: t.host } : {}) };
    default:
      return undefined;
  }
}

/** One endpoint as a sing-box outbound (the documented fields of each outbound type). */
export function singBoxOutbound(e: Endpoint): Record<string, unknown> {
  const base: Record<string, unknown> = { type: e.protocol, tag: e.remark, server: e.address, server_port: e.port };
  const stream = { ...(tls(e) ? { tls: tls(e) } : {}), ...(transport(e) ? { transport: transport(e) } : {}) };
  switch (e.protocol) {
    case "vless":
      return {
        ...base,
        uuid: e.secret,
        ...visionFlow(e),
        packet_encoding: "xudp",
        ...stream,
      };
    case "vmess":
      return { ...base, uuid: e.secret, security: "auto", alter_id: 0, packet_encoding: "xudp", ...stream };
    case "trojan":
      return { ...base, password: e.secret, ...stream };
    case "shadowsocks":
      return { ...base, method: e.method, password: e.secret };
    case "hysteria2":
      return {
        ...base,
        password: e.secret,
        ...(e.obfsPassword ? { obfs: { type: "salamander", password: e.obfsPassword } } : {}),
        tls: tls(e),
      };
  }
}

/**
 * A whole sing-box (1.11+) profile: a TUN inbound for the mobile and desktop apps, a mixed
 * inbound on loopback, a selector over an urltest and every endpoint, private ranges direct.
 */
export function singBoxConfig(endpoints: readonly Endpoint[]): Record<string, unknown> {
  const proxies = endpoints.filter(singBoxSupports).map(singBoxOutbound);
  const tags = proxies.map((p) => p.tag as string);
  const groups = tags.length
    ? [
        {
          type: "selector",
          tag: SELECTOR_TAG,
          outbounds: [URLTEST_TAG, ...tags],
          default: URLTEST_TAG,
          interrupt_exist_connections: true,
        },
        { type: "urltest", tag: URLTEST_TAG, outbounds: tags, url: URL_TEST_URL, interval: "3m", tolerance: 50 },
      ]
    : [{ type: "selector", tag: SELECTOR_TAG, outbounds: ["direct"] }];
  return {
    log: { level: "warn", timestamp: true },
    inbounds: [
      {
        type: "tun",
        tag: "tun-in",
        address: ["172.19.0.1/30", "fdfe:dcba:9876::1/126"],
        auto_route: true,
        strict_route: true,
      },
      { type: "mixed", tag: "mixed-in", listen: "127.0.0.1", listen_port: 2080 },
    ],
    outbounds: [...groups, ...proxies, { type: "direct", tag: "direct" }],
    route: {
      rules: [
        { action: "sniff" },
        { protocol: "dns", action: "hijack-dns" },
        { ip_is_private: true, outbound: "direct" },
      ],
      final: SELECTOR_TAG,
      auto_detect_interface: true,
    },
  };
}

export const singBoxJson = (endpoints: readonly Endpoint[]) => JSON.stringify(singBoxConfig(endpoints), null, 2);
