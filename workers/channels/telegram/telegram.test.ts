import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createPlan } from "../../billing/testing";
import { dbFor } from "../../db/client";
import { panelEvent } from "../../events/catalogue";
import { adminAs, countRows, gql, ok, ownerToken, unique } from "../../test/api";
import { alertHtml, attemptFromReply } from "./alerts";
import { BOT_SETTINGS_KEY } from "./bot";
import { parseCommand, type WebhookReply } from "./commands";
import { qrPng } from "./qr-png";
import { plantBot, TEST_BOT } from "./testing";
import { userChatNotices } from "./user-notices";

/**
 * The bot against the real Worker: updates POSTed to /webhooks/telegram as Telegram sends them,
 * replies read from the webhook response (where the bot puts them). Calls the bot makes itself
 * (getMe, setWebhook, sendPhoto) need a Bot API on loopback: node-agent/test/e2e/telegram.e2e.test.ts.
 */

const SECRET = TEST_BOT.webhookSecret;
const BOT_USERNAME = TEST_BOT.username;
let owner: string;

let updateId = 0;
/** Sends one message update from `chatId`; the reply (if any) is the response's JSON body. */
async function send(chatId: number, text: string, options: { language?: string; secret?: string | null } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const secret = options.secret === undefined ? SECRET : options.secret;
  if (secret !== null) headers["x-telegram-bot-api-secret-token"] = secret;
  const response = await exports.default.fetch("http://panel.test/webhooks/telegram", {
    method: "POST",
    headers,
    body: JSON.stringify({
      update_id: ++updateId,
      message: {
        message_id: updateId,
        date: 0,
        chat: { id: chatId, type: "private", username: `chat${chatId}` },
        from: { id: chatId, is_bot: false, first_name: "T", language_code: options.language ?? "en" },
        text,
      },
    }),
  });
  const body = response.headers.get("content-type")?.includes("json")
    ? ((await response.json()) as WebhookReply)
    : null;
  return { status: response.status, reply: body };
}

async function userWithLink(token: string, input: Record<string, unknown> = {}) {
  return ok(
    await gql<{ createUser: { id: string; username: string; subscriptionUrl: string } }>(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id username subscriptionUrl } }`,
      { input: { username: unique("tg"), dataLimit: 5_000_000_000, ...input } },
      { token },
    ),
  ).createUser;
}

/** Follows the subscription page's Telegram button; returns the start token from the redirect. */
async function startTokenFor(subscriptionUrl: string): Promise<string> {
  const response = await exports.default.fetch(`${subscriptionUrl}/telegram`, { redirect: "manual" });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location")!);
  expect(`${location.origin}${location.pathname}`).toBe(`https://t.me/${BOT_USERNAME}`);
  return location.searchParams.get("start")!;
}

let nextChat = 1000;

beforeAll(async () => {
  owner = await ownerToken();
});

describe("commands", () => {
  it("reads a command, its argument and the bot it is addressed to", () => {
    expect(parseCommand("/usage", "VortexTestBot")).toEqual({ name: "usage", argument: "" });
    expect(parseCommand("  /User@vortextestbot   alice ", "VortexTestBot")).toEqual({
      name: "user",
      argument: "alice",
    });
    expect(parseCommand("/start abc_-123", "VortexTestBot")).toEqual({ name: "start", argument: "abc_-123" });
    expect(parseCommand("/usage@OtherBot", "VortexTestBot")).toBeNull();
    expect(parseCommand("hello /usage", "VortexTestBot")).toBeNull();
    expect(parseCommand(undefined, "VortexTestBot")).toBeNull();
  });
});

describe("alerts", () => {
  it("escapes the event's text for Telegram's HTML", () => {
    const event = panelEvent("user.disabled", 0, { username: "<b>x</b>&" }, { userId: 1 });
    expect(alertHtml(event, "ru")).not.toContain("<b>");
    expect(alertHtml(event, "xx")).toContain("ℹ️");
  });

  it("sends a channel's test ping, which is no catalogue kind, as the sentence it carries", () => {
    const ping = {
      ...panelEvent("user.created", 0, { username: "x" }, {}),
      kind: "test.ping",
      data: { message: "It <works>" },
    };
    expect(alertHtml(ping as never, "en")).toBe("ℹ️ It &lt;works&gt;");
  });

  it("maps Telegram's answers to delivery attempts: wait on 429, give up on a blocked bot", () => {
    expect(attemptFromReply({ ok: true, result: {} })).toEqual({ ok: true, statusCode: 200, error: null });
    expect(
      attemptFromReply({
        ok: false,
        errorCode: 429,
        description: "Too Many Requests: retry after 7",
        retryAfterSec: 7,
      }),
    ).toMatchObject({ ok: false, statusCode: 429, retryAfterSec: 7 });
    expect(
      attemptFromReply({ ok: false, errorCode: 403, description: "Forbidden: bot was blocked by the user" }),
    ).toMatchObject({
      ok: false,
      gone: true,
    });
    expect(attemptFromReply({ ok: false, errorCode: 400, description: "Bad Request: chat not found" }).gone).toBe(true);
    const unreachable = attemptFromReply({
      ok: false,
      errorCode: null,
      description: "Telegram did not answer: TimeoutError",
    });
    expect(unreachable).toMatchObject({ ok: false, statusCode: null });
    expect(unreachable.gone).toBeUndefined();
  });
});

describe("the QR photo", () => {
  it("is a PNG whose quiet zone is white and whose finder pattern is black", async () => {
    const png = await qrPng("https://sub.example.com/sub/abcdefghijklmnopqrstuvwxyz012345");
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer);
    const width = view.getUint32(16);
    expect(view.getUint32(20)).toBe(width);
    expect(png[24]).toBe(1); // bit depth
    const idatLength = view.getUint32(33);
    expect(new TextDecoder().decode(png.subarray(37, 41))).toBe("IDAT");
    const stream = new Blob([png.subarray(41, 41 + idatLength)])
      .stream()
      .pipeThrough(new DecompressionStream("deflate"));
    const raw = new Uint8Array(await new Response(stream).arrayBuffer());
    const rowBytes = Math.ceil(width / 8) + 1;
    expect(raw.length).toBe(rowBytes * width);
    const pixel = (x: number, y: number) => (raw[y * rowBytes + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1;
    expect(pixel(0, 0)).toBe(1); // the quiet zone (4 modules of 8 px)
    expect(pixel(33, 33)).toBe(0); // the top-left finder's dark ring starts at module 4
  });
});

describe("the webhook", () => {
  beforeAll(plantBot);

  it("answers 401 to a wrong or missing secret token, before reading the update", async () => {
    expect((await send(1, "/help", { secret: "wrong" })).status).toBe(401);
    expect((await send(1, "/help", { secret: null })).status).toBe(401);
    const notJson = await exports.default.fetch("http://panel.test/webhooks/telegram", {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": `${SECRET}x` },
      body: "{",
    });
    expect(notJson.status).toBe(401);
  });

  it("acknowledges an update it cannot read, so Telegram does not resend it forever", async () => {
    const response = await exports.default.fetch("http://panel.test/webhooks/telegram", {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify({ update_id: "x" }),
    });
    expect(response.status).toBe(200);
  });

  it("links an end user's chat from the subscription page, then answers /usage, /link and /renew", async () => {
    const user = await userWithLink(owner);
    const page = await exports.default.fetch(user.subscriptionUrl, { headers: { accept: "text/html" } });
    expect(await page.text()).toContain(`href="${user.subscriptionUrl}/telegram"`);

    const chat = nextChat++;
    const start = await send(chat, `/start ${await startTokenFor(user.subscriptionUrl)}`);
    expect(start.reply).toMatchObject({ method: "sendMessage", chat_id: String(chat), parse_mode: "HTML" });
    expect(start.reply!.text).toContain(user.username);

    const usage = (await send(chat, "/usage")).reply!.text;
    expect(usage).toContain("active");
    expect(usage).toContain("0 B of 4.7 GB");
    expect((await send(chat, "/link")).reply!.text).toContain(user.subscriptionUrl);
    expect((await send(chat, "/renew")).reply!.text).toContain("not on sale");
    await createPlan(owner);
    const renew = (await send(chat, "/renew")).reply!;
    expect(renew.reply_markup!.inline_keyboard[0]![0]!.url).toBe(`${user.subscriptionUrl}/plans`);

    const linked = ok(
      await gql(`query ($id: ID!) { user(id: $id) { telegramLinked } }`, { id: user.id }, { token: owner }),
    );
    expect(linked.user.telegramLinked).toBe(true);
  });

  it("stops and resumes an end user's notices with /mute and /unmute; an admin's chat has none to mute", async () => {
    const user = await userWithLink(owner);
    const chat = nextChat++;
    await send(chat, `/start ${await startTokenFor(user.subscriptionUrl)}`);
    const told = () =>
      userChatNotices(dbFor(env), [
        panelEvent("user.enabled", 0, { username: user.username }, { userId: Number(user.id) }),
      ]);
    expect(await told()).toHaveLength(1);
    expect((await send(chat, "/mute")).reply!.text).toContain("/unmute");
    expect(await told()).toEqual([]);
    expect((await send(chat, "/unmute")).reply!.text).toContain("notices are on");
    expect(await told()).toHaveLength(1);
    // Linking again (how a user who blocked the bot, which muted the chat, comes back) unmutes too.
    await send(chat, "/mute");
    await send(chat, `/start ${await startTokenFor(user.subscriptionUrl)}`);
    expect(await told()).toHaveLength(1);

    const admin = await adminAs(owner, "ADMIN");
    const offer = ok(await gql(`mutation { linkTelegramChat { url } }`, {}, { token: admin.token }));
    const adminChat = nextChat++;
    await send(adminChat, `/start ${new URL(offer.linkTelegramChat.url).searchParams.get("start")}`);
    expect((await send(adminChat, "/mute")).reply!.text).toContain("not linked");
  });

  it("refuses a start token that was already used, and one never issued", async () => {
    const user = await userWithLink(owner);
    const token = await startTokenFor(user.subscriptionUrl);
    expect((await send(nextChat++, `/start ${token}`)).reply!.text).toContain(user.username);
    const other = nextChat++;
    expect((await send(other, `/start ${token}`)).reply!.text).toContain("already used");
    expect((await send(other, "/start made-up-token")).reply!.text).toContain("already used");
    expect((await send(other, "/usage")).reply!.text).toContain("not linked");
  });

  it("speaks the chat's language", async () => {
    const user = await userWithLink(owner);
    const chat = nextChat++;
    await send(chat, `/start ${await startTokenFor(user.subscriptionUrl)}`, { language: "ru" });
    expect((await send(chat, "/usage", { language: "en" })).reply!.text).toContain("Статус");
  });

  it("makes an admin's chat a TELEGRAM channel in its language, linked again without a second channel", async () => {
    const admin = await adminAs(owner, "ADMIN");
    const link = async () => {
      const offer = ok(await gql(`mutation { linkTelegramChat { url expiresAt } }`, {}, { token: admin.token }));
      return new URL(offer.linkTelegramChat.url).searchParams.get("start")!;
    };
    const chat = nextChat++;
    expect((await send(chat, `/start ${await link()}`, { language: "fa" })).reply!.text).toContain(admin.username);
    await send(chat, `/start ${await link()}`, { language: "fa" });
    const channels = await env.DB.prepare(
      "SELECT kind, language, telegram_chat_id AS chat FROM notification_channels WHERE admin_id = ?",
    )
      .bind(Number(admin.id))
      .all();
    expect(channels.results).toEqual([{ kind: "telegram", language: "fa", chat: String(chat) }]);
  });

  it("lets a reseller's chat look up its own users only", async () => {
    const [a, b] = [await adminAs(owner, "RESELLER"), await adminAs(owner, "RESELLER")];
    const [own, theirs] = [await userWithLink(a.token), await userWithLink(b.token)];
    const offer = ok(await gql(`mutation { linkTelegramChat { url } }`, {}, { token: a.token }));
    const chat = nextChat++;
    await send(chat, `/start ${new URL(offer.linkTelegramChat.url).searchParams.get("start")}`);
    const found = (await send(chat, `/user ${own.username.toUpperCase()}`)).reply!.text;
    expect(found).toContain(own.username);
    expect(found).toContain("Last traffic:</b> none yet");
    expect((await send(chat, `/user ${theirs.username}`)).reply!.text).toContain("that you may see");
    // An end user's chat is no admin's.
    const userChat = nextChat++;
    await send(userChat, `/start ${await startTokenFor(own.subscriptionUrl)}`);
    expect((await send(userChat, `/user ${own.username}`)).reply!.text).toContain("not linked");
  });

  it("mints at most 10 deep links per subscription per hour", async () => {
    const user = await userWithLink(owner);
    for (let i = 0; i < 10; i++) await startTokenFor(user.subscriptionUrl);
    const before = await countRows("telegram_link_tokens");
    const refused = await exports.default.fetch(`${user.subscriptionUrl}/telegram`, { redirect: "manual" });
    expect(refused.status).toBe(429);
    expect(await countRows("telegram_link_tokens")).toBe(before);
  });
});

describe("without a bot", () => {
  it("shows no Telegram button, mints no link and admits no update", async () => {
    await env.DB.prepare("DELETE FROM settings WHERE key = ?").bind(BOT_SETTINGS_KEY).run();
    const user = await userWithLink(owner);
    const page = await exports.default.fetch(user.subscriptionUrl, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toContain("/telegram");
    expect((await exports.default.fetch(`${user.subscriptionUrl}/telegram`, { redirect: "manual" })).status).toBe(404);
    expect((await send(1, "/help")).status).toBe(401);
    const offer = await gql(`mutation { linkTelegramChat { url } }`, {}, { token: owner });
    expect(offer.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(ok(await gql(`{ telegramBot { configured username } }`, {}, { token: owner })).telegramBot).toEqual({
      configured: false,
      username: null,
    });
  });
});
