import { exports } from "cloudflare:workers";

export interface SseEvent {
  event: string;
  data: any;
}

/**
 * A GraphQL subscription over SSE through the real Worker (yoga's "distinct connections" mode).
 * Events are read as they arrive and handed out in order by `nextEvent()`/`next()`; `cancel()`
 * is the client going away.
 */
export async function subscribe(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await exports.default.fetch("http://panel.test/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const arrived: SseEvent[] = [];
  let ended: Error | undefined;
  let wake: (() => void) | undefined;

  void (async () => {
    let buffered = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error("the event stream ended");
        buffered += value;
        for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
          const fields = Object.fromEntries(
            buffered
              .slice(0, end)
              .split("\n")
              .filter((line) => line && !line.startsWith(":"))
              .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]),
          );
          buffered = buffered.slice(end + 2);
          // Keep-alive comments carry no event.
          if (fields.event || fields.data)
            arrived.push({ event: fields.event ?? "message", data: fields.data ? JSON.parse(fields.data) : undefined });
        }
        wake?.();
      }
    } catch (error) {
      ended = error as Error;
      wake?.();
    }
  })();

  async function nextEvent(): Promise<SseEvent> {
    while (!arrived.length) {
      if (ended) throw ended;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return arrived.shift()!;
  }

  return {
    response,
    nextEvent,
    /** The data of the next `next` event. */
    async next<T = any>(): Promise<T> {
      const event = await nextEvent();
      if (event.event !== "next")
        throw new Error(`expected a next event, got ${event.event}: ${JSON.stringify(event.data)}`);
      return event.data as T;
    },
    cancel: () => reader.cancel(),
  };
}
