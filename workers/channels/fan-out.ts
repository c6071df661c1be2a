import { sql } from "drizzle-orm";
import { rawStatement, runBatch, type Db } from "../db/client";
import { CATALOGUE, type PanelEvent } from "../events/catalogue";
import type { DeliveryMessage } from "../events/queues";

/** Queues take at most 100 messages per sendBatch. */
const SEND_BATCH = 100;

/**
 * Creates one delivery per channel that wants each event and queues them on DELIVERIES. A channel
 * wants an event when it is enabled, its kind filter is empty or names the kind, and its owner may
 * hear it: the owner and admins hear everything, a reseller only `user` events about its own users
 * (event.adminId = the reseller); a disabled admin's channels hear nothing. Idempotent per (event, channel): the events consumer may run a
 * batch twice, and the second run adds no delivery. Two statements and one send per 100
 * deliveries, however many events and channels.
 */
export async function fanOut(env: Env, db: Db, events: PanelEvent[], nowSec = Math.floor(Date.now() / 1000)) {
  if (!events.length) return;
  const wanted = JSON.stringify(
    events.map((e) => ({ id: e.id, kind: e.kind, adminId: e.adminId, audience: CATALOGUE[e.kind].audience })),
  );
  const matches = sql`
    FROM json_each(${wanted}) AS j
    JOIN notification_channels AS c ON c.enabled = 1
    JOIN admins AS a ON a.id = c.admin_id AND a.disabled = 0
    WHERE (c.event_kinds = '[]' OR EXISTS (SELECT 1 FROM json_each(c.event_kinds) AS k WHERE k.value = j.value ->> 'kind'))
      AND (a.role IN ('owner', 'admin')
           OR (j.value ->> 'audience' = 'user' AND j.value ->> 'adminId' = c.admin_id))`;
  const [, pending] = (await runBatch(db, [
    rawStatement(
      db,
      sql`INSERT INTO notification_deliveries (event_id, channel_id, status, attempts, created_at, updated_at)
          SELECT j.value ->> 'id', c.id, 'pending', 0, ${nowSec}, ${nowSec} ${matches}
            AND NOT EXISTS (SELECT 1 FROM notification_deliveries AS d
                            WHERE d.event_id = j.value ->> 'id' AND d.channel_id = c.id)`,
    ),
    // Every never-attempted delivery of these events, not only the rows just inserted: a run that
    // inserted them and died before sending leaves them to this one. A delivery that was sent after
    // all gets a second message: at worst the same webhook-id twice, which receivers dedupe, and
    // the consumer skips one that is already delivered or dead.
    rawStatement(
      db,
      sql`SELECT d.id FROM notification_deliveries AS d
          WHERE d.event_id IN (SELECT value ->> 'id' FROM json_each(${wanted}))
            AND d.status = 'pending' AND d.attempts = 0`,
    ),
  ])) as [unknown, D1Result<{ id: number }>];
  const ids = pending.results.map((r) => r.id);
  for (let i = 0; i < ids.length; i += SEND_BATCH)
    await env.DELIVERIES.sendBatch(
      ids.slice(i, i + SEND_BATCH).map((deliveryId) => ({ body: { deliveryId } satisfies DeliveryMessage })),
    );
}
