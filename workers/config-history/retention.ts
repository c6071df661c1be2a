import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

/**
 * How long the history keeps a node's configs. A version is kept while it is among the node's
 * last KEEP_VERSIONS or younger than KEEP_DAYS, whichever keeps more: a quiet node still has 50
 * versions to go back to after a month, and a busy one every version of the last 30 days. Every
 * user change re-versions the nodes that serve the user, so a busy node could issue thousands a
 * day: MAX_VERSIONS caps what the 30 days can hold. The version a node is pinned to is never dropped.
 */
export const CONFIG_HISTORY_RETENTION = { KEEP_VERSIONS: 50, KEEP_DAYS: 30, MAX_VERSIONS: 500 } as const;

/** At most this many versions are dropped per run (cron, every minute): a backlog drains over runs. */
export const PRUNE_BATCH = 200;

/**
 * Drops the versions retention no longer keeps, oldest first: their R2 objects, then their rows
 * (a failed delete leaves the rows, and the next run tries again). Returns how many went.
 */
export async function pruneConfigHistory(
  db: Db,
  bucket: R2Bucket,
  nowSec: number,
  limit = PRUNE_BATCH,
): Promise<number> {
  const { KEEP_VERSIONS, KEEP_DAYS, MAX_VERSIONS } = CONFIG_HISTORY_RETENTION;
  const cutoffSec = nowSec - KEEP_DAYS * 86_400;
  const doomed = await db.all<{
    node_id: number;
    version: number;
    object_key: string;
  }>(sql`SELECT h.node_id, h.version, h.object_key
    FROM (SELECT node_id, version, object_key, issued_at,
        ROW_NUMBER() OVER (PARTITION BY node_id ORDER BY version DESC) AS newer
      FROM node_config_history) AS h
    JOIN nodes n ON n.id = h.node_id
    WHERE ((h.newer > ${KEEP_VERSIONS} AND h.issued_at < ${cutoffSec}) OR h.newer > ${MAX_VERSIONS})
      AND h.version IS NOT n.config_pin_version
    ORDER BY h.issued_at
    LIMIT ${limit}`);
  if (doomed.length === 0) return 0;
  await bucket.delete(doomed.map((d) => d.object_key));
  const pairs = JSON.stringify(doomed.map((d) => [d.node_id, d.version]));
  await db.run(sql`DELETE FROM node_config_history
    WHERE (node_id, version) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${pairs}))`);
  return doomed.length;
}
