import DataLoader from "dataloader";
import type { GraphQLModule } from "../../graphql/module";
import type { Loaders } from "../../graphql/loaders";
import type { Db } from "../../db/client";
import { botView, configureBot, readBot, removeBot } from "./bot";
import { linkedUserIds, mintLinkToken } from "./links";
import { telegramStartUrl } from "./routes";
import { DomainError } from "../../errors/domain-error";

const typeDefs = /* GraphQL */ `
  "The panel's Telegram bot (webhook mode)."
  type TelegramBot {
    configured: Boolean!
    "@username from getMe."
    username: String
    "Where Telegram sends updates: <panel>/webhooks/telegram."
    webhookUrl: String
    "The last update Telegram delivered."
    lastUpdateAt: DateTime
    "The last error Telegram's setWebhook or getWebhookInfo reported."
    lastError: String
  }

  "A one-time deep link that links a Telegram chat to the bot: https://t.me/<bot>?start=<token>."
  type TelegramLinkOffer {
    url: String!
    expiresAt: DateTime!
  }

  extend type User {
    "A Telegram chat is linked to this user's subscription."
    telegramLinked: Boolean!
  }

  extend type Query {
    telegramBot: TelegramBot!
  }

  extend type Mutation {
    "Sets the bot token (checked with getMe) and registers the webhook with a fresh secret token."
    configureTelegramBot(token: String!): TelegramBot!
    "Deletes the webhook at Telegram and forgets the token; linked chats stay linked for a new token of the same bot."
    removeTelegramBot: Boolean!
    "A link that makes the caller's Telegram chat a TELEGRAM channel of the caller (valid 15 minutes)."
    linkTelegramChat: TelegramLinkOffer!
  }
`;

/**
 * One "which of these users have a linked chat" statement per request, however many users a
 * page lists. Kept beside the request's loaders (a WeakMap on them), so it dies with the request.
 */
const linkedLoaders = new WeakMap<Loaders, DataLoader<number, boolean>>();
function telegramLinkedLoader(loaders: Loaders, db: Db) {
  let loader = linkedLoaders.get(loaders);
  if (!loader) {
    loader = new DataLoader<number, boolean>(async (ids) => {
      const linked = await linkedUserIds(db, ids);
      return ids.map((id) => linked.has(id));
    });
    linkedLoaders.set(loaders, loader);
  }
  return loader;
}

export const telegramModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.telegramBot": "settings:read",
    "Mutation.configureTelegramBot": "settings:write",
    "Mutation.removeTelegramBot": "settings:write",
    "Mutation.linkTelegramChat": "signed-in",
  },
  resolvers: {
    User: { telegramLinked: (user, _args, ctx) => telegramLinkedLoader(ctx.loaders, ctx.db).load(user.id) },
    Query: { telegramBot: (_parent, _args, ctx) => botView(ctx.env, ctx.db) },
    Mutation: {
      configureTelegramBot: (_parent, { token }, ctx) => configureBot(ctx, token, ctx.origin),
      removeTelegramBot: (_parent, _args, ctx) => removeBot(ctx),
      linkTelegramChat: async (_parent, _args, ctx) => {
        const bot = await readBot(ctx.db);
        if (!bot) throw new DomainError("CONFLICT", "no Telegram bot is configured: set one up in Settings first");
        const { token, expiresAtSec } = await mintLinkToken(ctx.db, { adminId: ctx.actor.id }, ctx.nowSec());
        return { url: telegramStartUrl(bot.username, token), expiresAt: expiresAtSec };
      },
    },
  },
};
