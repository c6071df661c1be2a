/**
 * Invoices, newest first, "load more" at a time: filtered by status, payment method, currency,
 * plan, user and creation dates, all kept in the address so a filtered list can be shared or
 * reloaded. A reseller sees its own users' invoices only (the API decides).
 */
import { A, useSearchParams } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { request } from "../../api/client";
import { ErrorBox, settled, Skeleton } from "../../components/Async";
import { Table } from "../../components/Table";
import { InvoiceList, InvoicePlanChoices } from "../../graphql/billing-invoices";
import type { InvoiceFilter, InvoiceStatus, PaymentMethod } from "../../graphql/generated/graphql";
import { locale, t } from "../../i18n";
import "../../i18n/billing/invoices";
import { formatDateTime } from "../../lib/format";
import { createKeysetList } from "../../lib/keyset";
import { createQuery, signedInQuery } from "../../lib/query";
import { INVOICE_STATUSES, PAYMENT_METHODS, statusWord, methodWord, dayAfter } from "./words";

const planChoicesQuery = signedInQuery(async () => (await request(InvoicePlanChoices, {})).plans, "invoicePlanChoices");

type Params = {
  status?: string;
  method?: string;
  currency?: string;
  plan?: string;
  user?: string;
  from?: string;
  to?: string;
};

/** The API's filter for the address's query string; dates are whole UTC days, "to" included. */
function filterOf(params: Params): InvoiceFilter {
  return {
    status: (params.status as InvoiceStatus) || undefined,
    method: (params.method as PaymentMethod) || undefined,
    currency: params.currency || undefined,
    planId: params.plan || undefined,
    userId: params.user || undefined,
    createdFrom: params.from ? `${params.from}T00:00:00Z` : undefined,
    createdTo: params.to ? dayAfter(params.to) : undefined,
  };
}

export default function InvoicesPage() {
  const [params, setParams] = useSearchParams<Params>();
  const filter = createMemo(() => filterOf(params), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const plans = createQuery(() => planChoicesQuery());
  const list = createKeysetList(filter, async (f, after) => {
    const page = (await request(InvoiceList, { filter: f, page: { first: 50, after } })).invoices;
    return {
      items: page.edges.map((e) => e.node),
      endCursor: page.pageInfo.endCursor,
      hasNextPage: page.pageInfo.hasNextPage,
    };
  });
  const set = (name: keyof Params) => (event: Event & { currentTarget: HTMLInputElement | HTMLSelectElement }) =>
    setParams({ [name]: event.currentTarget.value || undefined }, { replace: true });
  const userName = createMemo(
    () => list.items().find((i) => i.user?.id === params.user)?.username ?? `#${params.user}`,
  );

  return (
    <>
      <h1>{t("nav.invoices")}</h1>
      <search>
        <form class="toolbar" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t("invoices.status")}
            <select value={params.status ?? ""} onChange={set("status")}>
              <option value="">{t("invoices.any")}</option>
              <For each={INVOICE_STATUSES}>{(s) => <option value={s}>{statusWord(s)}</option>}</For>
            </select>
          </label>
          <label>
            {t("invoices.paidVia")}
            <select value={params.method ?? ""} onChange={set("method")}>
              <option value="">{t("invoices.any")}</option>
              <For each={PAYMENT_METHODS}>{(m) => <option value={m}>{methodWord(m)}</option>}</For>
            </select>
          </label>
          <label>
            {t("invoices.currency")}
            <input
              value={params.currency ?? ""}
              onChange={set("currency")}
              placeholder="USD"
              size={6}
              class="ltr"
              autocapitalize="characters"
            />
          </label>
          <label>
            {t("invoices.plan")}
            <select value={params.plan ?? ""} onChange={set("plan")}>
              <option value="">{t("invoices.any")}</option>
              <For each={settled(plans) ?? []}>{(p) => <option value={p.id}>{p.name}</option>}</For>
            </select>
          </label>
          <label>
            {t("invoices.from")}
            <input type="date" value={params.from ?? ""} onChange={set("from")} />
          </label>
          <label>
            {t("invoices.to")}
            <input type="date" value={params.to ?? ""} onChange={set("to")} />
          </label>
          <Show when={params.user}>
            <button type="button" onClick={() => setParams({ user: undefined }, { replace: true })}>
              {t("invoices.userFilter", { user: userName() })} ✕
            </button>
          </Show>
        </form>
      </search>
      <Table
        headers={[
          t("invoices.number"),
          t("invoices.user"),
          t("invoices.plan"),
          t("invoices.total"),
          t("invoices.status"),
          t("invoices.paidVia"),
          t("invoices.created"),
        ]}
        rows={list.items()}
        empty={list.loading() ? undefined : t("invoices.none")}
        busy={list.loading()}
      >
        {(invoice) => (
          <tr>
            <td class="ltr">
              <A href={`/invoices/${invoice.id}`}>{invoice.number}</A>
            </td>
            <td>
              <Show when={invoice.user} fallback={<span class="muted">{invoice.username}</span>}>
                {(user) => (
                  <>
                    <A href={`/users/${user().id}`}>{invoice.username}</A>{" "}
                    <button
                      type="button"
                      class="link"
                      title={t("invoices.onlyUser")}
                      aria-label={t("invoices.onlyUserOf", { user: invoice.username })}
                      onClick={() => setParams({ user: user().id }, { replace: true })}
                    >
                      ⌕
                    </button>
                  </>
                )}
              </Show>
            </td>
            <td>{invoice.plan?.name ?? "—"}</td>
            <td class="ltr">
              {invoice.total} {invoice.currency}
            </td>
            <td>
              <span class={`badge ${invoice.status}`}>{statusWord(invoice.status)}</span>
            </td>
            <td>{invoice.paidVia ? methodWord(invoice.paidVia) : "—"}</td>
            <td>{formatDateTime(invoice.createdAt, locale())}</td>
          </tr>
        )}
      </Table>
      <Show when={list.loading() && !list.loaded()}>
        <Skeleton lines={3} />
      </Show>
      <Show when={list.error()}>
        <ErrorBox error={list.error()} retry={list.reload} />
      </Show>
      <Show when={list.hasMore()}>
        <div class="pager">
          <button type="button" disabled={list.loading()} onClick={() => void list.more()}>
            {t("invoices.more")}
          </button>
        </div>
      </Show>
    </>
  );
}
