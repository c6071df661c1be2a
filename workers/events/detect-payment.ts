import { sql } from "drizzle-orm";
import { rawStatement, type Db, type Statement } from "../db/client";
import type { InvoiceRow, PaymentMethod } from "../billing/invoices/table";
import { panelEvent, type PanelEvent } from "./catalogue";

/*
 * Payment news: each raised where the money's state moved for good (settleInvoice paid the
 * invoice, a refund moved it, a short deposit first made it partially paid), so a retried
 * webhook or a second verification round, which moves nothing, raises nothing. Amounts are the
 * decimal strings of billing/money.ts; the admin to tell is the one owning the invoice's user.
 */

/** The invoice's user's owning admin, read in the batch that moves the invoice (null once the user is gone). */
export function invoiceOwnerStatement(db: Db, invoice: Pick<InvoiceRow, "userId">): Statement {
  return rawStatement(db, sql`SELECT admin_id AS adminId FROM users WHERE id = ${invoice.userId ?? 0}`);
}

/** The admin an invoiceOwnerStatement result names. */
export const ownerFrom = (result: unknown): number | null =>
  (result as D1Result<{ adminId: number | null }>).results[0]?.adminId ?? null;

const METHOD = { stripe: "card", onchain: "onchain", manual: "manual" } as const satisfies Record<
  PaymentMethod,
  PanelEvent<"payment.received">["data"]["method"]
>;

const ids = (invoice: InvoiceRow, adminId: number | null) => ({
  adminId,
  userId: invoice.userId,
  invoiceId: invoice.id,
});

export const paymentReceivedEvent = (invoice: InvoiceRow, via: PaymentMethod, adminId: number | null, nowSec: number) =>
  panelEvent(
    "payment.received",
    nowSec,
    {
      username: invoice.username,
      invoiceId: invoice.id,
      amount: invoice.total,
      currency: invoice.currency,
      method: METHOD[via],
    },
    ids(invoice, adminId),
  );

export const paymentRefundedEvent = (invoice: InvoiceRow, amount: string, adminId: number | null, nowSec: number) =>
  panelEvent(
    "payment.refunded",
    nowSec,
    { username: invoice.username, invoiceId: invoice.id, amount, currency: invoice.currency },
    ids(invoice, adminId),
  );

export const paymentUnderpaidEvent = (
  invoice: InvoiceRow,
  amounts: { expected: string; received: string; currency: string },
  adminId: number | null,
  nowSec: number,
) =>
  panelEvent(
    "payment.underpaid",
    nowSec,
    { username: invoice.username, invoiceId: invoice.id, ...amounts },
    ids(invoice, adminId),
  );
