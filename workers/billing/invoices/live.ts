import type { PanelEvent } from "../../events/catalogue";
import { publishLive } from "../../live/hub-client";
import { TOPICS, type LiveEvent } from "../../live/topics";

/**
 * "These invoices changed", for the invoiceUpdated subscribers of each: the payload is the id
 * alone, since every subscriber re-reads the invoice as it may see it.
 */
export const invoiceUpdates = (invoiceIds: Iterable<number>): LiveEvent[] =>
  [...new Set(invoiceIds)].map((id) => ({ topic: TOPICS.invoiceUpdated, key: id, payload: id }));

/** Tells open invoice pages that the invoices payment news is about moved (a settle or refund from a gateway). */
export function publishInvoiceNews(env: Env, waitUntil: (promise: Promise<unknown>) => void, news: PanelEvent[]) {
  publishLive(
    env,
    waitUntil,
    invoiceUpdates(news.flatMap((event) => (event.invoiceId === null ? [] : [event.invoiceId]))),
  );
}
