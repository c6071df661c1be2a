#!/usr/bin/env node
/**
 * `npm run bench`: each figure as a ratio against a hello-world Worker measured in the same run,
 * same runtime (local workerd via wrangler dev) and same load generator. Never part of `npm test`.
 *
 * The users list (50 of 100,000 users, with total, owner and groups) and usage ingest (one push
 * of 10,000 users' deltas, as a node agent sends it), and the admin app (bench/spa.mjs).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measure, startWorker } from "./lib/harness.mjs";
import { benchIngest } from "./ingest.mjs";
import { benchSubscription } from "./subscription.mjs";
import { benchSpa, formatSpaFigures } from "./spa.mjs";
import { BENCH_OWNER, benchSubToken, startSeededPanel } from "./lib/seed.mjs";
import { signInOwner } from "./lib/graphql.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const USERS_PAGE = `query ($page: Pagination) { users(page: $page) { totalCount pageInfo { endCursor hasNextPage } edges { node { id username status dataLimit usedTraffic owner { username } groups { name } subscriptionUrl } } } }`;

const USERS_PAGE_BY_USAGE = USERS_PAGE.replace(
  "query ($page: Pagination)",
  "query ($page: Pagination, $order: UserOrder)",
).replace("users(page: $page)", "users(page: $page, order: $order)");

const USERS_SEARCH = USERS_PAGE.replace(
  "query ($page: Pagination)",
  "query ($page: Pagination, $filter: UserFilter)",
).replace("users(page: $page)", "users(page: $page, filter: $filter)");
const SEARCH_TERM = "user4242";

async function graphql(url, query, variables, token) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, statements: Number(response.headers.get("x-d1-statements")) };
}

const state = mkdtempSync(join(tmpdir(), "vortex-bench-"));
const stops = [];
try {
  const hello = await startWorker({ cwd: join(root, "bench/hello"), port: 8797, label: "hello-world Worker" });
  stops.push(hello.stop);
  console.log(`seeding ${USERS.toLocaleString("en")} users into a fresh local D1 (${state})`);
  // Throughput as deployed: the statement counters (DEBUG_D1_STATEMENTS) wrap the env and every
  // statement, CPU production does not spend. The counted figures come after, from a restart.
  let panel = await startSeededPanel({ state, users: USERS, port: 8798, debugCounters: false });
  stops.push(() => panel.stop());

  const token = await signInOwner(panel.url);
  const visible = await graphql(panel.url, USERS_PAGE, { page: { first: 50 } }, token);
  if (visible.data.users.totalCount !== USERS || visible.data.users.edges.length !== 50)
    throw new Error("the seeded users are not all visible");

  console.log(`measuring ${SECONDS} s each, ${CONNECTIONS} connections, after a 3 s warm-up`);
  const baseline = await measure({ url: hello.url, seconds: SECONDS, connections: CONNECTIONS });
  const usersPage = (query, variables = {}) =>
    measure({
      url: `${panel.url}/graphql`,
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { page: { first: 50 }, ...variables } }),
      seconds: SECONDS,
      connections: CONNECTIONS,
    });
  const usersList = await usersPage(USERS_PAGE);
  // The same page without totalCount: what counting 100,000 rows on every request costs.
  const usersListUncounted = await usersPage(USERS_PAGE.replace("totalCount ", ""));
  // Most traffic first, the order an admin hunting heavy users picks: a walk of users_usage_idx.
  const usersListByUsage = await usersPage(USERS_PAGE_BY_USAGE.replace("totalCount ", ""), {
    order: { by: "USED_TRAFFIC", descending: true },
  });
  // A search as the SPA sends it (with totalCount): "user4242" is in 11 of the seeded names.
  const usersSearch = await usersPage(USERS_SEARCH, { filter: { search: SEARCH_TERM } });

  // One hello-world request alone, for the ingest ratio: the same loopback round trip, no work.
  const helloOnce = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await (await fetch(hello.url)).text();
    helloOnce.push(performance.now() - started);
  }
  helloOnce.sort((a, b) => a - b);
  const helloMedianMs = helloOnce[10];
  const subscription = await benchSubscription({
    url: panel.url,
    users: USERS,
    seconds: SECONDS,
    connections: CONNECTIONS,
    helloRequestsPerSec: baseline.requestsPerSec,
  });

  await panel.stop();
  panel = await startSeededPanel({ state, users: USERS, port: 8798, seed: false });
  const statementsPerPage = {};
  for (const first of [10, 50, 100])
    statementsPerPage[first] = (await graphql(panel.url, USERS_PAGE, { page: { first } }, token)).statements;
  const subStatements = Number(
    (await fetch(`${panel.url}/sub/${benchSubToken(2)}`, { headers: { "user-agent": "v2rayN/7.10.5" } })).headers.get(
      "x-d1-statements",
    ),
  );
  const ingest = await benchIngest({ url: panel.url, token, users: Math.min(10_000, USERS) });
  // The admin app against the same 100,000-user panel (needs `npm run build:web` first).
  const spa = await benchSpa({ url: panel.url, owner: BENCH_OWNER });

  const results = {
    date: new Date().toISOString(),
    machine: { cores: (await import("node:os")).cpus().length, node: process.version },
    users: USERS,
    helloWorld: baseline,
    usersList50: { ...usersList, ratioToHelloWorld: usersList.requestsPerSec / baseline.requestsPerSec },
    usersList50WithoutTotal: {
      ...usersListUncounted,
      ratioToHelloWorld: usersListUncounted.requestsPerSec / baseline.requestsPerSec,
    },
    usersList50ByUsageWithoutTotal: {
      ...usersListByUsage,
      ratioToHelloWorld: usersListByUsage.requestsPerSec / baseline.requestsPerSec,
    },
    usersSearch50: {
      ...usersSearch,
      term: SEARCH_TERM,
      ratioToHelloWorld: usersSearch.requestsPerSec / baseline.requestsPerSec,
    },
    d1StatementsPerRequest: statementsPerPage,
    subscription: { ...subscription, d1StatementsPerRequest: subStatements },
    ingest: { ...ingest, helloWorldRoundTripMs: helloMedianMs, ratioToHelloWorld: ingest.medianMs / helloMedianMs },
    spa,
  };
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/latest.json"), `${JSON.stringify(results, null, 2)}\n`);

  const fmt = (n) => n.toLocaleString("en", { maximumFractionDigits: 1 });
  console.log("\nresult                                   req/s    p50 ms   p99 ms   ratio");
  console.log(
    `hello-world Worker (baseline)       ${fmt(baseline.requestsPerSec).padStart(9)} ${fmt(baseline.latencyP50Ms).padStart(9)} ${fmt(baseline.latencyP99Ms).padStart(8)}   1.00`,
  );
  console.log(
    `users list, 50 of ${fmt(USERS).padEnd(8)}          ${fmt(usersList.requestsPerSec).padStart(9)} ${fmt(usersList.latencyP50Ms).padStart(9)} ${fmt(usersList.latencyP99Ms).padStart(8)}   ${results.usersList50.ratioToHelloWorld.toFixed(2)}`,
  );
  console.log(
    `  same, without totalCount           ${fmt(usersListUncounted.requestsPerSec).padStart(9)} ${fmt(usersListUncounted.latencyP50Ms).padStart(9)} ${fmt(usersListUncounted.latencyP99Ms).padStart(8)}   ${results.usersList50WithoutTotal.ratioToHelloWorld.toFixed(2)}`,
  );
  console.log(
    `  same, most traffic first            ${fmt(usersListByUsage.requestsPerSec).padStart(9)} ${fmt(usersListByUsage.latencyP50Ms).padStart(9)} ${fmt(usersListByUsage.latencyP99Ms).padStart(8)}   ${results.usersList50ByUsageWithoutTotal.ratioToHelloWorld.toFixed(2)}`,
  );
  console.log(
    `users search "${SEARCH_TERM}", with total   ${fmt(usersSearch.requestsPerSec).padStart(9)} ${fmt(usersSearch.latencyP50Ms).padStart(9)} ${fmt(usersSearch.latencyP99Ms).padStart(8)}   ${results.usersSearch50.ratioToHelloWorld.toFixed(2)}`,
  );
  console.log(
    `/sub/<token>, cached                ${fmt(subscription.cached.requestsPerSec).padStart(9)} ${fmt(subscription.cached.latencyP50Ms).padStart(9)} ${fmt(subscription.cached.latencyP99Ms).padStart(8)}   ${subscription.cached.ratioToHelloWorld.toFixed(2)}`,
  );
  console.log(
    `/sub/<token>, uncached (new user each) ${fmt(subscription.uncached.requestsPerSec).padStart(6)} ${fmt(subscription.uncached.latencyP50Ms).padStart(9)} ${fmt(subscription.uncached.latencyP99Ms).padStart(8)}   ${subscription.uncached.ratioToHelloWorld.toFixed(2)}`,
  );
  console.log(`D1 statements per /sub request (a link's first fetch): ${subStatements}`);
  console.log(
    `D1 statements per users-list request by page size: ${Object.entries(statementsPerPage)
      .map(([k, v]) => `${k} → ${v}`)
      .join(", ")}`,
  );
  console.log(
    `usage push of ${fmt(ingest.users)} users: median ${fmt(ingest.medianMs)} ms, max ${fmt(ingest.maxMs)} ms over ${ingest.rounds} pushes ` +
      `(${fmt(results.ingest.ratioToHelloWorld)} x a hello-world round trip of ${fmt(helloMedianMs)} ms); D1 statements: ` +
      `${ingest.firstPushStatements} for the first push (its users new to their shards, rolled up at once), ${ingest.statementsPerPush} per push after it`,
  );
  console.log(formatSpaFigures(spa));
  const counts = new Set(Object.values(statementsPerPage));
  if (counts.size !== 1) {
    console.error("FAIL: the statement count grows with page size");
    process.exitCode = 1;
  }
} finally {
  for (const stop of stops) stop();
  rmSync(state, { recursive: true, force: true });
}

// Node-side figures need the real core (Debian's v2ray) and root (ss -K, clear_refs).
const hasCore = spawnSync("v2ray", ["-version"], { encoding: "utf8" }).status === 0 && process.getuid?.() === 0;
if (!hasCore) {
  console.log("\nskipping the agent and breach → cut benchmarks: they need Debian's v2ray and root");
} else {
  const { benchCut } = await import("./cut.mjs");
  const { benchAgent, formatAgentFigures } = await import("./agent.mjs");
  const cut = await benchCut();
  console.log(
    `\nquota breach → live connection cut (real panel, agent, v2ray; ${cut.rounds} rounds): p50 ${cut.p50Ms.toFixed(0)} ms, ` +
      `p95 ${cut.p95Ms.toFixed(0)} ms = ${cut.p95InPushIntervals.toFixed(2)} x the agent's ${cut.pushIntervalMs} ms push interval`,
  );
  const agent = await benchAgent({ log: () => undefined });
  console.log(`\n${formatAgentFigures(agent)}`);
  const path = join(root, "bench/results/latest.json");
  const latest = JSON.parse(readFileSync(path, "utf8"));
  writeFileSync(path, `${JSON.stringify({ ...latest, breachToCut: cut, agent }, null, 2)}\n`);
}
