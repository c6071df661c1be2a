/**
 * The owner secures its account through the SPA in Debian's chromium, against a panel running as
 * production (browsers may send only persisted operations, so every screen here proves the SPA's
 * requests are on the allow-list): turns on TOTP from the typed key, signs in again with a code,
 * registers a passkey with chromium's virtual authenticator and signs in with it alone, finds a
 * session opened elsewhere (with a backup code) and ends it, renews the backup codes and turns
 * TOTP off. Then, as the owner, it confines another admin to a network, links a provider identity
 * to it, requires TOTP of admins, and checks the page at 360 px.
 */
import * as OTPAuth from "otpauth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OWNER, startPanel, type Panel } from "../../node-agent/test/e2e/panel.ts";
import { launchBrowser, openPage } from "./browser.ts";

let panel: Panel;
let browser: Browser;
let page: Page;
let totp: OTPAuth.TOTP;
let backupCodes: string[] = [];
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

beforeAll(async () => {
  [panel, browser] = await Promise.all([startPanel({ vars: { ENVIRONMENT: "production" } }), launchBrowser()]);
  // WebAuthn wants a domain as relying party, not an IP address.
  page = await openPage(browser, panel.url.replace("127.0.0.1", "localhost"), {
    locale: "en-US",
    viewport: { width: 1280, height: 900 },
  });
  page.setDefaultTimeout(10_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await panel?.stop();
});

/** A GraphQL call from somewhere else: a script, with its own User-Agent and no Origin. */
async function elsewhere<T = any>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<{ data?: T; errors?: { extensions?: { code?: string } }[] }> {
  const response = await fetch(`${panel.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": FIREFOX,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return response.json() as Promise<any>;
}

const signOut = async () => {
  await page.locator(".sidebar").getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/login");
};

async function signInWithPassword() {
  await page.getByLabel(/^Username/).fill(OWNER.username);
  await page.getByLabel(/^Password/).fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

describe("the owner's account and security", () => {
  it("runs as production: query text from a browser is refused, the SPA's persisted operations are not", async () => {
    await page.goto("/login");
    const refused = await page.evaluate(async () => {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ signInOptions { oidcEnabled } }" }),
      });
      return response.json();
    });
    expect(refused.errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
    await signInWithPassword();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  });

  it("turns on TOTP from the account page and is shown ten backup codes once", async () => {
    await page.getByRole("link", { name: "Account & security" }).click();
    await page.getByRole("heading", { name: "Account & security", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Set up authenticator app" }).click();
    await page.getByRole("img", { name: "QR code for the authenticator app" }).waitFor();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
    await page.getByLabel("Code", { exact: true }).fill("000000" === totp.generate() ? "111111" : "000000");
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBeTruthy();
    await page.getByLabel("Code", { exact: true }).fill(totp.generate());
    await page.getByRole("button", { name: "Turn on" }).click();
    const codes = page.getByTestId("backup-codes").locator("li");
    await expect.poll(() => codes.count()).toBe(10);
    backupCodes = await codes.allTextContents();
    expect(backupCodes.every((c) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(c.trim()))).toBe(true);
    await page.getByRole("button", { name: "I have saved them" }).click();
    await expect(page.getByTestId("backup-codes").count()).resolves.toBe(0);
    await page.getByText("10 backup codes left.").waitFor();
  });

  it("signs in again with the password and then a code from the app", async () => {
    await signOut();
    await signInWithPassword();
    await page.getByRole("heading", { name: "Two-step verification" }).waitFor();
    await page.getByLabel("Code", { exact: true }).fill("123456" === totp.generate() ? "654321" : "123456");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBeTruthy();
    // The enrollment used this time step's code, and a code works once: the next step's is in the window.
    await page.getByLabel("Code", { exact: true }).fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  });

  it("registers a passkey through the page and signs in with it alone", async () => {
    await page.goto("/account");
    await page.getByLabel("New passkey name").fill("Chromium key");
    await page.getByRole("button", { name: "Add passkey" }).click();
    await page.locator('tr[data-passkey="Chromium key"]').waitFor();
    await expect(page.getByLabel("Also allow signing in with the password").isChecked()).resolves.toBe(true);
    await signOut();
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.goto("/account");
    const passkeyRow = page.locator('tr[data-passkey="Chromium key"]');
    await expect.poll(async () => (await passkeyRow.locator("td").nth(2).textContent())?.trim()).not.toBe("—");
  });

  it("lists a session opened elsewhere with a backup code, and ends it", async () => {
    const started = await elsewhere(
      `mutation ($input: LoginInput!) { signIn(input: $input) { ... on SecondFactorChallenge { challengeToken } } }`,
      {
        input: { username: OWNER.username, password: OWNER.password },
      },
    );
    const challengeToken = started.data.signIn.challengeToken;
    const finished = await elsewhere(
      `mutation ($input: SecondFactorInput!) { completeSecondFactor(input: $input) { accessToken } }`,
      {
        input: { challengeToken, code: backupCodes[0]!.trim() },
      },
    );
    const otherToken: string = finished.data.completeSecondFactor.accessToken;
    expect((await elsewhere(`{ me { username } }`, {}, otherToken)).data?.me.username).toBe(OWNER.username);

    await page.reload();
    const firefox = page.locator("tr[data-session]", { hasText: "Firefox" });
    await firefox.waitFor();
    await expect(firefox.textContent()).resolves.toContain("Password + code");
    await expect(page.locator("tr[data-session]", { hasText: "This device" }).textContent()).resolves.toContain(
      "Passkey",
    );
    await firefox.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => firefox.count()).toBe(0);
    expect((await elsewhere(`{ me { username } }`, {}, otherToken)).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    // The page's own session carries on.
    await page.reload();
    await page.locator("tr[data-session]", { hasText: "This device" }).waitFor();
    await page.getByText("9 backup codes left.").waitFor();
  });

  it("renews the backup codes and turns TOTP off, each with a code", async () => {
    await page.getByLabel("Current code (or a backup code)").fill(backupCodes[0]!.trim());
    await page.getByRole("button", { name: "New backup codes" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBeTruthy(); // that one was used up signing in elsewhere
    await page.getByLabel("Current code (or a backup code)").fill(backupCodes[1]!.trim());
    await page.getByRole("button", { name: "New backup codes" }).click();
    const codes = page.getByTestId("backup-codes").locator("li");
    await expect.poll(() => codes.count()).toBe(10);
    const renewed = (await codes.allTextContents()).map((c) => c.trim());
    expect(renewed).not.toContain(backupCodes[2]!.trim());
    await page.getByRole("button", { name: "I have saved them" }).click();
    await page.getByText("10 backup codes left.").waitFor();
    await page.getByLabel("Current code (or a backup code)").fill(backupCodes[2]!.trim());
    await page.getByRole("button", { name: "Turn off" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBeTruthy(); // the old codes went with the renewal
    await page.getByLabel("Current code (or a backup code)").fill(renewed[0]!);
    await page.getByRole("button", { name: "Turn off" }).click();
    await page.getByRole("button", { name: "Set up authenticator app" }).waitFor();
    expect((await panel.gql(`{ twoFactor { totpEnabled backupCodesLeft } }`)).twoFactor).toEqual({
      totpEnabled: false,
      backupCodesLeft: 0,
    });
  });

  it("confines another admin to a network and links its single sign-on identity, from the Admins page", async () => {
    const { createAdmin: ops } = await panel.gql(
      `mutation { createAdmin(input: { username: "ops", password: "ops-password-long", role: ADMIN }) { id } }`,
    );
    await page.getByRole("link", { name: "Admins" }).click();
    await page.locator("tr", { hasText: "ops" }).getByRole("button", { name: "Access" }).click();
    const dialog = page.getByRole("dialog", { name: "Access of ops" });
    await dialog.getByLabel("Allowed networks").fill("203.0.113.7/24\n2001:db8::/32");
    await dialog.getByRole("button", { name: "Save" }).click();
    // The server answers in canonical form, and the dialog shows what was stored.
    await expect.poll(() => dialog.getByLabel("Allowed networks").inputValue()).toBe("203.0.113.0/24\n2001:db8::/32");
    const { admins } = await panel.gql(`{ admins { id ipAllowlist } }`);
    expect(admins.find((a: { id: string }) => a.id === ops.id).ipAllowlist).toEqual([
      "203.0.113.0/24",
      "2001:db8::/32",
    ]);

    await dialog.getByLabel("Match by").selectOption("EMAIL");
    await dialog.getByLabel("Value").fill("ops@example.test");
    await dialog.getByRole("button", { name: "Link", exact: true }).click();
    const identity = dialog.locator('li[data-identity="ops@example.test"]');
    await identity.waitFor();
    expect((await panel.gql(`{ oidcIdentities { adminId kind value } }`)).oidcIdentities).toEqual([
      { adminId: ops.id, kind: "EMAIL", value: "ops@example.test" },
    ]);
    await identity.getByRole("button", { name: "Unlink" }).click();
    await expect.poll(() => identity.count()).toBe(0);
    expect((await panel.gql(`{ oidcIdentities { id } }`)).oidcIdentities).toEqual([]);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it("requires TOTP of admins once Settings says so: such an admin lands on enrollment and sees the rest after", async () => {
    await panel.gql(
      `mutation { createAdmin(input: { username: "fresh", password: "fresh-password-long", role: ADMIN }) { id } }`,
    );
    await page.getByRole("link", { name: "Settings" }).click();
    const fieldset = page.getByRole("group", { name: "Two-step sign-in required for" });
    await fieldset.getByLabel("admin", { exact: true }).check();
    await page.getByRole("button", { name: "Save" }).first().click();
    await page.getByText("Saved").first().waitFor();
    expect((await panel.gql(`{ settings { totpRequiredRoles } }`)).settings.totpRequiredRoles).toEqual(["ADMIN"]);

    const other = await openPage(browser, panel.url.replace("127.0.0.1", "localhost"), { locale: "en-US" });
    other.setDefaultTimeout(10_000);
    try {
      await other.goto("/login");
      await other.getByLabel(/^Username/).fill("fresh");
      await other.getByLabel(/^Password/).fill("fresh-password-long");
      await other.getByRole("button", { name: "Sign in", exact: true }).click();
      await other.waitForURL("**/account");
      await other.getByText("Your role requires two-step sign-in").waitFor();
      await expect(other.getByRole("heading", { name: "Signed-in devices" }).count()).resolves.toBe(0);
      await other.getByRole("button", { name: "Set up authenticator app" }).click();
      const secret = (await other.getByTestId("totp-secret").textContent())!.trim();
      const code = new OTPAuth.TOTP({
        secret: OTPAuth.Secret.fromBase32(secret),
        algorithm: "SHA1",
        digits: 6,
        period: 30,
      }).generate();
      await other.getByLabel("Code", { exact: true }).fill(code);
      await other.getByRole("button", { name: "Turn on" }).click();
      await other.getByTestId("backup-codes").waitFor();
      await other.getByRole("heading", { name: "Signed-in devices" }).waitFor();
      await other.getByRole("link", { name: "Users" }).click();
      await other.getByRole("heading", { name: "Users" }).waitFor();
      await expect(other.getByRole("alert").count()).resolves.toBe(0);
      // The rule is the owner's: this admin sees it but cannot lift it, and saving the rest keeps it.
      await other.getByRole("link", { name: "Settings" }).click();
      const rule = other.getByRole("group", { name: "Two-step sign-in required for" });
      await rule.getByText("Only the owner can change this.").waitFor();
      await expect(rule.getByLabel("admin", { exact: true }).isDisabled()).resolves.toBe(true);
      await other.getByRole("button", { name: "Save" }).first().click();
      await other.getByText("Saved").first().waitFor();
      expect((await panel.gql(`{ settings { totpRequiredRoles } }`)).settings.totpRequiredRoles).toEqual(["ADMIN"]);
    } finally {
      await other.context().close();
    }
  });

  it("fits the account page in 360 px: only the sessions table scrolls, inside its frame", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/account");
    await page.locator("tr[data-session]").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
