import { requirePermission } from "../auth/roles";
import { idSchema } from "../graphql/ids";
import { type GraphQLModule, upperCaseEnum } from "../graphql/module";
import { parseInput } from "../errors/validate";
import { PROTOCOLS, SECURITIES, TRANSPORTS } from "./table";
import { createInbound, deleteInbound, findInbound, listInbounds, updateInbound } from "./service";

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
    "shadowsocks-2022 only: the server key (base64 of the method's key length), e.g. a moved inbound's; generated when left out."
    serverKey: String
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
    Protocol: upperCaseEnum(PROTOCOLS),
    Transport: upperCaseEnum(TRANSPORTS),
    Security: upperCaseEnum(SECURITIES),
    Inbound: {
      id: (i) => String(i.id),
      createdAt: (i) => i.createdAtSec,
      updatedAt: (i) => i.updatedAtSec,
      // Resellers reach inbounds through groups; the server inventory behind them is not theirs to see.
      servers: (i, _, ctx) => {
        requirePermission(ctx.actor, "nodes:read");
        return ctx.loaders.serversByInbound.load(i.id);
      },
    },
    Query: {
      inbounds: (_, __, ctx) => listInbounds(ctx.db),
      inbound: (_, args, ctx) => findInbound(ctx.db, parseInput(idSchema, args.id)),
    },
    Mutation: {
      createInbound: (_, args, ctx) => createInbound(ctx, args.input),
      updateInbound: (_, args, ctx) => updateInbound(ctx, parseInput(idSchema, args.id), args.input),
      deleteInbound: (_, args, ctx) => deleteInbound(ctx, parseInput(idSchema, args.id)),
    },
  },
};
