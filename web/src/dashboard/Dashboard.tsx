/**
 * The dashboard: nodes online and offline, users by status, traffic now and over 24 h / 7 d / 30 d,
 * and whether the panel itself is healthy. Live figures come from the systemMetrics stream; each
 * card loads and fails on its own so one missing figure never blanks the page.
 */
import { Tabs } from "@kobalte/core/tabs";
import { createSignal, For, Show } from "solid-js";
import { ErrorBox, Loaded, Skeleton, settled } from "../components/Async";
import { LiveDot } from "../components/LiveDot";
import { TrafficChart } from "../components/TrafficChart";
import { SystemMetricsUpdates } from "../graphql/live";
import { locale, t, type MessageKey } from "../i18n";
import { formatDateTime, formatNumber, formatRate } from "../lib/format";
import { useLive } from "../live/use-live";
import type { SystemMetricsFieldsFragment, TrafficRange, UserCountsFieldsFragment } from "../graphql/generated/graphql";
import { createQuery, reloadQueries } from "../lib/query";
import { metricsQuery, seriesQuery, summaryQuery } from "./dashboard-data";

const USER_STATUSES: [keyof UserCountsFieldsFragment, MessageKey][] = [
  ["total", "users.total"],
  ["active", "status.ACTIVE"],
  ["onHold", "status.ON_HOLD"],
  ["limited", "status.LIMITED"],
  ["expired", "status.EXPIRED"],
  ["disabled", "status.DISABLED"],
];
const RANGES = [
  ["DAY", "range.DAY"],
  ["WEEK", "range.WEEK"],
  ["MONTH", "range.MONTH"],
] as const;

function countServers(servers: { status: string }[]) {
  const by = (status: string) => servers.filter((s) => s.status === status).length;
  return { online: by("ONLINE"), offline: by("OFFLINE"), degraded: by("DEGRADED"), pending: by("PENDING") };
}

export default function Dashboard() {
  const summary = createQuery(() => summaryQuery());
  const metrics = createQuery(() => metricsQuery());
  const [range, setRange] = createSignal<TrafficRange>("DAY");
  const series = createQuery(() => seriesQuery(range()));
  // What the stream delivered since the last snapshot; a resync drops it for the fresh snapshot.
  const [streamed, setStreamed] = createSignal<SystemMetricsFieldsFragment>();
  const reloadSnapshot = () => {
    setStreamed(undefined);
    reloadQueries(summaryQuery, metricsQuery);
  };
  const live = useLive(
    SystemMetricsUpdates,
    () => ({}),
    (data) => setStreamed(data.systemMetrics),
    reloadSnapshot,
  );
  const latestMetrics = () => streamed() ?? settled(metrics);

  // Live figures when the stream has delivered them; the summary query's counts until then.
  const users = () => latestMetrics()?.users ?? settled(summary)?.systemStatus.users;
  const nodes = () => {
    const m = latestMetrics();
    if (m) return { online: m.serversOnline, offline: m.serversOffline, degraded: m.serversDegraded, pending: 0 };
    const s = settled(summary);
    return s ? countServers(s.servers) : undefined;
  };

  return (
    <>
      <div class="toolbar">
        <h1 class="grow">{t("nav.dashboard")}</h1>
        <LiveDot state={live()} />
      </div>
      <Show when={summary.error}>
        <ErrorBox error={summary.error} retry={() => reloadQueries(summaryQuery)} />
      </Show>
      <div class="cards">
        <section class="card" aria-labelledby="nodes-card" data-testid="nodes-card">
          <h2 id="nodes-card">{t("nav.nodes")}</h2>
          <Show when={nodes()} fallback={<Skeleton lines={2} />}>
            {(n) => (
              <dl class="stats">
                <div>
                  <dt>{t("serverStatus.ONLINE")}</dt>
                  <dd data-testid="nodes-online">{formatNumber(n().online, locale())}</dd>
                </div>
                <div>
                  <dt>{t("serverStatus.OFFLINE")}</dt>
                  <dd data-testid="nodes-offline">{formatNumber(n().offline, locale())}</dd>
                </div>
                <div>
                  <dt>{t("serverStatus.DEGRADED")}</dt>
                  <dd>{formatNumber(n().degraded, locale())}</dd>
                </div>
              </dl>
            )}
          </Show>
        </section>
        <section class="card" aria-labelledby="traffic-now">
          <h2 id="traffic-now">{t("dashboard.trafficNow")}</h2>
          <Loaded resource={metrics} retry={reloadSnapshot} skeleton={<Skeleton lines={2} />}>
            {(snapshot) => (
              <dl class="stats">
                <div>
                  <dt>{t("traffic.upload")}</dt>
                  <dd>{formatRate((streamed() ?? snapshot).uploadRate, locale())}</dd>
                </div>
                <div>
                  <dt>{t("traffic.download")}</dt>
                  <dd>{formatRate((streamed() ?? snapshot).downloadRate, locale())}</dd>
                </div>
              </dl>
            )}
          </Loaded>
        </section>
        <section class="card" aria-labelledby="system-card">
          <h2 id="system-card">{t("dashboard.system")}</h2>
          <Show when={settled(summary)} fallback={<Skeleton lines={2} />}>
            {(s) => (
              <dl class="stats">
                <div>
                  <dt>{t("dashboard.health")}</dt>
                  <dd class={s().healthCheck.ok ? "" : "error"}>
                    {s().healthCheck.ok ? t("dashboard.ok") : t("dashboard.down")}
                  </dd>
                </div>
                <div>
                  <dt>{t("nav.inbounds")}</dt>
                  <dd>{s().systemStatus.inbounds}</dd>
                </div>
                <div>
                  <dt>{t("nav.groups")}</dt>
                  <dd>{s().systemStatus.groups}</dd>
                </div>
                <div>
                  <dt>{t("dashboard.version")}</dt>
                  <dd style={{ "font-size": "1rem" }}>{s().systemStatus.version}</dd>
                </div>
              </dl>
            )}
          </Show>
        </section>
      </div>
      <section
        class="card"
        aria-labelledby="users-card"
        style={{ "margin-block-end": "1rem" }}
        data-testid="users-card"
      >
        <h2 id="users-card">{t("nav.users")}</h2>
        <Show when={users()} fallback={<Skeleton lines={2} />}>
          {(u) => (
            <dl class="stats">
              <For each={USER_STATUSES}>
                {([key, label]) => (
                  <div>
                    <dt>{t(label)}</dt>
                    <dd>{formatNumber(u()[key], locale())}</dd>
                  </div>
                )}
              </For>
            </dl>
          )}
        </Show>
      </section>
      <section class="card" aria-labelledby="traffic-card">
        <h2 id="traffic-card">{t("dashboard.traffic")}</h2>
        <Tabs value={range()} onChange={(v) => setRange(v as TrafficRange)}>
          <Tabs.List class="tabs-list" aria-label={t("dashboard.traffic")}>
            <For each={RANGES}>{([value, label]) => <Tabs.Trigger value={value}>{t(label)}</Tabs.Trigger>}</For>
          </Tabs.List>
        </Tabs>
        <Loaded resource={series} retry={() => reloadQueries(seriesQuery)} skeleton={<Skeleton block />}>
          {(points) => <TrafficChart points={points} label={t("dashboard.traffic")} />}
        </Loaded>
        <Show when={latestMetrics()}>
          {(m) => <p class="muted">{t("dashboard.updated", { at: formatDateTime(m().at, locale()) })}</p>}
        </Show>
      </section>
    </>
  );
}
