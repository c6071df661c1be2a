import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { auditBy, type ActorContext } from "../../audit/record";
import { randomToken, sha256Hex, timingSafeEqualText } from "../../auth/crypto";
import { runBatch, type Db } from "../../db/client";
import { DomainError } from "../../errors/domain-error";
import { parseInput } from "../../errors/validate";
import { secretBox } from "../../lib/secret-box";
import { readSettings } from "../../settings/settings";
import { settings } from "../../settings/table";
import { callBotApi, type BotApiReply } from "./bot-api";

/**
 * The configured bot lives in the settings table under its own key, which settingsFromRows
 * ignores (it is not a setting): one row, no migration. The token is sealed; the webhook's secret
 * token is kept only as a hash, since it is only ever compared.
 */
export const BOT_SETTINGS_KEY = "telegramBot";
const SEAL_CONTEXT = "telegram:bot";
export const WEBHOOK_PATH = "/webhooks/telegram";

const storedBotSchema = z.object({
  botId: z.string(),
  username: z.string(),
  tokenSealed: z.string(),
  secretHash: z.string(),
  webhookUrl: z.string(),
  lastUpdateAtSec: z.number().int().nullable(),
});
export type StoredBot = z.output<typeof storedBotSchema>;

/** The stored bot from settings rows (key → JSON value), or null when none is configured. */
export function botFromRows(rows: readonly { key: string; value: unknown }[]): StoredBot | null {
  const row = rows.find((r) => r.key === BOT_SETTINGS_KEY);
  const parsed = storedBotSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function readBot(db: Db): Promise<StoredBot | null> {
  return botFromRows(await db.select().from(settings).where(eq(settings.key, BOT_SETTINGS_KEY)).all());
}

export async function openBotToken(env: Pick<Env, "SECRETS_KEY">, bot: StoredBot): Promise<string> {
  return (await secretBox(env.SECRETS_KEY)).open(bot.tokenSealed, SEAL_CONTEXT);
}

/** The header Telegram sends with every update matches the secret we registered (constant time). */
export async function webhookSecretMatches(bot: StoredBot, header: string | undefined): Promise<boolean> {
  return timingSafeEqualText(await sha256Hex(header ?? ""), bot.secretHash);
}

/** Rewrites the row at most this often: the settings rows are part of every subscription's entity tag. */
const LAST_UPDATE_RESOLUTION_SEC = 600;

/** Notes that Telegram delivered an update, to within LAST_UPDATE_RESOLUTION_SEC; one statement that rarely writes. */
export function noteUpdate(db: Db, nowSec: number) {
  return db.run(
    sql`UPDATE settings SET value = json_set(value, '$.lastUpdateAtSec', ${nowSec})
        WHERE key = ${BOT_SETTINGS_KEY}
          AND coalesce(json_extract(value, '$.lastUpdateAtSec'), 0) <= ${nowSec - LAST_UPDATE_RESOLUTION_SEC}`,
  );
}

/** BotFather's tokens: the bot's numeric id, a colon, 35 URL-safe characters (a little slack either way). */
const tokenSchema = z
  .string()
  .trim()
  .regex(/^\d{3,20}:[A-Za-z0-9_-]{30,64}$/, "must be a bot token from @BotFather, like 123456789:AAF…");

const meSchema = z.object({ id: z.number().int(), is_bot: z.literal(true), username: z.string().min(1) });

/** Telegram refused a call: its own words, as bad input when it answered, as unavailable when it did not. */
function refusal(what: string, reply: Extract<BotApiReply, { ok: false }>): DomainError {
  return reply.errorCode === null
    ? new DomainError("UNAVAILABLE", `${what}: ${reply.description}`)
    : new DomainError("BAD_USER_INPUT", `${what}: ${reply.description || `error ${reply.errorCode}`}`);
}

export interface BotView {
  configured: boolean;
  username: string | null;
  webhookUrl: string | null;
  lastUpdateAt: number | null;
  lastError: string | null;
}

const NOT_CONFIGURED: BotView = {
  configured: false,
  username: null,
  webhookUrl: null,
  lastUpdateAt: null,
  lastError: null,
};

/**
 * Checks the token with getMe, registers `<origin>/webhooks/telegram` with a fresh secret token
 * (so updates are admitted only with it), then stores the bot. The origin is the subscription
 * URL prefix when one is set (the panel's public address), else the one the request came in on.
 */
export async function configureBot(
  ctx: ActorContext & { env: Env },
  rawToken: unknown,
  requestOrigin: string,
): Promise<BotView> {
  const token = parseInput(tokenSchema, rawToken);
  const me = await callBotApi(ctx.env, token, "getMe");
  if (!me.ok) throw refusal("Telegram refused the token", me);
  const bot = meSchema.safeParse(me.result);
  if (!bot.success) throw new DomainError("BAD_USER_INPUT", "Telegram's getMe did not describe a bot");

  const secret = randomToken(32);
  const webhookUrl = `${(await readSettings(ctx.db)).subscriptionUrlPrefix || requestOrigin}${WEBHOOK_PATH}`;
  const set = await callBotApi(ctx.env, token, "setWebhook", {
    url: webhookUrl,
    secret_token: secret,
    allowed_updates: ["message", "callback_query"],
  });
  if (!set.ok) throw refusal("Telegram refused the webhook", set);

  const stored: StoredBot = {
    botId: String(bot.data.id),
    username: bot.data.username,
    tokenSealed: await (await secretBox(ctx.env.SECRETS_KEY)).seal(token, SEAL_CONTEXT),
    secretHash: await sha256Hex(secret),
    webhookUrl,
    lastUpdateAtSec: null,
  };
  await runBatch(ctx.db, [
    ctx.db
      .insert(settings)
      .values({ key: BOT_SETTINGS_KEY, value: stored })
      .onConflictDoUpdate({ target: settings.key, set: { value: stored } }),
    auditBy(ctx, {
      action: "telegram.configure",
      targetType: "telegram_bot",
      targetId: stored.botId,
      details: { username: stored.username, webhookUrl },
    }),
  ]);
  return { configured: true, username: stored.username, webhookUrl, lastUpdateAt: null, lastError: null };
}

const webhookInfoSchema = z.object({ last_error_message: z.string().optional() });

/** The bot as the SPA shows it, with the last delivery error Telegram itself reports (getWebhookInfo). */
export async function botView(env: Env, db: Db): Promise<BotView> {
  const bot = await readBot(db);
  if (!bot) return NOT_CONFIGURED;
  const info = await callBotApi(env, await openBotToken(env, bot), "getWebhookInfo");
  const lastError = info.ok
    ? (webhookInfoSchema.safeParse(info.result).data?.last_error_message ?? null)
    : `getWebhookInfo: ${info.description}`;
  return {
    configured: true,
    username: bot.username,
    webhookUrl: bot.webhookUrl,
    lastUpdateAt: bot.lastUpdateAtSec,
    lastError,
  };
}

/**
 * Deletes the webhook at Telegram (best effort: a revoked token cannot) and forgets the token.
 * Linked chats stay: a new token of the same bot reaches them again. False when none was set.
 */
export async function removeBot(ctx: ActorContext & { env: Env }): Promise<boolean> {
  const bot = await readBot(ctx.db);
  if (!bot) return false;
  await callBotApi(ctx.env, await openBotToken(ctx.env, bot), "deleteWebhook");
  await runBatch(ctx.db, [
    ctx.db.delete(settings).where(eq(settings.key, BOT_SETTINGS_KEY)),
    auditBy(ctx, {
      action: "telegram.remove",
      targetType: "telegram_bot",
      targetId: bot.botId,
      details: { username: bot.username },
    }),
  ]);
  return true;
}
