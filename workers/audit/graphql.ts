import { and, desc, eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import { ownedUsersScope } from "../auth/roles";
import { parseInput } from "../errors/validate";
import { idSchema } from "../graphql/ids";
import type { GraphQLModule } from "../graphql/module";
import { parsePage, toConnection } from "../graphql/pagination";
import { auditLog } from "./table";

export type AuditRow = typeof auditLog.$inferSelect;

const typeDefs = /* GraphQL */ `
  scalar JSON

  "One admin action: who did what to which target, when and from where."
  type AuditEntry {
    id: ID!
    at: DateTime!
    actorId: ID
    actorUsername: String
    "e.g. user.create, inbound.update, auth.login"
    action: String!
    targetType: String
    targetId: String
    ip: String
    details: JSON
  }

  type AuditEntryEdge {
    cursor: String!
    node: AuditEntry!
  }

  type AuditEntryConnection {
    edges: [AuditEntryEdge!]!
    pageInfo: PageInfo!
  }

  input AuditFilter {
    action: String
    "Every action starting with this, e.g. auth. for sign-ins, failed sign-ins, factor changes and session revocations."
    actionPrefix: String
    actorId: ID
    targetType: String
    targetId: String
  }

  extend type Query {
    "Newest first. Resellers see only their own actions."
    auditLog(filter: AuditFilter, page: Pagination): AuditEntryConnection!
  }
`;

const filterSchema = z
  .object({
    action: z.string().trim().max(64).nullish(),
    actionPrefix: z.string().trim().max(64).nullish(),
    actorId: idSchema.nullish(),
    targetType: z.string().trim().max(32).nullish(),
    targetId: z.string().trim().max(64).nullish(),
  })
  .nullish();

export const auditModule: GraphQLModule = {
  typeDefs,
  rules: { "Query.auditLog": "audit:read" },
  resolvers: {
    AuditEntry: {
      id: (e) => String(e.id),
      at: (e) => e.atSec,
      actorId: (e) => (e.actorId === null ? null : String(e.actorId)),
    },
    Query: {
      auditLog: async (_, args, ctx) => {
        const filter = parseInput(filterSchema, args.filter) ?? {};
        const page = parsePage(args.page);
        const scope = ownedUsersScope(ctx.actor);
        const rows = await ctx.db
          .select()
          .from(auditLog)
          .where(
            and(
              scope === undefined ? undefined : eq(auditLog.actorId, scope),
              filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
              filter.action ? eq(auditLog.action, filter.action) : undefined,
              // The range [prefix, prefix + U+FFFF) is what LIKE 'prefix%' means, without LIKE's wildcards.
              filter.actionPrefix
                ? and(gte(auditLog.action, filter.actionPrefix), lt(auditLog.action, `${filter.actionPrefix}\uffff`))
                : undefined,
              filter.targetType ? eq(auditLog.targetType, filter.targetType) : undefined,
              filter.targetId ? eq(auditLog.targetId, filter.targetId) : undefined,
              page.beforeId === undefined ? undefined : lt(auditLog.id, page.beforeId),
            ),
          )
          .orderBy(desc(auditLog.id))
          .limit(page.first + 1)
          .all();
        return toConnection(rows, page.first);
      },
    },
  },
};
