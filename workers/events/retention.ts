import type { Db } from "../db/client";

/**
 * The cron's retention pass: hourly and daily traffic rows, the audit log, events with their
 * deliveries and reads, and ended sessions, each older than its setting. (Contract stub.)
 */
export async function pruneByRetention(_db: Db, _nowSec: number): Promise<void> {}
