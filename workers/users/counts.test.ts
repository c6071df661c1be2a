import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createPlan } from "../billing/testing";
import { createDb } from "../db/client";
import { adminAs, createUser, gql, ok, ownerToken, unique } from "../test/api";
import { runHousekeeping } from "../usage/housekeeping";
import { applyPushDirectly } from "../test/usage";
import { USER_STATUSES } from "./table";

const db = createDb(env.DB);
const DAY = 86_400;
const nowSec = () => Math.floor(Date.now() / 1000);
const isoAt = (sec: number) => new Date(sec * 1000).toISOString();

/** mulberry32: a small seeded generator, so a failing sequence replays from its seed. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { int, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}

const COUNT = `query ($filter: UserFilter) { users(filter: $filter, page: { first: 1 }) { totalCount } }`;

async function totalCount(token: string, filter: Record<string, unknown> = {}): Promise<number> {
  return ok(await gql(COUNT, { filter }, { token })).users.totalCount;
}

/** What `COUNT(*)` over users says for the same owner and status. */
async function countedByScan(ownerId?: string, status?: string): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT count(*) AS n FROM users WHERE (?1 IS NULL OR admin_id = ?1) AND (?2 IS NULL OR status = ?2)",
  )
    .bind(ownerId === undefined ? null : Number(ownerId), status ?? null)
    .first<number>("n");
  return row ?? 0;
}

/** Every (admin, status) the triggers keep, beside what a GROUP BY over users says: zero rows aside, the same. */
async function keptAndScanned() {
  const kept = await env.DB.prepare(
    "SELECT admin_id, status, users FROM user_counts WHERE users != 0 ORDER BY admin_id, status",
  ).all();
  const scanned = await env.DB.prepare(
    "SELECT admin_id, status, count(*) AS users FROM users GROUP BY admin_id, status ORDER BY admin_id, status",
  ).all();
  return { kept: kept.results, scanned: scanned.results };
}

describe("users counts", () => {
  it("equal COUNT(*) for every owner and status after any mix of the panel's writes", {
    timeout: 120_000,
  }, async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const ownerId = String(
      (await env.DB.prepare("SELECT id FROM admins WHERE role = 'owner'").first<number>("id")) as number,
    );
    const plan = await createPlan(owner, { dataLimit: 5000, durationDays: 30 });
    const nodeId = 990_000 + (Date.now() % 1000);
    let seq = 0;
    let clock = nowSec();
    const live = async () =>
      (await env.DB.prepare("SELECT id FROM users ORDER BY id").all<{ id: number }>()).results.map((r) => String(r.id));

    const applied = new Map<string, number>();
    for (const seed of [1, 2026]) {
      const random = randomFrom(seed);
      const writes: Record<string, (userId: string | undefined) => Promise<unknown>> = {
        create: () =>
          createUser(random.pick([owner, reseller.token]), {
            status: random.pick(["ACTIVE", "DISABLED", "ON_HOLD"]),
            ...(random.int(2) ? { dataLimit: 1000 + random.int(3000) } : { dataLimit: 100_000 }),
          }).catch(() =>
            // ON_HOLD needs its days: a refused create is a write that did not happen, like any other.
            createUser(owner, { status: "ON_HOLD", onHoldExpireDays: 1 + random.int(30), dataLimit: 2000 }),
          ),
        delete: (id) => gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id }, { token: owner }),
        changeStatus: (id) =>
          gql(
            `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`,
            { id, input: { status: random.pick(["ACTIVE", "DISABLED"]) } },
            { token: owner },
          ),
        changeOwner: (id) =>
          gql(
            `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`,
            { id, input: { ownerId: random.pick([ownerId, reseller.id]), dataLimit: 1500 } },
            { token: owner },
          ),
        expireSoon: (id) =>
          gql(
            `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`,
            { id, input: { expireAt: isoAt(clock + 60 + random.int(DAY)) } },
            { token: owner },
          ),
        // The minute's upkeep, the clock moved on: expiries and periodic resets, thousands at once in production.
        housekeeping: () => {
          clock += random.int(2 * DAY);
          return runHousekeeping(db, clock);
        },
        push: async (id) =>
          applyPushDirectly(
            db,
            {
              nodeId,
              seq: ++seq,
              fromSec: clock - 60,
              toSec: clock,
              deltas: [{ userId: Number(id), upBytes: random.int(2000), downBytes: random.int(2000) }],
            },
            clock,
          ),
        resetUsage: (id) => gql(`mutation ($id: ID!) { resetUserUsage(id: $id) { id } }`, { id }, { token: owner }),
        applyPlan: (id) =>
          gql(
            `mutation ($u: ID!, $p: ID!) { applyPlan(userId: $u, planId: $p) { id } }`,
            { u: id, p: plan.id },
            { token: owner },
          ),
        import: async () => {
          const run = ok(
            await gql(
              `mutation ($input: BeginImportInput!) { beginImport(input: $input) { id } }`,
              {
                input: {
                  source: { kind: "MARZBAN", instance: unique("peer.example"), version: "0.8" },
                  dryRun: false,
                  totalUsers: 2,
                  inbounds: [],
                  nodes: [],
                  admins: [],
                  unmapped: [],
                },
              },
              { token: owner },
            ),
          ).beginImport;
          const peerUser = (i: number) => ({
            key: unique("peer"),
            username: unique("imported"),
            enabled: random.int(4) > 0,
            onHold: false,
            peerStatus: "ACTIVE",
            dataLimit: 1000,
            usedTraffic: random.pick([0, 500, 1000]),
            expireAt: random.int(2) ? isoAt(clock - DAY) : null,
            resetStrategy: "NONE",
            note: `imported ${i}`,
            credentials: {},
            access: [],
          });
          ok(
            await gql(
              `mutation ($runId: ID!, $users: [ImportUserInput!]!) { importUsers(runId: $runId, users: $users) { id } }`,
              { runId: run.id, users: [peerUser(1), peerUser(2)] },
              { token: owner },
            ),
          );
          return gql(
            `mutation ($runId: ID!) { finishImport(runId: $runId) { id } }`,
            { runId: run.id },
            { token: owner },
          );
        },
      };

      for (let step = 0; step < 30; step++) {
        const ids = await live();
        const name = ids.length < 3 ? "create" : random.pick(Object.keys(writes));
        const outcome = (await writes[name]!(random.pick(ids))) as { errors?: unknown[] } | undefined;
        if (!outcome?.errors) applied.set(name, (applied.get(name) ?? 0) + 1);
        const where = `seed ${seed}, step ${step} (${name})`;
        const { kept, scanned } = await keptAndScanned();
        expect(kept, where).toEqual(scanned);
        // What the list shows for a random filter, as the owner and as the reseller (who sees only its own).
        const status = random.pick([undefined, ...USER_STATUSES]);
        const filter = { status: status?.toUpperCase(), ownerId: random.pick([undefined, ownerId, reseller.id]) };
        expect(await totalCount(owner, filter), where).toBe(await countedByScan(filter.ownerId, status));
        expect(await totalCount(reseller.token, { status: filter.status }), where).toBe(
          await countedByScan(reseller.id, status),
        );
      }
    }
    // Every kind of write took effect at least once, and users went through most statuses.
    expect([...applied.keys()].sort()).toEqual([
      "applyPlan",
      "changeOwner",
      "changeStatus",
      "create",
      "delete",
      "expireSoon",
      "housekeeping",
      "import",
      "push",
      "resetUsage",
    ]);
    const statuses = await env.DB.prepare("SELECT DISTINCT status FROM users").all<{ status: string }>();
    expect(statuses.results.length).toBeGreaterThan(2);
  });
});
