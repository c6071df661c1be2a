import { env } from "cloudflare:workers";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { adminAs, errorCode, gql, ok, ownerToken } from "../../test/api";
import { SECOND_FACTOR_LIMIT } from "./totp";

// One story on one database: an admin enrolls, signs in with codes, uses backup codes, disables.

const SIGN_IN = /* GraphQL */ `
  mutation ($input: LoginInput!) {
    signIn(input: $input) {
      __typename
      ... on AuthPayload { accessToken }
      ... on SecondFactorChallenge { challengeToken expiresAt }
    }
  }
`;
const COMPLETE = `mutation ($input: SecondFactorInput!) { completeSecondFactor(input: $input) { accessToken admin { username } } }`;
const STATUS = `{ twoFactor { totpEnabled backupCodesLeft mustEnrollTotp } }`;

/** The code for the step `offset` steps from now: each code works once, so a story walks forward. */
const codeAt = (secret: string, offset: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), period: 30, digits: 6, algorithm: "SHA1" }).generate({
    timestamp: Date.now() + offset * 30_000,
  });

let admin: Awaited<ReturnType<typeof adminAs>>;
let secret: string;
let backupCodes: string[];

describe("TOTP", () => {
  it("enrolls: a sealed secret, an otpauth URI and a QR code, in force only once a code confirms it", async () => {
    admin = await adminAs(await ownerToken(), "ADMIN");
    const { beginTotpEnrollment: enrollment } = ok(
      await gql(`mutation { beginTotpEnrollment { secret uri qrSvg } }`, {}, { token: admin.token }),
    );
    secret = enrollment.secret;
    expect(enrollment.uri).toBe(
      `otpauth://totp/VortexPanel:${admin.username}?issuer=VortexPanel&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(enrollment.qrSvg).toMatch(/^<svg /);
    const stored = await env.DB.prepare(`SELECT secret_sealed FROM admin_totp WHERE admin_id = ?`)
      .bind(Number(admin.id))
      .first<{ secret_sealed: string }>();
    expect(stored?.secret_sealed).toMatch(/^v1\.k1\./);
    expect(stored?.secret_sealed).not.toContain(secret);
    expect(ok(await gql(STATUS, {}, { token: admin.token })).twoFactor.totpEnabled).toBe(false);

    const wrong = await gql(
      `mutation ($code: String!) { confirmTotpEnrollment(code: $code) }`,
      { code: "000000" },
      { token: admin.token },
    );
    expect(errorCode(wrong)).toBe("BAD_USER_INPUT");
    const confirmed = ok(
      await gql(
        `mutation ($code: String!) { confirmTotpEnrollment(code: $code) }`,
        { code: codeAt(secret, -1) },
        { token: admin.token },
      ),
    );
    backupCodes = confirmed.confirmTotpEnrollment;
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    const hashes = await env.DB.prepare(`SELECT code_hash FROM totp_backup_codes WHERE admin_id = ?`)
      .bind(Number(admin.id))
      .all<{ code_hash: string }>();
    expect(hashes.results.map((r) => r.code_hash)).not.toContain(backupCodes[0]);
    expect(ok(await gql(STATUS, {}, { token: admin.token })).twoFactor).toEqual({
      totpEnabled: true,
      backupCodesLeft: 10,
      mustEnrollTotp: false,
    });
    const audit = await env.DB.prepare(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'auth.totp_enable' AND target_id = ?`,
    )
      .bind(admin.id)
      .first<{ n: number }>();
    expect(audit?.n).toBe(1);
  });

  it("signs in in two steps: password, then a code; the old single-step login says so", async () => {
    const input = { username: admin.username, password: admin.password };
    const single = await gql(`mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, { input });
    expect(errorCode(single)).toBe("UNAUTHENTICATED");
    expect(single.errors?.[0]?.extensions?.secondFactorRequired).toBe(true);

    const step1 = ok(await gql(SIGN_IN, { input })).signIn;
    expect(step1.__typename).toBe("SecondFactorChallenge");
    const wrong = await gql(COMPLETE, { input: { challengeToken: step1.challengeToken, code: "123456" } });
    expect(errorCode(wrong)).toBe("UNAUTHENTICATED");
    const code = codeAt(secret, 0);
    const session = ok(
      await gql(COMPLETE, { input: { challengeToken: step1.challengeToken, code } }),
    ).completeSecondFactor;
    expect(ok(await gql(`{ me { username } }`, {}, { token: session.accessToken })).me.username).toBe(admin.username);
    // The challenge is single use, and so is the code.
    expect(errorCode(await gql(COMPLETE, { input: { challengeToken: step1.challengeToken, code } }))).toBe(
      "UNAUTHENTICATED",
    );
    const again = ok(await gql(SIGN_IN, { input })).signIn;
    expect(errorCode(await gql(COMPLETE, { input: { challengeToken: again.challengeToken, code } }))).toBe(
      "UNAUTHENTICATED",
    );
    const methods = await env.DB.prepare(
      `SELECT method FROM sessions WHERE admin_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    )
      .bind(Number(admin.id))
      .first();
    expect(methods).toEqual({ method: "password+totp" });
    const failures = await env.DB.prepare(
      `SELECT details FROM audit_log WHERE action = 'auth.login_failed' AND target_id = ?`,
    )
      .bind(admin.id)
      .all<{ details: string }>();
    expect(failures.results.map((r) => JSON.parse(r.details).reason)).toContain("wrong-second-factor");
  });

  it("accepts each backup code once, in any case and with or without its dash", async () => {
    const input = { username: admin.username, password: admin.password };
    const first = ok(await gql(SIGN_IN, { input })).signIn;
    ok(
      await gql(COMPLETE, {
        input: { challengeToken: first.challengeToken, code: backupCodes[0]!.toUpperCase().replace("-", "") },
      }),
    );
    const second = ok(await gql(SIGN_IN, { input })).signIn;
    expect(
      errorCode(await gql(COMPLETE, { input: { challengeToken: second.challengeToken, code: backupCodes[0]! } })),
    ).toBe("UNAUTHENTICATED");
    ok(await gql(COMPLETE, { input: { challengeToken: second.challengeToken, code: backupCodes[1]! } }));
    expect(ok(await gql(STATUS, {}, { token: admin.token })).twoFactor.backupCodesLeft).toBe(8);
  });

  it("turns off only with a current code, and then the password alone signs in again", async () => {
    expect(errorCode(await gql(`mutation { disableTotp(code: "111111") }`, {}, { token: admin.token }))).toBe(
      "BAD_USER_INPUT",
    );
    ok(
      await gql(
        `mutation ($code: String!) { disableTotp(code: $code) }`,
        { code: backupCodes[2]! },
        { token: admin.token },
      ),
    );
    expect(ok(await gql(STATUS, {}, { token: admin.token })).twoFactor).toEqual({
      totpEnabled: false,
      backupCodesLeft: 0,
      mustEnrollTotp: false,
    });
    const signedIn = ok(await gql(SIGN_IN, { input: { username: admin.username, password: admin.password } })).signIn;
    expect(signedIn.__typename).toBe("AuthPayload");
    expect(
      await env.DB.prepare(`SELECT count(*) AS n FROM totp_backup_codes WHERE admin_id = ?`)
        .bind(Number(admin.id))
        .first("n"),
    ).toBe(0);
  });

  it("limits wrong codes per admin, and a fresh password sign-in does not reset the count", async () => {
    const victim = await adminAs(await ownerToken(), "ADMIN");
    const { beginTotpEnrollment } = ok(
      await gql(`mutation { beginTotpEnrollment { secret } }`, {}, { token: victim.token }),
    );
    ok(
      await gql(
        `mutation ($code: String!) { confirmTotpEnrollment(code: $code) }`,
        { code: codeAt(beginTotpEnrollment.secret, -1) },
        { token: victim.token },
      ),
    );
    const input = { username: victim.username, password: victim.password };
    for (let i = 0; i < SECOND_FACTOR_LIMIT.limit; i++) {
      const { signIn } = ok(await gql(SIGN_IN, { input }));
      expect(
        errorCode(await gql(COMPLETE, { input: { challengeToken: signIn.challengeToken, code: String(100000 + i) } })),
      ).toBe("UNAUTHENTICATED");
    }
    const { signIn } = ok(await gql(SIGN_IN, { input }));
    const limited = await gql(COMPLETE, {
      input: { challengeToken: signIn.challengeToken, code: codeAt(beginTotpEnrollment.secret, 0) },
    });
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    // Guessing through a stolen session's disableTotp is held to the same limit.
    expect(
      errorCode(
        await gql(
          `mutation ($code: String!) { disableTotp(code: $code) }`,
          { code: codeAt(beginTotpEnrollment.secret, 0) },
          { token: victim.token },
        ),
      ),
    ).toBe("RATE_LIMITED");
  });

  it("confines a session to enrolling when the admin's role requires TOTP", async () => {
    const owner = await ownerToken();
    ok(
      await gql(
        `mutation { updateSettings(input: { totpRequiredRoles: [RESELLER] }) { totpRequiredRoles } }`,
        {},
        { token: owner },
      ),
    );
    const reseller = await adminAs(owner, "RESELLER");
    const blocked = await gql(`{ users { totalCount } }`, {}, { token: reseller.token });
    expect(errorCode(blocked)).toBe("FORBIDDEN");
    expect(blocked.errors?.[0]?.extensions?.totpEnrollmentRequired).toBe(true);
    expect(ok(await gql(STATUS, {}, { token: reseller.token })).twoFactor.mustEnrollTotp).toBe(true);
    const { beginTotpEnrollment } = ok(
      await gql(`mutation { beginTotpEnrollment { secret } }`, {}, { token: reseller.token }),
    );
    ok(
      await gql(
        `mutation ($code: String!) { confirmTotpEnrollment(code: $code) }`,
        { code: codeAt(beginTotpEnrollment.secret, 0) },
        { token: reseller.token },
      ),
    );
    // The same session is free once enrolled.
    expect(errorCode(await gql(`{ users { totalCount } }`, {}, { token: reseller.token }))).toBeUndefined();
    ok(
      await gql(
        `mutation { updateSettings(input: { totpRequiredRoles: [] }) { totpRequiredRoles } }`,
        {},
        { token: owner },
      ),
    );
  });

  it("leaves which roles must use TOTP to the owner: an admin may resend the value but not change it", async () => {
    const owner = await ownerToken();
    const SET = `mutation ($roles: [AdminRole!]) { updateSettings(input: { totpRequiredRoles: $roles, subscriptionTitle: "T" }) { totpRequiredRoles } }`;
    const other = await adminAs(owner, "ADMIN");
    ok(await gql(SET, { roles: ["ADMIN", "RESELLER"] }, { token: owner }));
    const refused = await gql(SET, { roles: ["RESELLER"] }, { token: other.token });
    expect(errorCode(refused)).toBe("FORBIDDEN");
    expect(refused.errors?.[0]?.message).toMatch(/only the owner/);
    expect(
      ok(await gql(`{ settings { totpRequiredRoles } }`, {}, { token: owner })).settings.totpRequiredRoles,
    ).toEqual(["ADMIN", "RESELLER"]);
    // The whole settings form sent back unchanged, in another order, is not a change.
    expect(
      ok(await gql(SET, { roles: ["RESELLER", "ADMIN"] }, { token: other.token })).updateSettings.totpRequiredRoles,
    ).toEqual(["ADMIN", "RESELLER"]);
    ok(await gql(SET, { roles: [] }, { token: owner }));
  });
});
