import { idSchema } from "../graphql/ids";
import { existing, type GraphQLModule, upperCaseEnum } from "../graphql/module";
import { parseInput } from "../errors/validate";
import { dataLeftBytes } from "./data-quota";
import { ROLES } from "./table";
import { createAdmin, deleteAdmin, findAdmin, listAdmins, topUpResellerQuota, updateAdmin } from "./service";

const typeDefs = /* GraphQL */ `
  enum AdminRole {
    OWNER
    ADMIN
    RESELLER
  }

  "Someone who signs in to the panel. Resellers manage only their own users, within their limits."
  type Admin {
    id: ID!
    username: String!
    role: AdminRole!
    "Reseller limit on how many users it may own; null means no limit."
    maxUsers: Int
    "Reseller data quota: the most it may ever hand out (users' limits and forgiven usage); null means no limit. topUpResellerQuota raises it."
    maxDataLimit: Bytes
    "Bytes handed out so far: users' limits and raises, plus usage forgiven by resets, less the unused bytes of lowered limits and deleted users."
    dataGiven: Bytes!
    "maxDataLimit minus dataGiven (never below 0); null when there is no quota."
    dataLeft: Bytes
    disabled: Boolean!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  input CreateAdminInput {
    username: String!
    password: String!
    role: AdminRole!
    maxUsers: Int
    maxDataLimit: Bytes
  }

  "Omitted fields stay as they are; null clears a limit. A new password or disabling ends the admin's sessions."
  input UpdateAdminInput {
    password: String
    role: AdminRole
    maxUsers: Int
    maxDataLimit: Bytes
    disabled: Boolean
  }

  extend type Query {
    "The signed-in admin."
    me: Admin!
    admins: [Admin!]!
    admin(id: ID!): Admin
  }

  extend type Mutation {
    createAdmin(input: CreateAdminInput!): Admin!
    updateAdmin(id: ID!, input: UpdateAdminInput!): Admin!
    deleteAdmin(id: ID!): Boolean!
    "Raises a reseller's data quota (maxDataLimit) by bytes, so its balance grows by as much."
    topUpResellerQuota(adminId: ID!, bytes: Bytes!): Admin!
  }
`;

export const adminsModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.me": "signed-in",
    "Query.admins": "admins:manage",
    "Query.admin": "admins:manage",
    "Mutation.createAdmin": "admins:manage",
    "Mutation.updateAdmin": "admins:manage",
    "Mutation.deleteAdmin": "admins:manage",
    "Mutation.topUpResellerQuota": "admins:manage",
  },
  resolvers: {
    AdminRole: upperCaseEnum(ROLES),
    Admin: {
      id: (a) => String(a.id),
      maxDataLimit: (a) => a.maxDataLimitBytes,
      dataGiven: (a) => a.dataGivenBytes,
      dataLeft: (a) => dataLeftBytes(a),
      createdAt: (a) => a.createdAtSec,
      updatedAt: (a) => a.updatedAtSec,
    },
    Query: {
      // The session check read this row (graphql/yoga.ts): no statement of its own.
      me: async (_, __, ctx) => existing(await ctx.loaders.adminById.load(ctx.actor.id), "admin", ctx.actor.id),
      admins: (_, __, ctx) => listAdmins(ctx.db),
      admin: (_, args, ctx) => findAdmin(ctx.db, parseInput(idSchema, args.id)),
    },
    Mutation: {
      createAdmin: (_, args, ctx) => createAdmin(ctx, args.input),
      updateAdmin: (_, args, ctx) => updateAdmin(ctx, parseInput(idSchema, args.id), args.input),
      deleteAdmin: (_, args, ctx) => deleteAdmin(ctx, parseInput(idSchema, args.id)),
      topUpResellerQuota: (_, args, ctx) => topUpResellerQuota(ctx, parseInput(idSchema, args.adminId), args.bytes),
    },
  },
};
