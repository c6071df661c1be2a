import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminAs, errorCode, gql, login, ok, ownerToken } from "../../test/api";

const SET = `mutation ($adminId: ID, $cidrs: [String!]!) { setIpAllowlist(adminId: $adminId, cidrs: $cidrs) }`;
const ME = `{ me { username ipAllowlist } }`;

describe("IP allowlist", () => {
  it("confines an admin to its networks on every request and at sign-in, IPv4 and IPv6", async () => {
    const owner = await ownerToken();
    const admin = await adminAs(owner, "ADMIN");
    // login() in test/api signs in from 198.51.100.1.
    const set = ok(
      await gql(SET, { cidrs: ["198.51.100.0/24", "2001:DB8:0::/32"] }, { token: admin.token, ip: "198.51.100.1" }),
    );
    expect(set.setIpAllowlist).toEqual(["198.51.100.0/24", "2001:db8::/32"]);
    expect(ok(await gql(ME, {}, { token: admin.token, ip: "198.51.100.77" })).me.ipAllowlist).toEqual([
      "198.51.100.0/24",
      "2001:db8::/32",
    ]);
    expect(errorCode(await gql(ME, {}, { token: admin.token, ip: "2001:db8:1::1" }))).toBeUndefined();

    // The same token from elsewhere is refused at once, not only at the next sign-in.
    expect(errorCode(await gql(ME, {}, { token: admin.token, ip: "203.0.113.5" }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(ME, {}, { token: admin.token, ip: "2001:db9::1" }))).toBe("FORBIDDEN");
    // At sign-in, the right password from outside looks exactly like a wrong one.
    const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`;
    const fromOutside = await gql(
      LOGIN,
      { input: { username: admin.username, password: admin.password } },
      { ip: "203.0.113.5" },
    );
    const wrongPassword = await gql(
      LOGIN,
      { input: { username: admin.username, password: "not-the-password" } },
      { ip: "203.0.113.5" },
    );
    expect(errorCode(fromOutside)).toBe("UNAUTHENTICATED");
    expect(fromOutside.errors?.[0]?.message).toBe(wrongPassword.errors?.[0]?.message);
    const audit = await env.DB.prepare(
      `SELECT details FROM audit_log WHERE action = 'auth.login_failed' AND ip = '203.0.113.5' ORDER BY id`,
    ).all<{ details: string }>();
    expect(audit.results.map((r) => JSON.parse(r.details).reason)).toEqual(["ip-not-allowed", "wrong-password"]);
    const inside = await login(admin.username, admin.password, "198.51.100.9");
    // A refresh token carried to another network does not buy a new access token, and still works at home.
    const REFRESH = `mutation ($t: String!) { refreshToken(token: $t) { accessToken } }`;
    expect(errorCode(await gql(REFRESH, { t: inside.refreshToken }, { ip: "203.0.113.5" }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(REFRESH, { t: inside.refreshToken }, { ip: "198.51.100.9" }))).toBeUndefined();
  });

  it("refuses malformed networks, a list that locks the caller out, and another admin's list unless owner", async () => {
    const owner = await ownerToken();
    const admin = await adminAs(owner, "ADMIN");
    const bad = await gql(
      SET,
      { cidrs: ["10.0.0.0/8", "not-an-ip", "1.2.3.4/40"] },
      { token: admin.token, ip: "10.1.1.1" },
    );
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.extensions?.fields.map((f: { path: string }) => f.path)).toEqual(["1", "2"]);
    expect(errorCode(await gql(SET, { cidrs: ["10.0.0.0/8"] }, { token: admin.token, ip: "192.0.2.1" }))).toBe(
      "BAD_USER_INPUT",
    );
    const reseller = await adminAs(owner, "RESELLER");
    expect(
      errorCode(
        await gql(SET, { adminId: reseller.id, cidrs: ["10.0.0.0/8"] }, { token: admin.token, ip: "10.1.1.1" }),
      ),
    ).toBe("FORBIDDEN");
    // The owner may set another's (the reseller is now shut out from 192.0.2.1) and clear it again.
    ok(await gql(SET, { adminId: reseller.id, cidrs: ["10.0.0.0/8"] }, { token: owner }));
    expect(errorCode(await gql(ME, {}, { token: reseller.token, ip: "192.0.2.1" }))).toBe("FORBIDDEN");
    ok(await gql(SET, { adminId: reseller.id, cidrs: [] }, { token: owner }));
    expect(errorCode(await gql(ME, {}, { token: reseller.token, ip: "192.0.2.1" }))).toBeUndefined();
    const audit = await env.DB.prepare(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'auth.ip_allowlist_set' AND target_id = ?`,
    )
      .bind(reseller.id)
      .first("n");
    expect(audit).toBe(2);
  });
});
