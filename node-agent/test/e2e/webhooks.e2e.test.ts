/**
 * Outgoing webhooks as an operator's receiver sees them: the real panel (wrangler dev, local
 * Queues) posts to a `node:http` receiver on loopback that checks every request with the
 * standardwebhooks package's own verification. One channel's receiver fails twice and then
 * accepts: the delivery ends DELIVERED after three attempts, all with the same webhook-id. The
 * other's receiver keeps failing: the delivery ends DEAD, and one replay, once the receiver is
 * back, delivers it exactly once more with the same webhook-id. Retries are quick here
 * (DELIVERY_RETRY_BASE_SEC=1, DELIVERY_MAX_ATTEMPTS=3); the schedule itself is unit-tested.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../src/testing/agent-process.ts";
import { startPanel, type Panel } from "./panel.ts";

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
  answered: number;
}

/** A receiver per path: its secret (known once the channel exists) and how it answers the nth request. */
const receivers: Record<string, { secret?: string; answer: (n: number) => number }> = {
  "/flaky": { answer: (n) => (n <= 2 ? 500 : 200) },
  "/down": { answer: () => 500 },
};
const received: Received[] = [];

let panel: Panel;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const receiver = receivers[request.url ?? ""];
      let verified = false;
      try {
        new Webhook(receiver!.secret!).verify(body, request.headers as Record<string, string>);
        verified = true;
      } catch {}
      const n = received.filter((r) => r.path === request.url).length + 1;
      const answered = verified ? receiver!.answer(n) : 401;
      received.push({ path: request.url!, headers: request.headers, body, verified, answered });
      response.writeHead(answered).end(answered === 200 ? "ok" : "not now");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  panel = await startPanel({
    vars: { NOTIFY_ALLOW_PRIVATE_TARGETS: "true", DELIVERY_RETRY_BASE_SEC: "1", DELIVERY_MAX_ATTEMPTS: "3" },
  });
}, 120_000);

afterAll(async () => {
  await panel?.stop();
  server?.close();
});

const DELIVERY = "id eventId eventKind status attempts lastStatusCode lastError deliveredAt";
type Delivery = {
  id: string;
  eventId: string;
  eventKind: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
};

async function createChannel(name: string, path: string) {
  const { createWebhookChannel } = await panel.gql(
    `mutation ($input: WebhookChannelInput!) { createWebhookChannel(input: $input) { secret channel { id } } }`,
    { input: { name, url: `${base}${path}`, eventKinds: ["user.disabled"] } },
  );
  receivers[path]!.secret = createWebhookChannel.secret;
  return createWebhookChannel.channel.id as string;
}

async function deliveries(channelId: string): Promise<Delivery[]> {
  const data = await panel.gql(
    `query ($id: ID) { notificationDeliveries(channelId: $id) { edges { node { ${DELIVERY} } } } }`,
    { id: channelId },
  );
  return data.notificationDeliveries.edges.map((e: { node: Delivery }) => e.node);
}

/** Waits until the channel's only delivery is in `status`. */
const settled = (channelId: string, status: string) =>
  waitFor(
    `a ${status} delivery on channel ${channelId}`,
    async () => {
      const [delivery] = await deliveries(channelId);
      return delivery?.status === status && delivery;
    },
    300,
    100,
  );

describe("outgoing webhooks", () => {
  it("signs every request, retries a failing receiver, dead-letters one that stays down, and replays it once", async () => {
    const flaky = await createChannel("flaky receiver", "/flaky");
    const down = await createChannel("down receiver", "/down");
    const { createUser } = await panel.gql(`mutation { createUser(input: { username: "hooked" }) { id } }`);
    await panel.gql(`mutation ($id: ID!) { updateUser(id: $id, input: { status: DISABLED }) { id } }`, {
      id: createUser.id,
    });

    const delivered = await settled(flaky, "DELIVERED");
    expect(delivered).toMatchObject({ eventKind: "user.disabled", attempts: 3, lastStatusCode: 200 });
    const flakyRequests = received.filter((r) => r.path === "/flaky");
    expect(flakyRequests.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(flakyRequests.every((r) => r.verified)).toBe(true);
    expect(new Set(flakyRequests.map((r) => r.headers["webhook-id"]))).toEqual(new Set([delivered.eventId]));
    const request = flakyRequests[2]!;
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["user-agent"]).toMatch(/^VortexPanel-Webhooks\/\d/);
    expect(JSON.parse(request.body)).toMatchObject({
      type: "user.disabled",
      version: 1,
      data: { username: "hooked", userId: Number(createUser.id), message: expect.any(String) },
    });

    // Negative control: the same library refuses the request once anything signed is changed.
    const verify = (body: string, headers: IncomingHttpHeaders) =>
      new Webhook(receivers["/flaky"]!.secret!).verify(body, headers as Record<string, string>);
    expect(() => verify(request.body.replace("hooked", "hacked"), request.headers)).toThrow();
    expect(() => verify(request.body, { ...request.headers, "webhook-id": "another-id" })).toThrow();

    const dead = await settled(down, "DEAD");
    expect(dead).toMatchObject({ attempts: 3, lastStatusCode: 500 });
    expect(received.filter((r) => r.path === "/down").map((r) => r.answered)).toEqual([500, 500, 500]);
    const deadView = await panel.gql(
      `query ($id: ID) { notificationDeliveries(channelId: $id, status: DEAD) { edges { node { id } } } }`,
      { id: down },
    );
    expect(deadView.notificationDeliveries.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([dead.id]);

    receivers["/down"]!.answer = () => 200;
    await panel.gql(`mutation ($id: ID!) { replayDelivery(id: $id) { id } }`, { id: dead.id });
    const replayed = await settled(down, "DELIVERED");
    expect(replayed).toMatchObject({ id: dead.id, attempts: 1, lastStatusCode: 200 });
    const downRequests = received.filter((r) => r.path === "/down");
    expect(downRequests.map((r) => r.answered)).toEqual([500, 500, 500, 200]);
    expect(downRequests.every((r) => r.verified && r.headers["webhook-id"] === dead.eventId)).toBe(true);
  });

  it("the test button sends a signed test.ping through the same queue", async () => {
    const { notificationChannels } = await panel.gql(`{ notificationChannels { id name } }`);
    const flaky = notificationChannels.find((c: { name: string }) => c.name === "flaky receiver").id;
    const { testNotificationChannel } = await panel.gql(
      `mutation ($id: ID!) { testNotificationChannel(id: $id) { id eventId } }`,
      { id: flaky },
    );
    const ping = await waitFor("the test ping", () =>
      received.find((r) => r.headers["webhook-id"] === testNotificationChannel.eventId),
    );
    expect(ping.verified).toBe(true);
    expect(JSON.parse(ping.body)).toMatchObject({ type: "test.ping", data: { channel: "flaky receiver" } });
  });
});
