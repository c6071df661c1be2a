import { and, countDistinct, desc, eq, gte } from "drizzle-orm";
import type { Db } from "../db/client";
import { utcHour } from "../lib/utc";
import { usageAnomalies, userClientIps, type AnomalyKind, type AnomalyRow } from "./table";

/** Flags newest first, confined to one owner's users (a reseller's) and/or one user, kind and start. */
export function listAnomalies(
  db: Db,
  filter: { owner?: number; userId?: number; kind?: AnomalyKind; sinceSec?: number },
  first: number,
): Promise<AnomalyRow[]> {
  return db
    .select()
    .from(usageAnomalies)
    .where(
      and(
        filter.owner === undefined ? undefined : eq(usageAnomalies.adminId, filter.owner),
        filter.userId === undefined ? undefined : eq(usageAnomalies.userId, filter.userId),
        filter.kind === undefined ? undefined : eq(usageAnomalies.kind, filter.kind),
        filter.sinceSec === undefined ? undefined : gte(usageAnomalies.hourSec, utcHour(filter.sinceSec)),
      ),
    )
    .orderBy(desc(usageAnomalies.id))
    .limit(first);
}

/**
 * Distinct client addresses (their keyed hashes) one user connected from, across nodes, in the
 * hours the sharing window touches.
 */
export async function distinctClientAddresses(db: Db, userId: number, windowMinutes: number, nowSec: number) {
  const row = await db
    .select({ n: countDistinct(userClientIps.ipHash) })
    .from(userClientIps)
    .where(and(eq(userClientIps.userId, userId), gte(userClientIps.hourSec, utcHour(nowSec - windowMinutes * 60))))
    .get();
  return row?.n ?? 0;
}
