import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { dbFor } from "../db/client";
import { createUser, ownerToken } from "../test/api";
import { pruneByRetention } from "./retention";

const DAY = 86_400;
/** The first minute of an hour, when the daily tables are pruned too. */
const NOW = Math.floor(Date.now() / 1000 / 3600) * 3600 + 3600 * 24 * 7;
const utcDay = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 10);

/** Each table with the defaults' retention, a row of it at an instant, and how to find the rows this test added. */
interface Table {
  name: string;
  days: number;
  /** Adds one row at `atSec`; `n` tells the two rows apart. */
  insert: (atSec: number, n: number) => D1PreparedStatement;
  /** The test's rows still there, oldest first, as the instant each was written with. */
  left: () => Promise<number[]>;
}

const run = (query: string, ...values: unknown[]) => env.DB.prepare(query).bind(...values);
const column = async (query: string, ...values: unknown[]) =>
  (await run(query, ...values).all<{ v: number }>()).results.map((r) => r.v);

function tables(adminId: number, userId: number): Table[] {
  const hourly = (name: string, insert: string, key: string) => ({
    name,
    days: 30,
    insert: (at: number, n: number) => run(insert, n, at),
    left: () => column(`SELECT hour AS v FROM ${name} WHERE ${key} ORDER BY hour`),
  });
  return [
    hourly("usage_hourly", `INSERT INTO usage_hourly (user_id, hour) VALUES (900000 + ?, ?)`, "user_id > 900000"),
    hourly("node_traffic_hourly", `INSERT INTO node_traffic_hourly (node_id, hour) VALUES (900000 + ?, ?)`, "true"),
    hourly(
      "inbound_traffic_hourly",
      `INSERT INTO inbound_traffic_hourly (node_id, tag, hour) VALUES (900000 + ?, 'in', ?)`,
      "true",
    ),
    hourly(
      "user_client_ips",
      `INSERT INTO user_client_ips (user_id, hour, ip_hash, node_id) VALUES (900000 + ?, ?, 'abcdef0123456789', 1)`,
      "true",
    ),
    {
      name: "traffic_hourly",
      days: 30,
      insert: (at) => run(`INSERT INTO traffic_hourly (admin_id, hour) VALUES (?, ?)`, adminId, at),
      left: () => column(`SELECT hour AS v FROM traffic_hourly WHERE admin_id = ? ORDER BY hour`, adminId),
    },
    {
      name: "usage_daily",
      days: 400,
      insert: (at) => run(`INSERT INTO usage_daily (user_id, day) VALUES (?, ?)`, userId, utcDay(at)),
      left: () => column(`SELECT unixepoch(day) AS v FROM usage_daily WHERE user_id = ? ORDER BY day`, userId),
    },
    {
      name: "user_status_daily",
      days: 400,
      insert: (at) =>
        run(
          `INSERT INTO user_status_daily (day, admin_id, status, count) VALUES (?, ?, 'active', 1)`,
          utcDay(at),
          adminId,
        ),
      left: () => column(`SELECT unixepoch(day) AS v FROM user_status_daily ORDER BY day`),
    },
    {
      name: "audit_log",
      days: 365,
      // Older entries have lower ids, as they do when written in time; these come before every real one.
      insert: (at, n) => run(`INSERT INTO audit_log (id, at, action) VALUES (? - 10, ?, 'test.old')`, n, at),
      left: () => column(`SELECT at AS v FROM audit_log WHERE action = 'test.old' ORDER BY at`),
    },
    {
      name: "events",
      days: 90,
      insert: (at, n) =>
        run(
          `INSERT INTO events (id, kind, severity, data, at) VALUES ('retention-' || ?, 'backup.failed', 'CRITICAL', '{}', ?)`,
          n,
          at,
        ),
      left: () => column(`SELECT at AS v FROM events WHERE id LIKE 'retention-%' ORDER BY at`),
    },
    {
      name: "notification_reads",
      days: 90,
      insert: (_, n) =>
        run(
          `INSERT INTO notification_reads (admin_id, event_id, read_at) VALUES (?, 'retention-' || ?, ?)`,
          adminId,
          n,
          NOW,
        ),
      left: () =>
        column(
          `SELECT events.at AS v FROM notification_reads JOIN events ON events.id = event_id WHERE event_id LIKE 'retention-%' ORDER BY events.at`,
        ),
    },
    {
      name: "notification_deliveries",
      days: 90,
      insert: (_, n) =>
        run(
          `INSERT INTO notification_deliveries (event_id, channel_id, created_at, updated_at) VALUES ('retention-' || ?, 1, 0, 0)`,
          n,
        ),
      left: () =>
        column(
          `SELECT events.at AS v FROM notification_deliveries JOIN events ON events.id = event_id WHERE event_id LIKE 'retention-%' ORDER BY events.at`,
        ),
    },
    {
      name: "sessions",
      days: 30,
      insert: (at, n) =>
        run(
          `INSERT INTO sessions (id, admin_id, created_at, last_seen_at, expires_at) VALUES ('retention-' || ?, ?, 0, 0, ?)`,
          n,
          adminId,
          at,
        ),
      left: () => column(`SELECT expires_at AS v FROM sessions WHERE id LIKE 'retention-%' ORDER BY expires_at`),
    },
  ];
}

describe("retention", () => {
  it("deletes each table's rows just older than its setting and keeps those just inside it", async () => {
    const owner = await ownerToken();
    const user = await createUser(owner);
    const { id: adminId } = (await run(`SELECT id FROM admins ORDER BY id LIMIT 1`).first<{ id: number }>())!;
    const all = tables(adminId, Number(user.id));
    // Daily rows are a day apart: the day before the cutoff's day goes, the cutoff's own day stays.
    const edges = (t: Table) => {
      const cutoff = NOW - t.days * DAY;
      return t.name.endsWith("_daily") ? [cutoff - DAY, cutoff] : [cutoff - 1, cutoff];
    };
    await env.DB.batch(all.flatMap((t) => edges(t).map((at, n) => t.insert(at, n + 1))));

    await pruneByRetention(dbFor(env), NOW);

    for (const t of all) {
      const kept = edges(t)[1]!;
      const expected = t.name.endsWith("_daily") ? Date.parse(utcDay(kept)) / 1000 : kept;
      expect(await t.left(), t.name).toEqual([expected]);
    }
  });

  it("prunes daily rows only in the first minute of an hour", async () => {
    const owner = await ownerToken();
    const user = await createUser(owner);
    const old = utcDay(NOW - 500 * DAY);
    await run(`INSERT INTO usage_daily (user_id, day) VALUES (?, ?)`, Number(user.id), old).run();
    const left = () => column(`SELECT count(*) AS v FROM usage_daily WHERE user_id = ?`, Number(user.id));

    await pruneByRetention(dbFor(env), NOW + 60);
    expect(await left()).toEqual([1]);
    await pruneByRetention(dbFor(env), NOW + 3600);
    expect(await left()).toEqual([0]);
  });
});
