/**
 * GraphQL subscriptions over server-sent events ("distinct connections" mode of graphql-yoga):
 * POST /graphql with `Accept: text/event-stream` and a Bearer token, which EventSource cannot send.
 * A dropped stream is reopened with exponential backoff; after every reopening the caller is told
 * to refetch its snapshot, since events sent while disconnected are gone.
 */

export interface SseEvent {
  event: string;
  data: string;
}

/** Incremental text/event-stream parser: feed it chunks as they arrive, get whole events back. */
export class SseParser {
  private buffer = "";
  private event = "";
  private data: string[] = [];

  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    for (let newline = this.buffer.search(/\r\n|\r|\n/); newline !== -1; newline = this.buffer.search(/\r\n|\r|\n/)) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith("\r\n", newline) ? 2 : 1;
      // A lone \r at the end may be the first half of \r\n: wait for the next chunk.
      if (width === 1 && this.buffer[newline] === "\r" && newline === this.buffer.length - 1) break;
      this.buffer = this.buffer.slice(newline + width);
      if (line === "") {
        // Unlike EventSource, a named event without data still counts: some servers end with a bare `event: complete`.
        if (this.data.length > 0 || this.event)
          events.push({ event: this.event || "message", data: this.data.join("\n") });
        this.event = "";
        this.data = [];
        continue;
      }
      if (line.startsWith(":")) continue; // keep-alive comment
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") this.event = value;
      else if (field === "data") this.data.push(value);
    }
    return events;
  }
}

/** 0.5 s, 1 s, 2 s … capped at 30 s: quick after a blip, gentle on a panel that is down. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** attempt);
}

/** `closed`: the server ended the stream for good (e.g. it does not offer this subscription). */
export type LiveState = "connecting" | "open" | "retrying" | "closed";

export interface SubscribeOptions<T> {
  /** The request body (see api/operation.ts). */
  body: string;
  /** `refresh` is true after the server refused the token: get a new one. */
  token: (refresh: boolean) => Promise<string | null>;
  onData: (data: T) => void;
  /** Called after a reconnect has succeeded: refetch whatever the stream would have updated. */
  onResync?: () => void;
  onState?: (state: LiveState) => void;
  onError?: (message: string) => void;
}

export interface SubscribeDeps {
  fetch: typeof fetch;
  wait: (ms: number, signal: AbortSignal) => Promise<void>;
  endpoint: string;
}

const realWait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** Opens the stream and keeps it open until the returned function is called or the server completes it. */
export function subscribe<T>(options: SubscribeOptions<T>, deps: Partial<SubscribeDeps> = {}): () => void {
  const { fetch: doFetch = globalThis.fetch.bind(globalThis), wait = realWait, endpoint = "/graphql" } = deps;
  const stop = new AbortController();

  const run = async () => {
    let attempt = 0;
    let missedEvents = false;
    let tokenRefused = false;
    let refusals = 0;
    while (!stop.signal.aborted) {
      options.onState?.(missedEvents ? "retrying" : "connecting");
      let completed = false;
      try {
        const token = await options.token(tokenRefused);
        tokenRefused = false;
        const response = await doFetch(endpoint, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "text/event-stream",
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: options.body,
          signal: stop.signal,
        });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        options.onState?.("open");
        if (missedEvents) options.onResync?.();
        const parser = new SseParser();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const event of parser.push(value)) {
            if (event.event === "complete") completed = true;
            else if (event.event === "next") {
              const payload = JSON.parse(event.data) as {
                data?: T;
                errors?: { message: string; extensions?: { code?: string } }[];
              };
              const error = payload.errors?.[0];
              if (error?.extensions?.code === "UNAUTHENTICATED") tokenRefused = true;
              else if (error) options.onError?.(error.message);
              if (payload.data) {
                // Only a stream that delivers counts as recovered; one that is refused at once keeps backing off.
                attempt = 0;
                options.onData(payload.data);
              }
            }
          }
          if (completed) {
            await reader.cancel();
            break;
          }
        }
      } catch (error) {
        if (stop.signal.aborted) return;
        options.onError?.(error instanceof Error ? error.message : String(error));
      }
      if (stop.signal.aborted) return;
      if (completed && !tokenRefused) return options.onState?.("closed");
      missedEvents = true;
      // A refused token is retried at once with a fresh one; a fresh one refused too (signed out)
      // waits its turn like any other failure, so a dead session never spins.
      refusals = tokenRefused ? refusals + 1 : 0;
      if (refusals !== 1) await wait(backoffMs(attempt++), stop.signal);
    }
  };
  void run();
  return () => stop.abort();
}
