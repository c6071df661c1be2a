import type { Page } from "playwright-core";
import { OWNER } from "../../node-agent/test/e2e/panel.ts";

/** Signs the e2e owner in through the form, in whatever language the page speaks: by field names, not labels. */
export async function signIn(page: Page): Promise<void> {
  await page.goto("/login");
  await page.locator('input[name="username"]').fill(OWNER.username);
  await page.locator('input[name="password"]').fill(OWNER.password);
  await page.locator('button[type="submit"]').click();
  await page.locator("main h1").waitFor();
}
