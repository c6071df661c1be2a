/**
 * The Plans page, driven as an operator drives it (issue 16). Until the page exists these steps
 * go through the API, so the story runs end to end while each screen is built.
 */
import type { Page } from "playwright-core";
import type { Panel } from "../../../node-agent/test/e2e/panel.ts";

export interface PlanDraft {
  name: string;
  dataLimitGb: number;
  durationDays: number;
  price: { currency: string; amount: string };
}

/** Creates a plan through the Plans page's form; returns its id. */
export async function createPlanInApp(_page: Page, panel: Panel, plan: PlanDraft): Promise<string> {
  const { createPlan } = await panel.gql(`mutation ($i: CreatePlanInput!) { createPlan(input: $i) { id } }`, {
    i: {
      name: plan.name,
      dataLimit: plan.dataLimitGb * 2 ** 30,
      durationDays: plan.durationDays,
      prices: [plan.price],
    },
  });
  return createPlan.id;
}
