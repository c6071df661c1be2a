/** The Channels page's reads and changes; each change names the reads it makes stale. */
import { request } from "../api/client";
import {
  ChannelsPage,
  ConfigureTelegramBot,
  CreateWebhookChannel,
  DeleteNotificationChannel,
  LinkTelegramChat,
  NotificationDeliveries,
  RemoveTelegramBot,
  ReplayDeadDeliveries,
  ReplayDelivery,
  RotateWebhookSecret,
  TelegramBotStatus,
  TestNotificationChannel,
  UpdateNotificationChannel,
} from "../graphql/channels";
import type {
  DeliveryFieldsFragment,
  DeliveryStatus,
  NotificationChannelInput,
  WebhookChannelInput,
} from "../graphql/generated/graphql";
import type { KeysetPage } from "../lib/keyset";
import { mutation, signedInQuery } from "../lib/query";

export type Delivery = DeliveryFieldsFragment;
export interface DeliveryFilter {
  channelId: string;
  status: DeliveryStatus | "";
}

export const channelsQuery = signedInQuery(() => request(ChannelsPage), "notificationChannels");
export const telegramBotQuery = signedInQuery(
  async () => (await request(TelegramBotStatus)).telegramBot,
  "telegramBot",
);

export async function loadDeliveries(filter: DeliveryFilter, after: string | null): Promise<KeysetPage<Delivery>> {
  const { notificationDeliveries: log } = await request(NotificationDeliveries, {
    channelId: filter.channelId || null,
    status: filter.status || null,
    page: { first: 50, after },
  });
  return {
    items: log.edges.map((e) => e.node),
    endCursor: log.pageInfo.endCursor,
    hasNextPage: log.pageInfo.hasNextPage,
  };
}

/** One delivery as it is now, found in its channel's newest deliveries (the test one is among them). */
export async function loadDelivery(channelId: string, id: string): Promise<Delivery | null> {
  const page = await loadDeliveries({ channelId, status: "" }, null);
  return page.items.find((d) => d.id === id) ?? null;
}

/** Whether the panel will still try it: the log keeps following such a delivery. */
export const inFlight = (d: { status: DeliveryStatus }) => d.status === "PENDING" || d.status === "RETRYING";

export const createWebhook = mutation(
  async (input: WebhookChannelInput) => (await request(CreateWebhookChannel, { input })).createWebhookChannel,
  "createWebhookChannel",
  [channelsQuery],
);
export const updateChannel = mutation(
  async (id: string, input: NotificationChannelInput) =>
    (await request(UpdateNotificationChannel, { id, input })).updateNotificationChannel,
  "updateNotificationChannel",
  [channelsQuery],
);
export const deleteChannel = mutation(
  (id: string) => request(DeleteNotificationChannel, { id }),
  "deleteNotificationChannel",
  [channelsQuery],
);
export const rotateSecret = mutation(
  async (id: string) => (await request(RotateWebhookSecret, { id })).rotateWebhookSecret,
  "rotateWebhookSecret",
  [channelsQuery],
);
export const testChannel = mutation(
  async (id: string) => (await request(TestNotificationChannel, { id })).testNotificationChannel,
  "testNotificationChannel",
  [channelsQuery],
);
export const replayDelivery = mutation(
  async (id: string) => (await request(ReplayDelivery, { id })).replayDelivery,
  "replayDelivery",
  [channelsQuery],
);
export const replayDead = mutation(
  async (channelIds: string[]) => {
    let replayed = 0;
    for (const channelId of channelIds)
      replayed += (await request(ReplayDeadDeliveries, { channelId })).replayDeadDeliveries;
    return replayed;
  },
  "replayDeadDeliveries",
  [channelsQuery],
);
export const configureBot = mutation(
  (token: string) => request(ConfigureTelegramBot, { token }),
  "configureTelegramBot",
  [telegramBotQuery],
);
export const removeBot = mutation(() => request(RemoveTelegramBot), "removeTelegramBot", [telegramBotQuery]);
export const linkTelegram = async () => (await request(LinkTelegramChat)).linkTelegramChat;
