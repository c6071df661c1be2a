import { sql } from "drizzle-orm";
import { z } from "zod";
import { fanOut } from "../channels/fan-out";
import { queueUserChatNotices } from "../channels/telegram/user-notices";
import { type Db, dbFor } from "../db/client";
import { CATALOGUE, EVENT_KINDS, type PanelEvent } from "./catalogue";
import type { EventMessage } from "./emit";

const rowId = z.number().int().positive().nullable();

/** A queued event as emit.ts sends it; the queue is ours, but a message from an older or newer build may differ. */
const eventMessageSchema = z.object({
  event: z.object({
    id: z.string().uuid(),
    kind: z.enum(EVENT_KINDS as [PanelEvent["kind"], ...PanelEvent["kind"][]]),
    atSec: z.number().int().nonnegative(),
    adminId: rowId,
    userId: rowId,
    serverId: rowId,
    invoiceId: rowId,
    data: z.record(z.string(), z.unknown()),
  }),
});

/**
 * Stores events for the notification centre in one statement whatever their number; an id
 * already stored (a redelivered message) adds nothing.
 */
export async function persistEvents(db: Db, events: PanelEvent[]): Promise<void> {
  const rows = JSON.stringify(
    events.map((e) => [
      e.id,
      e.kind,
      CATALOGUE[e.kind].severity,
      e.adminId,
      e.userId,
      e.serverId,
      e.invoiceId,
      JSON.stringify(e.data),
      e.atSec,
    ]),
  );
  await db.run(
    sql`INSERT INTO events (id, kind, severity, admin_id, user_id, node_id, invoice_id, data, at)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8
      FROM json_each(${rows}) WHERE true
      ON CONFLICT (id) DO NOTHING`,
  );
}

/**
 * The events queue's consumer: persists the batch's events (once each), fans them out into
 * deliveries (idempotent per event and channel), and only then acknowledges them. A failure
 * throws, so the queue retries the whole batch; both steps tolerate a second run. A message that
 * does not parse can never succeed: it is logged and acknowledged rather than retried.
 */
export async function consumeEventBatch(batch: MessageBatch<EventMessage>, env: Env): Promise<void> {
  const events: PanelEvent[] = [];
  for (const message of batch.messages) {
    const parsed = eventMessageSchema.safeParse(message.body);
    if (parsed.success) {
      events.push(parsed.data.event as PanelEvent);
    } else {
      console.error(
        JSON.stringify({
          event: "events.unreadable_message",
          messageId: message.id,
          fields: parsed.error.issues.map((issue) => issue.path.join(".")),
        }),
      );
      message.ack();
    }
  }
  if (!events.length) return;
  const db = dbFor(env);
  await persistEvents(db, events);
  await fanOut(env, db, events);
  await queueUserChatNotices(env, db, events);
  batch.ackAll();
}
