import DataLoader from "dataloader";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { admins, type AdminRow } from "../admins/table";
import { planGroups, plans, type PlanRow } from "../billing/plans/table";
import type { Db } from "../db/client";
import { groupInbounds, groups, type GroupRow } from "../groups/table";
import { inbounds, type InboundRow } from "../inbounds/table";
import { nodeInbounds, nodes, type NodeRow } from "../nodes/table";
import { readPanelPolicy } from "../routing/policy";
import type { RoutingPolicy } from "../agent/protocol/messages";
import { readSettings, type Settings } from "../settings/settings";
import { userGroups, users, type UserRow } from "../users/table";

/** D1 binds at most 100 parameters; a JSON array bound once lets one statement take any number of keys. */
const keysIn = (column: Parameters<typeof eq>[0], keys: readonly number[]) =>
  inArray(column, sql`(SELECT value FROM json_each(${JSON.stringify(keys)}))`);

/** Rows of `{ key, value }` as one list of values per key, in the keys' order; [] for a key with none. */
export function grouped<K, V>(keys: readonly K[], rows: { key: K; value: V }[]): V[][] {
  const byKey = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) byKey.get(row.key)?.push(row.value);
  return keys.map((k) => byKey.get(k)!);
}

/** The groups of the users `which` picks (a condition on user_groups.user_id), as `{ key: userId, value: group }` in name order. */
export function groupsOfUsersQuery(db: Db, which: SQL) {
  return db
    .select({ key: userGroups.userId, value: groups })
    .from(userGroups)
    .innerJoin(groups, eq(groups.id, userGroups.groupId))
    .where(which)
    .orderBy(groups.name);
}

/**
 * Per-request batch loaders: whatever a page of results asks for, each relation costs one
 * statement, so a list never turns into N+1 queries. Never shared across requests.
 */
export function createLoaders(db: Db) {
  const userCounts: Record<number, DataLoader<number, number>> = {};
  let settings: Promise<Settings> | undefined;
  let routingPolicy: Promise<RoutingPolicy> | undefined;
  return {
    /** Read once per request, however many subscription URLs a page renders. */
    settings: () => (settings ??= readSettings(db)),
    /** The panel-wide routing policy, read once per request however many servers a query lists. */
    routingPolicy: () => (routingPolicy ??= readPanelPolicy(db)),
    adminById: new DataLoader<number, AdminRow | undefined>(async (ids) => {
      const rows = await db.select().from(admins).where(keysIn(admins.id, ids)).all();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
    groupsByUser: new DataLoader<number, GroupRow[]>(async (userIds) =>
      grouped(userIds, await groupsOfUsersQuery(db, keysIn(userGroups.userId, userIds)).all()),
    ),
    userById: new DataLoader<number, UserRow | undefined>(async (ids) => {
      const rows = await db.select().from(users).where(keysIn(users.id, ids)).all();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
    planById: new DataLoader<number, PlanRow | undefined>(async (ids) => {
      const rows = await db.select().from(plans).where(keysIn(plans.id, ids)).all();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
    groupsByPlan: new DataLoader<number, GroupRow[]>(async (planIds) => {
      const rows = await db
        .select({ key: planGroups.planId, value: groups })
        .from(planGroups)
        .innerJoin(groups, eq(groups.id, planGroups.groupId))
        .where(keysIn(planGroups.planId, planIds))
        .orderBy(groups.name)
        .all();
      return grouped(planIds, rows);
    }),
    inboundsByGroup: new DataLoader<number, InboundRow[]>(async (groupIds) => {
      const rows = await db
        .select({ key: groupInbounds.groupId, value: inbounds })
        .from(groupInbounds)
        .innerJoin(inbounds, eq(inbounds.id, groupInbounds.inboundId))
        .where(keysIn(groupInbounds.groupId, groupIds))
        .orderBy(inbounds.id)
        .all();
      return grouped(groupIds, rows);
    }),
    inboundsByNode: new DataLoader<number, InboundRow[]>(async (nodeIds) => {
      const rows = await db
        .select({ key: nodeInbounds.nodeId, value: inbounds })
        .from(nodeInbounds)
        .innerJoin(inbounds, eq(inbounds.id, nodeInbounds.inboundId))
        .where(keysIn(nodeInbounds.nodeId, nodeIds))
        .orderBy(inbounds.id)
        .all();
      return grouped(nodeIds, rows);
    }),
    serversByInbound: new DataLoader<number, NodeRow[]>(async (inboundIds) => {
      const rows = await db
        .select({ key: nodeInbounds.inboundId, value: nodes })
        .from(nodeInbounds)
        .innerJoin(nodes, eq(nodes.id, nodeInbounds.nodeId))
        .where(keysIn(nodeInbounds.inboundId, inboundIds))
        .orderBy(nodes.id)
        .all();
      return grouped(inboundIds, rows);
    }),
    /** Counts only the users `ownerScope` allows (a reseller's own), so counts reveal nothing else. */
    userCountByGroup: (ownerScope: number | undefined) => {
      userCounts[ownerScope ?? 0] ??= new DataLoader<number, number>(async (groupIds) => {
        const rows = await db
          .select({ key: userGroups.groupId, value: sql<number>`count(*)` })
          .from(userGroups)
          .innerJoin(users, eq(users.id, userGroups.userId))
          .where(
            and(
              keysIn(userGroups.groupId, groupIds),
              ownerScope === undefined ? undefined : eq(users.adminId, ownerScope),
            ),
          )
          .groupBy(userGroups.groupId)
          .all();
        return grouped(groupIds, rows).map((counts) => counts[0] ?? 0);
      });
      return userCounts[ownerScope ?? 0]!;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
