import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../app";

/** Nothing listens on port 1 of loopback: the provider is down. */
const UNREACHABLE_ISSUER = "http://127.0.0.1:1";

/** The real Worker, configured for an OpenID provider that does not answer. */
async function beginSignIn() {
  const ctx = createExecutionContext();
  const response = await app.request(
    "http://panel.test/graphql",
    {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "203.0.113.41" },
      body: JSON.stringify({ query: "mutation { beginOidcLogin { authorizationUrl } }" }),
    },
    { ...env, OIDC_ISSUER: UNREACHABLE_ISSUER, OIDC_CLIENT_ID: "vortex-panel", OIDC_CLIENT_SECRET: "secret" },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] };
}

describe("OpenID Connect sign-in with the provider down", () => {
  it("is UNAVAILABLE, to try again later, rather than an internal error", async () => {
    const { errors } = await beginSignIn();
    expect(errors?.[0]?.extensions.code).toBe("UNAVAILABLE");
    expect(errors?.[0]?.message).toMatch(/discovery/);
  });
});
