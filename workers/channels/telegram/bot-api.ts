import { z } from "zod";

/**
 * Telegram's Bot API answers every method with `{ok: true, result}` or `{ok: false, error_code,
 * description, parameters?}`; a 429 says how long to wait in `parameters.retry_after`.
 */
const replySchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error_code: z.number().int(),
    description: z.string().default(""),
    parameters: z.object({ retry_after: z.number().int().nonnegative().optional() }).optional(),
  }),
]);

export type BotApiReply =
  | { ok: true; result: unknown }
  /** `errorCode` null: no answer came (network, timeout, not JSON). */
  | { ok: false; errorCode: number | null; description: string; retryAfterSec?: number };

/** Outgoing calls give up after this long: a webhook reply or a queue message must not hang on Telegram. */
const TIMEOUT_MS = 10_000;

/** The Bot API's base: TELEGRAM_API_BASE (a loopback stand-in in tests), else Telegram's own. */
export function botApiBase(env: Pick<Env, "TELEGRAM_API_BASE">): string {
  return (env.TELEGRAM_API_BASE || "https://api.telegram.org").replace(/\/+$/, "");
}

/**
 * Calls one Bot API method with JSON parameters (or multipart form data, for a photo upload).
 * Never throws: a failure comes back as `ok: false` with Telegram's words or the network's. The
 * token is part of the URL, so neither the URL nor the request is ever logged or returned.
 *
 * @example
 * await callBotApi(env, token, "sendMessage", { chat_id: "42", text: "hi" })
 */
export async function callBotApi(
  env: Pick<Env, "TELEGRAM_API_BASE">,
  token: string,
  method: string,
  params: Record<string, unknown> | FormData = {},
): Promise<BotApiReply> {
  let response: Response;
  try {
    response = await fetch(`${botApiBase(env)}/bot${token}/${method}`, {
      method: "POST",
      ...(params instanceof FormData
        ? { body: params }
        : { body: JSON.stringify(params), headers: { "content-type": "application/json" } }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    // The message of a failed fetch never holds the URL (and so never the token).
    return { ok: false, errorCode: null, description: `Telegram did not answer: ${(error as Error).name}` };
  }
  const parsed = replySchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    return {
      ok: false,
      errorCode: response.ok ? null : response.status,
      description: `Telegram answered HTTP ${response.status} without a Bot API reply`,
    };
  const reply = parsed.data;
  if (reply.ok) return reply;
  return {
    ok: false,
    errorCode: reply.error_code,
    description: reply.description,
    ...(reply.parameters?.retry_after !== undefined && { retryAfterSec: reply.parameters.retry_after }),
  };
}
