import { x25519 } from "@noble/curves/ed25519";
import { z } from "zod";
import { fromBase64Url, toBase64Url } from "../../../workers/lib/base64";
import {
  ALPN,
  FINGERPRINTS,
  inboundFieldsSchema,
  inboundProblems,
  VLESS_FLOWS,
} from "../../../workers/inbounds/validate";
import type { ProtocolSettingsInput, SecuritySettingsInput, TransportSettingsInput } from "../generated/graphql";
import type { ImportInboundInput, ImportIssueInput } from "../model";

/**
 * One Xray inbound as a peer panel keeps it: 3x-ui's `settings`/`stream_settings` columns,
 * an inbound of Marzban's xray_config.json, a Remnawave config profile's inbound. All the same shape.
 */
export interface XrayInboundSource {
  /** The peer's identity for the inbound. */
  key: string;
  tag: string;
  remark?: string;
  protocol: string;
  port: number;
  /** The address it listens on; empty or absent means every address. */
  listen?: string;
  /** The inbound's `settings` object, parsed. */
  settings: unknown;
  /** Its `streamSettings` object, parsed (absent means raw TCP without security). */
  streamSettings: unknown;
  nodeKeys: string[];
  /**
   * The vless flows of its users where the panel keeps clients outside `settings.clients`
   * (3x-ui v3 tables); otherwise read from `settings.clients`.
   */
  clientFlows?: readonly string[];
}

export interface MappedInbound {
  /** Absent when the inbound cannot be served here; the issues say why. */
  inbound?: ImportInboundInput;
  /** What was left out or changed, and why: also for inbounds that were imported. */
  issues: ImportIssueInput[];
}

/** The longest remark the panel keeps. */
const MAX_REMARK_LENGTH = 128;

const SERVED_PROTOCOLS = {
  vless: "VLESS",
  vmess: "VMESS",
  trojan: "TROJAN",
  shadowsocks: "SHADOWSOCKS",
  hysteria2: "HYSTERIA2",
} as const;

const TRANSPORT_OF_NETWORK = {
  tcp: "TCP",
  raw: "TCP",
  ws: "WS",
  grpc: "GRPC",
  httpupgrade: "HTTPUPGRADE",
  xhttp: "XHTTP",
  splithttp: "XHTTP",
} as const;

const optionalString = z.string().optional().catch(undefined);
/** Xray accepts a string or a list in several places (header Host, path, serverNames). */
const stringList = z
  .union([z.string().transform((s) => (s ? s.split(",").map((p) => p.trim()) : [])), z.array(z.string())])
  .optional()
  .catch(undefined);
const looseObject = z.looseObject({}).optional().catch(undefined);

const clientSchema = z.looseObject({ flow: optionalString });
const settingsSchema = z.looseObject({
  clients: z.array(clientSchema).optional().catch(undefined),
  decryption: optionalString,
  fallbacks: z.array(z.unknown()).optional().catch(undefined),
  method: optionalString,
  password: optionalString,
  version: z.number().optional().catch(undefined),
});

const pathHostSchema = z.looseObject({
  path: optionalString,
  host: optionalString,
  headers: z.looseObject({ Host: optionalString }).optional().catch(undefined),
});

const maskSchema = z.looseObject({
  type: optionalString,
  settings: z.looseObject({ password: optionalString }).optional().catch(undefined),
});
const masksSchema = z.array(maskSchema).optional().catch(undefined);

const streamSchema = z.looseObject({
  network: optionalString,
  /** Xray's late obfuscation layers; Hysteria 2's salamander lives here. */
  finalmask: z.looseObject({ tcp: masksSchema, udp: masksSchema }).optional().catch(undefined),
  security: optionalString,
  externalProxy: z.array(z.unknown()).optional().catch(undefined),
  tcpSettings: looseObject,
  rawSettings: looseObject,
  wsSettings: pathHostSchema.optional().catch(undefined),
  httpupgradeSettings: pathHostSchema.optional().catch(undefined),
  xhttpSettings: pathHostSchema.extend({ mode: optionalString }).optional().catch(undefined),
  splithttpSettings: pathHostSchema.extend({ mode: optionalString }).optional().catch(undefined),
  grpcSettings: z
    .looseObject({ serviceName: optionalString, multiMode: z.boolean().optional().catch(undefined) })
    .optional()
    .catch(undefined),
  tlsSettings: z
    .looseObject({
      serverName: optionalString,
      alpn: stringList,
      fingerprint: optionalString,
      allowInsecure: z.boolean().optional().catch(undefined),
      certificates: z
        .array(z.looseObject({ certificateFile: optionalString, certificate: z.unknown().optional() }))
        .optional()
        .catch(undefined),
      /** 3x-ui keeps what its share links tell clients here. */
      settings: z
        .looseObject({ fingerprint: optionalString, allowInsecure: z.boolean().optional().catch(undefined) })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
  realitySettings: z
    .looseObject({
      privateKey: optionalString,
      shortIds: stringList,
      dest: z.union([z.string(), z.number()]).optional().catch(undefined),
      target: z.union([z.string(), z.number()]).optional().catch(undefined),
      serverNames: stringList,
      spiderX: optionalString,
      fingerprint: optionalString,
      mldsa65Seed: optionalString,
      settings: z
        .looseObject({ publicKey: optionalString, fingerprint: optionalString, spiderX: optionalString })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
});

const tcpHeaderSchema = z.looseObject({
  header: z
    .looseObject({
      type: optionalString,
      request: z
        .looseObject({
          path: stringList,
          headers: z.looseObject({ Host: stringList }).optional().catch(undefined),
        })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
});

/** Empty strings and empty lists are Xray's "unset". */
const present = <T>(value: T | undefined | null): T | undefined =>
  value === "" || (Array.isArray(value) && value.length === 0) || value == null ? undefined : value;

/** The REALITY public key of a private key (both raw 32 bytes, base64url without padding, as `xray x25519` prints them). */
export function realityPublicKeyOf(privateKey: string): string {
  const raw = fromBase64Url(privateKey);
  if (raw.byteLength !== 32) throw new RangeError("a REALITY private key is 32 bytes, base64url");
  return toBase64Url(x25519.getPublicKey(raw));
}

/**
 * Maps one Xray inbound to ours: protocol, transport and security with their settings, keeping
 * every value a client's link depends on. Only what this panel's own inbound validation accepts
 * is imported; anything else is an issue, never silently changed.
 *
 * @example mapXrayInbound({ key: "1", tag: "in-443", protocol: "vless", port: 443, settings, streamSettings, nodeKeys: ["host"] })
 */
export function mapXrayInbound(source: XrayInboundSource): MappedInbound {
  const name = source.remark || source.tag;
  const issues: ImportIssueInput[] = [];
  const note = (reason: string) => issues.push({ kind: "INBOUND", key: source.key, name, reason });
  const refuse = (reason: string): MappedInbound => {
    note(`not imported: ${reason}`);
    return { issues };
  };

  const settingsResult = settingsSchema.safeParse(source.settings ?? {});
  const streamResult = streamSchema.safeParse(source.streamSettings ?? {});
  if (!settingsResult.success) return refuse("its settings are not an Xray settings object");
  if (!streamResult.success) return refuse("its streamSettings are not an Xray streamSettings object");
  const settings = settingsResult.data;
  const stream = streamResult.data;

  // 3x-ui writes Hysteria 2 as protocol "hysteria" with version 2.
  const peerProtocol = source.protocol === "hysteria" && settings.version === 2 ? "hysteria2" : source.protocol;
  if (!(peerProtocol in SERVED_PROTOCOLS)) return refuse(`protocol ${source.protocol} is not served here`);
  const protocol = SERVED_PROTOCOLS[peerProtocol as keyof typeof SERVED_PROTOCOLS];

  const network = protocol === "HYSTERIA2" ? "tcp" : (present(stream.network) ?? "tcp");
  if (!(network in TRANSPORT_OF_NETWORK)) return refuse(`transport ${network} is not served here`);
  const transport = TRANSPORT_OF_NETWORK[network as keyof typeof TRANSPORT_OF_NETWORK];

  const transportSettings = mapTransport(network, stream, note);
  const securityResult = mapSecurity(present(stream.security) ?? "none", stream, note);
  if ("refused" in securityResult) return refuse(securityResult.refused);
  const { security, securitySettings } = securityResult;

  const protocolResult = mapProtocolSettings(protocol, settings, note);
  if ("refused" in protocolResult) return refuse(protocolResult.refused);
  const protocolSettings = protocolResult.settings;
  for (const mask of [...(stream.finalmask?.tcp ?? []), ...(stream.finalmask?.udp ?? [])]) {
    if (protocol === "HYSTERIA2" && mask.type === "salamander" && mask.settings?.password)
      protocolSettings.obfsPassword = mask.settings.password;
    else note(`its ${mask.type ?? "unnamed"} final mask is not kept: clients that use it need their new links`);
  }
  if (protocol === "VLESS") {
    const peerFlows = new Set(source.clientFlows ?? (settings.clients ?? []).map((c) => c.flow ?? ""));
    const served = new Set([...peerFlows].map((flow) => servedFlow({ protocol, transport, security }, flow)));
    for (const flow of peerFlows) {
      if (flow && !served.has(flow))
        note(
          (VLESS_FLOWS as readonly string[]).includes(flow)
            ? `flow ${flow} needs TCP with TLS or REALITY here; its users connect without it`
            : `flow ${flow} is not served here; its users connect without it`,
        );
    }
    // One flow for everyone is the inbound's; otherwise each user's own flow travels with its access.
    const [flow] = served.size === 1 ? [...served] : [];
    if (flow) protocolSettings.flow = flow;
  }

  if (present(stream.externalProxy))
    note("its external proxy addresses are not kept: links point at the node's own address");

  const tag = validTag(source.tag);
  if (tag !== source.tag) note(`tag "${source.tag}" is not valid here; imported as "${tag}"`);
  const remark = [...(source.remark ?? "")].slice(0, MAX_REMARK_LENGTH).join("");
  if (remark !== (source.remark ?? "")) note(`remark cut to ${MAX_REMARK_LENGTH} characters`);
  // An inbound on loopback sits behind something else on the host (nginx, a fallback); the node
  // here listens on every address, and the thing in front is not carried over.
  if (source.listen && !["0.0.0.0", "::", "[::]"].includes(source.listen))
    note(`listens on ${source.listen} only on the peer; here it listens on every address of its node`);

  const inbound: ImportInboundInput = compact({
    key: source.key,
    tag,
    remark: remark || undefined,
    protocol,
    port: source.port,
    transport,
    security,
    protocolSettings,
    transportSettings,
    securitySettings,
    nodeKeys: source.nodeKeys,
  });
  const problems = panelProblems(inbound);
  if (problems.length) return refuse(problems.join("; "));
  return { inbound, issues };
}

type Note = (reason: string) => void;
type FlowContext = Pick<ImportInboundInput, "protocol" | "transport" | "security">;

/** The flow a peer user keeps here: vision where the panel serves it (vless over TCP with TLS or REALITY), else none. */
function servedFlow(inbound: FlowContext, peerFlow: string): string {
  const visionServed = inbound.protocol === "VLESS" && inbound.transport === "TCP" && inbound.security !== "NONE";
  return visionServed && (VLESS_FLOWS as readonly string[]).includes(peerFlow) ? peerFlow : "";
}

/**
 * A user's flow in an imported inbound, when it differs from the inbound's own ("" = none even
 * though the inbound sets one); undefined when the inbound's flow already fits.
 */
export function accessFlow(inbound: ImportInboundInput, peerFlow: string): string | undefined {
  const flow = servedFlow(inbound, peerFlow);
  return flow === (inbound.protocolSettings?.flow ?? "") ? undefined : flow;
}
type Stream = z.output<typeof streamSchema>;
type Settings = z.output<typeof settingsSchema>;

function mapTransport(network: string, stream: Stream, note: Note): TransportSettingsInput {
  switch (network) {
    case "tcp":
    case "raw": {
      const header = tcpHeaderSchema.safeParse(stream.rawSettings ?? stream.tcpSettings ?? {}).data?.header;
      if (header?.type !== "http") return {};
      const hosts = header.request?.headers?.Host ?? [];
      const paths = header.request?.path ?? [];
      if (hosts.length > 1) note(`HTTP header hosts after the first (${hosts.slice(1).join(", ")}) are not kept`);
      // Our tcp+http links always send "/": the server does not check the path, so old links still connect.
      if (paths.some((p) => p !== "/")) note(`HTTP header path ${paths.join(", ")} is not kept; links send /`);
      return compact({ headerType: "http", host: present(hosts[0]) });
    }
    case "ws":
    case "httpupgrade": {
      const s = network === "ws" ? stream.wsSettings : stream.httpupgradeSettings;
      return compact({ path: present(s?.path), host: present(s?.host) ?? present(s?.headers?.Host) });
    }
    case "grpc":
      // multiMode is the client's choice: the server answers both, so old links keep working.
      if (stream.grpcSettings?.multiMode) note("gRPC multiMode is not kept: new links use gun mode");
      return compact({ serviceName: present(stream.grpcSettings?.serviceName) });
    default: {
      const s = stream.xhttpSettings ?? stream.splithttpSettings;
      return compact({
        path: present(s?.path),
        host: present(s?.host) ?? present(s?.headers?.Host),
        mode: present(s?.mode),
      });
    }
  }
}

type SecurityResult =
  | { security: ImportInboundInput["security"]; securitySettings: SecuritySettingsInput }
  | { refused: string };

function mapSecurity(peerSecurity: string, stream: Stream, note: Note): SecurityResult {
  if (peerSecurity === "none") return { security: "NONE", securitySettings: {} };
  if (peerSecurity === "tls") {
    const tls = stream.tlsSettings ?? {};
    const where = (tls.certificates ?? []).map(
      (c) => c.certificateFile || (c.certificate ? "inline in the panel" : ""),
    );
    const named = where.filter(Boolean);
    note(
      `its TLS certificate stays on the host${named.length ? ` (${named.join(", ")})` : ""}: give it to the agent with --tls-cert and --tls-key`,
    );
    return {
      security: "TLS",
      securitySettings: compact({
        serverName: present(tls.serverName),
        alpn: servedAlpn(tls.alpn, note),
        fingerprint: servedFingerprint(present(tls.settings?.fingerprint) ?? present(tls.fingerprint), note),
        allowInsecure: tls.settings?.allowInsecure ?? tls.allowInsecure,
      }),
    };
  }
  if (peerSecurity === "reality") {
    const reality = stream.realitySettings ?? {};
    const privateKey = present(reality.privateKey);
    // Without the peer's key the panel would make a new one, and every client holds the old public key.
    if (!privateKey) return { refused: "its REALITY private key is missing" };
    let derived: string;
    try {
      derived = realityPublicKeyOf(privateKey);
    } catch {
      return { refused: "its REALITY private key is not a 32-byte X25519 key" };
    }
    const stored = present(reality.settings?.publicKey);
    if (stored && stored !== derived)
      note(`its stored REALITY public key ${stored} does not belong to its private key; links will carry ${derived}`);
    if (present(reality.mldsa65Seed)) note("its REALITY ML-DSA-65 seed is not kept");
    const dest = present(reality.target) ?? present(reality.dest);
    return {
      security: "REALITY",
      securitySettings: compact({
        realityPrivateKey: privateKey,
        realityShortIds: reality.shortIds,
        realityDest: dest === undefined ? undefined : String(dest),
        realityServerNames: present(reality.serverNames),
        realitySpiderX: present(reality.settings?.spiderX) ?? present(reality.spiderX),
        fingerprint: servedFingerprint(present(reality.settings?.fingerprint) ?? present(reality.fingerprint), note),
      }),
    };
  }
  return { refused: `security ${peerSecurity} is not served here` };
}

function mapProtocolSettings(
  protocol: ImportInboundInput["protocol"],
  settings: Settings,
  note: Note,
): { settings: ProtocolSettingsInput } | { refused: string } {
  if ((protocol === "VLESS" || protocol === "TROJAN") && present(settings.fallbacks))
    note("its fallbacks are not kept");
  if (protocol === "VLESS") {
    const decryption = present(settings.decryption) ?? "none";
    if (decryption !== "none") return { refused: `VLESS encryption (${decryption}) is not served here` };
  }
  if (protocol === "SHADOWSOCKS") {
    const method = present(settings.method);
    if (!method) return { refused: "it has no shadowsocks method" };
    // A 2022 inbound's `password` is its server key, which every client link carries: keep it.
    const serverKey = method.startsWith("2022-") ? present(settings.password) : undefined;
    return { settings: serverKey ? { method, serverKey } : { method } };
  }
  return { settings: {} };
}

/** Clients are told the ALPNs the cores here negotiate; others are dropped with a note. */
function servedAlpn(alpn: string[] | undefined, note: Note): string[] | undefined {
  const kept = (alpn ?? []).filter((a) => (ALPN as readonly string[]).includes(a));
  const dropped = (alpn ?? []).filter((a) => !kept.includes(a));
  if (dropped.length) note(`ALPN ${dropped.join(", ")} is not offered here`);
  return present(kept);
}

/** The uTLS fingerprint links tell clients to imitate; one the panel does not offer falls back to its default. */
function servedFingerprint(fingerprint: string | undefined, note: Note): string | undefined {
  if (fingerprint === undefined || (FINGERPRINTS as readonly string[]).includes(fingerprint)) return fingerprint;
  note(`fingerprint ${fingerprint} is not offered here; links use the panel's default`);
  return undefined;
}

/** Settings hold only what is set, as the panel stores them. */
function compact<T extends object>(settings: T): T {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as T;
}

/** Tags here are letters, digits, `_ . -`; 3x-ui's carry the listen address (`inbound-0.0.0.0:443`). */
function validTag(tag: string): string {
  const cleaned = tag.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 64);
  return cleaned || "inbound";
}

/** The panel's own inbound rules, so the reader never hands over an inbound the panel would refuse. */
function panelProblems(inbound: ImportInboundInput): string[] {
  const fields = inboundFieldsSchema.safeParse({
    tag: inbound.tag,
    remark: inbound.remark ?? "",
    protocol: inbound.protocol.toLowerCase(),
    port: inbound.port,
    transport: inbound.transport.toLowerCase(),
    security: inbound.security.toLowerCase(),
    protocolSettings: inbound.protocolSettings ?? {},
    transportSettings: inbound.transportSettings ?? {},
    securitySettings: inbound.securitySettings ?? {},
  });
  if (!fields.success) return fields.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  return inboundProblems(fields.data).map((p) => `${p.path.join(".")}: ${p.message}`);
}
