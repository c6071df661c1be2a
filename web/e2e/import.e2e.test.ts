/**
 * The Import page in Debian's chromium against the real panel (wrangler dev, production mode so
 * only persisted operations pass): the owner drops a 3x-ui database, which sql.js reads in the
 * browser, reads the dry run's report, confirms, watches the progress reach 100 %, reads the final
 * report and finds the users on the Users page.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PeerServer, remnawaveFixture, startRemnawaveApi } from "../../importers/test/fixtures/peer-api.ts";
import { buildThreeXUiDb } from "../../importers/test/fixtures/three-x-ui.ts";
import { type Panel, startPanel } from "../../node-agent/test/e2e/panel.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { signIn } from "./sign-in.ts";

// More than one batch of 1,000, so the bar moves through a step before it is full.
const USERS = 1_500;
let panel: Panel;
let browser: Browser;
let page: Page;
let file: string;
let remnawave: PeerServer | undefined;

beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), "vortex-import-e2e-")), "x-ui.db");
  buildThreeXUiDb(file, { users: USERS });
  [panel, browser] = await Promise.all([startPanel({ vars: { ENVIRONMENT: "production" } }), launchBrowser()]);
  page = await openPage(browser, panel.url, { locale: "en-US", viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(20_000);
  await signIn(page);
});

afterAll(async () => {
  await remnawave?.close();
  await browser?.close();
  await panel?.stop();
});

describe("moving in from 3x-ui through the Import page", () => {
  it("reads the dropped x-ui.db in the browser and prefills the instance name", async () => {
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.getByRole("link", { name: "Import" }).click();
    await page.getByRole("heading", { name: "Import from another panel" }).waitFor();
    await page.getByLabel("3x-ui").check();
    await page.getByTestId("import-database").setInputFiles(file);
    await expect.poll(() => page.getByTestId("import-summary").textContent()).toMatch(/^Found [\d,]+ users/);
    await expect(page.getByLabel(/^Instance name/).inputValue()).resolves.not.toBe("");
    // sql.js compiled its WebAssembly under the panel's CSP, from the panel's own origin.
    expect(errors.join("\n")).not.toMatch(/Content Security Policy|wasm/i);
  });

  it("shows the dry run's report, with every user new, before anything is written", async () => {
    await page.getByRole("button", { name: "Dry run" }).click();
    await page.getByRole("heading", { name: "Dry run: what the import would do" }).waitFor();
    const usersRow = page.getByTestId("import-report").getByRole("row", { name: /^Users/ });
    await expect.poll(() => usersRow.locator("td").first().textContent()).toMatch(/^[1-9][\d,]*$/);
    const users = await panel.gql(`{ users { totalCount } }`);
    expect(users.users.totalCount).toBe(0);
  });

  it("imports after confirming, the bar reaching 100 % and the final report showing", async () => {
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/users, with the inbounds and nodes above, will be written/).waitFor();
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByRole("heading", { name: "Import finished" }).waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("import-progress").getAttribute("value")).resolves.toBe("100");
    await page.getByText(/\(100%\)/).waitFor();
    await page.getByTestId("import-report").waitFor();
    await expect(page.getByRole("main").getByRole("alert").count()).resolves.toBe(0);
  });

  it("fits the final report, enrollment lines included, in 360 px: only tables and code lines scroll", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("lists the imported users on the Users page", async () => {
    const { users } = await panel.gql(`{ users { totalCount } }`);
    expect(users.totalCount).toBeGreaterThan(0);
    await page.getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { name: "Users" }).waitFor();
    await page.getByText(`${users.totalCount.toLocaleString("en-US")} users`).waitFor();
  });
});

describe("moving in from Remnawave's API through the Import page", () => {
  it("reads the peer's API through the panel (the page's CSP allows no other origin) and plans its users", async () => {
    const fixture = remnawaveFixture();
    remnawave = await startRemnawaveApi(fixture);
    await page.getByRole("link", { name: "Import" }).click();
    await page.getByRole("heading", { name: "Import from another panel" }).waitFor();
    await page.getByLabel("Remnawave").check();
    await page.getByLabel("Panel URL").fill(remnawave.url);
    await page.getByLabel("Admin API token").fill(fixture.token);
    await page.getByRole("button", { name: "Dry run" }).click();
    await page.getByRole("heading", { name: "Dry run: what the import would do" }).waitFor({ timeout: 60_000 });
    const usersRow = page.getByTestId("import-report").getByRole("row", { name: /^Users/ });
    await expect.poll(() => usersRow.locator("td").first().textContent()).toMatch(/^[1-9][\d,]*$/);
    // Every request reached the peer from the panel, with the token the owner typed.
    expect(remnawave.requests.length).toBeGreaterThan(0);
  });
});
