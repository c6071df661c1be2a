import DataLoader from "dataloader";
import { and, gte, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { parseInput } from "../errors/validate";
import { events } from "../events/table";
import type { SignedInContext } from "../graphql/context";
import type { NotificationLanguage } from "../graphql/generated/resolvers";
import { idSchema } from "../graphql/ids";
import { existing, upperCaseEnum, type GraphQLModule } from "../graphql/module";
import { parsePage, toConnection } from "../graphql/pagination";
import {
  createWebhookChannel,
  deleteChannel,
  listChannels,
  listDeliveries,
  replayDeadDeliveries,
  replayDelivery,
  rotateSecret,
  testChannel,
  TEST_EVENT_KIND,
  updateChannel,
  channelColumns,
} from "./channels";
import {
  CHANNEL_KINDS,
  type ChannelRow,
  DELIVERY_STATUSES,
  notificationChannels,
  notificationDeliveries,
} from "./table";
import { DAY_SEC } from "../lib/utc";
const typeDefs = /* GraphQL */ `
  enum ChannelKind {
    WEBHOOK
    TELEGRAM
  }

  enum NotificationLanguage {
    EN
    RU
    FA
    ZH
  }

  "Where one admin's events go. A reseller's channels hear only its own users' events."
  type NotificationChannel {
    id: ID!
    kind: ChannelKind!
    name: String!
    enabled: Boolean!
    "Event kinds delivered; empty is every kind the owner may hear."
    eventKinds: [String!]!
    language: NotificationLanguage!
    "Webhook endpoint; null for Telegram."
    url: String
    "The linked Telegram chat; null for webhooks."
    telegramChatId: String
    "The admin whose channel it is."
    owner: String!
    "Why the panel turned it off (the endpoint answered 410 Gone, the chat blocked the bot); null while it may deliver."
    disabledReason: String
    createdAt: DateTime!
    updatedAt: DateTime!
    "Deliveries that reached it in the last 24 hours."
    delivered24h: Int!
    "Deliveries retrying or dead."
    failing: Int!
  }

  "A webhook and its signing secret, shown only now: whsec_ followed by base64 (Standard Webhooks)."
  type WebhookChannelWithSecret {
    channel: NotificationChannel!
    secret: String!
  }

  input WebhookChannelInput {
    name: String!
    "https URL (http and private addresses are refused on a deployed panel)."
    url: String!
    eventKinds: [String!] = []
    language: NotificationLanguage = EN
    enabled: Boolean = true
  }

  "Omitted fields keep their values."
  input NotificationChannelInput {
    name: String
    url: String
    eventKinds: [String!]
    language: NotificationLanguage
    enabled: Boolean
  }

  enum DeliveryStatus {
    "Queued, not yet attempted."
    PENDING
    "Failed at least once; another attempt is scheduled."
    RETRYING
    DELIVERED
    "Ran out of attempts (in the dead-letter queue); replay sends it again."
    DEAD
  }

  "One event to one channel."
  type NotificationDelivery {
    id: ID!
    channel: NotificationChannel!
    eventId: ID!
    eventKind: String!
    status: DeliveryStatus!
    attempts: Int!
    "The endpoint's last HTTP status (or Telegram's error_code)."
    lastStatusCode: Int
    lastError: String
    nextAttemptAt: DateTime
    createdAt: DateTime!
    updatedAt: DateTime!
    deliveredAt: DateTime
  }

  type NotificationDeliveryEdge {
    cursor: String!
    node: NotificationDelivery!
  }

  type NotificationDeliveryConnection {
    edges: [NotificationDeliveryEdge!]!
    pageInfo: PageInfo!
  }

  extend type Query {
    "The caller's channels (the owner: everyone's)."
    notificationChannels: [NotificationChannel!]!
    "The delivery log, newest first: the caller's channels (the owner: all); status DEAD is the dead-letter view."
    notificationDeliveries(channelId: ID, status: DeliveryStatus, page: Pagination): NotificationDeliveryConnection!
  }

  extend type Mutation {
    createWebhookChannel(input: WebhookChannelInput!): WebhookChannelWithSecret!
    updateNotificationChannel(id: ID!, input: NotificationChannelInput!): NotificationChannel!
    deleteNotificationChannel(id: ID!): Boolean!
    "A new secret, shown once; the old one stops signing at once."
    rotateWebhookSecret(id: ID!): WebhookChannelWithSecret!
    "Sends a test event (kind test.ping) to the channel now; returns its delivery."
    testNotificationChannel(id: ID!): NotificationDelivery!
    "Sends a dead or failed delivery again, as a new attempt with the same webhook-id."
    replayDelivery(id: ID!): NotificationDelivery!
    "Replays every dead delivery of a channel; returns how many."
    replayDeadDeliveries(channelId: ID!): Int!
  }
`;

/**
 * Per-request loaders of what a channel list shows beside each row: one grouped statement for
 * the counts of a whole page, one for the event kinds of a page of deliveries. Kept per request
 * (keyed by its loaders object) like graphql/loaders.ts, never shared.
 */
const channelLoaders = new WeakMap<object, ReturnType<typeof createChannelLoaders>>();

function createChannelLoaders(db: Db, nowSec: number) {
  return {
    stats: new DataLoader<number, { delivered24h: number; failing: number }>(async (ids) => {
      const rows = await db
        .select({
          channelId: notificationDeliveries.channelId,
          delivered24h: sql<number>`sum(${notificationDeliveries.status} = 'delivered' AND ${notificationDeliveries.deliveredAtSec} >= ${nowSec - DAY_SEC})`,
          failing: sql<number>`sum(${notificationDeliveries.status} IN ('retrying', 'dead'))`,
        })
        .from(notificationDeliveries)
        .where(
          and(
            inArray(notificationDeliveries.channelId, sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`),
            // Only rows that can count: old delivered ones are most of the log and count for nothing.
            sql`(${notificationDeliveries.status} <> 'delivered' OR ${gte(notificationDeliveries.deliveredAtSec, nowSec - DAY_SEC)})`,
          ),
        )
        .groupBy(notificationDeliveries.channelId)
        .all();
      const byId = new Map(rows.map((r) => [r.channelId, r]));
      return ids.map((id) => ({
        delivered24h: Number(byId.get(id)?.delivered24h ?? 0),
        failing: Number(byId.get(id)?.failing ?? 0),
      }));
    }),
    /** A page of deliveries names few channels: one statement for all of them. */
    channelById: new DataLoader<number, ChannelRow | undefined>(async (ids) => {
      const rows = await db
        .select(channelColumns)
        .from(notificationChannels)
        .where(inArray(notificationChannels.id, sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`))
        .all();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
    eventKind: new DataLoader<string, string>(async (ids) => {
      const rows = await db
        .select({ id: events.id, kind: events.kind })
        .from(events)
        .where(inArray(events.id, sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`))
        .all();
      const byId = new Map(rows.map((r) => [r.id, r.kind]));
      // Test pings have no stored event; an event pruned by retention keeps its deliveries briefly.
      return ids.map((id) => byId.get(id) ?? TEST_EVENT_KIND);
    }),
  };
}

function loadersOf(ctx: SignedInContext) {
  let loaders = channelLoaders.get(ctx.loaders);
  if (!loaders) {
    loaders = createChannelLoaders(ctx.db, ctx.nowSec());
    channelLoaders.set(ctx.loaders, loaders);
  }
  return loaders;
}

const deliveriesArgs = z.object({
  channelId: idSchema.nullish().transform((id) => id ?? undefined),
  status: z
    .enum(DELIVERY_STATUSES)
    .nullish()
    .transform((s) => s ?? undefined),
});

/**
 * NotificationLanguage is not a mapped enum (other modules read it as EN…ZH), so the channel's
 * lower-case language is converted here, both ways.
 */
const channelInput = <T extends { language?: string | null }>(input: T) => ({
  ...input,
  language: input.language?.toLowerCase(),
});

export const channelsModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.notificationChannels": "signed-in",
    "Query.notificationDeliveries": "signed-in",
    "Mutation.createWebhookChannel": "signed-in",
    "Mutation.updateNotificationChannel": "signed-in",
    "Mutation.deleteNotificationChannel": "signed-in",
    "Mutation.rotateWebhookSecret": "signed-in",
    "Mutation.testNotificationChannel": "signed-in",
    "Mutation.replayDelivery": "signed-in",
    "Mutation.replayDeadDeliveries": "signed-in",
  },
  resolvers: {
    ChannelKind: upperCaseEnum(CHANNEL_KINDS),
    DeliveryStatus: upperCaseEnum(DELIVERY_STATUSES),
    NotificationChannel: {
      id: (c) => String(c.id),
      language: (c) => c.language.toUpperCase() as NotificationLanguage,
      owner: async (c, _, ctx) => existing(await ctx.loaders.adminById.load(c.adminId), "admin", c.adminId).username,
      createdAt: (c) => c.createdAtSec,
      updatedAt: (c) => c.updatedAtSec,
      delivered24h: async (c, _, ctx) => (await loadersOf(ctx).stats.load(c.id)).delivered24h,
      failing: async (c, _, ctx) => (await loadersOf(ctx).stats.load(c.id)).failing,
    },
    NotificationDelivery: {
      id: (d) => String(d.id),
      // The delivery was already confined to the caller's channels, so its channel is visible too.
      channel: async (d, _, ctx) =>
        existing(await loadersOf(ctx).channelById.load(d.channelId), "notification channel", d.channelId),
      eventKind: (d, _, ctx) => loadersOf(ctx).eventKind.load(d.eventId),
      nextAttemptAt: (d) => d.nextAttemptAtSec,
      createdAt: (d) => d.createdAtSec,
      updatedAt: (d) => d.updatedAtSec,
      deliveredAt: (d) => d.deliveredAtSec,
    },
    Query: {
      notificationChannels: (_, __, ctx) => listChannels(ctx.db, ctx.actor),
      notificationDeliveries: async (_, args, ctx) => {
        const filter = parseInput(deliveriesArgs, { channelId: args.channelId, status: args.status });
        const page = parsePage(args.page);
        return toConnection(await listDeliveries(ctx.db, ctx.actor, filter, page), page.first);
      },
    },
    Mutation: {
      createWebhookChannel: (_, { input }, ctx) => createWebhookChannel(ctx, channelInput(input)),
      updateNotificationChannel: (_, { id, input }, ctx) =>
        updateChannel(ctx, parseInput(idSchema, id), channelInput(input)),
      deleteNotificationChannel: (_, { id }, ctx) => deleteChannel(ctx, parseInput(idSchema, id)),
      rotateWebhookSecret: (_, { id }, ctx) => rotateSecret(ctx, parseInput(idSchema, id)),
      testNotificationChannel: (_, { id }, ctx) => testChannel(ctx, parseInput(idSchema, id)),
      replayDelivery: (_, { id }, ctx) => replayDelivery(ctx, parseInput(idSchema, id)),
      replayDeadDeliveries: (_, { channelId }, ctx) => replayDeadDeliveries(ctx, parseInput(idSchema, channelId)),
    },
  },
};
