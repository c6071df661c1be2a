import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { adminAs, countRows, errorCode, gql, ok, ownerToken, unique } from "../../test/api";
import { configVersion, createPlan, PLAN_FIELDS, servedUser, setUsage, storedUser } from "../testing";

let owner: string;
beforeAll(async () => {
  owner = await ownerToken();
});

const APPLY = `mutation ($userId: ID!, $planId: ID!) { applyPlan(userId: $userId, planId: $planId) { id status dataLimit expireAt } }`;
const DAY = 86400;
const now = () => Math.floor(Date.now() / 1000);

describe("plans", () => {
  it("are created with prices per currency, limits and groups, listed in sort order, hidden ones only for admins who ask", async () => {
    const group = ok(
      await gql(`mutation { createGroup(input: { name: "${unique("pg")}" }) { id name } }`, {}, { token: owner }),
    ).createGroup;
    const late = await createPlan(owner, { sortOrder: 20 });
    const early = await createPlan(owner, {
      sortOrder: -5,
      prices: [
        { currency: "usd", amount: "4.99" },
        { currency: "ETH", amount: "0.0021" },
      ],
      resetStrategy: "MONTH",
      deviceLimit: 3,
      groupIds: [group.id],
    });
    const hidden = await createPlan(owner, { visible: false });
    expect(early).toMatchObject({
      prices: [
        { currency: "USD", amount: "4.99" },
        { currency: "ETH", amount: "0.0021" },
      ],
      resetStrategy: "MONTH",
      deviceLimit: 3,
      groups: [group],
    });

    const all = ok(await gql(`{ plans { id } }`, {}, { token: owner })).plans.map((p: { id: string }) => p.id);
    expect(all.indexOf(early.id)).toBeLessThan(all.indexOf(late.id));
    expect(all).toContain(hidden.id);
    const visible = ok(await gql(`{ plans(visibleOnly: true) { id } }`, {}, { token: owner })).plans.map(
      (p: { id: string }) => p.id,
    );
    expect(visible).not.toContain(hidden.id);
    expect(visible).toContain(early.id);
  });

  it("refuse bad input and duplicate names without writing", async () => {
    const before = await countRows("plans");
    const bad = [
      { name: unique("p"), prices: [] },
      { name: unique("p"), prices: [{ currency: "USD", amount: "-1" }] },
      {
        name: unique("p"),
        prices: [
          { currency: "USD", amount: "1.00" },
          { currency: "usd", amount: "2.00" },
        ],
      },
      { name: unique("p"), prices: [{ currency: "USD", amount: "0" }] },
      { name: unique("p"), prices: [{ currency: "USD", amount: "1" }], durationDays: 0 },
    ];
    for (const input of bad) {
      expect(
        errorCode(
          await gql(
            `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }`,
            { input },
            { token: owner },
          ),
        ),
      ).toBe("BAD_USER_INPUT");
    }
    const taken = await createPlan(owner);
    expect(
      errorCode(
        await gql(
          `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }`,
          { input: { name: taken.name, prices: taken.prices } },
          { token: owner },
        ),
      ),
    ).toBe("CONFLICT");
    expect(await countRows("plans")).toBe(before + 1);
  });

  it("update and delete, each with its audit entry; resellers may read them but not change them", async () => {
    const plan = await createPlan(owner);
    const updated = ok(
      await gql(
        `mutation ($id: ID!) { updatePlan(id: $id, input: { visible: false, dataLimit: null, sortOrder: 7 }) { ${PLAN_FIELDS} } }`,
        { id: plan.id },
        { token: owner },
      ),
    ).updatePlan;
    expect(updated).toMatchObject({ visible: false, dataLimit: null, sortOrder: 7, durationDays: 30 });
    const reseller = await adminAs(owner, "RESELLER");
    expect(
      errorCode(await gql(`mutation ($id: ID!) { deletePlan(id: $id) }`, { id: plan.id }, { token: reseller.token })),
    ).toBe("FORBIDDEN");
    // A reseller sells plans (sales:read), so it reads them, hidden ones too.
    expect(ok(await gql(`{ plans { id } }`, {}, { token: reseller.token })).plans).toContainEqual({ id: plan.id });
    expect(
      ok(await gql(`mutation ($id: ID!) { deletePlan(id: $id) }`, { id: plan.id }, { token: owner })).deletePlan,
    ).toBe(true);
    const actions = await env.DB.prepare(
      "SELECT action FROM audit_log WHERE target_type = 'plan' AND target_id = ? ORDER BY id",
    )
      .bind(plan.id)
      .all<{ action: string }>();
    expect(actions.results.map((r) => r.action)).toEqual(["plan.create", "plan.update", "plan.delete"]);
  });
});

describe("applying a plan", () => {
  it("renews a LIMITED user: usage from zero, the plan's limit and days from now, its node re-versioned", async () => {
    const { user, server } = await servedUser(owner, { dataLimit: 1000 });
    await setUsage(user.id, 1000, now() + 5 * DAY, "limited");
    const plan = await createPlan(owner, {
      dataLimit: 50_000,
      durationDays: 30,
      resetStrategy: "MONTH",
      deviceLimit: 2,
    });
    const versionBefore = await configVersion(server.id);

    const applied = ok(await gql(APPLY, { userId: user.id, planId: plan.id }, { token: owner })).applyPlan;
    expect(applied.status).toBe("ACTIVE");
    const stored = (await storedUser(user.id))!;
    expect(stored).toMatchObject({
      status: "active",
      data_limit_bytes: 50_000,
      used_bytes: 0,
      reset_strategy: "month",
      device_limit: 2,
    });
    expect(stored.expire_at).toBeGreaterThanOrEqual(now() + 30 * DAY - 5);
    expect(stored.expire_at).toBeLessThanOrEqual(now() + 30 * DAY + 5);
    expect(await configVersion(server.id)).toBeGreaterThan(versionBefore);
  });

  it("renews an EXPIRED user from now, not from its old expiry", async () => {
    const { user } = await servedUser(owner, { dataLimit: 5000 });
    await setUsage(user.id, 100, now() - 10 * DAY, "expired");
    const plan = await createPlan(owner, { dataLimit: 7000, durationDays: 10 });
    ok(await gql(APPLY, { userId: user.id, planId: plan.id }, { token: owner }));
    const stored = (await storedUser(user.id))!;
    expect(stored).toMatchObject({ status: "active", data_limit_bytes: 7000, used_bytes: 0 });
    expect(stored.expire_at).toBeGreaterThan(now() + 9 * DAY);
  });

  it("extends an ACTIVE user: data and days are added to what is left, usage is kept", async () => {
    const expireAt = now() + 3 * DAY;
    const { user } = await servedUser(owner, { dataLimit: 1000 });
    await setUsage(user.id, 400, expireAt, "active");
    const plan = await createPlan(owner, { dataLimit: 2000, durationDays: 30 });
    ok(await gql(APPLY, { userId: user.id, planId: plan.id }, { token: owner }));
    expect(await storedUser(user.id)).toMatchObject({
      status: "active",
      data_limit_bytes: 3000,
      used_bytes: 400,
      expire_at: expireAt + 30 * DAY,
    });
  });

  it("makes the side a plan leaves unlimited unlimited, and puts the user in the plan's groups", async () => {
    const { user } = await servedUser(owner, { dataLimit: 1000 });
    const { group: other } = await servedUser(owner);
    const plan = await createPlan(owner, { dataLimit: null, durationDays: null, groupIds: [other.id] });
    ok(await gql(APPLY, { userId: user.id, planId: plan.id }, { token: owner }));
    expect(await storedUser(user.id)).toMatchObject({ data_limit_bytes: null, expire_at: null });
    const groups = ok(
      await gql(`query ($id: ID!) { user(id: $id) { groups { id } } }`, { id: user.id }, { token: owner }),
    ).user.groups;
    expect(groups).toEqual([{ id: other.id }]);
  });

  it("never turns an admin's DISABLED switch on", async () => {
    const { user } = await servedUser(owner, { status: "DISABLED" });
    const plan = await createPlan(owner);
    expect(ok(await gql(APPLY, { userId: user.id, planId: plan.id }, { token: owner })).applyPlan.status).toBe(
      "DISABLED",
    );
  });

  it("answers NOT_FOUND for a missing user or plan and writes nothing", async () => {
    const plan = await createPlan(owner);
    const audit = await countRows("audit_log");
    expect(errorCode(await gql(APPLY, { userId: "999999", planId: plan.id }, { token: owner }))).toBe("NOT_FOUND");
    const { user } = await servedUser(owner);
    const audit2 = await countRows("audit_log");
    expect(audit2).toBeGreaterThan(audit);
    expect(errorCode(await gql(APPLY, { userId: user.id, planId: "999999" }, { token: owner }))).toBe("NOT_FOUND");
    expect(await countRows("audit_log")).toBe(audit2);
  });
});
