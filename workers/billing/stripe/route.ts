import { Hono } from "hono";
import { DomainError } from "../../errors/domain-error";
import { emitEvents } from "../../events/emit";
import type { AppEnv } from "../../http/request-context";
import { readSettings } from "../../settings/settings";
import { Stripe, subtleCrypto } from "./client";
import { processStripeEvent } from "./webhook";
import { publishInvoiceNews } from "../invoices/live";

/** Stripe's default: a signature older than five minutes is a replay. */
const TOLERANCE_SEC = 300;

const refused = (message: string) => new DomainError("BAD_USER_INPUT", message);

/**
 * `POST /webhooks/stripe`: the signature is checked on the raw body before anything is parsed,
 * with the webhook secret; anything unsigned, forged or stale is 400 and changes nothing.
 */
export const stripeWebhookRoute = new Hono<AppEnv>();
stripeWebhookRoute.post("/", async (c) => {
  const signature = c.req.header("stripe-signature");
  if (!signature || !c.env.STRIPE_WEBHOOK_SECRET) throw refused("missing Stripe-Signature");
  const body = await c.req.text();
  let event: Stripe.Event;
  try {
    event = await Stripe.webhooks.constructEventAsync(
      body,
      signature,
      c.env.STRIPE_WEBHOOK_SECRET,
      TOLERANCE_SEC,
      subtleCrypto(),
    );
  } catch {
    throw refused("signature verification failed");
  }
  const outcome = await processStripeEvent(
    c.var.db,
    event,
    await readSettings(c.var.db),
    Math.floor(Date.now() / 1000),
    (events) => {
      emitEvents(c.env, (promise) => c.executionCtx.waitUntil(promise), events);
      // Every invoice a webhook moves (paid, refunded in full or in part) raises payment news about it.
      publishInvoiceNews(c.env, (promise) => c.executionCtx.waitUntil(promise), events);
    },
  );
  return c.json({ received: true, outcome });
});
