/**
 * The bell's unread count and the live notifications, shared by the layout and the notification
 * centre. The layout holds the panel's one `notifications` stream and passes each event here, so
 * the centre shows new events at the top without opening a second stream.
 */
import { createSignal } from "solid-js";
import { request } from "../api/client";
import type { NotificationFieldsFragment, NotificationUpdatesSubscription } from "../graphql/generated/graphql";
import { UnreadCount } from "../graphql/notifications";

const [unreadCount, setUnreadCount] = createSignal<number | null>(null);
export { unreadCount, setUnreadCount };

const listeners = new Set<(notification: NotificationFieldsFragment) => void>();
/** The latest live events, newest first: the centre shows them before the queue has stored them. */
const recent: NotificationFieldsFragment[] = [];
const RECENT_KEPT = 50;

/** Live events heard in this tab, newest first. */
export const recentLiveNotifications = (): readonly NotificationFieldsFragment[] => recent;

/** Asks the panel for the count: once when the shell opens, again after the stream resyncs. */
export async function loadUnreadCount(): Promise<void> {
  setUnreadCount((await request(UnreadCount)).notificationFeed.unreadCount);
}

/** Moves the count by `delta` (a new event: +1; marked read: minus how many changed), never below 0. */
export function adjustUnreadCount(delta: number): void {
  setUnreadCount((count) => (count === null ? null : Math.max(0, count + delta)));
}

/**
 * An event from the live stream: unread for everyone who hears it, so the count goes up. The
 * stream carries what a toast needs (its payload has no per-reader `read`); the centre's row is
 * completed here.
 */
export function receiveLiveNotification(notification: NotificationUpdatesSubscription["notifications"]): void {
  adjustUnreadCount(1);
  const row: NotificationFieldsFragment = { ...notification, read: false, invoiceId: null };
  recent.unshift(row);
  recent.length = Math.min(recent.length, RECENT_KEPT);
  for (const listener of listeners) listener(row);
}

/** Hears each live event until the returned function is called (a page's cleanup). */
export function onLiveNotification(listener: (notification: NotificationFieldsFragment) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
