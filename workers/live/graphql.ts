import { filter, pipe } from "graphql-yoga";
import { ownedUsersScope } from "../auth/roles";
import { parseInput } from "../errors/validate";
import { DomainError } from "../errors/domain-error";
import type { SignedInContext } from "../graphql/context";
import { idSchema } from "../graphql/ids";
import { createLoaders } from "../graphql/loaders";
import type { SubscriptionResolverObject } from "../graphql/generated/resolvers";
import type { GraphQLModule } from "../graphql/module";
import { visibleUserId } from "../users/graphql";
import { listen } from "./hub-client";
import { loadSystemMetrics } from "./metrics";
import { trafficRangeSchema, trafficSeries } from "./series";
import { HUB_NAME, tagOf, TOPICS } from "./topics";

const typeDefs = /* GraphQL */ `
  type TrafficUpdate {
    userId: ID!
    "Charged by this push."
    upload: Bytes!
    download: Bytes!
    "total used this period"
    usedTraffic: Bytes!
    at: DateTime!
  }

  type SystemMetrics {
    at: DateTime!
    users: UserCounts!
    serversOnline: Int!
    serversOffline: Int!
    serversDegraded: Int!
    "bytes per second over the latest pushes"
    uploadRate: Bytes!
    downloadRate: Bytes!
  }

  enum NotificationSeverity {
    INFO
    WARNING
    CRITICAL
  }

  type Notification {
    id: ID!
    "What happened, e.g. server.offline, server.online, user.limited, user.expired, user.enabled, user.disabled."
    kind: String!
    severity: NotificationSeverity!
    message: String!
    at: DateTime!
    serverId: ID
    userId: ID
  }

  enum TrafficRange {
    DAY
    WEEK
    MONTH
  }

  "Traffic in one bucket; at is the bucket's start (UTC)."
  type TrafficPoint {
    at: DateTime!
    upload: Bytes!
    download: Bytes!
  }

  type Subscription {
    "A node's status, health, versions or last-seen changed (heartbeat, went offline, came back). serverId filters to one node."
    serverStatus(serverId: ID): Server!
    "Traffic charged to one user by each usage push."
    userTraffic(userId: ID!): TrafficUpdate!
    "Panel-wide figures; sent on change, at most about once a second."
    systemMetrics: SystemMetrics!
    "Events an admin should see: node offline/online, user limited/expired/re-enabled, ... A reseller hears only about its own users; userId narrows to one user."
    notifications(userId: ID): Notification!
  }

  extend type Query {
    """
    Traffic over time for the dashboard (all users the caller can see) or one user. DAY: 24 hourly points; WEEK: 7 daily; MONTH: 30 daily.
    The last point is the current hour or day. One user's history is daily, so for one user DAY is 2 daily points: yesterday and today (UTC).
    """
    trafficSeries(range: TrafficRange!, userId: ID): [TrafficPoint!]!
    systemMetrics: SystemMetrics!
  }
`;

/** How often an open stream re-checks its session, so logout, revocation or token expiry ends it. */
export const SESSION_RECHECK_MS = 10_000;

/** Says yes without a lookup while the last check is recent. */
function sessionGuard(ctx: SignedInContext): () => Promise<boolean> {
  let checkedAtMs = Date.now();
  return async () => {
    if (Date.now() - checkedAtMs < SESSION_RECHECK_MS) return true;
    checkedAtMs = Date.now();
    return ctx.sessionStillValid();
  };
}

const sessionEnded = () =>
  new DomainError(
    "UNAUTHENTICATED",
    "the session ended (signed out, revoked or expired): subscribe again after signing in",
  );

/**
 * A subscription field whose events are the hub's payloads on one tag. Each event gets fresh
 * DataLoaders: the subscription's context lives as long as the stream, and its cached rows
 * (a server's inbounds) would otherwise go stale.
 */
export const fromHub = <Payload, Args>(
  tag: (args: Args, ctx: SignedInContext) => string | Promise<string>,
  keep?: (payload: Payload, args: Args) => boolean,
): SubscriptionResolverObject<Payload | Promise<Payload>, unknown, SignedInContext, Args> => ({
  subscribe: async (_, args, ctx) => {
    const events = listen<Payload>(ctx.env, await tag(args, ctx), sessionGuard(ctx), sessionEnded);
    return keep
      ? pipe(
          events,
          filter((payload) => keep(payload, args)),
        )
      : events;
  },
  resolve: (payload, _, ctx) => {
    ctx.loaders = createLoaders(ctx.db);
    return payload;
  },
});

export const liveModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Subscription.serverStatus": "nodes:read",
    "Subscription.userTraffic": "users:read",
    "Subscription.systemMetrics": "metrics:read",
    "Subscription.notifications": "users:read",
    "Query.trafficSeries": "users:read",
    "Query.systemMetrics": "metrics:read",
  },
  resolvers: {
    Subscription: {
      serverStatus: fromHub((args) =>
        tagOf(TOPICS.serverStatus, args.serverId == null ? null : parseInput(idSchema, args.serverId)),
      ),
      userTraffic: fromHub(async (args, ctx) => tagOf(TOPICS.userTraffic, await visibleUserId(ctx, args.userId))),
      systemMetrics: fromHub(() => TOPICS.systemMetrics),
      // Admins hear everything; a reseller only news about users it owns (keyed by owner).
      // One user's news rides the owner's stream, filtered here: notices are few, tags stay per owner.
      notifications: fromHub(
        async (args, ctx) => {
          if (args.userId != null) await visibleUserId(ctx, args.userId);
          return tagOf(TOPICS.notifications, ownedUsersScope(ctx.actor));
        },
        (notice, args) => args.userId == null || notice.userId === String(parseInput(idSchema, args.userId)),
      ),
    },
    Query: {
      trafficSeries: (_, args, ctx) =>
        trafficSeries(
          ctx.db,
          ctx.actor,
          parseInput(trafficRangeSchema, args.range),
          args.userId == null ? undefined : parseInput(idSchema, args.userId),
          ctx.nowSec(),
        ),
      systemMetrics: async (_, __, ctx) =>
        loadSystemMetrics(ctx.db, ctx.nowSec(), await ctx.env.HUB.getByName(HUB_NAME).rates()),
    },
  },
};
