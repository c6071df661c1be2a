import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { dbFor } from "../../db/client";
import { type PanelEvent, panelEvent } from "../../events/catalogue";
import { persistEvents } from "../../events/consume";
import { emitEvents } from "../../events/emit";
import { createUser, gql, ok, ownerToken } from "../../test/api";
import { telegramLinks } from "../table";
import { BOT_SETTINGS_KEY } from "./bot";
import { linkUserChat } from "./links";
import { plantBot, TEST_BOT } from "./testing";
import {
  consumeUserChatNotice,
  END_USER_KINDS,
  sendUserChatNotice,
  setChatMuted,
  userChatNotices,
  userNoticeHtml,
} from "./user-notices";

const GiB = 1024 ** 3;
const db = dbFor(env);
let owner: string;
let nextChat = 5000;

beforeAll(async () => {
  owner = await ownerToken();
});

/** A user with `chats` chats linked to it (as /start links them), in `language`. */
async function linkedUser(chats: number, language: "en" | "ru" | "fa" | "zh" = "en") {
  const user = await createUser(owner);
  const chatIds: string[] = [];
  for (let i = 0; i < chats; i++) {
    const chatId = String(nextChat++);
    await linkUserChat(db, { chatId, language, title: chatId }, Number(user.id), 0);
    chatIds.push(chatId);
  }
  return { id: Number(user.id), username: user.username, chatIds };
}

const quota = (user: { id: number; username: string }) =>
  panelEvent(
    "user.quota_reached",
    0,
    { username: user.username, percent: 80, usedBytes: 40 * GiB, limitBytes: 50 * GiB },
    { userId: user.id },
  );

describe("which chats are told", () => {
  it("tells each unmuted chat linked to the user an end-user event is about, in one statement", async () => {
    const [a, b, unlinked] = [await linkedUser(3), await linkedUser(1), await linkedUser(0)];
    await setChatMuted(db, a.chatIds[2]!, true);
    // An admin's chat is linked to no user: it hears admin alerts through its channel, never these.
    await db
      .insert(telegramLinks)
      .values({ chatId: String(nextChat++), adminId: 1, linkedAtSec: 0 })
      .run();
    const toA = quota(a);
    const toB = panelEvent(
      "user.expires_soon",
      0,
      { username: b.username, daysLeft: 3, expireAt: 0 },
      { userId: b.id },
    );
    const batch: PanelEvent[] = [
      toA,
      toB,
      panelEvent("user.disabled", 0, { username: a.username }, { userId: a.id }),
      panelEvent(
        "user.sharing_suspected",
        0,
        { username: a.username, addresses: 9, deviceLimit: 2, windowSec: 3600 },
        { userId: a.id },
      ),
      panelEvent("user.enabled", 0, { username: unlinked.username }, { userId: unlinked.id }),
      panelEvent("server.offline", 0, { name: "de-1" }, { serverId: 1 }),
      panelEvent("payment.received", 0, {
        username: null,
        invoiceId: 7,
        amount: "5.00",
        currency: "usd",
        method: "card",
      }),
    ];
    const counter = { statements: 0 };
    const notices = await userChatNotices(dbFor(env, { counter }), batch);
    expect(counter.statements).toBe(1);
    expect(notices).toHaveLength(3);
    expect(notices).toEqual(
      expect.arrayContaining([
        { chatId: a.chatIds[0], eventId: toA.id },
        { chatId: a.chatIds[1], eventId: toA.id },
        { chatId: b.chatIds[0], eventId: toB.id },
      ]),
    );
  });

  it("asks the database nothing for a batch without end-user news", async () => {
    const counter = { statements: 0 };
    const batch = [panelEvent("server.offline", 0, { name: "de-1" }, { serverId: 1 })];
    expect(await userChatNotices(dbFor(env, { counter }), batch)).toEqual([]);
    expect(counter.statements).toBe(0);
  });
});

describe("what the user reads", () => {
  const user = { id: 1, username: "alice" };

  it("is its own news in its chat's language, with the /renew hint where renewing helps", () => {
    expect(userNoticeHtml(quota(user), "en")).toBe(
      "You have used 80% of your 50 GB (40 GB so far).\nSend /renew to renew.",
    );
    expect(userNoticeHtml(quota(user), "ru")).toBe("Вы израсходовали 80% трафика: 40 GB из 50 GB.\nПродлить: /renew");
    expect(userNoticeHtml(quota(user), "fa")).toBe(
      "شما 80% از حجم خود را مصرف کرده‌اید: 40 GB از 50 GB.\nبرای تمدید: /renew",
    );
    expect(userNoticeHtml(quota(user), "zh")).toBe("您已使用 80% 的流量：40 GB / 50 GB。\n续费请发送 /renew");
    const soon = panelEvent("user.expires_soon", 0, { username: "alice", daysLeft: 3, expireAt: 1_800_000_000 }, {});
    expect(userNoticeHtml(soon, "en")).toBe(
      "Your subscription expires in 3 days, on 2027-01-15.\nSend /renew to renew.",
    );
    expect(userNoticeHtml(soon, "xx")).toBe(userNoticeHtml(soon, "en"));
    const back = panelEvent("user.enabled", 0, { username: "alice" }, {});
    expect(userNoticeHtml(back, "en")).toBe("Your subscription is active again.");
    // The admin's sentence names the user in the third person; the user's never shows the username.
    expect(userNoticeHtml(back, "ru")).not.toContain("alice");
  });

  it("has a sentence in every language for every kind it is told, and none for the rest", () => {
    const samples: Record<(typeof END_USER_KINDS)[number], Record<string, unknown>> = {
      "user.quota_reached": { username: "a", percent: 80, usedBytes: 1, limitBytes: 2 },
      "user.expires_soon": { username: "a", daysLeft: 1, expireAt: 0 },
      "user.limited": { username: "a", usedBytes: 2, limitBytes: 2 },
      "user.expired": { username: "a", expireAt: 0 },
      "user.enabled": { username: "a" },
      "payment.received": { username: "a", invoiceId: 12, amount: "9.90", currency: "eur", method: "card" },
      "user.new_device": { username: "a", device: "hwid-1", platform: "android", userAgent: null },
    };
    for (const kind of END_USER_KINDS)
      for (const language of ["en", "ru", "fa", "zh"]) {
        const html = userNoticeHtml({ kind, data: samples[kind] }, language);
        expect(html, `${kind} in ${language}`).toMatch(/\S/);
        expect(html).not.toContain("undefined");
      }
    expect(userNoticeHtml({ kind: "user.usage_spike", data: {} }, "en")).toBeNull();
    expect(userNoticeHtml({ kind: "backup.failed", data: {} }, "en")).toBeNull();
  });

  it("escapes what a device reported about itself", () => {
    const device = panelEvent(
      "user.new_device",
      0,
      { username: "a", device: "<b>x</b>", platform: null, userAgent: null },
      {},
    );
    expect(userNoticeHtml(device, "en")).toContain("(&lt;b&gt;x&lt;/b&gt;)");
  });
});

/**
 * Telegram's half of sendMessage, answering in the Bot API's shape: workerd tests cannot reach a
 * loopback server (node-agent/test/e2e/telegram.e2e.test.ts has that one), so the Worker's own
 * outgoing fetch to the stand-in's origin is answered here; everything the panel does is real.
 */
const STAND_IN = "https://bot-api.stand-in.test";
const standInEnv = { ...env, TELEGRAM_API_BASE: STAND_IN } as unknown as Env;
const BLOCKED_CHAT = "6000";
const BUSY_CHAT = "6001";
let calls: { url: string; params: Record<string, unknown> }[] = [];

function answerAsTelegram() {
  calls = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(STAND_IN)) return realFetch(input, init);
    const params = JSON.parse(String(init?.body)) as Record<string, unknown>;
    calls.push({ url, params });
    if (params.chat_id === BLOCKED_CHAT)
      return Response.json({ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    if (params.chat_id === BUSY_CHAT)
      return Response.json({
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 7",
        parameters: { retry_after: 7 },
      });
    return Response.json({ ok: true, result: { message_id: 1 } });
  });
}

describe("sending", () => {
  beforeAll(plantBot);
  afterEach(() => vi.restoreAllMocks());

  it("sends the notice to the chat, in its language, with the bot's token", async () => {
    answerAsTelegram();
    const user = await linkedUser(1, "fa");
    const event = quota(user);
    await persistEvents(db, [event]);
    const [notice] = await userChatNotices(db, [event]);
    expect(await sendUserChatNotice(standInEnv, db, notice!)).toEqual({ ok: true, statusCode: 200, error: null });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${STAND_IN}/bot${TEST_BOT.token}/sendMessage`);
    expect(calls[0]!.params).toMatchObject({ chat_id: user.chatIds[0], parse_mode: "HTML" });
    expect(calls[0]!.params.text).toBe(userNoticeHtml(event, "fa"));
  });

  it("sends nothing to a chat muted, unlinked or linked to someone else since, nor about a deleted user or a pruned event", async () => {
    answerAsTelegram();
    const [muted, unlinked, relinked, deleted, pruned] = [
      await linkedUser(1),
      await linkedUser(1),
      await linkedUser(1),
      await linkedUser(1),
      await linkedUser(1),
    ];
    const events = [muted, unlinked, relinked, deleted, pruned].map(quota);
    await persistEvents(db, events.slice(0, 4));
    const notices = await userChatNotices(db, events);
    expect(notices).toHaveLength(5);

    await setChatMuted(db, muted.chatIds[0]!, true);
    await env.DB.prepare("DELETE FROM telegram_links WHERE chat_id = ?").bind(unlinked.chatIds[0]).run();
    const other = await createUser(owner);
    await linkUserChat(db, { chatId: relinked.chatIds[0]!, language: "en", title: "x" }, Number(other.id), 0);
    ok(await gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id: String(deleted.id) }, { token: owner }));

    for (const notice of notices)
      expect(await sendUserChatNotice(standInEnv, db, notice)).toEqual({ ok: true, statusCode: null, error: null });
    expect(calls).toEqual([]);
  });

  it("waits as long as Telegram asks, and mutes a chat that blocked the bot", async () => {
    answerAsTelegram();
    const blocked = await createUser(owner);
    const busy = await createUser(owner);
    await linkUserChat(db, { chatId: BLOCKED_CHAT, language: "en", title: "b" }, Number(blocked.id), 0);
    await linkUserChat(db, { chatId: BUSY_CHAT, language: "en", title: "c" }, Number(busy.id), 0);
    const events = [quota({ id: Number(blocked.id), username: "b" }), quota({ id: Number(busy.id), username: "c" })];
    await persistEvents(db, events);

    const gone = await sendUserChatNotice(standInEnv, db, { chatId: BLOCKED_CHAT, eventId: events[0]!.id });
    expect(gone).toMatchObject({ ok: false, statusCode: 403, gone: true });
    expect(await userChatNotices(db, [events[0]!])).toEqual([]);

    const wait = await sendUserChatNotice(standInEnv, db, { chatId: BUSY_CHAT, eventId: events[1]!.id });
    expect(wait).toMatchObject({ ok: false, statusCode: 429, retryAfterSec: 7 });
    expect(wait.gone).toBeUndefined();
    expect(await userChatNotices(db, [events[1]!])).toHaveLength(1);
  });

  it("acknowledges a queued notice once sent or hopeless, and retries it after Telegram's retry_after", async () => {
    answerAsTelegram();
    const user = await linkedUser(1);
    const busy = await createUser(owner);
    await linkUserChat(db, { chatId: BUSY_CHAT, language: "en", title: "c" }, Number(busy.id), 0);
    const [mine, theirs] = [quota(user), quota({ id: Number(busy.id), username: "c" })];
    await persistEvents(db, [mine, theirs]);
    /** What the queue hands the consumer, recording what the consumer decided. */
    const queued = (body: unknown) => {
      const settled: { acked: boolean; retry?: { delaySeconds?: number } } = { acked: false };
      const message = {
        body,
        attempts: 1,
        ack: () => {
          settled.acked = true;
        },
        retry: (options?: { delaySeconds?: number }) => {
          settled.retry = options ?? {};
        },
      };
      return { message, settled };
    };

    const sent = queued({ chatId: user.chatIds[0], eventId: mine.id });
    expect(await consumeUserChatNotice(standInEnv, db, sent.message)).toBe("delivered");
    expect(sent.settled).toEqual({ acked: true });
    const waiting = queued({ chatId: BUSY_CHAT, eventId: theirs.id });
    expect(await consumeUserChatNotice(standInEnv, db, waiting.message)).toBe("retrying");
    expect(waiting.settled).toEqual({ acked: false, retry: { delaySeconds: 7 } });
    const unreadable = queued({ chatId: 42, eventId: mine.id });
    expect(await consumeUserChatNotice(standInEnv, db, unreadable.message)).toBe("skipped");
    expect(unreadable.settled).toEqual({ acked: true });
    expect(calls).toHaveLength(2);
  });

  it("reaches the user's chat from emitEvents through the events and deliveries queues", async () => {
    // The queue consumer runs with the Worker's own env, whose TELEGRAM_API_BASE is Telegram's origin.
    const sent: Record<string, unknown>[] = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.startsWith("https://api.telegram.org/")) return realFetch(input, init);
      sent.push(JSON.parse(String(init?.body)));
      return Response.json({ ok: true, result: { message_id: 1 } });
    });
    const user = await linkedUser(1, "ru");
    const pending: Promise<unknown>[] = [];
    const limited = panelEvent(
      "user.limited",
      0,
      { username: user.username, usedBytes: GiB, limitBytes: GiB },
      { userId: user.id },
    );
    emitEvents(env, (promise) => pending.push(promise), [limited]);
    await Promise.all(pending);
    await vi.waitFor(() => expect(sent).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(sent[0]).toMatchObject({ chat_id: user.chatIds[0], text: userNoticeHtml(limited, "ru") });
  });

  it("fails, to be retried, while no bot is configured", async () => {
    answerAsTelegram();
    const user = await linkedUser(1);
    const event = quota(user);
    await persistEvents(db, [event]);
    await env.DB.prepare("DELETE FROM settings WHERE key = ?").bind(BOT_SETTINGS_KEY).run();
    const attempt = await sendUserChatNotice(standInEnv, db, { chatId: user.chatIds[0]!, eventId: event.id });
    expect(attempt).toMatchObject({ ok: false, statusCode: null, error: "no Telegram bot is configured" });
    expect(attempt.gone).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
