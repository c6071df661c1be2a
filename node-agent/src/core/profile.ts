/**
 * What differs between the two cores the agent drives. Xray is the production core; Debian's
 * v2ray 4.34 is the one tests run. Same gRPC messages, different proto package prefix, and
 * different feature sets (4.34 has no gRPC/HTTPUpgrade/XHTTP transport, no REALITY, and its
 * Shadowsocks inbound holds exactly one user and cannot be changed at runtime).
 */
import type { AgentInbound } from "../../../workers/agent/protocol/messages.ts";

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
    // hysteria2 needs an account type this agent does not know yet; it is skipped, not guessed.
    protocols: new Set(["vless", "vmess", "trojan", "shadowsocks"]),
    runtimeUserProtocols: new Set(["vless", "vmess", "trojan", "shadowsocks"]),
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
    runtimeUserProtocols: new Set(["vless", "vmess", "trojan"]),
    shadowsocksMultiUser: false,
  },
};

/** Shadowsocks AEAD ciphers each core can run; SS-2022 (`2022-blake3-*`) is Xray-only. */
export const SHADOWSOCKS_CIPHERS: Record<CoreKind, Record<string, string>> = {
  v2ray: { "aes-128-gcm": "AES_128_GCM", "aes-256-gcm": "AES_256_GCM", "chacha20-poly1305": "CHACHA20_POLY1305", "chacha20-ietf-poly1305": "CHACHA20_POLY1305" },
  xray: {
    "aes-128-gcm": "AES_128_GCM",
    "aes-256-gcm": "AES_256_GCM",
    "chacha20-poly1305": "CHACHA20_POLY1305",
    "chacha20-ietf-poly1305": "CHACHA20_POLY1305",
    "xchacha20-poly1305": "XCHACHA20_POLY1305",
    "xchacha20-ietf-poly1305": "XCHACHA20_POLY1305",
  },
};

export function isShadowsocks2022(method: string): boolean {
  return method.startsWith("2022-");
}
