import { requirePermission } from "../auth/roles";
import type { SignedInContext } from "../graphql/context";
import { idSchema } from "../graphql/ids";
import type { GraphQLModule } from "../graphql/module";
import { parseInput } from "../errors/validate";
import { createInbound, deleteInbound, findInbound, listInbounds, updateInbound } from "./service";
import type { InboundRow } from "./table";

const settingsTypes = /* GraphQL */ `
  enum Protocol {
    VLESS
    VMESS
    TROJAN
    SHADOWSOCKS
    HYSTERIA2
  }

  enum Transport {
    TCP
    WS
    GRPC
    HTTPUPGRADE
    XHTTP
  }

  enum Security {
    NONE
    TLS
    REALITY
  }

  type ProtocolSettings {
    "vless: xtls-rprx-vision (TCP with TLS or REALITY)."
    flow: String
    "shadowsocks: the cipher."
    method: String
    "shadowsocks 2022: the server key clients combine with their own, base64. Generated."
    serverKey: String
    "hysteria2: salamander obfuscation password."
    obfsPassword: String
  }

  type TransportSettings {
    path: String
    host: String
    serviceName: String
    mode: String
    headerType: String
  }

  type SecuritySettings {
    serverName: String
    alpn: [String!]
    fingerprint: String
    allowInsecure: Boolean
    "REALITY: derived from the private key, which never leaves the panel and the node."
    realityPublicKey: String
    realityShortIds: [String!]
    realityDest: String
    realityServerNames: [String!]
    realitySpiderX: String
  }

  input ProtocolSettingsInput {
    flow: String
    method: String
    obfsPassword: String
  }

  input TransportSettingsInput {
    path: String
    host: String
    serviceName: String
    mode: String
    headerType: String
  }

  "Leave realityPrivateKey out to keep the current key (or generate one for a new REALITY inbound)."
  input SecuritySettingsInput {
    serverName: String
    alpn: [String!]
    fingerprint: String
    allowInsecure: Boolean
    realityPrivateKey: String
    realityShortIds: [String!]
    realityDest: String
    realityServerNames: [String!]
    realitySpiderX: String
  }
`;

const typeDefs = /* GraphQL */ `
  ${settingsTypes}

  "A listener a node runs: one protocol on one port with its transport and security."
  type Inbound {
    id: ID!
    tag: String!
    remark: String!
    protocol: Protocol!
    port: Int!
    transport: Transport!
    security: Security!
    protocolSettings: ProtocolSettings!
    transportSettings: TransportSettings!
    securitySettings: SecuritySettings!
    "Nodes that serve this inbound."
    servers: [Server!]!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  input CreateInboundInput {
    tag: String!
    remark: String
    protocol: Protocol!
    port: Int!
    transport: Transport
    security: Security
    protocolSettings: ProtocolSettingsInput
    transportSettings: TransportSettingsInput
    securitySettings: SecuritySettingsInput
  }

  "Omitted fields keep their values; a settings object, when given, replaces the stored one whole."
  input UpdateInboundInput {
    tag: String
    remark: String
    protocol: Protocol
    port: Int
    transport: Transport
    security: Security
    protocolSettings: ProtocolSettingsInput
    transportSettings: TransportSettingsInput
    securitySettings: SecuritySettingsInput
  }

  extend type Query {
    inbounds: [Inbound!]!
    inbound(id: ID!): Inbound
  }

  extend type Mutation {
    createInbound(input: CreateInboundInput!): Inbound!
    updateInbound(id: ID!, input: UpdateInboundInput!): Inbound!
    deleteInbound(id: ID!): Boolean!
  }
`;

export const inboundsModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.inbounds": "inbounds:read",
    "Query.inbound": "inbounds:read",
    "Mutation.createInbound": "inbounds:write",
    "Mutation.updateInbound": "inbounds:write",
    "Mutation.deleteInbound": "inbounds:write",
  },
  resolvers: {
    Protocol: { VLESS: "vless", VMESS: "vmess", TROJAN: "trojan", SHADOWSOCKS: "shadowsocks", HYSTERIA2: "hysteria2" },
    Transport: { TCP: "tcp", WS: "ws", GRPC: "grpc", HTTPUPGRADE: "httpupgrade", XHTTP: "xhttp" },
    Security: { NONE: "none", TLS: "tls", REALITY: "reality" },
    Inbound: {
      id: (i: InboundRow) => String(i.id),
      createdAt: (i: InboundRow) => i.createdAtSec,
      updatedAt: (i: InboundRow) => i.updatedAtSec,
      // Resellers reach inbounds through groups; the server inventory behind them is not theirs to see.
      servers: (i: InboundRow, _: unknown, ctx: SignedInContext) => {
        requirePermission(ctx.actor, "nodes:read");
        return ctx.loaders.serversByInbound.load(i.id);
      },
    },
    Query: {
      inbounds: (_: unknown, __: unknown, ctx: SignedInContext) => listInbounds(ctx.db),
      inbound: (_: unknown, args: { id: string }, ctx: SignedInContext) =>
        findInbound(ctx.db, parseInput(idSchema, args.id)),
    },
    Mutation: {
      createInbound: (_: unknown, args: { input: unknown }, ctx: SignedInContext) => createInbound(ctx, args.input),
      updateInbound: (_: unknown, args: { id: string; input: unknown }, ctx: SignedInContext) =>
        updateInbound(ctx, parseInput(idSchema, args.id), args.input),
      deleteInbound: (_: unknown, args: { id: string }, ctx: SignedInContext) =>
        deleteInbound(ctx, parseInput(idSchema, args.id)),
    },
  },
};
