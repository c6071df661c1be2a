/** Stripe deliveries for the worker tests of this directory, signed as Stripe signs them. */
import { env, exports } from "cloudflare:workers";
import Stripe from "stripe";
import { unique } from "../../test/api";

const cryptoProvider = Stripe.createSubtleCryptoProvider();
/** A delivery as Stripe makes it: the raw JSON body and its Stripe-Signature header. */
export async function deliver(
  event: object,
  options: { secret?: string; timestamp?: number; signature?: string | null; tamper?: (body: string) => string } = {},
) {
  const payload = JSON.stringify(event);
  const header =
    options.signature !== undefined
      ? options.signature
      : await Stripe.webhooks.generateTestHeaderStringAsync({
          payload,
          secret: options.secret ?? env.STRIPE_WEBHOOK_SECRET,
          timestamp: options.timestamp,
          cryptoProvider,
        });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (header !== null) headers["stripe-signature"] = header;
  return exports.default.fetch("http://panel.test/webhooks/stripe", {
    method: "POST",
    headers,
    body: options.tamper ? options.tamper(payload) : payload,
  });
}

export const sessionCompleted = (invoiceId: string, overrides: Record<string, unknown> = {}) => ({
  id: unique("evt_"),
  object: "event",
  type: "checkout.session.completed",
  data: {
    object: {
      id: unique("cs_test_"),
      object: "checkout.session",
      metadata: { invoice_id: invoiceId },
      client_reference_id: invoiceId,
      payment_status: "paid",
      currency: "usd",
      amount_subtotal: 499,
      amount_total: 499,
      payment_intent: unique("pi_"),
      ...overrides,
    },
  },
});
