import { env, exports } from "cloudflare:workers";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { errorCode, gql, login, ok, OWNER, ownerToken } from "../test/api";

const recover = (body: unknown, token?: string) =>
  exports.default.fetch("http://panel.test/api/setup/recover", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe("POST /api/setup/recover", () => {
  it("lets the holder of the setup token back into an owner account locked by TOTP and an allowlist", async () => {
    const token = await ownerToken();
    const { beginTotpEnrollment } = ok(await gql(`mutation { beginTotpEnrollment { secret } }`, {}, { token }));
    const code = new TOTP({ secret: Secret.fromBase32(beginTotpEnrollment.secret) }).generate();
    ok(await gql(`mutation ($code: String!) { confirmTotpEnrollment(code: $code) }`, { code }, { token }));
    ok(await gql(`mutation { setIpAllowlist(cidrs: ["198.51.100.0/24"]) }`, {}, { token, ip: "198.51.100.1" }));

    expect((await recover({ newPassword: "recovered-password-1" }, "wrong")).status).toBe(401);
    expect((await recover({ newPassword: "short" }, env.VORTEX_SETUP_TOKEN)).status).toBe(400);
    const response = await recover({ newPassword: "recovered-password-1" }, env.VORTEX_SETUP_TOKEN);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ owner: { username: OWNER.username } });

    // Old sessions are over; the new password alone signs in, from anywhere.
    expect(errorCode(await gql(`{ me { id } }`, {}, { token, ip: "198.51.100.1" }))).toBe("UNAUTHENTICATED");
    const session = await login(OWNER.username, "recovered-password-1", "203.0.113.50");
    expect(
      ok(await gql(`{ twoFactor { totpEnabled } }`, {}, { token: session.accessToken, ip: "203.0.113.50" })).twoFactor
        .totpEnabled,
    ).toBe(false);
    const audit = await env.DB.prepare(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'auth.owner_recovery'`,
    ).first("n");
    expect(audit).toBe(1);
  });
});
