/**
 * Where events go: each admin's webhooks and Telegram chats (the owner sees everyone's), with how
 * each is doing; create a webhook (its secret shown once), edit, turn on and off, rotate the
 * secret, delete, and send a test whose delivery is followed until it lands or dies. Below: the
 * delivery log, the dead letters, and the Telegram bot.
 */
import { Tabs } from "@kobalte/core/tabs";
import { useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ErrorBox, Loaded, Skeleton } from "../components/Async";
import { ConfirmDelete, Modal } from "../components/Modal";
import { RowActions, Table } from "../components/Table";
import { notify } from "../components/toast";
import type { ChannelFieldsFragment } from "../graphql/generated/graphql";
import { t } from "../i18n";
import "../i18n/monitoring-en";
import { createAction } from "../lib/action";
import { createJobWatch } from "../lib/poll";
import { createQuery, reloadQueries } from "../lib/query";
import { ChannelForm } from "./ChannelForm";
import {
  channelsQuery,
  createWebhook,
  type Delivery,
  deleteChannel,
  inFlight,
  loadDelivery,
  rotateSecret,
  testChannel,
  updateChannel,
} from "./data";
import { DeliveryLog } from "./DeliveryLog";
import { SecretOnce } from "./SecretOnce";
import { TelegramCard } from "./TelegramCard";

type Channel = ChannelFieldsFragment;

export default function ChannelsPage() {
  const data = createQuery(() => channelsQuery());
  const reload = () => reloadQueries(channelsQuery);
  const create = useAction(createWebhook);
  const update = useAction(updateChannel);
  const remove = useAction(deleteChannel);
  const rotate = useAction(rotateSecret);
  const test = useAction(testChannel);
  const action = createAction();
  const [creating, setCreating] = createSignal(false);
  const [editing, setEditing] = createSignal<Channel | null>(null);
  const [removing, setRemoving] = createSignal<Channel | null>(null);
  const [secret, setSecret] = createSignal<string | null>(null);
  const [tab, setTab] = createSignal("log");
  // The test delivery's channel, for finding it again in that channel's log.
  let testedChannelId = "";
  const testWatch = createJobWatch<Delivery>({
    load: (id) => loadDelivery(testedChannelId, id),
    running: inFlight,
    finished: reload,
  });

  const runTest = (channel: Channel) =>
    action.run(async () => {
      testedChannelId = channel.id;
      testWatch.follow(await test(channel.id));
    });
  const setEnabled = (channel: Channel, enabled: boolean) => action.run(() => update(channel.id, { enabled }));
  const newSecret = (channel: Channel) => action.run(async () => setSecret((await rotate(channel.id)).secret));

  return (
    <>
      <div class="toolbar">
        <h1 class="grow">{t("nav.channels")}</h1>
        <button type="button" class="primary" onClick={() => setCreating(true)} data-testid="new-webhook">
          {t("channels.newWebhook")}
        </button>
      </div>
      <p class="muted">{t("channels.intro")}</p>
      <Show when={action.error()}>
        <ErrorBox error={action.error()} />
      </Show>
      <Show when={testWatch.job()}>
        {(d) => (
          <p class="card" role="status" data-testid="test-delivery">
            {t("channels.testStatus", { name: d().channel.name })}{" "}
            <span class={`badge ${d().status}`}>{t(`deliveryStatus.${d().status}`)}</span>
            <Show when={d().lastStatusCode != null}>
              {" "}
              <span class="ltr muted">HTTP {d().lastStatusCode}</span>
            </Show>
            <Show when={d().lastError}>
              <span class="error"> {d().lastError}</span>
            </Show>
          </p>
        )}
      </Show>
      <Loaded resource={data} retry={reload} skeleton={<Skeleton lines={4} />}>
        {(d) => (
          <>
            <Table
              headers={[
                t("channels.name"),
                t("channels.kind"),
                t("channels.owner"),
                t("channels.state"),
                t("channels.delivered24h"),
                t("channels.failing"),
                "",
              ]}
              rows={d.notificationChannels}
              empty={t("channels.none")}
            >
              {(channel) => (
                <tr data-channel={channel.id}>
                  <td>
                    <div>{channel.name}</div>
                    <div class="muted ltr" style={{ "word-break": "break-all" }}>
                      {channel.url ?? channel.telegramChatId}
                    </div>
                  </td>
                  <td>{t(`channelKind.${channel.kind}`)}</td>
                  <td>{channel.owner}</td>
                  <td>
                    <span class={`badge ${channel.enabled ? "ACTIVE" : "DISABLED"}`}>
                      {channel.enabled ? t("channels.enabled") : t("channels.disabled")}
                    </span>
                    <Show when={channel.disabledReason}>
                      <div class="error">{channel.disabledReason}</div>
                    </Show>
                  </td>
                  <td>{channel.delivered24h}</td>
                  <td classList={{ error: channel.failing > 0 }}>{channel.failing}</td>
                  <RowActions onEdit={() => setEditing(channel)} onDelete={() => setRemoving(channel)}>
                    <button type="button" disabled={action.busy()} onClick={() => void runTest(channel)}>
                      {t("channels.test")}
                    </button>
                    <button
                      type="button"
                      disabled={action.busy()}
                      onClick={() => void setEnabled(channel, !channel.enabled)}
                    >
                      {channel.enabled ? t("channels.disable") : t("channels.enable")}
                    </button>
                    <Show when={channel.kind === "WEBHOOK"}>
                      <button type="button" disabled={action.busy()} onClick={() => void newSecret(channel)}>
                        {t("channels.rotate")}
                      </button>
                    </Show>
                  </RowActions>
                </tr>
              )}
            </Table>
            <Tabs value={tab()} onChange={setTab} class="section-tabs">
              <Tabs.List class="tabs-list" aria-label={t("deliveries.title")}>
                <Tabs.Trigger value="log">{t("deliveries.title")}</Tabs.Trigger>
                <Tabs.Trigger value="dead">{t("deliveries.dead")}</Tabs.Trigger>
              </Tabs.List>
              <Tabs.Content value="log">
                <DeliveryLog channels={d.notificationChannels} />
              </Tabs.Content>
              <Tabs.Content value="dead">
                <DeliveryLog channels={d.notificationChannels} dead />
              </Tabs.Content>
            </Tabs>
            <Modal open={creating()} onOpenChange={setCreating} title={t("channels.newWebhook")}>
              <ChannelForm
                kinds={d.eventCatalogue.kinds}
                submitLabel={t("action.create")}
                onSubmit={async (input) => {
                  const created = await create(input);
                  setCreating(false);
                  setSecret(created.secret);
                }}
              />
            </Modal>
            <Modal
              open={editing() !== null}
              onOpenChange={(open) => !open && setEditing(null)}
              title={t("action.edit")}
            >
              <Show when={editing()}>
                {(channel) => (
                  <ChannelForm
                    channel={channel()}
                    kinds={d.eventCatalogue.kinds}
                    submitLabel={t("action.save")}
                    onSubmit={async ({ url, ...input }) => {
                      await update(channel().id, channel().kind === "WEBHOOK" ? { ...input, url } : input);
                      setEditing(null);
                      notify(t("state.saved"));
                    }}
                  />
                )}
              </Show>
            </Modal>
          </>
        )}
      </Loaded>
      <div style={{ "margin-block-start": "1rem" }}>
        <TelegramCard />
      </div>
      <SecretOnce secret={secret()} onClose={() => setSecret(null)} />
      <ConfirmDelete
        item={removing()}
        onClose={() => setRemoving(null)}
        message={(channel) => t("channels.deleteWarning", { name: channel.name })}
        onDelete={(channel) => remove(channel.id).catch(action.setError)}
      />
    </>
  );
}
