/**
 * The invoice screens (issue 16): list, detail with live status, refund. Each step reads the page
 * the operator has open, as it shows it: no reload, no API call behind the page's back.
 */
import type { Page } from "playwright-core";
import type { Panel } from "../../../node-agent/test/e2e/panel.ts";

const LIVE_TIMEOUT_MS = 60_000;
const numberOf = (invoiceId: string) => `INV-${invoiceId.padStart(6, "0")}`;

/** Waits, without reloading, until the open invoice page shows `status` (e.g. "PAID"). */
export async function waitForInvoiceStatus(page: Page, _panel: Panel, invoiceId: string, status: string) {
  await page.getByRole("heading", { level: 1, name: numberOf(invoiceId) }).waitFor();
  await page.locator(`[data-testid="invoice-status"][data-status="${status}"]`).waitFor({ timeout: LIVE_TIMEOUT_MS });
}

/** Refunds a paid invoice from its page (card: through Stripe), reaching it from the Invoices list when elsewhere. */
export async function refundInApp(page: Page, _panel: Panel, invoiceId: string) {
  if (!new URL(page.url()).pathname.endsWith(`/invoices/${invoiceId}`)) {
    await page.getByRole("navigation").getByRole("link", { name: "Invoices" }).click();
    await page.getByRole("link", { name: numberOf(invoiceId) }).click();
  }
  await page.getByRole("button", { name: "Refund" }).click();
  const dialog = page.getByRole("dialog", { name: "Refund" });
  await dialog.getByText("the money goes back to the card through Stripe").waitFor();
  await dialog.getByRole("button", { name: "Refund" }).click();
  await dialog.waitFor({ state: "detached" });
}

/** Waits, without reloading, until the open invoice page shows at least `count` confirmations for its transfer. */
export async function waitForConfirmations(page: Page, _panel: Panel, invoiceId: string, count: number) {
  await page.getByRole("heading", { level: 1, name: numberOf(invoiceId) }).waitFor();
  await page.waitForFunction(
    (atLeast) =>
      [...document.querySelectorAll('[data-testid="transfer"] [data-testid="confirmations"]')].some(
        (cell) => Number(/\d+/.exec(cell.textContent ?? "")?.[0] ?? -1) >= atLeast,
      ),
    count,
    { timeout: LIVE_TIMEOUT_MS },
  );
}
