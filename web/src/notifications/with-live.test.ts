import { describe, expect, it } from "vitest";
import type { NotificationFieldsFragment as Notification } from "../graphql/generated/graphql";
import { type FeedPage, withLive } from "./with-live";

const event = (id: string, at: string, kind = "user.disabled"): Notification =>
  ({
    id,
    at,
    kind,
    read: false,
    message: id,
    severity: "INFO",
    serverId: null,
    userId: null,
    invoiceId: null,
  }) as Notification;

const page = (items: Notification[], unreadCount: number): FeedPage => ({
  items,
  endCursor: null,
  hasNextPage: false,
  unreadCount,
});

describe("the centre's first page with the live events", () => {
  it("counts a live event the queue has not stored yet as unread, and shows it on top", () => {
    const live = event("live", "2026-12-08T02:00:05Z");
    const stored = event("stored", "2026-12-08T02:00:00Z");
    const shown = withLive(page([stored], 1), [live], "");
    expect(shown.items.map((n) => n.id)).toEqual(["live", "stored"]);
    expect(shown.unreadCount).toBe(2);
  });

  it("counts a live event once it is stored, and leaves out other kinds when narrowed", () => {
    const stored = event("e1", "2026-12-08T02:00:05Z");
    expect(withLive(page([stored], 1), [stored], "")).toMatchObject({ unreadCount: 1, items: [stored] });
    const other = event("e2", "2026-12-08T02:00:09Z", "server.offline");
    expect(withLive(page([stored], 1), [other], "user.disabled")).toMatchObject({ unreadCount: 1, items: [stored] });
  });
});
