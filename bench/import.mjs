#!/usr/bin/env node
/**
 * `npm run bench:import`: a 10,000-user 3x-ui database (built from 3x-ui's own schema) read and
 * imported into a fresh panel under wrangler dev, the way the CLI does it: a dry run, the import,
 * then a re-run that must change nothing. Each phase is timed and put against a hello-world Worker
 * round trip measured in the same run: the import costs N round trips' worth of time for its
 * 1 + users/1000 + 1 requests. D1 statements per request come from the panel's x-d1-statements.
 * Budget (README): dry run and import each <= 10 s here, in O(users/1000) D1 batches.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cliImportApi } from "../importers/src/cli.ts";
import { runImport } from "../importers/src/driver.ts";
import { openSqliteFile } from "../importers/src/node-sqlite.ts";
import { readSqliteExport } from "../importers/src/readers/sqlite-export.ts";
import { buildThreeXUiDb } from "../importers/test/fixtures/three-x-ui.ts";
import { medianGetMs, startWorker } from "./lib/harness.mjs";
import { startSeededPanel } from "./lib/seed.mjs";
import { signInOwner } from "./lib/graphql.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const USERS = Number(process.env.BENCH_IMPORT_USERS ?? 10_000);

/** The D1 statement count of every panel answer while `fn` runs. */
async function countingStatements(fn) {
  const counts = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const statements = response.headers.get("x-d1-statements");
    if (statements !== null) counts.push(Number(statements));
    return response;
  };
  try {
    return { result: await fn(), counts };
  } finally {
    globalThis.fetch = realFetch;
  }
}

async function timed(fn) {
  const started = performance.now();
  const { result, counts } = await countingStatements(fn);
  return { ms: performance.now() - started, result, requests: counts.length, statements: counts };
}

const state = mkdtempSync(join(tmpdir(), "vortex-bench-import-"));
const stops = [];
try {
  const file = join(state, "x-ui.db");
  buildThreeXUiDb(file, { users: USERS });
  const hello = await startWorker({ cwd: join(root, "bench/hello"), port: 8795, label: "hello-world Worker" });
  stops.push(hello.stop);
  const panel = await startSeededPanel({ state, users: 0, port: 8796 });
  stops.push(panel.stop);

  const helloMs = await medianGetMs(hello.url);

  const token = await signInOwner(panel.url);
  const api = cliImportApi(panel.url, token);

  const read = await timed(async () => {
    const db = openSqliteFile(file);
    try {
      return readSqliteExport(db, { instance: "bench.example.com", nodeAddress: "127.0.0.1" });
    } finally {
      db.close();
    }
  });
  const peer = read.result;
  const phases = {
    dryRun: await timed(() => runImport(api, peer, { dryRun: true })),
    import: await timed(() => runImport(api, peer, { dryRun: false })),
    rerun: await timed(() => runImport(api, peer, { dryRun: false })),
  };
  const userCount = (report) => report.counts.find((c) => c.kind === "USER");
  const created = userCount(phases.import.result);
  const again = userCount(phases.rerun.result);
  if (created.created + created.conflicts !== peer.users.length || again.unchanged !== created.created)
    throw new Error(`unexpected counts: import ${JSON.stringify(created)}, re-run ${JSON.stringify(again)}`);

  const fmt = (n) => n.toLocaleString("en", { maximumFractionDigits: 1 });
  console.log(`\n3x-ui import of ${fmt(peer.users.length)} users (hello-world round trip: ${fmt(helloMs)} ms)`);
  console.log("phase        seconds   requests   D1 statements per request (min-max)   x hello-world round trip");
  console.log(`read file    ${fmt(read.ms / 1000).padStart(7)}          -   -`);
  for (const [name, phase] of Object.entries(phases)) {
    const min = Math.min(...phase.statements);
    const max = Math.max(...phase.statements);
    console.log(
      `${name.padEnd(12)} ${fmt(phase.ms / 1000).padStart(7)} ${String(phase.requests).padStart(10)}   ${`${min}-${max}`.padEnd(38)} ${fmt(phase.ms / helloMs)}`,
    );
  }
  console.log(
    `created ${fmt(created.created)}, conflicts ${fmt(created.conflicts)}; re-run: unchanged ${fmt(again.unchanged)}, updated ${fmt(again.updated)}`,
  );
} finally {
  for (const stop of stops) stop();
  rmSync(state, { recursive: true, force: true });
}
