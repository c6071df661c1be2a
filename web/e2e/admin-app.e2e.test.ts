/**
 * The admin app in Debian's chromium against the real panel (wrangler dev): an admin signs in,
 * builds an inbound, a group and a user through the forms, finds the user again, copies its
 * link and opens the subscriber's page, then reads the app in Persian, right to left. Ends by
 * photographing every main page in light, dark and fa into web/e2e/screenshots/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OWNER, startPanel, type Panel } from "../../node-agent/test/e2e/panel.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { signIn } from "./sign-in.ts";

const SCREENSHOTS = join(import.meta.dirname, "screenshots");
let panel: Panel;
let browser: Browser;
let page: Page;
let userPath = "";

beforeAll(async () => {
  [panel, browser] = await Promise.all([startPanel(), launchBrowser()]);
  page = await openPage(browser, panel.url, { locale: "en-US", viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await panel?.stop();
});

describe("an admin's first look", () => {
  it("opens the panel's address, signs in at once and finds the dashboard filled and live, with no error", async () => {
    // A password manager signs in within a second or two of the first paint: nothing loaded while
    // signed out may be shown to the admin who signs in.
    const fresh = await openPage(browser, panel.url, { locale: "en-US", viewport: { width: 1280, height: 800 } });
    fresh.setDefaultTimeout(10_000);
    await signIn(fresh, "/");
    await fresh.getByRole("heading", { name: "Dashboard" }).waitFor();
    await fresh.getByTestId("nodes-online").waitFor();
    await fresh.getByTestId("users-card").locator("dd").first().waitFor();
    await expect.poll(() => fresh.locator(".live-dot").getAttribute("data-state")).toBe("open");
    await expect.poll(() => fresh.locator('main [aria-busy="true"]').count()).toBe(0);
    await expect(fresh.locator("main").getByRole("alert").count()).resolves.toBe(0);
    await fresh.context().close();
  });
});

describe("an admin's day in the app", () => {
  it("signs in, refusing a wrong password where it was typed", async () => {
    await page.goto("/users");
    await page.waitForURL("**/login");
    await page.getByLabel(/^Username\b/).fill(OWNER.username);
    await page.getByLabel(/^Password/).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBeTruthy();
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.getByTestId("users-card").getByText("Total").waitFor();
  });

  it("creates an inbound, showing only the fields its choices need", async () => {
    await page.getByRole("link", { name: "Inbounds" }).click();
    await page.getByRole("button", { name: "New inbound" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Tag/).fill("e2e-vless");
    await dialog.getByLabel(/^Port\b/).fill("70000");
    await dialog.getByLabel(/^Security/).selectOption("REALITY");
    await expect(dialog.getByLabel(/^Destination \(host:port\)/).isVisible()).resolves.toBe(true);
    await dialog.getByRole("button", { name: "Generate new keys" }).click();
    await expect.poll(() => dialog.getByTestId("reality-public-key").inputValue()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await dialog.getByLabel(/^Security/).selectOption("TLS");
    await expect(dialog.getByLabel(/^Destination \(host:port\)/).count()).resolves.toBe(0);
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText("Ports run from 1 to 65535.").waitFor();
    await dialog.getByLabel(/^Port\b/).fill("24443");
    await dialog.getByLabel(/^Transport/).selectOption("WS");
    await dialog.getByLabel(/^Path/).fill("/e2e");
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.locator('tr[data-inbound="e2e-vless"]').waitFor();
    await expect(page.locator('tr[data-inbound="e2e-vless"]').textContent()).resolves.toContain("WS");
  });

  it("creates a group holding that inbound", async () => {
    await page.getByRole("link", { name: "Groups" }).click();
    await page.getByRole("button", { name: "New group" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Name\b/).fill("e2e-group");
    await expect(dialog.getByLabel("e2e-vless").isChecked()).resolves.toBe(true);
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.locator('tr[data-group="e2e-group"]').waitFor();
    await expect(page.locator('tr[data-group="e2e-group"]').textContent()).resolves.toContain("e2e-vless");
  });

  it("deletes a group after a confirm, and the list drops it without a reload", async () => {
    await panel.gql(`mutation { createGroup(input: { name: "e2e-spare", inboundIds: [] }) { id } }`);
    await page.reload();
    const row = page.locator('tr[data-group="e2e-spare"]');
    await row.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await row.waitFor({ state: "detached" });
    const { groups } = await panel.gql(`{ groups { name } }`);
    expect(groups.map((g: { name: string }) => g.name)).toEqual(["e2e-group"]);
  });

  it("creates a user in the group, with a data limit and 'days after first use'", async () => {
    await page.getByRole("link", { name: "Users" }).click();
    await page.getByRole("button", { name: "New user" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Username\b/).fill("no spaces allowed");
    await dialog.getByRole("button", { name: "Create" }).click();
    await dialog.getByText("Use 3 to 64 letters").waitFor();
    // The message is the field's own, for a screen reader too, and the form stays open.
    const username = dialog.getByLabel(/^Username\b/);
    await expect(username.getAttribute("aria-invalid")).resolves.toBe("true");
    const describedBy = await username.getAttribute("aria-describedby");
    await expect(dialog.locator(`#${describedBy}`).textContent()).resolves.toMatch(/^Use 3 to 64 letters/);
    await username.fill("e2e-alice");
    await dialog.getByLabel(/^Data limit/).fill("10");
    await dialog.getByLabel("N days after first use").check();
    await dialog.getByLabel(/^Days after first use\b/).fill("30");
    await dialog.getByLabel("e2e-group").check();
    await dialog.getByRole("button", { name: "Create" }).click();
    await page.getByRole("heading", { name: /e2e-alice/ }).waitFor();
    userPath = new URL(page.url()).pathname;
    const { users } = await panel.gql(
      `{ users(filter: { search: "e2e-alice" }) { edges { node { status dataLimit onHoldExpireDays groups { name } } } } }`,
    );
    expect(users.edges[0].node).toEqual({
      status: "ON_HOLD",
      dataLimit: 10 * 2 ** 30,
      onHoldExpireDays: 30,
      groups: [{ name: "e2e-group" }],
    });
  });

  it("finds the user by search among others", async () => {
    for (const name of ["e2e-bob", "e2e-carol"])
      await panel.gql(`mutation ($n: String!) { createUser(input: { username: $n }) { id } }`, { n: name });
    await page.getByRole("link", { name: "Users" }).click();
    await page.locator("tr[data-user]").first().waitFor();
    const names = () =>
      page.locator("tr[data-user]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-user")));
    // Newest first until a column is chosen; the server sorts, a second click turns it around.
    await expect.poll(names).toEqual(["e2e-carol", "e2e-bob", "e2e-alice"]);
    await page.getByRole("button", { name: "Username" }).click();
    await expect.poll(names).toEqual(["e2e-alice", "e2e-bob", "e2e-carol"]);
    await page.getByRole("button", { name: "Username" }).click();
    await expect.poll(names).toEqual(["e2e-carol", "e2e-bob", "e2e-alice"]);
    await expect(page.getByRole("columnheader", { name: "Username" }).getAttribute("aria-sort")).resolves.toBe(
      "descending",
    );
    await page.getByRole("searchbox", { name: "Search users" }).fill("ali");
    await expect
      .poll(() => page.locator("tr[data-user]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-user"))))
      .toEqual(["e2e-alice"]);
    await expect(page.getByText("1 user", { exact: true }).isVisible()).resolves.toBe(true);
  });

  it("copies the subscription link and opens the subscriber's page", async () => {
    await page.locator('tr[data-user="e2e-alice"]').getByRole("link", { name: "e2e-alice" }).click();
    const url = (await page.getByTestId("subscription-url").textContent())!;
    expect(url).toMatch(/\/sub\/\S+$/);
    await page.getByRole("button", { name: "Copy link" }).first().click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await page.getByText("QR code", { exact: true }).click();
    const qr = await page.getByRole("img", { name: /QR code of e2e-alice/ }).boundingBox();
    expect(qr?.width).toBeGreaterThan(100);

    const [subscriber] = await Promise.all([
      page.context().waitForEvent("page"),
      page.getByRole("link", { name: "Open page" }).click(),
    ]);
    await subscriber.waitForLoadState();
    expect(subscriber.url()).toBe(url);
    expect(await subscriber.textContent("body")).toContain("e2e-alice");
    await subscriber.close();
  });

  it("revokes the user's config after a confirm that says to refresh the subscription; the link stays", async () => {
    const READ = `{ users(filter: { search: "e2e-alice" }) { edges { node { subscriptionUrl credentials { vlessId trojanPassword } } } } }`;
    const before = (await panel.gql(READ)).users.edges[0].node;
    await page.getByRole("button", { name: "Revoke config / new credentials" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.textContent()).resolves.toContain("refresh the subscription");
    await dialog.getByRole("button", { name: "Revoke config / new credentials" }).click();
    await page.getByText("New credentials issued").waitFor();
    const after = (await panel.gql(READ)).users.edges[0].node;
    expect(after.subscriptionUrl).toBe(before.subscriptionUrl);
    expect(after.credentials.vlessId).not.toBe(before.credentials.vlessId);
    expect(after.credentials.trojanPassword).not.toBe(before.credentials.trojanPassword);
  });

  it("reads the audit log filtered by action and by who acted", async () => {
    await page.getByRole("link", { name: "Audit log" }).click();
    const actions = () => page.locator("main tbody tr td:nth-child(3)").allTextContents();
    await expect.poll(async () => (await actions()).length).toBeGreaterThan(3);
    await page.getByLabel(/^Action/).fill("user.create");
    await page.getByLabel(/^Who/).selectOption({ label: OWNER.username });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect.poll(actions).toEqual(["user.create", "user.create", "user.create"]);
    expect(new URL(page.url()).searchParams.get("action")).toBe("user.create");
  });

  it("sets the routing policy in Settings and a node's own on the Nodes page, showing a bad entry beside its list", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    const form = page.getByRole("form", { name: "Routing policy" });
    await form.getByLabel(/^Blocked destination CIDRs/).fill("203.0.113.0/24\n10.0.0.0/40");
    await form.getByRole("button", { name: "Save" }).click();
    await form
      .locator("#routing-blockedCidrs-error")
      .getByText('"10.0.0.0/40": the prefix length must be 0 to 32')
      .waitFor();
    await form.getByLabel(/^Blocked destination CIDRs/).fill("203.0.113.0/24");
    await form.getByLabel(/^Allowed private destinations/).fill("10.0.0.53/32 53");
    await form.getByRole("button", { name: "Save" }).click();
    const policy = async () =>
      (await panel.gql(`{ routingPolicy { blockedCidrs allowedPrivate { cidr ports } } }`)).routingPolicy;
    await expect
      .poll(policy)
      .toEqual({ blockedCidrs: ["203.0.113.0/24"], allowedPrivate: [{ cidr: "10.0.0.53/32", ports: ["53"] }] });

    const { createServer } = await panel.gql(
      `mutation { createServer(input: { name: "e2e-node", address: "203.0.113.7" }) { id } }`,
    );
    await page.getByRole("link", { name: "Nodes" }).click();
    await page.locator('tr[data-node="e2e-node"]').getByRole("button", { name: "Routing" }).click();
    const dialog = page.getByRole("dialog");
    // Following the panel-wide policy: shown, not editable until the node gets its own.
    await expect(dialog.getByLabel(/^Blocked destination CIDRs/).inputValue()).resolves.toBe("203.0.113.0/24");
    await expect(dialog.getByLabel(/^Block BitTorrent/).isDisabled()).resolves.toBe(true);
    await dialog.getByLabel("This node has its own policy").check();
    await dialog.getByLabel(/^Block BitTorrent/).uncheck();
    await dialog.getByRole("button", { name: "Save" }).click();
    const override = async () =>
      (
        await panel.gql(
          `query ($id: ID!) { server(id: $id) { routingPolicyOverride { blockBittorrent blockedCidrs } } }`,
          { id: createServer.id },
        )
      ).server.routingPolicyOverride;
    await expect.poll(override).toEqual({ blockBittorrent: false, blockedCidrs: ["203.0.113.0/24"] });
    await page.keyboard.press("Escape");
  });

  it("shows a reseller's balance and tops it up on the Admins page", async () => {
    const { createAdmin } = await panel.gql(
      `mutation { createAdmin(input: { username: "e2e-reseller", password: "e2e-reseller-pass", role: RESELLER, maxDataLimit: 1073741824 }) { id } }`,
    );
    await panel.gql(
      `mutation { createUser(input: { username: "e2e-resold", dataLimit: 268435456, ownerId: "${createAdmin.id}" }) { id } }`,
    );
    await page.getByRole("link", { name: "Admins" }).click();
    const row = page.locator("tr", { hasText: "e2e-reseller" });
    await expect.poll(() => row.getByTestId("reseller-balance").textContent()).toMatch(/256\sMB given · 768\sMB left/);
    await row.getByRole("button", { name: "Top up" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Add data/).fill("1");
    await dialog.getByLabel(/^Unit/).selectOption("GB");
    await dialog.getByRole("button", { name: "Top up" }).click();
    await expect
      .poll(() => row.getByTestId("reseller-balance").textContent())
      .toMatch(/256\sMB given · 1\.75\sGB left/);
    const { admin } = await panel.gql(`query ($id: ID!) { admin(id: $id) { maxDataLimit dataGiven dataLeft } }`, {
      id: createAdmin.id,
    });
    expect(admin).toEqual({ maxDataLimit: 2 * 2 ** 30, dataGiven: 2 ** 28, dataLeft: 2 * 2 ** 30 - 2 ** 28 });
  });

  it("lists the browser origins allowed to call the API in Settings", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel(/^Allowed browser origins/).fill("https://dash.example.com\nhttps://Ops.example.com:8443");
    await page.getByRole("button", { name: "Save" }).first().click();
    await expect
      .poll(async () => (await panel.gql(`{ settings { corsAllowedOrigins } }`)).settings.corsAllowedOrigins)
      .toEqual(["https://dash.example.com", "https://ops.example.com:8443"]);
    const preflight = await fetch(`${panel.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://dash.example.com", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://dash.example.com");
  });

  it("switches to Persian and lays the app out right to left", async () => {
    await page.getByTestId("language").selectOption("fa");
    await expect.poll(() => page.locator("html").getAttribute("dir")).toBe("rtl");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("fa");
    await page.getByRole("link", { name: "کاربران" }).waitFor();
    const sidebar = (await page.locator("aside").boundingBox())!;
    const main = (await page.locator("main").boundingBox())!;
    expect(sidebar.x).toBeGreaterThan(main.x);
    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByTestId("language").selectOption("en");
  });

  it("installs as an app whose offline cache holds the shell and never an API answer", async () => {
    const manifest = await (await page.request.get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ name: "VortexPanel", start_url: "/", display: "standalone" });
    await page.goto("/users");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.locator("tr[data-user]").first().waitFor();
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).toContain("/");
    expect(cached.some((path) => path.startsWith("/assets/"))).toBe(true);
    expect(cached.filter((path) => /^\/(graphql|api|sub)/.test(path))).toEqual([]);
  });

  it("stays usable 360 px wide: nothing wider than the screen but the tables' own scroll", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/users");
    await page.locator("tr[data-user]").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe("screenshots", () => {
  const pages = [
    "/",
    "/users",
    "__user__",
    "/nodes",
    "/inbounds",
    "/groups",
    "/admins",
    "/audit",
    "/settings",
    "/import",
    "/account",
  ];

  it("photographs every main page in light, dark and Persian", { timeout: 180_000 }, async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [variant, locale, theme] of [
      ["light", "en", "light"],
      ["dark", "en", "dark"],
      ["fa", "fa", "light"],
    ] as const) {
      const shot = await openPage(browser, panel.url, { viewport: { width: 1280, height: 800 }, colorScheme: theme });
      shot.setDefaultTimeout(10_000);
      await shot.addInitScript(
        ([l, t]) => {
          localStorage.setItem("vortex.locale", l);
          localStorage.setItem("vortex.theme", t);
        },
        [locale, theme],
      );
      await signIn(shot);
      for (const path of pages) {
        await shot.goto(path === "__user__" ? userPath : path);
        await shot.locator("main h1").first().waitFor();
        await shot
          .waitForFunction(() => !document.querySelector('main [aria-busy="true"]'), undefined, { timeout: 10_000 })
          .catch(() => undefined);
        const name = path === "/" ? "dashboard" : path === "__user__" ? "user" : path.slice(1);
        await shot.screenshot({ path: join(SCREENSHOTS, `${name}-${variant}.png`), fullPage: true });
      }
      expect(await shot.locator("html").getAttribute("data-theme")).toBe(theme);
      await shot.context().close();
    }
  });
});
