/**
 * The inbound form: which transports and securities each protocol allows (so the form offers only
 * combinations the cores accept), the fields each choice needs, and the API input built from only
 * the fields that apply. The server checks the same rules again; this spares a round trip.
 */
import type {
  CreateInboundInput,
  InboundsQuery,
  Protocol as ApiProtocol,
  ProtocolSettingsInput,
  Security as ApiSecurity,
  SecuritySettingsInput,
  Transport as ApiTransport,
  TransportSettingsInput,
} from "../graphql/generated/graphql";

/** In the order the form offers them; `satisfies` keeps each list within the schema's enum. */
export const PROTOCOLS = ["VLESS", "VMESS", "TROJAN", "SHADOWSOCKS", "HYSTERIA2"] as const satisfies ApiProtocol[];
export const TRANSPORTS = ["TCP", "WS", "GRPC", "HTTPUPGRADE", "XHTTP"] as const satisfies ApiTransport[];
export const SECURITIES = ["NONE", "TLS", "REALITY"] as const satisfies ApiSecurity[];
export const SHADOWSOCKS_METHODS = [
  "2022-blake3-aes-128-gcm",
  "2022-blake3-aes-256-gcm",
  "2022-blake3-chacha20-poly1305",
  "aes-128-gcm",
  "aes-256-gcm",
  "chacha20-ietf-poly1305",
] as const;
export const FINGERPRINTS = ["chrome", "firefox", "safari", "ios", "android", "edge", "random", "randomized"] as const;
export const XHTTP_MODES = ["auto", "packet-up", "stream-up", "stream-one"] as const;

export type Protocol = (typeof PROTOCOLS)[number];
export type Transport = (typeof TRANSPORTS)[number];
export type Security = (typeof SECURITIES)[number];

export function transportsFor(protocol: Protocol, security: Security): readonly Transport[] {
  if (protocol === "SHADOWSOCKS" || protocol === "HYSTERIA2") return ["TCP"];
  if (security === "REALITY") return ["TCP", "GRPC", "XHTTP"];
  return TRANSPORTS;
}

export function securitiesFor(protocol: Protocol): readonly Security[] {
  if (protocol === "SHADOWSOCKS") return ["NONE"];
  if (protocol === "HYSTERIA2") return ["TLS"];
  if (protocol === "VMESS") return ["NONE", "TLS"];
  return SECURITIES;
}

export interface InboundFormValues {
  tag: string;
  remark: string;
  port: string;
  protocol: Protocol;
  transport: Transport;
  security: Security;
  flow: string;
  method: string;
  obfsPassword: string;
  path: string;
  host: string;
  serviceName: string;
  mode: string;
  serverName: string;
  alpn: string[];
  fingerprint: string;
  realityDest: string;
  realityServerNames: string;
  realityShortIds: string;
  realitySpiderX: string;
  realityPrivateKey: string;
  realityPublicKey: string;
}

export const emptyInboundForm = (): InboundFormValues => ({
  tag: "",
  remark: "",
  port: "443",
  protocol: "VLESS",
  transport: "TCP",
  security: "NONE",
  flow: "",
  method: SHADOWSOCKS_METHODS[0],
  obfsPassword: "",
  path: "",
  host: "",
  serviceName: "",
  mode: "auto",
  serverName: "",
  alpn: [],
  fingerprint: "chrome",
  realityDest: "",
  realityServerNames: "",
  realityShortIds: "",
  realitySpiderX: "",
  realityPrivateKey: "",
  realityPublicKey: "",
});

/** Keeps transport and security valid after the protocol or security changed. */
export function normalise(values: InboundFormValues): InboundFormValues {
  const security = securitiesFor(values.protocol).includes(values.security)
    ? values.security
    : securitiesFor(values.protocol)[0];
  const transports = transportsFor(values.protocol, security);
  const transport = transports.includes(values.transport) ? values.transport : transports[0];
  return { ...values, security, transport };
}

export type InboundFieldError =
  | "tag"
  | "port"
  | "path"
  | "host"
  | "serviceName"
  | "realityDest"
  | "realityServerNames"
  | "realityShortIds"
  | "serverName"
  | "flow"
  | "method";

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
const HOST = /^[A-Za-z0-9.-]{1,253}$/;

/** Only the settings that apply to the chosen protocol, transport and security; the rest is never sent. */
export function validateInboundForm(
  values: InboundFormValues,
):
  | { input: CreateInboundInput; errors?: undefined }
  | { errors: Partial<Record<keyof InboundFormValues, InboundFieldError>>; input?: undefined } {
  const v = normalise(values);
  const errors: Partial<Record<keyof InboundFormValues, InboundFieldError>> = {};
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(v.tag.trim())) errors.tag = "tag";
  const port = Number(v.port);
  if (!/^\d+$/.test(v.port.trim()) || port < 1 || port > 65535) errors.port = "port";

  const protocolSettings: ProtocolSettingsInput = {};
  if (v.protocol === "VLESS" && v.flow) {
    if (v.transport !== "TCP" || v.security === "NONE") errors.flow = "flow";
    else protocolSettings.flow = v.flow;
  }
  if (v.protocol === "SHADOWSOCKS") {
    if (!v.method) errors.method = "method";
    protocolSettings.method = v.method;
  }
  if (v.protocol === "HYSTERIA2" && v.obfsPassword) protocolSettings.obfsPassword = v.obfsPassword;

  const transportSettings: TransportSettingsInput = {};
  if (["WS", "HTTPUPGRADE", "XHTTP"].includes(v.transport) && v.path) {
    if (!v.path.startsWith("/")) errors.path = "path";
    else transportSettings.path = v.path.trim();
  }
  if (
    ["WS", "HTTPUPGRADE", "XHTTP", "TCP"].includes(v.transport) &&
    v.host &&
    v.protocol !== "HYSTERIA2" &&
    v.protocol !== "SHADOWSOCKS"
  ) {
    if (!HOST.test(v.host.trim())) errors.host = "host";
    else transportSettings.host = v.host.trim();
  }
  if (v.transport === "GRPC" && v.serviceName) {
    if (!/^[A-Za-z0-9_.\-/]{1,128}$/.test(v.serviceName)) errors.serviceName = "serviceName";
    else transportSettings.serviceName = v.serviceName;
  }
  if (v.transport === "XHTTP") transportSettings.mode = v.mode;

  const securitySettings: SecuritySettingsInput = {};
  if (v.security !== "NONE") {
    if (v.serverName) {
      if (!HOST.test(v.serverName.trim())) errors.serverName = "serverName";
      else securitySettings.serverName = v.serverName.trim();
    }
    if (v.alpn.length) securitySettings.alpn = v.alpn;
    if (v.fingerprint) securitySettings.fingerprint = v.fingerprint;
  }
  if (v.security === "REALITY") {
    if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(v.realityDest.trim())) errors.realityDest = "realityDest";
    else securitySettings.realityDest = v.realityDest.trim();
    const names = list(v.realityServerNames);
    if (names.length === 0 || !names.every((n) => HOST.test(n))) errors.realityServerNames = "realityServerNames";
    else securitySettings.realityServerNames = names;
    const shortIds = list(v.realityShortIds);
    if (!shortIds.every((id) => /^([0-9a-f]{2}){0,8}$/.test(id))) errors.realityShortIds = "realityShortIds";
    else if (shortIds.length) securitySettings.realityShortIds = shortIds;
    if (v.realitySpiderX) securitySettings.realitySpiderX = v.realitySpiderX;
    if (v.realityPrivateKey) securitySettings.realityPrivateKey = v.realityPrivateKey;
  }

  if (Object.keys(errors).length > 0) return { errors };
  // `satisfies` rather than the return type: only it refuses a field the generated input no longer has.
  const input = {
    tag: v.tag.trim(),
    remark: v.remark.trim(),
    port,
    protocol: v.protocol,
    transport: v.transport,
    security: v.security,
    protocolSettings,
    transportSettings,
    securitySettings,
  } satisfies CreateInboundInput;
  return { input };
}

type Stored = InboundsQuery["inbounds"][number];
/** What the form reads of a stored inbound; settings that do not apply may be absent. */
type StoredInbound = Pick<Stored, "tag" | "remark" | "port" | "protocol" | "transport" | "security"> & {
  [K in "protocolSettings" | "transportSettings" | "securitySettings"]: Partial<Stored[K]>;
};

export function inboundToForm(inbound: StoredInbound): InboundFormValues {
  const p = inbound.protocolSettings;
  const t = inbound.transportSettings;
  const s = inbound.securitySettings;
  return {
    ...emptyInboundForm(),
    tag: inbound.tag,
    remark: inbound.remark,
    port: String(inbound.port),
    protocol: inbound.protocol,
    transport: inbound.transport,
    security: inbound.security,
    flow: p.flow ?? "",
    method: p.method ?? SHADOWSOCKS_METHODS[0],
    obfsPassword: p.obfsPassword ?? "",
    path: t.path ?? "",
    host: t.host ?? "",
    serviceName: t.serviceName ?? "",
    mode: t.mode ?? "auto",
    serverName: s.serverName ?? "",
    alpn: s.alpn ?? [],
    fingerprint: s.fingerprint ?? "chrome",
    realityDest: s.realityDest ?? "",
    realityServerNames: (s.realityServerNames ?? []).join(", "),
    realityShortIds: (s.realityShortIds ?? []).join(", "),
    realitySpiderX: s.realitySpiderX ?? "",
    realityPublicKey: s.realityPublicKey ?? "",
  };
}

const base64Url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

/** A fresh REALITY key pair made in the browser (WebCrypto X25519), raw 32-byte keys in base64url as `xray x25519` prints them. */
export async function generateRealityKeys(): Promise<{ privateKey: string; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey({ name: "X25519" }, true, ["deriveBits"])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey("jwk", pair.privateKey);
  const raw = await crypto.subtle.exportKey("raw", pair.publicKey);
  return { privateKey: jwk.d!, publicKey: base64Url(raw) };
}

export function randomShortId(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, "0")).join("");
}
