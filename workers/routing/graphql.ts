import { idSchema } from "../graphql/ids";
import type { GraphQLModule } from "../graphql/module";
import { parseInput } from "../errors/validate";
import type { RoutingPolicy } from "../agent/protocol/messages";
import { effectivePolicy, readPanelPolicy, setNodeOverride, storedPolicy, updatePanelPolicy } from "./policy";

export type RoutingOutbound = RoutingPolicy["defaultOutbound"];

const typeDefs = /* GraphQL */ `
  "Where users' traffic goes when no rule blocks it."
  enum RoutingOutbound {
    "Straight to the destination, as the client asked."
    DIRECT
    "Straight to the destination, resolved and connected over IPv4 only (hosts with broken IPv6)."
    DIRECT_IPV4
  }

  "A private destination users may reach anyway, e.g. an internal DNS server."
  type AllowedDestination {
    "An IPv4 or IPv6 CIDR or address, e.g. 10.0.0.53/32."
    cidr: String!
    "Ports or ranges, e.g. 53 or 8000-8100; empty means every port."
    ports: [String!]!
  }

  """
  What nodes do with users' traffic. Users' traffic to the node's own core API is always blocked
  first, whatever this says. Then the explicit blocks, then allowedPrivate (exceptions to the
  private-range block only), then the private-range block; the rest goes to defaultOutbound.
  """
  type RoutingPolicy {
    "Block loopback, private, link-local, CGNAT and multicast ranges (IPv4 and IPv6)."
    blockPrivate: Boolean!
    "Block connections the core recognises as BitTorrent."
    blockBittorrent: Boolean!
    allowedPrivate: [AllowedDestination!]!
    "Destination CIDRs to block."
    blockedCidrs: [String!]!
    "Domain matchers to block: domain:example.com (and subdomains), full:a.example.com, keyword:word, regexp:RE2."
    blockedDomains: [String!]!
    "Destination ports or ranges to block, e.g. 25 or 6881-6889."
    blockedPorts: [String!]!
    defaultOutbound: RoutingOutbound!
  }

  input AllowedDestinationInput {
    cidr: String!
    ports: [String!]
  }

  "A whole policy: omitted fields take their defaults (blocks on, lists empty, DIRECT)."
  input RoutingPolicyInput {
    blockPrivate: Boolean
    blockBittorrent: Boolean
    allowedPrivate: [AllowedDestinationInput!]
    blockedCidrs: [String!]
    blockedDomains: [String!]
    blockedPorts: [String!]
    defaultOutbound: RoutingOutbound
  }

  extend type Server {
    "The policy this node applies: its override, or the panel-wide one."
    routingPolicy: RoutingPolicy!
    "This node's own policy, replacing the panel-wide one as a whole; null: it follows the panel-wide one."
    routingPolicyOverride: RoutingPolicy
  }

  extend type Query {
    "The panel-wide routing policy, for every node without an override."
    routingPolicy: RoutingPolicy!
  }

  extend type Mutation {
    "Replaces the panel-wide policy; every node restarts its core with it (a validated restart)."
    updateRoutingPolicy(input: RoutingPolicyInput!): RoutingPolicy!
    "Gives a node its own policy, or with policy null makes it follow the panel-wide one again."
    setServerRoutingPolicyOverride(id: ID!, policy: RoutingPolicyInput): Server!
  }
`;

export const routingModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.routingPolicy": "settings:read",
    "Mutation.updateRoutingPolicy": "settings:write",
    "Mutation.setServerRoutingPolicyOverride": "nodes:write",
  },
  resolvers: {
    RoutingOutbound: { DIRECT: "direct", DIRECT_IPV4: "directIpv4" },
    Server: {
      routingPolicy: async (n, _, ctx) => effectivePolicy(await ctx.loaders.routingPolicy(), n.routingPolicy),
      routingPolicyOverride: (n) => (n.routingPolicy == null ? null : storedPolicy(n.routingPolicy)),
    },
    Query: {
      routingPolicy: (_, __, ctx) => readPanelPolicy(ctx.db),
    },
    Mutation: {
      updateRoutingPolicy: (_, args, ctx) => updatePanelPolicy(ctx, args.input),
      setServerRoutingPolicyOverride: (_, args, ctx) =>
        setNodeOverride(ctx, parseInput(idSchema, args.id), args.policy ?? null),
    },
  },
};
