import { Hono, type Context } from "hono";
import { DomainError } from "../../errors/domain-error";
import type { AppEnv } from "../../http/request-context";
import { spend } from "../../rate-limit/spend";
import { lookupToken } from "../../subscription/route";
import { noteUpdate, openBotToken, readBot, webhookSecretMatches } from "./bot";
import { answerUpdate, updateSchema } from "./commands";
import { mintLinkToken } from "./links";

/**
 * POST /webhooks/telegram: updates from Telegram. Admitted only with the secret token registered
 * by setWebhook (X-Telegram-Bot-Api-Secret-Token), checked before the body is read. The reply rides
 * in the response (a Bot API call Telegram performs); an update we cannot read is acknowledged
 * and dropped, since Telegram would otherwise redeliver it forever.
 */
export const telegramWebhookRoute = new Hono<AppEnv>().post("/", async (c) => {
  const bot = await readBot(c.var.db);
  if (!bot || !(await webhookSecretMatches(bot, c.req.header("x-telegram-bot-api-secret-token"))))
    return c.body(null, 401);
  const nowSec = Math.floor(Date.now() / 1000);
  c.executionCtx.waitUntil(noteUpdate(c.var.db, nowSec));
  const update = updateSchema.safeParse(await c.req.json().catch(() => null));
  if (!update.success) return c.body(null, 200);
  const reply = await answerUpdate(
    {
      env: c.env,
      db: c.var.db,
      bot,
      botToken: await openBotToken(c.env, bot),
      origin: new URL(c.req.url).origin,
      nowSec,
    },
    update.data,
  );
  return reply ? c.json(reply) : c.body(null, 200);
});

/** Deep links one subscription may mint per hour: plenty for a person, too few to flood the token table from a leaked link. */
const LINKS_PER_HOUR = 10;

/**
 * GET /sub/:token/telegram: the subscription page's "Get updates in Telegram" button. Mints a
 * one-time start token for this subscription and sends the browser to the bot with it.
 */
export const telegramDeepLinkRoutes = new Hono<AppEnv>().get("/:token/telegram", openTelegramLink);

async function openTelegramLink(c: Context<AppEnv>): Promise<Response> {
  const { user } = await lookupToken(c, c.req.param("token")!);
  const bot = user ? await readBot(c.var.db) : null;
  if (!user || !bot) throw new DomainError("NOT_FOUND", "no such subscription");
  await spend(c.env, `telegram-link:${user.id}`, LINKS_PER_HOUR, 3600_000);
  const { token } = await mintLinkToken(c.var.db, { userId: user.id }, Math.floor(Date.now() / 1000));
  c.header("cache-control", "no-store");
  return c.redirect(telegramStartUrl(bot.username, token), 302);
}

export const telegramStartUrl = (botUsername: string, token: string) =>
  `https://t.me/${encodeURIComponent(botUsername)}?start=${token}`;
