import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { countStatements, createDb } from "../db/client";
import { derivedStatusSql } from "../users/status-sql";
import { users } from "../users/table";
import { createGroup, createInbound, createServer, createUser, gql, ok, ownerToken } from "../test/api";
import { nextResetSql, runHousekeeping } from "./housekeeping";

const DAY = 86_400;
const now = () => Math.floor(Date.now() / 1000);
const status = async (owner: string, id: string) =>
  ok(await gql(`query ($id: ID!) { user(id: $id) { status usedTraffic } }`, { id }, { token: owner })).user;

describe("housekeeping", () => {
  it("expires users whose time ran out and re-versions the nodes serving them", async () => {
    const owner = await ownerToken();
    const inbound = await createInbound(owner);
    const group = await createGroup(owner, { inboundIds: [inbound.id] });
    const server = await createServer(owner, { inboundIds: [inbound.id] });
    const user = await createUser(owner, {
      groupIds: [group.id],
      expireAt: new Date((now() + 60) * 1000).toISOString(),
    });
    const versionBefore = ok(
      await gql(`query ($id: ID!) { server(id: $id) { configVersion } }`, { id: server.id }, { token: owner }),
    ).server.configVersion;

    const result = await runHousekeeping(createDb(env.DB), now() + 120);
    expect(result.statusChanges).toEqual([
      {
        id: Number(user.id),
        status: "expired",
        username: user.username,
        adminId: expect.any(Number),
        usedBytes: 0,
        dataLimitBytes: null,
        expireAtSec: expect.any(Number),
      },
    ]);
    expect((await status(owner, user.id)).status).toBe("EXPIRED");
    const versionAfter = ok(
      await gql(`query ($id: ID!) { server(id: $id) { configVersion } }`, { id: server.id }, { token: owner }),
    ).server.configVersion;
    expect(versionAfter).toBeGreaterThan(versionBefore);
    // Running again changes nothing.
    expect((await runHousekeeping(createDb(env.DB), now() + 120)).statusChanges).toEqual([]);
  });

  it("starts a new period when one is due, lifting a limit reached in the old one", async () => {
    const owner = await ownerToken();
    const daily = await createUser(owner, { resetStrategy: "DAY", dataLimit: 100 });
    const monthly = await createUser(owner, { resetStrategy: "MONTH", dataLimit: 100 });
    const t = now();
    await env.DB.prepare(
      `UPDATE users SET used_bytes = 100, status = 'limited', period_started_at = ? WHERE id IN (?, ?)`,
    )
      .bind(t - DAY - 5, Number(daily.id), Number(monthly.id))
      .run();

    const result = await runHousekeeping(createDb(env.DB), t);
    expect(result.periodsReset).toEqual([Number(daily.id)]);
    expect(await status(owner, daily.id)).toEqual({ status: "ACTIVE", usedTraffic: 0 });
    expect(await status(owner, monthly.id)).toEqual({ status: "LIMITED", usedTraffic: 100 });
    const period = await env.DB.prepare(`SELECT period_started_at AS p FROM users WHERE id = ?`)
      .bind(Number(daily.id))
      .first<{ p: number }>();
    // The new period starts where the old one ended, keeping the cadence.
    expect(period!.p).toBe(t - 5);
  });
});

/** Every statement a D1 binding prepares, with what it was bound to, passed through unchanged. */
function recordStatements(d1: D1Database) {
  const statements: { query: string; params: unknown[] }[] = [];
  const recorded = new Proxy(d1, {
    get(target, property) {
      if (property === "prepare")
        return (query: string) => {
          const statement = target.prepare(query);
          const entry = { query, params: [] as unknown[] };
          statements.push(entry);
          return new Proxy(statement, {
            get(inner, name) {
              if (name === "bind")
                return (...params: unknown[]) => {
                  entry.params = params;
                  return inner.bind(...params);
                };
              const value = Reflect.get(inner, name, inner);
              return typeof value === "function" ? value.bind(inner) : value;
            },
          });
        };
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { recorded, statements };
}

/**
 * `count` users with every mix of what status and resets depend on, each a function of its id:
 * on or off, under or over a limit, expiry passed or not or none, on hold, every reset strategy
 * with periods that started up to nine days ago (or never: created twenty days ago). Stored statuses are right as of `storedAtSec`; they are the panel's only users.
 */
async function seedUsers(count: number, nowSec: number, storedAtSec: number) {
  const admin = await env.DB.prepare("SELECT id FROM admins ORDER BY id LIMIT 1").first<{ id: number }>();
  await env.DB.exec("DELETE FROM users");
  await env.DB.prepare(
    `INSERT INTO users (username, status, enabled, data_limit_bytes, used_bytes, expire_at, on_hold_expire_days,
       reset_strategy, period_started_at, created_at, admin_id, sub_token, vless_id, vmess_id, trojan_password,
       shadowsocks_password, hysteria2_password)
     WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
     SELECT 'bulk' || i, 'active', i % 11 != 0, CASE WHEN i % 5 = 0 THEN 100 END, (i % 3) * 60,
       CASE WHEN i % 13 = 0 THEN NULL ELSE ?2 + (i % 4 - 2) * ${DAY} END, CASE WHEN i % 7 = 0 THEN 3 END,
       CASE i % 6 WHEN 1 THEN 'day' WHEN 2 THEN 'week' WHEN 3 THEN 'month' WHEN 4 THEN 'year' ELSE 'none' END,
       CASE WHEN i % 17 = 0 THEN NULL ELSE ?2 - (i % 10) * ${DAY} END, ?2 - 20 * ${DAY}, ?3,
       'bulk-token-' || i, 'a', 'b', 'c', 'd', 'e'
     FROM n`,
  )
    .bind(count, nowSec, admin!.id)
    .run();
  await createDb(env.DB)
    .update(users)
    .set({ status: derivedStatusSql(storedAtSec) })
    .where(sql`username LIKE 'bulk%'`);
}

const snapshot = async () =>
  new Map(
    (await env.DB.prepare("SELECT id, status FROM users").all<{ id: number; status: string }>()).results.map((r) => [
      r.id,
      r.status,
    ]),
  );

describe("housekeeping reads only the users that are due", () => {
  it("walks the due indexes and never scans the users table", async () => {
    await ownerToken();
    const t = now();
    await seedUsers(200, t, t - 2 * DAY);
    const { recorded, statements } = recordStatements(env.DB);
    const result = await runHousekeeping(createDb(recorded), t);
    expect(result.periodsReset.length).toBeGreaterThan(0);
    expect(result.statusChanges.length).toBeGreaterThan(0);

    const plans = await Promise.all(
      statements.map(async ({ query, params }) => {
        const rows = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query}`)
          .bind(...params)
          .all<{ detail: string }>();
        return rows.results.map((r) => r.detail);
      }),
    );
    const [due, reset, bump, status] = plans;
    expect(due).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SEARCH users USING INDEX users_reset_due_idx \(<expr><\?\)/),
        expect.stringMatching(/^SEARCH users USING INDEX users_expiry_due_idx \(expire_at/),
      ]),
    );
    for (const plan of [reset, bump, status])
      expect(plan).toContainEqual(expect.stringMatching(/^SEARCH users USING INTEGER PRIMARY KEY/));
    expect(plans.flat().filter((detail) => /^SCAN users\b/.test(detail))).toEqual([]);
  });

  it("with nothing due, a run is one indexed read and changes nothing", async () => {
    await ownerToken();
    const t = now();
    await seedUsers(300, t, t);
    // Every due period started now: what is left due is nothing.
    await env.DB.prepare(`UPDATE users SET period_started_at = ? WHERE reset_strategy != 'none'`).bind(t).run();
    await createDb(env.DB)
      .update(users)
      .set({ status: derivedStatusSql(t) });
    const before = await snapshot();

    const counter = { statements: 0 };
    const result = await runHousekeeping(createDb(countStatements(env.DB, counter)), t);
    expect(result).toEqual({ periodsReset: [], statusChanges: [] });
    expect(counter.statements).toBe(1);
    expect(await snapshot()).toEqual(before);
  });

  it("with many users due, runs of bounded batches reach what one pass over every user would", async () => {
    await ownerToken();
    const t = now();
    await seedUsers(2000, t, t - 3 * DAY);
    const before = await snapshot();
    const dueForReset = (
      await createDb(env.DB).all<{ id: number }>(
        sql`SELECT id FROM users WHERE reset_strategy != 'none' AND ${nextResetSql} <= ${t} ORDER BY id`,
      )
    ).map((row) => row.id);
    const limits = { batchSize: 100, maxBatches: 2 };

    const changed = new Map<number, string>();
    const reset = new Set<number>();
    let runs = 0;
    for (;;) {
      const counter = { statements: 0 };
      const result = await runHousekeeping(createDb(countStatements(env.DB, counter)), t, limits);
      // One read and one batch of three per batch, at most maxBatches batches.
      expect(counter.statements).toBeLessThanOrEqual(1 + limits.maxBatches * 4);
      expect(result.periodsReset.length).toBeLessThanOrEqual(limits.maxBatches * limits.batchSize * 2);
      for (const change of result.statusChanges) changed.set(change.id, change.status);
      for (const id of result.periodsReset) reset.add(id);
      if (result.periodsReset.length === 0 && result.statusChanges.length === 0) break;
      runs += 1;
      expect(runs).toBeLessThan(100);
    }
    // More was due than one run takes: later runs resumed where the earlier stopped.
    expect(runs).toBeGreaterThan(1);

    // What the full-table statements used to leave: no period due, every status as the clock says.
    const db = createDb(env.DB);
    const [left] = await db.all<{ resetsDue: number; statusesWrong: number }>(
      sql`SELECT sum(reset_strategy != 'none' AND ${nextResetSql} <= ${t}) AS resetsDue,
        sum(status != ${derivedStatusSql(t)}) AS statusesWrong FROM users`,
    );
    expect(left).toEqual({ resetsDue: 0, statusesWrong: 0 });
    // Each user whose status moved was reported once with its new status, and no one else.
    const after = await snapshot();
    const moved = new Map([...after].filter(([id, status]) => before.get(id) !== status));
    expect(moved.size).toBeGreaterThan(100);
    expect(changed).toEqual(moved);
    // Exactly the users whose period was due were reset.
    expect([...reset].sort((a, b) => a - b)).toEqual(dueForReset);
  });
});
