import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import type { EventData, PanelEvent } from "../../events/catalogue";
import { events } from "../../events/table";
import { LANGUAGES, type Language } from "../../events/texts";
import { escapeHtml } from "../../subscription/page";
import { users } from "../../users/table";
import type { DeliveryAttempt } from "../attempt";
import { retryDelaySec } from "../deliver";
import { telegramLinks } from "../table";
import { attemptFromReply } from "./alerts";
import { callBotApi } from "./bot-api";
import { openBotToken, readBot } from "./bot";
import { BOT_TEXTS } from "./texts";

/**
 * What an end user with a linked chat is told about its own subscription, and why:
 * - quota_reached, expires_soon: the warning before the cut, while renewing still avoids it;
 * - limited, expired: the reason the connection just stopped, instead of a silent outage;
 * - enabled: the connection works again (after a renewal, a new period or an admin's act);
 * - payment.received: the receipt for money the user paid;
 * - new_device: the subscription link opened somewhere new, the one sign a leaked link gives.
 * Not told: user.created (no chat can be linked yet), user.disabled (an admin's decision the admin
 * explains), first_connected (the user was there), usage_spike and sharing_suspected (an admin's
 * suspicion: telling the suspect first would tip it off), payment refunds and shortfalls (the
 * invoice page says so and an admin follows up), and panel news.
 */
export const END_USER_KINDS = [
  "user.quota_reached",
  "user.expires_soon",
  "user.limited",
  "user.expired",
  "user.enabled",
  "payment.received",
  "user.new_device",
] as const satisfies readonly (keyof EventData)[];
export type EndUserKind = (typeof END_USER_KINDS)[number];

/** Notices the user can act on by renewing: they end with the /renew hint. */
const RENEW_HINT_KINDS: ReadonlySet<string> = new Set<EndUserKind>([
  "user.quota_reached",
  "user.expires_soon",
  "user.limited",
  "user.expired",
]);

const isEndUserKind = (kind: string): kind is EndUserKind => (END_USER_KINDS as readonly string[]).includes(kind);

/**
 * One event to tell one linked chat: the deliveries queue's other message (beside `{deliveryId}`).
 * It carries ids only; the sender reads the event and the link when it sends, so a chat unlinked
 * or muted meanwhile hears nothing.
 */
export const userChatNoticeSchema = z.object({ chatId: z.string().min(1).max(32), eventId: z.string().min(1).max(64) });
export type UserChatNotice = z.output<typeof userChatNoticeSchema>;

/**
 * The notices a batch of events owes end users: one per unmuted chat linked to the user each
 * end-user event is about. One statement for the whole batch, however many events and chats.
 */
export async function userChatNotices(db: Db, batch: readonly PanelEvent[]): Promise<UserChatNotice[]> {
  const wanted = batch.filter((e) => e.userId !== null && isEndUserKind(e.kind));
  if (!wanted.length) return [];
  const pairs = JSON.stringify(wanted.map((e) => ({ id: e.id, userId: e.userId })));
  return db.all<UserChatNotice>(
    sql`SELECT l.chat_id AS chatId, j.value ->> 'id' AS eventId
        FROM json_each(${pairs}) AS j
        JOIN telegram_links AS l ON l.user_id = j.value ->> 'userId' AND l.muted = 0`,
  );
}

/** Queues take at most 100 messages per sendBatch. */
const SEND_BATCH = 100;

/**
 * Queues the notices a batch of events owes end users on DELIVERIES, beside the channels' deliveries.
 * No row records them: a redelivered events batch may tell a chat twice, which a notice survives.
 */
export async function queueUserChatNotices(env: Env, db: Db, batch: readonly PanelEvent[]): Promise<void> {
  const notices = await userChatNotices(db, batch);
  for (let i = 0; i < notices.length; i += SEND_BATCH)
    await env.DELIVERIES.sendBatch(notices.slice(i, i + SEND_BATCH).map((body) => ({ body })));
}

/**
 * The deliveries consumer's half for a notice message: one attempt, acknowledged when sent, when
 * there was nothing to send or when the chat is gone; otherwise retried with the channels' backoff
 * (Telegram's retry_after honoured). The queue's own attempt count bounds it (max_retries), after
 * which the dead-letter consumer drops it: there is no delivery row to mark.
 */
export async function consumeUserChatNotice(
  env: Env,
  db: Db,
  message: Pick<Message<unknown>, "body" | "attempts" | "ack" | "retry">,
): Promise<"delivered" | "retrying" | "dead" | "skipped"> {
  const notice = userChatNoticeSchema.safeParse(message.body);
  if (!notice.success) {
    message.ack();
    return "skipped";
  }
  const attempt = await sendUserChatNotice(env, db, notice.data);
  if (attempt.ok || attempt.gone) {
    message.ack();
    return attempt.ok ? "delivered" : "dead";
  }
  const baseSec = Number(env.DELIVERY_RETRY_BASE_SEC) || 5;
  message.retry({ delaySeconds: retryDelaySec(message.attempts, baseSec, attempt.retryAfterSec) });
  return "retrying";
}

/** The notice as Telegram HTML in the chat's language (English for one we have no texts in); null for a kind users are not told. */
export function userNoticeHtml(event: { kind: string; data: unknown }, language: string): string | null {
  if (!isEndUserKind(event.kind)) return null;
  const t = BOT_TEXTS[(LANGUAGES as readonly string[]).includes(language) ? (language as Language) : "en"];
  const sentence = (t.notices[event.kind] as (data: unknown) => string)(event.data);
  return RENEW_HINT_KINDS.has(event.kind)
    ? `${escapeHtml(sentence)}\n${escapeHtml(t.renewHint)}`
    : escapeHtml(sentence);
}

/** Nothing to send is a success: the message is done with. */
const NOTHING_TO_SEND: DeliveryAttempt = { ok: true, statusCode: null, error: null };

/**
 * Sends one notice with the bot. Read at send time, in one statement: the event, and the chat's
 * link only while it is still linked to the user the event is about, unmuted, and that user still
 * exists; otherwise (pruned event, unlinked or relinked chat, deleted user, /mute) nothing is sent.
 * Telegram's answer maps as for alerts (429 waits, 403 is gone); a chat that is gone (the user
 * blocked the bot) is muted, so later events stop trying until the user sends /unmute.
 */
export async function sendUserChatNotice(env: Env, db: Db, notice: UserChatNotice): Promise<DeliveryAttempt> {
  const row = await db
    .select({ kind: events.kind, data: events.data, language: telegramLinks.language })
    .from(events)
    .innerJoin(telegramLinks, eq(telegramLinks.userId, events.userId))
    .innerJoin(users, eq(users.id, events.userId))
    .where(
      sql`${events.id} = ${notice.eventId} AND ${telegramLinks.chatId} = ${notice.chatId} AND ${telegramLinks.muted} = 0`,
    )
    .get();
  const html = row && userNoticeHtml(row, row.language);
  if (!html) return NOTHING_TO_SEND;
  const bot = await readBot(db);
  if (!bot) return { ok: false, statusCode: null, error: "no Telegram bot is configured" };
  const attempt = attemptFromReply(
    await callBotApi(env, await openBotToken(env, bot), "sendMessage", {
      chat_id: notice.chatId,
      text: html,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    }),
  );
  if (attempt.gone) await setChatMuted(db, notice.chatId, true);
  return attempt;
}

/** /mute and /unmute; false when the chat is linked to no user (an admin's chat has no notices to mute). */
export async function setChatMuted(db: Db, chatId: string, muted: boolean): Promise<boolean> {
  const row = await db
    .update(telegramLinks)
    .set({ muted })
    .where(sql`${telegramLinks.chatId} = ${chatId} AND ${telegramLinks.userId} IS NOT NULL`)
    .returning({ chatId: telegramLinks.chatId })
    .get();
  return row !== undefined;
}
