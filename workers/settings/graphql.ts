import type { SignedInContext } from "../graphql/context";
import type { GraphQLModule } from "../graphql/module";
import { readSettings, updateSettings } from "./settings";

const typeDefs = /* GraphQL */ `
  type Settings {
    "Base of subscription links, e.g. https://sub.example.com; empty means the address the panel is reached on."
    subscriptionUrlPrefix: String!
  }

  "Omitted fields keep their values."
  input UpdateSettingsInput {
    subscriptionUrlPrefix: String
  }

  extend type Query {
    settings: Settings!
  }

  extend type Mutation {
    updateSettings(input: UpdateSettingsInput!): Settings!
  }
`;

export const settingsModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.settings": "settings:read",
    "Mutation.updateSettings": "settings:write",
  },
  resolvers: {
    Query: {
      settings: (_: unknown, __: unknown, ctx: SignedInContext) => readSettings(ctx.db),
    },
    Mutation: {
      updateSettings: (_: unknown, args: { input: unknown }, ctx: SignedInContext) => updateSettings(ctx, args.input),
    },
  },
};
