/**
 * The delivery log: each event sent to each channel, filtered by channel and status, with its
 * attempts, the endpoint's last answer and when the next attempt is due. `dead` makes it the
 * dead-letter view (status DEAD), with replay for one delivery or all of them. While any shown
 * delivery is still being tried, the log reads itself again every few seconds.
 */
import { useAction } from "@solidjs/router";
import { createEffect, createSignal, For, onCleanup, Show } from "solid-js";
import { ErrorBox, Skeleton } from "../components/Async";
import { Table } from "../components/Table";
import { notify } from "../components/toast";
import type { ChannelFieldsFragment, DeliveryStatus } from "../graphql/generated/graphql";
import { locale, t } from "../i18n";
import { createAction } from "../lib/action";
import { formatDateTime, formatRelative } from "../lib/format";
import { createKeysetList } from "../lib/keyset";
import { type DeliveryFilter, inFlight, loadDeliveries, replayDead, replayDelivery } from "./data";

const STATUSES = ["PENDING", "RETRYING", "DELIVERED", "DEAD"] as const satisfies DeliveryStatus[];
const FOLLOW_MS = 3000;

export function DeliveryLog(props: { channels: ChannelFieldsFragment[]; dead?: boolean }) {
  const [channelId, setChannelId] = createSignal("");
  const [status, setStatus] = createSignal<DeliveryStatus | "">("");
  const filter = (): DeliveryFilter => ({ channelId: channelId(), status: props.dead ? "DEAD" : status() });
  const log = createKeysetList(filter, loadDeliveries);
  const replayOne = useAction(replayDelivery);
  const replayAll = useAction(replayDead);
  const action = createAction();

  createEffect(() => {
    if (!log.items().some(inFlight)) return;
    const timer = setTimeout(() => void log.reload(), FOLLOW_MS);
    onCleanup(() => clearTimeout(timer));
  });

  const replay = (id: string) =>
    action.run(async () => {
      await replayOne(id);
      await log.reload();
    });
  const replayEvery = () =>
    action.run(async () => {
      const ids = channelId() ? [channelId()] : props.channels.filter((c) => c.failing > 0).map((c) => c.id);
      const count = await replayAll(ids);
      notify(t("deliveries.replayed", { count }));
      await log.reload();
    });

  return (
    <section class="stack" data-testid={props.dead ? "dead-letters" : "delivery-log"}>
      <div class="toolbar">
        <label>
          {t("deliveries.channel")}
          <select value={channelId()} onChange={(e) => setChannelId(e.currentTarget.value)}>
            <option value="">{t("deliveries.allChannels")}</option>
            <For each={props.channels}>{(c) => <option value={c.id}>{c.name}</option>}</For>
          </select>
        </label>
        <Show
          when={props.dead}
          fallback={
            <label>
              {t("deliveries.status")}
              <select value={status()} onChange={(e) => setStatus(e.currentTarget.value as DeliveryStatus | "")}>
                <option value="">{t("deliveries.allStatuses")}</option>
                <For each={STATUSES}>{(s) => <option value={s}>{t(`deliveryStatus.${s}`)}</option>}</For>
              </select>
            </label>
          }
        >
          <button
            type="button"
            class="primary"
            disabled={action.busy() || log.items().length === 0}
            onClick={() => void replayEvery()}
          >
            {t("deliveries.replayAll")}
          </button>
        </Show>
        <span class="grow" />
        <button type="button" disabled={log.loading()} onClick={() => void log.reload()}>
          {t("action.refresh")}
        </button>
      </div>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
      <Show when={log.error()}>
        <ErrorBox error={log.error()} retry={() => void log.reload()} />
      </Show>
      <Show
        when={log.loaded()}
        fallback={
          <Show when={!log.error()}>
            <Skeleton lines={4} />
          </Show>
        }
      >
        <Table
          headers={[
            t("deliveries.created"),
            t("deliveries.channel"),
            t("deliveries.event"),
            t("deliveries.status"),
            t("deliveries.attempts"),
            t("deliveries.lastAnswer"),
            t("deliveries.next"),
            t("deliveries.deliveredAt"),
            "",
          ]}
          rows={log.items()}
          busy={log.loading()}
          empty={props.dead ? t("deliveries.noDead") : t("deliveries.none")}
        >
          {(d) => (
            <tr data-delivery={d.id} data-event-kind={d.eventKind}>
              <td title={formatDateTime(d.createdAt, locale())}>{formatRelative(d.createdAt, locale())}</td>
              <td>{d.channel.name}</td>
              <td class="ltr">{d.eventKind}</td>
              <td>
                <span class={`badge ${d.status}`} data-testid="delivery-status">
                  {t(`deliveryStatus.${d.status}`)}
                </span>
              </td>
              <td data-testid="delivery-attempts">{d.attempts}</td>
              <td>
                <span class="ltr">{d.lastStatusCode ?? "—"}</span>
                <Show when={d.lastError}>
                  <div class="error">{d.lastError}</div>
                </Show>
              </td>
              <td>{d.nextAttemptAt ? formatRelative(d.nextAttemptAt, locale()) : "—"}</td>
              <td>{d.deliveredAt ? formatDateTime(d.deliveredAt, locale()) : "—"}</td>
              <td>
                <Show when={d.status === "DEAD" || d.status === "RETRYING"}>
                  <button type="button" disabled={action.busy()} onClick={() => void replay(d.id)}>
                    {t("deliveries.replay")}
                  </button>
                </Show>
              </td>
            </tr>
          )}
        </Table>
        <Show when={log.hasMore()}>
          <div class="actions">
            <button type="button" disabled={log.loading()} onClick={() => void log.more()}>
              {t("action.loadMore")}
            </button>
          </div>
        </Show>
      </Show>
    </section>
  );
}
