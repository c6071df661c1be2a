import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminAs, errorCode, gql, login, ok, OWNER, ownerToken } from "../test/api";
import { LOGIN_LIMITS } from "./login";

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken accessTokenExpiresAt admin { username role } } }`;
const ME = `{ me { username role } }`;

describe("login", () => {
  it("returns an access token that works and a refresh token", async () => {
    await ownerToken();
    const { login: payload } = ok(await gql(LOGIN, { input: OWNER }, { ip: "203.0.113.1" }));
    expect(payload.admin).toEqual({ username: OWNER.username, role: "OWNER" });
    expect(Date.parse(payload.accessTokenExpiresAt)).toBeGreaterThan(Date.now());
    expect(ok(await gql(ME, {}, { token: payload.accessToken })).me.username).toBe(OWNER.username);
    const audit = await env.DB.prepare(
      `SELECT ip FROM audit_log WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1`,
    ).first();
    expect(audit).toEqual({ ip: "203.0.113.1" });
  });

  it("accepts the username in any case", async () => {
    const session = await login(OWNER.username.toUpperCase(), OWNER.password, "203.0.113.2");
    expect(session.accessToken).toBeTruthy();
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    const unknown = await gql(
      LOGIN,
      { input: { username: "nobody", password: "whatever-password" } },
      { ip: "203.0.113.3" },
    );
    const wrong = await gql(
      LOGIN,
      { input: { username: OWNER.username, password: "wrong-password" } },
      { ip: "203.0.113.3" },
    );
    expect(errorCode(unknown)).toBe("UNAUTHENTICATED");
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    expect(errorCode(wrong)).toBe(errorCode(unknown));
  });

  it("refuses empty credentials as bad input", async () => {
    const response = await gql(LOGIN, { input: { username: "", password: "" } }, { ip: "203.0.113.4" });
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.extensions?.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      "password",
      "username",
    ]);
  });

  it("rate-limits the 11th wrong password for an account within a minute, even with the right one", async () => {
    expect(LOGIN_LIMITS.account.limit).toBe(10);
    const admin = await adminAs(await ownerToken(), "ADMIN");
    const account = { username: admin.username, password: "not-the-password" };
    for (let attempt = 1; attempt <= 10; attempt++) {
      // Different IPs, so only the per-account limit can trip.
      const response = await gql(LOGIN, { input: account }, { ip: `192.0.2.${attempt}` });
      expect(errorCode(response)).toBe("UNAUTHENTICATED");
    }
    const eleventh = await gql(
      LOGIN,
      { input: { username: admin.username, password: admin.password } },
      { ip: "192.0.2.11" },
    );
    expect(errorCode(eleventh)).toBe("RATE_LIMITED");
    expect(eleventh.errors?.[0]?.extensions?.retryAfterSec).toBeGreaterThan(0);
  });

  it("rate-limits one IP trying many accounts", async () => {
    for (let attempt = 1; attempt <= LOGIN_LIMITS.ip.limit; attempt++) {
      const response = await gql(
        LOGIN,
        { input: { username: `guess${attempt}`, password: "guess-password" } },
        { ip: "198.18.0.1" },
      );
      expect(errorCode(response)).toBe("UNAUTHENTICATED");
    }
    const next = await gql(
      LOGIN,
      { input: { username: "guess-next", password: "guess-password" } },
      { ip: "198.18.0.1" },
    );
    expect(errorCode(next)).toBe("RATE_LIMITED");
    const otherIp = await gql(
      LOGIN,
      { input: { username: "guess-next", password: "guess-password" } },
      { ip: "198.18.0.2" },
    );
    expect(errorCode(otherIp)).toBe("UNAUTHENTICATED");
  });
});
