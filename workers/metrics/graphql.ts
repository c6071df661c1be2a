import type { GraphQLModule } from "../graphql/module";
import { endpointOf, readMetricsToken, revokeMetricsToken, rotateMetricsToken } from "./token";

const typeDefs = /* GraphQL */ `
  "GET /metrics (Prometheus text format) with Authorization: Bearer <token>."
  type MetricsEndpoint {
    "A token is set; the endpoint answers 404 until one is."
    enabled: Boolean!
    path: String!
    tokenCreatedAt: DateTime
  }

  "The scrape token, shown only now."
  type MetricsToken {
    token: String!
    endpoint: MetricsEndpoint!
  }

  extend type Query {
    metricsEndpoint: MetricsEndpoint!
  }

  extend type Mutation {
    "A new scrape token (the old one stops working at once)."
    rotateMetricsToken: MetricsToken!
    "Turns /metrics off."
    revokeMetricsToken: Boolean!
  }
`;

export const metricsModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.metricsEndpoint": "settings:read",
    "Mutation.rotateMetricsToken": "settings:write",
    "Mutation.revokeMetricsToken": "settings:write",
  },
  resolvers: {
    Query: { metricsEndpoint: async (_, __, ctx) => endpointOf(await readMetricsToken(ctx.db)) },
    Mutation: {
      rotateMetricsToken: (_, __, ctx) => rotateMetricsToken(ctx),
      revokeMetricsToken: (_, __, ctx) => revokeMetricsToken(ctx),
    },
  },
};
