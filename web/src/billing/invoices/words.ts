/** The invoice screens' enums in words, and the date arithmetic of their filters. */
import type { ChainPaymentRejection, InvoiceStatus, PaymentMethod } from "../../graphql/generated/graphql";
import { t } from "../../i18n";
import "../../i18n/billing/invoices";

export const INVOICE_STATUSES: InvoiceStatus[] = ["OPEN", "PAID", "PARTIALLY_PAID", "EXPIRED", "REFUNDED", "VOID"];
export const PAYMENT_METHODS: PaymentMethod[] = ["STRIPE", "ONCHAIN", "MANUAL"];

export const statusWord = (status: InvoiceStatus) => t(`invoices.status.${status}`);
export const methodWord = (method: PaymentMethod) => t(`invoices.method.${method}`);
export const rejectionWord = (reason: ChainPaymentRejection) => t(`invoices.rejection.${reason}`);

/** The instant a "to" day (YYYY-MM-DD, UTC, included) ends: the next day's midnight. */
export function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}
