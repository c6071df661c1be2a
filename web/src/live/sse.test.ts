import { describe, expect, it } from "vitest";
import { backoffMs, SseParser, subscribe } from "./sse";

describe("the event-stream parser", () => {
  it("reassembles events split anywhere across chunks", () => {
    const parser = new SseParser();
    const text =
      'event: next\ndata: {"data":{"n":1}}\n\n:keep-alive\n\nevent: next\r\ndata: {"data":\r\ndata: {"n":2}}\r\n\r\nevent: complete\ndata:\n\n';
    const events = [];
    for (let i = 0; i < text.length; i += 3) events.push(...parser.push(text.slice(i, i + 3)));
    expect(events).toEqual([
      { event: "next", data: '{"data":{"n":1}}' },
      { event: "next", data: '{"data":\n{"n":2}}' },
      { event: "complete", data: "" },
    ]);
  });

  it("treats a data line without an event name as a message", () => {
    expect(new SseParser().push("data: x\n\n")).toEqual([{ event: "message", data: "x" }]);
  });
});

describe("backoff", () => {
  it("doubles from half a second and stops growing at 30 seconds", () => {
    expect([0, 1, 2, 3].map(backoffMs)).toEqual([500, 1000, 2000, 4000]);
    expect(backoffMs(20)).toBe(30_000);
  });
});

/** A stand-in server: each call to fetch takes the next scripted answer. */
function scriptedFetch(answers: (() => Response)[]) {
  const requests: { headers: Record<string, string>; body: string }[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    requests.push({ headers: init.headers as Record<string, string>, body: String(init.body) });
    const answer = answers.shift();
    if (!answer) return new Promise<Response>(() => undefined); // no more answers: hang until aborted
    return answer();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests };
}

const stream = (text: string) => () => new Response(text, { headers: { "content-type": "text/event-stream" } });
const next = (data: unknown) => `event: next\ndata: ${JSON.stringify({ data })}\n\n`;

describe("a live subscription", () => {
  it("reconnects with growing pauses, sends the token each time and asks for a snapshot after each reconnect", async () => {
    const waits: number[] = [];
    const { fetch, requests } = scriptedFetch([
      stream(next({ n: 1 })), // the stream ends without complete: the connection dropped
      () => {
        throw new TypeError("connection refused");
      },
      () => new Response("busy", { status: 503 }),
      stream(`${next({ n: 2 })}event: complete\n\n`),
    ]);
    const seen: unknown[] = [];
    let resyncs = 0;
    const states: string[] = [];
    await new Promise<void>((resolve) => {
      subscribe(
        {
          body: '{"query":"subscription { n }"}',
          token: async () => "t0ken",
          onData: (data) => {
            seen.push(data);
            if (seen.length === 2) setTimeout(resolve, 10);
          },
          onResync: () => resyncs++,
          onState: (s) => states.push(s),
        },
        { fetch, wait: async (ms) => void waits.push(ms) },
      );
    });
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    expect(waits).toEqual([500, 1000, 2000]);
    expect(resyncs).toBe(1);
    expect(states[0]).toBe("connecting");
    expect(states).toContain("retrying");
    expect(requests).toHaveLength(4);
    for (const r of requests) {
      expect(r.headers.authorization).toBe("Bearer t0ken");
      expect(r.headers.accept).toBe("text/event-stream");
    }
  });

  it("gets a fresh token at once when the server refuses the old one", async () => {
    const refused = `event: next\ndata: ${JSON.stringify({ errors: [{ message: "expired", extensions: { code: "UNAUTHENTICATED" } }] })}\n\nevent: complete\n\n`;
    const { fetch, requests } = scriptedFetch([stream(refused), stream(next({ ok: true }))]);
    const asked: boolean[] = [];
    const waits: number[] = [];
    await new Promise<void>((resolve) => {
      subscribe(
        {
          body: "{}",
          token: async (refresh) => {
            asked.push(refresh);
            return refresh ? "new" : "old";
          },
          onData: () => resolve(),
        },
        { fetch, wait: async (ms) => void waits.push(ms) },
      );
    });
    expect(asked).toEqual([false, true]);
    expect(requests.map((r) => r.headers.authorization)).toEqual(["Bearer old", "Bearer new"]);
    expect(waits).toEqual([]);
  });

  it("waits between tries when even a fresh token is refused, instead of spinning", async () => {
    const refused = `event: next\ndata: ${JSON.stringify({ errors: [{ message: "no", extensions: { code: "UNAUTHENTICATED" } }] })}\n\nevent: complete\n\n`;
    const { fetch, requests } = scriptedFetch([
      stream(refused),
      stream(refused),
      stream(refused),
      stream(next({ back: true })),
    ]);
    const waits: number[] = [];
    await new Promise<void>((resolve) => {
      subscribe(
        { body: "{}", token: async () => null, onData: () => resolve() },
        { fetch, wait: async (ms) => void waits.push(ms) },
      );
    });
    expect(requests).toHaveLength(4);
    expect(waits).toEqual([500, 1000]);
  });

  it("stops for good when unsubscribed, even while waiting to reconnect", async () => {
    const { fetch, requests } = scriptedFetch([
      () => new Response("down", { status: 502 }),
      stream(next({ late: true })),
    ]);
    const seen: unknown[] = [];
    let unsubscribe: () => void = () => {};
    await new Promise<void>((resolve) => {
      unsubscribe = subscribe(
        { body: "{}", token: async () => null, onData: (d) => seen.push(d) },
        {
          fetch,
          wait: (_ms, signal) =>
            new Promise((done) => {
              resolve();
              signal.addEventListener("abort", () => done());
            }),
        },
      );
    });
    unsubscribe();
    await new Promise((r) => setTimeout(r, 20));
    expect(requests).toHaveLength(1);
    expect(seen).toEqual([]);
  });
});
