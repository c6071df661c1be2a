import type { GraphQLModule } from "../../graphql/module";

const notYet = (): never => {
  throw new Error("not implemented yet");
};

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

export const telegramModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.telegramBot": "settings:read",
    "Mutation.configureTelegramBot": "settings:write",
    "Mutation.removeTelegramBot": "settings:write",
    "Mutation.linkTelegramChat": "signed-in",
  },
  resolvers: {
    User: { telegramLinked: () => false },
    Query: { telegramBot: notYet },
    Mutation: { configureTelegramBot: notYet, removeTelegramBot: notYet, linkTelegramChat: notYet },
  },
};
