import { describe, expect, it } from "vitest";
import { adminAs, errorCode, gql, login, ok, OWNER, ownerToken } from "../test/api";

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
    ok(await gql(REFRESH, { token: burn.refreshToken }));
    await gql(REFRESH, { token: burn.refreshToken });
    expect(ok(await gql(ME, {}, { token: keep.accessToken })).me.username).toBe(OWNER.username);
  });

  it("lets only one of two concurrent uses of a token through, and then revokes the family", async () => {
    const session = await login(OWNER.username, OWNER.password);
    const results = await Promise.all([gql(REFRESH, { token: session.refreshToken }), gql(REFRESH, { token: session.refreshToken })]);
    const winners = results.filter((r) => !r.errors);
    expect(winners.length).toBeLessThanOrEqual(1);
    for (const winner of winners) {
      expect(errorCode(await gql(ME, {}, { token: winner.data!.refreshToken.accessToken }))).toBe("UNAUTHENTICATED");
    }
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
