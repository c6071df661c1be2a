/**
 * The one shape every share link and config format is built from: an inbound as one node serves
 * it, with one user's secret and a ready remark. Pure data, no Workers APIs, so the Node tests
 * (real v2ray) can import the renderers directly.
 */
import type { UserSecrets } from "../agent/protocol/inbound-override";
import { shadowsocks2022UserKey } from "../agent/protocol/shadowsocks";
import type {
  Protocol,
  ProtocolSettings,
  Security,
  SecuritySettings,
  Transport,
  TransportSettings,
} from "../inbounds/table";

/** What a client needs for TLS or REALITY; empty for security "none". */
export interface ClientSecurity {
  sni?: string;
  alpn?: string[];
  fingerprint?: string;
  allowInsecure?: boolean;
  /** REALITY only. */
  publicKey?: string;
  shortId?: string;
  spiderX?: string;
}

export interface Endpoint {
  remark: string;
  /** Host name or IP the client connects to (IPv6 without brackets). */
  address: string;
  port: number;
  protocol: Protocol;
  /** vless/vmess: the UUID; trojan/hysteria2: the password; shadowsocks: the password the client sends. */
  secret: string;
  /** shadowsocks only. */
  method?: string;
  /** vless only. */
  flow?: string;
  /** hysteria2 only: salamander obfuscation. */
  obfsPassword?: string;
  transport: Transport;
  transportSettings: TransportSettings;
  security: Security;
  tls: ClientSecurity;
}

/** The user's per-protocol secrets, as stored on the user. */
export type { UserSecrets } from "../agent/protocol/inbound-override";

/** An inbound as the subscription needs it (a subset of the inbounds row). */
export interface ServedInbound {
  id: number;
  tag: string;
  remark: string;
  protocol: Protocol;
  port: number;
  transport: Transport;
  security: Security;
  protocolSettings: ProtocolSettings;
  transportSettings: TransportSettings;
  securitySettings: SecuritySettings;
}

/** What a shadowsocks client puts in its password field: `serverKey:userKey` for 2022 methods. */
export function shadowsocksClientPassword(settings: ProtocolSettings, userPassword: string): string {
  const method = settings.method ?? "";
  if (!method.startsWith("2022-")) return userPassword;
  return `${settings.serverKey ?? ""}:${shadowsocks2022UserKey(method, userPassword)}`;
}

function secretFor(inbound: ServedInbound, secrets: UserSecrets): string {
  switch (inbound.protocol) {
    case "vless":
      return secrets.vlessId;
    case "vmess":
      return secrets.vmessId;
    case "trojan":
      return secrets.trojanPassword;
    case "shadowsocks":
      return shadowsocksClientPassword(inbound.protocolSettings, secrets.shadowsocksPassword);
    case "hysteria2":
      return secrets.hysteria2Password;
  }
}

function clientSecurity(inbound: ServedInbound): ClientSecurity {
  const s = inbound.securitySettings;
  if (inbound.security === "tls") {
    return {
      sni: s.serverName,
      alpn: s.alpn?.length ? s.alpn : undefined,
      fingerprint: s.fingerprint,
      allowInsecure: s.allowInsecure || undefined,
    };
  }
  if (inbound.security === "reality") {
    return {
      sni: s.serverName ?? s.realityServerNames?.[0],
      fingerprint: s.fingerprint ?? "chrome",
      publicKey: s.realityPublicKey,
      shortId: s.realityShortIds?.[0] ?? "",
      spiderX: s.realitySpiderX,
    };
  }
  return {};
}

/** The endpoint one user reaches `inbound` through on a node at `address`. */
export function toEndpoint(inbound: ServedInbound, address: string, secrets: UserSecrets, remark: string): Endpoint {
  const p = inbound.protocolSettings;
  return {
    remark,
    address,
    port: inbound.port,
    protocol: inbound.protocol,
    secret: secretFor(inbound, secrets),
    ...(p.method ? { method: p.method } : {}),
    ...(p.flow && inbound.protocol === "vless" ? { flow: p.flow } : {}),
    ...(p.obfsPassword && inbound.protocol === "hysteria2" ? { obfsPassword: p.obfsPassword } : {}),
    transport: inbound.transport,
    transportSettings: inbound.transportSettings,
    security: inbound.security,
    tls: clientSecurity(inbound),
  };
}
