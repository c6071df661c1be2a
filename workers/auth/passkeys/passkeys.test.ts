import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminAs, errorCode, gql, ok, ownerToken } from "../../test/api";
import { SIGN_IN_STARTS } from "../login";

// The refusals, in workerd. Registering and signing in with a real authenticator is the
// chromium story in web/e2e/passkeys.e2e.test.ts.

const FINISH_LOGIN = `mutation ($input: FinishPasskeyLoginInput!) { finishPasskeyLogin(input: $input) { accessToken } }`;
const FINISH_REGISTRATION = `mutation ($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) { id } }`;
const forgedCredential = (id: string) =>
  JSON.stringify({
    id,
    rawId: id,
    type: "public-key",
    response: { clientDataJSON: "e30", authenticatorData: "AAAA", signature: "AAAA" },
    clientExtensionResults: {},
  });

describe("passkeys", () => {
  it("offers a challenge for the request's host, and refuses forged or malformed assertions, audited", async () => {
    const owner = await ownerToken();
    const begin = ok(await gql(`mutation { beginPasskeyLogin { challengeToken options } }`)).beginPasskeyLogin;
    expect(begin.options).toMatchObject({ rpId: "panel.test", userVerification: "required" });
    expect(begin.options.challenge.length).toBeGreaterThanOrEqual(43);

    // A credential the panel has never seen.
    const unknown = await gql(
      FINISH_LOGIN,
      { input: { challengeToken: begin.challengeToken, response: forgedCredential("bm8tc3VjaC1rZXk") } },
      { ip: "203.0.113.40" },
    );
    expect(errorCode(unknown)).toBe("UNAUTHENTICATED");

    // A known credential with a forged signature.
    const admin = await adminAs(owner, "ADMIN");
    await env.DB.prepare(
      `INSERT INTO passkeys (id, admin_id, name, public_key, counter, created_at) VALUES ('a25vd24', ?, 'k', 'pQECAyYgASFYIA', 0, 0)`,
    )
      .bind(Number(admin.id))
      .run();
    const next = ok(await gql(`mutation { beginPasskeyLogin { challengeToken } }`)).beginPasskeyLogin;
    expect(
      errorCode(
        await gql(
          FINISH_LOGIN,
          { input: { challengeToken: next.challengeToken, response: forgedCredential("a25vd24") } },
          { ip: "203.0.113.40" },
        ),
      ),
    ).toBe("UNAUTHENTICATED");
    const failures = await env.DB.prepare(
      `SELECT target_id, details FROM audit_log WHERE action = 'auth.login_failed' AND ip = '203.0.113.40' ORDER BY id`,
    ).all<{ target_id: string | null; details: string }>();
    expect(failures.results.map((r) => [r.target_id, JSON.parse(r.details).reason])).toEqual([
      [null, "passkey-not-verified"],
      [admin.id, "passkey-not-verified"],
    ]);

    const malformed = await gql(FINISH_LOGIN, {
      input: { challengeToken: next.challengeToken, response: "{not json" },
    });
    expect(errorCode(malformed)).toBe("BAD_USER_INPUT");
  });

  it("lets one address start only so many sign-ins a minute, since each stores a challenge", async () => {
    const BEGIN = `mutation { beginPasskeyLogin { challengeToken } }`;
    const ip = "203.0.113.77";
    for (let i = 0; i < SIGN_IN_STARTS.limit; i++) ok(await gql(BEGIN, {}, { ip }));
    const refused = await gql(BEGIN, {}, { ip });
    expect(errorCode(refused)).toBe("RATE_LIMITED");
    expect(refused.errors?.[0]?.extensions?.retryAfterSec).toBeGreaterThan(0);
    ok(await gql(BEGIN, {}, { ip: "203.0.113.78" }));
  });

  it("refuses a registration answer that does not verify, and a foreign ceremony", async () => {
    const owner = await ownerToken();
    const admin = await adminAs(owner, "ADMIN");
    const { beginPasskeyRegistration } = ok(
      await gql(`mutation { beginPasskeyRegistration { challengeToken options } }`, {}, { token: admin.token }),
    );
    expect(beginPasskeyRegistration.options.authenticatorSelection).toMatchObject({
      residentKey: "required",
      userVerification: "required",
    });
    // Another admin cannot finish it.
    const foreign = await gql(
      FINISH_REGISTRATION,
      {
        input: { challengeToken: beginPasskeyRegistration.challengeToken, name: "x", response: forgedCredential("eA") },
      },
      { token: owner },
    );
    expect(errorCode(foreign)).toBe("BAD_USER_INPUT");
    const again = ok(
      await gql(`mutation { beginPasskeyRegistration { challengeToken } }`, {}, { token: admin.token }),
    ).beginPasskeyRegistration;
    const forged = await gql(
      FINISH_REGISTRATION,
      { input: { challengeToken: again.challengeToken, name: "x", response: forgedCredential("eA") } },
      { token: admin.token },
    );
    expect(errorCode(forged)).toBe("BAD_USER_INPUT");
    expect(ok(await gql(`{ myPasskeys { id } }`, {}, { token: admin.token })).myPasskeys).toEqual([]);
  });

  it("keeps password sign-in on without a passkey, and hides other admins' passkeys", async () => {
    const owner = await ownerToken();
    const admin = await adminAs(owner, "RESELLER");
    expect(errorCode(await gql(`mutation { setPasswordLogin(enabled: false) }`, {}, { token: admin.token }))).toBe(
      "CONFLICT",
    );
    expect(
      errorCode(
        await gql(`mutation { renamePasskey(id: "a25vd24", name: "mine") { id } }`, {}, { token: admin.token }),
      ),
    ).toBe("NOT_FOUND");
    expect(errorCode(await gql(`mutation { removePasskey(id: "a25vd24") }`, {}, { token: admin.token }))).toBe(
      "NOT_FOUND",
    );
  });
});
