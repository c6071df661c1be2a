import { and, eq, inArray, ne } from "drizzle-orm";
import packageJson from "../../package.json";
import { dbFor, runBatch, type Db } from "../db/client";
import { CATALOGUE_VERSION, type PanelEvent } from "../events/catalogue";
import type { DeliveryMessage } from "../events/queues";
import { events } from "../events/table";
import { eventText, LANGUAGES, type Language } from "../events/texts";
import type { DeliveryAttempt } from "./attempt";
import { channelColumns, channelSecret, TEST_EVENT_KIND, TEST_EVENT_PREFIX } from "./channels";
import { webhookSignature } from "./signing";
import { allowsPrivateTargets, targetUrlProblem } from "./target-url";
import { sendTelegramAlert } from "./telegram/alerts";
import { consumeUserChatNotice, type UserChatNotice } from "./telegram/user-notices";
import { notificationChannels, notificationDeliveries, type ChannelRow, type DeliveryRow } from "./table";

const USER_AGENT = `VortexPanel-Webhooks/${packageJson.version}`;
const REQUEST_TIMEOUT_MS = 15_000;
/** Queues delay a message by at most 12 hours. */
const MAX_RETRY_DELAY_SEC = 12 * 3600;
/** Errors are kept for the delivery log, not whole bodies: a receiver's error page can be large. */
const MAX_ERROR_CHARS = 500;

/** What a webhook receives: the event's kind, when, the catalogue version and its data with ids and a sentence. */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  version: number;
  data: Record<string, unknown>;
}

/** Texts in event data come from clients (a device's user agent): cut, so a body stays far below 20 KB. */
const MAX_FIELD_CHARS = 1000;

export function webhookPayload(event: PanelEvent, language: Language): WebhookPayload {
  const data = Object.fromEntries(
    Object.entries(event.data).map(([key, value]) => [
      key,
      typeof value === "string" && value.length > MAX_FIELD_CHARS ? `${value.slice(0, MAX_FIELD_CHARS)}…` : value,
    ]),
  );
  return {
    type: event.kind,
    timestamp: new Date(event.atSec * 1000).toISOString(),
    version: CATALOGUE_VERSION,
    data: {
      ...data,
      userId: event.userId,
      serverId: event.serverId,
      invoiceId: event.invoiceId,
      message: eventText(event, language),
    },
  };
}

/**
 * Seconds before retry n (n = 1 after the first failure): base·4^(n-1), capped at 12 hours, with
 * up to 20 % jitter so endpoints that failed together are not retried in lockstep. A Retry-After
 * the receiver sent is honoured when it asks for longer.
 */
export function retryDelaySec(failures: number, baseSec: number, retryAfterSec?: number, random = Math.random()) {
  const backoff = Math.min(MAX_RETRY_DELAY_SEC, baseSec * 4 ** (failures - 1));
  const jittered = Math.round(backoff * (1 + 0.2 * random));
  return Math.min(MAX_RETRY_DELAY_SEC, Math.max(jittered, retryAfterSec ?? 0));
}

/**
 * One signed POST (Standard Webhooks headers). Redirects are failures, not followed: a receiver
 * must not be able to bounce the panel's request somewhere the URL check never saw.
 */
export async function postWebhook(
  url: string,
  secret: string,
  eventId: string,
  body: string,
  nowSec: number,
): Promise<DeliveryAttempt> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": eventId,
        "webhook-timestamp": String(nowSec),
        "webhook-signature": await webhookSignature(secret, eventId, nowSec, body),
      },
      body,
    });
  } catch (error) {
    return { ok: false, statusCode: null, error: truncate(error instanceof Error ? error.message : String(error)) };
  }
  // Only a short excerpt is read: enough to say what went wrong, never a whole error page.
  const excerpt = response.ok ? "" : truncate((await response.text().catch(() => "")).trim());
  await response.body?.cancel().catch(() => {});
  if (response.ok) return { ok: true, statusCode: response.status, error: null };
  const retryAfter = Number(response.headers.get("retry-after"));
  return {
    ok: false,
    statusCode: response.status,
    error: `HTTP ${response.status}${excerpt ? `: ${excerpt}` : ""}`,
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSec: Math.ceil(retryAfter) } : {}),
    ...(response.status === 410 ? { gone: true } : {}),
  };
}

const truncate = (text: string) => (text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}…` : text);

interface Loaded {
  delivery: DeliveryRow;
  channel: ChannelRow;
  event: PanelEvent | null;
}

async function loadDelivery(db: Db, deliveryId: number): Promise<Loaded | null> {
  const row = await db
    .select({ delivery: notificationDeliveries, channel: channelColumns, event: events })
    .from(notificationDeliveries)
    .innerJoin(notificationChannels, eq(notificationChannels.id, notificationDeliveries.channelId))
    .leftJoin(events, eq(events.id, notificationDeliveries.eventId))
    .where(eq(notificationDeliveries.id, deliveryId))
    .get();
  if (!row) return null;
  const e = row.event;
  return {
    delivery: row.delivery,
    channel: row.channel,
    event: e
      ? ({
          id: e.id,
          kind: e.kind,
          atSec: e.atSec,
          adminId: e.adminId,
          userId: e.userId,
          serverId: e.nodeId,
          invoiceId: e.invoiceId,
          data: e.data,
        } as PanelEvent)
      : null,
  };
}

const languageOf = (channel: ChannelRow): Language =>
  (LANGUAGES as readonly string[]).includes(channel.language) ? (channel.language as Language) : "en";

/** The body a channel receives for a delivery: the event's payload, or a test ping. */
function payloadFor(loaded: Loaded, nowSec: number): WebhookPayload | null {
  if (loaded.event) return webhookPayload(loaded.event, languageOf(loaded.channel));
  if (!loaded.delivery.eventId.startsWith(TEST_EVENT_PREFIX)) return null; // pruned by retention
  return {
    type: TEST_EVENT_KIND,
    timestamp: new Date(nowSec * 1000).toISOString(),
    version: CATALOGUE_VERSION,
    data: { channel: loaded.channel.name, message: `Test from VortexPanel: channel "${loaded.channel.name}" works.` },
  };
}

async function attemptDelivery(
  env: Env,
  db: Db,
  loaded: Loaded,
  payload: WebhookPayload,
  nowSec: number,
): Promise<DeliveryAttempt> {
  const { channel, delivery } = loaded;
  if (channel.kind === "telegram") {
    // A test ping has no stored event: it goes to Telegram as one built here, kind test.ping
    // (sendTelegramAlert must render that kind too).
    const event =
      loaded.event ??
      ({
        id: delivery.eventId,
        kind: TEST_EVENT_KIND,
        atSec: nowSec,
        adminId: channel.adminId,
        userId: null,
        serverId: null,
        invoiceId: null,
        data: payload.data,
      } as unknown as PanelEvent);
    return sendTelegramAlert(env, db, channel, event);
  }
  // Checked again at send time: the rule may have tightened since the channel was saved.
  const problem = channel.url ? targetUrlProblem(channel.url, allowsPrivateTargets(env)) : "the channel has no url";
  if (problem) return { ok: false, statusCode: null, error: problem };
  const secret = await channelSecret(env, db, channel.id);
  if (!secret) return { ok: false, statusCode: null, error: "the channel has no signing secret" };
  return postWebhook(channel.url!, secret, delivery.eventId, JSON.stringify(payload), nowSec);
}

/** What happened to one message, for the batch's one log line. */
type Outcome = "delivered" | "retrying" | "dead" | "skipped";

async function deliverOne(env: Env, db: Db, message: Message<DeliveryMessage>, nowSec: number): Promise<Outcome> {
  const loaded = await loadDelivery(db, message.body.deliveryId);
  // Deleted with its channel, or already settled (a duplicate message): nothing to send.
  if (!loaded || loaded.delivery.status === "delivered" || loaded.delivery.status === "dead") {
    message.ack();
    return "skipped";
  }
  const { delivery, channel } = loaded;
  const byId = eq(notificationDeliveries.id, delivery.id);
  const payload = payloadFor(loaded, nowSec);
  // Nothing an attempt could change: end it now, the reason kept for the log.
  const hopeless = !channel.enabled ? "the channel is disabled" : !payload ? "the event is no longer kept" : null;
  if (hopeless || !payload) {
    await db
      .update(notificationDeliveries)
      .set({ status: "dead", lastError: hopeless, updatedAtSec: nowSec, nextAttemptAtSec: null })
      .where(byId)
      .run();
    message.ack();
    return "dead";
  }
  const attempt = await attemptDelivery(env, db, loaded, payload, nowSec);
  const attempts = delivery.attempts + 1;
  const recorded = { attempts, lastStatusCode: attempt.statusCode, lastError: attempt.error, updatedAtSec: nowSec };
  if (attempt.ok) {
    await db
      .update(notificationDeliveries)
      .set({ ...recorded, status: "delivered", deliveredAtSec: nowSec, nextAttemptAtSec: null })
      .where(byId)
      .run();
    message.ack();
    return "delivered";
  }
  const maxAttempts = Number(env.DELIVERY_MAX_ATTEMPTS) || 8;
  if (attempt.gone || attempts >= maxAttempts) {
    await runBatch(db, [
      db
        .update(notificationDeliveries)
        .set({ ...recorded, status: "dead", nextAttemptAtSec: null })
        .where(byId),
      ...(attempt.gone
        ? [
            db
              .update(notificationChannels)
              .set({
                enabled: false,
                disabledReason:
                  `${channel.kind === "webhook" ? "the endpoint answered 410 Gone" : "the chat is gone"}: ${attempt.error ?? ""}`.slice(
                    0,
                    MAX_ERROR_CHARS,
                  ),
                updatedAtSec: nowSec,
              })
              .where(eq(notificationChannels.id, channel.id)),
          ]
        : []),
    ]);
    message.ack();
    return "dead";
  }
  const delaySeconds = retryDelaySec(attempts, Number(env.DELIVERY_RETRY_BASE_SEC) || 5, attempt.retryAfterSec);
  await db
    .update(notificationDeliveries)
    .set({ ...recorded, status: "retrying", nextAttemptAtSec: nowSec + delaySeconds })
    .where(byId)
    .run();
  message.retry({ delaySeconds });
  return "retrying";
}

/**
 * The deliveries queue's consumer: one attempt per message (webhook or Telegram by channel kind),
 * recorded on its delivery row. A failure is retried with exponential backoff until
 * DELIVERY_MAX_ATTEMPTS, then the delivery is dead (replayable); 410 Gone ends it at once and
 * turns the channel off. The dead-letter queue catches messages whose consumer itself kept failing.
 */
export async function consumeDeliveryBatch(
  batch: MessageBatch<DeliveryMessage | UserChatNotice>,
  env: Env,
): Promise<void> {
  const db = dbFor(env);
  const nowSec = Math.floor(Date.now() / 1000);
  const outcomes = await Promise.all(
    batch.messages.map((message) =>
      ("chatId" in message.body
        ? consumeUserChatNotice(env, db, message)
        : deliverOne(env, db, message as Message<DeliveryMessage>, nowSec)
      ).catch((error: unknown) => {
        // A fault of ours (D1 unavailable): let the queue try again; after max_retries it is dead-lettered.
        console.error(JSON.stringify({ event: "delivery.fault", ...message.body, error: String(error) }));
        message.retry();
        return "retrying" as const;
      }),
    ),
  );
  const counts: Partial<Record<Outcome, number>> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  console.log(JSON.stringify({ event: "delivery.batch", ...counts }));
}

/** The dead-letter queue's consumer: marks each delivery dead, its last error kept, ready for replay. */
export async function consumeDeadDeliveries(batch: MessageBatch<DeliveryMessage>, env: Env): Promise<void> {
  const db = dbFor(env);
  const ids = batch.messages.map((m) => m.body.deliveryId).filter(Number.isSafeInteger);
  if (ids.length)
    await db
      .update(notificationDeliveries)
      .set({ status: "dead", nextAttemptAtSec: null, updatedAtSec: Math.floor(Date.now() / 1000) })
      .where(and(inArray(notificationDeliveries.id, ids), ne(notificationDeliveries.status, "delivered")))
      .run();
  batch.ackAll();
}
