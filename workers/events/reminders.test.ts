import { env } from "cloudflare:workers";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { createDb } from "../db/client";
import { createUser, gql, ok, ownerToken } from "../test/api";
import { dueExpiryRemindersSql, expiryReminders } from "./reminders";

const db = createDb(env.DB);
const DAY = 86_400;
const iso = (sec: number) => new Date(sec * 1000).toISOString();

const setDaysLeft = (days: number[]) =>
  env.DB.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('reminderDaysLeft', ?)`)
    .bind(JSON.stringify(days))
    .run();

const remindedIds = async (nowSec: number) => (await expiryReminders(db, nowSec)).map((e) => e.userId);

describe("expiry reminders", () => {
  it("remind once per expiry date, and again after a renewal", async () => {
    await setDaysLeft([3]);
    const owner = await ownerToken();
    const now = Math.floor(Date.now() / 1000);
    const user = await createUser(owner, { expireAt: iso(now + 2 * DAY) });
    const id = Number(user.id);

    const first = await expiryReminders(db, now);
    const mine = first.filter((e) => e.userId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "user.expires_soon", data: { username: user.username, daysLeft: 2 } });
    expect(await remindedIds(now + 60)).not.toContain(id);

    ok(
      await gql(
        `mutation ($id: ID!, $at: DateTime) { updateUser(id: $id, input: {expireAt: $at}) { id } }`,
        { id: user.id, at: iso(now + 2 * DAY + 3600) },
        { token: owner },
      ),
    );
    expect(await remindedIds(now + 120)).toEqual([id]);
  });

  it("a user within several thresholds hears the nearest one only; far, expired or disabled users hear nothing", async () => {
    await setDaysLeft([3, 7]);
    const owner = await ownerToken();
    const now = Math.floor(Date.now() / 1000);
    const soon = Number((await createUser(owner, { expireAt: iso(now + DAY) })).id);
    const week = Number((await createUser(owner, { expireAt: iso(now + 5 * DAY) })).id);
    const far = Number((await createUser(owner, { expireAt: iso(now + 30 * DAY) })).id);
    const disabled = Number((await createUser(owner, { expireAt: iso(now + DAY), status: "DISABLED" })).id);

    const events = await expiryReminders(db, now);
    const thresholdOf = async (userId: number) =>
      (
        await env.DB.prepare(`SELECT threshold FROM user_reminders WHERE kind = 'expiry' AND user_id = ?`)
          .bind(userId)
          .all<{ threshold: number }>()
      ).results.map((r) => r.threshold);
    expect(events.map((e) => e.userId)).toEqual(expect.arrayContaining([soon, week]));
    expect(events.map((e) => e.userId)).not.toContain(far);
    expect(events.map((e) => e.userId)).not.toContain(disabled);
    expect(await thresholdOf(soon)).toEqual([3]);
    expect(await thresholdOf(week)).toEqual([7]);

    // Two days on, the 7-day user is within 3 days: that threshold is due now.
    expect(await remindedIds(now + 2 * DAY + 60)).toEqual([week]);
  });

  it("the due users are a range of the expiry index, not a scan of every user", async () => {
    const query = new SQLiteAsyncDialect().sqlToQuery(dueExpiryRemindersSql(1_800_000_000, [3, 7]));
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
      .bind(...query.params)
      .all<{ detail: string }>();
    const details = plan.results.map((r) => r.detail);
    expect(details).toContainEqual(expect.stringContaining("USING INDEX users_expiry_idx"));
    expect(details.filter((d) => /^SCAN users\b/.test(d))).toEqual([]);
  });
});
