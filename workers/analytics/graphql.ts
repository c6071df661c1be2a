import type { GraphQLModule } from "../graphql/module";

const notYet = (): never => {
  throw new Error("not implemented yet");
};

const typeDefs = /* GraphQL */ `
  "A window ending now: DAY is 24 hourly points, WEEK 7 daily, MONTH 30 daily, QUARTER 90 daily, YEAR 52 weekly."
  enum TimePeriod {
    DAY
    WEEK
    MONTH
    QUARTER
    YEAR
  }

  type ServerTraffic {
    server: Server!
    upload: Bytes!
    download: Bytes!
  }

  type InboundTraffic {
    server: Server!
    "The inbound's tag on that node."
    tag: String!
    upload: Bytes!
    download: Bytes!
  }

  type UserTrafficTotal {
    user: User!
    upload: Bytes!
    download: Bytes!
  }

  "Users per status at the end of a UTC day."
  type UserStatusCount {
    day: String!
    status: UserStatus!
    count: Int!
  }

  "Money per UTC day and currency, as decimal strings in the currency's major unit."
  type RevenuePoint {
    day: String!
    currency: String!
    paid: String!
    refunded: String!
    invoicesPaid: Int!
  }

  type RevenueByPlan {
    plan: Plan
    currency: String!
    paid: String!
    refunded: String!
    invoicesPaid: Int!
  }

  enum AnomalyKind {
    "An hour's usage far above the user's own median (median + k x MAD of its hourly usage)."
    USAGE_SPIKE
    "More distinct client addresses within the window than the user's device limit."
    ACCOUNT_SHARING
  }

  type UsageAnomaly {
    id: ID!
    kind: AnomalyKind!
    user: User!
    "The hour looked at."
    hour: DateTime!
    "Bytes in that hour (USAGE_SPIKE) or distinct addresses (ACCOUNT_SHARING)."
    observed: Float!
    "The user's baseline bytes per hour (USAGE_SPIKE) or its device limit (ACCOUNT_SHARING)."
    baseline: Float!
    detectedAt: DateTime!
  }

  "At the pace of the last 7 days."
  type QuotaForecast {
    "Average bytes per day over the last 7 days."
    dailyAverage: Bytes!
    "Bytes left this period; null without a data limit."
    remaining: Bytes
    "Days until the data runs out at this pace; null without a limit or without usage."
    daysLeft: Float
    runsOutAt: DateTime
    "Whether the data runs out before the user expires or its period resets."
    runsOutFirst: Boolean!
  }

  "Panel-wide (a reseller: its own users) over one period."
  type Analytics {
    period: TimePeriod!
    from: DateTime!
    to: DateTime!
    upload: Bytes!
    download: Bytes!
    traffic: [TrafficPoint!]!
    byServer: [ServerTraffic!]!
    "Per node and inbound (agents at protocol level 3 report them)."
    byInbound: [InboundTraffic!]!
    topUsers(first: Int = 10): [UserTrafficTotal!]!
    usersByStatus: [UserStatusCount!]!
    "Needs billing:read; null otherwise."
    revenue: [RevenuePoint!]
    "Needs billing:read; null otherwise."
    revenueByPlan: [RevenueByPlan!]
    "Recent anomalies, newest first."
    anomalies(first: Int = 20): [UsageAnomaly!]!
  }

  "One user (or, without userId, everything the caller can see) over one period."
  type TrafficStats {
    userId: ID
    period: TimePeriod!
    from: DateTime!
    to: DateTime!
    upload: Bytes!
    download: Bytes!
    traffic: [TrafficPoint!]!
    byServer: [ServerTraffic!]!
    "Only for one user."
    forecast: QuotaForecast
    "Distinct client addresses in the sharing window, across nodes; only for one user."
    clientAddresses: Int
    anomalies: [UsageAnomaly!]!
  }

  extend type Query {
    analytics(period: TimePeriod!): Analytics!
    trafficStats(userId: ID, period: TimePeriod!): TrafficStats!
    "Newest first; a reseller sees its own users' only."
    usageAnomalies(kind: AnomalyKind, userId: ID, first: Int = 50): [UsageAnomaly!]!
  }
`;

export const analyticsModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.analytics": "users:read",
    "Query.trafficStats": "users:read",
    "Query.usageAnomalies": "users:read",
  },
  resolvers: {
    Query: { analytics: notYet, trafficStats: notYet, usageAnomalies: notYet },
  },
};
