/** One user: usage (live) and its chart, the subscription link with copy and QR, devices, link and credential rotation, edit. */
import { Tabs } from "@kobalte/core/tabs";
import { A, useAction, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createSignal, on, Show } from "solid-js";
import { errorText, Loaded, Skeleton, settled } from "../components/Async";
import { CopyButton } from "../components/Copy";
import { LiveDot } from "../components/LiveDot";
import { Confirm, Modal } from "../components/Modal";
import { Qr } from "../components/Qr";
import { notify } from "../components/toast";
import { TrafficChart } from "../components/TrafficChart";
import { UserTrafficUpdates } from "../graphql/live";
import type { TrafficRange } from "../graphql/generated/graphql";
import { createQuery, reloadQueries } from "../lib/query";
import {
  deleteUser,
  removeDevice,
  resetUsage,
  revokeCredentials,
  rotateLink,
  updateUser,
  userQuery,
  userSeriesQuery,
} from "./data";
import { locale, t } from "../i18n";
import { formatDate, formatDateTime, formatRelative } from "../lib/format";
import { useLive } from "../live/use-live";
import { userToForm } from "./form";
import { UserForm } from "./UserForm";
import { UsageBar } from "../components/UsageBar";
import { Table } from "../components/Table";
import { UserInsights } from "../analytics/UserInsights";
import { UserInvoices } from "./UserInvoices";

export default function UserDetailPage() {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const detail = createQuery(() => userQuery(params.id));
  const [range, setRange] = createSignal<TrafficRange>("WEEK");
  const series = createQuery(() => userSeriesQuery(params.id, range()));
  // Usage the stream reported since the last load; every load (after a change, a resync) starts from its snapshot.
  const [streamedUsage, setStreamedUsage] = createSignal<{ userId: string; bytes: number }>();
  createEffect(
    on(
      () => settled(detail),
      () => setStreamedUsage(undefined),
    ),
  );
  const reload = () => reloadQueries(userQuery);
  const usedTraffic = (user: { id: string; usedTraffic: number }) => {
    const streamed = streamedUsage();
    return streamed?.userId === user.id ? streamed.bytes : user.usedTraffic;
  };
  const live = useLive(
    UserTrafficUpdates,
    () => ({ userId: params.id }),
    (data) => setStreamedUsage({ userId: data.userTraffic.userId, bytes: data.userTraffic.usedTraffic }),
    reload,
  );
  const rotateOne = useAction(rotateLink);
  const revokeOne = useAction(revokeCredentials);
  const resetOne = useAction(resetUsage);
  const update = useAction(updateUser);
  const remove = useAction(deleteUser);
  const forget = useAction(removeDevice);
  const [editing, setEditing] = createSignal(false);
  const [confirmRotate, setConfirmRotate] = createSignal(false);
  const [confirmRevoke, setConfirmRevoke] = createSignal(false);
  const [confirmDelete, setConfirmDelete] = createSignal(false);

  const rotate = async () => {
    await rotateOne(params.id);
    notify(t("user.rotated"));
  };
  const revoke = async () => {
    await revokeOne(params.id);
    notify(t("user.revoked"));
  };
  // A reseller's reset draws on its data quota and may be refused: the server's message says what is left.
  const reset = async () => {
    try {
      await resetOne(params.id);
      notify(t("state.saved"));
    } catch (error) {
      notify(errorText(error), "error");
    }
  };

  return (
    <Loaded resource={detail} retry={reload} skeleton={<Skeleton lines={8} />}>
      {(data) => (
        <Show
          when={data.user}
          fallback={
            <p role="alert">
              {t("state.notFound")} <A href="/users">{t("nav.users")}</A>
            </p>
          }
        >
          {(user) => (
            <>
              <div class="toolbar">
                <h1 class="grow">
                  {user().username}{" "}
                  <span class={`badge ${user().status}`}>{t(`status.${user().status as "ACTIVE"}`)}</span>
                </h1>
                <LiveDot state={live()} />
                <button type="button" onClick={() => setEditing(true)}>
                  {t("action.edit")}
                </button>
                <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
                  {t("action.delete")}
                </button>
              </div>
              <div class="cards">
                <section class="card" aria-labelledby="usage-title">
                  <h2 id="usage-title">{t("user.usage")}</h2>
                  <UsageBar used={usedTraffic(user())} limit={user().dataLimit} />
                  <dl class="stats" style={{ "margin-block-start": "0.75rem" }}>
                    <div>
                      <dt>{t("user.expiry")}</dt>
                      <dd style={{ "font-size": "1rem" }}>
                        {user().status === "ON_HOLD" && user().onHoldExpireDays
                          ? t("expiry.onHoldDays", { count: user().onHoldExpireDays! })
                          : user().expireAt
                            ? formatDate(user().expireAt!, locale())
                            : t("expiry.never")}
                      </dd>
                    </div>
                    <div>
                      <dt>{t("user.resetStrategy")}</dt>
                      <dd style={{ "font-size": "1rem" }}>{t(`reset.${user().resetStrategy as "NONE"}`)}</dd>
                    </div>
                    <div>
                      <dt>{t("user.owner")}</dt>
                      <dd style={{ "font-size": "1rem" }}>{user().owner.username}</dd>
                    </div>
                    <div>
                      <dt>{t("nav.groups")}</dt>
                      <dd style={{ "font-size": "1rem" }}>
                        {user()
                          .groups.map((g) => g.name)
                          .join(", ") || "—"}
                      </dd>
                    </div>
                  </dl>
                  <Show when={user().note}>
                    <p class="muted">{user().note}</p>
                  </Show>
                  <div class="actions" style={{ "justify-content": "flex-start" }}>
                    <button type="button" onClick={() => void reset()}>
                      {t("bulk.resetUsage")}
                    </button>
                  </div>
                </section>
                <section class="card" aria-labelledby="sub-title">
                  <h2 id="sub-title">{t("user.subscription")}</h2>
                  <p class="ltr" style={{ "word-break": "break-all" }} data-testid="subscription-url">
                    {user().subscriptionUrl}
                  </p>
                  <div class="actions" style={{ "justify-content": "flex-start" }}>
                    <CopyButton text={user().subscriptionUrl} />
                    <a href={user().subscriptionUrl} target="_blank" rel="noopener">
                      {t("user.openPage")}
                    </a>
                    <button type="button" onClick={() => setConfirmRotate(true)}>
                      {t("user.rotate")}
                    </button>
                    <button type="button" class="danger" onClick={() => setConfirmRevoke(true)}>
                      {t("user.revoke")}
                    </button>
                  </div>
                  <details>
                    <summary>{t("user.qr")}</summary>
                    <Qr text={user().subscriptionUrl} label={t("user.qrLabel", { name: user().username })} />
                  </details>
                </section>
              </div>
              <UserInvoices userId={user().id} />
              <UserInsights userId={user().id} />
              <section class="card" aria-labelledby="chart-title" style={{ "margin-block-end": "1rem" }}>
                <h2 id="chart-title">{t("dashboard.traffic")}</h2>
                <Tabs value={range()} onChange={(v) => setRange(v as TrafficRange)}>
                  <Tabs.List class="tabs-list" aria-label={t("dashboard.traffic")}>
                    <Tabs.Trigger value="DAY">{t("range.DAY")}</Tabs.Trigger>
                    <Tabs.Trigger value="WEEK">{t("range.WEEK")}</Tabs.Trigger>
                    <Tabs.Trigger value="MONTH">{t("range.MONTH")}</Tabs.Trigger>
                  </Tabs.List>
                </Tabs>
                <Loaded resource={series} retry={() => reloadQueries(userSeriesQuery)} skeleton={<Skeleton block />}>
                  {(points) => <TrafficChart points={points} label={t("dashboard.traffic")} />}
                </Loaded>
              </section>
              <section class="card" aria-labelledby="devices-title">
                <h2 id="devices-title">{t("user.devices")}</h2>
                <Table
                  headers={[t("device.platform"), t("device.model"), t("device.lastSeen"), t("device.firstSeen"), ""]}
                  rows={data.userDevices}
                  empty={t("user.noDevices")}
                >
                  {(device) => (
                    <tr>
                      <td>{[device.platform, device.osVersion].filter(Boolean).join(" ") || "—"}</td>
                      <td title={device.userAgent ?? ""}>{device.model ?? device.hwid}</td>
                      <td>{formatRelative(device.lastSeenAt, locale())}</td>
                      <td>{formatDateTime(device.firstSeenAt, locale())}</td>
                      <td>
                        <button type="button" onClick={() => void forget(user().id, device.hwid)}>
                          {t("action.remove")}
                        </button>
                      </td>
                    </tr>
                  )}
                </Table>
              </section>
              <Modal open={editing()} onOpenChange={setEditing} title={t("action.edit")}>
                <UserForm
                  initial={userToForm(user())}
                  submitLabel={t("action.save")}
                  onSubmit={async (input) => {
                    await update(user().id, input);
                    setEditing(false);
                    notify(t("state.saved"));
                  }}
                />
              </Modal>
              <Confirm
                open={confirmRotate()}
                onOpenChange={setConfirmRotate}
                title={t("user.rotate")}
                message={t("user.rotateWarning")}
                confirmLabel={t("user.rotate")}
                onConfirm={() => void rotate()}
              />
              <Confirm
                open={confirmRevoke()}
                onOpenChange={setConfirmRevoke}
                title={t("user.revoke")}
                message={t("user.revokeWarning")}
                confirmLabel={t("user.revoke")}
                onConfirm={() => void revoke()}
              />
              <Confirm
                open={confirmDelete()}
                onOpenChange={setConfirmDelete}
                title={t("action.delete")}
                message={t("user.deleteWarning", { name: user().username })}
                confirmLabel={t("action.delete")}
                onConfirm={async () => {
                  await remove(user().id);
                  navigate("/users", { replace: true });
                }}
              />
            </>
          )}
        </Show>
      )}
    </Loaded>
  );
}
