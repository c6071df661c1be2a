import { desc, notInArray } from "drizzle-orm";
import { runBatch, type Db } from "../../db/client";
import { stripeWebhookReceipts, type StripeWebhookReceiptRow, type StripeWebhookVerdict } from "./table";
import type { WebhookOutcome } from "./webhook";

/** How many receipts are kept: enough to see a setup's last deliveries, too few for a flood of forgeries to matter. */
export const RECEIPTS_KEPT = 50;

export interface Receipt {
  /** Null for a bad signature: nothing in an unverified body is trusted, not even its id. */
  event: { id: string; type: string } | null;
  verdict: StripeWebhookVerdict;
  detail: string;
}

/**
 * Records what one request to /webhooks/stripe was judged, and drops all but the newest
 * RECEIPTS_KEPT in the same batch, so the table never grows whatever arrives.
 */
export async function recordReceipt(db: Db, nowSec: number, receipt: Receipt): Promise<void> {
  const newest = db
    .select({ id: stripeWebhookReceipts.id })
    .from(stripeWebhookReceipts)
    .orderBy(desc(stripeWebhookReceipts.id))
    .limit(RECEIPTS_KEPT);
  await runBatch(db, [
    db.insert(stripeWebhookReceipts).values({
      receivedAtSec: nowSec,
      eventId: receipt.event?.id ?? null,
      eventType: receipt.event?.type ?? null,
      verdict: receipt.verdict,
      detail: receipt.detail,
    }),
    db.delete(stripeWebhookReceipts).where(notInArray(stripeWebhookReceipts.id, newest)),
  ]);
}

const PROCESSED_DETAIL: Record<Exclude<WebhookOutcome, "ignored" | "duplicate">, string> = {
  paid: "invoice paid",
  refunded: "invoice refunded",
  flagged: "invoice flagged for an admin",
};

/** The receipt of a verified event, from what processing it came to. */
export function receiptOf(
  event: { id: string; type: string },
  outcome: WebhookOutcome,
  actedOn: readonly string[],
): Receipt {
  const at = { id: event.id, type: event.type };
  if (outcome === "duplicate") return { event: at, verdict: "duplicate", detail: "event already received" };
  if (outcome === "ignored") {
    const detail = actedOn.includes(event.type) ? "no matching invoice to act on" : "event type not acted on";
    return { event: at, verdict: "ignored", detail };
  }
  return { event: at, verdict: "processed", detail: PROCESSED_DETAIL[outcome] };
}

/** The newest receipts first. */
export const recentReceipts = (db: Db, first: number): Promise<StripeWebhookReceiptRow[]> =>
  db.select().from(stripeWebhookReceipts).orderBy(desc(stripeWebhookReceipts.id)).limit(first).all();
