import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Every Stripe event id processed, once: its primary key is what makes a redelivery a no-op. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAtSec: integer("received_at").notNull(),
});

/**
 * What each request to /webhooks/stripe was judged, good or bad, so an admin setting Stripe up
 * sees whether its deliveries arrive and pass. Only the latest few are kept (see receipts.ts): a
 * stream of forged requests cannot grow the table.
 */
export const STRIPE_WEBHOOK_VERDICTS = ["processed", "duplicate", "ignored", "bad_signature", "failed"] as const;
export type StripeWebhookVerdict = (typeof STRIPE_WEBHOOK_VERDICTS)[number];

export const stripeWebhookReceipts = sqliteTable("stripe_webhook_receipts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  receivedAtSec: integer("received_at").notNull(),
  /** Null when the signature did not verify: nothing in the body can be trusted then. */
  eventId: text("event_id"),
  eventType: text("event_type"),
  verdict: text("verdict", { enum: STRIPE_WEBHOOK_VERDICTS }).notNull(),
  /** Why, in a few words (never the body or a secret). */
  detail: text("detail"),
});

export type StripeWebhookReceiptRow = typeof stripeWebhookReceipts.$inferSelect;
