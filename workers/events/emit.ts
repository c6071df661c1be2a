import { publishLive } from "../live/hub-client";
import { TOPICS, type LiveEvent, type NotificationPayload } from "../live/topics";
import { CATALOGUE, type PanelEvent } from "./catalogue";
import { eventText } from "./texts";

/** What travels on the events queue: one event, whole. */
export interface EventMessage {
  event: PanelEvent;
}

/** The live notification an open admin tab sees for an event (English; the centre renders per reader). */
export function liveNotification(event: PanelEvent): LiveEvent {
  const payload: NotificationPayload = {
    id: event.id,
    kind: event.kind,
    severity: CATALOGUE[event.kind].severity,
    message: eventText(event, "en"),
    at: event.atSec,
    serverId: event.serverId === null ? null : String(event.serverId),
    userId: event.userId === null ? null : String(event.userId),
  };
  // Keyed by the owning admin so a reseller's subscription hears its own users only; panel news has no key.
  return event.adminId === null || CATALOGUE[event.kind].audience === "panel"
    ? { topic: TOPICS.notifications, payload }
    : { topic: TOPICS.notifications, key: event.adminId, payload };
}

/**
 * The one way news leaves the panel: open admin tabs hear it at once through the live hub, and
 * the events queue persists it for the notification centre and fans it out to every channel
 * that wants it (webhooks, Telegram). Runs under `waitUntil`: a failure is logged, never
 * surfaced to the request that caused the event.
 */
export function emitEvents(env: Env, waitUntil: (promise: Promise<unknown>) => void, events: PanelEvent[]): void {
  if (!events.length) return;
  publishLive(env, waitUntil, events.map(liveNotification));
  waitUntil(
    enqueueEvents(env, events).catch((error: unknown) =>
      console.error(
        JSON.stringify({ event: "events.enqueue_failed", kinds: events.map((e) => e.kind), error: String(error) }),
      ),
    ),
  );
}

/** Queues allow 100 messages per sendBatch. */
const SEND_BATCH = 100;

async function enqueueEvents(env: Env, events: PanelEvent[]) {
  for (let i = 0; i < events.length; i += SEND_BATCH)
    await env.EVENTS.sendBatch(
      events.slice(i, i + SEND_BATCH).map((event) => ({ body: { event } satisfies EventMessage })),
    );
}
