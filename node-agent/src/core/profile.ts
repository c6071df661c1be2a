/**
 * What differs between the two cores the agent drives. Xray is the production core; Debian's
 * v2ray 4.34 is the one tests run. Same gRPC messages, different proto package prefix, and
 * different feature sets (4.34 has no gRPC/HTTPUpgrade/XHTTP transport, no REALITY, no
 * Hysteria2, and its Shadowsocks inbound holds exactly one user and cannot be changed at runtime).
 * What the agent reports to the panel as the core's capabilities is derived from here.
 */
import type { AgentInbound, CoreCapabilities } from "../../../workers/agent/protocol/messages.ts";

export type CoreKind = "xray" | "v2ray";
export const CORE_KINDS: readonly CoreKind[] = ["xray", "v2ray"];

export interface CoreProfile {
  kind: CoreKind;
  /** Proto package prefix: `xray.app.stats.command.StatsService` vs `v2ray.core.app...`. */
  protoPrefix: "xray" | "v2ray.core";
  defaultBin: string;
  runArgs(configPath: string): string[];
  testArgs(configPath: string): string[];
  versionArgs: string[];
  transports: ReadonlySet<AgentInbound["transport"]>;
  securities: ReadonlySet<AgentInbound["security"]>;
  protocols: ReadonlySet<AgentInbound["protocol"]>;
  /** Protocols this core gained in a later release: served only from that version on. */
  protocolSince: Partial<Record<AgentInbound["protocol"], string>>;
  /** Protocols whose inbound users can be added/removed through HandlerService on this core. */
  runtimeUserProtocols: ReadonlySet<AgentInbound["protocol"]>;
  /** Shadowsocks inbound takes `clients: [...]` (Xray) or a single user inline (v2ray 4.34). */
  shadowsocksMultiUser: boolean;
}

export const CORE_PROFILES: Record<CoreKind, CoreProfile> = {
  xray: {
    kind: "xray",
    protoPrefix: "xray",
    defaultBin: "/usr/local/bin/xray",
    runArgs: (path) => ["run", "-c", path],
    testArgs: (path) => ["run", "-test", "-c", path],
    versionArgs: ["version"],
    transports: new Set(["tcp", "ws", "grpc", "httpupgrade", "xhttp"]),
    securities: new Set(["none", "tls", "reality"]),
    protocols: new Set(["vless", "vmess", "trojan", "shadowsocks", "hysteria2"]),
    // The Hysteria2 inbound (protocol "hysteria", network "hysteria") came with Xray-core
    // commit 6a909b25 (PR #5679); v26.3.23 is the first release tag that contains it.
    protocolSince: { hysteria2: "26.3.23" },
    runtimeUserProtocols: new Set(["vless", "vmess", "trojan", "shadowsocks", "hysteria2"]),
    shadowsocksMultiUser: true,
  },
  v2ray: {
    kind: "v2ray",
    protoPrefix: "v2ray.core",
    defaultBin: "/usr/bin/v2ray",
    runArgs: (path) => ["-config", path],
    testArgs: (path) => ["-test", "-config", path],
    versionArgs: ["-version"],
    transports: new Set(["tcp", "ws"]),
    securities: new Set(["none", "tls"]),
    protocols: new Set(["vless", "vmess", "trojan", "shadowsocks"]),
    protocolSince: {},
    runtimeUserProtocols: new Set(["vless", "vmess", "trojan"]),
    shadowsocksMultiUser: false,
  },
};

/** Shadowsocks AEAD ciphers each core can run; SS-2022 (`2022-blake3-*`) is Xray-only. */
export const SHADOWSOCKS_CIPHERS: Record<CoreKind, Record<string, string>> = {
  v2ray: {
    "aes-128-gcm": "AES_128_GCM",
    "aes-256-gcm": "AES_256_GCM",
    "chacha20-poly1305": "CHACHA20_POLY1305",
    "chacha20-ietf-poly1305": "CHACHA20_POLY1305",
  },
  xray: {
    "aes-128-gcm": "AES_128_GCM",
    "aes-256-gcm": "AES_256_GCM",
    "chacha20-poly1305": "CHACHA20_POLY1305",
    "chacha20-ietf-poly1305": "CHACHA20_POLY1305",
    "xchacha20-poly1305": "XCHACHA20_POLY1305",
    "xchacha20-ietf-poly1305": "XCHACHA20_POLY1305",
  },
};

/** SS-2022 methods (Xray only); the user key is derived per method (protocol/shadowsocks.ts). */
const SHADOWSOCKS_2022_METHODS = [
  "2022-blake3-aes-128-gcm",
  "2022-blake3-aes-256-gcm",
  "2022-blake3-chacha20-poly1305",
] as const;

export function isShadowsocks2022(method: string): boolean {
  return method.startsWith("2022-");
}

/** The version number in what `xray version` / `v2ray -version` prints first ("Xray 26.3.23 (…)"), or null. */
function parseCoreVersion(reported: string): string | null {
  return /\b(\d+\.\d+\.\d+)\b/.exec(reported)?.[1] ?? null;
}

/** Numeric comparison of dotted versions: negative when a < b. */
function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * What this core, at the version it reports, can serve. A protocol that arrived in a later
 * release is left out when the version is older or unknown: a skipped inbound is honest, a
 * config the core rejects as a whole takes every inbound down.
 *
 * @example coreCapabilities("v2ray", "V2Ray 4.34.0 (V2Fly …)", false)  // protocols without hysteria2, version "4.34.0"
 */
export function coreCapabilities(
  kind: CoreKind,
  reportedVersion: string,
  tlsCertificate: boolean,
): Omit<CoreCapabilities, "skipped"> {
  const profile = CORE_PROFILES[kind];
  const version = parseCoreVersion(reportedVersion);
  const protocols = [...profile.protocols].filter((p) => {
    const since = profile.protocolSince[p];
    return since === undefined || (version !== null && compareVersions(version, since) >= 0);
  });
  return {
    core: kind,
    version,
    protocols,
    transports: [...profile.transports],
    securities: [...profile.securities],
    shadowsocksMethods: [
      ...Object.keys(SHADOWSOCKS_CIPHERS[kind]),
      ...(kind === "xray" ? SHADOWSOCKS_2022_METHODS : []),
    ],
    tlsCertificate,
  };
}
