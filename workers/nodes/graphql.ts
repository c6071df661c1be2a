import { idSchema } from "../graphql/ids";
import { type GraphQLModule, upperCaseEnum } from "../graphql/module";
import { parseInput } from "../errors/validate";
import { enrollmentCommand } from "./enrollment";
import { createNode, deleteNode, findNode, listNodes, updateNode } from "./service";
import { unservedReason } from "./capabilities";
import { NODE_STATUSES } from "./table";

const typeDefs = /* GraphQL */ `
  enum ServerStatus {
    "No agent has enrolled yet."
    PENDING
    ONLINE
    "The agent reports in but its proxy core is not running."
    DEGRADED
    "No report for 30 seconds."
    OFFLINE
  }

  "What the agent last reported about its host."
  type ServerHealth {
    cpuPercent: Float!
    memUsedBytes: Bytes!
    memTotalBytes: Bytes!
    netRxBytes: Bytes!
    netTxBytes: Bytes!
    coreRunning: Boolean!
    uptimeSec: Int!
  }

  "What the node's proxy core can serve, as its agent last reported it."
  type ServerCapabilities {
    "xray or v2ray."
    core: String!
    "The core's version number; null when the agent could not read it."
    version: String
    protocols: [Protocol!]!
    transports: [Transport!]!
    securities: [Security!]!
    shadowsocksMethods: [String!]!
    "Whether the node has a certificate for TLS inbounds."
    tlsCertificate: Boolean!
  }

  "An inbound assigned to a node that the node does not serve: clients never get it from this node."
  type UnservedInbound {
    inbound: Inbound!
    "The agent's reason, or why the reported capabilities rule it out."
    reason: String!
  }

  "A one-time token for vortex-agent enroll; it works once, within 15 minutes."
  type ServerEnrollment {
    token: String!
    expiresAt: DateTime!
    "One line to run on the node as root: checks Node.js and the core, installs the agent verified against this panel's key, enrolls it and starts it under systemd."
    command: String!
  }

  "A host running the proxy core and the VortexPanel agent."
  type Server {
    id: ID!
    name: String!
    "Host name or IP clients connect to."
    address: String!
    "Where the node stands, in degrees; subscriptions list nearer nodes first. Null: unknown."
    latitude: Float
    longitude: Float
    status: ServerStatus!
    lastSeenAt: DateTime
    coreVersion: String
    agentVersion: String
    "Bumped by every change to what this node serves; the agent pulls a config when it moves."
    configVersion: Int!
    "The config version the agent last reported running."
    appliedConfigVersion: Int
    health: ServerHealth
    "Null until an agent that reports capabilities has reported in."
    capabilities: ServerCapabilities
    inbounds: [Inbound!]!
    "Assigned inbounds this node does not serve (empty while its capabilities are unknown)."
    unservedInbounds: [UnservedInbound!]!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  input ServerFilter {
    "Part of the name, case-insensitive."
    search: String
  }

  input CreateServerInput {
    name: String!
    address: String!
    inboundIds: [ID!]
    "Degrees, -90 to 90."
    latitude: Float
    "Degrees, -180 to 180."
    longitude: Float
  }

  "Omitted fields keep their values; inboundIds, when given, replaces the node's set."
  input UpdateServerInput {
    name: String
    address: String
    inboundIds: [ID!]
    "null clears it."
    latitude: Float
    "null clears it."
    longitude: Float
  }

  extend type Query {
    servers(filter: ServerFilter): [Server!]!
    server(id: ID!): Server
  }

  extend type Mutation {
    createServer(input: CreateServerInput!): Server!
    updateServer(id: ID!, input: UpdateServerInput!): Server!
    deleteServer(id: ID!): Boolean!
    "Issues a one-time enrollment token; enrolling with it replaces the server's agent key."
    createServerEnrollment(id: ID!): ServerEnrollment!
  }
`;

export const nodesModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.servers": "nodes:read",
    "Query.server": "nodes:read",
    "Mutation.createServer": "nodes:write",
    "Mutation.updateServer": "nodes:write",
    "Mutation.deleteServer": "nodes:write",
    "Mutation.createServerEnrollment": "nodes:write",
  },
  resolvers: {
    ServerStatus: upperCaseEnum(NODE_STATUSES),
    Server: {
      id: (n) => String(n.id),
      lastSeenAt: (n) => n.lastSeenAtSec,
      inbounds: (n, _, ctx) => ctx.loaders.inboundsByNode.load(n.id),
      unservedInbounds: async (n, _, ctx) => {
        if (!n.capabilities) return [];
        const assigned = await ctx.loaders.inboundsByNode.load(n.id);
        return assigned.flatMap((inbound) => {
          const reason = unservedReason(inbound, n.capabilities);
          return reason ? [{ inbound, reason }] : [];
        });
      },
      createdAt: (n) => n.createdAtSec,
      updatedAt: (n) => n.updatedAtSec,
    },
    Query: {
      servers: (_, args, ctx) => listNodes(ctx.db, args.filter),
      server: (_, args, ctx) => findNode(ctx.db, parseInput(idSchema, args.id)),
    },
    Mutation: {
      createServer: (_, args, ctx) => createNode(ctx, args.input),
      updateServer: (_, args, ctx) => updateNode(ctx, parseInput(idSchema, args.id), args.input),
      deleteServer: (_, args, ctx) => deleteNode(ctx, parseInput(idSchema, args.id)),
      createServerEnrollment: async (_, args, ctx) => {
        const { token, expiresAtSec, command } = await enrollmentCommand(ctx, parseInput(idSchema, args.id));
        return { token, expiresAt: expiresAtSec, command };
      },
    },
  },
};
