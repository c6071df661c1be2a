import type { SignedInContext } from "../graphql/context";
import { idSchema } from "../graphql/ids";
import type { GraphQLModule } from "../graphql/module";
import { parseInput } from "../errors/validate";
import { createNode, deleteNode, findNode, listNodes, updateNode } from "./service";
import type { NodeRow } from "./table";

const typeDefs = /* GraphQL */ `
  "A host running the proxy core and the VortexPanel agent."
  type Server {
    id: ID!
    name: String!
    "Host name or IP clients connect to."
    address: String!
    "Bumped by every change to what this node serves; the agent pulls a config when it moves."
    configVersion: Int!
    inbounds: [Inbound!]!
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
  }

  "Omitted fields keep their values; inboundIds, when given, replaces the node's set."
  input UpdateServerInput {
    name: String
    address: String
    inboundIds: [ID!]
  }

  extend type Query {
    servers(filter: ServerFilter): [Server!]!
    server(id: ID!): Server
  }

  extend type Mutation {
    createServer(input: CreateServerInput!): Server!
    updateServer(id: ID!, input: UpdateServerInput!): Server!
    deleteServer(id: ID!): Boolean!
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
  },
  resolvers: {
    Server: {
      id: (n: NodeRow) => String(n.id),
      inbounds: (n: NodeRow, _: unknown, ctx: SignedInContext) => ctx.loaders.inboundsByNode.load(n.id),
      createdAt: (n: NodeRow) => n.createdAtSec,
      updatedAt: (n: NodeRow) => n.updatedAtSec,
    },
    Query: {
      servers: (_: unknown, args: { filter?: unknown }, ctx: SignedInContext) => listNodes(ctx.db, args.filter),
      server: (_: unknown, args: { id: string }, ctx: SignedInContext) => findNode(ctx.db, parseInput(idSchema, args.id)),
    },
    Mutation: {
      createServer: (_: unknown, args: { input: unknown }, ctx: SignedInContext) => createNode(ctx, args.input),
      updateServer: (_: unknown, args: { id: string; input: unknown }, ctx: SignedInContext) =>
        updateNode(ctx, parseInput(idSchema, args.id), args.input),
      deleteServer: (_: unknown, args: { id: string }, ctx: SignedInContext) => deleteNode(ctx, parseInput(idSchema, args.id)),
    },
  },
};
