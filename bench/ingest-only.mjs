#!/usr/bin/env node
/**
 * Just the usage-ingest figure of `npm run bench` (one push of 10,000 users' deltas), with more
 * pushes for a steadier median, twice: with nobody watching, then with live subscribers open
 * (userTraffic of a user in the push, systemMetrics, all servers' status), timing also how long
 * a push takes to reach the userTraffic subscriber. `npm exec -- tsx bench/ingest-only.mjs`;
 * PORT picks the loopback port (default 8799).
 */
import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchIngest } from "./ingest.mjs";
import { ENV, startWorker } from "./lib/harness.mjs";
import { BENCH_OWNER, seedSql } from "./lib/seed.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const USERS = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env: ENV, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

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
  writeFileSync(join(state, "seed.sql"), seedSql({ users: USERS }));
  run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);
  run("npx", ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", state, "--file", join(state, "seed.sql")]);
  const panel = await startWorker({
    cwd: root,
    port: Number(process.env.PORT ?? 8799),
    label: "panel",
    args: [
      "--persist-to",
      state,
      "--var",
      "DEBUG_D1_STATEMENTS:1",
      "--var",
      `JWT_SECRET:${"b".repeat(48)}`,
      "--var",
      "VORTEX_SETUP_TOKEN:bench",
      "--var",
      `CONFIG_SIGNING_KEY:${generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" }).toString("base64url")}`,
    ],
  });
  stop = panel.stop;
  const response = await fetch(`${panel.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
      variables: { input: BENCH_OWNER },
    }),
  });
  const token = (await response.json()).data.login.accessToken;
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
