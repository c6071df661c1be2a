import { exports } from "cloudflare:workers";

export interface SseEvent {
  event: string;
  data: any;
}

/**
 * A GraphQL subscription over SSE through the real Worker (yoga's "distinct connections" mode),
 * read event by event. `cancel()` is the client going away.
 */
export async function subscribe(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await exports.default.fetch("http://panel.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";

  /** The next event that carries data (keep-alive comments are skipped). */
  async function nextEvent(): Promise<SseEvent> {
    for (;;) {
      const end = buffered.indexOf("\n\n");
      if (end >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split("\n")
            .filter((line) => line && !line.startsWith(":"))
            .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]),
        );
        if (!fields.event && fields.data === undefined) continue;
        return { event: fields.event ?? "message", data: fields.data ? JSON.parse(fields.data) : undefined };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("the event stream ended");
      buffered += value;
    }
  }

  return {
    response,
    nextEvent,
    /** The data of the next `next` event. */
    async next<T = any>(): Promise<T> {
      const event = await nextEvent();
      if (event.event !== "next") throw new Error(`expected a next event, got ${event.event}: ${JSON.stringify(event.data)}`);
      return event.data as T;
    },
    cancel: () => reader.cancel(),
  };
}
