/** The notification centre's reads and changes; marking moves the bell's count by what changed. */
import { request } from "../api/client";
import type { NotificationLanguage } from "../graphql/generated/graphql";
import { type Locale, locale } from "../i18n";
import {
  EventCatalogue,
  MarkNotificationsRead,
  MarkNotificationsUnread,
  NotificationFeed,
} from "../graphql/notifications";
import { signedInQuery } from "../lib/query";
import { adjustUnreadCount, recentLiveNotifications, setUnreadCount } from "./unread";
import { type FeedPage, withLive } from "./with-live";

export interface FeedFilter {
  unreadOnly: boolean;
  kind: string;
}

export const PAGE_SIZE = 25;

/** Messages in the centre come in the admin's language. */
const FEED_LANGUAGE: Record<Locale, NotificationLanguage> = { en: "EN", ru: "RU", fa: "FA", "zh-CN": "ZH" };

export const catalogueQuery = signedInQuery(
  async () => (await request(EventCatalogue)).eventCatalogue,
  "eventCatalogue",
);

export async function loadFeedWithLive(filter: FeedFilter, after: string | null): Promise<FeedPage> {
  const page = await loadFeed(filter, after);
  if (after) return page;
  const shown = withLive(page, recentLiveNotifications(), filter.kind);
  // The first page says how many are unread right now; the bell, which counts every kind, agrees
  // with it when it is not narrowed to one.
  if (!filter.kind) setUnreadCount(shown.unreadCount);
  return shown;
}

async function loadFeed(filter: FeedFilter, after: string | null): Promise<FeedPage> {
  const { notificationFeed: feed } = await request(NotificationFeed, {
    unreadOnly: filter.unreadOnly,
    kinds: filter.kind ? [filter.kind] : null,
    page: { first: PAGE_SIZE, after },
    language: FEED_LANGUAGE[locale()],
  });
  return {
    items: feed.edges.map((e) => e.node),
    endCursor: feed.pageInfo.endCursor,
    hasNextPage: feed.pageInfo.hasNextPage,
    unreadCount: feed.unreadCount,
  };
}

export async function markRead(ids: string[]): Promise<void> {
  adjustUnreadCount(-(await request(MarkNotificationsRead, { ids })).markNotificationsRead);
}

export async function markAllRead(): Promise<void> {
  await request(MarkNotificationsRead, { all: true });
  setUnreadCount(0);
}

export async function markUnread(ids: string[]): Promise<void> {
  adjustUnreadCount((await request(MarkNotificationsUnread, { ids })).markNotificationsUnread);
}
