/**
 * Debian's chromium driven by playwright-core: the only browser the tests use (nothing is
 * downloaded). The flags keep it from dialling out, which this machine's closed network refuses.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/** A fresh context per story: its own storage, clipboard permission for copy buttons. */
export async function openPage(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin, ...options });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  return context.newPage();
}
