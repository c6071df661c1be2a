/**
 * The agent's HTTP(S) requests to the edge, on node:http/node:https rather than the global
 * `fetch`. fetch is undici, compiled into the node binary and loaded on first use together with
 * its WebAssembly HTTP parser: measured next to the core's HTTP/2 connection it costs ~1.5 MB
 * more RSS than node:http, and it rules out the V8 flags that drop WebAssembly (README
 * "Resource use"). The agent sends small JSON bodies and reads whole small replies, so this is
 * all it needs.
 */
import type { IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as tlsRequest } from "node:https";

/**
 * node:http through getBuiltinModule, not an ES import: importing it as an ES module builds its
 * namespace from every export, and the lazy ones (WebSocket, MessageEvent, CloseEvent) load
 * undici — 14 MB RSS in Node 24 for exports the agent never uses.
 */
const { Agent: HttpAgent, request: plainRequest } = process.getBuiltinModule("node:http");

export interface HttpRequestInit {
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  signal?: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  statusText: string;
  /** Lower-case names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  body: string;
}

export type HttpRequest = (url: string, init: HttpRequestInit) => Promise<HttpAnswer>;

/**
 * No byte for this long means the connection is dead (the edge holds a long-poll for at most
 * 25 s, then answers). Without it a silently dropped connection would hang the loop for good.
 */
const IDLE_TIMEOUT_MS = 60_000;

// Keep-alive: a push every tick and a long-poll at a time reuse their connections (and TLS sessions).
const agents = {
  "http:": new HttpAgent({ keepAlive: true, maxFreeSockets: 2 }),
  "https:": new HttpsAgent({ keepAlive: true, maxFreeSockets: 2 }),
};

export const httpRequest: HttpRequest = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    if (target.protocol !== "http:" && target.protocol !== "https:")
      return reject(new Error(`unsupported URL scheme ${target.protocol}`));
    const send = target.protocol === "https:" ? tlsRequest : plainRequest;
    const headers = init.body ? { ...init.headers, "content-length": String(init.body.byteLength) } : init.headers;
    const req = send(
      target,
      {
        method: init.method,
        headers,
        agent: agents[target.protocol],
        timeout: IDLE_TIMEOUT_MS,
        ...(init.signal ? { signal: init.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? "",
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer from ${target.host} within ${IDLE_TIMEOUT_MS / 1000} s`)));
    req.on("error", reject);
    req.end(init.body);
  });

/** A header's single value, or null. */
export function headerOf(answer: HttpAnswer, name: string): string | null {
  const value = answer.headers[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
