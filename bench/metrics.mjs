#!/usr/bin/env node
/**
 * `npm run bench:metrics`: GET /metrics on a panel seeded with 100,000 users (every one of them
 * with traffic this hour, so vortex_users_online counts them all), 20 nodes with lifetime traffic
 * per node and inbound, and a delivery log, under wrangler dev (local D1). Reported: the D1
 * statements one scrape runs (x-d1-statements; the workerd test proves the count does not move
 * with users or nodes) and the median latency of sequential scrapes against a hello-world Worker's
 * in the same run. Never part of `npm test`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ENV, startWorker } from "./lib/harness.mjs";
import { metricsSeedSql, startSeededPanel } from "./lib/seed.mjs";
import { graphqlPost, signInOwner } from "./lib/graphql.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const USERS = Number(process.env.BENCH_METRICS_USERS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_METRICS_ROUNDS ?? 50);
const NODES = 20;

async function timedFetch(url, init) {
  const started = performance.now();
  const response = await fetch(url, init);
  const body = await response.text();
  return { ms: performance.now() - started, response, body };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n, digits = 1) => n.toLocaleString("en", { maximumFractionDigits: digits });

const state = mkdtempSync(join(tmpdir(), "vortex-bench-metrics-"));
const stops = [];
try {
  const hello = await startWorker({
    cwd: join(root, "bench/hello"),
    port: Number(process.env.BENCH_HELLO_PORT ?? 8791),
    label: "hello-world Worker",
  });
  stops.push(hello.stop);
  console.log(`seeding ${fmt(USERS)} users into a fresh local D1 (${state})`);
  const panel = await startSeededPanel({ state, users: USERS, port: Number(process.env.BENCH_PANEL_PORT ?? 8792) });
  stops.push(panel.stop);
  const extra = spawnSync(
    "npx",
    [
      "wrangler",
      "d1",
      "execute",
      "DB",
      "--local",
      "--persist-to",
      state,
      "--command",
      metricsSeedSql({ nodes: NODES }),
    ],
    { cwd: root, env: ENV, encoding: "utf8" },
  );
  if (extra.status !== 0) throw new Error(`seeding nodes and traffic failed:\n${extra.stdout}\n${extra.stderr}`);

  const { rotateMetricsToken } = await graphqlPost(
    panel.url,
    { query: "mutation { rotateMetricsToken { token } }" },
    await signInOwner(panel.url),
  );
  const scrape = () =>
    timedFetch(`${panel.url}/metrics`, { headers: { authorization: `Bearer ${rotateMetricsToken.token}` } });

  const first = await scrape();
  if (first.response.status !== 200) throw new Error(`/metrics answered ${first.response.status}: ${first.body}`);
  const online = /^vortex_users_online (\d+)$/m.exec(first.body)?.[1];
  if (Number(online) !== USERS) throw new Error(`expected ${USERS} users online, the scrape says ${online}`);

  // Alternate the two so both see the same moments of a busy machine.
  const helloMs = [];
  const metricsMs = [];
  const statements = new Set();
  for (let i = 0; i < ROUNDS; i++) {
    helloMs.push((await timedFetch(hello.url)).ms);
    const { ms, response } = await scrape();
    metricsMs.push(ms);
    statements.add(response.headers.get("x-d1-statements"));
  }

  console.log(
    `\n/metrics on a ${fmt(USERS)}-user panel with ${NODES} nodes (${fmt(first.body.length / 1024)} KiB, ${first.body.split("\n").filter((l) => l && !l.startsWith("#")).length} samples)`,
  );
  console.log(`D1 statements per scrape: ${[...statements].join(", ")} (the token's row, then one batch)`);
  console.log(
    `median of ${ROUNDS} sequential requests: hello-world ${fmt(median(helloMs))} ms, /metrics ${fmt(median(metricsMs))} ms`,
  );
  console.log(`ratio: ${fmt(median(metricsMs) / median(helloMs))} x hello-world`);
} finally {
  for (const stop of stops) stop();
  rmSync(state, { recursive: true, force: true });
}
