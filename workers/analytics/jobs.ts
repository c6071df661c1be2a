import type { Db } from "../db/client";
import type { PanelEvent } from "../events/catalogue";

/** The cron's analytics upkeep: the daily status snapshot and usage-spike detection. (Contract stub.) */
export async function runAnalyticsJobs(_db: Db, _nowSec: number): Promise<PanelEvent[]> {
  return [];
}
