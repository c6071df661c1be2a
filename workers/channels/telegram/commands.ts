import { and, eq, max, sql } from "drizzle-orm";
import { z } from "zod";
import { admins } from "../../admins/table";
import { usageHourly } from "../../analytics/table";
import { ownedUsersScope } from "../../auth/roles";
import { listPlans } from "../../billing/plans/service";
import type { Db } from "../../db/client";
import type { Language } from "../../events/texts";
import { readSettings, subscriptionUrl } from "../../settings/settings";
import { escapeHtml as e } from "../../subscription/page";
import { formatBytes } from "../../subscription/remarks";
import { deriveStatus } from "../../users/status";
import { users, type UserRow } from "../../users/table";
import { callBotApi } from "./bot-api";
import type { StoredBot } from "./bot";
import { chatLanguage, findLink, linkAdminChat, linkUserChat, redeemLinkToken, type ChatFacts } from "./links";
import { qrPng } from "./qr-png";
import { BOT_TEXTS, type BotTexts } from "./texts";
import { setChatMuted } from "./user-notices";
import { utcDay } from "../../lib/utc";

/** The part of a Telegram Update the bot reads; anything else in it is ignored. */
export const updateSchema = z.object({
  update_id: z.number().int(),
  message: z
    .object({
      chat: z.object({
        id: z.number().int(),
        type: z.string(),
        username: z.string().optional(),
        title: z.string().optional(),
        first_name: z.string().optional(),
      }),
      from: z.object({ language_code: z.string().max(35).optional() }).optional(),
      text: z.string().max(4096).optional(),
    })
    .optional(),
});
export type Update = z.output<typeof updateSchema>;

export interface Command {
  name: string;
  argument: string;
}

/**
 * A command from a message's text: `/usage`, `/user alice`, `/start <token>`, and in groups
 * `/usage@OurBot` (a command addressed to another bot is not ours: null). Null for plain text.
 *
 * @example
 * parseCommand("/user@VortexBot  alice ", "VortexBot") // { name: "user", argument: "alice" }
 */
export function parseCommand(text: string | undefined, botUsername: string): Command | null {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/.exec((text ?? "").trim());
  if (!match) return null;
  if (match[2] && match[2].toLowerCase() !== botUsername.toLowerCase()) return null;
  return { name: match[1]!.toLowerCase(), argument: (match[3] ?? "").trim() };
}

/**
 * A Bot API call returned as the webhook's own response body: Telegram performs it, which spares
 * an outgoing request per reply (see "Making requests when getting updates" in the Bot API docs).
 */
export interface WebhookReply {
  method: "sendMessage";
  chat_id: string;
  text: string;
  parse_mode: "HTML";
  reply_markup?: { inline_keyboard: { text: string; url: string }[][] };
}

export interface UpdateContext {
  env: Env;
  db: Db;
  bot: StoredBot;
  botToken: string;
  /** The panel's origin as Telegram reached it: the default base of subscription links. */
  origin: string;
  nowSec: number;
}

/** Status, usage and expiry of one user, as lines of HTML (values escaped). */
export function usageLines(user: UserRow, t: BotTexts, nowSec: number): string[] {
  const l = t.usageLines;
  const limit = user.dataLimitBytes === null ? l.unlimited : formatBytes(user.dataLimitBytes);
  const expiry =
    user.expireAtSec === null
      ? l.never
      : `${utcDay(user.expireAtSec)} (${t.daysLeft(Math.max(0, Math.ceil((user.expireAtSec - nowSec) / 86400)))})`;
  return [
    `<b>${e(l.status)}:</b> ${e(t.status[deriveStatus(user, nowSec)])}`,
    `<b>${e(l.used)}:</b> ${e(formatBytes(user.usedBytes))} ${e(l.of)} ${e(limit)}`,
    `<b>${e(l.expires)}:</b> ${e(expiry)}`,
  ];
}

/** What the bot answers to one update: a reply to send in the webhook response, or null for none. */
export async function answerUpdate(ctx: UpdateContext, update: Update): Promise<WebhookReply | null> {
  const message = update.message;
  const command = parseCommand(message?.text, ctx.bot.username);
  if (!message || !command) return null;
  const chatId = String(message.chat.id);
  const link = await findLink(ctx.db, chatId);
  const language: Language = (link?.language as Language | undefined) ?? chatLanguage(message.from?.language_code);
  const t = BOT_TEXTS[BOT_TEXTS[language] ? language : "en"];
  const reply = (text: string, reply_markup?: WebhookReply["reply_markup"]): WebhookReply => ({
    method: "sendMessage",
    chat_id: chatId,
    text,
    parse_mode: "HTML",
    ...(reply_markup && { reply_markup }),
  });

  if (command.name === "start" && command.argument) {
    const chat: ChatFacts = {
      chatId,
      language: chatLanguage(message.from?.language_code),
      title: message.chat.username
        ? `@${message.chat.username}`
        : (message.chat.title ?? message.chat.first_name ?? chatId),
    };
    const owner = await redeemLinkToken(ctx.db, command.argument, ctx.nowSec);
    const said = BOT_TEXTS[chat.language];
    if (owner && "userId" in owner) {
      const user = await ctx.db.select().from(users).where(eq(users.id, owner.userId)).get();
      if (!user) return reply(e(said.tokenRefused));
      await linkUserChat(ctx.db, chat, user.id, ctx.nowSec);
      return reply(e(said.linkedUser(user.username)));
    }
    if (owner && "adminId" in owner) {
      const admin = await ctx.db.select().from(admins).where(eq(admins.id, owner.adminId)).get();
      if (!admin || admin.disabled || !(await linkAdminChat(ctx.db, chat, admin.id, ctx.nowSec)))
        return reply(e(said.tokenRefused));
      return reply(e(said.linkedAdmin(admin.username)));
    }
    return reply(e(said.tokenRefused));
  }

  const user =
    link?.userId == null ? undefined : await ctx.db.select().from(users).where(eq(users.id, link.userId)).get();
  const admin =
    link?.adminId == null ? undefined : await ctx.db.select().from(admins).where(eq(admins.id, link.adminId)).get();
  const activeAdmin = admin && !admin.disabled ? admin : undefined;

  switch (command.name) {
    case "start":
    case "help": {
      const parts = [user ? t.userHelp : null, activeAdmin ? t.adminHelp : null].filter((p) => p !== null);
      return reply(e(parts.length ? parts.join("\n\n") : t.welcome));
    }
    case "user": {
      if (!activeAdmin) return reply(e(t.notLinked));
      return reply(await lookUpUser(ctx, activeAdmin, command.argument, t));
    }
    case "mute":
    case "unmute": {
      const muted = command.name === "mute";
      if (!user || !(await setChatMuted(ctx.db, chatId, muted))) return reply(e(t.notLinked));
      return reply(e(muted ? t.muted : t.unmuted));
    }
    case "usage":
    case "link":
    case "qr":
    case "renew": {
      if (!user) return reply(e(t.notLinked));
      const subUrl = subscriptionUrl(await readSettings(ctx.db), ctx.origin, user.subToken);
      if (command.name === "usage")
        return reply(`<b>${e(user.username)}</b>\n${usageLines(user, t, ctx.nowSec).join("\n")}`);
      if (command.name === "link") return reply(`${e(t.linkIntro)}\n<code>${e(subUrl)}</code>`);
      if (command.name === "qr") {
        const sent = await sendQr(ctx, chatId, subUrl, t);
        // Should the upload fail, the link itself still gets the user there.
        return sent ? null : reply(`${e(t.linkIntro)}\n<code>${e(subUrl)}</code>`);
      }
      const plans = await listPlans(ctx.db, { visibleOnly: true });
      if (!plans.length) return reply(e(t.noPlans));
      return reply(e(t.renewIntro), { inline_keyboard: [[{ text: t.renewButton, url: `${subUrl}/plans` }]] });
    }
    default:
      return reply(e(t.unknownCommand));
  }
}

/** `/user <username>` for an admin's chat: only a user that admin may see (a reseller: its own). */
async function lookUpUser(
  ctx: UpdateContext,
  admin: { id: number; role: (typeof admins.$inferSelect)["role"] },
  username: string,
  t: BotTexts,
): Promise<string> {
  const scope = ownedUsersScope(admin);
  const user = await ctx.db
    .select()
    .from(users)
    .where(
      and(
        sql`lower(${users.username}) = lower(${username.slice(0, 64)})`,
        scope === undefined ? undefined : eq(users.adminId, scope),
      ),
    )
    .get();
  if (!user) return e(t.userMissing(username.slice(0, 64)));
  const last = await ctx.db
    .select({ hourSec: max(usageHourly.hourSec) })
    .from(usageHourly)
    .where(eq(usageHourly.userId, user.id))
    .get();
  const lastTraffic =
    last?.hourSec == null ? t.neverConnected : `${new Date(last.hourSec * 1000).toISOString().slice(0, 13)}:00 UTC`;
  return [
    `<b>${e(user.username)}</b>`,
    ...usageLines(user, t, ctx.nowSec),
    `<b>${e(t.lastConnection)}:</b> ${e(lastTraffic)}`,
  ].join("\n");
}

/** sendPhoto with the QR as a PNG upload: a photo cannot ride in the webhook response. */
async function sendQr(ctx: UpdateContext, chatId: string, subUrl: string, t: BotTexts): Promise<boolean> {
  const form = new FormData();
  form.set("chat_id", chatId);
  form.set("caption", t.qrCaption);
  form.set("photo", new Blob([await qrPng(subUrl)], { type: "image/png" }), "subscription.png");
  return (await callBotApi(ctx.env, ctx.botToken, "sendPhoto", form)).ok;
}
