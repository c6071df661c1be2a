import { sql } from "drizzle-orm";

/**
 * deriveStatus (status.ts) as SQL over the users table, for statements that update thousands of
 * users at once. status-sql.test.ts proves the two agree.
 */
export function derivedStatusSql(nowSec: number) {
  return sql`CASE
    WHEN users.enabled = 0 THEN 'disabled'
    WHEN users.data_limit_bytes IS NOT NULL AND users.used_bytes >= users.data_limit_bytes THEN 'limited'
    WHEN users.expire_at IS NOT NULL AND users.expire_at <= ${nowSec} THEN 'expired'
    WHEN users.on_hold_expire_days IS NOT NULL AND users.first_used_at IS NULL THEN 'on_hold'
    ELSE 'active' END`;
}
