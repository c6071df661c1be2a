/** The notification centre's reads and changes; marking moves the bell's count by what changed. */
import { request } from "../api/client";
import type { NotificationFieldsFragment, NotificationLanguage } from "../graphql/generated/graphql";
import { type Locale, locale } from "../i18n";
import {
  EventCatalogue,
  MarkNotificationsRead,
  MarkNotificationsUnread,
  NotificationFeed,
} from "../graphql/notifications";
import type { KeysetPage } from "../lib/keyset";
import { signedInQuery } from "../lib/query";
import { adjustUnreadCount, recentLiveNotifications, setUnreadCount } from "./unread";

export type Notification = NotificationFieldsFragment;
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

/**
 * The feed's first page with the live events heard in this tab that it does not hold yet, on top:
 * the stream tells at once, the queue stores a moment later, and an event the bell counted must
 * not be missing from the centre opened in between.
 */
export async function loadFeedWithLive(filter: FeedFilter, after: string | null): Promise<KeysetPage<Notification>> {
  const page = await loadFeed(filter, after);
  if (after) return page;
  const held = new Set(page.items.map((n) => n.id));
  const newest = page.items[0] ? Date.parse(page.items[0].at) : 0;
  const missing = recentLiveNotifications().filter(
    (n) => !held.has(n.id) && Date.parse(n.at) >= newest && (!filter.kind || filter.kind === n.kind),
  );
  return { ...page, items: [...missing, ...page.items] };
}

async function loadFeed(filter: FeedFilter, after: string | null): Promise<KeysetPage<Notification>> {
  const { notificationFeed: feed } = await request(NotificationFeed, {
    unreadOnly: filter.unreadOnly,
    kinds: filter.kind ? [filter.kind] : null,
    page: { first: PAGE_SIZE, after },
    language: FEED_LANGUAGE[locale()],
  });
  // The page says how many are unread right now: the bell agrees with it.
  setUnreadCount(feed.unreadCount);
  return {
    items: feed.edges.map((e) => e.node),
    endCursor: feed.pageInfo.endCursor,
    hasNextPage: feed.pageInfo.hasNextPage,
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
