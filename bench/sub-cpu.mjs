#!/usr/bin/env node
/**
 * `npm run bench:sub-cpu` (never part of `npm test`): workerd's own CPU per `GET /sub/<token>`
 * net of a hello-world Worker's per request in the same run (lib/cpu.mjs), and the requests per
 * second of each as a ratio to hello-world's at the same concurrency. Four real clients' User-Agents,
 * each getting its own format (base64 links, Clash Meta YAML, sing-box JSON): cached (one user's link
 * fetched again and again, as an app refreshing) and uncached (a different user on every request,
 * across more users than the render cache holds). The panel runs as deployed: without the
 * DEBUG_D1_STATEMENTS counting wrappers, which add their own CPU. BENCH_LOOKUP_CACHE_SEC overrides
 * SUBSCRIPTION_LOOKUP_CACHE_SEC (wrangler.toml's value otherwise; 0 reads D1 on every request).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cpuPerRequest, workerdPids } from "./lib/cpu.mjs";
import { startWorker } from "./lib/harness.mjs";
import { benchSubToken, startSeededPanel } from "./lib/seed.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LOOKUP_CACHE_SEC = process.env.BENCH_LOOKUP_CACHE_SEC;

/** What each app sends (from their releases), and the content type its default rule gives it. */
const CLIENTS = [
  { name: "v2rayN", userAgent: "v2rayN/7.10.5", contentType: "text/plain" },
  { name: "ClashMeta (mihomo)", userAgent: "ClashMetaForAndroid/2.11.5.Meta", contentType: "yaml" },
  { name: "sing-box SFA", userAgent: "SFA/1.11.4 (Android 14; sing-box 1.11.4)", contentType: "json" },
  { name: "Happ", userAgent: "Happ/3.5.0", contentType: "text/plain" },
];

const state = mkdtempSync(join(tmpdir(), "vortex-bench-sub-cpu-"));
const stops = [];
try {
  const hello = await startWorker({ cwd: join(root, "bench/hello"), port: 8833, label: "hello-world Worker" });
  stops.push(hello.stop);
  console.log(`seeding ${USERS.toLocaleString("en")} users into a fresh local D1 (${state})`);
  const panel = await startSeededPanel({
    state,
    users: USERS,
    port: 8834,
    debugCounters: false,
    vars: LOOKUP_CACHE_SEC === undefined ? {} : { SUBSCRIPTION_LOOKUP_CACHE_SEC: LOOKUP_CACHE_SEC },
  });
  stops.push(panel.stop);

  const helloPids = workerdPids(hello.pid);
  const panelPids = workerdPids(panel.pid);
  const baseline = await cpuPerRequest({ pids: helloPids, url: hello.url, seconds: SECONDS });
  console.log(
    `hello-world: ${baseline.cpuMsPerRequest.toFixed(3)} ms CPU per request, ${baseline.requestsPerSec.toFixed(0)} req/s`,
  );
  const figures = {
    users: USERS,
    seconds: SECONDS,
    lookupCacheSec: LOOKUP_CACHE_SEC === undefined ? "wrangler.toml" : Number(LOOKUP_CACHE_SEC),
    helloCpuMs: Number(baseline.cpuMsPerRequest.toFixed(3)),
  };
  const report = (name, run) => {
    const net = run.cpuMsPerRequest - baseline.cpuMsPerRequest;
    const ratio = run.requestsPerSec / baseline.requestsPerSec;
    figures[name] = { netCpuMs: Number(net.toFixed(2)), ratioToHelloWorld: Number(ratio.toFixed(2)) };
    console.log(
      `${name}: ${net.toFixed(2)} ms CPU per request net of hello-world, ${run.requestsPerSec.toFixed(0)} req/s = ${ratio.toFixed(2)} x hello-world (${run.requests} requests)`,
    );
  };

  for (const { name, userAgent, contentType } of CLIENTS) {
    const headers = { "user-agent": userAgent };
    // Fails the bench before measuring if this client would not get its config.
    const first = await fetch(`${panel.url}/sub/${benchSubToken(1)}`, { headers });
    const body = await first.text();
    if (first.status !== 200 || !first.headers.get("content-type")?.includes(contentType) || body.length === 0)
      throw new Error(
        `${name}: /sub answered ${first.status} ${first.headers.get("content-type")}: ${body.slice(0, 200)}`,
      );
    report(
      `${name}, cached`,
      await cpuPerRequest({ pids: panelPids, url: `${panel.url}/sub/${benchSubToken(1)}`, headers, seconds: SECONDS }),
    );
    let next = 0;
    const aUserEachTime = {
      method: "GET",
      setupRequest: (request) => ({ ...request, path: `/sub/${benchSubToken((next++ % USERS) + 1)}` }),
    };
    report(
      `${name}, uncached`,
      await cpuPerRequest({ pids: panelPids, url: panel.url, headers, requests: [aUserEachTime], seconds: SECONDS }),
    );
  }
  console.log(JSON.stringify(figures));
} finally {
  for (const stop of stops) stop();
  rmSync(state, { recursive: true, force: true });
}
