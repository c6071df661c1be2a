import { Hono } from "hono";
import type { AppEnv } from "../../http/request-context";

/** POST /webhooks/telegram: updates from Telegram, admitted by X-Telegram-Bot-Api-Secret-Token. (Contract stub.) */
export const telegramWebhookRoute = new Hono<AppEnv>().post("/", (c) => c.body(null, 404));
