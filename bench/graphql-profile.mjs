#!/usr/bin/env node
/**
 * `npm run bench:graphql-profile` (never part of `npm test`): a V8 CPU profile of workerd while it
 * serves the SPA's users page (persisted id, 50 users, totalCount) to a signed-in owner, taken
 * through wrangler dev's inspector. Prints self time by module of the Worker bundle (esbuild marks
 * each module with a `// path` comment, so no source map is needed) and the heaviest functions,
 * and writes the profile to bench/results/graphql.cpuprofile for Chrome DevTools.
 * BENCH_QUERY=me profiles `{ me { id } }` instead; BENCH_USERS seeds fewer users for a quick look.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { startSeededPanel } from "./lib/seed.mjs";
import persisted from "../workers/graphql/persisted-operations.json" with { type: "json" };
import { graphqlPost, signInOwner } from "./lib/graphql.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const INSPECTOR_PORT = Number(process.env.BENCH_INSPECTOR_PORT ?? 19331);

const [pageId] = Object.entries(persisted).find(([, text]) => text.includes("query UsersPage("));
const bodies = {
  page: { extensions: { persistedQuery: { version: 1, sha256Hash: pageId } }, variables: { page: { first: 50 } } },
  me: { query: "{ me { id } }" },
  typename: { query: "{ __typename }" },
};
const body = bodies[process.env.BENCH_QUERY ?? "page"];

/** The newest bundle wrangler dev wrote: the profile's line numbers point into it. */
function devBundle() {
  const dir = join(root, ".wrangler/tmp");
  const newest = readdirSync(dir)
    .filter((d) => d.startsWith("dev-"))
    .map((d) => join(dir, d, "index.js"))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  return readFileSync(newest, "utf8").split("\n");
}

/** For each bundle line, the module it belongs to (esbuild's `// node_modules/x/y.mjs` markers). */
function moduleOfLines(lines) {
  const modules = [];
  let current = "(bundle prelude)";
  for (const line of lines) {
    const marker = /^\/\/ ((?:node_modules|workers|durable-objects|\.\.\/)\S*)$/.exec(line);
    if (marker) current = marker[1];
    modules.push(current);
  }
  return modules;
}

const packageOf = (module) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  return match ? match[1] : module.split("/").slice(0, 2).join("/");
};

const state = mkdtempSync(join(tmpdir(), "vortex-bench-graphql-profile-"));
let panel;
try {
  console.log(`seeding ${USERS.toLocaleString("en")} users into a fresh local D1 (${state})`);
  panel = await startSeededPanel({
    state,
    users: USERS,
    port: Number(process.env.BENCH_PANEL_PORT ?? 18833),
    args: ["--inspector-port", String(INSPECTOR_PORT)],
  });
  const post = (payload, token) => graphqlPost(panel.url, payload, token);
  const token = await signInOwner(panel.url);
  for (let i = 0; i < 50; i++) await post(body, token); // Warm: JIT and yoga's caches.

  const targets = await (await fetch(`http://127.0.0.1:${INSPECTOR_PORT}/json`)).json();
  const target = targets.find((t) => /vortexpanel|core:user/.test(`${t.title} ${t.id}`)) ?? targets[0];
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  let nextId = 1;
  const pending = new Map();
  socket.on("message", (data) => {
    const message = JSON.parse(String(data));
    if (message.id && pending.has(message.id)) {
      pending.get(message.id)(message);
      pending.delete(message.id);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 50 });
  await send("Profiler.start");
  for (let i = 0; i < REQUESTS; i++) await post(body, token);
  const { result } = await send("Profiler.stop");
  socket.close();
  const profile = result.profile;
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/graphql.cpuprofile"), JSON.stringify(profile));

  const moduleOf = moduleOfLines(devBundle());
  const intervals = profile.timeDeltas;
  const selfUs = new Map();
  profile.samples.forEach((nodeId, i) => {
    selfUs.set(nodeId, (selfUs.get(nodeId) ?? 0) + (intervals[i] ?? 0));
  });
  const byModule = new Map();
  const byPackage = new Map();
  const byFunction = new Map();
  let totalUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    totalUs += us;
    const { url, functionName, lineNumber } = node.callFrame;
    const module = /index\.js$/.test(url) ? moduleOf[lineNumber] : url ? url : `(${functionName || "native"})`;
    const add = (map, key) => map.set(key, (map.get(key) ?? 0) + us);
    add(byModule, module);
    add(byPackage, packageOf(module));
    add(byFunction, `${functionName || "(anonymous)"} ${module}:${lineNumber + 1}`);
  }
  const show = (title, map, count) => {
    console.log(`\n${title} (ms per request, self time)`);
    for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count))
      console.log(
        `${(us / 1000 / REQUESTS).toFixed(3).padStart(8)}  ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${key}`,
      );
  };
  console.log(
    `\n${REQUESTS} requests, ${(totalUs / 1000 / REQUESTS).toFixed(2)} ms sampled per request (idle included)`,
  );
  show("by package", byPackage, 25);
  show("by module", byModule, 30);
  show("by function", byFunction, 40);

  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nodesById = new Map(profile.nodes.map((node) => [node.id, node]));
  const label = (node) => {
    const { url, functionName, lineNumber } = node.callFrame;
    const module = /index\.js$/.test(url) ? moduleOf[lineNumber] : url || "";
    return `${functionName || "(anonymous)"} ${module}:${lineNumber + 1}`;
  };
  const inclusive = new Map();
  profile.samples.forEach((nodeId, i) => {
    const seen = new Set();
    for (let id = nodeId; id !== undefined; id = parent.get(id)) seen.add(label(nodesById.get(id)));
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + (intervals[i] ?? 0));
  });
  show("by function, inclusive", inclusive, Number(process.env.BENCH_INCLUSIVE ?? 80));
} finally {
  panel?.stop();
  rmSync(state, { recursive: true, force: true });
}
