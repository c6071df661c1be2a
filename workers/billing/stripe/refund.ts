import type Stripe from "stripe";
import { DomainError } from "../../errors/domain-error";
import type { InvoiceRow } from "../invoices/table";

/**
 * Gives a card payment's money back through Stripe. The idempotency key makes a retried admin
 * click one refund; Stripe's charge.refunded webhook then finds the invoice already refunded.
 */
export async function refundCardPayment(stripe: Stripe, invoice: InvoiceRow): Promise<void> {
  if (!invoice.paymentRef?.startsWith("pi_"))
    throw new DomainError("CONFLICT", `invoice ${invoice.id} has no Stripe payment to refund`);
  await stripe.refunds.create(
    { payment_intent: invoice.paymentRef, metadata: { invoice_id: String(invoice.id) } },
    { idempotencyKey: `invoice-${invoice.id}-refund` },
  );
}
