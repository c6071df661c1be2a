/**
 * A loopback stand-in for Telegram, both halves: the Bot API the panel calls (point the panel at
 * it with TELEGRAM_API_BASE) and the sender of updates to the panel's webhook, with the secret
 * token the panel registered through setWebhook. It records every call and answers the way
 * Telegram does (`{ok, result}` or `{ok: false, error_code, description}`).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { freePort } from "./net.ts";

export interface BotApiCall {
  /** The bot token from the path (/bot<token>/<method>). */
  token: string;
  method: string;
  /** JSON parameters, or a multipart upload's text fields. */
  params: Record<string, any>;
  /** A multipart upload's files, by field name. */
  files: Record<string, { type: string; bytes: Buffer }>;
}

export interface TelegramStandIn {
  url: string;
  /** The one token getMe accepts; any other is "Unauthorized". */
  token: string;
  username: string;
  calls: BotApiCall[];
  /** Resolves with the first call (now or later) that matches. */
  waitForCall(match: (call: BotApiCall) => boolean, timeoutMs?: number): Promise<BotApiCall>;
  /**
   * POSTs an update to the webhook setWebhook registered, with its secret token (or `secret`);
   * returns the HTTP status and the Bot API call the panel put in the response, if any.
   */
  sendUpdate(
    message: { chatId: number; text: string; languageCode?: string },
    options?: { secret?: string },
  ): Promise<{ status: number; reply: Record<string, any> | null }>;
  close(): Promise<void>;
}

let updateId = 0;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startTelegramStandIn(
  options: { token?: string; username?: string } = {},
): Promise<TelegramStandIn> {
  const token = options.token ?? "123456789:AAHstand-in-token-for-tests-0123456";
  const username = options.username ?? "VortexStandInBot";
  const calls: BotApiCall[] = [];
  const waiters: { match: (call: BotApiCall) => boolean; resolve: (call: BotApiCall) => void }[] = [];

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const [, callToken = "", method = ""] = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? "") ?? [];
    const call: BotApiCall = { token: callToken, method, params: {}, files: {} };
    const type = req.headers["content-type"] ?? "";
    if (type.includes("multipart/form-data")) {
      const form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
      const entries: [string, FormDataEntryValue][] = [];
      form.forEach((value, name) => {
        entries.push([name, value]);
      });
      for (const [name, value] of entries) {
        if (typeof value === "string") call.params[name] = value;
        else call.files[name] = { type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
      }
    } else if (body.length) {
      call.params = JSON.parse(body.toString("utf8"));
    }
    calls.push(call);
    for (const waiter of waiters.filter((w) => w.match(call))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
    const answer = (status: number, reply: object) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(reply));
    };
    if (callToken !== token) return answer(401, { ok: false, error_code: 401, description: "Unauthorized" });
    switch (method) {
      case "getMe":
        return answer(200, {
          ok: true,
          result: { id: Number(token.split(":")[0]), is_bot: true, first_name: "Vortex", username },
        });
      case "setWebhook":
      case "deleteWebhook":
        return answer(200, { ok: true, result: true, description: "Webhook was set" });
      case "getWebhookInfo":
        return answer(200, { ok: true, result: { url: webhook()?.params.url ?? "", pending_update_count: 0 } });
      case "sendMessage":
      case "sendPhoto":
        return answer(200, {
          ok: true,
          result: { message_id: calls.length, chat: { id: Number(call.params.chat_id) } },
        });
      default:
        return answer(404, { ok: false, error_code: 404, description: "Not Found" });
    }
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));

  /** The latest setWebhook call: where and with which secret updates go. */
  const webhook = () => calls.findLast((c) => c.method === "setWebhook");

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    username,
    calls,
    waitForCall(match, timeoutMs = 15_000) {
      const seen = calls.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the Bot API stand-in saw no such call")), timeoutMs);
        waiters.push({
          match,
          resolve: (call) => {
            clearTimeout(timer);
            resolve(call);
          },
        });
      });
    },
    async sendUpdate({ chatId, text, languageCode = "en" }, sendOptions = {}) {
      const registered = webhook();
      if (!registered) throw new Error("the panel has not called setWebhook");
      const response = await fetch(registered.params.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-telegram-bot-api-secret-token": sendOptions.secret ?? registered.params.secret_token,
        },
        body: JSON.stringify({
          update_id: ++updateId,
          message: {
            message_id: updateId,
            date: Math.floor(Date.now() / 1000),
            chat: { id: chatId, type: "private", first_name: "Tester" },
            from: { id: chatId, is_bot: false, first_name: "Tester", language_code: languageCode },
            text,
          },
        }),
      });
      const reply = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
      return { status: response.status, reply: reply as Record<string, any> | null };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
