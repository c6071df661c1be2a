import type Stripe from "stripe";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { DomainError } from "../../errors/domain-error";
import type { Settings } from "../../settings/settings";
import { toUnits } from "../money";
import { invoiceNumber } from "../invoices/service";
import { invoices, type InvoiceRow } from "../invoices/table";

/** Currencies Stripe counts in whole units (no cents); every other card currency has two decimals. */
const ZERO_DECIMAL = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "UGX",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);
/** Coin tickers that look like ISO codes but no card network settles. */
const NOT_CARD_CURRENCIES = new Set(["ETH", "BTC", "SOL", "TRX", "BNB"]);

export const payableByCard = (currency: string) => /^[A-Z]{3}$/.test(currency) && !NOT_CARD_CURRENCIES.has(currency);

/** The amount in Stripe's smallest unit of the currency: "4.99" USD is 499. */
/** The decimals of Stripe's minor unit for a currency. */
export const stripeDecimals = (currency: string) => (ZERO_DECIMAL.has(currency) ? 0 : 2);

export function stripeAmount(amount: string, currency: string): number {
  return Number(toUnits(amount, stripeDecimals(currency)));
}

/** Stripe accepts a session expiry 30 minutes to 24 hours ahead; the margins cover a 10-minute bucket. */
const MIN_SESSION_SEC = 45 * 60;
const MAX_SESSION_SEC = 23 * 3600;
const BUCKET_SEC = 600;

/**
 * Opens a Checkout Session for an open invoice and remembers its id on the invoice. Within a
 * 10-minute bucket the parameters and the idempotency key are the same, so a double click gets
 * the same session back instead of a second one.
 */
export async function openCheckoutSession(
  stripe: Stripe,
  db: Db,
  invoice: InvoiceRow,
  options: { invoiceUrl: string; settings: Settings; nowSec: number },
): Promise<Stripe.Checkout.Session> {
  if (invoice.status !== "open")
    throw new DomainError("CONFLICT", `invoice ${invoiceNumber(invoice.id)} is ${invoice.status}`);
  if (!payableByCard(invoice.currency))
    throw new DomainError("BAD_USER_INPUT", `${invoice.currency} cannot be paid by card`);
  const bucket = options.nowSec - (options.nowSec % BUCKET_SEC);
  const expiresAt = Math.min(bucket + MAX_SESSION_SEC, Math.max(bucket + MIN_SESSION_SEC, invoice.expiresAtSec));
  const metadata = { invoice_id: String(invoice.id) };
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "payment",
    client_reference_id: String(invoice.id),
    metadata,
    payment_intent_data: { metadata, description: invoiceNumber(invoice.id) },
    line_items: invoice.lines.map((line) => ({
      quantity: line.quantity,
      price_data: {
        currency: invoice.currency.toLowerCase(),
        unit_amount: stripeAmount(line.unitAmount, invoice.currency),
        product_data: { name: line.description },
      },
    })),
    success_url: `${options.invoiceUrl}?checkout=success`,
    cancel_url: `${options.invoiceUrl}?checkout=cancelled`,
    expires_at: expiresAt,
    ...(options.settings.billingAutomaticTax && { automatic_tax: { enabled: true } }),
  };
  const session = await stripe.checkout.sessions.create(params, {
    idempotencyKey: `invoice-${invoice.id}-checkout-${bucket}`,
  });
  await db.update(invoices).set({ stripeSessionId: session.id }).where(eq(invoices.id, invoice.id)).run();
  return session;
}
