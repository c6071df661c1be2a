import { sql } from "drizzle-orm";
import { blob, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const CHANNEL_KINDS = ["webhook", "telegram"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * Where an admin's events go. Each belongs to one admin (`adminId`) and hears what that admin
 * may see: a reseller's channel only its own users' events. A webhook has a URL and a Standard
 * Webhooks secret (sealed with SECRETS_KEY); a Telegram channel is a chat linked to the bot.
 */
export const notificationChannels = sqliteTable(
  "notification_channels",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    adminId: integer("admin_id").notNull(),
    kind: text("kind", { enum: CHANNEL_KINDS }).notNull(),
    name: text("name").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** Event kinds delivered; empty is every kind. */
    eventKinds: text("event_kinds", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** en, ru, fa or zh: the language of texts this channel receives. */
    language: text("language").notNull().default("en"),
    url: text("url"),
    secretSealed: blob("secret_sealed", { mode: "buffer" }),
    telegramChatId: text("telegram_chat_id"),
    /** Why the panel turned it off (e.g. the endpoint answered 410 Gone); null while it may deliver. */
    disabledReason: text("disabled_reason"),
    createdAtSec: integer("created_at").notNull(),
    updatedAtSec: integer("updated_at").notNull(),
  },
  (t) => [index("notification_channels_admin").on(t.adminId)],
);

export const DELIVERY_STATUSES = ["pending", "retrying", "delivered", "dead"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One event to one channel: every attempt counted, the last answer kept. */
export const notificationDeliveries = sqliteTable(
  "notification_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: text("event_id").notNull(),
    channelId: integer("channel_id").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    nextAttemptAtSec: integer("next_attempt_at"),
    createdAtSec: integer("created_at").notNull(),
    updatedAtSec: integer("updated_at").notNull(),
    deliveredAtSec: integer("delivered_at"),
  },
  (t) => [
    index("notification_deliveries_channel").on(t.channelId, t.id),
    index("notification_deliveries_status").on(t.status, t.id),
    index("notification_deliveries_event").on(t.eventId),
  ],
);

/**
 * A Telegram chat linked to the bot: an end user's (their subscription) or an admin's (whose
 * alerts then reach it through a telegram channel). Linked by a one-time /start token.
 */
export const telegramLinks = sqliteTable(
  "telegram_links",
  {
    chatId: text("chat_id").primaryKey(),
    userId: integer("user_id"),
    adminId: integer("admin_id"),
    language: text("language").notNull().default("en"),
    linkedAtSec: integer("linked_at").notNull(),
    /** The end user sent /mute: no notices about its subscription (telegram/user-notices.ts) until /unmute. */
    muted: integer("muted", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("telegram_links_user").on(t.userId)],
);

/** One-time deep-link tokens (`https://t.me/<bot>?start=<token>`), kept as SHA-256 hashes. */
export const telegramLinkTokens = sqliteTable("telegram_link_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: integer("user_id"),
  adminId: integer("admin_id"),
  expiresAtSec: integer("expires_at").notNull(),
});

export type ChannelRow = typeof notificationChannels.$inferSelect;
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
