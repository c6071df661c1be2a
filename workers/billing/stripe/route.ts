import { Hono } from "hono";
import { DomainError } from "../../errors/domain-error";
import { emitEvents } from "../../events/emit";
import type { AppEnv } from "../../http/request-context";
import { readSettings } from "../../settings/settings";
import { Stripe, subtleCrypto } from "./client";
import { recordReceipt, receiptOf } from "./receipts";
import { processStripeEvent, STRIPE_WEBHOOK_EVENTS, type WebhookOutcome } from "./webhook";
import { publishInvoiceNews } from "../invoices/live";

/** Stripe's default: a signature older than five minutes is a replay. */
const TOLERANCE_SEC = 300;

const refused = (message: string) => new DomainError("BAD_USER_INPUT", message);

/**
 * `POST /webhooks/stripe`: the signature is checked on the raw body before anything is parsed,
 * with the webhook secret; anything unsigned, forged or stale is 400 and changes nothing but its
 * receipt. Every request leaves one receipt (receipts.ts), so an admin sees whether deliveries
 * arrive and pass.
 */
export const stripeWebhookRoute = new Hono<AppEnv>();
stripeWebhookRoute.post("/", async (c) => {
  const nowSec = Math.floor(Date.now() / 1000);
  // The caller hears what it always did; the receipt (read by admins only) says which check failed.
  const badSignature = async (detail: string, answer = detail) => {
    await recordReceipt(c.var.db, nowSec, { event: null, verdict: "bad_signature", detail });
    return refused(answer);
  };
  const signature = c.req.header("stripe-signature");
  if (!c.env.STRIPE_WEBHOOK_SECRET)
    throw await badSignature("no webhook secret configured", "missing Stripe-Signature");
  if (!signature) throw await badSignature("missing Stripe-Signature");
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
    throw await badSignature("signature verification failed");
  }
  let outcome: WebhookOutcome;
  try {
    outcome = await processStripeEvent(c.var.db, event, await readSettings(c.var.db), nowSec, (events) => {
      const waitUntil = (promise: Promise<unknown>) => c.executionCtx.waitUntil(promise);
      emitEvents(c.env, waitUntil, events);
      // Every invoice a webhook moves (paid, refunded in full or in part) raises payment news about it.
      publishInvoiceNews(c.env, waitUntil, events);
    });
  } catch (error) {
    // The answer stays the fault it was (Stripe retries); the receipt says so without the error's text.
    const detail = `processing failed (${error instanceof Error ? error.name : "error"}); Stripe retries it`;
    await recordReceipt(c.var.db, nowSec, { event, verdict: "failed", detail });
    throw error;
  }
  await recordReceipt(c.var.db, nowSec, receiptOf(event, outcome, STRIPE_WEBHOOK_EVENTS));
  return c.json({ received: true, outcome });
});
