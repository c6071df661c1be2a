import { z } from "zod";
import { hasPermission, ownedUsersScope } from "../auth/roles";
import { parseInput } from "../errors/validate";
import type { SignedInContext } from "../graphql/context";
import { existing, type GraphQLModule, upperCaseEnum } from "../graphql/module";
import { visibleUserId } from "../users/graphql";
import { distinctClientAddresses, listAnomalies } from "./anomalies";
import { quotaForecast } from "./forecast";
import {
  topUsers,
  trafficByInbound,
  trafficByServer,
  trafficPoints,
  usersByStatus,
  type TrafficScope,
} from "./history";
import { revenueByCurrency, revenueByDay, revenueByPlan } from "./revenue";
import { ANOMALY_KINDS } from "./table";
import { periodWindow, timePeriodSchema, type PeriodWindow, type TrafficPoint } from "./window";

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
    "paid - refunded, exactly; negative when more went back than came in."
    net: String!
    invoicesPaid: Int!
  }

  type RevenueByPlan {
    plan: Plan
    currency: String!
    paid: String!
    refunded: String!
    net: String!
    invoicesPaid: Int!
  }

  "Money per currency over the whole period, summed exactly by the panel."
  type RevenueTotal {
    currency: String!
    paid: String!
    refunded: String!
    net: String!
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
    "Needs billing:read; null otherwise."
    revenueTotals: [RevenueTotal!]
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

/** What Analytics and TrafficStats resolve their fields from: the window and whose traffic it is. */
export interface AnalyticsParent {
  window: PeriodWindow;
  scope: TrafficScope;
  /** Read once however many fields (traffic, upload, download) need it. */
  points: () => Promise<TrafficPoint[]>;
}
export type TrafficStatsParent = AnalyticsParent;

function windowed(ctx: SignedInContext, period: unknown, userId?: number): AnalyticsParent {
  const window = periodWindow(parseInput(timePeriodSchema, period), ctx.nowSec());
  const scope: TrafficScope = { owner: ownedUsersScope(ctx.actor), userId };
  let points: Promise<TrafficPoint[]> | undefined;
  return { window, scope, points: () => (points ??= trafficPoints(ctx.db, scope, window)) };
}

const firstSchema = (max: number) => z.number().int().min(1).max(max);
const totals = async (parent: AnalyticsParent) => {
  const points = await parent.points();
  return {
    upload: points.reduce((total, point) => total + point.upload, 0),
    download: points.reduce((total, point) => total + point.download, 0),
  };
};
/** Fields Analytics and TrafficStats share. */
const windowFields = {
  period: (parent: AnalyticsParent) => parent.window.period,
  from: (parent: AnalyticsParent) => parent.window.fromSec,
  to: (parent: AnalyticsParent) => parent.window.toSec,
  upload: async (parent: AnalyticsParent) => (await totals(parent)).upload,
  download: async (parent: AnalyticsParent) => (await totals(parent)).download,
  traffic: (parent: AnalyticsParent) => parent.points(),
  byServer: (parent: AnalyticsParent, _: unknown, ctx: SignedInContext) =>
    trafficByServer(ctx.db, parent.scope, parent.window),
};
const canReadBilling = (ctx: SignedInContext) => hasPermission(ctx.actor.role, "billing:read");

export const analyticsModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.analytics": "users:read",
    "Query.trafficStats": "users:read",
    "Query.usageAnomalies": "users:read",
  },
  resolvers: {
    AnomalyKind: upperCaseEnum(ANOMALY_KINDS),
    Query: {
      analytics: (_, args, ctx) => windowed(ctx, args.period),
      trafficStats: async (_, args, ctx) =>
        windowed(ctx, args.period, args.userId == null ? undefined : await visibleUserId(ctx, args.userId)),
      usageAnomalies: async (_, args, ctx) =>
        listAnomalies(
          ctx.db,
          {
            owner: ownedUsersScope(ctx.actor),
            userId: args.userId == null ? undefined : await visibleUserId(ctx, args.userId),
            kind: args.kind ?? undefined,
          },
          parseInput(firstSchema(200), args.first ?? 50),
        ),
    },
    Analytics: {
      ...windowFields,
      byInbound: (parent, _, ctx) => trafficByInbound(ctx.db, parent.scope, parent.window),
      topUsers: (parent, args, ctx) =>
        topUsers(ctx.db, parent.scope.owner, parent.window, parseInput(firstSchema(100), args.first ?? 10)),
      usersByStatus: (parent, _, ctx) => usersByStatus(ctx.db, parent.scope.owner, parent.window),
      revenue: (parent, _, ctx) => (canReadBilling(ctx) ? revenueByDay(ctx.db, parent.window) : null),
      revenueByPlan: (parent, _, ctx) => (canReadBilling(ctx) ? revenueByPlan(ctx.db, parent.window) : null),
      revenueTotals: (parent, _, ctx) => (canReadBilling(ctx) ? revenueByCurrency(ctx.db, parent.window) : null),
      anomalies: (parent, args, ctx) =>
        listAnomalies(
          ctx.db,
          { owner: parent.scope.owner, sinceSec: parent.window.fromSec },
          parseInput(firstSchema(200), args.first ?? 20),
        ),
    },
    TrafficStats: {
      ...windowFields,
      userId: (parent) => (parent.scope.userId === undefined ? null : String(parent.scope.userId)),
      forecast: async (parent, _, ctx) => {
        if (parent.scope.userId === undefined) return null;
        const forecast = existing(
          await quotaForecast(ctx.db, parent.scope.userId, ctx.nowSec()),
          "user",
          parent.scope.userId,
        );
        return { ...forecast, runsOutAt: forecast.runsOutAtSec };
      },
      clientAddresses: async (parent, _, ctx) =>
        parent.scope.userId === undefined
          ? null
          : distinctClientAddresses(
              ctx.db,
              parent.scope.userId,
              (await ctx.loaders.settings()).sharingWindowMinutes,
              ctx.nowSec(),
            ),
      anomalies: (parent, _, ctx) => listAnomalies(ctx.db, { ...parent.scope, sinceSec: parent.window.fromSec }, 200),
    },
    RevenueByPlan: {
      plan: (parent, _, ctx) => (parent.planId === null ? null : ctx.loaders.planById.load(parent.planId)),
    },
    UsageAnomaly: {
      user: async (row, _, ctx) => existing(await ctx.loaders.userById.load(row.userId), "user", row.userId),
      hour: (row) => row.hourSec,
      detectedAt: (row) => row.detectedAtSec,
    },
  },
};
