import { z } from "zod";
import type { ProtocolSettings, SecuritySettings, TransportSettings } from "./table";
import { PROTOCOLS, SECURITIES, TRANSPORTS } from "./table";

export const SHADOWSOCKS_METHODS = [
  "aes-128-gcm",
  "aes-256-gcm",
  "chacha20-ietf-poly1305",
  "2022-blake3-aes-128-gcm",
  "2022-blake3-aes-256-gcm",
  "2022-blake3-chacha20-poly1305",
] as const;
export const FINGERPRINTS = [
  "chrome",
  "firefox",
  "safari",
  "ios",
  "android",
  "edge",
  "360",
  "qq",
  "random",
  "randomized",
] as const;
export const ALPN = ["h3", "h2", "http/1.1"] as const;
export const XHTTP_MODES = ["auto", "packet-up", "stream-up", "stream-one"] as const;
export const VLESS_FLOWS = ["xtls-rprx-vision"] as const;

const text = (max: number) => z.string().trim().max(max);
const path = z.string().trim().max(256).regex(/^\//, "must start with /");
const hostName = z
  .string()
  .trim()
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$/, "must be a host name");

export const transportSettingsSchema = z
  .object({
    path: path.nullish(),
    host: hostName.nullish(),
    serviceName: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.\-/]{1,128}$/, "use letters, digits, _ . - /")
      .nullish(),
    mode: z.enum(XHTTP_MODES).nullish(),
    headerType: z.enum(["none", "http"]).nullish(),
  })
  .strict();

export const securitySettingsSchema = z
  .object({
    serverName: hostName.nullish(),
    alpn: z.array(z.enum(ALPN)).max(3).nullish(),
    fingerprint: z.enum(FINGERPRINTS).nullish(),
    allowInsecure: z.boolean().nullish(),
    realityPrivateKey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{43}$/, "must be a 32-byte key, base64url")
      .nullish(),
    realityShortIds: z
      .array(z.string().regex(/^([0-9a-f]{2}){0,8}$/, "must be 0 to 16 hex digits, even length"))
      .max(16)
      .nullish(),
    realityDest: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, "must be host:port")
      .nullish(),
    realityServerNames: z.array(hostName).max(16).nullish(),
    realitySpiderX: path.nullish(),
  })
  .strict();

/** The key length a shadowsocks-2022 method takes: AES-128 16 bytes, the others 32. */
export const shadowsocks2022KeyBytes = (method: string) => (method.includes("aes-128") ? 16 : 32);

export const protocolSettingsSchema = z
  .object({
    flow: z.enum(VLESS_FLOWS).nullish(),
    method: z.enum(SHADOWSOCKS_METHODS).nullish(),
    obfsPassword: text(128).nullish(),
    serverKey: z
      .string()
      .regex(/^[A-Za-z0-9+/]{22}==$|^[A-Za-z0-9+/]{43}=$/, "must be a 16- or 32-byte key in base64")
      .nullish(),
  })
  .strict();

export const inboundFieldsSchema = z.object({
  tag: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, "use 1 to 64 letters, digits, dots, dashes or underscores"),
  remark: text(128).default(""),
  protocol: z.enum(PROTOCOLS),
  port: z.number().int().min(1, "ports run from 1 to 65535").max(65535, "ports run from 1 to 65535"),
  transport: z.enum(TRANSPORTS).default("tcp"),
  security: z.enum(SECURITIES).default("none"),
  protocolSettings: protocolSettingsSchema.default({}),
  transportSettings: transportSettingsSchema.default({}),
  securitySettings: securitySettingsSchema.default({}),
});
export type InboundFields = z.output<typeof inboundFieldsSchema>;

type Issue = { path: string[]; message: string };

/**
 * The combinations the cores accept, checked together so an admin learns every problem at once.
 * Returns the problems; an empty list means the inbound can be served.
 */
export function inboundProblems(inbound: InboundFields): Issue[] {
  const problems: Issue[] = [];
  const fail = (path: string[], message: string) => problems.push({ path, message });
  const { protocol, transport, security, protocolSettings: p, transportSettings: t, securitySettings: s } = inbound;

  if (protocol === "hysteria2") {
    if (transport !== "tcp") fail(["transport"], "hysteria2 runs over QUIC; leave transport as TCP");
    if (security !== "tls") fail(["security"], "hysteria2 requires TLS");
    // The node's Hysteria2 listener offers h3 only; a link naming another ALPN never connects.
    if (s.alpn?.some((a) => a !== "h3")) fail(["securitySettings", "alpn"], "hysteria2 negotiates ALPN h3 only");
  }
  if (protocol === "shadowsocks") {
    if (security !== "none") fail(["security"], "shadowsocks carries its own encryption; security must be NONE");
    if (transport !== "tcp") fail(["transport"], "shadowsocks runs over plain TCP/UDP");
    if (!p.method) fail(["protocolSettings", "method"], "shadowsocks needs a method");
  } else if (p.method) {
    fail(["protocolSettings", "method"], "method applies to shadowsocks only");
  }
  if (p.serverKey) {
    if (!p.method?.startsWith("2022-"))
      fail(["protocolSettings", "serverKey"], "serverKey applies to shadowsocks-2022 only");
    else if (atob(p.serverKey).length !== shadowsocks2022KeyBytes(p.method))
      fail(["protocolSettings", "serverKey"], `${p.method} takes a ${shadowsocks2022KeyBytes(p.method)}-byte key`);
  }
  if (p.obfsPassword && protocol !== "hysteria2")
    fail(["protocolSettings", "obfsPassword"], "obfsPassword applies to hysteria2 only");
  if (security === "reality") {
    if (protocol !== "vless" && protocol !== "trojan") fail(["security"], "REALITY works with vless or trojan only");
    if (!["tcp", "grpc", "xhttp"].includes(transport))
      fail(["transport"], "REALITY works over TCP, gRPC or XHTTP only");
    if (!s.realityDest)
      fail(["securitySettings", "realityDest"], "REALITY needs the host:port it borrows the handshake of");
    if (!s.realityServerNames?.length)
      fail(["securitySettings", "realityServerNames"], "REALITY needs at least one server name");
  } else {
    for (const key of [
      "realityPrivateKey",
      "realityShortIds",
      "realityDest",
      "realityServerNames",
      "realitySpiderX",
    ] as const) {
      if (s[key] != null) fail(["securitySettings", key], `${key} applies to REALITY only`);
    }
  }
  if (security === "none") {
    for (const key of ["serverName", "alpn", "fingerprint", "allowInsecure"] as const) {
      if (s[key] != null) fail(["securitySettings", key], `${key} needs TLS or REALITY`);
    }
  }
  if (p.flow) {
    if (protocol !== "vless") fail(["protocolSettings", "flow"], "flow applies to vless only");
    else if (transport !== "tcp" || security === "none")
      fail(["protocolSettings", "flow"], "xtls-rprx-vision needs TCP with TLS or REALITY");
  }
  if (t.path != null && !["ws", "httpupgrade", "xhttp"].includes(transport))
    fail(["transportSettings", "path"], "path applies to ws, httpupgrade and xhttp");
  if (t.host != null && !["ws", "httpupgrade", "xhttp", "tcp"].includes(transport))
    fail(["transportSettings", "host"], `host does not apply to ${transport}`);
  if (t.serviceName != null && transport !== "grpc")
    fail(["transportSettings", "serviceName"], "serviceName applies to grpc only");
  if (t.mode != null && transport !== "xhttp") fail(["transportSettings", "mode"], "mode applies to xhttp only");
  if (t.headerType != null && transport !== "tcp")
    fail(["transportSettings", "headerType"], "headerType applies to tcp only");
  return problems;
}

/** Drops nulls so stored settings hold only what was set. */
export function compact<T extends object>(settings: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v != null)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}

export type StoredSettings = { protocol: ProtocolSettings; transport: TransportSettings; security: SecuritySettings };
