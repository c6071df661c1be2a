import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { createDb } from "../db/client";
import { fromBase64Url } from "../lib/base64";
import { adminAs, errorCode, gql, login, ok, OWNER, ownerToken } from "../test/api";
import worker from "../index";
import { REFRESH_REUSE_GRACE_SEC, rotateRefreshToken } from "./sessions";

const REFRESH = `mutation ($token: String!) { refreshToken(token: $token) { accessToken refreshToken admin { username } } }`;
const ME = `{ me { username } }`;

describe("refresh token rotation", () => {
  it("exchanges a refresh token for a new working pair", async () => {
    await ownerToken();
    const session = await login(OWNER.username, OWNER.password);
    const { refreshToken } = ok(await gql(REFRESH, { token: session.refreshToken }));
    expect(refreshToken.refreshToken).not.toBe(session.refreshToken);
    expect(ok(await gql(ME, {}, { token: refreshToken.accessToken })).me.username).toBe(OWNER.username);
  });

  it("revokes the whole family when a used refresh token comes back", async () => {
    const session = await login(OWNER.username, OWNER.password);
    const second = ok(await gql(REFRESH, { token: session.refreshToken })).refreshToken;
    const third = ok(await gql(REFRESH, { token: second.refreshToken })).refreshToken;

    const replay = await gql(REFRESH, { token: session.refreshToken });
    expect(errorCode(replay)).toBe("UNAUTHENTICATED");
    // Every token of the family is now dead: the newest refresh token and every access token.
    expect(errorCode(await gql(REFRESH, { token: third.refreshToken }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(ME, {}, { token: third.accessToken }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(ME, {}, { token: session.accessToken }))).toBe("UNAUTHENTICATED");
  });

  it("leaves other sessions alone when one family is revoked", async () => {
    const keep = await login(OWNER.username, OWNER.password);
    const burn = await login(OWNER.username, OWNER.password);
    const next = ok(await gql(REFRESH, { token: burn.refreshToken })).refreshToken;
    ok(await gql(REFRESH, { token: next.refreshToken }));
    expect(errorCode(await gql(REFRESH, { token: burn.refreshToken }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(ME, {}, { token: next.accessToken }))).toBe("UNAUTHENTICATED");
    expect(ok(await gql(ME, {}, { token: keep.accessToken })).me.username).toBe(OWNER.username);
  });

  it("lets a token whose answer was lost (a reload mid-refresh) be used again until its successor is used", async () => {
    const session = await login(OWNER.username, OWNER.password);
    const lost = ok(await gql(REFRESH, { token: session.refreshToken })).refreshToken;
    const retried = ok(await gql(REFRESH, { token: session.refreshToken })).refreshToken;
    expect(retried.refreshToken).not.toBe(lost.refreshToken);
    expect(ok(await gql(ME, {}, { token: retried.accessToken })).me.username).toBe(OWNER.username);

    ok(await gql(REFRESH, { token: retried.refreshToken }));
    expect(errorCode(await gql(REFRESH, { token: session.refreshToken }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(ME, {}, { token: retried.accessToken }))).toBe("UNAUTHENTICATED");
  });

  it("gives two concurrent uses of a token (two tabs) each a working pair", async () => {
    const session = await login(OWNER.username, OWNER.password);
    const results = await Promise.all([
      gql(REFRESH, { token: session.refreshToken }),
      gql(REFRESH, { token: session.refreshToken }),
    ]);
    for (const result of results) {
      expect(ok(await gql(ME, {}, { token: result.data!.refreshToken.accessToken })).me.username).toBe(OWNER.username);
    }
  });

  it("revokes the family when a used token comes back after the grace window", async () => {
    const session = await login(OWNER.username, OWNER.password);
    const db = createDb(env.DB);
    const config = { jwtSecret: env.JWT_SECRET, accessTtlSec: 900, refreshTtlSec: 86_400 };
    const nowSec = Math.floor(Date.now() / 1000);
    const first = await rotateRefreshToken(db, config, session.refreshToken, nowSec, "192.0.2.1");
    expect(first.reused).toBe(false);
    const late = await rotateRefreshToken(
      db,
      config,
      session.refreshToken,
      nowSec + REFRESH_REUSE_GRACE_SEC + 1,
      "192.0.2.1",
    );
    expect(late.reused).toBe(true);
    expect(errorCode(await gql(ME, {}, { token: session.accessToken }))).toBe("UNAUTHENTICATED");
  });

  it("refuses garbage and empty tokens", async () => {
    expect(errorCode(await gql(REFRESH, { token: "not-a-token" }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(REFRESH, { token: "" }))).toBe("BAD_USER_INPUT");
  });
});

describe("logout", () => {
  it("ends the session: access and refresh tokens stop working", async () => {
    const session = await login(OWNER.username, OWNER.password);
    expect(ok(await gql(`mutation { logout }`, {}, { token: session.accessToken })).logout).toBe(true);
    expect(errorCode(await gql(ME, {}, { token: session.accessToken }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(REFRESH, { token: session.refreshToken }))).toBe("UNAUTHENTICATED");
  });

  it("needs a session", async () => {
    expect(errorCode(await gql(`mutation { logout }`))).toBe("UNAUTHENTICATED");
  });
});

describe("access tokens", () => {
  it("refuses forged and malformed bearer tokens", async () => {
    const session = await login(OWNER.username, OWNER.password);
    const [header, payload] = session.accessToken.split(".");
    const forged = `${header}.${payload}.${"A".repeat(43)}`;
    expect(errorCode(await gql(ME, {}, { token: forged }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(ME, {}, { token: "abc" }))).toBe("UNAUTHENTICATED");
  });

  it("refuses a live session's claims signed with another secret, once the panel's key is cached", async () => {
    const session = await login(OWNER.username, OWNER.password);
    expect(ok(await gql(ME, {}, { token: session.accessToken })).me.username).toBe(OWNER.username);
    const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(session.accessToken.split(".")[1]!)));
    const forged = await sign(claims, "another secret of the same length as the panel's own secret", "HS256");
    expect(errorCode(await gql(ME, {}, { token: forged }))).toBe("UNAUTHENTICATED");
  });

  it("stops a revoked session's access token on the very next request, though it verified just before", async () => {
    const keep = await login(OWNER.username, OWNER.password);
    const revoked = await login(OWNER.username, OWNER.password);
    expect(ok(await gql(ME, {}, { token: revoked.accessToken })).me.username).toBe(OWNER.username);
    ok(await gql(`mutation { revokeOtherSessions }`, {}, { token: keep.accessToken }));
    expect(errorCode(await gql(ME, {}, { token: revoked.accessToken }))).toBe("UNAUTHENTICATED");
    expect(ok(await gql(ME, {}, { token: keep.accessToken })).me.username).toBe(OWNER.username);
  });
});

describe("changePassword", () => {
  it("needs the current password and changes nothing without it", async () => {
    const admin = await adminAs(await ownerToken(), "ADMIN");
    const response = await gql(
      `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`,
      { input: { currentPassword: "wrong-password", newPassword: "a-brand-new-password" } },
      { token: admin.token },
    );
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    expect((await login(admin.username, admin.password)).accessToken).toBeTruthy();
  });

  it("changes the password and ends every other session of that admin", async () => {
    const admin = await adminAs(await ownerToken(), "ADMIN");
    const other = await login(admin.username, admin.password);
    ok(
      await gql(
        `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`,
        { input: { currentPassword: admin.password, newPassword: "a-brand-new-password" } },
        { token: admin.token },
      ),
    );
    expect(ok(await gql(ME, {}, { token: admin.token })).me.username).toBe(admin.username);
    expect(errorCode(await gql(ME, {}, { token: other.accessToken }))).toBe("UNAUTHENTICATED");
    expect((await login(admin.username, "a-brand-new-password")).accessToken).toBeTruthy();
  });
});

describe("the minute's cron", () => {
  it("deletes sessions that ended longer ago than the session retention (30 days) with their refresh tokens, and keeps the rest", async () => {
    const signIn = () => login(OWNER.username, OWNER.password);
    const [live, expired, revokedLongAgo, revokedToday] = await Promise.all([signIn(), signIn(), signIn(), signIn()]);
    const sessionOf = (session: { accessToken: string }) =>
      JSON.parse(new TextDecoder().decode(fromBase64Url(session.accessToken.split(".")[1]!))).sid as string;
    const nowSec = Math.floor(Date.now() / 1000);
    const longAgo = nowSec - 30 * 86_400 - 60;
    await env.DB.batch([
      env.DB.prepare(`UPDATE sessions SET expires_at = ? WHERE id = ?`).bind(longAgo, sessionOf(expired)),
      env.DB.prepare(`UPDATE sessions SET revoked_at = ? WHERE id = ?`).bind(longAgo, sessionOf(revokedLongAgo)),
      env.DB.prepare(`UPDATE sessions SET revoked_at = ? WHERE id = ?`).bind(nowSec - 60, sessionOf(revokedToday)),
    ]);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);

    const remaining = async (table: string, column: string, session: { accessToken: string }) =>
      (await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`)
        .bind(sessionOf(session))
        .first<{ n: number }>())!.n;
    expect([
      await remaining("sessions", "id", expired),
      await remaining("refresh_tokens", "session_id", expired),
    ]).toEqual([0, 0]);
    expect([
      await remaining("sessions", "id", revokedLongAgo),
      await remaining("refresh_tokens", "session_id", revokedLongAgo),
    ]).toEqual([0, 0]);
    expect([
      await remaining("sessions", "id", revokedToday),
      await remaining("refresh_tokens", "session_id", revokedToday),
    ]).toEqual([1, 1]);
    expect(ok(await gql(ME, {}, { token: live.accessToken })).me.username).toBe(OWNER.username);
  });
});
