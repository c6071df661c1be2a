import type { Db } from "../../db/client";
import { CATALOGUE, type CatalogueEntry, type PanelEvent } from "../../events/catalogue";
import { eventText, LANGUAGES, type Language } from "../../events/texts";
import { escapeHtml } from "../../subscription/page";
import type { DeliveryAttempt } from "../attempt";
import type { ChannelRow } from "../table";
import { callBotApi, type BotApiReply } from "./bot-api";
import { openBotToken, readBot } from "./bot";

const SEVERITY_MARK = { INFO: "ℹ️", WARNING: "⚠️", CRITICAL: "🚨" } as const;

/**
 * The alert as Telegram HTML: a severity mark, then the event's sentence, escaped. A kind outside
 * the catalogue is a channel's test ping (channels/deliver.ts), whose data carries its own sentence.
 */
export function alertHtml(event: PanelEvent, language: string): string {
  const lang: Language = (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : "en";
  const entry: CatalogueEntry | undefined = CATALOGUE[event.kind];
  const text = entry ? eventText(event, lang) : String((event.data as { message?: unknown }).message ?? event.kind);
  return `${SEVERITY_MARK[entry?.severity ?? "INFO"]} ${escapeHtml(text)}`;
}

/**
 * Telegram's answer as a delivery attempt: 429 waits for `retry_after`; a chat that blocked the
 * bot, was deleted or was never started (403, or 400 "chat not found") will not accept again.
 */
export function attemptFromReply(reply: BotApiReply): DeliveryAttempt {
  if (reply.ok) return { ok: true, statusCode: 200, error: null };
  const attempt: DeliveryAttempt = { ok: false, statusCode: reply.errorCode, error: reply.description || null };
  if (reply.retryAfterSec !== undefined) attempt.retryAfterSec = reply.retryAfterSec;
  if (reply.errorCode === 403 || (reply.errorCode === 400 && /chat not found/i.test(reply.description)))
    attempt.gone = true;
  return attempt;
}

/** Sends one event to a TELEGRAM channel's chat, in the channel's language. */
export async function sendTelegramAlert(
  env: Env,
  db: Db,
  channel: ChannelRow,
  event: PanelEvent,
): Promise<DeliveryAttempt> {
  const bot = await readBot(db);
  if (!bot) return { ok: false, statusCode: null, error: "no Telegram bot is configured" };
  if (!channel.telegramChatId) return { ok: false, statusCode: null, error: "the channel has no chat", gone: true };
  const reply = await callBotApi(env, await openBotToken(env, bot), "sendMessage", {
    chat_id: channel.telegramChatId,
    text: alertHtml(event, channel.language),
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  });
  return attemptFromReply(reply);
}
