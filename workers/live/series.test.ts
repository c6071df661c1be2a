import { describe, expect, it } from "vitest";
import { adminAs, createUser, errorCode, gql, ok, ownerToken, unique } from "../test/api";
import { enrolledAgent } from "../test/agent";

const HOUR = 3600;
const DAY = 86_400;
const SERIES = `query ($range: TrafficRange!, $userId: ID) { trafficSeries(range: $range, userId: $userId) { at upload download } }`;
const iso = (sec: number) => new Date(sec * 1000).toISOString();

describe("trafficSeries", () => {
  it("buckets traffic by UTC hour and day, for everyone the caller sees or one user, with empty buckets as zeros", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const server = ok(
      await gql(
        `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
        { input: { name: unique("n"), address: "127.0.0.1" } },
        { token: owner },
      ),
    ).createServer;
    const agent = await enrolledAgent(owner, server.id);
    const mine = Number((await createUser(owner)).id);
    const theirs = Number((await createUser(reseller.token)).id);
    const series = async (token: string, range: string, userId?: number) =>
      ok(await gql(SERIES, { range, userId: userId === undefined ? undefined : String(userId) }, { token }))
        .trafficSeries as { at: string; upload: number; download: number }[];

    const nowSec = Math.floor(Date.now() / 1000);
    const hour = Math.floor(nowSec / HOUR) * HOUR;
    const today = Math.floor(nowSec / DAY) * DAY;
    // Each push is charged at its toSec: the first and last second of buckets, and just outside the windows.
    const charged: { toSec: number; userId: number; up: number }[] = [];
    const charge = (toSec: number, userId: number, up: number, down: number) => {
      charged.push({ toSec, userId, up });
      return agent.push([{ userId, upBytes: up, downBytes: down }], { toSec });
    };
    await charge(hour, mine, 1, 10); // first second of this hour
    await charge(hour - 1, mine, 2, 20); // last second of the previous hour
    await charge(hour, theirs, 4, 40);
    await charge(hour - 23 * HOUR, mine, 8, 80); // the oldest hour DAY shows
    await charge(hour - 23 * HOUR - 1, mine, 16, 160); // one second too old for DAY
    await charge(today - 6 * DAY, mine, 32, 320); // the oldest day WEEK shows
    await charge(today - 6 * DAY - 1, mine, 64, 640); // one second too old for WEEK, inside MONTH

    const day = await series(owner, "DAY");
    expect(day).toHaveLength(24);
    expect(day[0]!.at).toBe(iso(hour - 23 * HOUR));
    expect(day[23]).toEqual({ at: iso(hour), upload: 5, download: 50 });
    expect(day[22]).toEqual({ at: iso(hour - HOUR), upload: 2, download: 20 });
    expect(day[0]).toMatchObject({ upload: 8, download: 80 });
    expect(day.slice(1, 22).every((p) => p.upload === 0 && p.download === 0)).toBe(true);

    const week = await series(owner, "WEEK");
    expect(week).toHaveLength(7);
    expect(week[0]).toEqual({ at: iso(today - 6 * DAY), upload: 32, download: 320 });
    const month = await series(owner, "MONTH");
    expect(month).toHaveLength(30);
    expect(month[29]!.at).toBe(iso(today));
    expect(month.reduce((sum, p) => sum + p.upload, 0)).toBe(127);
    expect(week.reduce((sum, p) => sum + p.upload, 0)).toBe(127 - 64);

    // A reseller's dashboard sums only its own users.
    const resellerDay = await series(reseller.token, "DAY");
    expect(resellerDay[23]).toEqual({ at: iso(hour), upload: 4, download: 40 });
    expect(resellerDay.reduce((sum, p) => sum + p.upload, 0)).toBe(4);

    // One user: daily points; DAY is yesterday and today.
    const userDay = await series(owner, "DAY", mine);
    expect(userDay.map((p) => p.at)).toEqual([iso(today - DAY), iso(today)]);
    const upOn = (dayStart: number) =>
      charged
        .filter((c) => c.userId === mine && c.toSec >= dayStart && c.toSec < dayStart + DAY)
        .reduce((sum, c) => sum + c.up, 0);
    expect(userDay.map((p) => p.upload)).toEqual([upOn(today - DAY), upOn(today)]);
    const userWeek = await series(owner, "WEEK", mine);
    expect(userWeek).toHaveLength(7);
    expect(userWeek[0]).toEqual({ at: iso(today - 6 * DAY), upload: 32, download: 320 });

    // Another reseller's user, or none at all, reads as absent.
    expect(errorCode(await gql(SERIES, { range: "DAY", userId: String(mine) }, { token: reseller.token }))).toBe(
      "NOT_FOUND",
    );
    expect(errorCode(await gql(SERIES, { range: "DAY", userId: "999999" }, { token: owner }))).toBe("NOT_FOUND");
    expect(errorCode(await gql(SERIES, { range: "DAY" }))).toBe("UNAUTHENTICATED");
  });
});
