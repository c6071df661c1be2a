import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminAs, errorCode, gql, ok, ownerToken } from "../test/api";

// One story: an admin signs in from three devices, looks at them, ends one, then all others.

const SESSIONS = `{ mySessions { id device userAgent ip country method createdAt lastSeenAt current } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;

async function loginFrom(username: string, password: string, ip: string, userAgent: string) {
  const response = await exports.default.fetch("http://panel.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip, "user-agent": userAgent },
    body: JSON.stringify({ query: LOGIN, variables: { input: { username, password } } }),
  });
  const body = (await response.json()) as { data: { login: { accessToken: string; refreshToken: string } } };
  return body.data.login;
}

const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

describe("session management", () => {
  it("lists the admin's own live sessions with device, IP, method and which one is current", async () => {
    const owner = await ownerToken();
    const admin = await adminAs(owner, "ADMIN");
    const laptop = await loginFrom(admin.username, admin.password, "203.0.113.10", CHROME_WINDOWS);
    const phone = await loginFrom(admin.username, admin.password, "2001:db8::7", SAFARI_IPHONE);
    const desktop = await loginFrom(admin.username, admin.password, "198.51.100.3", FIREFOX_LINUX);

    const seen = ok(await gql(SESSIONS, {}, { token: laptop.accessToken })).mySessions as Record<string, unknown>[];
    // adminAs signed in once too.
    expect(seen).toHaveLength(4);
    expect(seen.filter((s) => s.current)).toHaveLength(1);
    expect(seen.find((s) => s.current)).toMatchObject({
      device: "Chrome on Windows",
      ip: "203.0.113.10",
      method: "PASSWORD",
      userAgent: CHROME_WINDOWS,
    });
    expect(seen.map((s) => s.device)).toEqual(expect.arrayContaining(["Safari on iPhone", "Firefox on Linux"]));
    expect(seen.find((s) => s.device === "Safari on iPhone")?.ip).toBe("2001:db8::7");
    expect(Date.parse(seen[0]!.createdAt as string)).not.toBeNaN();
    // Another admin's list does not show them.
    const ownerSessions = ok(await gql(SESSIONS, {}, { token: owner })).mySessions as Record<string, unknown>[];
    expect(ownerSessions.map((s) => s.id)).not.toContain(seen[0]!.id);

    // Revoking one: that device's token stops at once, the others keep working.
    const phoneSession = seen.find((s) => s.device === "Safari on iPhone")!;
    expect(
      errorCode(await gql(`mutation ($id: ID!) { revokeSession(id: $id) }`, { id: phoneSession.id }, { token: owner })),
    ).toBe("NOT_FOUND");
    ok(
      await gql(
        `mutation ($id: ID!) { revokeSession(id: $id) }`,
        { id: phoneSession.id },
        { token: laptop.accessToken },
      ),
    );
    expect(errorCode(await gql(`{ me { id } }`, {}, { token: phone.accessToken }))).toBe("UNAUTHENTICATED");
    expect(
      errorCode(
        await gql(`mutation ($t: String!) { refreshToken(token: $t) { accessToken } }`, { t: phone.refreshToken }),
      ),
    ).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(`{ me { id } }`, {}, { token: desktop.accessToken }))).toBeUndefined();
    expect(
      errorCode(
        await gql(
          `mutation ($id: ID!) { revokeSession(id: $id) }`,
          { id: phoneSession.id },
          { token: laptop.accessToken },
        ),
      ),
    ).toBe("NOT_FOUND");

    // Revoking all others leaves only the current one.
    const ended = ok(
      await gql(`mutation { revokeOtherSessions }`, {}, { token: laptop.accessToken }),
    ).revokeOtherSessions;
    expect(ended).toBe(2);
    expect(errorCode(await gql(`{ me { id } }`, {}, { token: desktop.accessToken }))).toBe("UNAUTHENTICATED");
    expect((ok(await gql(SESSIONS, {}, { token: laptop.accessToken })).mySessions as unknown[]).length).toBe(1);

    // Every sign-in, failed sign-in and revocation is in the audit log, found by the auth. prefix.
    expect(
      errorCode(
        await gql(
          LOGIN,
          { input: { username: admin.username, password: "typed-secret-guess" } },
          { ip: "203.0.113.99" },
        ),
      ),
    ).toBe("UNAUTHENTICATED");
    const log = ok(
      await gql(
        `{ auditLog(filter: { actionPrefix: "auth." }, page: { first: 100 }) { edges { node { action targetId details } } } }`,
        {},
        { token: owner },
      ),
    ).auditLog.edges.map(
      (e: { node: { action: string; targetId: string; details: Record<string, unknown> } }) => e.node,
    );
    expect(log.every((e: { action: string }) => e.action.startsWith("auth."))).toBe(true);
    const actions = log.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["auth.login", "auth.login_failed", "auth.session_revoke", "auth.session_revoke_others"]),
    );
    expect(log.find((e: { action: string }) => e.action === "auth.login_failed")).toMatchObject({
      targetId: admin.id,
      details: { username: admin.username, reason: "wrong-password" },
    });
    expect(log.find((e: { action: string }) => e.action === "auth.session_revoke")?.targetId).toBe(phoneSession.id);
    // The password that was tried is never written down.
    const rows = await env.DB.prepare(`SELECT details FROM audit_log WHERE action = 'auth.login_failed'`).all<{
      details: string;
    }>();
    expect(rows.results.some((r) => r.details.includes("typed-secret-guess"))).toBe(false);
  });

  it("ends every other session when the password changes", async () => {
    const owner = await ownerToken();
    const admin = await adminAs(owner, "RESELLER");
    const other = await loginFrom(admin.username, admin.password, "203.0.113.20", FIREFOX_LINUX);
    ok(
      await gql(
        `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`,
        { input: { currentPassword: admin.password, newPassword: "another-long-password-9" } },
        { token: admin.token },
      ),
    );
    expect(errorCode(await gql(`{ me { id } }`, {}, { token: other.accessToken }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(`{ me { id } }`, {}, { token: admin.token }))).toBeUndefined();
  });
});
