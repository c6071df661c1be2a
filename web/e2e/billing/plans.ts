/** The Plans page, driven as an operator drives it (issue 16): by the nav, labels and buttons. */
import type { Page } from "playwright-core";
import type { Panel } from "../../../node-agent/test/e2e/panel.ts";

export interface PlanDraft {
  name: string;
  dataLimitGb: number;
  durationDays: number;
  price: { currency: string; amount: string };
}

/**
 * Creates a plan through the Plans page's form, checking the buyer preview says what the plan
 * gives; returns its id, read from the new row.
 */
export async function createPlanInApp(page: Page, _panel: Panel, plan: PlanDraft): Promise<string> {
  await page.getByRole("navigation").getByRole("link", { name: "Plans", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Plans" }).waitFor();
  await page.getByRole("button", { name: "New plan" }).click();
  const form = page.getByRole("dialog", { name: "New plan" });
  await form.getByLabel("Name", { exact: true }).fill(plan.name);
  await form.getByLabel("Currency", { exact: true }).fill(plan.price.currency);
  await form.getByLabel("Amount", { exact: true }).fill(plan.price.amount);
  await form.getByLabel("Data limit (GB)").fill(String(plan.dataLimitGb));
  await form.getByLabel("Duration (days)").fill(String(plan.durationDays));
  await form
    .getByText(
      `A LIMITED or EXPIRED user starts over: usage from zero, a ${plan.dataLimitGb} GB limit and ${plan.durationDays} days from payment.`,
    )
    .waitFor();
  await form.getByRole("button", { name: "Create", exact: true }).click();
  await form.waitFor({ state: "detached" });
  const row = page.locator("tr[data-plan-id]", { hasText: plan.name });
  await row.getByText(`${plan.price.amount} ${plan.price.currency}`).waitFor();
  return (await row.getAttribute("data-plan-id"))!;
}
