/**
 * The agent's side of /agent/v1/*: every request after enrollment is signed with the node key
 * (method, path+query, node id, timestamp, random nonce, body hash) so the edge can refuse
 * other nodes' keys and replays.
 */
import { randomBytes } from "node:crypto";
import { usageReplySchema, type UsagePush, type UsageReply } from "../../../workers/agent/protocol/messages.ts";
import { REQUEST_HEADERS, requestSigningText, signText } from "../../../workers/agent/protocol/signing.ts";
import { headerOf, httpRequest, type HttpAnswer, type HttpRequest } from "./http.ts";

/** A 4xx/5xx answer from the edge, with its `{error: {code, message}}` body when it sent one. */
export class EdgeError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

const isOk = (res: HttpAnswer) => res.status >= 200 && res.status < 300;

/** The reply's JSON body; a body that is not JSON is an EdgeError naming the request. */
function jsonOf(res: HttpAnswer, what: string): unknown {
  try {
    return JSON.parse(res.body);
  } catch {
    throw new EdgeError(`${what}: ${res.status} reply is not JSON`, res.status, "BAD_REPLY");
  }
}

function edgeErrorFrom(res: HttpAnswer, what: string): EdgeError {
  let code = `HTTP_${res.status}`;
  let message = res.statusText;
  try {
    const body = JSON.parse(res.body) as { error?: { code?: string; message?: string } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return new EdgeError(`${what}: ${res.status} ${code}: ${message}`, res.status, code);
}

export interface EnrollRequest {
  panelUrl: string;
  token: string;
  publicKey: string;
  agentVersion: string;
  request?: HttpRequest;
}

/** `POST /agent/v1/enroll`: unsigned; the one-time token authorises it. */
export async function requestEnrollment(req: EnrollRequest): Promise<{ nodeId: number; panelPublicKey: string }> {
  const send = req.request ?? httpRequest;
  const res = await send(new URL("/agent/v1/enroll", req.panelUrl).toString(), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: new TextEncoder().encode(
      JSON.stringify({ token: req.token, publicKey: req.publicKey, agentVersion: req.agentVersion }),
    ),
  });
  if (!isOk(res)) throw edgeErrorFrom(res, "enroll");
  const body = jsonOf(res, "enroll") as { nodeId?: unknown; panelPublicKey?: unknown };
  if (
    typeof body.nodeId !== "number" ||
    !Number.isInteger(body.nodeId) ||
    body.nodeId <= 0 ||
    typeof body.panelPublicKey !== "string" ||
    !body.panelPublicKey
  ) {
    throw new EdgeError("enroll: answer lacks nodeId/panelPublicKey", res.status, "BAD_ENROLL_REPLY");
  }
  return { nodeId: body.nodeId, panelPublicKey: body.panelPublicKey };
}

export interface EdgeClientOptions {
  panelUrl: string;
  nodeId: number;
  nodeKey: CryptoKey;
  request?: HttpRequest;
  now?: () => number;
}

export type ConfigPoll = { status: 200; envelope: unknown; etag: string | null } | { status: 304 };

export class EdgeClient {
  private readonly options: EdgeClientOptions;
  private readonly send: HttpRequest;

  constructor(options: EdgeClientOptions) {
    this.options = options;
    this.send = options.request ?? httpRequest;
  }

  private async signedRequest(
    method: string,
    pathWithQuery: string,
    body: Uint8Array<ArrayBuffer> | null,
    extraHeaders: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<HttpAnswer> {
    const url = new URL(pathWithQuery, this.options.panelUrl);
    const timestampSec = Math.floor((this.options.now?.() ?? Date.now()) / 1000);
    const nonce = randomBytes(16).toString("hex");
    const text = await requestSigningText({
      method,
      pathWithQuery: url.pathname + url.search,
      nodeId: this.options.nodeId,
      timestampSec,
      nonce,
      body: body ?? new Uint8Array(new ArrayBuffer(0)),
    });
    const headers: Record<string, string> = {
      ...extraHeaders,
      [REQUEST_HEADERS.node]: String(this.options.nodeId),
      [REQUEST_HEADERS.timestamp]: String(timestampSec),
      [REQUEST_HEADERS.nonce]: nonce,
      [REQUEST_HEADERS.signature]: await signText(this.options.nodeKey, text),
    };
    return this.send(url.toString(), { method, headers, ...(body ? { body } : {}), ...(signal ? { signal } : {}) });
  }

  /** Long-polls for a config newer than `knownVersion` (0 = none yet). */
  async pollConfig(knownVersion: number, waitSec: number, signal?: AbortSignal): Promise<ConfigPoll> {
    const wait = Math.max(0, Math.min(25, Math.floor(waitSec)));
    const headers: Record<string, string> = knownVersion > 0 ? { "if-none-match": `"${knownVersion}"` } : {};
    const res = await this.signedRequest("GET", `/agent/v1/config?wait=${wait}`, null, headers, signal);
    if (res.status === 304) return { status: 304 };
    if (!isOk(res)) throw edgeErrorFrom(res, "config");
    return { status: 200, envelope: jsonOf(res, "config"), etag: headerOf(res, "etag") };
  }

  /**
   * The bytes at a panel-relative path (an agent release), signed like every request. The reply
   * is read as UTF-8 text (http.ts) and encoded back: exact for a JavaScript bundle, and any
   * byte that is not UTF-8 comes back changed, so the caller's hash check refuses it.
   */
  async download(path: string, signal?: AbortSignal): Promise<Uint8Array> {
    const res = await this.signedRequest("GET", path, null, {}, signal);
    if (!isOk(res)) throw edgeErrorFrom(res, `download ${path}`);
    return Buffer.from(res.body, "utf8");
  }

  async pushUsage(push: UsagePush, signal?: AbortSignal): Promise<UsageReply> {
    const body = new TextEncoder().encode(JSON.stringify(push));
    const res = await this.signedRequest(
      "POST",
      "/agent/v1/usage",
      body,
      { "content-type": "application/json" },
      signal,
    );
    if (!isOk(res)) throw edgeErrorFrom(res, "usage");
    const reply = usageReplySchema.safeParse(jsonOf(res, "usage"));
    if (!reply.success) throw new EdgeError(`usage: bad reply: ${reply.error.message}`, res.status, "BAD_USAGE_REPLY");
    return reply.data;
  }
}
