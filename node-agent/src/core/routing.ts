/**
 * The core's routing for users' traffic. The API inbound listens on loopback without
 * authentication, so a user's tunnel to 127.0.0.1:<apiPort> would reach StatsService (everyone's
 * counters) and HandlerService (add/remove users): the first rule sends that to a blackhole,
 * whatever the policy says. The policy's rules follow in a fixed order — explicit blocks, then
 * allowed private destinations, then the private-range block — and the rest takes the policy's
 * outbound (the first outbound is the cores' default for traffic no rule matches).
 */
import type { NetworkInterfaceInfo } from "node:os";
import { DEFAULT_ROUTING_POLICY, type RoutingPolicy } from "../../../workers/agent/protocol/messages.ts";

const DIRECT_OUTBOUND_TAG = "direct";
const BLOCK_OUTBOUND_TAG = "block";

/** Addresses that reach a loopback listener: 0.0.0.0 and :: connect to the local host on Linux. */
const LOOPBACK_CIDRS = ["127.0.0.0/8", "0.0.0.0/32", "::1/128", "::/128"];

/**
 * Loopback, "this network", RFC 1918, CGNAT, link-local, IETF protocol assignments, the
 * documentation TEST-NETs (never a real destination, sometimes a lab's LAN), benchmarking,
 * multicast, reserved and broadcast; IPv6 loopback, unspecified, NAT64, documentation,
 * unique-local, link-local and multicast. Explicit CIDRs: the agent ships no geoip files. IPv4-mapped IPv6 needs no entry
 * of its own: both cores read `::ffff:a.b.c.d` as the IPv4 address.
 */
export const PRIVATE_CIDRS = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4",
  "255.255.255.255/32",
  "::1/128",
  "::/128",
  "64:ff9b::/96",
  "2001:db8::/32",
  "fc00::/7",
  "fe80::/10",
  "ff00::/8",
];

/**
 * The host's own addresses as host CIDRs. A service bound to 0.0.0.0 (SSH, a metrics exporter)
 * also listens on the node's public address, which no private range covers: blocked with the
 * private ranges, a user's tunnel cannot reach it either. Loopback and link-local are covered.
 *
 * @example hostAddressCidrs(os.networkInterfaces()) // ["203.0.113.7/32", "2001:db8::7/128"]
 */
export function hostAddressCidrs(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const cidrs = new Set<string>();
  for (const addresses of Object.values(interfaces)) {
    for (const a of addresses ?? []) {
      if (a.internal || a.scopeid) continue;
      cidrs.add(a.family === "IPv4" ? `${a.address}/32` : `${a.address}/128`);
    }
  }
  return [...cidrs].sort();
}

export interface RenderedRouting {
  routing: Record<string, unknown>;
  outbounds: Record<string, unknown>[];
  /** Sniffing for user inbounds, or null when no rule needs it. */
  sniffing: Record<string, unknown> | null;
}

type Rule = Record<string, unknown>;

/**
 * @example renderRouting(policy, ["vless-in"], { apiInboundTag: "api", apiPort: 10085 }, ["203.0.113.7/32"])
 */
export function renderRouting(
  given: RoutingPolicy | undefined,
  userInboundTags: readonly string[],
  api: { apiInboundTag: string; apiPort: number },
  hostCidrs: readonly string[] = [],
): RenderedRouting {
  const policy = given ?? DEFAULT_ROUTING_POLICY;
  const users = [...userInboundTags];
  const block = (conditions: Rule): Rule => ({
    type: "field",
    inboundTag: users,
    ...conditions,
    outboundTag: BLOCK_OUTBOUND_TAG,
  });
  const rules: Rule[] = [];
  // A rule with an empty inboundTag would match nothing on one core and everything on the
  // other; with no user inbound there is no user traffic to route.
  if (users.length > 0) {
    rules.push(block({ ip: LOOPBACK_CIDRS, port: String(api.apiPort) }));
    if (policy.blockedDomains.length) rules.push(block({ domain: policy.blockedDomains }));
    if (policy.blockedCidrs.length) rules.push(block({ ip: policy.blockedCidrs }));
    if (policy.blockedPorts.length) rules.push(block({ port: policy.blockedPorts.join(",") }));
    if (policy.blockBittorrent) rules.push(block({ protocol: ["bittorrent"] }));
    if (policy.blockPrivate) {
      for (const allowed of policy.allowedPrivate) {
        rules.push({
          type: "field",
          inboundTag: users,
          ip: [allowed.cidr],
          ...(allowed.ports.length ? { port: allowed.ports.join(",") } : {}),
          outboundTag: DIRECT_OUTBOUND_TAG,
        });
      }
      rules.push(block({ ip: [...PRIVATE_CIDRS, ...hostCidrs.filter((cidr) => !PRIVATE_CIDRS.includes(cidr))] }));
    }
  }
  rules.push({ type: "field", inboundTag: [api.apiInboundTag], outboundTag: api.apiInboundTag });
  const sniff = users.length > 0 && (policy.blockBittorrent || policy.blockedDomains.length > 0);
  return {
    routing: {
      // A destination given as a domain matches no IP rule; resolving the ones no domain rule
      // took lets "localhost" or a name pointing at 10.x meet the IP rules above.
      domainStrategy: "IPIfNonMatch",
      rules,
    },
    outbounds: [
      {
        tag: DIRECT_OUTBOUND_TAG,
        protocol: "freedom",
        settings: policy.defaultOutbound === "directIpv4" ? { domainStrategy: "UseIPv4" } : {},
      },
      { tag: BLOCK_OUTBOUND_TAG, protocol: "blackhole", settings: {} },
    ],
    // Sniffing reads the first packets for TLS SNI / HTTP Host (so domain rules see names a
    // client sent as IPs) and recognises BitTorrent handshakes.
    sniffing: sniff ? { enabled: true, destOverride: ["http", "tls"] } : null,
  };
}
