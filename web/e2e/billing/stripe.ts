/** The Stripe card on the Payments page (issue 16). */
import type { Page } from "playwright-core";
import type { Panel } from "../../../node-agent/test/e2e/panel.ts";

/** The verdicts as the card words them in English, back to the API's names. */
const VERDICTS: Record<string, string> = {
  Processed: "PROCESSED",
  "Duplicate: already received, nothing changed": "DUPLICATE",
  "Ignored: nothing to act on": "IGNORED",
  "Bad signature: refused": "BAD_SIGNATURE",
  "Failed: Stripe will retry it": "FAILED",
};

/** What the Stripe card says: configured, the webhook URL to paste, the last webhook's verdict. */
export async function stripeStatusInApp(
  page: Page,
  _panel: Panel,
): Promise<{ configured: boolean; webhookUrl: string; lastVerdict: string | null }> {
  // Opened afresh: the card reads what arrived up to now.
  await page.goto("/payments");
  const card = page.getByRole("region", { name: "Stripe", exact: true });
  const webhookUrl = await card.getByLabel("Webhook endpoint URL").inputValue();
  const configured =
    (await card.getByText("✓ Configured").count()) === 2 && (await card.getByText("✗ Not configured").count()) === 0;
  const last = card.getByRole("region", { name: "Last webhook", exact: true });
  const words = (await last.locator(".badge").count()) === 0 ? null : await last.locator(".badge").innerText();
  return { configured, webhookUrl, lastVerdict: words === null ? null : (VERDICTS[words] ?? words) };
}
