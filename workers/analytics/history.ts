import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { trafficHourly } from "../live/table";
import { nodes, type NodeRow } from "../nodes/table";
import { usageDaily } from "../usage/table";
import { users, type UserRow, type UserStatus } from "../users/table";
import { inboundTrafficHourly, nodeTrafficHourly, usageHourly, userStatusDaily } from "./table";
import { utcDay } from "../lib/utc";
import { dayStartSec, intoBuckets, needsDailyRows, type PeriodWindow, type TrafficPoint } from "./window";

/**
 * Whose traffic a query sums: `owner` confines it to one admin's users (a reseller's own),
 * `userId` to one user (already checked visible); neither is the whole panel.
 */
export interface TrafficScope {
  owner?: number;
  userId?: number;
}

const sum = (column: unknown) => sql<number>`coalesce(sum(${column}), 0)`;
const ownedBy = (owner: number) => sql`${usageDaily.userId} IN (SELECT id FROM users WHERE admin_id = ${owner})`;

/**
 * Traffic over the window in its buckets. One user: its hourly rows (DAY) or daily rows. Everyone
 * or one owner: the per-admin hourly rows up to a month, daily rows beyond (hourly rows are kept
 * only retentionHourlyDays). One statement, grouped by hour or day, so at most a few hundred rows.
 */
export async function trafficPoints(db: Db, scope: TrafficScope, window: PeriodWindow): Promise<TrafficPoint[]> {
  if (scope.userId !== undefined && window.period === "DAY") {
    const rows = await db
      .select({ at: usageHourly.hourSec, up: usageHourly.upBytes, down: usageHourly.downBytes })
      .from(usageHourly)
      .where(and(eq(usageHourly.userId, scope.userId), gte(usageHourly.hourSec, window.fromSec)));
    return intoBuckets(window, rows);
  }
  if (scope.userId !== undefined || needsDailyRows(window)) {
    const rows = await db
      .select({ day: usageDaily.day, up: sum(usageDaily.upBytes), down: sum(usageDaily.downBytes) })
      .from(usageDaily)
      .where(
        and(
          gte(usageDaily.day, utcDay(window.fromSec)),
          scope.userId !== undefined ? eq(usageDaily.userId, scope.userId) : undefined,
          scope.owner !== undefined ? ownedBy(scope.owner) : undefined,
        ),
      )
      .groupBy(usageDaily.day);
    return intoBuckets(
      window,
      rows.map((row) => ({ at: dayStartSec(row.day), up: row.up, down: row.down })),
    );
  }
  const rows = await db
    .select({ at: trafficHourly.hourSec, up: sum(trafficHourly.upBytes), down: sum(trafficHourly.downBytes) })
    .from(trafficHourly)
    .where(
      and(
        gte(trafficHourly.hourSec, window.fromSec),
        scope.owner !== undefined ? eq(trafficHourly.adminId, scope.owner) : undefined,
      ),
    )
    .groupBy(trafficHourly.hourSec);
  return intoBuckets(window, rows);
}

export interface ServerTotal {
  server: NodeRow;
  upload: number;
  download: number;
}

/**
 * Traffic per node over the window, from the nodes' hourly rows (so as far back as those are
 * kept). Panel-wide only: nothing records which node carried which user's bytes, so an owner's
 * (a reseller's) or one user's breakdown is empty rather than a share of other users' traffic.
 */
export async function trafficByServer(db: Db, scope: TrafficScope, window: PeriodWindow): Promise<ServerTotal[]> {
  if (scope.owner !== undefined || scope.userId !== undefined) return [];
  return db
    .select({ server: nodes, upload: sum(nodeTrafficHourly.upBytes), download: sum(nodeTrafficHourly.downBytes) })
    .from(nodeTrafficHourly)
    .innerJoin(nodes, eq(nodes.id, nodeTrafficHourly.nodeId))
    .where(gte(nodeTrafficHourly.hourSec, window.fromSec))
    .groupBy(nodeTrafficHourly.nodeId)
    .orderBy(nodeTrafficHourly.nodeId);
}

/** Traffic per node and inbound tag (level-3 agents report it); panel-wide only, as trafficByServer. */
export async function trafficByInbound(
  db: Db,
  scope: TrafficScope,
  window: PeriodWindow,
): Promise<(ServerTotal & { tag: string })[]> {
  if (scope.owner !== undefined || scope.userId !== undefined) return [];
  return db
    .select({
      server: nodes,
      tag: inboundTrafficHourly.tag,
      upload: sum(inboundTrafficHourly.upBytes),
      download: sum(inboundTrafficHourly.downBytes),
    })
    .from(inboundTrafficHourly)
    .innerJoin(nodes, eq(nodes.id, inboundTrafficHourly.nodeId))
    .where(gte(inboundTrafficHourly.hourSec, window.fromSec))
    .groupBy(inboundTrafficHourly.nodeId, inboundTrafficHourly.tag)
    .orderBy(inboundTrafficHourly.nodeId, inboundTrafficHourly.tag);
}

/** The users who used the most over the window (hourly rows for DAY, daily beyond), most first. */
export async function topUsers(
  db: Db,
  owner: number | undefined,
  window: PeriodWindow,
  first: number,
): Promise<{ user: UserRow; upload: number; download: number }[]> {
  const ownerFilter = owner === undefined ? undefined : eq(users.adminId, owner);
  if (window.period === "DAY") {
    return db
      .select({ user: users, upload: sum(usageHourly.upBytes), download: sum(usageHourly.downBytes) })
      .from(usageHourly)
      .innerJoin(users, eq(users.id, usageHourly.userId))
      .where(and(gte(usageHourly.hourSec, window.fromSec), ownerFilter))
      .groupBy(usageHourly.userId)
      .orderBy(desc(sql`sum(${usageHourly.upBytes} + ${usageHourly.downBytes})`), usageHourly.userId)
      .limit(first);
  }
  return db
    .select({ user: users, upload: sum(usageDaily.upBytes), download: sum(usageDaily.downBytes) })
    .from(usageDaily)
    .innerJoin(users, eq(users.id, usageDaily.userId))
    .where(and(gte(usageDaily.day, utcDay(window.fromSec)), ownerFilter))
    .groupBy(usageDaily.userId)
    .orderBy(desc(sql`sum(${usageDaily.upBytes} + ${usageDaily.downBytes})`), usageDaily.userId)
    .limit(first);
}

/**
 * Users per status for each day of the window: the cron's end-of-day snapshots for past days, and
 * a live count for today (its snapshot is at most minutes old, but a count is cheap and exact).
 */
export async function usersByStatus(
  db: Db,
  owner: number | undefined,
  window: PeriodWindow,
): Promise<{ day: string; status: UserStatus; count: number }[]> {
  const today = utcDay(window.toSec);
  const [past, live] = await Promise.all([
    db
      .select({ day: userStatusDaily.day, status: userStatusDaily.status, count: sum(userStatusDaily.count) })
      .from(userStatusDaily)
      .where(
        and(
          gte(userStatusDaily.day, utcDay(window.fromSec)),
          lt(userStatusDaily.day, today),
          owner === undefined ? undefined : eq(userStatusDaily.adminId, owner),
        ),
      )
      .groupBy(userStatusDaily.day, userStatusDaily.status)
      .orderBy(userStatusDaily.day, userStatusDaily.status),
    db
      .select({ status: users.status, count: sql<number>`count(*)` })
      .from(users)
      .where(owner === undefined ? undefined : eq(users.adminId, owner))
      .groupBy(users.status)
      .orderBy(users.status),
  ]);
  return [
    ...past.map((row) => ({ ...row, status: row.status as UserStatus })),
    ...live.map((row) => ({ day: today, ...row })),
  ];
}
