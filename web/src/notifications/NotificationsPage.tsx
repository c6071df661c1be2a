/**
 * The notification centre: what the signed-in admin may hear, newest first, with an unread filter
 * and a kind filter from the event catalogue; mark read, unread or all read. Events arriving on
 * the live stream appear at the top as they happen.
 */
import { A } from "@solidjs/router";
import { createSignal, For, onCleanup, Show } from "solid-js";
import { ErrorBox, Skeleton, settled } from "../components/Async";
import { createQuery } from "../lib/query";
import { locale, t } from "../i18n";
import "../i18n/monitoring-en";
import { createAction } from "../lib/action";
import { formatDateTime, formatRelative } from "../lib/format";
import { createKeysetList } from "../lib/keyset";
import { catalogueQuery, type FeedFilter, loadFeedWithLive, markAllRead, markRead, markUnread } from "./data";
import { onLiveNotification, unreadCount } from "./unread";

export default function NotificationsPage() {
  const catalogue = createQuery(() => catalogueQuery());
  const [filter, setFilter] = createSignal<FeedFilter>({ unreadOnly: false, kind: "" });
  // The language is part of the key: switching it reads the messages again in the new one.
  const feed = createKeysetList(() => ({ ...filter(), language: locale() }), loadFeedWithLive);
  const action = createAction();
  onCleanup(
    onLiveNotification((notification) => {
      const f = filter();
      if (!f.kind || f.kind === notification.kind) feed.prepend({ ...notification, read: false });
    }),
  );
  const setRead = (ids: string[], read: boolean) =>
    action.run(async () => {
      await (read ? markRead(ids) : markUnread(ids));
      feed.update((n) => (ids.includes(n.id) ? { ...n, read } : n));
    });
  const allRead = () =>
    action.run(async () => {
      await markAllRead();
      feed.update((n) => ({ ...n, read: true }));
    });

  return (
    <>
      <div class="toolbar">
        <h1 class="grow">{t("nav.notifications")}</h1>
        <label class="inline">
          <input
            type="checkbox"
            checked={filter().unreadOnly}
            onChange={(e) => setFilter({ ...filter(), unreadOnly: e.currentTarget.checked })}
            data-testid="unread-only"
          />
          {t("notifications.unreadOnly")}
        </label>
        <label>
          <span class="visually-hidden">{t("notifications.kind")}</span>
          <select
            aria-label={t("notifications.kind")}
            value={filter().kind}
            onChange={(e) => setFilter({ ...filter(), kind: e.currentTarget.value })}
          >
            <option value="">{t("notifications.allKinds")}</option>
            <For each={settled(catalogue)?.kinds ?? []}>{(k) => <option value={k.kind}>{k.kind}</option>}</For>
          </select>
        </label>
        <button type="button" disabled={action.busy() || unreadCount() === 0} onClick={() => void allRead()}>
          {t("notifications.markAllRead")}
        </button>
      </div>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
      <Show when={feed.error()}>
        <ErrorBox error={feed.error()} retry={() => void feed.reload()} />
      </Show>
      <Show
        when={feed.loaded()}
        fallback={
          <Show when={!feed.error()}>
            <Skeleton lines={6} />
          </Show>
        }
      >
        <ul class="feed" aria-busy={feed.loading()} data-testid="notification-feed">
          <For each={feed.items()} fallback={<li class="muted">{t("notifications.none")}</li>}>
            {(n) => (
              <li class={n.read ? "read" : "unread"} data-notification={n.id} data-kind={n.kind}>
                <span class={`badge ${n.severity}`}>{t(`severity.${n.severity}`)}</span>
                <div class="grow">
                  <div>{n.message}</div>
                  <div class="muted">
                    <span class="ltr">{n.kind}</span> ·{" "}
                    <span title={formatDateTime(n.at, locale())}>{formatRelative(n.at, locale())}</span>
                    <Show when={n.userId}>
                      {" "}
                      · <A href={`/users/${n.userId}`}>{t("notifications.openUser")}</A>
                    </Show>
                    <Show when={n.serverId}>
                      {" "}
                      · <A href={`/nodes/${n.serverId}`}>{t("notifications.openNode")}</A>
                    </Show>
                  </div>
                </div>
                <button type="button" disabled={action.busy()} onClick={() => void setRead([n.id], !n.read)}>
                  {n.read ? t("notifications.markUnread") : t("notifications.markRead")}
                </button>
              </li>
            )}
          </For>
        </ul>
        <Show when={feed.hasMore()}>
          <div class="actions">
            <button type="button" disabled={feed.loading()} onClick={() => void feed.more()}>
              {t("action.loadMore")}
            </button>
          </div>
        </Show>
      </Show>
    </>
  );
}
