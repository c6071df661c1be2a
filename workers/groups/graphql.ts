import { ownedUsersScope } from "../auth/roles";
import { idSchema } from "../graphql/ids";
import type { GraphQLModule } from "../graphql/module";
import { parseInput } from "../errors/validate";
import { createGroup, deleteGroup, findGroup, listGroups, updateGroup } from "./service";

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
      id: (g) => String(g.id),
      inbounds: (g, _, ctx) => ctx.loaders.inboundsByGroup.load(g.id),
      userCount: (g, _, ctx) => ctx.loaders.userCountByGroup(ownedUsersScope(ctx.actor)).load(g.id),
      createdAt: (g) => g.createdAtSec,
    },
    Query: {
      groups: (_, __, ctx) => listGroups(ctx.db),
      group: (_, args, ctx) => findGroup(ctx.db, parseInput(idSchema, args.id)),
    },
    Mutation: {
      createGroup: (_, args, ctx) => createGroup(ctx, args.input),
      updateGroup: (_, args, ctx) => updateGroup(ctx, parseInput(idSchema, args.id), args.input),
      deleteGroup: (_, args, ctx) => deleteGroup(ctx, parseInput(idSchema, args.id)),
    },
  },
};
