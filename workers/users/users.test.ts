import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  adminAs,
  countRows,
  createGroup,
  createInbound,
  createServer,
  configVersions,
  createUser,
  errorCode,
  gql,
  ok,
  ownerToken,
  unique,
} from "../test/api";

const USER_FIELDS = `id username status dataLimit usedTraffic expireAt onHoldExpireDays resetStrategy note subscriptionUrl
  owner { username } groups { name } credentials { vlessId vmessId trojanPassword shadowsocksPassword hysteria2Password }`;
const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`;
const GET = `query ($id: ID!) { user(id: $id) { id username status } }`;
const LIST = `query ($filter: UserFilter, $page: Pagination) {
  users(filter: $filter, page: $page) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id username owner { username } groups { name } subscriptionUrl } } }
}`;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const TIB = 2 ** 40;

describe("creating users", () => {
  it("makes an active user with fresh credentials and an unguessable subscription link", async () => {
    const owner = await ownerToken();
    const group = await createGroup(owner);
    const input = {
      username: unique("alice"),
      dataLimit: 10 * TIB,
      expireAt: inDays(30),
      resetStrategy: "MONTH",
      note: "vip",
      groupIds: [group.id],
    };
    const { createUser: user } = ok(await gql(CREATE, { input }, { token: owner }));
    expect(user).toMatchObject({
      username: input.username,
      status: "ACTIVE",
      dataLimit: 10 * TIB,
      usedTraffic: 0,
      resetStrategy: "MONTH",
      note: "vip",
    });
    expect(user.owner.username).toBe("owner");
    expect(user.groups).toEqual([{ name: group.name }]);
    expect(Math.abs(Date.parse(user.expireAt) - Date.parse(input.expireAt))).toBeLessThan(1000);
    expect(user.credentials.vlessId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(user.credentials.vlessId).not.toBe(user.credentials.vmessId);
    const token = user.subscriptionUrl.match(/^http:\/\/panel\.test\/sub\/([A-Za-z0-9_-]+)$/)?.[1];
    expect(token, user.subscriptionUrl).toBeDefined();
    expect(token!.length * 6).toBeGreaterThanOrEqual(128);
    const other = ok(await gql(CREATE, { input: { username: unique("bob") } }, { token: owner })).createUser;
    expect(other.subscriptionUrl).not.toBe(user.subscriptionUrl);
    expect(other).toMatchObject({ status: "ACTIVE", dataLimit: null, expireAt: null, resetStrategy: "NONE" });
  });

  it("links a new user to every group it names", async () => {
    const owner = await ownerToken();
    const groups = [await createGroup(owner), await createGroup(owner), await createGroup(owner)];
    const { createUser: user } = ok(
      await gql(CREATE, { input: { username: unique("multi"), groupIds: groups.map((g) => g.id) } }, { token: owner }),
    );
    expect(user.groups.map((g: { name: string }) => g.name).sort()).toEqual(groups.map((g) => g.name).sort());
  });

  it("puts users on hold until first use when asked", async () => {
    const owner = await ownerToken();
    const { createUser: user } = ok(
      await gql(
        CREATE,
        { input: { username: unique("hold"), status: "ON_HOLD", onHoldExpireDays: 30 } },
        { token: owner },
      ),
    );
    expect(user).toMatchObject({ status: "ON_HOLD", onHoldExpireDays: 30, expireAt: null });
  });

  it("refuses bad input with a clear code and changes nothing", async () => {
    const owner = await ownerToken();
    const existing = await createUser(owner);
    const usersBefore = await countRows("users");
    const auditBefore = await countRows("audit_log");
    const cases: [Record<string, unknown>, string][] = [
      [{ username: existing.username.toUpperCase() }, "CONFLICT"],
      [{ username: "no spaces allowed" }, "BAD_USER_INPUT"],
      [{ username: unique("u"), expireAt: inDays(-1) }, "BAD_USER_INPUT"],
      [{ username: unique("u"), expireAt: "tomorrow" }, "BAD_USER_INPUT"],
      [{ username: unique("u"), status: "LIMITED" }, "BAD_USER_INPUT"],
      [{ username: unique("u"), status: "ON_HOLD" }, "BAD_USER_INPUT"],
      [{ username: unique("u"), onHoldExpireDays: 5 }, "BAD_USER_INPUT"],
      [{ username: unique("u"), dataLimit: -1 }, "BAD_USER_INPUT"],
      [{ username: unique("u"), dataLimit: "18014398509481984" }, "BAD_USER_INPUT"],
      [{ username: unique("u"), groupIds: ["987654"] }, "BAD_USER_INPUT"],
      [{ username: unique("u"), note: "x".repeat(5000) }, "BAD_USER_INPUT"],
    ];
    for (const [input, code] of cases) {
      expect(errorCode(await gql(CREATE, { input }, { token: owner })), JSON.stringify(input).slice(0, 80)).toBe(code);
    }
    expect(await countRows("users")).toBe(usersBefore);
    expect(await countRows("audit_log")).toBe(auditBefore);
  });

  it("needs a signed-in admin", async () => {
    expect(errorCode(await gql(CREATE, { input: { username: unique("anon") } }))).toBe("UNAUTHENTICATED");
  });
});

describe("updating users", () => {
  it("changes only what is given and clears with null", async () => {
    const owner = await ownerToken();
    const { createUser: user } = ok(
      await gql(
        CREATE,
        { input: { username: unique("upd"), dataLimit: 100, expireAt: inDays(10), note: "keep" } },
        { token: owner },
      ),
    );
    const { updateUser } = ok(
      await gql(UPDATE, { id: user.id, input: { dataLimit: null, resetStrategy: "WEEK" } }, { token: owner }),
    );
    expect(updateUser).toMatchObject({ dataLimit: null, resetStrategy: "WEEK", note: "keep", username: user.username });
    expect(updateUser.expireAt).toBe(user.expireAt);
    const cleared = ok(await gql(UPDATE, { id: user.id, input: { expireAt: null } }, { token: owner })).updateUser;
    expect(cleared.expireAt).toBeNull();
  });

  it("derives LIMITED from usage and lifts it when the limit is raised", async () => {
    const owner = await ownerToken();
    const { createUser: user } = ok(
      await gql(CREATE, { input: { username: unique("lim"), dataLimit: 1000 } }, { token: owner }),
    );
    // Usage arrives from nodes (agent issue); here it is written as the ingest would.
    await env.DB.prepare(`UPDATE users SET used_bytes = 1000 WHERE id = ?`).bind(Number(user.id)).run();
    const limited = ok(await gql(UPDATE, { id: user.id, input: { note: "over" } }, { token: owner })).updateUser;
    expect(limited.status).toBe("LIMITED");
    const raised = ok(await gql(UPDATE, { id: user.id, input: { dataLimit: 5000 } }, { token: owner })).updateUser;
    expect(raised).toMatchObject({ status: "ACTIVE", usedTraffic: 1000 });
  });

  it("resets usage by hand: a LIMITED user is ACTIVE again, and the reset is recorded", async () => {
    const owner = await ownerToken();
    const { createUser: user } = ok(
      await gql(CREATE, { input: { username: unique("reset"), dataLimit: 1000 } }, { token: owner }),
    );
    await env.DB.prepare(`UPDATE users SET used_bytes = 1000, status = 'limited' WHERE id = ?`)
      .bind(Number(user.id))
      .run();
    const RESET = `mutation ($id: ID!) { resetUserUsage(id: $id) { status usedTraffic } }`;
    expect(ok(await gql(RESET, { id: user.id }, { token: owner })).resetUserUsage).toEqual({
      status: "ACTIVE",
      usedTraffic: 0,
    });
    const audit = await env.DB.prepare(
      `SELECT action, target_id, details FROM audit_log ORDER BY id DESC LIMIT 1`,
    ).first<{ action: string; target_id: string; details: string }>();
    expect(audit).toMatchObject({ action: "user.reset_usage", target_id: user.id });
    expect(JSON.parse(audit!.details)).toEqual({ usedBytes: 1000 });

    const reseller = await adminAs(owner, "RESELLER");
    expect(errorCode(await gql(RESET, { id: user.id }, { token: reseller.token }))).toBe("NOT_FOUND");
  });

  it("disables and re-enables; ends a hold when made ACTIVE", async () => {
    const owner = await ownerToken();
    const { createUser: user } = ok(
      await gql(
        CREATE,
        { input: { username: unique("sw"), status: "ON_HOLD", onHoldExpireDays: 7 } },
        { token: owner },
      ),
    );
    const disabled = ok(await gql(UPDATE, { id: user.id, input: { status: "DISABLED" } }, { token: owner })).updateUser;
    expect(disabled).toMatchObject({ status: "DISABLED", onHoldExpireDays: 7 });
    const held = ok(await gql(UPDATE, { id: user.id, input: { status: "ON_HOLD" } }, { token: owner })).updateUser;
    expect(held).toMatchObject({ status: "ON_HOLD", onHoldExpireDays: 7 });
    const active = ok(
      await gql(UPDATE, { id: user.id, input: { status: "ACTIVE", expireAt: inDays(3) } }, { token: owner }),
    ).updateUser;
    expect(active).toMatchObject({ status: "ACTIVE", onHoldExpireDays: null });
  });

  it("refuses bad updates, changing nothing", async () => {
    const owner = await ownerToken();
    const a = await createUser(owner);
    const b = await createUser(owner);
    const before = await env.DB.prepare(`SELECT * FROM users WHERE id = ?`).bind(Number(a.id)).first();
    for (const [input, code] of [
      [{ username: b.username }, "CONFLICT"],
      [{ expireAt: inDays(-2) }, "BAD_USER_INPUT"],
      [{ status: "EXPIRED" }, "BAD_USER_INPUT"],
      [{ onHoldExpireDays: 0, status: "ON_HOLD" }, "BAD_USER_INPUT"],
    ] as const) {
      expect(errorCode(await gql(UPDATE, { id: a.id, input }, { token: owner })), JSON.stringify(input)).toBe(code);
    }
    expect(await env.DB.prepare(`SELECT * FROM users WHERE id = ?`).bind(Number(a.id)).first()).toEqual(before);
    expect(errorCode(await gql(UPDATE, { id: "424242", input: { note: "x" } }, { token: owner }))).toBe("NOT_FOUND");
  });

  it("deletes a user and records it", async () => {
    const owner = await ownerToken();
    const user = await createUser(owner);
    expect(
      ok(await gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id: user.id }, { token: owner })).deleteUser,
    ).toBe(true);
    expect(ok(await gql(GET, { id: user.id }, { token: owner })).user).toBeNull();
    const audit = await env.DB.prepare(`SELECT action, target_id FROM audit_log ORDER BY id DESC LIMIT 1`).first();
    expect(audit).toEqual({ action: "user.delete", target_id: user.id });
    expect(errorCode(await gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id: user.id }, { token: owner }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("resellers", () => {
  it("see and change only their own users", async () => {
    const owner = await ownerToken();
    const mine = await adminAs(owner, "RESELLER");
    const theirs = await adminAs(owner, "RESELLER");
    const myUser = await createUser(mine.token);
    const theirUser = await createUser(theirs.token);

    expect(ok(await gql(GET, { id: theirUser.id }, { token: mine.token })).user).toBeNull();
    expect(errorCode(await gql(UPDATE, { id: theirUser.id, input: { note: "mine now" } }, { token: mine.token }))).toBe(
      "NOT_FOUND",
    );
    expect(
      errorCode(await gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id: theirUser.id }, { token: mine.token })),
    ).toBe("NOT_FOUND");
    expect(ok(await gql(GET, { id: theirUser.id }, { token: theirs.token })).user.username).toBe(theirUser.username);

    const listed = ok(await gql(LIST, {}, { token: mine.token })).users;
    expect(listed.totalCount).toBe(1);
    expect(listed.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([myUser.id]);
    const probing = ok(await gql(LIST, { filter: { ownerId: theirs.id } }, { token: mine.token })).users;
    expect(probing.totalCount).toBe(0);
  });

  it("cannot give users to someone else; admins can reassign", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const other = await adminAs(owner, "RESELLER");
    expect(
      errorCode(
        await gql(CREATE, { input: { username: unique("gift"), ownerId: other.id } }, { token: reseller.token }),
      ),
    ).toBe("FORBIDDEN");
    const user = await createUser(owner);
    const moved = ok(await gql(UPDATE, { id: user.id, input: { ownerId: reseller.id } }, { token: owner })).updateUser;
    expect(moved.owner.username).toBe(reseller.username);
    expect(ok(await gql(GET, { id: user.id }, { token: reseller.token })).user.id).toBe(user.id);
  });

  it("stay within their user and data limits", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER", { maxUsers: 2, maxDataLimit: 3000 });
    expect(errorCode(await gql(CREATE, { input: { username: unique("unl") } }, { token: reseller.token }))).toBe(
      "FORBIDDEN",
    );
    const first = ok(
      await gql(CREATE, { input: { username: unique("r"), dataLimit: 1000 } }, { token: reseller.token }),
    ).createUser;
    expect(
      errorCode(await gql(CREATE, { input: { username: unique("r"), dataLimit: 2001 } }, { token: reseller.token })),
    ).toBe("FORBIDDEN");
    ok(await gql(CREATE, { input: { username: unique("r"), dataLimit: 2000 } }, { token: reseller.token }));
    expect(
      errorCode(await gql(CREATE, { input: { username: unique("r"), dataLimit: 1 } }, { token: reseller.token })),
    ).toBe("FORBIDDEN");
    expect(errorCode(await gql(UPDATE, { id: first.id, input: { dataLimit: 1001 } }, { token: reseller.token }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCode(await gql(UPDATE, { id: first.id, input: { dataLimit: null } }, { token: reseller.token }))).toBe(
      "FORBIDDEN",
    );
    // Lowering a limit always fits.
    expect(
      ok(await gql(UPDATE, { id: first.id, input: { dataLimit: 500 } }, { token: reseller.token })).updateUser
        .dataLimit,
    ).toBe(500);
    const full = ok(await gql(LIST, {}, { token: reseller.token })).users;
    expect(full.totalCount).toBe(2);
  });
});

describe("listing users", () => {
  it("pages newest first with cursors and a total, and filters", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const group = await createGroup(owner);
    const made = [];
    for (let i = 0; i < 7; i++)
      made.push(
        await createUser(reseller.token, {
          username: unique(i % 2 ? "page-odd" : "page-even"),
          groupIds: i < 3 ? [group.id] : [],
        }),
      );
    const first = ok(await gql(LIST, { page: { first: 3 } }, { token: reseller.token })).users;
    expect(first.totalCount).toBe(7);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      made
        .slice(4)
        .reverse()
        .map((u) => u.id),
    );
    const second = ok(
      await gql(LIST, { page: { first: 3, after: first.pageInfo.endCursor } }, { token: reseller.token }),
    ).users;
    expect(second.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      made
        .slice(1, 4)
        .reverse()
        .map((u) => u.id),
    );
    const last = ok(
      await gql(LIST, { page: { first: 3, after: second.pageInfo.endCursor } }, { token: reseller.token }),
    ).users;
    expect(last.edges).toHaveLength(1);
    expect(last.pageInfo.hasNextPage).toBe(false);

    const odd = ok(await gql(LIST, { filter: { search: "PAGE-ODD" } }, { token: reseller.token })).users;
    expect(odd.totalCount).toBe(3);
    const grouped = ok(await gql(LIST, { filter: { groupId: group.id } }, { token: reseller.token })).users;
    expect(grouped.totalCount).toBe(3);
    expect(
      grouped.edges.every((e: { node: { groups: { name: string }[] } }) => e.node.groups[0]?.name === group.name),
    ).toBe(true);
    const disabled = ok(await gql(LIST, { filter: { status: "DISABLED" } }, { token: reseller.token })).users;
    expect(disabled.totalCount).toBe(0);
  });

  it("sorts by usage, expiry or name across cursor pages, ties broken by id, never-expiring last", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const tag = unique("sort");
    const usage = [300, 100, 300, 0, 200];
    const expiry = [null, 2_000_000_000, 1_900_000_000, null, 1_800_000_000];
    const made = [];
    for (let i = 0; i < usage.length; i++) {
      const user = await createUser(reseller.token, { username: `${tag}-${"edcba"[i]}` });
      await env.DB.prepare(`UPDATE users SET used_bytes = ?, expire_at = ? WHERE id = ?`)
        .bind(usage[i], expiry[i], Number(user.id))
        .run();
      made.push(user.username);
    }
    const ORDERED = `query ($order: UserOrder, $page: Pagination) { users(order: $order, page: $page) { totalCount pageInfo { hasNextPage endCursor } edges { node { username } } } }`;
    const walk = async (order: unknown) => {
      const names: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = ok(await gql(ORDERED, { order, page: { first: 2, after } }, { token: reseller.token })).users;
        names.push(...page.edges.map((e: { node: { username: string } }) => e.node.username));
        if (!page.pageInfo.hasNextPage) return names;
        after = page.pageInfo.endCursor;
      }
    };
    const [e, d, c, b, a] = made;
    expect(await walk({ by: "USED_TRAFFIC", descending: true })).toEqual([c, e, a, d, b]);
    expect(await walk({ by: "EXPIRE_AT" })).toEqual([a, c, d, e, b]);
    expect(await walk({ by: "USERNAME" })).toEqual([a, b, c, d, e]);

    const byName = ok(
      await gql(ORDERED, { order: { by: "USERNAME" }, page: { first: 1 } }, { token: reseller.token }),
    ).users;
    expect(
      errorCode(
        await gql(
          ORDERED,
          { order: { by: "USED_TRAFFIC" }, page: { after: byName.pageInfo.endCursor } },
          { token: reseller.token },
        ),
      ),
    ).toBe("BAD_USER_INPUT");
    expect(errorCode(await gql(LIST, { page: { after: byName.pageInfo.endCursor } }, { token: reseller.token }))).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("searches 3 or more characters anywhere in usernames and notes, case-insensitively, through the trigram index", async () => {
    const owner = await ownerToken();
    const tag = unique("srch").toLowerCase();
    const alice = await createUser(owner, { username: `${tag}-Alice` });
    const noted = await createUser(owner, { username: unique("plain"), note: `Paid by ${tag.toUpperCase()} in cash` });
    const emoji = await createUser(owner, { username: unique("emoji"), note: `${tag} Größe 😀 "VIP" OR x*` });
    const names = async (search: string) => {
      const found = ok(await gql(LIST, { filter: { search } }, { token: owner })).users;
      expect(found.totalCount).toBe(found.edges.length);
      return found.edges.map((e: { node: { id: string } }) => e.node.id).sort();
    };
    expect(await names(tag)).toEqual([alice.id, noted.id, emoji.id].sort());
    expect(await names(`${tag}-ALI`)).toEqual([alice.id]);
    expect(await names("größe 😀")).toEqual([emoji.id]);
    // Query syntax is text like any other: quotes, OR and * match themselves.
    expect(await names('"VIP" OR x*')).toEqual([emoji.id]);
    expect(await names(`${tag}-alice OR ${tag}`)).toEqual([]);

    // Triggers keep the index in step with renames, note edits and deletes.
    const UPDATE_NAME = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`;
    ok(await gql(UPDATE_NAME, { id: alice.id, input: { username: unique("renamed"), note: "" } }, { token: owner }));
    ok(await gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id: noted.id }, { token: owner }));
    expect(await names(tag)).toEqual([emoji.id]);
  });

  it("searches 1 or 2 characters at the start of usernames, and never shows a reseller another's users", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const mine = await createUser(reseller.token, { username: unique("Qz") });
    await createUser(owner, { username: unique("qz") });
    await createUser(reseller.token, { username: unique("aqz"), note: "qz" });
    const found = ok(await gql(LIST, { filter: { search: "qZ" } }, { token: reseller.token })).users;
    expect(found.totalCount).toBe(1);
    expect(found.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([mine.id]);
    const all = ok(await gql(LIST, { filter: { search: "qz" } }, { token: owner })).users;
    expect(all.totalCount).toBe(2);
  });

  it("refuses oversized pages and forged cursors", async () => {
    const owner = await ownerToken();
    expect(errorCode(await gql(LIST, { page: { first: 101 } }, { token: owner }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await gql(LIST, { page: { first: 0 } }, { token: owner }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await gql(LIST, { page: { after: "bm90LWEtY3Vyc29y" } }, { token: owner }))).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("costs the same number of D1 statements for a page of 2 and a page of 50", async () => {
    const owner = await ownerToken();
    const group = await createGroup(owner);
    for (let i = 0; i < 50; i++) await createUser(owner, { groupIds: [group.id] });
    const small = await gql(LIST, { page: { first: 2 } }, { token: owner });
    const large = await gql(LIST, { page: { first: 50 } }, { token: owner });
    expect(ok(large).users.edges).toHaveLength(50);
    const statements = (r: typeof small) => Number(r.headers.get("x-d1-statements"));
    expect(statements(small)).toBeGreaterThan(0);
    expect(statements(large)).toBe(statements(small));
    // Session lookup (with the caller's admin row, for `owner`); the page, its total and the page's
    // groups (one batch, one round trip); settings: one statement each. Every user here is the caller's.
    expect(statements(small)).toBe(5);
  });
});

describe("revoking a user's config", () => {
  const ROTATE = `mutation ($id: ID!) { rotateUserCredentials(userId: $id) { subscriptionUrl credentials { vlessId vmessId trojanPassword shadowsocksPassword hysteria2Password } } }`;
  const READ = `query ($id: ID!) { user(id: $id) { subscriptionUrl credentials { vlessId vmessId trojanPassword shadowsocksPassword hysteria2Password } } }`;

  it("issues new credentials for every protocol, keeps the link, moves the config of the user's nodes, and is recorded", async () => {
    const owner = await ownerToken();
    const inbound = await createInbound(owner);
    const group = await createGroup(owner, { inboundIds: [inbound.id] });
    const server = await createServer(owner, { address: "10.0.0.1", inboundIds: [inbound.id] });
    const user = await createUser(owner, { groupIds: [group.id] });
    const before = ok(await gql(READ, { id: user.id }, { token: owner })).user;
    const versionBefore = ok(
      await gql(`query ($id: ID!) { server(id: $id) { configVersion } }`, { id: server.id }, { token: owner }),
    ).server.configVersion;
    const links = async () => (await exports.default.fetch(`${before.subscriptionUrl}/links`)).text();
    expect(await links()).toContain(before.credentials.vlessId);

    const after = ok(await gql(ROTATE, { id: user.id }, { token: owner })).rotateUserCredentials;
    expect(after.subscriptionUrl).toBe(before.subscriptionUrl);
    for (const key of Object.keys(before.credentials))
      expect(after.credentials[key], key).not.toBe(before.credentials[key]);
    expect(ok(await gql(READ, { id: user.id }, { token: owner })).user.credentials).toEqual(after.credentials);
    const versionAfter = ok(
      await gql(`query ($id: ID!) { server(id: $id) { configVersion } }`, { id: server.id }, { token: owner }),
    ).server.configVersion;
    expect(versionAfter).toBeGreaterThan(versionBefore);
    // The same link, fetched (and cached) before, now serves only the new credentials.
    const served = await links();
    expect(served).toContain(after.credentials.vlessId);
    expect(served).not.toContain(before.credentials.vlessId);
    const audit = await env.DB.prepare(
      `SELECT action, target_id, details FROM audit_log ORDER BY id DESC LIMIT 1`,
    ).first<{ action: string; target_id: string; details: string | null }>();
    expect(audit).toMatchObject({ action: "user.rotate_credentials", target_id: user.id });
    // No secret, old or new, is written to the log.
    expect(JSON.stringify(audit)).not.toContain(after.credentials.trojanPassword);
  });

  it("is open to a reseller for its own users only", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const mine = await createUser(reseller.token);
    const theirs = await createUser(owner);
    ok(await gql(ROTATE, { id: mine.id }, { token: reseller.token }));
    expect(errorCode(await gql(ROTATE, { id: theirs.id }, { token: reseller.token }))).toBe("NOT_FOUND");
    expect(errorCode(await gql(ROTATE, { id: theirs.id }))).toBe("UNAUTHENTICATED");
  });
});

describe("explicit credentials, tokens and Telegram ids", () => {
  const SECRETS = `id telegramId subscriptionUrl credentials { vlessId vmessId trojanPassword shadowsocksPassword hysteria2Password }`;
  const CREATE_SECRETS = `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${SECRETS} } }`;
  const UPDATE_SECRETS = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${SECRETS} } }`;
  const uuid = () => crypto.randomUUID();
  const token = () => unique("tok_").padEnd(24, "x");

  it("keeps a moved customer's UUIDs, passwords, token and Telegram id, generating only what is left out", async () => {
    const owner = await ownerToken();
    const vlessId = uuid().toUpperCase();
    const subToken = token();
    const input = {
      username: unique("moved"),
      subToken,
      telegramId: "123456789012",
      credentials: { vlessId, trojanPassword: unique("trojan-pass-") },
    };
    const user = ok(await gql(CREATE_SECRETS, { input }, { token: owner })).createUser;
    expect(user.credentials.vlessId).toBe(vlessId.toLowerCase());
    expect(user.credentials.trojanPassword).toBe(input.credentials.trojanPassword);
    expect(user.credentials.vmessId).toMatch(/^[0-9a-f-]{36}$/);
    expect(user.telegramId).toBe("123456789012");
    expect(user.subscriptionUrl).toBe(`http://panel.test/sub/${subToken}`);
    expect((await exports.default.fetch(user.subscriptionUrl)).status).toBe(200);
  });

  it("changes only the secrets given on update, bumps the user's nodes and audits without the values", async () => {
    const owner = await ownerToken();
    const inbound = await createInbound(owner);
    const group = await createGroup(owner, { inboundIds: [inbound.id] });
    const server = await createServer(owner, { address: "10.0.0.2", inboundIds: [inbound.id] });
    const before = ok(
      await gql(
        CREATE_SECRETS,
        { input: { username: unique("u"), groupIds: [group.id], telegramId: "42" } },
        { token: owner },
      ),
    ).createUser;
    const [versionBefore] = await configVersions([server.id]);
    const vmessId = uuid();
    const hysteria2Password = unique("hy2-secret-");
    const after = ok(
      await gql(
        UPDATE_SECRETS,
        { id: before.id, input: { credentials: { vmessId, hysteria2Password }, telegramId: "" } },
        { token: owner },
      ),
    ).updateUser;
    expect(after.credentials).toEqual({ ...before.credentials, vmessId, hysteria2Password });
    expect(after.telegramId).toBeNull();
    expect(after.subscriptionUrl).toBe(before.subscriptionUrl);
    const [versionAfter] = await configVersions([server.id]);
    expect(versionAfter).toBeGreaterThan(versionBefore!);
    const audit = await env.DB.prepare(`SELECT action, details FROM audit_log ORDER BY id DESC LIMIT 1`).first<{
      action: string;
      details: string;
    }>();
    expect(audit!.action).toBe("user.update");
    expect(audit!.details).toContain("vmessId");
    expect(audit!.details).not.toContain(vmessId);
    expect(audit!.details).not.toContain(hysteria2Password);
  });

  it("refuses a secret or token another user holds, naming the field and not the value", async () => {
    const owner = await ownerToken();
    const first = ok(
      await gql(CREATE_SECRETS, { input: { username: unique("first"), subToken: token() } }, { token: owner }),
    ).createUser;
    const second = await createUser(owner);
    const usersBefore = await countRows("users");
    const taken = await gql(
      CREATE_SECRETS,
      {
        input: {
          username: unique("copy"),
          credentials: { shadowsocksPassword: first.credentials.shadowsocksPassword },
        },
      },
      { token: owner },
    );
    expect(errorCode(taken)).toBe("CONFLICT");
    expect(taken.errors![0]!.message).toContain("shadowsocksPassword");
    expect(taken.errors![0]!.message).not.toContain(first.credentials.shadowsocksPassword);
    expect(await countRows("users")).toBe(usersBefore);
    const firstToken = first.subscriptionUrl.split("/").pop();
    const update = await gql(UPDATE_SECRETS, { id: second.id, input: { subToken: firstToken } }, { token: owner });
    expect(errorCode(update)).toBe("CONFLICT");
    expect(update.errors![0]!.message).toContain("subToken");
    // A user may keep its own values.
    ok(
      await gql(
        UPDATE_SECRETS,
        { id: first.id, input: { subToken: firstToken, credentials: first.credentials } },
        { token: owner },
      ),
    );
  });

  it("refuses malformed UUIDs, passwords, tokens and Telegram ids", async () => {
    const owner = await ownerToken();
    for (const bad of [
      { credentials: { vlessId: "not-a-uuid" } },
      { credentials: { vmessId: "12345678-1234-1234-1234-123456789012" } },
      { credentials: { trojanPassword: "short" } },
      { credentials: { hysteria2Password: "has a space in it" } },
      { subToken: "too-short" },
      { subToken: "no/slashes/in/tokens/at/all" },
      { telegramId: "12ab" },
      { telegramId: "123456789012345678901" },
    ]) {
      expect(
        errorCode(await gql(CREATE_SECRETS, { input: { username: unique("bad"), ...bad } }, { token: owner })),
        JSON.stringify(bad),
      ).toBe("BAD_USER_INPUT");
    }
  });

  it("takes usernames in any script, which admins' names still refuse", async () => {
    const owner = await ownerToken();
    const username = `علی.${unique("")}@مثال`;
    const user = ok(await gql(CREATE, { input: { username } }, { token: owner })).createUser;
    expect(user.username).toBe(username);
    expect(errorCode(await gql(CREATE, { input: { username: "two words" } }, { token: owner }))).toBe("BAD_USER_INPUT");
  });
});
