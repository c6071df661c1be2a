import { idSchema } from "../../graphql/ids";
import type { GraphQLModule } from "../../graphql/module";
import { parseInput } from "../../errors/validate";
import { applyPlanToUser, createPlan, deletePlan, findPlan, listPlans, updatePlan } from "./service";

/** What creating and updating a plan both take besides name, description and prices. */
const planInputFields = /* GraphQL */ `
  dataLimit: Bytes
  durationDays: Int
  resetStrategy: ResetStrategy
  deviceLimit: Int
  groupIds: [ID!]
  visible: Boolean
  sortOrder: Int
`;

const typeDefs = /* GraphQL */ `
  "An amount in one currency, as a decimal string (\\"4.99\\", \\"0.002\\")."
  type Price {
    currency: String!
    amount: String!
  }

  input PriceInput {
    currency: String!
    amount: String!
  }

  """
  What a user can buy. Applying it renews a LIMITED or EXPIRED user (usage from zero, limit and
  expiry from now) and extends anyone else (data and days added to what is left).
  """
  type Plan {
    id: ID!
    name: String!
    description: String!
    prices: [Price!]!
    "Null means unlimited."
    dataLimit: Bytes
    "Null means no expiry."
    durationDays: Int
    resetStrategy: ResetStrategy!
    "Null leaves the user's device limit as it is."
    deviceLimit: Int
    "Groups the buyer is put in; empty leaves the buyer's groups alone."
    groups: [Group!]!
    "Offered on the subscription page; hidden plans are sold by an admin only."
    visible: Boolean!
    sortOrder: Int!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  input CreatePlanInput {
    name: String!
    description: String
    prices: [PriceInput!]!
    ${planInputFields}
  }

  "Omitted fields keep their values; null clears dataLimit or durationDays (unlimited); prices and groupIds replace."
  input UpdatePlanInput {
    name: String
    description: String
    prices: [PriceInput!]
    ${planInputFields}
  }

  extend type Query {
    "In sort order; hidden plans too unless visibleOnly."
    plans(visibleOnly: Boolean): [Plan!]!
    plan(id: ID!): Plan
  }

  extend type Mutation {
    createPlan(input: CreatePlanInput!): Plan!
    updatePlan(id: ID!, input: UpdatePlanInput!): Plan!
    deletePlan(id: ID!): Boolean!
    "Applies a plan without an invoice, by the same extend-or-renew rule as a payment."
    applyPlan(userId: ID!, planId: ID!): User!
  }
`;

export const plansModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.plans": "sales:read",
    "Query.plan": "sales:read",
    "Mutation.createPlan": "billing:write",
    "Mutation.updatePlan": "billing:write",
    "Mutation.deletePlan": "billing:write",
    "Mutation.applyPlan": "billing:write",
  },
  resolvers: {
    Plan: {
      id: (p) => String(p.id),
      dataLimit: (p) => p.dataLimitBytes,
      groups: (p, _, ctx) => ctx.loaders.groupsByPlan.load(p.id),
      createdAt: (p) => p.createdAtSec,
      updatedAt: (p) => p.updatedAtSec,
    },
    Query: {
      plans: (_, args, ctx) => listPlans(ctx.db, { visibleOnly: args.visibleOnly === true }),
      plan: async (_, args, ctx) => (await findPlan(ctx.db, parseInput(idSchema, args.id))) ?? null,
    },
    Mutation: {
      createPlan: (_, args, ctx) => createPlan(ctx, args.input),
      updatePlan: (_, args, ctx) => updatePlan(ctx, parseInput(idSchema, args.id), args.input),
      deletePlan: (_, args, ctx) => deletePlan(ctx, parseInput(idSchema, args.id)),
      applyPlan: (_, args, ctx) =>
        applyPlanToUser(ctx, parseInput(idSchema, args.userId), parseInput(idSchema, args.planId)),
    },
  },
};
