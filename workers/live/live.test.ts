import {
  createExecutionContext,
  createScheduledController,
  runDurableObjectAlarm,
  runInDurableObject,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../index";
import { describe, expect, it, vi } from "vitest";
import { adminAs, createInbound, createUser, gql, ok, ownerToken, unique } from "../test/api";
import { subscribe } from "../test/sse";
import { SESSION_RECHECK_MS } from "./graphql";
import { HUB_NAME, tagOf, TOPICS } from "./topics";

const hub = () => env.HUB.getByName(HUB_NAME);

/** Subscribes and waits until the hub holds the subscription's socket, so no event can be missed. */
async function live(query: string, variables: Record<string, unknown>, token: string | undefined, tag: string) {
  const before = await hub().connections(tag);
  const stream = await subscribe(query, variables, token);
  await vi.waitFor(async () => expect(await hub().connections(tag)).toBe(before + 1));
  return stream;
}

describe("live updates", () => {
  it("refuse subscriptions without a sign-in", async () => {
    const stream = await subscribe(`subscription { notifications { id } }`);
    const event = await stream.nextEvent();
    expect(event.data.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(await hub().connections()).toBe(0);
  });

  it("bridge a subscription to the hub and close the hub socket when the client leaves", async () => {
    const owner = await ownerToken();
    const stream = await live(
      `subscription { notifications { id kind severity message at serverId userId } }`,
      {},
      owner,
      TOPICS.notifications,
    );
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toContain("text/event-stream");
    await hub().publish([
      {
        topic: TOPICS.notifications,
        payload: { id: "n1", kind: "test", severity: "INFO", message: "hello", at: 0, serverId: null, userId: "5" },
      },
    ]);
    expect((await stream.next()).data.notifications).toEqual({
      id: "n1",
      kind: "test",
      severity: "INFO",
      message: "hello",
      at: "1970-01-01T00:00:00.000Z",
      serverId: null,
      userId: "5",
    });
    await stream.cancel();
    await vi.waitFor(async () => expect(await hub().connections()).toBe(0));
  });

  it("narrow notifications to one user the caller can see, and refuse one it cannot", async () => {
    const owner = await ownerToken();
    const user = await createUser(owner);
    const stream = await live(
      `subscription ($u: ID) { notifications(userId: $u) { id userId } }`,
      { u: user.id },
      owner,
      TOPICS.notifications,
    );
    const notice = (id: string, userId: string | null) =>
      ({
        topic: TOPICS.notifications,
        payload: { id, kind: "test", severity: "INFO", message: "m", at: 0, serverId: null, userId },
      }) as const;
    await hub().publish([notice("other-user", "999999"), notice("server-news", null), notice("mine", String(user.id))]);
    expect((await stream.next()).data.notifications).toEqual({ id: "mine", userId: String(user.id) });
    await stream.cancel();

    const missing = await subscribe(`subscription { notifications(userId: "999999") { id } }`, {}, owner);
    expect((await missing.nextEvent()).data.errors[0].extensions.code).toBe("NOT_FOUND");
  });

  it("end an open stream once its session is signed out, at the next event after the re-check interval", async () => {
    const owner = await ownerToken();
    const before = await hub().connections(TOPICS.notifications);
    const stream = await live(`subscription { notifications { kind } }`, {}, owner, TOPICS.notifications);
    const notice = {
      topic: TOPICS.notifications,
      payload: { id: "n", kind: "test", severity: "INFO", message: "m", at: 0, serverId: null, userId: null },
    } as const;
    await hub().publish([notice]);
    expect((await stream.next()).data.notifications.kind).toBe("test");
    ok(await gql(`mutation { logout }`, {}, { token: owner }));
    const realNow = Date.now;
    vi.spyOn(Date, "now").mockImplementation(() => realNow() + SESSION_RECHECK_MS + 1_000);
    try {
      await hub().publish([notice]);
      expect((await stream.nextEvent()).data.errors[0].extensions.code).toBe("UNAUTHENTICATED");
      await vi.waitFor(async () => expect(await hub().connections(TOPICS.notifications)).toBe(before));
    } finally {
      vi.restoreAllMocks();
    }
  });
});

const SERVER_FIELDS = `id status lastSeenAt agentVersion inbounds { tag }`;
const NOTIFICATION_FIELDS = `id kind severity message serverId userId`;

async function createServer(owner: string) {
  return ok(
    await gql(
      `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
      { input: { name: unique("n"), address: "127.0.0.1" } },
      { token: owner },
    ),
  ).createServer as { id: string };
}

describe("publishers", () => {
  it("announce a node's heartbeat, its going offline (alarm) and its coming back, to that node's and to all-node subscribers", async () => {
    const owner = await ownerToken();
    const server = await createServer(owner);
    const other = await createServer(owner);
    const { enrolledAgent } = await import("../test/agent");
    const agent = await enrolledAgent(owner, server.id);
    const otherAgent = await enrolledAgent(owner, other.id);

    const one = await live(
      `subscription ($id: ID) { serverStatus(serverId: $id) { ${SERVER_FIELDS} } }`,
      { id: server.id },
      owner,
      tagOf(TOPICS.serverStatus, server.id),
    );
    const all = await live(`subscription { serverStatus { ${SERVER_FIELDS} } }`, {}, owner, TOPICS.serverStatus);
    const notices = await live(
      `subscription { notifications { ${NOTIFICATION_FIELDS} } }`,
      {},
      owner,
      TOPICS.notifications,
    );

    // The other node's heartbeat reaches the all-node subscriber only.
    expect((await otherAgent.push([])).status).toBe(200);
    expect((await all.next()).data.serverStatus).toMatchObject({ id: other.id, status: "ONLINE" });
    expect((await notices.next()).data.notifications).toMatchObject({
      kind: "server.online",
      severity: "INFO",
      serverId: other.id,
      message: expect.stringContaining("is online"),
    });

    expect((await agent.push([])).status).toBe(200);
    const heartbeat = (await one.next()).data.serverStatus;
    expect(heartbeat).toMatchObject({ id: server.id, status: "ONLINE", agentVersion: "test" });
    expect(Date.parse(heartbeat.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await all.next()).data.serverStatus.id).toBe(server.id);
    expect((await notices.next()).data.notifications).toMatchObject({ kind: "server.online", serverId: server.id });

    // A plain heartbeat is status news but no notification: the next notification is the offline one.
    // Each event is resolved afresh: an inbound assigned meanwhile shows up.
    const inbound = await createInbound(owner);
    ok(
      await gql(
        `mutation ($id: ID!, $input: UpdateServerInput!) { updateServer(id: $id, input: $input) { id } }`,
        { id: server.id, input: { inboundIds: [inbound.id] } },
        { token: owner },
      ),
    );
    expect((await agent.push([])).status).toBe(200);
    expect((await one.next()).data.serverStatus).toMatchObject({ status: "ONLINE", inbounds: [{ tag: inbound.tag }] });

    await env.DB.prepare(`UPDATE nodes SET last_seen_at = last_seen_at - 120 WHERE id = ?`)
      .bind(Number(server.id))
      .run();
    expect(await runDurableObjectAlarm(env.NODE.getByName(server.id))).toBe(true);
    expect((await one.next()).data.serverStatus).toMatchObject({ id: server.id, status: "OFFLINE" });
    expect((await notices.next()).data.notifications).toMatchObject({
      kind: "server.offline",
      severity: "CRITICAL",
      serverId: server.id,
      userId: null,
    });

    expect((await agent.push([])).status).toBe(200);
    expect((await one.next()).data.serverStatus.status).toBe("ONLINE");
    expect((await notices.next()).data.notifications).toMatchObject({
      kind: "server.online",
      message: expect.stringContaining("back online"),
      serverId: server.id,
    });

    // The agent reports its core down: health and status move together, with a warning.
    const health = {
      cpuPercent: 3,
      memUsedBytes: 1,
      memTotalBytes: 2,
      netRxBytes: 0,
      netTxBytes: 0,
      coreRunning: false,
      coreVersion: "v2ray 4.34.0",
      // The release it enrolled with: a different one would also be news (server.agent_updated).
      agentVersion: "test",
      uptimeSec: 5,
      appliedConfigVersion: 1,
    };
    expect((await agent.push([], { health })).status).toBe(200);
    expect((await one.next()).data.serverStatus).toMatchObject({ status: "DEGRADED", agentVersion: "test" });
    expect((await notices.next()).data.notifications).toMatchObject({
      kind: "server.degraded",
      severity: "WARNING",
      serverId: server.id,
    });
    for (const stream of [one, all, notices]) await stream.cancel();
  });

  it("send each watched user the traffic a push charged it, and nothing about other users", async () => {
    const owner = await ownerToken();
    const server = await createServer(owner);
    const { enrolledAgent } = await import("../test/agent");
    const agent = await enrolledAgent(owner, server.id);
    const watched = await createUser(owner);
    const unwatched = await createUser(owner);
    const stream = await live(
      `subscription ($id: ID!) { userTraffic(userId: $id) { userId upload download usedTraffic at } }`,
      { id: watched.id },
      owner,
      tagOf(TOPICS.userTraffic, watched.id),
    );

    await agent.push([{ userId: Number(unwatched.id), upBytes: 7, downBytes: 7 }]);
    await agent.push([
      { userId: Number(watched.id), upBytes: 100, downBytes: 1000 },
      { userId: Number(unwatched.id), upBytes: 5, downBytes: 5 },
      { userId: Number(watched.id), upBytes: 1, downBytes: 2 },
    ]);
    const first = (await stream.next()).data.userTraffic;
    expect(first).toMatchObject({ userId: watched.id, upload: 101, download: 1002, usedTraffic: 1103 });
    expect(Date.parse(first.at)).toBeGreaterThan(Date.now() - 60_000);
    await agent.push([{ userId: Number(watched.id), upBytes: 10, downBytes: 20 }]);
    expect((await stream.next()).data.userTraffic).toMatchObject({ upload: 10, download: 20, usedTraffic: 1133 });
    await stream.cancel();
  });

  it("announce users cut by a push, and status changes made by an admin, to admins and to the owning reseller only", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const server = await createServer(owner);
    const { enrolledAgent } = await import("../test/agent");
    const agent = await enrolledAgent(owner, server.id);
    const ownersUser = await createUser(owner, { dataLimit: 1000 });
    const resellersUser = await createUser(reseller.token);

    const ownerNotices = await live(
      `subscription { notifications { ${NOTIFICATION_FIELDS} } }`,
      {},
      owner,
      TOPICS.notifications,
    );
    const resellerNotices = await live(
      `subscription { notifications { ${NOTIFICATION_FIELDS} } }`,
      {},
      reseller.token,
      tagOf(TOPICS.notifications, reseller.id),
    );

    // Over its limit: the push cuts the owner's user. Admins hear it; the reseller does not.
    const reply = await (await agent.push([{ userId: Number(ownersUser.id), upBytes: 600, downBytes: 600 }])).json<{
      cut: number[];
    }>();
    expect(reply.cut).toEqual([Number(ownersUser.id)]);
    // (The node's own first report comes first.)
    expect((await ownerNotices.next()).data.notifications.kind).toBe("server.online");
    expect((await ownerNotices.next()).data.notifications).toMatchObject({
      kind: "user.limited",
      severity: "WARNING",
      userId: ownersUser.id,
      message: expect.stringContaining(ownersUser.username),
    });
    // The same push was the user's first traffic, and crossed its 80 % reminder on the way.
    expect((await ownerNotices.next()).data.notifications).toMatchObject({
      kind: "user.first_connected",
      userId: ownersUser.id,
    });
    expect((await ownerNotices.next()).data.notifications).toMatchObject({
      kind: "user.quota_reached",
      userId: ownersUser.id,
    });

    // The reseller disables its own user through the API: both hear it, and it is the reseller's first news.
    ok(
      await gql(
        `mutation ($id: ID!) { updateUser(id: $id, input: { status: DISABLED }) { status } }`,
        { id: resellersUser.id },
        { token: reseller.token },
      ),
    );
    expect((await resellerNotices.next()).data.notifications).toMatchObject({
      kind: "user.disabled",
      userId: resellersUser.id,
      serverId: null,
    });
    expect((await ownerNotices.next()).data.notifications).toMatchObject({
      kind: "user.disabled",
      userId: resellersUser.id,
    });

    // Raising the limit brings the owner's user back.
    ok(
      await gql(
        `mutation ($id: ID!) { updateUser(id: $id, input: { dataLimit: 100000 }) { status } }`,
        { id: ownersUser.id },
        { token: owner },
      ),
    );
    expect((await ownerNotices.next()).data.notifications).toMatchObject({
      kind: "user.enabled",
      severity: "INFO",
      userId: ownersUser.id,
    });
    for (const stream of [ownerNotices, resellerNotices]) await stream.cancel();
  });

  it("announce users the minute's housekeeping expires", async () => {
    const owner = await ownerToken();
    const user = await createUser(owner, { expireAt: new Date(Date.now() + 60_000).toISOString() });
    const notices = await live(
      `subscription { notifications { ${NOTIFICATION_FIELDS} } }`,
      {},
      owner,
      TOPICS.notifications,
    );
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now() + 120_000, cron: "* * * * *" }),
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect((await notices.next()).data.notifications).toMatchObject({
      kind: "user.expired",
      severity: "WARNING",
      userId: user.id,
    });
    await notices.cancel();
  });

  it("refuse a reseller another's user's traffic and the panel-wide figures", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const ownersUser = await createUser(owner);
    const foreign = await subscribe(
      `subscription ($id: ID!) { userTraffic(userId: $id) { userId } }`,
      { id: ownersUser.id },
      reseller.token,
    );
    expect((await foreign.nextEvent()).data.errors[0].extensions.code).toBe("NOT_FOUND");
    const metrics = await subscribe(`subscription { systemMetrics { serversOnline } }`, {}, reseller.token);
    expect((await metrics.nextEvent()).data.errors[0].extensions.code).toBe("FORBIDDEN");
    const query = await gql(`{ systemMetrics { serversOnline } }`, {}, { token: reseller.token });
    expect(query.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // Its own user is fine.
    const own = await createUser(reseller.token);
    const allowed = await live(
      `subscription ($id: ID!) { userTraffic(userId: $id) { userId } }`,
      { id: own.id },
      reseller.token,
      tagOf(TOPICS.userTraffic, own.id),
    );
    await allowed.cancel();
  });

  it("send panel-wide figures after a push, with the traffic rate", async () => {
    const owner = await ownerToken();
    const server = await createServer(owner);
    const { enrolledAgent } = await import("../test/agent");
    const agent = await enrolledAgent(owner, server.id);
    const user = await createUser(owner);
    const stream = await live(
      `subscription { systemMetrics { at users { total active } serversOnline serversOffline serversDegraded uploadRate downloadRate } }`,
      {},
      owner,
      TOPICS.systemMetrics,
    );
    await agent.push([{ userId: Number(user.id), upBytes: 20_000, downBytes: 50_000 }]);
    // The node's news may move the figures first; the push's traffic follows from its usage shard
    // within LIVE_TRAFFIC_INTERVAL_MS.
    let metrics = (await stream.next()).data.systemMetrics;
    while (metrics.uploadRate < 2_000) metrics = (await stream.next()).data.systemMetrics;
    const users = (await env.DB.prepare(`SELECT count(*) AS n FROM users`).first<{ n: number }>())!.n;
    expect(metrics.users.total).toBe(users);
    expect(metrics.serversOnline).toBeGreaterThanOrEqual(1);
    // Rates average the pushes of the last RATE_WINDOW_MS (10 s); earlier files' pushes do not share this storage.
    expect(metrics.uploadRate).toBeGreaterThanOrEqual(2_000);
    expect(metrics.downloadRate).toBeGreaterThanOrEqual(5_000);
    const query = ok(
      await gql(`{ systemMetrics { users { total } serversOnline uploadRate } }`, {}, { token: owner }),
    ).systemMetrics;
    expect(query).toMatchObject({ users: { total: users }, serversOnline: metrics.serversOnline });
    expect(query.uploadRate).toBeGreaterThanOrEqual(2_000);
    // A new user moves the figures too (within the hub's once-a-second pace).
    // Figures already on their way (the push's traffic, paced by the hub) may come first.
    await createUser(owner);
    let moved = (await stream.next()).data.systemMetrics;
    while (moved.users.total === users) moved = (await stream.next()).data.systemMetrics;
    expect(moved.users.total).toBe(users + 1);
    await stream.cancel();
  });
});

describe("the hub", () => {
  it("keeps a stream alive through a burst bigger than its buffer, keeping the newest events", async () => {
    const owner = await ownerToken();
    const stream = await live(`subscription { notifications { id } }`, {}, owner, TOPICS.notifications);
    const notice = (id: string) => ({
      topic: TOPICS.notifications,
      payload: { id, kind: "test", severity: "INFO", message: "m", at: 0, serverId: null, userId: null },
    });
    // One hub message of 1,100 events lands at once: more than the 1,000 a stream holds.
    await hub().publish(Array.from({ length: 1_100 }, (_, i) => notice(String(i + 1))));
    await hub().publish([notice("after")]);
    const ids: string[] = [];
    for (;;) {
      const id = (await stream.next()).data.notifications.id as string;
      if (id === "after") break;
      ids.push(id);
    }
    expect(ids.length).toBeGreaterThanOrEqual(1_000);
    expect(ids.at(-1)).toBe("1100");
    await stream.cancel();
  });

  it("sends panel-wide figures at most once a second: a change inside the interval waits for the hub's alarm", async () => {
    const owner = await ownerToken();
    const stream = await live(`subscription { systemMetrics { uploadRate } }`, {}, owner, TOPICS.systemMetrics);
    const traffic = (up: number) => ({ atSec: 0, users: [[1, up, 0, up]] as [number, number, number, number][] });
    await hub().publish([], traffic(10_000));
    const first = (await stream.next()).data.systemMetrics.uploadRate;
    await hub().publish([], traffic(20_000));
    // Deferred, not dropped: the alarm carries the newer figure.
    expect(await runInDurableObject(hub(), (_, state) => state.storage.getAlarm())).not.toBeNull();
    expect(await runDurableObjectAlarm(hub())).toBe(true);
    expect((await stream.next()).data.systemMetrics.uploadRate).toBe(first + 2_000);
    await stream.cancel();
  });

  it("delivers an event only to sockets on its topic, or on its topic and key", async () => {
    const owner = await ownerToken();
    // Earlier stories' sockets close lazily; the counts below are about this story's only.
    await vi.waitFor(async () => expect(await hub().connections()).toBe(0));
    const one = await live(
      `subscription { serverStatus(serverId: "101") { id name } }`,
      {},
      owner,
      tagOf(TOPICS.serverStatus, 101),
    );
    const two = await live(
      `subscription { serverStatus(serverId: "102") { id name } }`,
      {},
      owner,
      tagOf(TOPICS.serverStatus, 102),
    );
    const all = await live(`subscription { serverStatus { id name } }`, {}, owner, TOPICS.serverStatus);
    const node = (id: number) => ({
      id,
      name: `n${id}`,
      status: "online",
      configVersion: 1,
      createdAtSec: 0,
      updatedAtSec: 0,
    });
    expect(
      await hub().publish([
        { topic: TOPICS.serverStatus, key: 101, payload: node(101) },
        { topic: TOPICS.notifications, payload: {} },
      ]),
    ).toBe(2);
    expect(await hub().publish([{ topic: TOPICS.serverStatus, key: 102, payload: node(102) }])).toBe(2);
    expect(await hub().publish([{ topic: TOPICS.serverStatus, key: 103, payload: node(103) }])).toBe(1);
    expect((await one.next()).data.serverStatus.id).toBe("101");
    expect((await two.next()).data.serverStatus.id).toBe("102");
    expect((await all.next()).data.serverStatus.id).toBe("101");
    expect((await all.next()).data.serverStatus.id).toBe("102");
    expect((await all.next()).data.serverStatus.id).toBe("103");
    // A user's traffic rows reach only that user's watchers.
    expect(
      await hub().publish([], {
        atSec: 0,
        users: [
          [7, 1, 1, 2],
          [8, 1, 1, 2],
        ],
      }),
    ).toBe(0);
    for (const stream of [one, two, all]) await stream.cancel();
    await vi.waitFor(async () => expect(await hub().connections()).toBe(0));
  });
});
