/**
 * The end-user page (`/sub/<token>` opened in a browser), in Debian's chromium against the real
 * panel: what a subscriber sees and the buttons they press.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPanel, type Panel } from "../../node-agent/test/e2e/panel.ts";
import { launchBrowser, openPage } from "./browser.ts";

let panel: Panel;
let browser: Browser;
let subscriptionUrl: string;

beforeAll(async () => {
  [panel, browser] = await Promise.all([startPanel(), launchBrowser()]);
  const { createInbound } = await panel.gql(
    `mutation { createInbound(input: { tag: "page-in", port: 24443, protocol: VLESS, transport: TCP, security: NONE }) { id } }`,
  );
  const { createGroup } = await panel.gql(
    `mutation ($ids: [ID!]) { createGroup(input: { name: "page-group", inboundIds: $ids }) { id } }`,
    { ids: [createInbound.id] },
  );
  const { createUser } = await panel.gql(
    `mutation ($input: CreateUserInput!) { createUser(input: $input) { subscriptionUrl } }`,
    { input: { username: "page-reader", groupIds: [createGroup.id], dataLimit: 10 * 2 ** 30 } },
  );
  subscriptionUrl = createUser.subscriptionUrl;
});

afterAll(async () => {
  await browser?.close();
  await panel?.stop();
});

describe("the subscription page in a browser", () => {
  it("shows the user's usage and status, copies the link and draws its QR code", async () => {
    const page = await openPage(browser, panel.url);
    const response = await page.goto(subscriptionUrl);
    expect(response?.headers()["content-type"]).toContain("text/html");
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("ltr");
    expect(await page.textContent("body")).toContain("page-reader");
    expect(await page.getAttribute('[role="progressbar"]', "aria-valuenow")).toBe("0");

    const copy = page.locator(`button[data-copy="${subscriptionUrl}"]`);
    const label = await copy.textContent();
    await copy.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(subscriptionUrl);
    // The button says it worked, then returns to its label.
    await page.waitForFunction((l) => document.querySelector("button[data-copy]")?.textContent !== l, label);

    const qr = page.locator("section", { hasText: subscriptionUrl }).locator("details");
    await qr.locator("summary").click();
    const box = await qr.locator("svg").boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    await page.context().close();
  });

  it("speaks Persian right to left when the browser asks for it", async () => {
    const page = await openPage(browser, panel.url, {
      locale: "fa-IR",
      extraHTTPHeaders: { "accept-language": "fa-IR,fa;q=0.9" },
    });
    await page.goto(subscriptionUrl);
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("fa");
    // Right to left for real: the heading's text starts at the right edge of its box.
    const align = await page.$eval("h1", (h) => getComputedStyle(h).direction);
    expect(align).toBe("rtl");
    await page.context().close();
  });
});
