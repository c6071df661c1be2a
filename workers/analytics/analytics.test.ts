import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countStatements, createDb } from "../db/client";
import { applyPushDirectly } from "../test/usage";
import { enrolledAgent } from "../test/agent";
import {
  adminAs,
  createGroup,
  createInbound,
  createServer,
  createUser,
  errorCode,
  gql,
  ok,
  ownerToken,
  unique,
} from "../test/api";
import { runAnalyticsJobs, SPIKE_DETECTION_MINUTE } from "./jobs";
import { intoBuckets, periodWindow } from "./window";

const HOUR = 3600;
const DAY = 86_400;
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** An owner with `nodes` enrolled agents and a group their inbound serves. */
async function world(nodes = 1) {
  const owner = await ownerToken();
  const inbound = await createInbound(owner, { protocol: "VLESS" });
  const group = await createGroup(owner, { inboundIds: [inbound.id] });
  const agents = [];
  for (let i = 0; i < nodes; i++) {
    const server = await createServer(owner, { inboundIds: [inbound.id] });
    agents.push(await enrolledAgent(owner, server.id));
  }
  return { owner, group, agents };
}

async function userIds(token: string, count: number, input: Record<string, unknown> = {}) {
  const ids = [];
  for (let i = 0; i < count; i++) ids.push(Number((await createUser(token, input)).id));
  return ids;
}

const delta = (userId: number, upBytes: number, downBytes: number) => ({ userId, upBytes, downBytes });

async function rows<T>(query: string, ...binds: unknown[]) {
  return (
    await env.DB.prepare(query)
      .bind(...binds)
      .all<T>()
  ).results;
}

const inList = (ids: number[]) => `(${ids.join(",")})`;

describe("usage history from pushes", () => {
  it("adds up exactly per user, per node and per day across nodes, hours and days, a replay and a deleted user", async () => {
    const { owner, agents } = await world(2);
    const [a, b] = agents as [Awaited<ReturnType<typeof enrolledAgent>>, Awaited<ReturnType<typeof enrolledAgent>>];
    const [u1, u2, gone] = (await userIds(owner, 3)) as [number, number, number];
    const day1 = Date.UTC(2026, 2, 14) / 1000;
    const day2 = day1 + DAY;

    await a.push([delta(u1, 100, 1000), delta(u2, 200, 2000), delta(u1, 5, 50)], { seq: 1, toSec: day1 + 10 * HOUR });
    await b.push([delta(u1, 7, 70), delta(gone, 9, 90)], { seq: 1, toSec: day1 + 10 * HOUR + 60 });
    await b.push([delta(u2, 11, 110)], { seq: 2, toSec: day1 + 11 * HOUR });
    const inbounds = [
      { tag: "vless-a", upBytes: 300, downBytes: 3000 },
      { tag: "vmess-b", upBytes: 20, downBytes: 200 },
      { tag: "vless-a", upBytes: 1, downBytes: 10 },
    ];
    await a.push([delta(u2, 1, 10)], { seq: 2, toSec: day2 + 5, inbounds });
    // A replay of seq 1 must change nothing anywhere, however different its content.
    const replay = await a.push([delta(u1, 999, 999)], { seq: 1, toSec: day2 + 5, inbounds });
    expect(replay.status).toBe(200);
    ok(await gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id: String(gone) }, { token: owner }));
    // The deleted user's bytes are charged to no one: neither its history nor its node's.
    await b.push([delta(gone, 1_000_000, 1_000_000), delta(u1, 3, 30)], { seq: 3, toSec: day2 + 2 * HOUR });

    const mine = inList([u1, u2, gone]);
    const perUser = (table: string) =>
      rows<{ user_id: number; up: number; down: number }>(
        `SELECT user_id, sum(up_bytes) AS up, sum(down_bytes) AS down FROM ${table} WHERE user_id IN ${mine} GROUP BY user_id ORDER BY user_id`,
      );
    const expected = [
      { user_id: u1, up: 115, down: 1150 },
      { user_id: u2, up: 212, down: 2120 },
      { user_id: gone, up: 9, down: 90 },
    ];
    expect(await perUser("usage_hourly")).toEqual(expected);
    expect(await perUser("usage_daily")).toEqual(expected);
    const lifetime = await rows<{ id: number; lifetime_used_bytes: number }>(
      `SELECT id, lifetime_used_bytes FROM users WHERE id IN ${mine} ORDER BY id`,
    );
    expect(lifetime).toEqual([
      { id: u1, lifetime_used_bytes: 115 + 1150 },
      { id: u2, lifetime_used_bytes: 212 + 2120 },
    ]);

    const nodes = inList([a.nodeId, b.nodeId]);
    const perNodeHour = await rows(
      `SELECT node_id, hour, up_bytes AS up, down_bytes AS down FROM node_traffic_hourly WHERE node_id IN ${nodes} ORDER BY node_id, hour`,
    );
    expect(perNodeHour).toEqual([
      { node_id: a.nodeId, hour: day1 + 10 * HOUR, up: 305, down: 3050 },
      { node_id: a.nodeId, hour: day2, up: 1, down: 10 },
      { node_id: b.nodeId, hour: day1 + 10 * HOUR, up: 16, down: 160 },
      { node_id: b.nodeId, hour: day1 + 11 * HOUR, up: 11, down: 110 },
      { node_id: b.nodeId, hour: day2 + 2 * HOUR, up: 3, down: 30 },
    ]);
    // Per day, the nodes' rows and the users' hourly and daily rows are the same bytes.
    const perDay = (query: string) => rows<{ day: string; up: number; down: number }>(query);
    const byDayFromUsers = await perDay(
      `SELECT date(hour, 'unixepoch') AS day, sum(up_bytes) AS up, sum(down_bytes) AS down FROM usage_hourly WHERE user_id IN ${mine} GROUP BY day ORDER BY day`,
    );
    expect(byDayFromUsers).toEqual([
      { day: "2026-03-14", up: 305 + 16 + 11, down: 3050 + 160 + 110 },
      { day: "2026-03-15", up: 4, down: 40 },
    ]);
    expect(
      await perDay(
        `SELECT date(hour, 'unixepoch') AS day, sum(up_bytes) AS up, sum(down_bytes) AS down FROM node_traffic_hourly WHERE node_id IN ${nodes} GROUP BY day ORDER BY day`,
      ),
    ).toEqual(byDayFromUsers);
    expect(
      await perDay(
        `SELECT day, sum(up_bytes) AS up, sum(down_bytes) AS down FROM usage_daily WHERE user_id IN ${mine} GROUP BY day ORDER BY day`,
      ),
    ).toEqual(byDayFromUsers);

    expect(
      await rows(
        `SELECT node_id, tag, up_bytes AS up, down_bytes AS down, pushes FROM traffic_totals WHERE node_id IN ${nodes} ORDER BY node_id, tag`,
      ),
    ).toEqual([
      { node_id: a.nodeId, tag: "", up: 306, down: 3060, pushes: 2 },
      { node_id: a.nodeId, tag: "vless-a", up: 301, down: 3010, pushes: 1 },
      { node_id: a.nodeId, tag: "vmess-b", up: 20, down: 200, pushes: 1 },
      { node_id: b.nodeId, tag: "", up: 30, down: 300, pushes: 3 },
    ]);
    expect(
      await rows(
        `SELECT tag, hour, up_bytes AS up, down_bytes AS down FROM inbound_traffic_hourly WHERE node_id = ? ORDER BY tag`,
        a.nodeId,
      ),
    ).toEqual([
      { tag: "vless-a", hour: day2, up: 301, down: 3010 },
      { tag: "vmess-b", hour: day2, up: 20, down: 200 },
    ]);
  });

  it("costs the same statements for one user as for fifty", async () => {
    const { owner, agents } = await world();
    const ids = await userIds(owner, 50);
    // What a usage shard's rollup of such a push costs (the push request itself reads one key).
    const statements = async (seq: number, deltas: ReturnType<typeof delta>[]) => {
      const counter = { statements: 0 };
      const nowSec = Math.floor(Date.now() / 1000);
      await applyPushDirectly(
        createDb(countStatements(env.DB, counter)),
        {
          nodeId: agents[0]!.nodeId,
          seq,
          fromSec: nowSec - 5,
          toSec: nowSec,
          deltas,
        },
        nowSec,
      );
      return counter.statements;
    };
    const one = await statements(1, [delta(ids[0]!, 1, 1)]);
    const fifty = await statements(
      2,
      ids.map((id) => delta(id, 1, 1)),
    );
    expect(one).toBeGreaterThan(0);
    expect(fifty).toBe(one);
  });
});

const ANALYTICS = /* GraphQL */ `
  query ($period: TimePeriod!) {
    analytics(period: $period) {
      period from to upload download
      traffic { at upload download }
      byServer { server { id } upload download }
      byInbound { server { id } tag upload download }
      topUsers(first: 5) { user { id } upload download }
      usersByStatus { day status count }
      revenue { day currency paid refunded invoicesPaid }
      revenueByPlan { plan { id } currency paid refunded invoicesPaid }
      anomalies { id }
    }
  }
`;

describe("analytics", () => {
  it("shows a reseller only its own users, and no panel-wide breakdowns or money", async () => {
    const { owner, group, agents } = await world();
    const reseller = await adminAs(owner, "RESELLER");
    const [theirs] = await userIds(reseller.token, 1);
    const [others] = await userIds(owner, 1, { groupIds: [group.id] });
    const nowSec = Math.floor(Date.now() / 1000);
    await agents[0]!.push([delta(theirs!, 1000, 4000), delta(others!, 50_000, 70_000)], { toSec: nowSec });

    const { analytics } = ok(await gql(ANALYTICS, { period: "DAY" }, { token: reseller.token }));
    expect(analytics).toMatchObject({ period: "DAY", upload: 1000, download: 4000, byServer: [], byInbound: [] });
    expect(analytics.traffic).toHaveLength(24);
    // The push lands in the last point or, should an hour begin meanwhile, the one before it.
    expect(analytics.traffic.slice(-2).reduce((sum: number, p: { upload: number }) => sum + p.upload, 0)).toBe(1000);
    expect(analytics.topUsers).toEqual([{ user: { id: String(theirs) }, upload: 1000, download: 4000 }]);
    expect(analytics.usersByStatus).toEqual([
      { day: new Date(nowSec * 1000).toISOString().slice(0, 10), status: "ACTIVE", count: 1 },
    ]);
    expect(analytics.revenue).toBeNull();
    expect(analytics.revenueByPlan).toBeNull();
    // Every period reads another source (hourly per admin, daily per user): each is confined alike.
    for (const period of ["WEEK", "MONTH", "QUARTER", "YEAR"]) {
      const { analytics: longer } = ok(await gql(ANALYTICS, { period }, { token: reseller.token }));
      expect(longer, period).toMatchObject({ upload: 1000, download: 4000, topUsers: analytics.topUsers });
    }

    const { analytics: panel } = ok(await gql(ANALYTICS, { period: "DAY" }, { token: owner }));
    expect(panel.topUsers.map((row: { user: { id: string } }) => row.user.id)).toEqual(
      expect.arrayContaining([String(theirs), String(others)]),
    );
    expect(panel.byServer).toContainEqual({
      server: { id: String(agents[0]!.nodeId) },
      upload: 51_000,
      download: 74_000,
    });

    for (const query of [
      `query ($id: ID) { trafficStats(userId: $id, period: WEEK) { upload } }`,
      `query ($id: ID) { usageAnomalies(userId: $id) { id } }`,
    ]) {
      expect(errorCode(await gql(query, { id: String(others) }, { token: reseller.token }))).toBe("NOT_FOUND");
      expect(errorCode(await gql(query, { id: "not-an-id" }, { token: owner }))).toBe("BAD_USER_INPUT");
    }
    const { trafficStats } = ok(
      await gql(
        `query { trafficStats(period: DAY) { userId upload download byServer { upload } forecast { dailyAverage } } }`,
        {},
        { token: reseller.token },
      ),
    );
    expect(trafficStats).toEqual({ userId: null, upload: 1000, download: 4000, byServer: [], forecast: null });
  });

  it("sums paid and refunded invoices per day, currency and plan exactly", async () => {
    const owner = await ownerToken();
    const today = Math.floor(Date.now() / 1000 / DAY) * DAY;
    const invoice = async (currency: string, total: string, paidAtSec: number, refundedAtSec: number | null = null) => {
      await env.DB.prepare(
        `INSERT INTO invoices (username, plan_snapshot, currency, total, lines, status, created_by, expires_at, paid_at, refunded_at)
         VALUES (?, '{}', ?, ?, '[]', ?, 'user', ?, ?, ?)`,
      )
        .bind(
          unique("payer"),
          currency,
          total,
          refundedAtSec === null ? "paid" : "refunded",
          paidAtSec,
          paidAtSec,
          refundedAtSec,
        )
        .run();
    };
    await invoice("USD", "4.99", today - 2 * DAY + 60);
    await invoice("USD", "10", today - 2 * DAY + 120);
    await invoice("USD", "0.1", today - DAY + 60, today + 30);
    await invoice("ETH", "0.000000000000000001", today - DAY + 90);
    await invoice("EUR", "3.50", today - 400 * DAY); // paid before the window: not counted

    const { analytics } = ok(await gql(ANALYTICS, { period: "WEEK" }, { token: owner }));
    const day = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 10);
    expect(analytics.revenue).toEqual([
      { day: day(today - 2 * DAY), currency: "USD", paid: "14.99", refunded: "0.00", invoicesPaid: 2 },
      {
        day: day(today - DAY),
        currency: "ETH",
        paid: "0.000000000000000001",
        refunded: "0.000000000000000000",
        invoicesPaid: 1,
      },
      { day: day(today - DAY), currency: "USD", paid: "0.10", refunded: "0.00", invoicesPaid: 1 },
      { day: day(today), currency: "USD", paid: "0.00", refunded: "0.10", invoicesPaid: 0 },
    ]);
    expect(analytics.revenueByPlan).toEqual([
      { plan: null, currency: "ETH", paid: "0.000000000000000001", refunded: "0.000000000000000000", invoicesPaid: 1 },
      { plan: null, currency: "USD", paid: "15.09", refunded: "0.10", invoicesPaid: 3 },
    ]);
  });
});

describe("usage spikes", () => {
  it("flag a user far above its own baseline once, and neither a steady user nor one without history", async () => {
    const { owner, agents } = await world();
    const agent = agents[0]!;
    const [spiky, steady, newcomer] = (await userIds(owner, 3)) as [number, number, number];
    const hourSec = Date.UTC(2026, 0, 20, 12) / 1000;
    // Twenty earlier hours: ~300 MiB for one user, ~1 GiB for the other, each varying a little.
    for (let i = 1; i <= 20; i++) {
      const wobble = (i % 5) * 10 * MIB;
      await agent.push([delta(spiky, 0, 300 * MIB + wobble), delta(steady, 0, GIB + wobble)], {
        toSec: hourSec - i * 5 * HOUR,
      });
    }
    await agent.push([delta(spiky, 0, 5 * GIB), delta(steady, 0, GIB + 45 * MIB), delta(newcomer, 0, 20 * GIB)], {
      toSec: hourSec + 1800,
    });

    const db = createDb(env.DB);
    const detectAt = hourSec + HOUR + SPIKE_DETECTION_MINUTE * 60;
    const events = await runAnalyticsJobs(db, detectAt);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: "user.usage_spike",
      userId: spiky,
      data: { hourSec, bytes: 5 * GIB, baselineBytes: 300 * MIB + 20 * MIB },
    });
    expect(await runAnalyticsJobs(db, detectAt)).toEqual([]);
    // Not due a minute later: the cron's other 59 minutes cost nothing here.
    expect(await runAnalyticsJobs(db, detectAt + 60)).toEqual([]);

    const { usageAnomalies } = ok(
      await gql(
        `query ($id: ID) { usageAnomalies(userId: $id) { kind user { id } hour observed baseline } }`,
        { id: String(spiky) },
        { token: owner },
      ),
    );
    expect(usageAnomalies).toEqual([
      {
        kind: "USAGE_SPIKE",
        user: { id: String(spiky) },
        hour: new Date(hourSec * 1000).toISOString(),
        observed: 5 * GIB,
        baseline: 320 * MIB,
      },
    ]);
  });
});

describe("users by status", () => {
  it("keeps each day's last snapshot and counts today live", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    await userIds(reseller.token, 2);
    const [disabled] = await userIds(reseller.token, 1, { status: "DISABLED" });
    const yesterday = Math.floor(Date.now() / 1000 / DAY) * DAY - DAY;
    const db = createDb(env.DB);
    await runAnalyticsJobs(db, yesterday + 23 * HOUR);
    ok(await gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id: String(disabled) }, { token: reseller.token }));
    // The evening's snapshot replaces the morning's: the disabled user is gone from it.
    await runAnalyticsJobs(db, yesterday + 23 * HOUR + 50 * 60);
    await userIds(reseller.token, 1);

    const { analytics } = ok(
      await gql(
        `query { analytics(period: WEEK) { usersByStatus { day status count } } }`,
        {},
        { token: reseller.token },
      ),
    );
    const day = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 10);
    expect(analytics.usersByStatus).toEqual([
      { day: day(yesterday), status: "ACTIVE", count: 2 },
      { day: day(yesterday + DAY), status: "ACTIVE", count: 3 },
    ]);
  });
});

describe("forecast", () => {
  it("says when a user at a known pace runs out, and whether that comes before it expires", async () => {
    const { owner, agents } = await world();
    const nowSec = Math.floor(Date.now() / 1000);
    const today = Math.floor(nowSec / DAY) * DAY;
    const [soon, later] = await Promise.all([
      createUser(owner, { dataLimit: 10 * GIB, expireAt: new Date((nowSec + 30 * DAY) * 1000).toISOString() }),
      createUser(owner, { dataLimit: 10 * GIB, expireAt: new Date((nowSec + DAY) * 1000).toISOString() }),
    ]);
    // 1 GiB on each of the last 7 finished days, and some today (the pace ignores the running day).
    for (let k = 1; k <= 7; k++) {
      await agents[0]!.push([delta(Number(soon.id), 0, GIB), delta(Number(later.id), 0, GIB)], {
        toSec: today - k * DAY + HOUR,
      });
    }
    await agents[0]!.push([delta(Number(soon.id), 0, GIB)], { toSec: nowSec });

    const stats = async (id: string, period: string) =>
      ok(
        await gql(
          `query ($id: ID, $period: TimePeriod!) { trafficStats(userId: $id, period: $period) {
            userId download traffic { at download } clientAddresses
            forecast { dailyAverage remaining daysLeft runsOutAt runsOutFirst } } }`,
          { id, period },
          { token: owner },
        ),
      ).trafficStats;
    const before = Math.floor(Date.now() / 1000);
    const week = await stats(soon.id, "WEEK");
    const after = Math.floor(Date.now() / 1000);
    expect(week).toMatchObject({ userId: soon.id, download: 7 * GIB, clientAddresses: 0 });
    expect(week.traffic).toHaveLength(7);
    expect(week.traffic.map((p: { download: number }) => p.download)).toEqual([GIB, GIB, GIB, GIB, GIB, GIB, GIB]);
    expect(week.forecast).toMatchObject({ dailyAverage: GIB, remaining: 2 * GIB, daysLeft: 2, runsOutFirst: true });
    const runsOutSec = Date.parse(week.forecast.runsOutAt) / 1000;
    expect(runsOutSec).toBeGreaterThanOrEqual(before + 2 * DAY);
    expect(runsOutSec).toBeLessThanOrEqual(after + 2 * DAY);

    const other = await stats(later.id, "YEAR");
    expect(other.traffic).toHaveLength(52);
    expect(other.download).toBe(7 * GIB);
    expect(other.forecast).toMatchObject({ dailyAverage: GIB, remaining: 3 * GIB, daysLeft: 3, runsOutFirst: false });
    const day = await stats(soon.id, "DAY");
    expect(day.traffic).toHaveLength(24);
    expect(day.traffic.slice(-2).reduce((sum: number, p: { download: number }) => sum + p.download, 0)).toBe(GIB);
  });
});

describe("periods", () => {
  it("end with the bucket holding now, and a year's weeks start on Monday", () => {
    const nowSec = Date.UTC(2026, 11, 3, 15, 20) / 1000; // a Thursday
    const day = periodWindow("DAY", nowSec);
    expect(day).toMatchObject({ fromSec: Date.UTC(2026, 11, 2, 16) / 1000, bucketSec: HOUR, points: 24 });
    const year = periodWindow("YEAR", nowSec);
    expect(new Date(year.fromSec * 1000).getUTCDay()).toBe(1);
    expect(year.fromSec + 52 * 7 * DAY).toBe(Date.UTC(2026, 11, 7) / 1000); // the Monday after now
    const quarter = periodWindow("QUARTER", nowSec);
    const points = intoBuckets(quarter, [
      { at: quarter.fromSec - DAY, up: 1, down: 1 },
      { at: quarter.fromSec + 3600, up: 2, down: 3 },
      { at: Date.UTC(2026, 11, 3) / 1000, up: 4, down: 5 },
    ]);
    expect(points).toHaveLength(90);
    expect(points[0]).toEqual({ at: quarter.fromSec, upload: 2, download: 3 });
    expect(points.at(-1)).toEqual({ at: Date.UTC(2026, 11, 3) / 1000, upload: 4, download: 5 });
  });
});
