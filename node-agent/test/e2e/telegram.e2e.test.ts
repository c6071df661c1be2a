/**
 * The Telegram bot against the real panel (wrangler dev) and a loopback stand-in for Telegram:
 * the panel configures the bot and its webhook at the stand-in, an admin's chat hears an alert,
 * and an end user links its chat from the subscription page and asks for usage, link, QR and renew.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelegramStandIn, type TelegramStandIn } from "../../src/testing/telegram-stand-in.ts";
import { startPanel, type Panel } from "./panel.ts";

let panel: Panel;
let telegram: TelegramStandIn;

beforeAll(async () => {
  telegram = await startTelegramStandIn();
  panel = await startPanel({ vars: { TELEGRAM_API_BASE: telegram.url } });
}, 240_000);

afterAll(async () => {
  await panel?.stop();
  await telegram?.close();
});

const startToken = (url: string) => new URL(url).searchParams.get("start")!;

describe("the Telegram bot", () => {
  it("is configured with getMe and setWebhook, refusing a token Telegram does not know", async () => {
    await expect(
      panel.gql(`mutation { configureTelegramBot(token: "999:AAAA-not-the-token-telegram-knows-0000") { username } }`),
    ).rejects.toThrow(/Unauthorized/);
    const { configureTelegramBot } = await panel.gql(
      `mutation ($t: String!) { configureTelegramBot(token: $t) { configured username webhookUrl } }`,
      { t: telegram.token },
    );
    expect(configureTelegramBot).toEqual({
      configured: true,
      username: telegram.username,
      webhookUrl: `${panel.url}/webhooks/telegram`,
    });
    const setWebhook = telegram.calls.findLast((c) => c.method === "setWebhook")!;
    expect(setWebhook.params).toMatchObject({
      url: `${panel.url}/webhooks/telegram`,
      allowed_updates: ["message", "callback_query"],
    });
    expect(setWebhook.params.secret_token).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
    expect((await panel.gql(`{ telegramBot { configured lastError } }`)).telegramBot).toEqual({
      configured: true,
      lastError: null,
    });
    expect((await telegram.sendUpdate({ chatId: 1, text: "/help" }, { secret: "forged" })).status).toBe(401);
  });

  it("links an admin's chat and sends it the admin's alerts", async () => {
    const { linkTelegramChat } = await panel.gql(`mutation { linkTelegramChat { url } }`);
    expect(linkTelegramChat.url).toMatch(new RegExp(`^https://t\\.me/${telegram.username}\\?start=`));
    const linked = await telegram.sendUpdate({ chatId: 7001, text: `/start ${startToken(linkTelegramChat.url)}` });
    expect(linked.reply).toMatchObject({ method: "sendMessage", chat_id: "7001" });

    // Disabling a user raises user.disabled: events queue → fan-out → deliveries queue → sendMessage.
    const { createUser } = await panel.gql(`mutation { createUser(input: { username: "alerted" }) { id } }`);
    await panel.gql(`mutation ($id: ID!) { updateUser(id: $id, input: { status: DISABLED }) { id } }`, {
      id: createUser.id,
    });
    const alert = await telegram.waitForCall(
      (c) => c.method === "sendMessage" && c.params.chat_id === "7001" && /alerted.*disabled/.test(c.params.text),
    );
    expect(alert.params.parse_mode).toBe("HTML");
    expect(alert.token).toBe(telegram.token);
  });

  it("links an end user's chat from the subscription page and answers /usage, /link, /qr and /renew", async () => {
    const { createUser } = await panel.gql(
      `mutation { createUser(input: { username: "subscriber", dataLimit: 1073741824 }) { subscriptionUrl } }`,
    );
    const subUrl: string = createUser.subscriptionUrl;
    const page = await (await fetch(subUrl, { headers: { accept: "text/html" } })).text();
    expect(page).toContain(`${subUrl}/telegram`);
    const button = await fetch(`${subUrl}/telegram`, { redirect: "manual" });
    expect(button.status).toBe(302);
    const token = startToken(button.headers.get("location")!);

    const chat = 8001;
    expect((await telegram.sendUpdate({ chatId: chat, text: `/start ${token}` })).reply!.text).toContain("subscriber");
    expect((await telegram.sendUpdate({ chatId: chat + 1, text: `/start ${token}` })).reply!.text).toContain(
      "already used",
    );
    const usage = (await telegram.sendUpdate({ chatId: chat, text: "/usage" })).reply!;
    expect(usage.text).toContain("0 B of 1 GB");
    expect((await telegram.sendUpdate({ chatId: chat, text: "/link" })).reply!.text).toContain(subUrl);

    expect((await telegram.sendUpdate({ chatId: chat, text: "/qr" })).reply).toBeNull();
    const photo = await telegram.waitForCall((c) => c.method === "sendPhoto" && c.params.chat_id === String(chat));
    expect(photo.files.photo!.type).toBe("image/png");
    expect(photo.files.photo!.bytes.subarray(1, 4).toString()).toBe("PNG");

    await panel.gql(
      `mutation { createPlan(input: { name: "Monthly", prices: [{ currency: "USD", amount: "5.00" }], dataLimit: 1000, durationDays: 30 }) { id } }`,
    );
    const renew = (await telegram.sendUpdate({ chatId: chat, text: "/renew" })).reply!;
    const renewUrl: string = renew.reply_markup.inline_keyboard[0][0].url;
    expect(renewUrl).toBe(`${subUrl}/plans`);
    expect(await (await fetch(renewUrl)).text()).toContain("Monthly");
  });

  it("forgets the bot on removal: the webhook is deleted and updates are no longer admitted", async () => {
    expect((await panel.gql(`mutation { removeTelegramBot }`)).removeTelegramBot).toBe(true);
    await telegram.waitForCall((c) => c.method === "deleteWebhook");
    expect((await telegram.sendUpdate({ chatId: 8001, text: "/usage" })).status).toBe(401);
    expect((await panel.gql(`{ telegramBot { configured } }`)).telegramBot.configured).toBe(false);
  });
});
