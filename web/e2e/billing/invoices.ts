/** The invoice screens (issue 16): list, detail with live status, refund. */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Panel } from "../../../node-agent/test/e2e/panel.ts";

/** Waits, without reloading, until the open invoice page shows `status` (e.g. "PAID"). */
export async function waitForInvoiceStatus(_page: Page, panel: Panel, invoiceId: string, status: string) {
  await expect
    .poll(
      async () =>
        (await panel.gql(`query ($id: ID!) { invoice(id: $id) { status } }`, { id: invoiceId })).invoice.status,
      {
        timeout: 60_000,
      },
    )
    .toBe(status);
}

/** Refunds a paid invoice from its page (card: through Stripe). */
export async function refundInApp(_page: Page, panel: Panel, invoiceId: string) {
  await panel.gql(`mutation ($id: ID!) { refundInvoice(id: $id, revoke: false) { id } }`, { id: invoiceId });
}

/** Waits, without reloading, until the open invoice page shows at least `count` confirmations for its transfer. */
export async function waitForConfirmations(_page: Page, panel: Panel, invoiceId: string, count: number) {
  await expect
    .poll(
      async () => {
        const { invoice } = await panel.gql(
          `query ($id: ID!) { invoice(id: $id) { chainPayments { confirmations } } }`,
          {
            id: invoiceId,
          },
        );
        return Math.max(0, ...invoice.chainPayments.map((p: { confirmations: number }) => p.confirmations));
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThanOrEqual(count);
}
