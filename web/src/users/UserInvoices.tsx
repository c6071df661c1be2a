/** A user's invoices, newest first, on its page; the latest few, with a way to the full list. */
import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Loaded, Skeleton } from "../components/Async";
import { Modal } from "../components/Modal";
import { Table } from "../components/Table";
import { locale, t } from "../i18n";
import "../i18n/billing/plans";
import { formatDateTime } from "../lib/format";
import { createQuery, reloadQueries } from "../lib/query";
import { userInvoicesQuery } from "./sales-data";
import { SellPlan } from "./SellPlan";

export function UserInvoices(props: { userId: string }) {
  const invoices = createQuery(() => userInvoicesQuery(props.userId));
  const [selling, setSelling] = createSignal(false);

  return (
    <section class="card" aria-labelledby="invoices-title" style={{ "margin-block-end": "1rem" }}>
      <div class="toolbar">
        <h2 id="invoices-title" class="grow">
          {t("sell.invoices")}
        </h2>
        <button type="button" class="primary" onClick={() => setSelling(true)}>
          {t("sell.sellPlan")}
        </button>
      </div>
      <Loaded resource={invoices} retry={() => reloadQueries(userInvoicesQuery)} skeleton={<Skeleton lines={3} />}>
        {(connection) => (
          <>
            <Table
              headers={[t("sell.number"), t("sell.status"), t("sell.total"), t("sell.created")]}
              rows={connection.edges}
              empty={t("sell.noInvoices")}
            >
              {({ node: invoice }) => (
                <tr>
                  <td class="ltr">
                    <A href={`/invoices/${invoice.id}`}>{invoice.number}</A>
                  </td>
                  <td>
                    <span class={`badge ${invoice.status}`}>{t(`sell.status.${invoice.status}`)}</span>
                  </td>
                  <td class="ltr">
                    {invoice.total} {invoice.currency}
                  </td>
                  <td>{formatDateTime(invoice.createdAt, locale())}</td>
                </tr>
              )}
            </Table>
            <Show when={connection.pageInfo.hasNextPage}>
              <p>
                <A href={`/invoices?user=${encodeURIComponent(props.userId)}`}>{t("sell.allInvoices")}</A>
              </p>
            </Show>
          </>
        )}
      </Loaded>
      <Modal open={selling()} onOpenChange={setSelling} title={t("sell.sellPlan")}>
        <SellPlan userId={props.userId} />
      </Modal>
    </section>
  );
}
