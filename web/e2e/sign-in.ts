import type { Page } from "playwright-core";
import { OWNER } from "../../node-agent/test/e2e/panel.ts";

/**
 * Signs the e2e owner in through the form, in whatever language the page speaks: by field names, not labels.
 * `from` is where the visit starts; a signed-in page sends a visitor without a session to the form.
 */
export async function signIn(page: Page, from = "/login"): Promise<void> {
  await page.goto(from);
  await page.locator('input[name="username"]').fill(OWNER.username);
  await page.locator('input[name="password"]').fill(OWNER.password);
  await page.locator('button[type="submit"]').click();
  await page.locator("main h1").waitFor();
}
