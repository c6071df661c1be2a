/**
 * The safety net in Debian's chromium against the real panel (wrangler dev in production mode, so
 * only persisted operations pass; local R2 and Workflows): the owner backs the panel up from the
 * Backups page, watches its progress reach Complete and downloads the file through the page (the
 * bearer, under the panel's connect-src 'self'); then opens a node whose agent fetched two configs
 * (the real enrollment and signed config requests, no proxy core) and reads the diff between them.
 */
import { statSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EdgeClient, requestEnrollment } from "../../node-agent/src/edge/client.ts";
import { type Panel, startPanel } from "../../node-agent/test/e2e/panel.ts";
import { generateSigningKeyPair, importPrivateKey } from "../../workers/agent/protocol/signing.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { signIn } from "./sign-in.ts";

let panel: Panel;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [panel, browser] = await Promise.all([startPanel({ vars: { ENVIRONMENT: "production" } }), launchBrowser()]);
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
});

describe("the safety net in the admin app", () => {
  it("backs up on demand, follows the progress to Complete, and downloads the file", { timeout: 120_000 }, async () => {
    await panel.gql(`mutation { createUser(input: { username: "kept-user" }) { id } }`);
    await page.getByRole("link", { name: "Backups" }).click();
    await page.getByRole("heading", { name: "Backups" }).waitFor();
    await page.getByRole("button", { name: "Back up now" }).click();
    await expect
      .poll(() => page.getByTestId("backup-progress-status").textContent(), { timeout: 90_000, interval: 500 })
      .toBe("Complete");
    await expect(page.getByTestId("backup-progress").getAttribute("value")).resolves.toBe("100");
    const row = page.locator("tr[data-backup]").first();
    await expect.poll(() => row.getByTestId("backup-status").textContent()).toBe("Complete");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("button", { name: "Download" }).click(),
    ]);
    const id = await row.getAttribute("data-backup");
    expect(download.suggestedFilename()).toContain(id!);
    const saved = await download.path();
    expect(statSync(saved).size).toBeGreaterThan(0);
    await expect(page.getByRole("main").getByRole("alert").count()).resolves.toBe(0);
  });

  it("shows the API's refusal of a schedule beside the field it names, and saves a good one", async () => {
    const schedule = page.getByRole("form", { name: "Schedule and retention" });
    const interval = schedule.getByLabel(/^Back up every/);
    await interval.fill("500");
    await schedule.getByRole("button", { name: "Save" }).click();
    await schedule.getByText("at most 168 hours (a week)").waitFor();
    const describedBy = await interval.getAttribute("aria-describedby");
    await expect(schedule.locator(`#${describedBy}`).textContent()).resolves.toBe("at most 168 hours (a week)");
    await expect(schedule.getByRole("alert").count()).resolves.toBe(1);
    await interval.fill("12");
    await schedule.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(async () => (await panel.gql(`{ settings { backupIntervalHours } }`)).settings)
      .toEqual({
        backupIntervalHours: 12,
      });
    await expect(schedule.getByRole("alert").count()).resolves.toBe(0);
  });

  it("shows a node's config versions, their outcome, and what changed between them", { timeout: 60_000 }, async () => {
    const { createInbound: first } = await panel.gql(
      `mutation { createInbound(input: { tag: "history-a", port: 26443, protocol: VLESS }) { id } }`,
    );
    const { createServer: server } = await panel.gql(
      `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
      { input: { name: "history-node", address: "127.0.0.1", inboundIds: [first.id] } },
    );
    const { createServerEnrollment } = await panel.gql(
      `mutation ($id: ID!) { createServerEnrollment(id: $id) { command } }`,
      { id: server.id },
    );
    const token = /bash "\$f" '[^']+' '([^']+)' '[^']+'\)$/.exec(createServerEnrollment.command.trim())?.[1];
    const keys = await generateSigningKeyPair();
    const { nodeId } = await requestEnrollment({
      panelUrl: panel.url,
      token: token!,
      publicKey: keys.publicKey,
      agentVersion: "e2e",
    });
    const agent = new EdgeClient({ panelUrl: panel.url, nodeId, nodeKey: await importPrivateKey(keys.privateKey) });
    const versionOf = (poll: Awaited<ReturnType<EdgeClient["pollConfig"]>>) =>
      poll.status === 200 ? Number(poll.etag?.replaceAll('"', "")) : Number.NaN;
    const v1 = versionOf(await agent.pollConfig(0, 0));
    // A second inbound on the node: a new config version for the agent's next fetch.
    const { createInbound: second } = await panel.gql(
      `mutation { createInbound(input: { tag: "history-b", port: 26444, protocol: VLESS }) { id } }`,
    );
    await panel.gql(`mutation ($id: ID!, $input: UpdateServerInput!) { updateServer(id: $id, input: $input) { id } }`, {
      id: server.id,
      input: { inboundIds: [first.id, second.id] },
    });
    const v2 = versionOf(await agent.pollConfig(v1, 0));
    expect(v2).toBeGreaterThan(v1);

    await page.getByRole("link", { name: "Nodes" }).click();
    await page.getByRole("link", { name: "history-node" }).click();
    await page.getByRole("heading", { name: "Config history" }).waitFor();
    // Each config is kept after its answer is sent (waitUntil): the page shows both once a reload finds them.
    await expect
      .poll(
        async () => {
          if ((await page.locator("tr[data-version]").count()) < 2) await page.reload();
          return page.locator("tr[data-version]").count();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBeGreaterThanOrEqual(2);
    await expect(page.locator(`tr[data-version="${v2}"] [data-testid="config-outcome"]`).textContent()).resolves.toBe(
      "Issued",
    );
    const diff = page.getByTestId("config-diff");
    await expect.poll(() => diff.locator('li[data-change="added"]').textContent()).toBe("history-b added");
    await expect(page.getByTestId("compare-from").inputValue()).resolves.toBe(String(v1));
    await expect(page.getByTestId("compare-to").inputValue()).resolves.toBe(String(v2));
    await expect(page.getByTestId("node-protocol-note").isVisible()).resolves.toBe(true);
  });
});
