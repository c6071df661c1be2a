import { describe, expect, it } from "vitest";
import { adminAs, countRows, createUser, errorCode, gql, login, ok, ownerToken, unique } from "../test/api";

const CREATE = `mutation ($input: CreateAdminInput!) { createAdmin(input: $input) { id username role maxUsers maxDataLimit disabled } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateAdminInput!) { updateAdmin(id: $id, input: $input) { id role maxUsers maxDataLimit disabled } }`;
const DELETE = `mutation ($id: ID!) { deleteAdmin(id: $id) }`;

describe("admins", () => {
  it("the owner creates a reseller with limits, including byte limits above 32 bits", async () => {
    const owner = await ownerToken();
    const auditBefore = await countRows("audit_log");
    const input = {
      username: unique("res"),
      password: "reseller-password",
      role: "RESELLER",
      maxUsers: 5,
      maxDataLimit: 5 * 2 ** 40,
    };
    const { createAdmin } = ok(await gql(CREATE, { input }, { token: owner }));
    expect(createAdmin).toMatchObject({
      username: input.username,
      role: "RESELLER",
      maxUsers: 5,
      maxDataLimit: 5 * 2 ** 40,
      disabled: false,
    });
    expect(await countRows("audit_log")).toBe(auditBefore + 1);
    const { admins } = ok(await gql(`{ admins { username role } }`, {}, { token: owner }));
    expect(admins).toContainEqual({ username: input.username, role: "RESELLER" });
  });

  it("refuses a second owner, weak passwords, bad names and taken names, changing nothing", async () => {
    const owner = await ownerToken();
    const before = await countRows("admins");
    const auditBefore = await countRows("audit_log");
    const cases = [
      { input: { username: unique("o"), password: "owner-password-2", role: "OWNER" }, code: "BAD_USER_INPUT" },
      { input: { username: unique("w"), password: "short", role: "ADMIN" }, code: "BAD_USER_INPUT" },
      { input: { username: "has spaces", password: "long-enough-password", role: "ADMIN" }, code: "BAD_USER_INPUT" },
      { input: { username: "OWNER", password: "long-enough-password", role: "ADMIN" }, code: "CONFLICT" },
      {
        input: { username: unique("n"), password: "long-enough-password", role: "RESELLER", maxUsers: -1 },
        code: "BAD_USER_INPUT",
      },
    ];
    for (const { input, code } of cases) {
      expect(errorCode(await gql(CREATE, { input }, { token: owner })), JSON.stringify(input)).toBe(code);
    }
    expect(await countRows("admins")).toBe(before);
    expect(await countRows("audit_log")).toBe(auditBefore);
  });

  it("only the owner manages admins", async () => {
    const owner = await ownerToken();
    const admin = await adminAs(owner, "ADMIN");
    const reseller = await adminAs(owner, "RESELLER");
    const input = { username: unique("x"), password: "long-enough-password", role: "ADMIN" };
    for (const token of [admin.token, reseller.token]) {
      expect(errorCode(await gql(CREATE, { input }, { token }))).toBe("FORBIDDEN");
      expect(errorCode(await gql(`{ admins { id } }`, {}, { token }))).toBe("FORBIDDEN");
      expect(errorCode(await gql(UPDATE, { id: admin.id, input: { disabled: true } }, { token }))).toBe("FORBIDDEN");
      expect(errorCode(await gql(DELETE, { id: reseller.id }, { token }))).toBe("FORBIDDEN");
    }
    expect(errorCode(await gql(CREATE, { input }))).toBe("UNAUTHENTICATED");
    // Everyone may read their own account.
    expect(ok(await gql(`{ me { username role } }`, {}, { token: reseller.token })).me).toEqual({
      username: reseller.username,
      role: "RESELLER",
    });
  });

  it("reads `me` and its users' `owner` from the session check's own statement", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER", { maxUsers: 3 });
    await createUser(reseller.token);
    const response = await gql(
      `{ me { id username role maxUsers } users { edges { node { owner { id username } } } } }`,
      {},
      { token: reseller.token },
    );
    const { me, users } = ok(response);
    expect(me).toEqual({ id: reseller.id, username: reseller.username, role: "RESELLER", maxUsers: 3 });
    expect(users.edges.map((e: { node: { owner: unknown } }) => e.node.owner)).toEqual([
      { id: reseller.id, username: reseller.username },
    ]);
    // The session check and the page: none for the admin row, neither for `me` nor for `owner`.
    expect(response.headers.get("x-d1-statements")).toBe("2");
  });

  it("updates limits and role; clearing a limit with null", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER", { maxUsers: 3 });
    const { updateAdmin } = ok(
      await gql(UPDATE, { id: reseller.id, input: { maxUsers: null, maxDataLimit: 1000 } }, { token: owner }),
    );
    expect(updateAdmin).toMatchObject({ maxUsers: null, maxDataLimit: 1000, role: "RESELLER" });
    const promoted = ok(await gql(UPDATE, { id: reseller.id, input: { role: "ADMIN" } }, { token: owner }));
    expect(promoted.updateAdmin.role).toBe("ADMIN");
  });

  it("disabling an admin or setting its password ends its sessions at once", async () => {
    const owner = await ownerToken();
    const admin = await adminAs(owner, "ADMIN");
    ok(await gql(UPDATE, { id: admin.id, input: { password: "replaced-password-1" } }, { token: owner }));
    expect(errorCode(await gql(`{ me { id } }`, {}, { token: admin.token }))).toBe("UNAUTHENTICATED");
    const fresh = await login(admin.username, "replaced-password-1");
    ok(await gql(UPDATE, { id: admin.id, input: { disabled: true } }, { token: owner }));
    expect(errorCode(await gql(`{ me { id } }`, {}, { token: fresh.accessToken }))).toBe("UNAUTHENTICATED");
    const relogin = await gql(
      `mutation { login(input: {username: "${admin.username}", password: "replaced-password-1"}) { accessToken } }`,
      {},
      { ip: "10.9.9.9" },
    );
    expect(errorCode(relogin)).toBe("UNAUTHENTICATED");
  });

  it("the owner account cannot be changed, disabled or deleted here", async () => {
    const owner = await ownerToken();
    const { me } = ok(await gql(`{ me { id } }`, {}, { token: owner }));
    expect(errorCode(await gql(UPDATE, { id: me.id, input: { disabled: true } }, { token: owner }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(DELETE, { id: me.id }, { token: owner }))).toBe("FORBIDDEN");
  });

  it("refuses to delete an admin who still owns users, then deletes once they are gone", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const user = await createUser(reseller.token);
    const refused = await gql(DELETE, { id: reseller.id }, { token: owner });
    expect(errorCode(refused)).toBe("CONFLICT");
    expect(refused.errors?.[0]?.extensions?.ownedUsers).toBe(1);
    ok(await gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id: user.id }, { token: owner }));
    expect(ok(await gql(DELETE, { id: reseller.id }, { token: owner })).deleteAdmin).toBe(true);
    expect(
      ok(await gql(`query ($id: ID!) { admin(id: $id) { id } }`, { id: reseller.id }, { token: owner })).admin,
    ).toBeNull();
  });

  it("answers NOT_FOUND for unknown ids and BAD_USER_INPUT for malformed ones", async () => {
    const owner = await ownerToken();
    expect(errorCode(await gql(UPDATE, { id: "999999", input: { disabled: true } }, { token: owner }))).toBe(
      "NOT_FOUND",
    );
    expect(errorCode(await gql(DELETE, { id: "abc" }, { token: owner }))).toBe("BAD_USER_INPUT");
  });
});
