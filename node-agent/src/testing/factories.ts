/** Small factories for tests: a payload is built from a few inbounds and users, never copied. */
import { randomUUID } from "node:crypto";
import {
  routingPolicySchema,
  type AgentInbound,
  type AgentUser,
  type ConfigPayload,
  type RoutingPolicy,
} from "../../../workers/agent/protocol/messages.ts";
import type { RenderOptions } from "../core/render.ts";

export function makeInbound(overrides: Partial<AgentInbound> & Pick<AgentInbound, "tag">): AgentInbound {
  return {
    protocol: "vless",
    port: 20_001,
    transport: "tcp",
    security: "none",
    protocolSettings: {},
    transportSettings: {},
    securitySettings: {},
    ...overrides,
  };
}

export function makeUser(id: number, inboundTags: string[], overrides: Partial<AgentUser> = {}): AgentUser {
  return {
    id,
    email: `u${id}`,
    inboundTags,
    vlessId: randomUUID(),
    vmessId: randomUUID(),
    trojanPassword: `trojan-${id}-${randomUUID()}`,
    shadowsocksPassword: `ss-${id}-${randomUUID()}`,
    hysteria2Password: `hy2-${id}-${randomUUID()}`,
    dataLimitBytes: null,
    usedBytes: 0,
    expireAtSec: null,
    ...overrides,
  };
}

export function makePayload(overrides: Partial<ConfigPayload> = {}): ConfigPayload {
  return {
    v: 1,
    nodeId: 1,
    version: 1,
    issuedAtSec: 1_700_000_000,
    expiresAtSec: 1_700_000_000 + 7 * 86_400,
    inbounds: [],
    users: [],
    ...overrides,
  };
}

/**
 * The policy an admin sets so users may reach a service on the node's loopback (a test's HTTP
 * target): the defaults block loopback, so every test that tunnels to one allow-lists its port.
 */
export function routingAllowingLoopback(...ports: number[]): RoutingPolicy {
  return routingPolicySchema.parse({ allowedPrivate: [{ cidr: "127.0.0.1/32", ports: ports.map(String) }] });
}

/** How a node renders its core config: Debian's v2ray on loopback without TLS, unless overridden. */
export function makeRenderOptions(overrides: Partial<RenderOptions> = {}): RenderOptions {
  return {
    core: "v2ray",
    coreVersion: "V2Ray 4.34.0",
    apiPort: 10085,
    accessLogPath: "/state/core/access.log",
    listen: "127.0.0.1",
    tls: null,
    ...overrides,
  };
}
