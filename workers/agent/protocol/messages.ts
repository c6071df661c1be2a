/**
 * The agent ↔ edge wire contract, defined once: the Worker validates with these schemas and the
 * node agent (node-agent/) imports the same module. Version 1; fields are only ever added.
 */
import { z } from "zod";
import { inboundOverrideSchema } from "./inbound-override";
import { cidrProblem, domainMatcherProblem, portRangeProblem } from "./routing-entries";

export const PROTOCOL_VERSION = 1;

/**
 * What an agent understands beyond version 1's fields, reported in its health as `protocol`.
 * Fields are only ever added, so `v` stays 1 and an older agent ignores what it does not know;
 * the level tells the edge which additions a node acts on (node-agent/README.md "Protocol levels"):
 *  1: configs, usage pushes, cuts, capabilities;
 *  2: `operations` in configs (restart the core, reload or update the agent), and the
 *     `configOutcomes` and `operations` results in health;
 *  3: `inbounds` (the core's per-inbound counters) and `clientIps` (keyed hashes of the client
 *     addresses each user connected from, keyed by the config's `clientIpKey`) in usage pushes.
 * The edge sends operations only to nodes at level 2 or above.
 */
export const AGENT_PROTOCOL_LEVEL = 3;

const id = z.number().int().positive();
const bytes = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const epochSec = z.number().int().min(0);

const protocolSchema = z.enum(["vless", "vmess", "trojan", "shadowsocks", "hysteria2"]);
const transportSchema = z.enum(["tcp", "ws", "grpc", "httpupgrade", "xhttp"]);
const securitySchema = z.enum(["none", "tls", "reality"]);

export const agentInboundSchema = z.object({
  tag: z.string().min(1).max(64),
  protocol: protocolSchema,
  port: z.number().int().min(1).max(65535),
  transport: transportSchema,
  security: securitySchema,
  protocolSettings: z.record(z.string(), z.unknown()),
  transportSettings: z.record(z.string(), z.unknown()),
  securitySettings: z.record(z.string(), z.unknown()),
});
export type AgentInbound = z.infer<typeof agentInboundSchema>;

export const agentUserSchema = z.object({
  id,
  /** The core's per-user key for stats and logs: `u<id>`. */
  email: z.string(),
  inboundTags: z.array(z.string()),
  vlessId: z.string(),
  vmessId: z.string(),
  trojanPassword: z.string(),
  shadowsocksPassword: z.string(),
  hysteria2Password: z.string(),
  /**
   * By inbound tag, where this user's secret, flow or method differs from its own and the
   * inbound's (imported users: see inbound-override.ts). Added after version 1: absent means none.
   */
  inboundOverrides: z.record(z.string(), inboundOverrideSchema).optional(),
  /** What the node may enforce on its own while the edge is unreachable. */
  dataLimitBytes: bytes.nullable(),
  usedBytes: bytes,
  expireAtSec: epochSec.nullable(),
});
export type AgentUser = z.infer<typeof agentUserSchema>;

/** A string that passes `problem` (null = fine); the problem text is the message. */
const checked = (problem: (text: string) => string | null) =>
  z
    .string()
    .trim()
    .max(300)
    .superRefine((text, ctx) => {
      const message = problem(text);
      if (message) ctx.addIssue({ code: "custom", message });
    });

const portRanges = z.array(checked(portRangeProblem)).max(64);

/**
 * Where users' traffic may go. The agent always routes user traffic to its own API address to a
 * blackhole first, whatever this says; then explicit blocks (domains, CIDRs, ports, BitTorrent),
 * then `allowedPrivate` (exceptions to the private-range block only), then the private-range
 * block, then `defaultOutbound` for the rest.
 */
export const routingPolicySchema = z.object({
  /** Loopback, private, link-local, CGNAT and multicast ranges, IPv4 and IPv6. */
  blockPrivate: z.boolean().default(true),
  /** Connections the core sniffs as BitTorrent (needs sniffing on user inbounds). */
  blockBittorrent: z.boolean().default(true),
  /** Private destinations users may reach anyway, e.g. an internal DNS; no ports = every port. */
  allowedPrivate: z
    .array(z.object({ cidr: checked(cidrProblem), ports: portRanges.default([]) }))
    .max(64)
    .default([]),
  blockedCidrs: z.array(checked(cidrProblem)).max(512).default([]),
  /** `domain:`, `full:`, `keyword:` or `regexp:` matchers. */
  blockedDomains: z.array(checked(domainMatcherProblem)).max(512).default([]),
  blockedPorts: portRanges.default([]),
  /** direct: the core connects as the destination asks; directIpv4: resolves and connects over IPv4 only. */
  defaultOutbound: z.enum(["direct", "directIpv4"]).default("direct"),
});
export type RoutingPolicy = z.output<typeof routingPolicySchema>;

/** What a node runs when the edge sends no policy (an edge older than the field): the safe one. */
export const DEFAULT_ROUTING_POLICY: RoutingPolicy = routingPolicySchema.parse({});

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "must be a lower-case hex SHA-256");

/**
 * A remote operation, carried in a signed config (the node has no inbound port). Each has an id
 * the agent runs at most once; one not started by `notAfterSec` is reported expired instead.
 */
export const nodeOperationSchema = z.discriminatedUnion("kind", [
  z.object({ id, kind: z.literal("restartCore"), notAfterSec: epochSec }),
  /** Re-executes the agent in place (same pid); the new process adopts the running core. */
  z.object({ id, kind: z.literal("reloadAgent"), notAfterSec: epochSec }),
  /**
   * Download the bundle at `path` (panel-relative), check its SHA-256 against this signed value,
   * run it on trial, keep it once it reports healthy, go back to the previous one otherwise.
   */
  z.object({
    id,
    kind: z.literal("updateAgent"),
    notAfterSec: epochSec,
    version: z.string().regex(/^[0-9A-Za-z.+-]{1,64}$/),
    sha256: sha256Hex,
    sizeBytes: z
      .number()
      .int()
      .min(1)
      .max(64 * 2 ** 20),
    path: z.string().regex(/^\/[A-Za-z0-9._~/-]{1,200}$/),
  }),
]);
export type NodeOperation = z.infer<typeof nodeOperationSchema>;

/** The signed part of a config: everything a node must run. */
export const configPayloadSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  nodeId: id,
  version: z.number().int().min(1),
  issuedAtSec: epochSec,
  expiresAtSec: epochSec,
  inbounds: z.array(agentInboundSchema),
  users: z.array(agentUserSchema),
  /** Added after version 1 shipped: absent means DEFAULT_ROUTING_POLICY. */
  routing: routingPolicySchema.optional(),
  /** Level 2: operations to run once this config is applied; absent means none. */
  operations: z.array(nodeOperationSchema).max(16).optional(),
  /**
   * Level 3: the key client addresses are hashed with for `clientIps` (base64url, 32 bytes). The
   * same for every node of a panel, so one address counts once whichever nodes it reaches.
   */
  clientIpKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
});
export type ConfigPayload = z.infer<typeof configPayloadSchema>;

/** `payload` is the exact JSON text that was signed; `signature` is Ed25519 over its UTF-8 bytes, base64url. */
export const configEnvelopeSchema = z.object({
  payload: z.string(),
  signature: z.string(),
});
export type ConfigEnvelope = z.infer<typeof configEnvelopeSchema>;

export const usageDeltaSchema = z.object({ userId: id, upBytes: bytes, downBytes: bytes });
export type UsageDelta = z.infer<typeof usageDeltaSchema>;

/**
 * What the node's core can serve, as the agent derives it from the core it drives and the
 * version that core reports: the panel refuses inbounds outside it and leaves the inbounds the
 * agent skipped out of subscriptions. Added in agent 0.x; older agents send none (unknown).
 */
export const coreCapabilitiesSchema = z.object({
  core: z.enum(["xray", "v2ray"]),
  /** The core's version number ("26.3.23"), or null when it could not be read. */
  version: z.string().max(32).nullable(),
  protocols: z.array(protocolSchema).max(16),
  transports: z.array(transportSchema).max(16),
  securities: z.array(securitySchema).max(16),
  shadowsocksMethods: z.array(z.string().max(64)).max(32),
  /** Whether the node has a certificate for TLS inbounds (--tls-cert/--tls-key). */
  tlsCertificate: z.boolean(),
  /** Inbounds of the applied config the core does not run, and why. */
  skipped: z.array(z.object({ tag: z.string().max(64), reason: z.string().max(200) })).max(1000),
});
export type CoreCapabilities = z.infer<typeof coreCapabilitiesSchema>;

/** What became of a config the agent was sent (level 2); `error` carries the core's own words. */
export const configOutcomeSchema = z.object({
  version: z.number().int().min(1),
  outcome: z.enum(["applied", "rejected", "failed", "rolledBack"]),
  error: z.string().max(4000).optional(),
  atSec: epochSec,
});
export type ConfigOutcomeReport = z.infer<typeof configOutcomeSchema>;

/** Where an operation stands on the node (level 2). */
export const operationResultSchema = z.object({
  id,
  status: z.enum(["running", "succeeded", "failed", "expired"]),
  detail: z.string().max(2000).optional(),
  atSec: epochSec,
});
export type OperationResult = z.infer<typeof operationResultSchema>;

export const healthSchema = z.object({
  cpuPercent: z
    .number()
    .min(0)
    .max(100 * 1024),
  memUsedBytes: bytes,
  memTotalBytes: bytes,
  netRxBytes: bytes,
  netTxBytes: bytes,
  coreRunning: z.boolean(),
  coreVersion: z.string().max(64),
  agentVersion: z.string().max(64),
  uptimeSec: z.number().int().min(0),
  appliedConfigVersion: z.number().int().min(0),
  capabilities: coreCapabilitiesSchema.optional(),
  /** AGENT_PROTOCOL_LEVEL of the agent; absent: level 1. */
  protocol: z.number().int().min(1).max(1000).optional(),
  /** Level 2: the latest outcomes of configs (an agent resends them until they age out; the edge applies them idempotently). */
  configOutcomes: z.array(configOutcomeSchema).max(16).optional(),
  /** Level 2: the latest state of recent operations, resent the same way. */
  operations: z.array(operationResultSchema).max(32).optional(),
});
export type Health = z.infer<typeof healthSchema>;

/** Level 3: what one inbound of the core carried since the previous push (its own counters, not the users'). */
export const inboundDeltaSchema = z.object({ tag: z.string().min(1).max(64), upBytes: bytes, downBytes: bytes });
export type InboundDelta = z.infer<typeof inboundDeltaSchema>;

/**
 * Level 3: the distinct client addresses one user connected from during the push's interval, as
 * HMAC-SHA256(clientIpKey, address) truncated to 16 hex digits: the edge counts addresses across
 * nodes without ever learning them.
 */
export const clientIpsSchema = z.object({
  userId: id,
  hashes: z
    .array(z.string().regex(/^[0-9a-f]{16}$/))
    .min(1)
    .max(64),
});
export type ClientIps = z.infer<typeof clientIpsSchema>;

export const usagePushSchema = z.object({
  nodeId: id,
  /** Strictly increasing per node; the edge applies each seq at most once. */
  seq: z.number().int().min(1),
  fromSec: epochSec,
  toSec: epochSec,
  deltas: z.array(usageDeltaSchema).max(50_000),
  health: healthSchema.optional(),
  /** Level 3. */
  inbounds: z.array(inboundDeltaSchema).max(1000).optional(),
  /** Level 3. */
  clientIps: z.array(clientIpsSchema).max(50_000).optional(),
});
export type UsagePush = z.infer<typeof usagePushSchema>;

export const usageReplySchema = z.object({
  ackSeq: z.number().int().min(0),
  configVersion: z.number().int().min(0),
  /** Users the node must stop now: removed from the core and their live connections closed. */
  cut: z.array(id),
});
export type UsageReply = z.infer<typeof usageReplySchema>;
