import { z } from "zod";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";

/** A Remnawave users page of 1,000 is about 1 MiB; four times that is room, not an open tap. */
export const PEER_RESPONSE_MAX_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

const peerRequestSchema = z.object({
  url: z
    .string()
    .max(2048)
    .superRefine((raw, ctx) => {
      if (!URL.canParse(raw)) return ctx.addIssue({ code: "custom", message: "must be an absolute URL" });
      const url = new URL(raw);
      if (!["http:", "https:"].includes(url.protocol))
        ctx.addIssue({ code: "custom", message: "must be http or https" });
      else if (url.username || url.password)
        ctx.addIssue({ code: "custom", message: "must not carry a user name or password" });
    }),
  method: z.enum(["GET", "POST"]),
  /** What the readers send: a bearer token, form or JSON bodies. Nothing else leaves through the panel. */
  authorization: z.string().max(4096).nullish(),
  contentType: z.enum(["application/x-www-form-urlencoded", "application/json"]).nullish(),
  body: z
    .string()
    .max(64 * 1024)
    .nullish(),
});

export interface PeerResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * One request to a peer panel's API on behalf of the Import page. Browsers may talk only to this
 * origin (the SPA's Content-Security-Policy says `connect-src 'self'`, and peers rarely allow
 * CORS), so the page's API readers fetch through here: owner-only, GET/POST with a bearer token
 * or a form, no redirects followed, the answer capped.
 */
export async function fetchPeer(rawInput: unknown): Promise<PeerResponse> {
  const input = parseInput(peerRequestSchema, rawInput);
  const headers: Record<string, string> = { accept: "application/json" };
  if (input.authorization) headers.authorization = input.authorization;
  if (input.contentType) headers["content-type"] = input.contentType;
  let response: Response;
  try {
    response = await fetch(input.url, {
      method: input.method,
      headers,
      body: input.method === "POST" ? (input.body ?? "") : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new DomainError("UNAVAILABLE", `cannot reach ${new URL(input.url).origin}: ${(error as Error).message}`);
  }
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    body: await cappedText(response),
  };
}

async function cappedText(response: Response): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > PEER_RESPONSE_MAX_BYTES) throw tooLarge();
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > PEER_RESPONSE_MAX_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

const tooLarge = () =>
  new DomainError(
    "PAYLOAD_TOO_LARGE",
    `the peer answered with more than ${PEER_RESPONSE_MAX_BYTES} bytes; use a smaller page`,
  );
