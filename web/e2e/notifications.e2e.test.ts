/**
 * Notifications in Debian's chromium against the real panel (wrangler dev in production mode, so
 * only persisted operations pass; local Queues): the owner creates a webhook to a loopback receiver
 * that fails the first attempt and accepts the next, seeing its secret once; a user is disabled
 * through the API, the bell counts it live, the notification centre lists it and marks it read,
 * the delivery log shows the retried delivery reach Delivered (signed as Standard Webhooks with
 * that secret); and a users CSV export follows its rows to the count the panel announced.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Panel, startPanel } from "../../node-agent/test/e2e/panel.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { signIn } from "./sign-in.ts";

/** What the receiver was sent, in order; it answers 500 to the first request and 200 after. */
const received: { headers: IncomingHttpHeaders; body: string; answered: number }[] = [];
let receiver: Server;
let panel: Panel;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const answered = received.length === 0 ? 500 : 200;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  [panel, browser] = await Promise.all([
    startPanel({
      vars: { ENVIRONMENT: "production", NOTIFY_ALLOW_PRIVATE_TARGETS: "true", DELIVERY_RETRY_BASE_SEC: "1" },
    }),
    launchBrowser(),
  ]);
  page = await openPage(browser, panel.url, {
    locale: "en-US",
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  page.setDefaultTimeout(20_000);
  await signIn(page);
});

afterAll(async () => {
  await browser?.close();
  await panel?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** The bell's unread count as the page shows it (no badge: none unread). */
async function bellCount(): Promise<number> {
  const badge = page.getByTestId("unread-count");
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

describe("notifications in the admin app", () => {
  it("delivers a user's news to the bell, the centre and a webhook that fails once", { timeout: 90_000 }, async () => {
    const { createUser: user } = await panel.gql(`mutation { createUser(input: { username: "noisy-user" }) { id } }`);
    const { port } = receiver.address() as AddressInfo;

    await page.getByRole("link", { name: "Channels" }).click();
    await page.getByRole("heading", { name: "Channels" }).waitFor();
    await page.getByTestId("new-webhook").click();
    const form = page.getByTestId("channel-form");
    await form.locator('input[name="name"]').fill("e2e receiver");
    await form.locator('input[name="url"]').fill(`http://127.0.0.1:${port}/hook`);
    await form.getByLabel("user.disabled").check();
    await form.getByRole("button", { name: "Create" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "I have saved it" }).click();
    // Shown once: gone from the page once dismissed.
    await expect.poll(() => page.getByTestId("webhook-secret").count()).toBe(0);
    await expect.poll(() => page.locator("tr[data-channel]").count()).toBe(1);

    const before = await bellCount();
    await panel.gql(`mutation ($id: ID!) { updateUser(id: $id, input: { status: DISABLED }) { id } }`, {
      id: user.id,
    });
    // Live: the stream raises the count without a reload.
    await expect.poll(bellCount, { timeout: 20_000, interval: 250 }).toBeGreaterThan(before);

    // The centre shows the live event at once; marking it read needs the queue to have stored it.
    const stored = async () =>
      (await panel.gql(`query { notificationFeed(kinds: ["user.disabled"]) { edges { node { id } } } }`))
        .notificationFeed.edges.length;
    await page.getByTestId("bell").click();
    await page.getByRole("heading", { name: "Notifications" }).waitFor();
    const item = page.locator('li[data-kind="user.disabled"]').first();
    await expect.poll(() => item.getAttribute("class")).toBe("unread");
    await expect.poll(stored, { timeout: 20_000, interval: 250 }).toBe(1);
    const unread = await bellCount();
    await item.getByRole("button", { name: "Mark read" }).click();
    await expect.poll(() => item.getAttribute("class")).toBe("read");
    await expect.poll(bellCount).toBe(unread - 1);

    await page.getByRole("link", { name: "Channels" }).click();
    const delivery = page.getByTestId("delivery-log").locator('tr[data-event-kind="user.disabled"]').first();
    await expect
      .poll(() => delivery.getByTestId("delivery-status").textContent(), { timeout: 45_000, interval: 500 })
      .toBe("Delivered");
    await expect(delivery.getByTestId("delivery-attempts").textContent()).resolves.toBe("2");

    // The receiver saw a failed attempt and a retry of the same message, each signed with the secret shown once.
    expect(received.map((r) => r.answered)).toEqual([500, 200]);
    expect(received[1].headers["webhook-id"]).toBe(received[0].headers["webhook-id"]);
    const payload = new Webhook(secret).verify(received[1].body, received[1].headers as Record<string, string>) as {
      type?: string;
    };
    expect(payload.type).toBe("user.disabled");
  });

  it("exports users as CSV with a progress bar that ends at the announced count", { timeout: 60_000 }, async () => {
    const { users } = await panel.gql(`query { users { totalCount } }`);
    await page.getByRole("link", { name: "Analytics" }).click();
    const exporter = page.getByTestId("export");
    await exporter.locator('select[name="file"]').selectOption("users");
    await exporter.locator('select[name="format"]').selectOption("csv");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      exporter.getByRole("button", { name: "Download" }).click(),
    ]);
    const bar = page.getByTestId("export-progress");
    await expect.poll(() => bar.getAttribute("data-finished")).toBe("true");
    await expect(bar.getAttribute("value")).resolves.toBe("100");
    await expect(page.getByTestId("export-count").textContent()).resolves.toBe(
      `${users.totalCount} of ${users.totalCount} records`,
    );
    const csv = readFileSync(await download.path(), "utf8");
    expect(csv).toContain("noisy-user");
    await expect(page.getByRole("main").getByRole("alert").count()).resolves.toBe(0);
  });
});
