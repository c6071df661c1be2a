import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { nodes } from "../nodes/table";
import { userCounts, usersByStatus } from "../system/graphql";

export interface SystemMetrics {
  at: number;
  users: ReturnType<typeof userCounts>;
  serversOnline: number;
  serversOffline: number;
  serversDegraded: number;
  uploadRate: number;
  downloadRate: number;
}

/** Panel-wide figures: two grouped counts in one batch, plus the rates the hub keeps. */
export async function loadSystemMetrics(
  db: Db,
  nowSec: number,
  rates: { uploadRate: number; downloadRate: number },
): Promise<SystemMetrics> {
  const [byStatus, serversByStatus] = await db.batch([
    usersByStatus(db),
    db.select({ status: nodes.status, n: sql<number>`count(*)` }).from(nodes).groupBy(nodes.status),
  ]);
  const servers = (status: string) => serversByStatus.find((row) => row.status === status)?.n ?? 0;
  return {
    at: nowSec,
    users: userCounts(byStatus),
    serversOnline: servers("online"),
    serversOffline: servers("offline"),
    serversDegraded: servers("degraded"),
    ...rates,
  };
}
