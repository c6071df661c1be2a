import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { channelSecret } from "./channels";
import { resealSecrets } from "../auth/totp/reseal";
import { createDb } from "../db/client";
import type { SignedInContext } from "../graphql/context";
import { toBase64Url } from "../lib/base64";
import { adminAs, auditRowsSince, countRows, errorCode, gql, lastAuditId, ok, ownerToken } from "../test/api";

// One database for the whole file: each test works on channels it made itself.

const CHANNEL = "id kind name enabled eventKinds language url owner disabledReason delivered24h failing";
const CREATE = /* GraphQL */ `
  mutation ($input: WebhookChannelInput!) { createWebhookChannel(input: $input) { secret channel { ${CHANNEL} } } }
`;
const LIST = `{ notificationChannels { ${CHANNEL} } }`;
const DELIVERIES = /* GraphQL */ `
  query ($channelId: ID, $status: DeliveryStatus, $page: Pagination) {
    notificationDeliveries(channelId: $channelId, status: $status, page: $page) {
      edges { node { id eventId eventKind status attempts channel { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

type Channel = { id: string; name: string; owner: string; eventKinds: string[]; delivered24h: number; failing: number };
type Admin = { id: string; username: string; token: string };

let owner: string;
let admin: Admin;
let reseller: Admin;
let otherReseller: Admin;

beforeAll(async () => {
  owner = await ownerToken();
  admin = await adminAs(owner, "ADMIN");
  reseller = await adminAs(owner, "RESELLER");
  otherReseller = await adminAs(owner, "RESELLER");
});

let hooks = 0;
/** A channel pointing at a port nobody listens on: its deliveries fail fast and never leave the machine. */
async function createChannel(token: string, input: Record<string, unknown> = {}) {
  const data = ok(
    await gql<{ createWebhookChannel: { secret: string; channel: Channel } }>(
      CREATE,
      { input: { name: `hook ${++hooks}`, url: `http://127.0.0.1:9/hook${hooks}`, ...input } },
      { token },
    ),
  );
  return data.createWebhookChannel;
}

/** Delivery rows written straight to D1, in the state a test needs (the queue path is the e2e's story). */
async function insertDeliveries(channelId: string, statuses: string[]): Promise<number[]> {
  const now = Math.floor(Date.now() / 1000);
  const ids: number[] = [];
  for (const status of statuses) {
    const row = await env.DB.prepare(
      `INSERT INTO notification_deliveries (event_id, channel_id, status, attempts, delivered_at, created_at, updated_at)
       VALUES (?, ?, ?, 3, ?, ?, ?) RETURNING id`,
    )
      .bind(crypto.randomUUID(), Number(channelId), status, status === "delivered" ? now : null, now, now)
      .first<{ id: number }>();
    ids.push(row!.id);
  }
  return ids;
}

describe("webhook channels", () => {
  it("shows the signing secret once, seals it at rest and audits the creation without it", async () => {
    const since = await lastAuditId();
    const { secret, channel } = await createChannel(owner, { eventKinds: ["user.disabled", "server.offline"] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(channel).toMatchObject({ kind: "WEBHOOK", enabled: true, language: "EN", owner: "owner", failing: 0 });
    const stored = await env.DB.prepare(
      `SELECT CAST(secret_sealed AS TEXT) AS s FROM notification_channels WHERE id = ?`,
    )
      .bind(Number(channel.id))
      .first<{ s: string }>();
    expect(stored!.s).toMatch(/^v1\./);
    expect(stored!.s).not.toContain(secret.slice(6));
    const audit = await auditRowsSince(since);
    expect(audit.map((r) => r.action)).toEqual(["channel.create"]);
    expect(JSON.stringify(audit)).not.toContain(secret.slice(6));
    expect(JSON.stringify(ok(await gql(LIST, {}, { token: owner })))).not.toContain(secret.slice(6));
  });

  it("rotating the secret shows a new one and the old one is gone", async () => {
    const { secret, channel } = await createChannel(owner);
    const rotated = ok(
      await gql<{ rotateWebhookSecret: { secret: string } }>(
        `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
        { id: channel.id },
        { token: owner },
      ),
    ).rotateWebhookSecret.secret;
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
  });

  it("keeps signing with the same secret after SECRETS_KEY is rotated and the old key dropped", async () => {
    const { secret, channel } = await createChannel(owner);
    const newKey = `k2:${toBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`;
    const ctx = {
      env: { ...env, SECRETS_KEY: `${newKey},${env.SECRETS_KEY}` },
      db: createDb(env.DB),
      actor: {
        id: 1,
        username: "owner",
        role: "owner",
        sessionId: "s",
        maxUsers: null,
        maxDataLimitBytes: null,
        mustEnrollTotp: false,
      },
      client: { ip: "192.0.2.1", userAgent: null, country: null },
      nowSec: () => Math.floor(Date.now() / 1000),
    } as unknown as SignedInContext;
    expect(await resealSecrets(ctx)).toBeGreaterThan(0);
    expect(await channelSecret({ ...env, SECRETS_KEY: newKey }, createDb(env.DB), Number(channel.id))).toBe(secret);
  });

  it("refuses a bad name, URL or event kind, and saves nothing", async () => {
    const before = await countRows("notification_channels");
    for (const input of [
      { name: "", url: "https://hooks.example.com/" },
      { name: "x".repeat(101), url: "https://hooks.example.com/" },
      { name: "ftp", url: "ftp://hooks.example.com/" },
      { name: "unknown kind", url: "https://hooks.example.com/", eventKinds: ["user.exploded"] },
    ]) {
      const response = await gql(CREATE, { input }, { token: owner });
      expect(errorCode(response), JSON.stringify(input)).toBe("BAD_USER_INPUT");
    }
    expect(await countRows("notification_channels")).toBe(before);
  });

  it("lets a reseller hear about its users but not subscribe to panel-wide news", async () => {
    const refused = await gql(
      CREATE,
      { input: { name: "nodes", url: "https://hooks.example.com/", eventKinds: ["user.expired", "server.offline"] } },
      { token: reseller.token },
    );
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors![0]!.message).toMatch(/reseller hears only about its own users.*server\.offline/);
    const { channel } = await createChannel(reseller.token, { eventKinds: ["user.expired"] });
    expect(channel.owner).toBe(reseller.username);
    // Nor can it slip panel news in afterwards, and the owner cannot add it on the reseller's behalf.
    for (const token of [reseller.token, owner]) {
      const update = await gql(
        `mutation ($id: ID!, $input: NotificationChannelInput!) { updateNotificationChannel(id: $id, input: $input) { id } }`,
        { id: channel.id, input: { eventKinds: ["backup.failed"] } },
        { token },
      );
      expect(errorCode(update)).toBe("BAD_USER_INPUT");
    }
  });

  it("shows each admin and reseller only its own channels, and the owner every one with its owner's name", async () => {
    const mine = (await createChannel(admin.token)).channel;
    const theirs = (await createChannel(otherReseller.token)).channel;
    const names = async (token: string) =>
      ok(await gql<{ notificationChannels: Channel[] }>(LIST, {}, { token })).notificationChannels.map((c) => c.id);
    expect(await names(admin.token)).toEqual([mine.id]);
    expect(await names(otherReseller.token)).toEqual([theirs.id]);
    const all = ok(await gql<{ notificationChannels: Channel[] }>(LIST, {}, { token: owner })).notificationChannels;
    expect(all.find((c) => c.id === theirs.id)?.owner).toBe(otherReseller.username);
    expect(all.find((c) => c.id === mine.id)?.owner).toBe(admin.username);
  });

  it("answers NOT_FOUND when a reseller reads, changes, tests, replays or deletes another admin's channel", async () => {
    const { channel } = await createChannel(otherReseller.token);
    const [dead] = await insertDeliveries(channel.id, ["dead"]);
    const attempts = [
      gql(
        `mutation ($id: ID!) { updateNotificationChannel(id: $id, input: { name: "mine now" }) { id } }`,
        { id: channel.id },
        { token: reseller.token },
      ),
      gql(
        `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
        { id: channel.id },
        { token: reseller.token },
      ),
      gql(
        `mutation ($id: ID!) { testNotificationChannel(id: $id) { id } }`,
        { id: channel.id },
        { token: reseller.token },
      ),
      gql(`mutation ($id: ID!) { replayDelivery(id: $id) { id } }`, { id: String(dead) }, { token: reseller.token }),
      gql(
        `mutation ($id: ID!) { replayDeadDeliveries(channelId: $id) }`,
        { id: channel.id },
        { token: reseller.token },
      ),
      gql(`mutation ($id: ID!) { deleteNotificationChannel(id: $id) }`, { id: channel.id }, { token: admin.token }),
    ];
    for (const response of await Promise.all(attempts)) expect(errorCode(response)).toBe("NOT_FOUND");
    const log = ok(
      await gql<{ notificationDeliveries: { edges: unknown[] } }>(
        DELIVERIES,
        { channelId: channel.id },
        { token: reseller.token },
      ),
    );
    expect(log.notificationDeliveries.edges).toEqual([]);
    const row = await env.DB.prepare(
      `SELECT name, status FROM notification_channels c JOIN notification_deliveries d ON d.channel_id = c.id WHERE d.id = ?`,
    )
      .bind(dead)
      .first();
    expect(row).toEqual({ name: channel.name, status: "dead" });
  });

  it("counts deliveries of the last day and failing ones per channel", async () => {
    const { channel } = await createChannel(admin.token);
    await insertDeliveries(channel.id, ["delivered", "delivered", "dead", "retrying"]);
    const listed = ok(
      await gql<{ notificationChannels: Channel[] }>(LIST, {}, { token: admin.token }),
    ).notificationChannels;
    expect(listed.find((c) => c.id === channel.id)).toMatchObject({ delivered24h: 2, failing: 2 });
  });

  it("lists channels and a page of the delivery log in the same number of statements for 1 row as for 20", async () => {
    const statements = async (rows: number) => {
      const reader = await adminAs(owner, "ADMIN");
      for (let i = 0; i < rows; i++) await insertDeliveries((await createChannel(reader.token)).channel.id, ["dead"]);
      const channelsQuery = await gql(LIST, {}, { token: reader.token });
      const log = await gql(DELIVERIES, {}, { token: reader.token });
      ok(channelsQuery);
      ok(log);
      return [channelsQuery, log].map((r) => Number(r.headers.get("x-d1-statements")));
    };
    const one = await statements(1);
    expect(one.every((n) => n > 0)).toBe(true);
    expect(await statements(20)).toEqual(one);
  });

  it("pages the delivery log newest first, filters the dead-letter view, and replays dead deliveries", async () => {
    const { channel } = await createChannel(admin.token);
    const [deliveredId, dead1, dead2] = await insertDeliveries(channel.id, ["delivered", "dead", "dead"]);
    type Log = {
      notificationDeliveries: { edges: { node: { id: string; status: string } }[]; pageInfo: { endCursor: string } };
    };
    const first = ok(await gql<Log>(DELIVERIES, { channelId: channel.id, page: { first: 2 } }, { token: admin.token }));
    expect(first.notificationDeliveries.edges.map((e) => Number(e.node.id))).toEqual([dead2, dead1]);
    const next = ok(
      await gql<Log>(
        DELIVERIES,
        { channelId: channel.id, page: { first: 2, after: first.notificationDeliveries.pageInfo.endCursor } },
        { token: admin.token },
      ),
    );
    expect(next.notificationDeliveries.edges.map((e) => Number(e.node.id))).toEqual([deliveredId]);
    const deadView = ok(await gql<Log>(DELIVERIES, { channelId: channel.id, status: "DEAD" }, { token: admin.token }));
    expect(deadView.notificationDeliveries.edges.map((e) => e.node.status)).toEqual(["DEAD", "DEAD"]);

    const notDead = await gql(
      `mutation ($id: ID!) { replayDelivery(id: $id) { id } }`,
      { id: String(deliveredId) },
      { token: admin.token },
    );
    expect(errorCode(notDead)).toBe("CONFLICT");
    const replayed = ok(
      await gql<{ replayDelivery: { status: string; attempts: number } }>(
        `mutation ($id: ID!) { replayDelivery(id: $id) { status attempts } }`,
        { id: String(dead1) },
        { token: admin.token },
      ),
    );
    expect(replayed.replayDelivery).toEqual({ status: "PENDING", attempts: 0 });
    const all = ok(
      await gql<{ replayDeadDeliveries: number }>(
        `mutation ($id: ID!) { replayDeadDeliveries(channelId: $id) }`,
        { id: channel.id },
        { token: admin.token },
      ),
    );
    expect(all.replayDeadDeliveries).toBe(1);
  });

  it("queues a test ping that shows in the delivery log", async () => {
    const { channel } = await createChannel(admin.token);
    const tested = ok(
      await gql<{
        testNotificationChannel: { id: string; eventKind: string; status: string; channel: { id: string } };
      }>(
        `mutation ($id: ID!) { testNotificationChannel(id: $id) { id eventKind status channel { id } } }`,
        { id: channel.id },
        { token: admin.token },
      ),
    ).testNotificationChannel;
    expect(tested).toMatchObject({ eventKind: "test.ping", status: "PENDING", channel: { id: channel.id } });
    const log = ok(
      await gql<{ notificationDeliveries: { edges: { node: { id: string } }[] } }>(
        DELIVERIES,
        { channelId: channel.id },
        { token: admin.token },
      ),
    );
    expect(log.notificationDeliveries.edges.map((e) => e.node.id)).toEqual([tested.id]);
  });

  it("deleting a channel ends its deliveries with it", async () => {
    const { channel } = await createChannel(admin.token);
    await insertDeliveries(channel.id, ["pending", "retrying"]);
    ok(
      await gql(
        `mutation ($id: ID!) { deleteNotificationChannel(id: $id) }`,
        { id: channel.id },
        { token: admin.token },
      ),
    );
    const left = await env.DB.prepare(`SELECT count(*) AS n FROM notification_deliveries WHERE channel_id = ?`)
      .bind(Number(channel.id))
      .first<{ n: number }>();
    expect(left!.n).toBe(0);
  });
});
