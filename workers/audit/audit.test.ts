import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { adminAs, createUser, errorCode, gql, ok, ownerToken, unique } from "../test/api";

// One database for the whole file: each test filters the log down to what it made itself.

const LOG = /* GraphQL */ `
  query ($filter: AuditFilter, $page: Pagination) {
    auditLog(filter: $filter, page: $page) {
      edges { cursor node { id at actorId actorUsername action targetType targetId ip details } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
type Entry = {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: unknown;
};
type Log = {
  auditLog: { edges: { cursor: string; node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};

let owner: string;
let admin: { id: string; username: string; token: string };
let reseller: { id: string; username: string; token: string };

beforeAll(async () => {
  owner = await ownerToken();
  admin = await adminAs(owner, "ADMIN");
  reseller = await adminAs(owner, "RESELLER");
});

const log = async (token: string, filter?: Record<string, unknown>, page?: Record<string, unknown>) =>
  ok(await gql<Log>(LOG, { filter, page }, { token })).auditLog;
const entries = async (token: string, filter?: Record<string, unknown>) =>
  (await log(token, filter, { first: 100 })).edges.map((e) => e.node);

/** Adds `count` audit rows by `actorId` straight to D1, for paging through more than one page. */
async function seedAudit(actorId: number, action: string, count: number) {
  const insert = env.DB.prepare(
    `INSERT INTO audit_log (at, actor_id, actor_username, action, target_type, target_id, ip) VALUES (unixepoch(), ?, 'seed', ?, 'seed', ?, '192.0.2.1')`,
  );
  await env.DB.batch(Array.from({ length: count }, (_, i) => insert.bind(actorId, action, String(i))));
}

describe("auditLog", () => {
  it("needs a signed-in admin", async () => {
    const response = await gql(LOG);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
    expect(response.data).toBeNull();
  });

  it("shows who did what to which target, when and from where, newest first", async () => {
    const name = unique("audited");
    const created = ok(
      await gql(
        `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
        { input: { name, note: "n" } },
        { token: admin.token, ip: "203.0.113.5" },
      ),
    );
    ok(
      await gql(
        `mutation ($id: ID!) { updateGroup(id: $id, input: { note: "m" }) { id } }`,
        { id: created.createGroup.id },
        { token: admin.token, ip: "203.0.113.6" },
      ),
    );
    const mine = await entries(owner, { actorId: admin.id, targetType: "group" });
    const [update, create] = mine;
    expect(update).toMatchObject({
      actorId: admin.id,
      actorUsername: admin.username,
      action: "group.update",
      targetType: "group",
      targetId: created.createGroup.id,
      ip: "203.0.113.6",
      details: { note: "m" },
    });
    expect(create).toMatchObject({
      action: "group.create",
      targetId: created.createGroup.id,
      ip: "203.0.113.5",
      details: { name, note: "n", inboundIds: [] },
    });
    expect(Number(update!.id)).toBeGreaterThan(Number(create!.id));
    expect(Date.parse(update!.at)).not.toBeNaN();
  });

  it("shows a reseller only its own actions, whatever it filters by", async () => {
    const own = await createUser(reseller.token, { dataLimit: 1_000_000 });
    await createUser(admin.token);
    const seen = await entries(reseller.token);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((e) => e.actorId))).toEqual(new Set([reseller.id]));
    expect(seen.map((e) => e.action)).toEqual(expect.arrayContaining(["user.create", "auth.login"]));
    expect(seen.find((e) => e.action === "user.create")?.details).toMatchObject({ username: own.username });
    expect(await entries(reseller.token, { actorId: admin.id })).toEqual([]);
    expect(await entries(reseller.token, { action: "admin.create" })).toEqual([]);
    // Admins see everyone's.
    const all = await entries(admin.token);
    expect(all.map((e) => e.actorId)).toEqual(expect.arrayContaining([reseller.id, admin.id]));
  });

  it("narrows by action, actor, target type and target id", async () => {
    const group = ok(
      await gql(
        `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
        { input: { name: unique("f") } },
        { token: admin.token },
      ),
    );
    const id = group.createGroup.id;
    ok(await gql(`mutation ($id: ID!) { deleteGroup(id: $id) }`, { id }, { token: admin.token }));
    const byTarget = await entries(owner, { targetType: "group", targetId: id });
    // The whole life of one object, creation included, is found by its id.
    expect(byTarget.map((e) => e.action)).toEqual(["group.delete", "group.create"]);
    const byAction = await entries(owner, { action: "group.delete" });
    expect(byAction.length).toBeGreaterThan(0);
    expect(byAction.every((e) => e.action === "group.delete")).toBe(true);
    const byActor = await entries(owner, { actorId: admin.id });
    expect(byActor.every((e) => e.actorId === admin.id)).toBe(true);
    expect(await entries(owner, { action: "no.such.action" })).toEqual([]);
  });

  it("pages newest first without gaps or repeats, 50 to a page unless asked", async () => {
    const action = unique("seed.page.");
    await seedAudit(Number(admin.id), action, 57);
    const firstPage = await log(owner, { action });
    expect(firstPage.edges).toHaveLength(50);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const rest = await log(owner, { action }, { first: 50, after: firstPage.pageInfo.endCursor });
    expect(rest.edges).toHaveLength(7);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const ids = [...firstPage.edges, ...rest.edges].map((e) => Number(e.node.id));
    expect(new Set(ids).size).toBe(57);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(firstPage.pageInfo.endCursor).toBe(firstPage.edges.at(-1)!.cursor);

    const small = await log(owner, { action }, { first: 5 });
    const next = await log(owner, { action }, { first: 5, after: small.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node.targetId)).toEqual(["51", "50", "49", "48", "47"]);
  });

  it("allows up to 100 entries a page", async () => {
    const action = unique("seed.max.");
    await seedAudit(Number(admin.id), action, 101);
    const page = await log(owner, { action }, { first: 100 });
    expect(page.edges).toHaveLength(100);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it("refuses page sizes outside 1 to 100, foreign cursors and malformed filters with BAD_USER_INPUT", async () => {
    for (const page of [
      { first: 101 },
      { first: 0 },
      { first: -1 },
      { after: "not-a-cursor" },
      { after: btoa("c:-5") },
      { after: "x".repeat(65) },
    ]) {
      expect(errorCode(await gql(LOG, { page }, { token: owner })), JSON.stringify(page)).toBe("BAD_USER_INPUT");
    }
    for (const filter of [{ actorId: "abc" }, { action: "a".repeat(65) }, { targetType: "t".repeat(33) }]) {
      expect(errorCode(await gql(LOG, { filter }, { token: owner })), JSON.stringify(filter)).toBe("BAD_USER_INPUT");
    }
  });
});
