import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../db/client";
import { createGroup, createInbound, createServer, createUser, gql, ok, ownerToken } from "../test/api";
import { runHousekeeping } from "./housekeeping";

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
