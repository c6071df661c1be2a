/**
 * OpenID Connect sign-in against a real OpenID provider (the oidc-provider package) on loopback
 * and the real panel: the authorization code flow with PKCE end to end, identities linked by
 * subject and by verified email, and the refusals that matter: unlinked identity, forged state,
 * a nonce the panel did not issue, and a state used twice.
 */
import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../node-agent/src/testing/net.ts";
import { startPanel, type Panel } from "../../node-agent/test/e2e/panel.ts";
import { launchBrowser, openPage } from "./browser.ts";

const CLIENT = { client_id: "vortex-panel", client_secret: "e2e-client-secret-that-is-long-enough" };
const ACCOUNTS: Record<string, { email: string; email_verified: boolean }> = {
  "alice-sub": { email: "alice@example.test", email_verified: true },
  "bob-sub": { email: "bob@example.test", email_verified: true },
  "mallory-sub": { email: "carol@example.test", email_verified: false },
};

let panel: Panel;
let provider: Provider;
let server: Server;
/** Who "logs in" at the provider for the next authorization. */
let accountAtProvider = "alice-sub";

beforeAll(async () => {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  panel = await startPanel({
    vars: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT.client_id, OIDC_CLIENT_SECRET: CLIENT.client_secret },
  });
  provider = new Provider(issuer, {
    clients: [
      {
        ...CLIENT,
        redirect_uris: [`${panel.url}/login/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    conformIdTokenClaims: false,
    cookies: { keys: ["e2e-cookie-key"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, ...ACCOUNTS[id] }) }),
  });
  const callback = provider.callback();
  // The provider's login and consent pages, answered at once: the user is whoever the test says.
  server = createServer(async (req, res) => {
    if (!req.url?.startsWith("/interaction/")) return callback(req, res);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === "login") {
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: accountAtProvider } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = new provider.Grant({
      accountId: details.session!.accountId,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope("openid email");
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});

afterAll(async () => {
  await panel?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

/** A GraphQL call that returns errors instead of throwing. */
async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${panel.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** Walks the browser's redirects through the provider (a fresh cookie jar each time) back to the panel's callback. */
async function authorizeAtProvider(authorizationUrl: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      cookies.set(name!.trim(), value.join("="));
    }
    const location = response.headers.get("location");
    if (!location)
      throw new Error(
        `the provider stopped at ${url} with HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`,
      );
    const next = new URL(location, url);
    if (next.href.startsWith(`${panel.url}/login/oidc`)) return next;
    url = next.href;
  }
  throw new Error("too many redirects at the provider");
}

const BEGIN = `mutation { beginOidcLogin { authorizationUrl } }`;
const FINISH = `mutation ($input: FinishOidcLoginInput!) { finishOidcLogin(input: $input) { accessToken admin { username } } }`;

async function signInAs(account: string, tamper: (url: URL) => void = () => {}) {
  accountAtProvider = account;
  const { data } = await call(BEGIN);
  const url = new URL(data.beginOidcLogin.authorizationUrl);
  tamper(url);
  const back = await authorizeAtProvider(url.href);
  return { state: back.searchParams.get("state")!, code: back.searchParams.get("code")!, sent: url };
}

describe("OpenID Connect sign-in", () => {
  let admin: { id: string; username: string };

  it("advertises itself and sends the browser to the provider with PKCE, state and nonce", async () => {
    expect((await call(`{ signInOptions { oidcEnabled oidcIssuer } }`)).data.signInOptions).toEqual({
      oidcEnabled: true,
      oidcIssuer: provider.issuer,
    });
    const { sent } = await signInAs("alice-sub");
    expect(sent.searchParams.get("code_challenge_method")).toBe("S256");
    expect(sent.searchParams.get("redirect_uri")).toBe(`${panel.url}/login/oidc`);
    for (const param of ["state", "nonce", "code_challenge"])
      expect(sent.searchParams.get(param)?.length).toBeGreaterThanOrEqual(43);
  });

  it("refuses an identity that is not linked to an admin", async () => {
    const { state, code } = await signInAs("alice-sub");
    const refused = await call(FINISH, { input: { state, code } });
    expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(refused.errors?.[0]?.message).toContain("not linked");
  });

  it("signs in an identity linked by subject, once per state", async () => {
    ({ createAdmin: admin } = await panel.gql(
      `mutation { createAdmin(input: { username: "oidc-alice", password: "oidc-alice-password", role: ADMIN }) { id username } }`,
    ));
    await panel.gql(
      `mutation ($id: ID!) { linkOidcIdentity(input: { adminId: $id, kind: SUBJECT, value: "alice-sub" }) { id } }`,
      { id: admin.id },
    );
    const { state, code } = await signInAs("alice-sub");
    const { data } = await call(FINISH, { input: { state, code } });
    expect(data.finishOidcLogin.admin.username).toBe("oidc-alice");
    const { data: me } = await call(
      `{ me { username } mySessions { method current } }`,
      {},
      data.finishOidcLogin.accessToken,
    );
    expect(me.me.username).toBe("oidc-alice");
    expect(me.mySessions.find((s: { current: boolean }) => s.current).method).toBe("OIDC");
    // The state was used up with the first answer.
    expect((await call(FINISH, { input: { state, code } })).errors?.[0]?.message).toContain("unknown or expired state");
  });

  it("signs in by verified email, and never by an unverified one", async () => {
    await panel.gql(
      `mutation ($id: ID!) { linkOidcIdentity(input: { adminId: $id, kind: EMAIL, value: "Bob@Example.test" }) { id } }`,
      { id: admin.id },
    );
    await panel.gql(
      `mutation ($id: ID!) { linkOidcIdentity(input: { adminId: $id, kind: EMAIL, value: "carol@example.test" }) { id } }`,
      { id: admin.id },
    );
    const bob = await signInAs("bob-sub");
    expect(
      (await call(FINISH, { input: { state: bob.state, code: bob.code } })).data.finishOidcLogin.admin.username,
    ).toBe("oidc-alice");
    const mallory = await signInAs("mallory-sub");
    expect(
      (await call(FINISH, { input: { state: mallory.state, code: mallory.code } })).errors?.[0]?.message,
    ).toContain("not linked");
  });

  it("refuses a state the panel did not issue", async () => {
    const { code } = await signInAs("alice-sub", (url) =>
      url.searchParams.set("state", "forged-state-forged-state-forged-state-forged"),
    );
    const refused = await call(FINISH, { input: { state: "forged-state-forged-state-forged-state-forged", code } });
    expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(refused.errors?.[0]?.message).toContain("unknown or expired state");
  });

  it("refuses an ID token whose nonce is not the one the panel issued", async () => {
    const { state, code } = await signInAs("alice-sub", (url) =>
      url.searchParams.set("nonce", "attacker-chosen-nonce"),
    );
    const refused = await call(FINISH, { input: { state, code } });
    expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(refused.errors?.[0]?.message).toContain("nonce");
  });

  it("refuses a code presented with another sign-in's state (PKCE binds them)", async () => {
    const first = await signInAs("alice-sub");
    const second = await signInAs("alice-sub");
    const refused = await call(FINISH, { input: { state: second.state, code: first.code } });
    expect(refused.errors?.[0]?.message).toContain("did not accept the code");
  });

  it("records every refusal and every sign-in in the audit log", async () => {
    const { auditLog } = await panel.gql(
      `{ auditLog(filter: { actionPrefix: "auth.login" }, page: { first: 100 }) { edges { node { action details } } } }`,
    );
    const entries = auditLog.edges.map((e: { node: { action: string; details: Record<string, unknown> } }) => e.node);
    const reasons = entries
      .filter((e: { action: string }) => e.action === "auth.login_failed")
      .map((e: { details: { reason: string } }) => e.details.reason);
    expect(reasons.filter((r: string) => r === "oidc-not-linked")).toHaveLength(2);
    expect(reasons.filter((r: string) => r === "oidc-refused").length).toBeGreaterThanOrEqual(4);
    expect(
      entries.filter(
        (e: { action: string; details: { method?: string } }) =>
          e.action === "auth.login" && e.details.method === "oidc",
      ),
    ).toHaveLength(2);
  });

  it("signs in from the SPA's button: out to the provider and back through /login/oidc", async () => {
    accountAtProvider = "alice-sub";
    const browser = await launchBrowser();
    try {
      const page = await openPage(browser, panel.url, { locale: "en-US" });
      page.setDefaultTimeout(10_000);
      await page.goto("/login");
      await page.getByRole("button", { name: `Sign in with ${new URL(provider.issuer).host}` }).click();
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await page.locator(".sidebar").getByText("oidc-alice").waitFor();
      // A refusal from the provider (here: no code at all) is shown on the callback page, with a way back.
      await page.goto("/login/oidc?error=access_denied&error_description=The%20user%20said%20no");
      await page.getByRole("alert").getByText("The user said no").waitFor();
      await page.getByRole("link", { name: "Back to sign-in" }).click();
      await page.waitForURL("**/login");
    } finally {
      await browser.close();
    }
  });
});
