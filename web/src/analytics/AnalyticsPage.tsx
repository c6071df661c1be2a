/**
 * Analytics over a period: totals and traffic over time, by node, by inbound, the top users,
 * users by status per day, revenue (for those who may see billing), recent anomalies; and the
 * exports.
 */
import { PeriodTabs } from "../components/PeriodTabs";
import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Loaded, Skeleton } from "../components/Async";
import { Table } from "../components/Table";
import { TrafficChart } from "../components/TrafficChart";
import type { TimePeriod } from "../graphql/generated/graphql";
import { locale, t } from "../i18n";
import "../i18n/monitoring-en";
import { formatBytes, formatDate, formatNumber } from "../lib/format";
import { createQuery, reloadQueries } from "../lib/query";
import { AnomalyTable } from "./AnomalyTable";
import { analyticsQuery } from "./data";
import { ExportCard } from "./ExportCard";
import { STATUS_ORDER, statusBars } from "./status-bars";

const PERIODS = ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"] as const satisfies TimePeriod[];

export default function AnalyticsPage() {
  const [period, setPeriod] = createSignal<TimePeriod>("WEEK");
  const data = createQuery(() => analyticsQuery(period()));
  const bytes = (n: number) => formatBytes(n, locale());

  return (
    <>
      <div class="toolbar">
        <h1 class="grow">{t("nav.analytics")}</h1>
        <PeriodTabs periods={PERIODS} value={period()} onChange={setPeriod} />
      </div>
      <Loaded resource={data} retry={() => reloadQueries(analyticsQuery)} skeleton={<Skeleton lines={8} />}>
        {(a) => (
          <div class="stack">
            <section class="card" aria-labelledby="analytics-traffic">
              <h2 id="analytics-traffic">{t("analytics.traffic")}</h2>
              <dl class="stats">
                <div>
                  <dt>{t("traffic.upload")}</dt>
                  <dd data-testid="analytics-upload">{bytes(a.upload)}</dd>
                </div>
                <div>
                  <dt>{t("traffic.download")}</dt>
                  <dd data-testid="analytics-download">{bytes(a.download)}</dd>
                </div>
                <div>
                  <dt>{t("analytics.total")}</dt>
                  <dd>{bytes(a.upload + a.download)}</dd>
                </div>
              </dl>
              <TrafficChart points={a.traffic} label={t("analytics.traffic")} />
            </section>
            <div class="cards">
              <LinkedTraffic
                id="analytics-servers"
                title={t("analytics.byServer")}
                header={t("analytics.server")}
                rows={a.byServer.map((row) => ({ ...row, href: `/nodes/${row.server.id}`, name: row.server.name }))}
              />
              <section class="card" aria-labelledby="analytics-inbounds">
                <h2 id="analytics-inbounds">{t("analytics.byInbound")}</h2>
                <Table
                  headers={[t("analytics.inbound"), t("analytics.server"), t("traffic.upload"), t("traffic.download")]}
                  rows={a.byInbound}
                  empty={t("state.noData")}
                >
                  {(row) => (
                    <tr>
                      <td class="ltr">{row.tag}</td>
                      <td>{row.server.name}</td>
                      <td>{bytes(row.upload)}</td>
                      <td>{bytes(row.download)}</td>
                    </tr>
                  )}
                </Table>
              </section>
            </div>
            <div class="cards">
              <LinkedTraffic
                id="analytics-top"
                title={t("analytics.topUsers")}
                header={t("anomaly.user")}
                rows={a.topUsers.map((row) => ({ ...row, href: `/users/${row.user.id}`, name: row.user.username }))}
              />
              <section class="card" aria-labelledby="analytics-status">
                <h2 id="analytics-status">{t("analytics.usersByStatus")}</h2>
                <StatusBars counts={a.usersByStatus} />
              </section>
            </div>
            <Show when={a.revenue}>
              {(revenue) => (
                <div class="cards">
                  <section class="card" aria-labelledby="analytics-revenue">
                    <h2 id="analytics-revenue">{t("analytics.revenue")}</h2>
                    <Table
                      headers={[
                        t("analytics.day"),
                        t("analytics.currency"),
                        t("analytics.paid"),
                        t("analytics.refunded"),
                        t("analytics.invoices"),
                      ]}
                      rows={revenue()}
                      empty={t("analytics.noRevenue")}
                    >
                      {(row) => (
                        <tr>
                          <td>{formatDate(`${row.day}T00:00:00Z`, locale())}</td>
                          <td class="ltr">{row.currency}</td>
                          <td class="ltr">{row.paid}</td>
                          <td class="ltr">{row.refunded}</td>
                          <td>{formatNumber(row.invoicesPaid, locale())}</td>
                        </tr>
                      )}
                    </Table>
                  </section>
                  <section class="card" aria-labelledby="analytics-plans">
                    <h2 id="analytics-plans">{t("analytics.revenueByPlan")}</h2>
                    <Table
                      headers={[
                        t("analytics.plan"),
                        t("analytics.currency"),
                        t("analytics.paid"),
                        t("analytics.refunded"),
                        t("analytics.invoices"),
                      ]}
                      rows={a.revenueByPlan ?? []}
                      empty={t("analytics.noRevenue")}
                    >
                      {(row) => (
                        <tr>
                          <td>{row.plan?.name ?? "—"}</td>
                          <td class="ltr">{row.currency}</td>
                          <td class="ltr">{row.paid}</td>
                          <td class="ltr">{row.refunded}</td>
                          <td>{formatNumber(row.invoicesPaid, locale())}</td>
                        </tr>
                      )}
                    </Table>
                  </section>
                </div>
              )}
            </Show>
            <section class="card" aria-labelledby="analytics-anomalies">
              <h2 id="analytics-anomalies">{t("analytics.anomalies")}</h2>
              <AnomalyTable anomalies={a.anomalies} showUser />
            </section>
          </div>
        )}
      </Loaded>
      <div style={{ "margin-block-start": "1rem" }}>
        <ExportCard />
      </div>
    </>
  );
}

/** Traffic per node or per user, each row linking to its page. */
function LinkedTraffic(props: {
  id: string;
  title: string;
  header: string;
  rows: { href: string; name: string; upload: number; download: number }[];
}) {
  const bytes = (n: number) => formatBytes(n, locale());
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <Table
        headers={[props.header, t("traffic.upload"), t("traffic.download")]}
        rows={props.rows}
        empty={t("state.noData")}
      >
        {(row) => (
          <tr>
            <td>
              <A href={row.href}>{row.name}</A>
            </td>
            <td>{bytes(row.upload)}</td>
            <td>{bytes(row.download)}</td>
          </tr>
        )}
      </Table>
    </section>
  );
}

function StatusBars(props: { counts: Parameters<typeof statusBars>[0] }) {
  const bars = () => statusBars(props.counts);
  return (
    <Show when={bars().length > 0} fallback={<p class="muted">{t("state.noData")}</p>}>
      <div class="status-bars" role="img" aria-label={t("analytics.usersByStatus")}>
        <For each={bars()}>
          {(bar) => (
            <div
              class="status-bar"
              style={{ height: `${bar.heightPercent}%` }}
              title={`${formatDate(`${bar.day}T00:00:00Z`, locale())}: ${bar.segments
                .map((s) => `${t(`status.${s.status}`)} ${formatNumber(s.count, locale())}`)
                .join(", ")}`}
            >
              <For each={bar.segments}>
                {(s) => <span class={`segment ${s.status}`} style={{ height: `${s.percent}%` }} />}
              </For>
            </div>
          )}
        </For>
      </div>
      <div class="legend">
        <For each={STATUS_ORDER}>{(s) => <span class={`segment-key ${s}`}>{t(`status.${s}`)}</span>}</For>
      </div>
    </Show>
  );
}
