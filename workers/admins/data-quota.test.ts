import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb, runBatch } from "../db/client";
import { adminAs, countRows, errorCode, gql, ok, ownerToken, unique } from "../test/api";
import { isQuotaShort, moveDataGiven } from "./data-quota";

const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id dataLimit } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id dataLimit } }`;
const RESET = `mutation ($id: ID!) { resetUserUsage(id: $id) { usedTraffic } }`;
const DELETE = `mutation ($id: ID!) { deleteUser(id: $id) }`;
const BALANCE = `query ($id: ID!) { admin(id: $id) { maxDataLimit dataGiven dataLeft } }`;
const TOP_UP = `mutation ($id: ID!, $bytes: Bytes!) { topUpResellerQuota(adminId: $id, bytes: $bytes) { maxDataLimit dataGiven dataLeft } }`;

async function resellerWithQuota(owner: string, maxDataLimit: number) {
  const reseller = await adminAs(owner, "RESELLER", { maxDataLimit });
  const create = async (dataLimit: number) =>
    gql(CREATE, { input: { username: unique("q"), dataLimit } }, { token: reseller.token });
  const balance = async () =>
    ok(await gql(BALANCE, { id: reseller.id }, { token: owner })).admin as {
      maxDataLimit: number;
      dataGiven: number;
      dataLeft: number;
    };
  return { ...reseller, create, balance };
}

/** Usage as the ingest writes it. */
const setUsed = (userId: string, bytes: number) =>
  env.DB.prepare(`UPDATE users SET used_bytes = ? WHERE id = ?`).bind(bytes, Number(userId)).run();

describe("a reseller's data quota", () => {
  it("is drawn by creating users, raising limits and resetting usage, and refuses what is not left, naming the quota and the rest", async () => {
    const owner = await ownerToken();
    const reseller = await resellerWithQuota(owner, 3000);
    const a = ok(await reseller.create(1000)).createUser;
    expect(await reseller.balance()).toEqual({ maxDataLimit: 3000, dataGiven: 1000, dataLeft: 2000 });
    ok(await gql(UPDATE, { id: a.id, input: { dataLimit: 1500 } }, { token: reseller.token }));
    expect((await reseller.balance()).dataGiven).toBe(1500);
    await setUsed(a.id, 400);
    ok(await gql(RESET, { id: a.id }, { token: reseller.token }));
    expect(await reseller.balance()).toEqual({ maxDataLimit: 3000, dataGiven: 1900, dataLeft: 1100 });

    const users = await countRows("users");
    const refused = await reseller.create(1200);
    expect(errorCode(refused)).toBe("FORBIDDEN");
    expect(refused.errors![0]!.message).toMatch(/3000 bytes; 1100 bytes are left/);
    expect(refused.errors![0]!.extensions).toMatchObject({
      availableBytes: 1100,
      maxDataLimit: 3000,
      neededBytes: 1200,
    });
    expect(await countRows("users")).toBe(users);
    ok(await reseller.create(1100));
    expect(await reseller.balance()).toEqual({ maxDataLimit: 3000, dataGiven: 3000, dataLeft: 0 });
  });

  it("refuses a reset that forgives more than is left, and the user keeps its usage", async () => {
    const owner = await ownerToken();
    const reseller = await resellerWithQuota(owner, 1000);
    const a = ok(await reseller.create(800)).createUser;
    await setUsed(a.id, 300);
    const refused = await gql(RESET, { id: a.id }, { token: reseller.token });
    expect(errorCode(refused)).toBe("FORBIDDEN");
    expect(refused.errors![0]!.extensions).toMatchObject({ availableBytes: 200, neededBytes: 300 });
    const row = await env.DB.prepare(`SELECT used_bytes FROM users WHERE id = ?`).bind(Number(a.id)).first();
    expect(row).toEqual({ used_bytes: 300 });
    expect((await reseller.balance()).dataGiven).toBe(800);
  });

  it("gets back only unused bytes when a limit is lowered or a user deleted, so delete and recreate costs the traffic used", async () => {
    const owner = await ownerToken();
    const reseller = await resellerWithQuota(owner, 1000);
    const a = ok(await reseller.create(1000)).createUser;
    await setUsed(a.id, 300);
    ok(await gql(UPDATE, { id: a.id, input: { dataLimit: 500 } }, { token: reseller.token }));
    expect((await reseller.balance()).dataGiven).toBe(500);
    ok(await gql(DELETE, { id: a.id }, { token: reseller.token }));
    // The 300 bytes used stay drawn: recreating the same user no longer fits.
    expect(await reseller.balance()).toEqual({ maxDataLimit: 1000, dataGiven: 300, dataLeft: 700 });
    expect(errorCode(await reseller.create(1000))).toBe("FORBIDDEN");
    const b = ok(await reseller.create(700)).createUser;
    // Lowering below what was used returns nothing beyond the unused part.
    await setUsed(b.id, 600);
    ok(await gql(UPDATE, { id: b.id, input: { dataLimit: 100 } }, { token: reseller.token }));
    expect((await reseller.balance()).dataGiven).toBe(900);
  });

  it("cannot hold unlimited users or reset schedules, which would hand out bytes it never drew", async () => {
    const owner = await ownerToken();
    const reseller = await resellerWithQuota(owner, 10_000);
    expect(errorCode(await gql(CREATE, { input: { username: unique("unl") } }, { token: reseller.token }))).toBe(
      "FORBIDDEN",
    );
    expect(
      errorCode(
        await gql(
          CREATE,
          { input: { username: unique("mon"), dataLimit: 10, resetStrategy: "MONTH" } },
          { token: reseller.token },
        ),
      ),
    ).toBe("FORBIDDEN");
    const a = ok(await reseller.create(10)).createUser;
    expect(errorCode(await gql(UPDATE, { id: a.id, input: { resetStrategy: "DAY" } }, { token: reseller.token }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCode(await gql(UPDATE, { id: a.id, input: { dataLimit: null } }, { token: reseller.token }))).toBe(
      "FORBIDDEN",
    );
    // Without a quota there is nothing to draw on: both are allowed.
    const free = await adminAs(owner, "RESELLER");
    ok(await gql(CREATE, { input: { username: unique("free"), resetStrategy: "MONTH" } }, { token: free.token }));
  });

  it("cannot be overdrawn by concurrent writes: one lands whole, the other is refused and changes nothing", async () => {
    const owner = await ownerToken();
    const reseller = await resellerWithQuota(owner, 1000);
    const results = await Promise.all([reseller.create(600), reseller.create(600), reseller.create(600)]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === "FORBIDDEN").length).toBe(2);
    expect((await reseller.balance()).dataGiven).toBe(600);
    const owned = await env.DB.prepare(
      `SELECT count(*) AS n, sum(data_limit_bytes) AS bytes FROM users WHERE admin_id = ?`,
    )
      .bind(Number(reseller.id))
      .first();
    expect(owned).toEqual({ n: 1, bytes: 600 });

    // Raises race the same way: two raises of 300 each against 400 left.
    const [made] = results.filter((r) => !r.errors).map((r) => r.data!.createUser.id as string);
    const other = ok(await reseller.create(100)).createUser;
    const raises = await Promise.all([
      gql(UPDATE, { id: made, input: { dataLimit: 900 } }, { token: reseller.token }),
      gql(UPDATE, { id: other.id, input: { dataLimit: 400 } }, { token: reseller.token }),
    ]);
    expect(raises.filter((r) => !r.errors).length).toBe(1);
    expect((await reseller.balance()).dataGiven).toBe(1000);
  });

  it("moves with a user an admin reassigns: the new owner draws its limit, the old one gets the unused bytes back", async () => {
    const owner = await ownerToken();
    const from = await resellerWithQuota(owner, 1000);
    const to = await resellerWithQuota(owner, 1000);
    const user = ok(await from.create(500)).createUser;
    await setUsed(user.id, 100);
    ok(await gql(UPDATE, { id: user.id, input: { ownerId: to.id } }, { token: owner }));
    expect((await from.balance()).dataGiven).toBe(100);
    expect((await to.balance()).dataGiven).toBe(500);
    ok(await from.create(800));
    const refused = await gql(UPDATE, { id: user.id, input: { ownerId: from.id } }, { token: owner });
    expect(errorCode(refused)).toBe("FORBIDDEN");
    expect(refused.errors![0]!.extensions).toMatchObject({ availableBytes: 100, neededBytes: 500 });
    expect((await to.balance()).dataGiven).toBe(500);
  });
});

describe("topping up a reseller", () => {
  it("raises its quota by the bytes given, is recorded, and is the owner's alone", async () => {
    const owner = await ownerToken();
    const reseller = await resellerWithQuota(owner, 1000);
    ok(await reseller.create(1000));
    const topped = ok(await gql(TOP_UP, { id: reseller.id, bytes: 500 }, { token: owner })).topUpResellerQuota;
    expect(topped).toEqual({ maxDataLimit: 1500, dataGiven: 1000, dataLeft: 500 });
    ok(await reseller.create(500));
    const audit = await env.DB.prepare(
      `SELECT action, target_id, details FROM audit_log ORDER BY id DESC LIMIT 1 OFFSET 1`,
    ).first<{ action: string; target_id: string; details: string }>();
    expect(audit).toMatchObject({ action: "admin.top_up_quota", target_id: reseller.id });
    expect(JSON.parse(audit!.details)).toEqual({ bytes: 500 });

    const admin = await adminAs(owner, "ADMIN");
    expect(errorCode(await gql(TOP_UP, { id: reseller.id, bytes: 500 }, { token: admin.token }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(TOP_UP, { id: reseller.id, bytes: 500 }, { token: reseller.token }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(TOP_UP, { id: reseller.id, bytes: 0 }, { token: owner }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await gql(TOP_UP, { id: admin.id, bytes: 500 }, { token: owner }))).toBe("BAD_USER_INPUT");
  });

  it("lets a reseller read its own balance", async () => {
    const owner = await ownerToken();
    const reseller = await resellerWithQuota(owner, 2000);
    ok(await reseller.create(700));
    expect(ok(await gql(`{ me { maxDataLimit dataGiven dataLeft } }`, {}, { token: reseller.token })).me).toEqual({
      maxDataLimit: 2000,
      dataGiven: 700,
      dataLeft: 1300,
    });
  });
});

describe("a refused draw", () => {
  it("is told apart from any other statement that fails a batch", async () => {
    const owner = await ownerToken();
    const reseller = await resellerWithQuota(owner, 1000);
    const db = createDb(env.DB);
    const refusal = await runBatch(db, moveDataGiven(db, Number(reseller.id), 2000)).catch((e: unknown) => e);
    expect(isQuotaShort(refusal)).toBe(true);
    expect((await reseller.balance()).dataGiven).toBe(0);
    const otherFault = await env.DB.batch([env.DB.prepare(`SELECT json('{"settings": ')`)]).catch((e: unknown) => e);
    expect(otherFault).toBeInstanceOf(Error);
    expect(isQuotaShort(otherFault)).toBe(false);
  });
});
