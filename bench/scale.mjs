#!/usr/bin/env node
/**
 * `npm run bench:scale`: the scale simulator (issue 17). Never part of `npm test`.
 *
 * Starts the panel under wrangler dev on a fresh local D1 seeded with SCALE_USERS users, enrolls
 * SCALE_NODES simulated nodes through real one-time tokens, and drives it in steps of load: each
 * active node long-polls its config and pushes usage every SCALE_PUSH_SEC seconds through the
 * node agent's own signed EdgeClient (bench/lib/scale-agent.mjs), and subscription fetchers with
 * real client User-Agents fetch random users' links. A last step pushes back to back (no pause)
 * to find what saturates first. Loopback only; every step is bounded in time and the run stops
 * by itself.
 *
 * Per step: pushes/s and fetches/s sustained, p50/p99 latency, D1 statements, rows written and
 * SQL milliseconds per push (D1's own result meta, via DEBUG_D1_STATEMENTS), Durable Object calls
 * and queue sends per push, workerd's CPU per request (/proc utime+stime of every workerd process
 * over the step, divided by the requests it answered) and the busiest resource.
 *
 * Environment: SCALE_USERS (10000), SCALE_NODES (20), SCALE_STEPS (agents per step, e.g.
 * "5,10,20"), SCALE_STEP_SEC (30), SCALE_PUSH_SEC (5), SCALE_ACTIVE_SHARE (0.3: users of a node
 * with traffic in a push), SCALE_FETCHERS_PER_NODE (1), SCALE_FETCH_PAUSE_MS (1000),
 * SCALE_INBOUNDS (0: nodes serve no inbound, so configs stay small; 1: every node serves the
 * shadowsocks inbound every seeded user reaches, so each config carries every user),
 * SCALE_BURST (1), SCALE_PORT (8796).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { costsOf, SimAgent } from "./lib/scale-agent.mjs";
import { cpuMsOfAll, hostBusy, hostCpu, selfCpuMs, threadLoad, threadTimes, workerdPids } from "./lib/scale-proc.mjs";
import { benchSubToken, startSeededPanel } from "./lib/seed.mjs";
import { graphql, signInOwner } from "./lib/graphql.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = process.env;
const USERS = Number(env.SCALE_USERS ?? 10_000);
const NODES = Number(env.SCALE_NODES ?? 20);
const STEPS = (env.SCALE_STEPS ?? `${Math.max(1, Math.round(NODES / 4))},${Math.round(NODES / 2)},${NODES}`)
  .split(",")
  .map(Number)
  .filter((n) => n > 0 && n <= NODES);
const STEP_SEC = Number(env.SCALE_STEP_SEC ?? 30);
const PUSH_SEC = Number(env.SCALE_PUSH_SEC ?? 5);
const ACTIVE_SHARE = Number(env.SCALE_ACTIVE_SHARE ?? 0.3);
const FETCHERS_PER_NODE = Number(env.SCALE_FETCHERS_PER_NODE ?? 1);
const FETCH_PAUSE_MS = Number(env.SCALE_FETCH_PAUSE_MS ?? 1000);
const INBOUNDS = env.SCALE_INBOUNDS === "1";
const BURST = env.SCALE_BURST !== "0";
const PORT = Number(env.SCALE_PORT ?? 8796);
/** One user in this many gets a small limit, so pushes cross it and the nodes cut them. */
const CUT_EVERY = 500;
const CUT_LIMIT_BYTES = 64 * 1024 * 1024;
/** The first seconds of a step are left out of its figures: agents and fetchers start staggered. */
const RAMP_SEC = Math.min(5, STEP_SEC / 4);

/** Real clients' User-Agents (subscription-conventions.md 4.3): each picks a different format. */
const USER_AGENTS = [
  "v2rayNG/1.9.16",
  "v2rayN/7.10.5",
  "ClashMeta/1.18.0",
  "mihomo/1.18.10",
  "clash-verge/v2.0.3",
  "SFA/1.10.1 (Android)",
  "Streisand/1.6.19",
  "Happ/1.63.1",
  "Shadowrocket/2070 CFNetwork/1496.0.7 Darwin/23.5.0",
  "Hiddify/2.5.7",
];

const sleep = (ms, signal) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms));
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function pool(items, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

/** The isolate's running totals (workers/http/debug-counters.ts), from a cheap counted request. */
async function isolateTotals(url) {
  const response = await fetch(`${url}/sub/${benchSubToken(1)}`, { headers: { "user-agent": USER_AGENTS[0] } });
  await response.arrayBuffer();
  return JSON.parse(response.headers.get("x-isolate-totals") ?? "{}");
}

/** Where the clocks and counters stand at one edge of a step's measured window. */
async function snapshot(url, workerd) {
  return {
    at: performance.now(),
    workerdMs: cpuMsOfAll(workerd),
    threads: threadTimes(workerd),
    host: hostCpu(),
    selfMs: selfCpuMs(),
    totals: await isolateTotals(url),
  };
}

/** Fetches random users' subscriptions with one client's User-Agent until `signal` aborts. */
async function fetcher({ url, userAgent, signal, record }) {
  await sleep(Math.random() * FETCH_PAUSE_MS, signal);
  while (!signal.aborted) {
    const id = 1 + Math.floor(Math.random() * USERS);
    const started = performance.now();
    try {
      const response = await fetch(`${url}/sub/${benchSubToken(id)}`, { headers: { "user-agent": userAgent }, signal });
      await response.arrayBuffer();
      if (response.status !== 200) record({ kind: "error", what: `/sub ${response.status}` });
      else record({ kind: "fetch", ms: performance.now() - started, ...costsOf(response.headers) });
    } catch (error) {
      if (!signal.aborted) record({ kind: "error", what: `/sub: ${error.message}` });
    }
    await sleep(FETCH_PAUSE_MS, signal);
  }
}

/**
 * Pushes every `pauseSec` (0: back to back) until `signal` aborts; a late push goes at once, as
 * the agent's loop does.
 */
async function pusher({ agent, pauseSec, signal, record }) {
  let next = Date.now() + Math.random() * pauseSec * 1000;
  while (!signal.aborted) {
    await sleep(next - Date.now(), signal);
    if (signal.aborted) return;
    next += pauseSec * 1000;
    try {
      await agent.push({ activeShare: ACTIVE_SHARE, record });
    } catch (error) {
      if (!signal.aborted) record({ kind: "error", what: `push: ${error.message}` });
    }
    if (next < Date.now()) next = Date.now();
  }
}

/** One step of load: `agents` pushing, `fetchers` fetching, for STEP_SEC seconds. */
async function runStep({ name, url, agents, fetchers, pauseSec, workerd, polling }) {
  const controller = new AbortController();
  const signal = controller.signal;
  const events = [];
  let measuring = false;
  const record = (event) => {
    if (measuring) events.push(event);
  };
  // Long-polls run from a node's first step to the end of the run, as a node's agent does.
  for (const agent of agents)
    if (!polling.loops.has(agent))
      polling.loops.set(agent, agent.pollLoop({ signal: polling.signal, record: (e) => polling.events.push(e) }));
  const tasks = [
    ...agents.map((agent) => pusher({ agent, pauseSec, signal, record })),
    ...Array.from({ length: fetchers }, (_, i) =>
      fetcher({ url, userAgent: USER_AGENTS[i % USER_AGENTS.length], signal, record }),
    ),
  ];
  await sleep(RAMP_SEC * 1000);
  const before = await snapshot(url, workerd);
  polling.events = [];
  measuring = true;
  await sleep((STEP_SEC - RAMP_SEC) * 1000);
  measuring = false;
  const after = await snapshot(url, workerd);
  const polls = polling.events;
  controller.abort();
  await Promise.all(tasks);
  return summarise({ name, agents: agents.length, fetchers, pauseSec, events, polls, before, after });
}

function summarise({ name, agents, fetchers, pauseSec, events, polls, before, after }) {
  const seconds = (after.at - before.at) / 1000;
  const of = (kind) => events.filter((e) => e.kind === kind);
  const pushes = of("push");
  const fetches = of("fetch");
  const configs = polls.filter((e) => e.kind === "config" || e.kind === "poll");
  const errors = [...events, ...polls].filter((e) => e.kind === "error");
  const mean = (list, key) => (list.length ? list.reduce((s, e) => s + e[key], 0) / list.length : 0);
  const delta = (key) => (after.totals[key] ?? 0) - (before.totals[key] ?? 0);
  // Everything workerd answered in the window: pushes, fetches, config answers, the two probes.
  const requests = pushes.length + fetches.length + configs.length + 1;
  const workerdCpuMs = after.workerdMs - before.workerdMs;
  const wallMs = after.at - before.at;
  const targetPushesPerSec = pauseSec > 0 ? agents / pauseSec : null;
  const threads = threadLoad(before.threads, after.threads, wallMs);
  const load = {
    // Locally D1, Durable Objects and the Worker all run inside workerd; an isolate runs on one thread.
    "workerd CPU (one core)": workerdCpuMs / wallMs,
    "workerd's busiest thread (one core)": threads.busiestThread,
    "workerd waiting for a CPU (run queue / wall)": threads.runQueueWait,
    "machine CPU (all cores)": hostBusy(before.host, after.host),
    "D1 writer (SQL time / wall time)": delta("sqlMs") / wallMs,
    "simulator CPU (one core)": (after.selfMs - before.selfMs) / wallMs,
  };
  // The resources the panel owns (and the simulator, which must not be the limit); the machine's
  // CPUs are shared with other processes, so a full machine is reported beside them, not among them.
  const busiest = [
    "workerd's busiest thread (one core)",
    "D1 writer (SQL time / wall time)",
    "simulator CPU (one core)",
  ]
    .map((key) => [key, load[key]])
    .sort((a, b) => b[1] - a[1])[0];
  return {
    name,
    agents,
    fetchers,
    pushIntervalSec: pauseSec,
    seconds,
    pushes: {
      count: pushes.length,
      perSec: pushes.length / seconds,
      targetPerSec: targetPushesPerSec,
      deltasPerPush: mean(pushes, "deltas"),
      p50Ms: percentile(
        pushes.map((e) => e.ms),
        50,
      ),
      p99Ms: percentile(
        pushes.map((e) => e.ms),
        99,
      ),
      statements: mean(pushes, "statements"),
      rowsWritten: mean(pushes, "rowsWritten"),
      rowsRead: mean(pushes, "rowsRead"),
      sqlMs: mean(pushes, "sqlMs"),
      durableObjectCalls: mean(pushes, "durableObjectCalls"),
      queueSends: mean(pushes, "queueSends"),
    },
    fetches: {
      count: fetches.length,
      perSec: fetches.length / seconds,
      p50Ms: percentile(
        fetches.map((e) => e.ms),
        50,
      ),
      p99Ms: percentile(
        fetches.map((e) => e.ms),
        99,
      ),
      statements: mean(fetches, "statements"),
      rowsRead: mean(fetches, "rowsRead"),
      durableObjectCalls: mean(fetches, "durableObjectCalls"),
    },
    configAnswers: {
      count: configs.length,
      fullConfigs: polls.filter((e) => e.kind === "config").length,
    },
    cutUsers: null,
    // Whole-isolate figures over the window: Durable Objects' own D1 writes and waitUntil work included.
    isolate: {
      statements: delta("statements"),
      rowsWritten: delta("rowsWritten"),
      sqlMs: delta("sqlMs"),
      durableObjectCalls: delta("durableObjectCalls"),
      queueSends: delta("queueSends"),
      rowsWrittenPerPush: pushes.length ? delta("rowsWritten") / pushes.length : null,
      statementsPerPush: pushes.length ? delta("statements") / pushes.length : null,
      databaseBytes: after.totals.sizeBytes,
      databaseGrowthBytesPerPush: pushes.length
        ? ((after.totals.sizeBytes ?? 0) - (before.totals.sizeBytes ?? 0)) / pushes.length
        : null,
      // The isolate's workerd CPU per push when pushes are nearly all it answers (the burst step).
      workerdCpuMsPerPush: pushes.length ? workerdCpuMs / pushes.length : null,
    },
    workerd: {
      cpuMs: workerdCpuMs,
      requests,
      cpuMsPerRequest: workerdCpuMs / requests,
      utilisation: workerdCpuMs / wallMs,
    },
    load,
    busiest: { resource: busiest[0], utilisation: busiest[1] },
    keptUp: targetPushesPerSec === null ? null : pushes.length / seconds >= 0.95 * targetPushesPerSec,
    errors: { count: errors.length, first: errors.slice(0, 3).map((e) => e.what) },
  };
}

const fmt = (n, digits = 1) =>
  n === null || n === undefined ? "-" : n.toLocaleString("en", { maximumFractionDigits: digits });

function printStep(s) {
  const p = s.pushes;
  const f = s.fetches;
  console.log(
    [
      `\n== ${s.name}: ${s.agents} nodes${s.pushIntervalSec ? ` pushing every ${s.pushIntervalSec} s` : " pushing back to back"}, ${s.fetchers} fetchers, ${fmt(s.seconds)} s measured`,
      `pushes: ${fmt(p.perSec, 2)}/s${p.targetPerSec ? ` (target ${fmt(p.targetPerSec, 2)}/s: ${s.keptUp ? "kept up" : "FELL BEHIND"})` : ""}, ${fmt(p.deltasPerPush, 0)} deltas each, p50 ${fmt(p.p50Ms)} ms, p99 ${fmt(p.p99Ms)} ms`,
      `  per push: ${fmt(p.statements)} D1 statements, ${fmt(p.rowsWritten)} rows written, ${fmt(p.rowsRead)} rows read, ${fmt(p.sqlMs, 2)} ms SQL, ${fmt(p.durableObjectCalls, 2)} Durable Object calls, ${fmt(p.queueSends, 2)} queue sends`,
      `  whole isolate per push: ${fmt(s.isolate.statementsPerPush)} statements, ${fmt(s.isolate.rowsWrittenPerPush)} rows written (Durable Objects' and waitUntil writes included), ${fmt(s.isolate.databaseGrowthBytesPerPush, 0)} bytes of database growth, ${fmt(s.isolate.workerdCpuMsPerPush)} ms workerd CPU per push`,
      `fetches: ${fmt(f.perSec, 1)}/s, p50 ${fmt(f.p50Ms)} ms, p99 ${fmt(f.p99Ms)} ms, ${fmt(f.statements)} statements and ${fmt(f.durableObjectCalls, 2)} Durable Object calls each`,
      `config answers: ${s.configAnswers.count} (${s.configAnswers.fullConfigs} full configs)`,
      `workerd: ${fmt(s.workerd.cpuMsPerRequest, 2)} ms CPU per request over ${s.workerd.requests} requests; load: ${Object.entries(
        s.load,
      )
        .map(([k, v]) => `${k} ${fmt(v * 100, 0)} %`)
        .join(", ")}`,
      `busiest: ${s.busiest.resource} at ${fmt(s.busiest.utilisation * 100, 0)} %${s.load["machine CPU (all cores)"] > 0.9 ? " (the machine's CPUs are full: figures are lower bounds)" : ""}; database ${fmt(s.isolate.databaseBytes / 1024 / 1024)} MB`,
      s.errors.count ? `ERRORS: ${s.errors.count}: ${s.errors.first.join(" | ")}` : "errors: none",
    ].join("\n"),
  );
}

function historyGrowth(start, end, agents) {
  const chargedUsers = agents.reduce((sum, agent) => sum + agent.charged.size, 0);
  const growthBytes = (end.sizeBytes ?? 0) - (start.sizeBytes ?? 0);
  return { growthBytes, chargedUsers, bytesPerChargedUserDay: chargedUsers ? growthBytes / chargedUsers : null };
}

const state = mkdtempSync(join(tmpdir(), "vortex-scale-"));
let panel;
/** The nodes' long-polls: they outlive steps, so their answers are collected per step here. */
const pollController = new AbortController();
const polling = { loops: new Map(), events: [], signal: pollController.signal };
try {
  console.log(`seeding ${USERS.toLocaleString("en")} users into a fresh local D1 (${state})`);
  panel = await startSeededPanel({ state, users: USERS, port: PORT });
  const { url } = panel;
  const workerd = workerdPids(panel.pid);
  if (!workerd.length) throw new Error("no workerd process found under wrangler");
  const token = await signInOwner(url);

  const cutUsers = [];
  for (let id = CUT_EVERY; id <= USERS; id += CUT_EVERY) cutUsers.push(id);
  await pool(cutUsers, 4, (id) =>
    graphql(
      url,
      `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`,
      { id: String(id), input: { dataLimit: String(CUT_LIMIT_BYTES) } },
      token,
    ),
  );

  console.log(`enrolling ${NODES} nodes${INBOUNDS ? " (each serving every user)" : ""}`);
  const agents = Array.from(
    { length: NODES },
    (_, i) =>
      new SimAgent({
        url,
        token,
        name: `scale-node-${i + 1}`,
        // Node i carries users i+1, i+1+NODES, ...: every user's traffic reaches one node.
        userIds: Array.from({ length: Math.ceil((USERS - i) / NODES) }, (_, k) => i + 1 + k * NODES),
        inboundIds: INBOUNDS ? ["2"] : [],
      }),
  );
  await pool(agents, 8, (agent) => agent.enroll());

  const startTotals = await isolateTotals(url);
  const steps = [];
  const plan = STEPS.map((n) => ({ name: `step ${n}`, agents: n, pauseSec: PUSH_SEC }));
  if (BURST) plan.push({ name: "burst", agents: NODES, pauseSec: 0 });
  for (const step of plan) {
    const result = await runStep({
      name: step.name,
      url,
      agents: agents.slice(0, step.agents),
      fetchers: Math.round(step.agents * FETCHERS_PER_NODE),
      pauseSec: step.pauseSec,
      workerd,
      polling,
    });
    result.cutUsers = agents.reduce((sum, a) => sum + a.cut.size, 0);
    printStep(result);
    steps.push(result);
  }
  const results = {
    date: new Date().toISOString(),
    machine: { cores: (await import("node:os")).cpus().length, node: process.version },
    users: USERS,
    nodes: NODES,
    inbounds: INBOUNDS,
    activeShare: ACTIVE_SHARE,
    cutUsersSeeded: cutUsers.length,
    steps,
    // All pushes of the run fall on one UTC day: each charged user got that day's history rows once.
    history: historyGrowth(startTotals, await isolateTotals(url), agents),
  };
  console.log(
    `\ndatabase grew ${fmt(results.history.growthBytes / 1024 / 1024)} MB for ${results.history.chargedUsers} charged users: ${fmt(results.history.bytesPerChargedUserDay, 0)} bytes per user-day`,
  );
  mkdirSync(join(root, "bench/results"), { recursive: true });
  const file = join(root, `bench/results/scale-${USERS}-${NODES}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${file}`);
} finally {
  pollController.abort();
  await Promise.race([Promise.all(polling.loops.values()), sleep(5_000)]);
  panel?.stop();
  rmSync(state, { recursive: true, force: true });
}
