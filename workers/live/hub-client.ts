import { Repeater, SlidingBuffer } from "graphql-yoga";
import { HUB_NAME, type LiveEvent, type TrafficBatch } from "./topics";

const hub = (env: Env) => env.HUB.getByName(HUB_NAME);

/**
 * Events held for a subscriber that reads slower than they come; past this the oldest are
 * dropped (live views show the latest state; a stream is not a log).
 */
const BUFFERED_EVENTS = 1000;

/**
 * Sends events to the hub without holding up the caller's response: the call runs under
 * `waitUntil`, and a failure is logged, never surfaced to the request that caused the event.
 */
export function publishLive(
  env: Env,
  waitUntil: (promise: Promise<unknown>) => void,
  events: LiveEvent[],
  traffic?: TrafficBatch,
): void {
  if (!events.length && !traffic?.users.length) return;
  waitUntil(
    hub(env)
      .publish(events, traffic)
      .catch((error: unknown) => console.error(JSON.stringify({ event: "live.publish_failed", error: String(error) }))),
  );
}

/**
 * The payloads the hub sends on one tag, as an async iterator for a GraphQL subscription. It
 * opens a WebSocket to the hub when the subscription starts and closes it when the subscriber
 * goes away (yoga returns the iterator), so the hub's socket count follows open subscriptions.
 * `admitted` is asked before each message is passed on; when it says no, the stream ends with
 * `refusal`.
 */
export function listen<T>(
  env: Env,
  tag: string,
  admitted: () => Promise<boolean>,
  refusal: () => Error,
): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    const response = await hub(env).fetch(`https://hub/?tag=${encodeURIComponent(tag)}`, {
      headers: { upgrade: "websocket" },
    });
    const ws = response.webSocket;
    if (!ws) {
      stop(new Error(`the live hub refused the subscription (${response.status})`));
      return;
    }
    ws.accept();
    // Chained so the messages stay in order while `admitted` awaits.
    let delivered = Promise.resolve();
    ws.addEventListener("message", (event) => {
      delivered = delivered
        .then(async () => {
          if (!(await admitted())) return stop(refusal());
          for (const payload of JSON.parse(String(event.data)) as T[]) void push(payload);
        })
        // A failure ends this stream (the client reconnects) instead of silently stalling it.
        .catch((error: unknown) => stop(error));
    });
    // The hub went away (restart, deploy): end the stream so the client reconnects.
    ws.addEventListener("close", () => stop());
    ws.addEventListener("error", () => stop(new Error("the live hub connection failed")));
    await stop;
    try {
      ws.close(1000, "subscriber left");
    } catch {
      // Already closed by the hub.
    }
  }, new SlidingBuffer(BUFFERED_EVENTS));
}
