import { env } from "cloudflare:workers";
import { dbFor } from "../../db/client";
import { sha256Hex } from "../../lib/sha256";
import { secretBox } from "../../lib/secret-box";
import { settings } from "../../settings/table";
import { BOT_SETTINGS_KEY, type StoredBot } from "./bot";

export const TEST_BOT = {
  username: "VortexTestBot",
  token: "4242:AAAA-test-token-not-real-0123456789",
  webhookSecret: "test-webhook-secret_0123456789",
} as const;

/** A configured bot as configureTelegramBot stores it, without the calls to Telegram (workerd tests cannot reach a loopback Bot API). */
export async function plantBot() {
  const bot: StoredBot = {
    botId: "4242",
    username: TEST_BOT.username,
    tokenSealed: await (await secretBox(env.SECRETS_KEY)).seal(TEST_BOT.token, "telegram:bot"),
    secretHash: await sha256Hex(TEST_BOT.webhookSecret),
    webhookUrl: "http://panel.test/webhooks/telegram",
    lastUpdateAtSec: null,
  };
  await dbFor(env)
    .insert(settings)
    .values({ key: BOT_SETTINGS_KEY, value: bot })
    .onConflictDoUpdate({ target: settings.key, set: { value: bot } })
    .run();
}
