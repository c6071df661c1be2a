import type { Db } from "../db/client";
import type { PanelEvent } from "../events/catalogue";

/**
 * Creates one delivery per channel that wants each event (its kind filter, its owner allowed to
 * hear it) and queues them on DELIVERIES. Idempotent per (event, channel). (Contract stub.)
 */
export async function fanOut(_env: Env, _db: Db, _events: PanelEvent[]): Promise<void> {}
