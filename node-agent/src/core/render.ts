/**
 * Renders the complete core JSON config from a (verified, locally filtered) payload. The agent
 * owns everything around the inbounds: a loopback-only API inbound for HandlerService/
 * StatsService/LoggerService, per-user stats via policy, an access log in the state dir
 * (the cut module maps users to sockets from it), and the routing that keeps users' traffic away
 * from that API and from private ranges (./routing.ts). Inbounds the chosen core cannot run are left
 * out with a reason instead of producing a config the core rejects as a whole.
 */
import { capabilityMismatch } from "../../../workers/agent/protocol/capabilities.ts";
import type {
  AgentInbound,
  AgentUser,
  CoreCapabilities,
  RoutingPolicy,
} from "../../../workers/agent/protocol/messages.ts";
import { shadowsocks2022UserKey } from "../../../workers/agent/protocol/shadowsocks.ts";
import { userOnInbound } from "../apply/credentials.ts";
import {
  CORE_PROFILES,
  SHADOWSOCKS_CIPHERS,
  coreCapabilities,
  isShadowsocks2022,
  type CoreKind,
  type CoreProfile,
} from "./profile.ts";
import { renderRouting } from "./routing.ts";

export const API_INBOUND_TAG = "api";

export interface TlsFiles {
  certificateFile: string;
  keyFile: string;
}

export interface RenderOptions {
  core: CoreKind;
  /** What the core binary printed for its version ("Xray 26.3.23 (…)"); gates later protocols. */
  coreVersion: string;
  apiPort: number;
  accessLogPath: string;
  /** Address client-facing inbounds bind to; tests use 127.0.0.1. */
  listen: string;
  /** The node's certificate for TLS inbounds unless an inbound names its own files. */
  tls: TlsFiles | null;
  /** The host's own addresses (hostAddressCidrs), blocked for users with the private ranges. */
  hostCidrs?: readonly string[];
}

export interface ServedUsers {
  inbounds: AgentInbound[];
  users: AgentUser[];
  /** Absent: the safe defaults (as for a payload from an edge older than the policy). */
  routing?: RoutingPolicy;
}

export interface SkippedInbound {
  tag: string;
  reason: string;
}

export interface RenderedConfig {
  config: Record<string, unknown>;
  /** Inbounds present in `config`, in payload order. */
  served: AgentInbound[];
  skipped: SkippedInbound[];
}

/**
 * Users of one inbound that this core can hold there, lowest id first (v2ray's single-user
 * Shadowsocks takes the first). A user whose own shadowsocks method (an imported override) the
 * core lacks is left out of that inbound: the core would refuse the whole config for it.
 */
export function usersOfInbound(inbound: AgentInbound, users: readonly AgentUser[], core: CoreKind): AgentUser[] {
  return users
    .filter((u) => u.inboundTags.includes(inbound.tag) && u.email.length > 0 && coreCanHold(inbound, u, core))
    .sort((a, b) => a.id - b.id);
}

function coreCanHold(inbound: AgentInbound, user: AgentUser, core: CoreKind): boolean {
  // Only a method override can make one user's account unrunnable where the inbound's is fine.
  if (inbound.protocol !== "shadowsocks" || user.inboundOverrides?.[inbound.tag]?.method === undefined) return true;
  const method = str(userOnInbound(inbound, user).inbound.protocolSettings, "method") ?? "";
  return isShadowsocks2022(method) || Object.hasOwn(SHADOWSOCKS_CIPHERS[core], method);
}

function str(settings: Record<string, unknown>, key: string): string | undefined {
  const v = settings[key];
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

function strList(settings: Record<string, unknown>, key: string): string[] | undefined {
  const v = settings[key];
  return Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : undefined;
}

/** What the agent reports to the panel: the core's capabilities under these options. */
export function capabilitiesFor(
  options: Pick<RenderOptions, "core" | "coreVersion" | "tls">,
): Omit<CoreCapabilities, "skipped"> {
  return coreCapabilities(options.core, options.coreVersion, options.tls !== null);
}

/**
 * Why this core cannot serve the inbound, or null when it can: the capability rule the panel
 * also applies, then what only the node can know (the inbound's own users and keys).
 */
function unservableReason(
  inbound: AgentInbound,
  profile: CoreProfile,
  capabilities: Omit<CoreCapabilities, "skipped">,
  users: readonly AgentUser[],
): string | null {
  const mismatch = capabilityMismatch(inbound, capabilities);
  if (mismatch) return mismatch;
  // The Hysteria2 listener takes its QUIC TLS from the stream's tlsSettings; REALITY or none fail at start.
  if (inbound.protocol === "hysteria2" && inbound.security !== "tls") return "hysteria2 needs security tls";
  if (inbound.protocol === "shadowsocks") {
    const method = str(inbound.protocolSettings, "method") ?? "";
    if (isShadowsocks2022(method) && !str(inbound.protocolSettings, "serverKey"))
      return "shadowsocks 2022 inbound without serverKey";
    // 4.34 cannot run a Shadowsocks inbound without its one user.
    if (!profile.shadowsocksMultiUser && usersOfInbound(inbound, users, profile.kind).length === 0)
      return "shadowsocks inbound has no user (v2ray needs exactly one)";
  }
  return null;
}

function tlsFilesFor(inbound: AgentInbound, fallback: TlsFiles | null): TlsFiles | null {
  const certificateFile = str(inbound.securitySettings, "certificateFile");
  const keyFile = str(inbound.securitySettings, "keyFile");
  if (certificateFile && keyFile) return { certificateFile, keyFile };
  return fallback;
}

/** One client entry as the core's JSON config spells it for this user on this inbound (its override applied). */
function clientEntry(inbound: AgentInbound, user: AgentUser, profile: CoreProfile): Record<string, unknown> {
  const seen = userOnInbound(inbound, user);
  const settings = seen.inbound.protocolSettings;
  const base = { email: user.email, level: 0 };
  switch (inbound.protocol) {
    case "vless": {
      const flow = str(settings, "flow");
      // Vision flow exists only in Xray; 4.34 would reject the config.
      return { ...base, id: seen.user.vlessId, ...(flow && profile.kind === "xray" ? { flow } : {}) };
    }
    case "vmess":
      // alterId 0 = AEAD; Xray removed the field (and legacy VMess) altogether.
      return { ...base, id: seen.user.vmessId, ...(profile.kind === "v2ray" ? { alterId: 0 } : {}) };
    case "trojan":
      return { ...base, password: seen.user.trojanPassword };
    case "shadowsocks": {
      const method = str(settings, "method") ?? "";
      // Xray reads a classic cipher from each client (none there fails the config) and refuses
      // one on a 2022 client, whose users share the inbound's method.
      return {
        ...base,
        password: shadowsocks2022UserKey(method, seen.user.shadowsocksPassword),
        ...(isShadowsocks2022(method) ? {} : { method }),
      };
    }
    case "hysteria2":
      // Xray's Hysteria2 server matches a client by its `auth` string; the share link carries it as the password.
      return { ...base, auth: seen.user.hysteria2Password };
  }
}

function protocolSettings(inbound: AgentInbound, users: AgentUser[], profile: CoreProfile): Record<string, unknown> {
  const clients = users.map((u) => clientEntry(inbound, u, profile));
  switch (inbound.protocol) {
    case "vless":
      return { decryption: "none", clients };
    case "vmess":
      return { clients };
    case "trojan":
      return { clients };
    case "shadowsocks": {
      const method = str(inbound.protocolSettings, "method") ?? "";
      if (profile.shadowsocksMultiUser) {
        const serverKey = str(inbound.protocolSettings, "serverKey");
        return { method, ...(serverKey ? { password: serverKey } : {}), clients, network: "tcp,udp" };
      }
      const first = users[0];
      if (!first) throw new Error(`shadowsocks inbound ${inbound.tag} rendered without a user`);
      // The single user's own method and password, as its client entry would carry them.
      const { password, method: userMethod } = clientEntry(inbound, first, profile);
      return { method: userMethod ?? method, password, email: first.email, level: 0, network: "tcp,udp" };
    }
    case "hysteria2":
      return { version: 2, clients };
  }
}

function streamSettings(inbound: AgentInbound, options: RenderOptions): Record<string, unknown> {
  const t = inbound.transportSettings;
  const s = inbound.securitySettings;
  const stream: Record<string, unknown> = { network: inbound.transport, security: inbound.security };
  const host = str(t, "host");
  if (inbound.protocol === "hysteria2") {
    // Hysteria2 is its own QUIC transport in Xray (network "hysteria"); the inbound's nominal tcp is not.
    stream.network = "hysteria";
    stream.hysteriaSettings = { version: 2 };
    const obfsPassword = str(inbound.protocolSettings, "obfsPassword");
    if (obfsPassword) stream.finalmask = { udp: [{ type: "salamander", settings: { password: obfsPassword } }] };
  } else {
    switch (inbound.transport) {
      case "tcp":
        if (str(t, "headerType") === "http") stream.tcpSettings = { header: { type: "http" } };
        break;
      case "ws":
        stream.wsSettings = { path: str(t, "path") ?? "/", ...(host ? { headers: { Host: host } } : {}) };
        break;
      case "grpc":
        stream.grpcSettings = { serviceName: str(t, "serviceName") ?? "" };
        break;
      case "httpupgrade":
        stream.httpupgradeSettings = { path: str(t, "path") ?? "/", ...(host ? { host } : {}) };
        break;
      case "xhttp":
        stream.xhttpSettings = {
          path: str(t, "path") ?? "/",
          ...(host ? { host } : {}),
          ...(str(t, "mode") ? { mode: str(t, "mode") } : {}),
        };
        break;
    }
  }
  if (inbound.security === "tls") {
    const files = tlsFilesFor(inbound, options.tls);
    // Hysteria2 clients offer ALPN h3 only; a listener without it fails every handshake.
    const alpn = inbound.protocol === "hysteria2" ? ["h3"] : strList(s, "alpn");
    stream.tlsSettings = {
      ...(str(s, "serverName") ? { serverName: str(s, "serverName") } : {}),
      ...(alpn ? { alpn } : {}),
      certificates: files ? [{ certificateFile: files.certificateFile, keyFile: files.keyFile }] : [],
    };
  } else if (inbound.security === "reality") {
    stream.realitySettings = {
      show: false,
      dest: str(s, "realityDest") ?? "",
      serverNames: strList(s, "realityServerNames") ?? [],
      privateKey: str(s, "realityPrivateKey") ?? "",
      shortIds: strList(s, "realityShortIds") ?? [""],
    };
  }
  return stream;
}

/**
 * The full core config for these inbounds and users.
 *
 * @example renderCoreConfig(payload, { core: "v2ray", coreVersion: "V2Ray 4.34.0", apiPort: 10085, accessLogPath: "/var/lib/vortex-agent/core/access.log", listen: "0.0.0.0", tls: null })
 */
export function renderCoreConfig(served: ServedUsers, options: RenderOptions): RenderedConfig {
  const profile = CORE_PROFILES[options.core];
  const capabilities = capabilitiesFor(options);
  const skipped: SkippedInbound[] = [];
  const rendered: AgentInbound[] = [];
  const inbounds: Record<string, unknown>[] = [
    {
      tag: API_INBOUND_TAG,
      // Loopback only: the API has no authentication of its own.
      listen: "127.0.0.1",
      port: options.apiPort,
      protocol: "dokodemo-door",
      settings: { address: "127.0.0.1" },
    },
  ];
  const userInbounds: Record<string, unknown>[] = [];
  for (const inbound of served.inbounds) {
    const reason =
      inbound.tag === API_INBOUND_TAG
        ? "tag is reserved for the agent's API inbound"
        : unservableReason(inbound, profile, capabilities, served.users);
    if (reason) {
      skipped.push({ tag: inbound.tag, reason });
      continue;
    }
    rendered.push(inbound);
    userInbounds.push({
      tag: inbound.tag,
      listen: options.listen,
      port: inbound.port,
      // Xray names the Hysteria2 inbound "hysteria" (settings.version 2).
      protocol: inbound.protocol === "hysteria2" ? "hysteria" : inbound.protocol,
      settings: protocolSettings(inbound, usersOfInbound(inbound, served.users, profile.kind), profile),
      streamSettings: streamSettings(inbound, options),
    });
  }
  const { routing, outbounds, sniffing } = renderRouting(
    served.routing,
    rendered.map((i) => i.tag),
    { apiInboundTag: API_INBOUND_TAG, apiPort: options.apiPort },
    options.hostCidrs,
  );
  if (sniffing) for (const inbound of userInbounds) inbound.sniffing = sniffing;
  inbounds.push(...userInbounds);
  const config = {
    log: { loglevel: "warning", access: options.accessLogPath },
    api: { tag: API_INBOUND_TAG, services: ["HandlerService", "StatsService", "LoggerService"] },
    stats: {},
    policy: {
      levels: { "0": { statsUserUplink: true, statsUserDownlink: true } },
      system: {
        statsInboundUplink: true,
        statsInboundDownlink: true,
        statsOutboundUplink: true,
        statsOutboundDownlink: true,
      },
    },
    inbounds,
    outbounds,
    routing,
  };
  return { config, served: rendered, skipped };
}
