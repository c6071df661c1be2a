import type { Db } from "../db/client";
import type { PanelEvent } from "./catalogue";

/** The cron's expiry reminders (user.expires_soon), each threshold once per expiry date. (Contract stub.) */
export async function expiryReminders(_db: Db, _nowSec: number): Promise<PanelEvent[]> {
  return [];
}
