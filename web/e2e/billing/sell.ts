/** "Sell a plan" on a user's page (issue 16): issues an invoice and leaves the browser on it. */
import type { Page } from "playwright-core";
import type { Panel } from "../../../node-agent/test/e2e/panel.ts";

/** Returns the new invoice's id, read from the address the page ends on: the invoice in the admin app. */
export async function sellPlanFromUserPage(
  page: Page,
  _panel: Panel,
  userId: string,
  plan: { id: string; name: string },
  currency: string,
): Promise<string> {
  await page.goto(`/users/${userId}`);
  await page.getByRole("button", { name: "Sell a plan" }).click();
  const dialog = page.getByRole("dialog", { name: "Sell a plan" });
  await dialog.getByLabel("Plan", { exact: true }).selectOption({ label: plan.name });
  await dialog.getByLabel("Currency", { exact: true }).selectOption(currency);
  await dialog.getByRole("button", { name: "Create invoice" }).click();
  await page.waitForURL(/\/invoices\/\d+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}
