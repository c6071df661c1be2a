import type { UsagePush } from "../agent/protocol/messages";
import type { Db, Statement } from "../db/client";

/**
 * Statements a usage push adds for analytics: per-user hourly history, per-node and per-inbound
 * hourly rows and lifetime totals. `deltas` is the push's JSON of [userId, up, down] triples the
 * users were charged. (Contract stub.)
 */
export function analyticsPushStatements(_db: Db, _push: UsagePush, _deltas: string, _nowSec: number): Statement[] {
  return [];
}
