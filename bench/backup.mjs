#!/usr/bin/env node
/**
 * `npm run bench:backup`: a panel seeded with 100,000 users under wrangler dev (local D1, R2 and
 * Workflows) takes a backup, then restores it over itself (which first takes the pre-restore
 * backup of the panel as it is). Reported: wall time of each job, size in R2, chunks, and the wall
 * time of every Workflow step seen through the job's progress. workerd does not report CPU time per
 * step locally, so step times are WALL time (D1 and R2 I/O included): an upper bound on the CPU a
 * step spends, to be read against the Workers limits (30 s CPU per step by default, 128 MB memory;
 * a chunk holds at most 10,000 rows / 4 MB of NDJSON). Times are also put against a hello-world
 * Worker round trip measured in the same run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ENV, medianGetMs, startWorker } from "./lib/harness.mjs";
import { startSeededPanel } from "./lib/seed.mjs";
import { signInOwner } from "./lib/graphql.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const USERS = Number(process.env.BENCH_BACKUP_USERS ?? 100_000);
const POLL_MS = 50;

let panelUrl;
let token;

async function signIn() {
  token = await signInOwner(panelUrl);
}

async function gql(query, variables = {}) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${panelUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    // A restore ends every session: sign in again (the restored owner has the same password).
    if (body.errors?.[0]?.extensions?.code === "UNAUTHENTICATED" && attempt === 0) {
      await signIn();
      continue;
    }
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }
}

const PROGRESS = "progress { phase rowsDone rowsTotal tablesDone tablesTotal }";

/**
 * Polls a job until it leaves RUNNING/VERIFYING; each change of its progress marks the end of a
 * step, so the time between changes is that step's wall time (within one poll interval).
 */
async function followJob(start, read) {
  const started = performance.now();
  const { id } = await start();
  const steps = [];
  let last = { key: "", at: started };
  for (;;) {
    const job = await read(id);
    const key = JSON.stringify(job.progress);
    const now = performance.now();
    if (key !== last.key) {
      if (last.key) steps.push({ ms: now - last.at, phase: job.progress?.phase });
      last = { key, at: now };
    }
    if (job.status !== "RUNNING" && job.status !== "VERIFYING") return { job, ms: now - started, steps };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const PANEL_PORT = 8798;

/**
 * Each step's start and end as the local Workflows engine recorded them (`wrangler workflows
 * instances describe --local`); null when this wrangler cannot answer, and the progress-based
 * times are used instead.
 */
function recordedSteps(workflow, instanceId) {
  const result = spawnSync(
    "npx",
    [
      "wrangler",
      "workflows",
      "instances",
      "describe",
      workflow,
      instanceId,
      "--local",
      "--port",
      String(PANEL_PORT),
      "--json",
    ],
    { cwd: root, env: ENV, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const start = result.stdout.indexOf("{");
  if (result.status !== 0 || start < 0) return null;
  try {
    const instance = JSON.parse(result.stdout.slice(start));
    return instance.steps
      .filter((step) => step.type === "step" && step.start != null && step.end != null)
      .map((step) => ({ ms: new Date(step.end) - new Date(step.start), phase: step.name }));
  } catch {
    return null;
  }
}

const fmt = (n, digits = 1) => n.toLocaleString("en", { maximumFractionDigits: digits });
const stats = (steps) => {
  const ms = steps.map((s) => s.ms).sort((a, b) => a - b);
  return ms.length
    ? `${ms.length} steps, median ${fmt(ms[Math.floor(ms.length / 2)])} ms, max ${fmt(ms.at(-1))} ms`
    : "no steps seen";
};

const state = mkdtempSync(join(tmpdir(), "vortex-bench-backup-"));
const stops = [];
try {
  const hello = await startWorker({ cwd: join(root, "bench/hello"), port: 8797, label: "hello-world Worker" });
  stops.push(hello.stop);
  const seedStarted = performance.now();
  const panel = await startSeededPanel({ state, users: USERS, port: PANEL_PORT });
  stops.push(panel.stop);
  const seedMs = performance.now() - seedStarted;
  panelUrl = panel.url;

  const helloMs = await medianGetMs(hello.url);
  await signIn();

  const backupQuery = `query ($id: ID!) { backup(id: $id) { id status error sizeBytes rows ${PROGRESS} tables { name rows } downloadPath } }`;
  const backup = await followJob(
    async () => (await gql(`mutation { backupDatabase { id } }`)).backupDatabase,
    async (id) => (await gql(backupQuery, { id })).backup,
  );
  if (backup.job.status !== "COMPLETE") throw new Error(`backup ended ${backup.job.status}: ${backup.job.error}`);
  backup.steps = recordedSteps("vortexpanel-backup", backup.job.id) ?? backup.steps;

  // The archive is the manifest and every chunk: its entries count the chunks.
  const downloadStarted = performance.now();
  const archive = Buffer.from(
    await (
      await fetch(`${panelUrl}${backup.job.downloadPath}`, { headers: { authorization: `Bearer ${token}` } })
    ).arrayBuffer(),
  );
  const downloadMs = performance.now() - downloadStarted;
  let entries = 0;
  for (let offset = 0; offset + 512 <= archive.length && archive[offset] !== 0; entries++) {
    const size = Number.parseInt(
      archive
        .subarray(offset + 124, offset + 136)
        .toString()
        .replace(/\0.*$/s, "")
        .trim(),
      8,
    );
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  const chunks = entries - 1;

  const restoreQuery = `query ($id: ID!) { restore(id: $id) { id status error verifiedTables safetyBackupId ${PROGRESS} } }`;
  // The mutation verifies every chunk of the backup before it answers: part of the restore's time.
  const restore = await followJob(
    async () =>
      (
        await gql(`mutation ($id: ID!, $confirm: String!) { restoreBackup(id: $id, confirm: $confirm) { id } }`, {
          id: backup.job.id,
          confirm: backup.job.id,
        })
      ).restoreBackup,
    async (id) => (await gql(restoreQuery, { id })).restore,
  );
  if (restore.job.status !== "COMPLETE") throw new Error(`restore ended ${restore.job.status}: ${restore.job.error}`);
  restore.steps = recordedSteps("vortexpanel-restore", restore.job.id) ?? restore.steps;
  const restoreSteps = restore.steps.filter((s) => !/^safety backup|^table |^starting|^complete/.test(s.phase ?? ""));
  const safetySteps = restore.steps.length - restoreSteps.length;

  const users = backup.job.tables.find((t) => t.name === "users")?.rows;
  console.log(
    `\nBackup and restore of a ${fmt(users)}-user panel (${fmt(backup.job.rows)} rows in ${backup.job.tables.length} tables; seeded in ${fmt(seedMs / 1000)} s)`,
  );
  console.log(`hello-world round trip: ${fmt(helloMs)} ms`);
  console.log(
    `backup    ${fmt(backup.ms / 1000).padStart(7)} s   ${fmt(backup.ms / helloMs, 0).padStart(7)} x hello   ${stats(backup.steps)} (wall)`,
  );
  console.log(
    `restore   ${fmt(restore.ms / 1000).padStart(7)} s   ${fmt(restore.ms / helloMs, 0).padStart(7)} x hello   incl. the pre-restore backup (${safetySteps} steps); restore steps: ${stats(restoreSteps)} (wall)`,
  );
  console.log(
    `size in R2: ${fmt(backup.job.sizeBytes / 1024 / 1024, 2)} MiB gzip in ${chunks} chunks (${fmt(backup.job.sizeBytes / chunks / 1024)} KiB each on average); download ${fmt(downloadMs)} ms`,
  );
  console.log(
    `restore verified ${restore.job.verifiedTables} tables; pre-restore backup ${restore.job.safetyBackupId}`,
  );
  const slowest = [...backup.steps, ...restore.steps].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(
    `slowest steps (wall, against 30 s CPU per step): ${slowest.map((s) => `${fmt(s.ms)} ms (${s.phase})`).join(", ")}`,
  );
} finally {
  for (const stop of stops) stop();
  rmSync(state, { recursive: true, force: true });
}
