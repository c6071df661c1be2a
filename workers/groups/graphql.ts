import { ownedUsersScope } from "../auth/roles";
import type { SignedInContext } from "../graphql/context";
import { idSchema } from "../graphql/ids";
import type { GraphQLModule } from "../graphql/module";
import { parseInput } from "../errors/validate";
import { createGroup, deleteGroup, findGroup, listGroups, updateGroup } from "./service";
import type { GroupRow } from "./table";

const typeDefs = /* GraphQL */ `
  "A set of inbounds. Users in a group reach every inbound of the group on every node serving it."
  type Group {
    id: ID!
    name: String!
    note: String!
    inbounds: [Inbound!]!
    "Members the caller can see: a reseller counts only its own users."
    userCount: Int!
    createdAt: DateTime!
  }

  input CreateGroupInput {
    name: String!
    note: String
    inboundIds: [ID!]
  }

  "Omitted fields keep their values; inboundIds, when given, replaces the group's set."
  input UpdateGroupInput {
    name: String
    note: String
    inboundIds: [ID!]
  }

  extend type Query {
    groups: [Group!]!
    group(id: ID!): Group
  }

  extend type Mutation {
    createGroup(input: CreateGroupInput!): Group!
    updateGroup(id: ID!, input: UpdateGroupInput!): Group!
    deleteGroup(id: ID!): Boolean!
  }
`;

export const groupsModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.groups": "groups:read",
    "Query.group": "groups:read",
    "Mutation.createGroup": "groups:write",
    "Mutation.updateGroup": "groups:write",
    "Mutation.deleteGroup": "groups:write",
  },
  resolvers: {
    Group: {
      id: (g: GroupRow) => String(g.id),
      inbounds: (g: GroupRow, _: unknown, ctx: SignedInContext) => ctx.loaders.inboundsByGroup.load(g.id),
      userCount: (g: GroupRow, _: unknown, ctx: SignedInContext) =>
        ctx.loaders.userCountByGroup(ownedUsersScope(ctx.actor)).load(g.id),
      createdAt: (g: GroupRow) => g.createdAtSec,
    },
    Query: {
      groups: (_: unknown, __: unknown, ctx: SignedInContext) => listGroups(ctx.db),
      group: (_: unknown, args: { id: string }, ctx: SignedInContext) =>
        findGroup(ctx.db, parseInput(idSchema, args.id)),
    },
    Mutation: {
      createGroup: (_: unknown, args: { input: unknown }, ctx: SignedInContext) => createGroup(ctx, args.input),
      updateGroup: (_: unknown, args: { id: string; input: unknown }, ctx: SignedInContext) =>
        updateGroup(ctx, parseInput(idSchema, args.id), args.input),
      deleteGroup: (_: unknown, args: { id: string }, ctx: SignedInContext) =>
        deleteGroup(ctx, parseInput(idSchema, args.id)),
    },
  },
};
