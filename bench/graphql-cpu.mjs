#!/usr/bin/env node
/**
 * `npm run bench:graphql-cpu` (never part of `npm test`): workerd's own CPU per GraphQL request on
 * a panel seeded with 100,000 users, net of a hello-world Worker's per request in the same run
 * (lib/cpu.mjs). The SPA's users page (50 users, owner and groups) as the SPA sends it (a
 * persisted id) and as a script sends it (the text), with and without totalCount, beside the
 * smallest query and a signed-in one, so the page's cost splits into the pipeline every request
 * pays, the session check, and the page's own fields.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cpuPerRequest, workerdPids } from "./lib/cpu.mjs";
import { startWorker } from "./lib/harness.mjs";
import { BENCH_OWNER, startSeededPanel } from "./lib/seed.mjs";
import persisted from "../workers/graphql/persisted-operations.json" with { type: "json" };

const root = fileURLToPath(new URL("..", import.meta.url));
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const [pageId, pageText] = Object.entries(persisted).find(([, text]) => text.includes("query UsersPage("));
const pageWithoutTotal = pageText.replace(" totalCount", "");
const variables = { page: { first: 50 } };

const state = mkdtempSync(join(tmpdir(), "vortex-bench-graphql-cpu-"));
const stops = [];
try {
  const hello = await startWorker({ cwd: join(root, "bench/hello"), port: 8831, label: "hello-world Worker" });
  stops.push(hello.stop);
  console.log(`seeding ${USERS.toLocaleString("en")} users into a fresh local D1 (${state})`);
  const panel = await startSeededPanel({ state, users: USERS, port: 8832 });
  stops.push(panel.stop);

  const post = async (body, token) => {
    const response = await fetch(`${panel.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = await response.json();
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data;
  };
  const { login } = await post({
    query: `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
    variables: { input: BENCH_OWNER },
  });
  const token = login.accessToken;

  const requests = {
    "{ __typename }, anonymous": { query: "{ __typename }" },
    "{ me { id } }, signed in": { query: "{ me { id } }" },
    "users page, persisted id": { extensions: { persistedQuery: { version: 1, sha256Hash: pageId } }, variables },
    "users page, text": { query: pageText, variables },
    "users page, text, no totalCount": { query: pageWithoutTotal, variables },
  };
  const helloPids = workerdPids(hello.pid);
  const panelPids = workerdPids(panel.pid);
  const baseline = await cpuPerRequest({ pids: helloPids, url: hello.url, seconds: SECONDS });
  console.log(`hello-world: ${baseline.cpuMsPerRequest.toFixed(3)} ms CPU per request (${baseline.requests})`);
  const figures = { users: USERS, helloCpuMs: Number(baseline.cpuMsPerRequest.toFixed(3)) };
  for (const [name, body] of Object.entries(requests)) {
    const data = await post(body, token); // Fails the bench on any GraphQL error before measuring.
    if (name.startsWith("users page") && data.users.edges.length !== 50) throw new Error(`${name}: not 50 users`);
    const run = await cpuPerRequest({
      pids: panelPids,
      url: `${panel.url}/graphql`,
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      seconds: SECONDS,
    });
    const net = run.cpuMsPerRequest - baseline.cpuMsPerRequest;
    figures[name] = Number(net.toFixed(2));
    console.log(`${name}: ${net.toFixed(2)} ms CPU per request net of hello-world (${run.requests} requests)`);
  }
  console.log(JSON.stringify(figures));
} finally {
  for (const stop of stops) stop();
  rmSync(state, { recursive: true, force: true });
}
