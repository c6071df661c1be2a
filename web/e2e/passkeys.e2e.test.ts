/**
 * Passkeys in Debian's chromium against the real panel: the browser's virtual authenticator
 * (CDP WebAuthn domain: CTAP2, built in, resident keys, user verification) registers a passkey
 * for the owner and signs in with it, through the same GraphQL calls the SPA makes.
 */
import type { Browser, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OWNER, startPanel, type Panel } from "../../node-agent/test/e2e/panel.ts";
import { launchBrowser, openPage } from "./browser.ts";

let panel: Panel;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
let authenticatorId: string;
/** WebAuthn needs a domain as relying party (an IP address is refused): localhost, on the panel's port. */
let origin: string;

/** One GraphQL call made by the page itself, so Origin and host are the browser's. */
function gqlInPage<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  return page.evaluate(
    async ({ query, variables, token }) => {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    { query, variables, token },
  );
}

async function okInPage<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const body = await gqlInPage<T>(query, variables, token);
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

beforeAll(async () => {
  [panel, browser] = await Promise.all([startPanel(), launchBrowser()]);
  origin = panel.url.replace("127.0.0.1", "localhost");
  page = await openPage(browser, origin);
  await page.goto("/");
  cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  ({ authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  }));
});

afterAll(async () => {
  await browser?.close();
  await panel?.stop();
});

const REGISTER_BEGIN = `mutation { beginPasskeyRegistration { challengeToken options } }`;
const REGISTER_FINISH = `mutation ($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) { id name createdAt lastUsedAt } }`;
const LOGIN_BEGIN = `mutation { beginPasskeyLogin { challengeToken options } }`;
const LOGIN_FINISH = `mutation ($input: FinishPasskeyLoginInput!) { finishPasskeyLogin(input: $input) { accessToken admin { username role } } }`;

/** navigator.credentials.create with the server's options, answered by the virtual authenticator. */
const createInPage = (options: unknown) =>
  page.evaluate(async (json) => {
    const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(json as PublicKeyCredentialCreationOptionsJSON);
    const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential;
    return JSON.stringify(credential.toJSON());
  }, options);

const getInPage = (options: unknown) =>
  page.evaluate(async (json) => {
    const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(json as PublicKeyCredentialRequestOptionsJSON);
    const credential = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential;
    return JSON.stringify(credential.toJSON());
  }, options);

describe("passkeys in chromium", () => {
  let passkeyId: string;

  it("registers a discoverable passkey for the signed-in owner", async () => {
    const { beginPasskeyRegistration: ceremony } = await okInPage(REGISTER_BEGIN, {}, panel.token);
    expect(ceremony.options.rp.id).toBe("localhost");
    expect(ceremony.options.authenticatorSelection).toMatchObject({
      residentKey: "required",
      userVerification: "required",
    });
    const response = await createInPage(ceremony.options);
    const { finishPasskeyRegistration: passkey } = await okInPage(
      REGISTER_FINISH,
      { input: { challengeToken: ceremony.challengeToken, name: "Virtual key", response } },
      panel.token,
    );
    passkeyId = passkey.id;
    expect(passkey).toMatchObject({ name: "Virtual key", lastUsedAt: null });
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.isResidentCredential).toBe(true);
    // The challenge was used up: the same answer cannot register twice.
    const replay = await gqlInPage(
      REGISTER_FINISH,
      { input: { challengeToken: ceremony.challengeToken, name: "again", response } },
      panel.token,
    );
    expect(replay.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("signs in with the passkey alone, no username, and the session works", async () => {
    const { beginPasskeyLogin: ceremony } = await okInPage(LOGIN_BEGIN);
    expect(ceremony.options.allowCredentials ?? []).toEqual([]);
    const response = await getInPage(ceremony.options);
    const { finishPasskeyLogin: session } = await okInPage(LOGIN_FINISH, {
      input: { challengeToken: ceremony.challengeToken, response },
    });
    expect(session.admin).toEqual({ username: OWNER.username, role: "OWNER" });
    const { me, mySessions } = await okInPage(
      `{ me { username } mySessions { method current } }`,
      {},
      session.accessToken,
    );
    expect(me.username).toBe(OWNER.username);
    expect(mySessions.find((s: { current: boolean }) => s.current).method).toBe("PASSKEY");
    // A used challenge, or a tampered signature, is refused.
    const again = await gqlInPage(LOGIN_FINISH, { input: { challengeToken: ceremony.challengeToken, response } });
    expect(again.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const fresh = (await okInPage(LOGIN_BEGIN)).beginPasskeyLogin;
    const parsed = JSON.parse(response);
    const tampered = {
      ...parsed,
      response: { ...parsed.response, signature: parsed.response.signature.replace(/^.{4}/, "AAAA") },
    };
    const forged = await gqlInPage(LOGIN_FINISH, {
      input: { challengeToken: fresh.challengeToken, response: JSON.stringify(tampered) },
    });
    expect(forged.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lists, renames and guards the last passkey once password sign-in is switched off", async () => {
    const token = panel.token;
    const { renamePasskey } = await okInPage(
      `mutation ($id: ID!) { renamePasskey(id: $id, name: "Chromium") { name } }`,
      { id: passkeyId },
      token,
    );
    expect(renamePasskey.name).toBe("Chromium");
    const { myPasskeys } = await okInPage(`{ myPasskeys { id name lastUsedAt } }`, {}, token);
    expect(myPasskeys).toHaveLength(1);
    expect(myPasskeys[0].lastUsedAt).not.toBeNull();

    await okInPage(`mutation { setPasswordLogin(enabled: false) }`, {}, token);
    const byPassword = await gqlInPage(`mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, {
      input: OWNER,
    });
    expect(byPassword.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const removeLast = await gqlInPage(`mutation ($id: ID!) { removePasskey(id: $id) }`, { id: passkeyId }, token);
    expect(removeLast.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    // The passkey still signs in while the password does not.
    const ceremony = (await okInPage(LOGIN_BEGIN)).beginPasskeyLogin;
    const { finishPasskeyLogin } = await okInPage(LOGIN_FINISH, {
      input: { challengeToken: ceremony.challengeToken, response: await getInPage(ceremony.options) },
    });
    expect(finishPasskeyLogin.admin.username).toBe(OWNER.username);

    await okInPage(`mutation { setPasswordLogin(enabled: true) }`, {}, token);
    await okInPage(`mutation ($id: ID!) { removePasskey(id: $id) }`, { id: passkeyId }, token);
    expect((await okInPage(`{ myPasskeys { id } }`, {}, token)).myPasskeys).toEqual([]);
    expect(
      (await okInPage(`mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: OWNER }))
        .login.accessToken,
    ).toBeTruthy();
  });
});
