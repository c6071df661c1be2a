/** The Revenue page (issue 16): by day and currency, paid vs refunded, by plan, CSV export. */
import type { Page } from "playwright-core";
import type { Panel } from "../../../node-agent/test/e2e/panel.ts";

/**
 * This month's paid and refunded totals in one currency, as the page's Totals table shows them
 * (decimal strings, summed by the panel). Opens the page afresh, goes to Week and back to Month
 * through the period picker, then reads the currency's row; no row means nothing moved this
 * month, shown as nothing, read as zero at the currency's two digits.
 */
export async function revenueInApp(
  page: Page,
  _panel: Panel,
  currency: string,
): Promise<{ paid: string; refunded: string }> {
  await page.goto("/revenue");
  const range = page.getByTestId("revenue-range");
  const month = await range.innerText();
  await page.getByRole("tab", { name: "Week" }).click();
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="revenue-range"]')?.textContent !== text,
    month,
  );
  await page.getByRole("tab", { name: "Month" }).click();
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="revenue-range"]')?.textContent === text,
    month,
  );
  const totals = page.getByRole("region", { name: "Totals", exact: true });
  const row = totals.getByRole("row").filter({ has: page.getByRole("cell", { name: currency, exact: true }) });
  if ((await row.count()) === 0) return { paid: "0.00", refunded: "0.00" };
  const [, paid, refunded] = await row.getByRole("cell").allInnerTexts();
  return { paid: paid!, refunded: refunded! };
}
