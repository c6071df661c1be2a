import { eq, sql } from "drizzle-orm";
import packageJson from "../../package.json";
import { ownedUsersScope } from "../auth/roles";
import type { Db } from "../db/client";
import { groups } from "../groups/table";
import type { AppContext } from "../graphql/context";
import type { GraphQLModule } from "../graphql/module";
import { inbounds } from "../inbounds/table";
import { nodes } from "../nodes/table";
import { users } from "../users/table";

const typeDefs = /* GraphQL */ `
  type UserCounts {
    total: Int!
    active: Int!
    disabled: Int!
    limited: Int!
    expired: Int!
    onHold: Int!
  }

  type SystemStatus {
    version: String!
    "Users the caller can see, by status."
    users: UserCounts!
    servers: Int!
    inbounds: Int!
    groups: Int!
  }

  type HealthStatus {
    "True when the panel and its database answer."
    ok: Boolean!
    database: Boolean!
    version: String!
    time: DateTime!
  }

  extend type Query {
    systemStatus: SystemStatus!
    "Needs no sign-in: for uptime monitors."
    healthCheck: HealthStatus!
  }
`;

const count = sql<number>`count(*)`;

/** Users by status, all of them or one owner's: feed the rows to userCounts. */
export function usersByStatus(db: Db, ownerId?: number) {
  return db
    .select({ status: users.status, n: count })
    .from(users)
    .where(ownerId === undefined ? undefined : eq(users.adminId, ownerId))
    .groupBy(users.status);
}

export function userCounts(byStatus: { status: string; n: number }[]) {
  const of = (status: string) => byStatus.find((row) => row.status === status)?.n ?? 0;
  return {
    total: byStatus.reduce((sum, row) => sum + row.n, 0),
    active: of("active"),
    disabled: of("disabled"),
    limited: of("limited"),
    expired: of("expired"),
    onHold: of("on_hold"),
  };
}

export const systemModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.systemStatus": "system:read",
    "Query.healthCheck": "public",
  },
  resolvers: {
    Query: {
      systemStatus: async (_, __, ctx) => {
        const scope = ownedUsersScope(ctx.actor);
        const [byStatus, [servers], [inboundCount], [groupCount]] = await ctx.db.batch([
          usersByStatus(ctx.db, scope),
          ctx.db.select({ n: count }).from(nodes),
          ctx.db.select({ n: count }).from(inbounds),
          ctx.db.select({ n: count }).from(groups),
        ]);
        return {
          version: packageJson.version,
          users: userCounts(byStatus),
          servers: servers?.n ?? 0,
          inbounds: inboundCount?.n ?? 0,
          groups: groupCount?.n ?? 0,
        };
      },
      healthCheck: async (_, __, ctx: AppContext) => {
        const database = await ctx.db
          .run(sql`SELECT 1`)
          .then(() => true)
          .catch((error: unknown) => {
            console.error(JSON.stringify({ event: "health.database_failed", error: String(error) }));
            return false;
          });
        return { ok: database, database, version: packageJson.version, time: ctx.nowSec() };
      },
    },
  },
};
