import { sql } from "drizzle-orm";
import { rawStatement, type Db, type Statement } from "../db/client";
import type { UsageRollup } from "../usage/shards";

/**
 * Statements a usage rollup adds for analytics, in its one batch: per-user hourly history, the
 * nodes' hourly rows, lifetime totals (tag '' is a node's users' total) and the pushes counted,
 * and with level-3 inbound counters, per-inbound hourly rows. Four statements, five with
 * inbounds, whatever the number of users and nodes. `hours` is the rollup's users as JSON
 * [userId, hour, up, down] (rollup.ts). Only existing users count, with the same filter
 * usage_daily uses, so a node's rows add up to exactly what its users were charged. A replayed
 * rollup aborts the whole batch (the seq trigger), so these rows are written exactly once too.
 */
export function analyticsRollupStatements(db: Db, rollup: UsageRollup, hours: string): Statement[] {
  const users = JSON.stringify(rollup.users);
  const inbounds = JSON.stringify(rollup.inbounds);
  const existing = sql`json_extract(value, '$[0]') IN (SELECT id FROM users)`;
  const statements = [
    rawStatement(
      db,
      sql`INSERT INTO usage_hourly (user_id, hour, up_bytes, down_bytes)
      SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]')
      FROM json_each(${hours}) WHERE ${existing}
      ON CONFLICT (user_id, hour) DO UPDATE SET up_bytes = up_bytes + excluded.up_bytes, down_bytes = down_bytes + excluded.down_bytes`,
    ),
    rawStatement(
      db,
      sql`INSERT INTO node_traffic_hourly (node_id, hour, up_bytes, down_bytes)
      SELECT json_extract(value, '$[2]'), json_extract(value, '$[1]'), sum(json_extract(value, '$[3]')), sum(json_extract(value, '$[4]'))
      FROM json_each(${users}) WHERE ${existing} GROUP BY json_extract(value, '$[2]'), json_extract(value, '$[1]')
      ON CONFLICT (node_id, hour) DO UPDATE SET up_bytes = up_bytes + excluded.up_bytes, down_bytes = down_bytes + excluded.down_bytes`,
    ),
    // Every push counts, traffic or not; the bytes come from the users' rows and the inbounds'.
    rawStatement(
      db,
      sql`INSERT INTO traffic_totals (node_id, tag, up_bytes, down_bytes, pushes, last_push_at)
      SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), 0, 0, json_extract(value, '$[2]'), json_extract(value, '$[3]')
      FROM json_each(${JSON.stringify(rollup.pushes)}) WHERE true
      ON CONFLICT (node_id, tag) DO UPDATE SET pushes = pushes + excluded.pushes,
        last_push_at = max(coalesce(last_push_at, 0), excluded.last_push_at)`,
    ),
    rawStatement(
      db,
      sql`INSERT INTO traffic_totals (node_id, tag, up_bytes, down_bytes, pushes, last_push_at)
      SELECT node, tag, sum(up), sum(down), 0, NULL FROM (
        SELECT json_extract(value, '$[2]') AS node, '' AS tag, json_extract(value, '$[3]') AS up, json_extract(value, '$[4]') AS down
        FROM json_each(${users}) WHERE ${existing}
        UNION ALL
        SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[3]'), json_extract(value, '$[4]')
        FROM json_each(${inbounds})
      ) WHERE true GROUP BY node, tag
      ON CONFLICT (node_id, tag) DO UPDATE SET up_bytes = up_bytes + excluded.up_bytes,
        down_bytes = down_bytes + excluded.down_bytes`,
    ),
  ];
  if (rollup.inbounds.length) {
    statements.push(
      rawStatement(
        db,
        sql`INSERT INTO inbound_traffic_hourly (node_id, tag, hour, up_bytes, down_bytes)
        SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]')
        FROM json_each(${inbounds}) WHERE true
        ON CONFLICT (node_id, tag, hour) DO UPDATE SET up_bytes = up_bytes + excluded.up_bytes, down_bytes = down_bytes + excluded.down_bytes`,
      ),
    );
  }
  return statements;
}
