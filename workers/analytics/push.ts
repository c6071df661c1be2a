import { sql } from "drizzle-orm";
import type { UsagePush } from "../agent/protocol/messages";
import { rawStatement, type Db, type Statement } from "../db/client";
import { utcHour } from "../lib/utc";

/**
 * Statements a usage push adds for analytics, in the push's one batch: per-user hourly history,
 * the node's hourly row, and lifetime totals (tag '' is the node's users' total); with level-3
 * inbound counters, per-inbound hourly rows too. Three statements, four with inbounds, whatever
 * the number of users. `deltas` is the push's JSON of [userId, up, down] triples the users were
 * charged, `chargedAtSec` the instant ingest.ts dates them by. Only existing users count, with the same filter usage_daily uses, so the node's rows
 * add up to exactly what its users were charged. A replayed push aborts the whole batch (the seq
 * trigger), so these rows are written exactly once per push too.
 */
export function analyticsPushStatements(
  db: Db,
  push: UsagePush,
  deltas: string,
  chargedAtSec: number,
  nowSec: number,
): Statement[] {
  const hourSec = utcHour(chargedAtSec);
  const charged = sql`SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS up, json_extract(value, '$[2]') AS down
    FROM json_each(${deltas}) WHERE json_extract(value, '$[0]') IN (SELECT id FROM users)`;
  const inbounds = JSON.stringify((push.inbounds ?? []).map((i) => [i.tag, i.upBytes, i.downBytes]));
  const statements = [
    rawStatement(
      db,
      sql`INSERT INTO usage_hourly (user_id, hour, up_bytes, down_bytes)
      SELECT id, ${hourSec}, up, down FROM (${charged}) WHERE true
      ON CONFLICT (user_id, hour) DO UPDATE SET up_bytes = up_bytes + excluded.up_bytes, down_bytes = down_bytes + excluded.down_bytes`,
    ),
    // HAVING: an aggregate over no rows is one row of NULLs; a push without traffic writes no hour.
    rawStatement(
      db,
      sql`INSERT INTO node_traffic_hourly (node_id, hour, up_bytes, down_bytes)
      SELECT ${push.nodeId}, ${hourSec}, sum(up), sum(down) FROM (${charged}) HAVING count(*) > 0
      ON CONFLICT (node_id, hour) DO UPDATE SET up_bytes = up_bytes + excluded.up_bytes, down_bytes = down_bytes + excluded.down_bytes`,
    ),
    // One statement for the node's total and each inbound's: every push counts, traffic or not.
    rawStatement(
      db,
      sql`INSERT INTO traffic_totals (node_id, tag, up_bytes, down_bytes, pushes, last_push_at)
      SELECT ${push.nodeId}, tag, up, down, 1, ${nowSec} FROM (
        SELECT '' AS tag, coalesce(sum(up), 0) AS up, coalesce(sum(down), 0) AS down FROM (${charged})
        UNION ALL
        SELECT json_extract(value, '$[0]'), sum(json_extract(value, '$[1]')), sum(json_extract(value, '$[2]'))
        FROM json_each(${inbounds}) GROUP BY json_extract(value, '$[0]')
      ) WHERE true
      ON CONFLICT (node_id, tag) DO UPDATE SET up_bytes = up_bytes + excluded.up_bytes,
        down_bytes = down_bytes + excluded.down_bytes, pushes = pushes + 1, last_push_at = excluded.last_push_at`,
    ),
  ];
  if (push.inbounds?.length) {
    statements.push(
      rawStatement(
        db,
        sql`INSERT INTO inbound_traffic_hourly (node_id, tag, hour, up_bytes, down_bytes)
        SELECT ${push.nodeId}, json_extract(value, '$[0]'), ${hourSec}, sum(json_extract(value, '$[1]')), sum(json_extract(value, '$[2]'))
        FROM json_each(${inbounds}) WHERE true GROUP BY json_extract(value, '$[0]')
        ON CONFLICT (node_id, tag, hour) DO UPDATE SET up_bytes = up_bytes + excluded.up_bytes, down_bytes = down_bytes + excluded.down_bytes`,
      ),
    );
  }
  return statements;
}
