import type { NotificationFieldsFragment } from "../graphql/generated/graphql";
import type { KeysetPage } from "../lib/keyset";

type Notification = NotificationFieldsFragment;

/** A page of the feed with how many of the events it may show are unread (narrowed to its kind). */
export interface FeedPage extends KeysetPage<Notification> {
  unreadCount: number;
}

/**
 * The feed's first page with the live events heard in this tab that it does not hold yet on top,
 * counted as unread with it: the stream tells at once, the queue stores a moment later, and an
 * event the bell counted must not go missing from the centre, nor from the bell, when the centre
 * opens in between.
 */
export function withLive(page: FeedPage, live: readonly Notification[], kind: string): FeedPage {
  const held = new Set(page.items.map((n) => n.id));
  const newest = page.items[0] ? Date.parse(page.items[0].at) : 0;
  const missing = live.filter((n) => !held.has(n.id) && Date.parse(n.at) >= newest && (!kind || kind === n.kind));
  return {
    ...page,
    items: [...missing, ...page.items],
    unreadCount: page.unreadCount + missing.filter((n) => !n.read).length,
  };
}
