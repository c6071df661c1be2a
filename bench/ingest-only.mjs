#!/usr/bin/env node
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchIngest } from "./ingest.mjs";
import { startSeededPanel } from "./lib/seed.mjs";
import { signInOwner } from "./lib/graphql.mjs";

const USERS = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

/** A GraphQL subscription over SSE; `next()` is the data of the next event. */
async function subscribe(url, token, query) {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  return {
    async next() {
      for (;;) {
        const end = buffered.indexOf("\n\n");
        if (end >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = block.split("\n").find((line) => line.startsWith("data:"));
          if (/^event: next/m.test(block) && data) return JSON.parse(data.slice(5)).data;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("the event stream ended");
        buffered += value;
      }
    },
    close: () => controller.abort(),
  };
}

const state = mkdtempSync(join(tmpdir(), "vortex-ingest-"));
let stop = () => {};
try {
  const panel = await startSeededPanel({ state, users: USERS, port: Number(process.env.PORT ?? 8799) });
  stop = panel.stop;
  const token = await signInOwner(panel.url);
  const quiet = await benchIngest({
    url: panel.url,
    token,
    users: USERS,
    rounds: ROUNDS,
    nodeName: "bench-node-quiet",
  });
  console.log(JSON.stringify({ subscribers: 0, ...quiet }));

  const traffic = await subscribe(panel.url, token, `subscription { userTraffic(userId: "1") { upload usedTraffic } }`);
  const others = await Promise.all([
    subscribe(panel.url, token, `subscription { systemMetrics { uploadRate } }`),
    subscribe(panel.url, token, `subscription { serverStatus { id status } }`),
  ]);
  // Drain the other streams so their sockets never back up.
  for (const stream of others)
    void (async () => {
      for (;;) await stream.next();
    })().catch(() => {});
  const watched = await benchIngest({
    url: panel.url,
    token,
    users: USERS,
    rounds: ROUNDS,
    nodeName: "bench-node-watched",
    nextEvent: () => traffic.next(),
  });
  console.log(JSON.stringify({ subscribers: 3, ...watched }));
  for (const stream of [traffic, ...others]) stream.close();
} finally {
  stop();
  rmSync(state, { recursive: true, force: true });
}
