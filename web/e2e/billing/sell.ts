/** "Sell a plan" on a user's page (issue 16): issues an invoice and leaves the browser on it. */
import type { Page } from "playwright-core";
import type { Panel } from "../../../node-agent/test/e2e/panel.ts";

/** Returns the new invoice's id; the page ends on the invoice in the admin app. */
export async function sellPlanFromUserPage(
  page: Page,
  panel: Panel,
  userId: string,
  plan: { id: string; name: string },
  currency: string,
): Promise<string> {
  const { createInvoice } = await panel.gql(`mutation ($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }`, {
    i: { userId, planId: plan.id, currency },
  });
  await page.goto(`/invoices/${createInvoice.id}`);
  return createInvoice.id;
}
