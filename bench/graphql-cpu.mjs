#!/usr/bin/env node
/**
 * `npm run bench:graphql-cpu` (never part of `npm test`): workerd's own CPU per GraphQL request on
 * a panel seeded with 100,000 users, net of a hello-world Worker's per request in the same run
 * (lib/cpu.mjs). The SPA's users page (50 users, owner and groups) as the SPA sends it (a
 * persisted id) and as a script sends it (the text), with and without totalCount, beside the
 * smallest query, a signed-in one and the same with one more D1 statement, so the page's cost
 * splits into the pipeline every request pays, the session check, each statement, and the page's
 * own fields; beside them hello-world with one bare D1 statement (bench/hello-d1), what a round
 * trip to local D1 costs whoever sends it; last, the page's req/s over hello-world's at 32
 * connections, as `npm run bench` measures it. The panel runs without the debug statement counters,
 * as in production.
 *
 * BENCH_BASE_COMMIT=<commit> also starts that commit's panel (exported with `git archive` into a
 * temporary directory) and measures each request on both, alternating, so the machine's drifting
 * load hits both alike: a before/after in one run; BENCH_BASE_DIR=<checkout> does the same with a tree
 * already on disk. docs/graphql-cpu.md has the figures.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cpuPerRequest, workerdPids } from "./lib/cpu.mjs";
import { measure, startWorker } from "./lib/harness.mjs";
import { startSeededPanel } from "./lib/seed.mjs";
import persisted from "../workers/graphql/persisted-operations.json" with { type: "json" };
import { graphqlPost, signInOwner } from "./lib/graphql.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 8831);
const BASE_COMMIT = process.env.BENCH_BASE_COMMIT;
const BASE_DIR = process.env.BENCH_BASE_DIR;

const [pageId, pageText] = Object.entries(persisted).find(([, text]) => text.includes("query UsersPage("));
const pageWithoutTotal = pageText.replace(" totalCount", "");
const variables = { page: { first: 50 } };

const requests = {
  "{ __typename }, anonymous": { query: "{ __typename }" },
  "{ me { id } }, signed in": { query: "{ me { id } }" },
  // `me` reads its admin with a statement of its own each time: the difference is one D1 round trip.
  "{ me { id } again: me { id } }": { query: "{ me { id } again: me { id } }" },
  "users page, persisted id": { extensions: { persistedQuery: { version: 1, sha256Hash: pageId } }, variables },
  "users page, text": { query: pageText, variables },
  "users page, text, no totalCount": { query: pageWithoutTotal, variables },
};

/** A commit's tree in a temporary directory, sharing this checkout's node_modules and built SPA. */
function exportCommit(commit, dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${commit} | tar -x -C ${dir}`], { cwd: root });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  if (existsSync(join(root, "web/dist"))) symlinkSync(join(root, "web/dist"), join(dir, "web/dist"));
}

const scratch = mkdtempSync(join(tmpdir(), "vortex-bench-graphql-cpu-"));
const stops = [];
try {
  const hello = await startWorker({ cwd: join(root, "bench/hello"), port: PORT, label: "hello-world Worker" });
  stops.push(hello.stop);
  const helloD1 = await startWorker({
    cwd: join(root, "bench/hello-d1"),
    port: PORT + 10,
    label: "hello-world Worker with D1",
    args: ["--persist-to", join(scratch, "hello-d1")],
  });
  stops.push(helloD1.stop);
  const sides = [{ name: "this tree", cwd: root }];
  if (BASE_COMMIT) {
    exportCommit(BASE_COMMIT, join(scratch, "base"));
    sides.unshift({ name: BASE_COMMIT, cwd: join(scratch, "base") });
  } else if (BASE_DIR) sides.unshift({ name: "base", cwd: BASE_DIR });
  for (const [i, side] of sides.entries()) {
    const state = join(scratch, `state-${i}`);
    mkdirSync(state);
    console.log(`${side.name}: seeding ${USERS.toLocaleString("en")} users into a fresh local D1 (${state})`);
    const panel = await startSeededPanel({
      state,
      users: USERS,
      port: PORT + 1 + i,
      cwd: side.cwd,
      debugCounters: false,
    });
    stops.push(panel.stop);
    Object.assign(side, { url: panel.url, pids: workerdPids(panel.pid), token: await signInOwner(panel.url) });
  }

  const baseline = await cpuPerRequest({ pids: workerdPids(hello.pid), url: hello.url, seconds: SECONDS });
  console.log(`hello-world: ${baseline.cpuMsPerRequest.toFixed(3)} ms CPU per request (${baseline.requests})`);
  const figures = { users: USERS, helloCpuMs: Number(baseline.cpuMsPerRequest.toFixed(3)) };
  const withD1 = await cpuPerRequest({ pids: workerdPids(helloD1.pid), url: helloD1.url, seconds: SECONDS });
  figures["one bare D1 statement"] = Number((withD1.cpuMsPerRequest - baseline.cpuMsPerRequest).toFixed(2));
  console.log(`hello-world + one bare D1 statement: ${figures["one bare D1 statement"]} ms net of hello-world`);
  for (const [name, body] of Object.entries(requests)) {
    for (const side of sides) {
      const data = await graphqlPost(side.url, body, side.token); // Fails the bench on any GraphQL error before measuring.
      if (name.startsWith("users page") && data.users.edges.length !== 50) throw new Error(`${name}: not 50 users`);
      const run = await cpuPerRequest({
        pids: side.pids,
        url: `${side.url}/graphql`,
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${side.token}` },
        body: JSON.stringify(body),
        seconds: SECONDS,
      });
      const net = run.cpuMsPerRequest - baseline.cpuMsPerRequest;
      const key = sides.length > 1 ? `${name} [${side.name}]` : name;
      figures[key] = Number(net.toFixed(2));
      console.log(`${key}: ${net.toFixed(2)} ms CPU per request net of hello-world (${run.requests} requests)`);
    }
  }
  // Throughput as `npm run bench` measures it (32 connections): the page's req/s over hello-world's.
  const hello32 = await measure({ url: hello.url, seconds: SECONDS });
  for (const side of sides) {
    const page = await measure({
      url: `${side.url}/graphql`,
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${side.token}` },
      body: JSON.stringify(requests["users page, persisted id"]),
      seconds: SECONDS,
    });
    const key = `users page req/s ratio to hello-world${sides.length > 1 ? ` [${side.name}]` : ""}`;
    figures[key] = Number((page.requestsPerSec / hello32.requestsPerSec).toFixed(2));
    console.log(
      `${key}: ${figures[key]} (${page.requestsPerSec.toFixed(0)} vs ${hello32.requestsPerSec.toFixed(0)} req/s, p50 ${page.latencyP50Ms} ms)`,
    );
  }
  console.log(JSON.stringify(figures));
} finally {
  for (const stop of stops) stop();
  rmSync(scratch, { recursive: true, force: true });
}
