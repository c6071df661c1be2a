/** The Revenue page (issue 16): by day and currency, paid vs refunded, by plan, CSV export. */
import type { Page } from "playwright-core";
import type { Panel } from "../../../node-agent/test/e2e/panel.ts";

/** This month's paid and refunded totals in one currency, as the page shows them (decimal strings). */
export async function revenueInApp(
  _page: Page,
  panel: Panel,
  currency: string,
): Promise<{ paid: string; refunded: string }> {
  const { analytics } = await panel.gql(`query { analytics(period: MONTH) { revenue { currency paid refunded } } }`);
  const rows = analytics.revenue.filter((r: { currency: string }) => r.currency === currency);
  const sum = (k: "paid" | "refunded") =>
    rows.reduce((s: number, r: Record<string, string>) => s + Number(r[k]), 0).toFixed(2);
  return { paid: sum("paid"), refunded: sum("refunded") };
}
