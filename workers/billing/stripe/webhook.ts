import { and, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { rawStatement, runBatch, type Db, type Statement } from "../../db/client";
import { isUniqueViolation } from "../../db/constraints";
import type { PanelEvent } from "../../events/catalogue";
import { invoiceOwnerStatement, ownerFrom, paymentRefundedEvent } from "../../events/detect-payment";
import { fromUnits } from "../money";
import type { Settings } from "../../settings/settings";
import { findInvoice, revokeStatements } from "../invoices/service";
import { guardedAudit, settleInvoice } from "../invoices/settle";
import { invoices } from "../invoices/table";
import { stripeAmount, stripeDecimals } from "./checkout";
import { stripeEvents } from "./table";

const STRIPE_ACTOR = { id: null, username: "stripe", ip: "stripe-webhook" };

/** The event types processStripeEvent acts on: the ones to select in Stripe's dashboard. */
export const STRIPE_WEBHOOK_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "charge.refunded",
] as const;

export type WebhookOutcome = "paid" | "refunded" | "flagged" | "ignored" | "duplicate";

/**
 * Acts on one verified Stripe event, exactly once: the event id's row is written in the same batch
 * as the event's effect, so a redelivery (even a concurrent one) fails on the primary key and
 * changes nothing.
 */
export async function processStripeEvent(
  db: Db,
  event: Stripe.Event,
  settings: Settings,
  nowSec: number,
  emit: (events: PanelEvent[]) => void = () => {},
): Promise<WebhookOutcome> {
  const record = db.insert(stripeEvents).values({ id: event.id, type: event.type, receivedAtSec: nowSec });
  try {
    switch (event.type) {
      case "checkout.session.completed":
      case "checkout.session.async_payment_succeeded":
        return await sessionPaid(db, event.data.object, record, nowSec, emit);
      case "charge.refunded":
        return await chargeRefunded(db, event.data.object, record, settings, nowSec, emit);
      default:
        await record.run();
        return "ignored";
    }
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}

async function sessionPaid(
  db: Db,
  session: Stripe.Checkout.Session,
  record: Statement,
  nowSec: number,
  emit: (events: PanelEvent[]) => void,
): Promise<WebhookOutcome> {
  const invoiceId = Number(session.metadata?.invoice_id ?? session.client_reference_id);
  const invoice = Number.isSafeInteger(invoiceId) ? await findInvoice(db, invoiceId) : undefined;
  // Delayed methods complete the session unpaid and pay later (async_payment_succeeded).
  const matches =
    invoice &&
    session.payment_status === "paid" &&
    session.currency?.toUpperCase() === invoice.currency &&
    session.amount_subtotal ===
      invoice.lines.reduce((sum, l) => sum + l.quantity * stripeAmount(l.unitAmount, invoice.currency), 0);
  if (!matches) {
    await runBatch(db, [record]);
    return "ignored";
  }
  const paymentIntent =
    typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? session.id);
  const paid = await settleInvoice(db, {
    invoice,
    via: "stripe",
    ref: paymentIntent,
    nowSec,
    actor: STRIPE_ACTOR,
    payableAfterExpiry: true,
    first: [record],
    emit,
  });
  return paid ? "paid" : "ignored";
}

/**
 * A refund made in Stripe. A full refund marks the invoice refunded and, under the REVOKE policy,
 * ends the user's time; a partial one (or the FLAG policy) flags the invoice for an admin.
 */
async function chargeRefunded(
  db: Db,
  charge: Stripe.Charge,
  record: Statement,
  settings: Settings,
  nowSec: number,
  emit: (events: PanelEvent[]) => void,
): Promise<WebhookOutcome> {
  const paymentIntent = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  const invoice = paymentIntent
    ? await db
        .select()
        .from(invoices)
        .where(and(eq(invoices.paidVia, "stripe"), eq(invoices.paymentRef, paymentIntent)))
        .get()
    : undefined;
  if (invoice?.status !== "paid") {
    await runBatch(db, [record]);
    return "ignored";
  }
  const full = charge.refunded && charge.amount_refunded >= charge.amount;
  const revoke = full && settings.billingRefundPolicy === "revoke";
  const flag = `${full ? "refunded" : "partly refunded"} in Stripe (${charge.id})${revoke ? "; access revoked" : ""}`;
  const nonce = crypto.randomUUID();
  const moved = sql`EXISTS (SELECT 1 FROM invoices WHERE id = ${invoice.id} AND settle_nonce = ${nonce})`;
  const results = await runBatch(db, [
    record,
    rawStatement(
      db,
      sql`UPDATE invoices SET flag = ${flag}, settle_nonce = ${nonce}
        ${full ? sql`, status = 'refunded', refunded_at = ${nowSec}` : sql``}
        WHERE id = ${invoice.id} AND status = 'paid'`,
    ),
    ...(revoke && invoice.userId !== null ? revokeStatements(db, invoice.userId, nowSec, moved) : []),
    guardedAudit(
      db,
      STRIPE_ACTOR,
      nowSec,
      "invoice.stripe_refund",
      invoice.id,
      { charge: charge.id, full, revoke },
      moved,
    ),
    invoiceOwnerStatement(db, invoice),
  ]);
  // Partial refunds are news too (money went back); a redelivery found the invoice moved already.
  if (((results[1] as D1Result).meta?.changes ?? 0) === 1) {
    const refunded = fromUnits(BigInt(charge.amount_refunded), stripeDecimals(invoice.currency));
    emit([paymentRefundedEvent(invoice, refunded, ownerFrom(results.at(-1)), nowSec)]);
  }
  return full ? "refunded" : "flagged";
}
