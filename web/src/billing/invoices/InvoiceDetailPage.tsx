/**
 * One invoice: who was billed, its lines and total, the plan's terms frozen at sale, what was
 * tried to pay it (the Stripe session, the on-chain deposit and every transfer seen, with
 * confirmations counting up), its history, and the actions an operator takes: void, mark paid,
 * refund, print. It follows invoiceUpdated while open, so a payment shows without a reload.
 */
import { A, useParams } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { request } from "../../api/client";
import { errorText, Loaded, Skeleton, settled } from "../../components/Async";
import { LiveDot } from "../../components/LiveDot";
import { Confirm, Modal } from "../../components/Modal";
import { Table } from "../../components/Table";
import { notify } from "../../components/toast";
import {
  InvoiceDetail,
  InvoiceUpdates,
  MarkInvoicePaid,
  RefundInvoice,
  VoidInvoice,
} from "../../graphql/billing-invoices";
import type { InvoiceDetailFieldsFragment } from "../../graphql/generated/graphql";
import { locale, t } from "../../i18n";
import "../../i18n/billing/invoices";
import { createAction } from "../../lib/action";
import { formatBytes, formatDateTime } from "../../lib/format";
import { createQuery, reloadQueries, signedInQuery } from "../../lib/query";
import { useLive } from "../../live/use-live";
import { me } from "../../session";
import { methodWord, rejectionWord, statusWord } from "./words";
import "./print.css";

type Invoice = InvoiceDetailFieldsFragment;
const invoiceQuery = signedInQuery(
  async (id: string): Promise<Invoice | null> => (await request(InvoiceDetail, { id })).invoice ?? null,
  "invoiceDetail",
);

const VOIDABLE = ["OPEN", "EXPIRED", "PARTIALLY_PAID"];
const PAYABLE = ["OPEN", "EXPIRED", "PARTIALLY_PAID"];

export default function InvoiceDetailPage() {
  const params = useParams<{ id: string }>();
  const loaded = createQuery(() => invoiceQuery(params.id));
  // The latest copy: each live update or action's answer since the last load, else the load itself.
  const [updated, setCurrent] = createSignal<Invoice>();
  createEffect(
    on(
      () => settled(loaded),
      () => setCurrent(undefined),
    ),
  );
  const current = () => {
    const fresh = updated();
    return fresh?.id === params.id ? fresh : (settled(loaded) ?? null);
  };
  const reload = () => reloadQueries(invoiceQuery);
  const live = useLive(
    InvoiceUpdates,
    () => ({ id: params.id }),
    (data) => setCurrent(data.invoiceUpdated),
    reload,
  );
  const isAdmin = () => me()?.role === "OWNER" || me()?.role === "ADMIN";
  const action = createAction();
  const [confirmVoid, setConfirmVoid] = createSignal(false);
  const [markingPaid, setMarkingPaid] = createSignal(false);
  const [refunding, setRefunding] = createSignal(false);
  const run = (work: () => Promise<Invoice>, done: string) =>
    action.run(async () => {
      setCurrent(await work());
      notify(done);
    });
  const voidIt = () =>
    run(async () => (await request(VoidInvoice, { id: params.id })).voidInvoice, t("invoices.voided")).then(
      (ok) => ok || notify(errorText(action.error()), "error"),
    );
  const markPaid = async (event: SubmitEvent) => {
    event.preventDefault();
    const reference = String(new FormData(event.currentTarget as HTMLFormElement).get("reference") ?? "").trim();
    const ok = await run(
      async () => (await request(MarkInvoicePaid, { id: params.id, reference })).markInvoicePaid,
      t("invoices.markedPaid"),
    );
    if (ok) setMarkingPaid(false);
  };
  const refund = async (event: SubmitEvent) => {
    event.preventDefault();
    const revoke = new FormData(event.currentTarget as HTMLFormElement).get("revoke") === "on";
    const ok = await run(
      async () => (await request(RefundInvoice, { id: params.id, revoke })).refundInvoice,
      t("invoices.refunded"),
    );
    if (ok) setRefunding(false);
  };

  return (
    <Loaded resource={loaded} retry={reload} skeleton={<Skeleton lines={8} />}>
      {() => (
        <Show
          when={current()}
          fallback={
            <p role="alert">
              {t("state.notFound")} <A href="/invoices">{t("nav.invoices")}</A>
            </p>
          }
        >
          {(invoice) => (
            <article class="invoice-page">
              <div class="toolbar">
                <h1 class="grow">
                  <span class="ltr">{invoice().number}</span>{" "}
                  <span class={`badge ${invoice().status}`} data-testid="invoice-status" data-status={invoice().status}>
                    {statusWord(invoice().status)}
                  </span>
                </h1>
                <LiveDot state={live()} />
                <Show when={VOIDABLE.includes(invoice().status)}>
                  <button type="button" class="danger" disabled={action.busy()} onClick={() => setConfirmVoid(true)}>
                    {t("invoices.void")}
                  </button>
                </Show>
                <Show when={isAdmin() && PAYABLE.includes(invoice().status)}>
                  <button type="button" disabled={action.busy()} onClick={() => setMarkingPaid(true)}>
                    {t("invoices.markPaid")}
                  </button>
                </Show>
                <Show when={isAdmin() && invoice().status === "PAID"}>
                  <button type="button" disabled={action.busy()} onClick={() => setRefunding(true)}>
                    {t("invoices.refund")}
                  </button>
                </Show>
                <button type="button" onClick={() => window.print()}>
                  {t("invoices.print")}
                </button>
                <Show when={invoice().url}>
                  {(url) => (
                    <a href={url()} target="_blank" rel="noopener">
                      {t("invoices.payerPage")}
                    </a>
                  )}
                </Show>
              </div>
              <Show when={invoice().flag}>
                <p class="warn" role="note">
                  {invoice().flag}
                </p>
              </Show>
              <div class="cards">
                <section class="card" aria-labelledby="invoice-billed">
                  <h2 id="invoice-billed">{t("invoices.billed")}</h2>
                  <p>
                    <Show when={invoice().user} fallback={<span>{invoice().username}</span>}>
                      {(user) => <A href={`/users/${user().id}`}>{user().username}</A>}
                    </Show>
                  </p>
                  <dl class="facts">
                    <dt>{t("invoices.created")}</dt>
                    <dd>{formatDateTime(invoice().createdAt, locale())}</dd>
                    <dt>{t("invoices.expires")}</dt>
                    <dd>{formatDateTime(invoice().expiresAt, locale())}</dd>
                    <Show when={invoice().paidAt}>
                      {(at) => (
                        <>
                          <dt>{t("invoices.paidAt")}</dt>
                          <dd>
                            {formatDateTime(at(), locale())}
                            {invoice().paidVia ? ` · ${methodWord(invoice().paidVia!)}` : ""}
                          </dd>
                        </>
                      )}
                    </Show>
                    <Show when={invoice().paymentRef}>
                      <dt>{t("invoices.reference")}</dt>
                      <dd class="ltr">{invoice().paymentRef}</dd>
                    </Show>
                    <Show when={invoice().refundedAt}>
                      {(at) => (
                        <>
                          <dt>{t("invoices.refundedAt")}</dt>
                          <dd>{formatDateTime(at(), locale())}</dd>
                        </>
                      )}
                    </Show>
                  </dl>
                </section>
                <section class="card" aria-labelledby="invoice-terms">
                  <h2 id="invoice-terms">{t("invoices.terms")}</h2>
                  <dl class="facts">
                    <dt>{t("invoices.plan")}</dt>
                    <dd>{invoice().terms.planName}</dd>
                    <dt>{t("invoices.dataLimit")}</dt>
                    <dd>
                      {invoice().terms.dataLimit == null
                        ? t("invoices.unlimited")
                        : formatBytes(invoice().terms.dataLimit!, locale())}
                    </dd>
                    <dt>{t("invoices.duration")}</dt>
                    <dd>
                      {invoice().terms.durationDays == null
                        ? t("expiry.never")
                        : t("invoices.days", { count: invoice().terms.durationDays! })}
                    </dd>
                    <dt>{t("user.resetStrategy")}</dt>
                    <dd>{t(`reset.${invoice().terms.resetStrategy as "NONE"}`)}</dd>
                    <dt>{t("invoices.deviceLimit")}</dt>
                    <dd>{invoice().terms.deviceLimit ?? t("invoices.unchanged")}</dd>
                    <dt>{t("nav.groups")}</dt>
                    <dd>{invoice().terms.groups.join(", ") || t("invoices.unchanged")}</dd>
                  </dl>
                </section>
              </div>
              <section aria-labelledby="invoice-lines">
                <h2 id="invoice-lines">{t("invoices.lines")}</h2>
                <div class="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th>{t("invoices.description")}</th>
                        <th>{t("invoices.quantity")}</th>
                        <th>{t("invoices.unitAmount")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={invoice().lines}>
                        {(line) => (
                          <tr>
                            <td>{line.description}</td>
                            <td>{line.quantity}</td>
                            <td class="ltr">
                              {line.unitAmount} {invoice().currency}
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                    <tfoot>
                      <tr>
                        <th colspan={2}>{t("invoices.total")}</th>
                        <td class="ltr" data-testid="invoice-total">
                          {invoice().total} {invoice().currency}
                        </td>
                      </tr>
                    </tfoot>
                  </table>
                </div>
              </section>
              <section aria-labelledby="invoice-attempts" class="no-print-empty">
                <h2 id="invoice-attempts">{t("invoices.attempts")}</h2>
                <Show
                  when={invoice().stripeSessionId || invoice().deposit}
                  fallback={<p class="muted">{t("invoices.noAttempts")}</p>}
                >
                  <Show when={invoice().stripeSessionId}>
                    <p>
                      {t("invoices.stripeSession")} <span class="ltr">{invoice().stripeSessionId}</span>
                    </p>
                  </Show>
                  <Show when={invoice().deposit}>
                    {(deposit) => (
                      <>
                        <dl class="facts">
                          <dt>{t("invoices.chain")}</dt>
                          <dd class="ltr">{deposit().chainId}</dd>
                          <dt>{t("invoices.token")}</dt>
                          <dd class="ltr">{deposit().symbol}</dd>
                          <dt>{t("invoices.amount")}</dt>
                          <dd class="ltr">
                            {deposit().amount} {deposit().symbol}
                          </dd>
                          <dt>{t("invoices.address")}</dt>
                          <dd class="ltr">{deposit().address}</dd>
                          <dt>{t("invoices.checkedBlock")}</dt>
                          <dd class="ltr">{deposit().checkedBlock ?? "—"}</dd>
                        </dl>
                        <Table
                          headers={[
                            t("invoices.transaction"),
                            t("invoices.block"),
                            t("invoices.confirmations"),
                            t("invoices.status"),
                            t("invoices.reason"),
                          ]}
                          rows={invoice().chainPayments}
                          empty={t("invoices.noTransfers")}
                        >
                          {(payment) => (
                            <tr data-testid="transfer">
                              <td class="ltr">
                                <Show
                                  when={payment.explorerUrl}
                                  fallback={<span class="mono">{short(payment.txHash)}</span>}
                                >
                                  {(href) => (
                                    <a href={href()} target="_blank" rel="noopener" class="mono">
                                      {short(payment.txHash)}
                                    </a>
                                  )}
                                </Show>
                              </td>
                              <td class="ltr">{payment.blockNumber}</td>
                              <td data-testid="confirmations">
                                {t("invoices.nOfM", {
                                  n: payment.confirmations,
                                  m: deposit().confirmationsRequired,
                                })}
                              </td>
                              <td>
                                <span class={`badge ${payment.status}`}>
                                  {t(`invoices.transfer.${payment.status}`)}
                                </span>
                              </td>
                              <td>{payment.reason ? rejectionWord(payment.reason) : "—"}</td>
                            </tr>
                          )}
                        </Table>
                      </>
                    )}
                  </Show>
                </Show>
              </section>
              <section aria-labelledby="invoice-history">
                <h2 id="invoice-history">{t("invoices.history")}</h2>
                <ol class="history">
                  <For each={invoice().history} fallback={<li class="muted">{t("invoices.noHistory")}</li>}>
                    {(entry) => (
                      <li>
                        <span class="muted">{formatDateTime(entry.at, locale())}</span> {historyText(entry)}
                      </li>
                    )}
                  </For>
                </ol>
              </section>
              <Confirm
                open={confirmVoid()}
                onOpenChange={setConfirmVoid}
                title={t("invoices.voidTitle", { number: invoice().number })}
                message={t("invoices.voidMessage")}
                confirmLabel={t("invoices.void")}
                onConfirm={() => void voidIt()}
              />
              <Modal open={markingPaid()} onOpenChange={setMarkingPaid} title={t("invoices.markPaid")}>
                <form class="form" onSubmit={markPaid}>
                  <p>{t("invoices.markPaidHelp")}</p>
                  <label class="field">
                    {t("invoices.reason")}
                    <input name="reference" required maxLength={200} />
                  </label>
                  <Show when={action.error()}>
                    <p class="error" role="alert">
                      {errorText(action.error())}
                    </p>
                  </Show>
                  <div class="actions">
                    <button type="button" onClick={() => setMarkingPaid(false)}>
                      {t("action.cancel")}
                    </button>
                    <button type="submit" disabled={action.busy()}>
                      {t("invoices.markPaid")}
                    </button>
                  </div>
                </form>
              </Modal>
              <Modal open={refunding()} onOpenChange={setRefunding} title={t("invoices.refund")}>
                <form class="form" onSubmit={refund}>
                  <p>{invoice().paidVia === "STRIPE" ? t("invoices.refundCard") : t("invoices.refundByHand")}</p>
                  <label class="inline">
                    <input type="checkbox" name="revoke" />
                    {t("invoices.revoke")}
                  </label>
                  <Show when={action.error()}>
                    <p class="error" role="alert">
                      {errorText(action.error())}
                    </p>
                  </Show>
                  <div class="actions">
                    <button type="button" onClick={() => setRefunding(false)}>
                      {t("action.cancel")}
                    </button>
                    <button type="submit" class="danger" disabled={action.busy()}>
                      {t("invoices.refund")}
                    </button>
                  </div>
                </form>
              </Modal>
            </article>
          )}
        </Show>
      )}
    </Loaded>
  );
}

const short = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-8)}`;

/** One history entry in words: who did what, with the payment's method and reference or the refund's revoke. */
function historyText(entry: Invoice["history"][number]): string {
  const details = (entry.details ?? {}) as { via?: string; ref?: string; revoke?: boolean };
  const who = entry.actorUsername ?? "—";
  switch (entry.action) {
    case "invoice.create":
      return t("invoices.history.create", { who });
    case "invoice.pay":
      return t("invoices.history.pay", {
        who,
        via: details.via ? methodWord(details.via.toUpperCase() as "MANUAL") : "—",
        ref: details.ref ?? "—",
      });
    case "invoice.void":
      return t("invoices.history.void", { who });
    case "invoice.refund":
    case "invoice.stripe_refund":
      return details.revoke ? t("invoices.history.refundRevoke", { who }) : t("invoices.history.refund", { who });
    default:
      return `${entry.action} (${who})`;
  }
}
