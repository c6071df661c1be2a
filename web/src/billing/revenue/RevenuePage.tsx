/**
 * Revenue over a period: totals per currency, every UTC day and currency, every plan, and the
 * days as a CSV file. Amounts are the API's exact decimal strings, shown as they come: the
 * browser never adds money (totals and net are summed by the panel).
 */
import { PeriodTabs } from "../../components/PeriodTabs";
import { createSignal, type JSX, Show } from "solid-js";
import { downloadExport } from "../../analytics/export";
import { ErrorBox, Loaded, Skeleton } from "../../components/Async";
import { Table } from "../../components/Table";
import { notify } from "../../components/toast";
import { request } from "../../api/client";
import { RevenuePage as RevenueDocument } from "../../graphql/billing-revenue";
import type { TimePeriod } from "../../graphql/generated/graphql";
import { locale, t } from "../../i18n";
import "../../i18n/billing/revenue";
import "../../i18n/monitoring-en";
import { formatNumber } from "../../lib/format";
import { createQuery, reloadQueries, signedInQuery } from "../../lib/query";

const PERIODS = ["WEEK", "MONTH", "QUARTER", "YEAR"] as const satisfies TimePeriod[];

const revenueQuery = signedInQuery(
  async (period: TimePeriod) => (await request(RevenueDocument, { period })).analytics,
  "revenue",
);

const utcDay = (iso: string) => iso.slice(0, 10);
/** A UTC day as a date in the reader's language, the same day in every time zone. */
const formatDay = (day: string) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

interface Amounts {
  currency: string;
  paid: string;
  refunded: string;
  net: string;
  invoicesPaid: number;
}

/** The money columns every table shares, after its own first ones. */
const amountHeaders = () => [
  t("analytics.currency"),
  t("analytics.paid"),
  t("analytics.refunded"),
  t("revenue.net"),
  t("analytics.invoices"),
];

function AmountCells(props: { row: Amounts }) {
  return (
    <>
      <td class="ltr">{props.row.currency}</td>
      <td class="ltr">{props.row.paid}</td>
      <td class="ltr">{props.row.refunded}</td>
      <td class="ltr">{props.row.net}</td>
      <td>{formatNumber(props.row.invoicesPaid, locale())}</td>
    </>
  );
}

function Section(props: { id: string; title: string; children: JSX.Element }) {
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export default function RevenuePage() {
  const [period, setPeriod] = createSignal<TimePeriod>("MONTH");
  const data = createQuery(() => revenueQuery(period()));
  const [exporting, setExporting] = createSignal(false);
  const [exportError, setExportError] = createSignal<unknown>(null);

  const exportCsv = async (from: string, to: string) => {
    setExporting(true);
    setExportError(null);
    try {
      const records = await downloadExport(
        { file: "revenue", format: "csv", from: utcDay(from), to: utcDay(to) },
        new AbortController().signal,
        () => {},
      );
      notify(t("export.done", { count: records }));
    } catch (failure) {
      setExportError(failure);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <div class="toolbar">
        <h1 class="grow">{t("nav.revenue")}</h1>
        <PeriodTabs periods={PERIODS} value={period()} onChange={setPeriod} />
      </div>
      <Loaded resource={data} retry={() => reloadQueries(revenueQuery)} skeleton={<Skeleton lines={8} />}>
        {(r) => (
          <div class="stack">
            <p class="muted" data-testid="revenue-range">
              {t("revenue.range", {
                from: formatDay(utcDay(r.from)),
                to: formatDay(utcDay(r.to)),
              })}
            </p>
            <Section id="revenue-totals" title={t("revenue.totals")}>
              <Table headers={amountHeaders()} rows={r.revenueTotals ?? []} empty={t("analytics.noRevenue")}>
                {(row) => (
                  <tr>
                    <AmountCells row={row} />
                  </tr>
                )}
              </Table>
              <div class="actions">
                <button
                  type="button"
                  class="primary"
                  disabled={exporting()}
                  onClick={() => void exportCsv(r.from, r.to)}
                >
                  {t("revenue.exportCsv")}
                </button>
              </div>
              <Show when={exportError()}>
                <ErrorBox error={exportError()} />
              </Show>
            </Section>
            <Section id="revenue-days" title={t("revenue.byDay")}>
              <Table
                headers={[t("analytics.day"), ...amountHeaders()]}
                rows={r.revenue ?? []}
                empty={t("analytics.noRevenue")}
              >
                {(row) => (
                  <tr>
                    <td>{formatDay(row.day)}</td>
                    <AmountCells row={row} />
                  </tr>
                )}
              </Table>
            </Section>
            <Section id="revenue-plans" title={t("revenue.byPlan")}>
              <Table
                headers={[t("analytics.plan"), ...amountHeaders()]}
                rows={r.revenueByPlan ?? []}
                empty={t("analytics.noRevenue")}
              >
                {(row) => (
                  <tr>
                    <td>{row.plan?.name ?? t("revenue.deletedPlan")}</td>
                    <AmountCells row={row} />
                  </tr>
                )}
              </Table>
            </Section>
          </div>
        )}
      </Loaded>
    </>
  );
}
