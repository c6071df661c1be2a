import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import worker from "../index";
import { adminAs, createUser, errorCode, gql, ok, ownerToken } from "../test/api";
import { type PanelEvent, panelEvent } from "./catalogue";
import { emitEvents } from "./emit";
import { QUEUES } from "./queues";

interface Notice {
  id: string;
  kind: string;
  message: string;
  read: boolean;
  userId: string | null;
  data: Record<string, unknown>;
}
interface Feed {
  edges: { cursor: string; node: Notice }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  unreadCount: number;
}

const FEED = `query ($page: Pagination, $unreadOnly: Boolean, $kinds: [String!], $language: NotificationLanguage) {
  notificationFeed(page: $page, unreadOnly: $unreadOnly, kinds: $kinds, language: $language) {
    edges { cursor node { id kind message read userId data } }
    pageInfo { hasNextPage endCursor }
    unreadCount
  }
}`;

const feed = async (token: string, variables: Record<string, unknown> = {}) =>
  ok(await gql<{ notificationFeed: Feed }>(FEED, variables, { token })).notificationFeed;

const markRead = async (token: string, variables: { ids?: string[]; all?: boolean }) =>
  ok(
    await gql<{ markNotificationsRead: number }>(
      `mutation ($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }`,
      variables,
      { token },
    ),
  ).markNotificationsRead;

const markUnread = async (token: string, ids: string[]) =>
  ok(
    await gql<{ markNotificationsUnread: number }>(
      `mutation ($ids: [ID!]!) { markNotificationsUnread(ids: $ids) }`,
      { ids },
      { token },
    ),
  ).markNotificationsUnread;

const disable = async (token: string, id: string) =>
  ok(
    await gql(`mutation ($id: ID!) { updateUser(id: $id, input: { status: DISABLED }) { status } }`, { id }, { token }),
  );

/** Waits until the queue consumer has stored `count` events about this user. */
async function storedFor(userId: string, count: number) {
  await vi.waitFor(
    async () => {
      const row = await env.DB.prepare(`SELECT count(*) AS n FROM events WHERE user_id = ?`)
        .bind(Number(userId))
        .first<{ n: number }>();
      expect(row!.n).toBe(count);
    },
    { timeout: 10_000, interval: 50 },
  );
}

/** Emits as a resolver does, and waits until the queue consumer has stored them all. */
async function emitAndStore(events: PanelEvent[]) {
  const pending: Promise<unknown>[] = [];
  emitEvents(env, (promise) => pending.push(promise), events);
  await Promise.all(pending);
  await vi.waitFor(
    async () => {
      const ids = JSON.stringify(events.map((e) => e.id));
      const row = await env.DB.prepare(`SELECT count(*) AS n FROM events WHERE id IN (SELECT value FROM json_each(?))`)
        .bind(ids)
        .first<{ n: number }>();
      expect(row!.n).toBe(events.length);
    },
    { timeout: 10_000, interval: 50 },
  );
}

describe("the notification centre", () => {
  it("shows a user disabled through the API, stored by the real queue consumer, unread and in the reader's language", async () => {
    const owner = await ownerToken();
    const user = await createUser(owner);
    await disable(owner, user.id);
    // user.created and user.disabled
    await storedFor(user.id, 2);

    const page = await feed(owner, { kinds: ["user.disabled", "user.created"], language: "RU" });
    const mine = page.edges.map((e) => e.node).filter((n) => n.userId === user.id);
    expect(mine.map((n) => n.kind)).toEqual(["user.disabled", "user.created"]);
    expect(mine[0]).toMatchObject({
      read: false,
      message: `Пользователь ${user.username} выключен`,
      data: { username: user.username },
    });
  });

  it("marks events read and unread per admin, and all at once", async () => {
    const owner = await ownerToken();
    const admin = await adminAs(owner, "ADMIN");
    const user = await createUser(owner);
    await disable(owner, user.id);
    await storedFor(user.id, 2);
    const kinds = ["user.disabled"];
    const [disabled] = (await feed(owner, { kinds })).edges.filter((e) => e.node.userId === user.id);
    const id = disabled!.node.id;

    expect(await markRead(owner, { ids: [id] })).toBe(1);
    expect(await markRead(owner, { ids: [id] })).toBe(0);
    const after = await feed(owner, { kinds });
    expect(after.edges.find((e) => e.node.id === id)!.node.read).toBe(true);
    expect((await feed(owner, { kinds, unreadOnly: true })).edges.map((e) => e.node.id)).not.toContain(id);
    // Reading is per admin: another admin has still not read it.
    expect((await feed(admin.token, { kinds })).edges.find((e) => e.node.id === id)!.node.read).toBe(false);

    expect(await markUnread(owner, [id])).toBe(1);
    expect((await feed(owner, { kinds })).edges.find((e) => e.node.id === id)!.node.read).toBe(false);

    await markRead(owner, { all: true });
    expect((await feed(owner)).unreadCount).toBe(0);
    expect((await feed(admin.token, { kinds })).unreadCount).toBeGreaterThan(0);
  });

  it("shows a reseller only its own users' events, never panel news or another's users, and lets it mark nothing else", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const other = await adminAs(owner, "RESELLER");
    const own = await createUser(reseller.token);
    const others = await createUser(other.token);
    const owners = await createUser(owner);
    await Promise.all([disable(reseller.token, own.id), disable(other.token, others.id), disable(owner, owners.id)]);
    const backup = panelEvent("backup.failed", Math.floor(Date.now() / 1000), {
      backupId: "b1",
      trigger: "schedule",
      error: "R2 unavailable",
    });
    await emitAndStore([backup]);
    await Promise.all([storedFor(own.id, 2), storedFor(others.id, 2), storedFor(owners.id, 2)]);

    const seen = (await feed(reseller.token)).edges.map((e) => e.node);
    expect(seen.map((n) => [n.kind, n.userId])).toEqual([
      ["user.disabled", own.id],
      ["user.created", own.id],
    ]);
    // Not even when asked for by kind.
    expect((await feed(reseller.token, { kinds: ["backup.failed"] })).edges).toEqual([]);

    const everything = (await feed(owner)).edges.map((e) => e.node);
    expect(everything.map((n) => n.id)).toContain(backup.id);
    expect(everything.filter((n) => n.userId === others.id)).toHaveLength(2);

    const othersDisabled = everything.find((n) => n.userId === others.id && n.kind === "user.disabled")!;
    expect(await markRead(reseller.token, { ids: [othersDisabled.id, backup.id] })).toBe(0);
    expect(await markRead(reseller.token, { all: true })).toBe(2);
    expect((await feed(other.token)).unreadCount).toBe(2);
  });

  it("counts as unread exactly the unread events its pages show, paging newest first without gaps within one second", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const user = await createUser(reseller.token);
    await storedFor(user.id, 1);
    const atSec = Math.floor(Date.now() / 1000) + 60;
    const burst = Array.from({ length: 5 }, (_, i) =>
      panelEvent(
        "user.quota_reached",
        atSec,
        { username: user.username, percent: 80 + i, usedBytes: 1, limitBytes: 2 },
        {
          userId: Number(user.id),
          adminId: Number(reseller.id),
        },
      ),
    );
    await emitAndStore(burst);
    await markRead(reseller.token, { ids: [burst[1]!.id, burst[3]!.id] });

    const pages: Feed[] = [];
    let after: string | null = null;
    do {
      const page: Feed = await feed(reseller.token, { page: { first: 2, after } });
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const shown = pages.flatMap((p) => p.edges.map((e) => e.node));
    expect(pages).toHaveLength(3);
    expect(new Set(shown.map((n) => n.id)).size).toBe(6);
    expect(shown.at(-1)!.kind).toBe("user.created");
    expect(new Set(pages.map((p) => p.unreadCount))).toEqual(new Set([shown.filter((n) => !n.read).length]));
    expect(pages[0]!.unreadCount).toBe(4);
  });

  it("refuses ids and cursors it did not issue, and a mark with neither ids nor all", async () => {
    const owner = await ownerToken();
    const bad = [
      await gql(`mutation { markNotificationsRead(ids: ["999999"]) }`, {}, { token: owner }),
      await gql(`mutation { markNotificationsUnread(ids: ["999999"]) }`, {}, { token: owner }),
      await gql(`mutation { markNotificationsRead }`, {}, { token: owner }),
      await gql(FEED, { page: { after: "bm9wZQ" } }, { token: owner }),
      await gql(FEED, { kinds: ["user.renamed"] }, { token: owner }),
    ];
    expect(bad.map(errorCode)).toEqual(Array(bad.length).fill("BAD_USER_INPUT"));
    expect((await gql(FEED, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lists the catalogue with its version", async () => {
    const owner = await ownerToken();
    const { eventCatalogue } = ok(
      await gql<{ eventCatalogue: { version: number; kinds: { kind: string; audience: string; severity: string }[] } }>(
        `{ eventCatalogue { version kinds { kind audience severity description } } }`,
        {},
        { token: owner },
      ),
    );
    expect(eventCatalogue.version).toBe(1);
    expect(eventCatalogue.kinds).toContainEqual(
      expect.objectContaining({ kind: "server.offline", audience: "PANEL", severity: "CRITICAL" }),
    );
  });
});

describe("the events queue consumer", () => {
  it("stores a redelivered event once and acknowledges a message it cannot read instead of retrying it", async () => {
    const event = panelEvent("user.created", Math.floor(Date.now() / 1000), { username: "ghost" });
    const message = (id: string, body: unknown) => ({ id, timestamp: Date.now(), attempts: 1, body });
    for (const attempt of [1, 2]) {
      const batch = createMessageBatch(QUEUES.events, [
        message(`m${attempt}`, { event }),
        message(`bad${attempt}`, { event: { kind: "user.created" } }),
      ]);
      const ctx = createExecutionContext();
      await (worker.queue as ExportedHandlerQueueHandler<Env>)(batch, env, ctx);
      const result = await getQueueResult(batch, ctx);
      expect(result.retryMessages).toEqual([]);
      expect(result.ackAll || result.explicitAcks.includes(`bad${attempt}`)).toBe(true);
    }
    const rows = await env.DB.prepare(`SELECT kind, severity, data FROM events WHERE id = ?`).bind(event.id).all();
    expect(rows.results).toEqual([
      { kind: "user.created", severity: "INFO", data: JSON.stringify({ username: "ghost" }) },
    ]);
  });
});
