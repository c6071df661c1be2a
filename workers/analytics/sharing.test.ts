import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { configPayloadSchema } from "../agent/protocol/messages";
import { createDb } from "../db/client";
import { createServer, createUser, gql, ok, ownerToken } from "../test/api";
import { enrolledAgent } from "../test/agent";
import { detectSharing } from "./sharing";

const now = () => Math.floor(Date.now() / 1000);
const hashes = (...n: number[]) => n.map((i) => i.toString(16).padStart(16, "0"));

async function setDeviceLimit(owner: string, deviceLimit: number) {
  ok(
    await gql(
      `mutation ($input: UpdateSettingsInput!) { updateSettings(input: $input) { deviceLimit } }`,
      { input: { deviceLimit } },
      { token: owner },
    ),
  );
}

/** A node that reports in, and a fresh user with the given device limit (null: the setting's). */
async function nodeAndUser(deviceLimit: number | null) {
  const owner = await ownerToken();
  const server = await createServer(owner);
  const agent = await enrolledAgent(owner, server.id);
  const user = await createUser(owner, deviceLimit === null ? {} : { deviceLimit });
  return { owner, agent, userId: Number(user.id), username: user.username };
}

const flagsOf = async (userId: number) =>
  (await env.DB.prepare("SELECT kind, observed, baseline FROM usage_anomalies WHERE user_id = ?").bind(userId).all())
    .results;

describe("account sharing", () => {
  it("gives every node the same client-address key, never the signing key", async () => {
    const owner = await ownerToken();
    const keys = [];
    for (let i = 0; i < 2; i++) {
      const agent = await enrolledAgent(owner, (await createServer(owner)).id);
      const envelope = (await (await agent.pullConfig()).json()) as { payload: string };
      keys.push(configPayloadSchema.parse(JSON.parse(envelope.payload)).clientIpKey);
    }
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(env.CONFIG_SIGNING_KEY).not.toContain(keys[0]);
  });

  it("flags a user over its own device limit once per hour, with an event naming it", async () => {
    const { agent, userId, username } = await nodeAndUser(2);
    await agent.push([], { clientIps: [{ userId, hashes: hashes(1, 2) }] });
    expect((await detectSharing(createDb(env.DB), now())).filter((e) => e.userId === userId)).toEqual([]);

    expect((await agent.push([], { clientIps: [{ userId, hashes: hashes(2, 3) }] })).status).toBe(200);
    const events = (await detectSharing(createDb(env.DB), now())).filter((e) => e.userId === userId);
    expect(events).toEqual([
      expect.objectContaining({
        kind: "user.sharing_suspected",
        userId,
        data: { username, addresses: 3, deviceLimit: 2, windowSec: 3600 },
      }),
    ]);
    expect(await flagsOf(userId)).toEqual([{ kind: "account_sharing", observed: 3, baseline: 2 }]);
    // The next minute's run finds the same user in the same hour: no second flag, no second event.
    expect((await detectSharing(createDb(env.DB), now())).filter((e) => e.userId === userId)).toEqual([]);
    expect(await flagsOf(userId)).toHaveLength(1);
  });

  it("takes the limit from the settings when the user has none, and 0 turns detection off", async () => {
    const { owner, agent, userId } = await nodeAndUser(null);
    const off = await nodeAndUser(0);
    await agent.push([], { clientIps: [{ userId, hashes: hashes(1, 2, 3) }] });
    await off.agent.push([], { clientIps: [{ userId: off.userId, hashes: hashes(1, 2, 3, 4, 5) }] });

    await setDeviceLimit(owner, 0);
    expect((await detectSharing(createDb(env.DB), now())).filter((e) => e.userId === userId)).toEqual([]);
    await setDeviceLimit(owner, 2);
    const events = await detectSharing(createDb(env.DB), now());
    expect(events.filter((e) => e.userId === userId)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ addresses: 3, deviceLimit: 2 }) }),
    ]);
    // Its own 0 wins over the setting: no limit.
    expect(events.filter((e) => e.userId === off.userId)).toEqual([]);
    await setDeviceLimit(owner, 0);
  });

  it("counts only the window's addresses", async () => {
    const { agent, userId } = await nodeAndUser(1);
    await agent.push([], { clientIps: [{ userId, hashes: hashes(1, 2) }] });
    // Three hours on, with a one-hour window, those addresses are history.
    expect((await detectSharing(createDb(env.DB), now() + 3 * 3600)).filter((e) => e.userId === userId)).toEqual([]);
  });

  it("adds nothing for a replayed push, for unknown users, or for a hash counted before", async () => {
    const { agent, userId } = await nodeAndUser(5);
    const rows = async () =>
      (await env.DB.prepare("SELECT count(*) AS n FROM user_client_ips WHERE user_id = ?").bind(userId).first<{
        n: number;
      }>())!.n;
    expect(
      (
        await agent.push([], {
          seq: 10,
          clientIps: [
            { userId, hashes: hashes(1, 2) },
            { userId: 999_999, hashes: hashes(1) },
          ],
        })
      ).status,
    ).toBe(200);
    expect(await rows()).toBe(2);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM user_client_ips WHERE user_id = 999999").first("n")).toBe(0);
    // The same seq again (a reply the node never got) carries a new address: the push is not applied twice.
    await agent.push([], { seq: 10, clientIps: [{ userId, hashes: hashes(3) }] });
    expect(await rows()).toBe(2);
    await agent.push([], { seq: 11, clientIps: [{ userId, hashes: hashes(1, 2) }] });
    expect(await rows()).toBe(2);
  });

  it("refuses a push whose hashes are not 16 hex digits", async () => {
    const { agent, userId } = await nodeAndUser(1);
    const response = await agent.push([], { clientIps: [{ userId, hashes: ["10.0.0.1"] }] });
    expect(response.status).toBe(400);
  });
});
