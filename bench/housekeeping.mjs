#!/usr/bin/env node
/**
 * `npm run bench:housekeeping` (never part of `npm test`): the minute's cron on a panel seeded with
 * 100,000 users, with nothing due and with 1,000 users due (500 expiries passing, 500 daily periods
 * ending), here and at BENCH_BASE_COMMIT (before housekeeping walked the due indexes), both checked
 * out, seeded alike and driven in the same run, alternating. A run is `wrangler dev --test-scheduled`'s
 * /__scheduled, which awaits the whole scheduled handler: the other jobs in it are the same code on
 * both sides, so the difference is housekeeping's. Prints each side's median over the rounds.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ENV } from "./lib/harness.mjs";
import { startSeededPanel } from "./lib/seed.mjs";

const BASE_COMMIT = process.env.BENCH_BASE_COMMIT ?? "0b9fdee";
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PORT = Number(process.env.PORT ?? 8821);
const DAY = 86_400;

const root = fileURLToPath(new URL("..", import.meta.url));
const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function d1(panel, sql) {
  const result = spawnSync(
    "npx",
    ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", panel.state, "--command", sql],
    { cwd: panel.cwd, env: ENV, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`${sql}\n${result.stdout}\n${result.stderr}`);
}

/** Seeded users with a 0-byte limit are over it: store that, as every real write would have. */
const CONSISTENT = `UPDATE users SET status = 'limited' WHERE data_limit_bytes IS NOT NULL AND used_bytes >= data_limit_bytes`;
/** Makes 1,000 users due again: 500 whose expiry just passed, 500 whose day-long period just ended. */
const armDue = (nowSec) =>
  `UPDATE users SET status = 'active', expire_at = ${nowSec - 60} WHERE id % 200 = 1;
   UPDATE users SET status = 'active', reset_strategy = 'day', period_started_at = ${nowSec - DAY - 60} WHERE id % 200 = 101`;

async function scheduledMs(panel) {
  const started = performance.now();
  const response = await fetch(`${panel.url}/__scheduled?cron=*+*+*+*+*`);
  await response.text();
  if (!response.ok) throw new Error(`/__scheduled answered ${response.status}`);
  return performance.now() - started;
}

const scratch = mkdtempSync(join(tmpdir(), "vortex-housekeeping-bench-"));
const baseTree = join(scratch, "base");
const stops = [];
try {
  git("worktree", "add", "--detach", baseTree, BASE_COMMIT);
  execFileSync("cp", ["-al", join(root, "node_modules"), join(baseTree, "node_modules")]);
  mkdirSync(join(baseTree, "web/dist"), { recursive: true });

  console.log(`seeding ${USERS.toLocaleString("en")} users into two fresh local D1s (${scratch})`);
  const panels = [];
  for (const [name, cwd, port] of [
    ["after", root, PORT],
    ["before", baseTree, PORT + 1],
  ]) {
    const state = join(scratch, `state-${name}`);
    mkdirSync(state);
    const panel = await startSeededPanel({ state, users: USERS, port, cwd, args: ["--test-scheduled"] });
    stops.push(panel.stop);
    panels.push({ name, cwd, state, url: panel.url, idle: [], due: [] });
    d1(panels.at(-1), CONSISTENT);
  }
  for (const panel of panels) await scheduledMs(panel); // warm-up: first run of every job

  for (let round = 0; round < ROUNDS; round++) {
    for (const panel of round % 2 ? [...panels].reverse() : panels) {
      panel.idle.push(await scheduledMs(panel));
      d1(panel, armDue(Math.floor(Date.now() / 1000)));
      panel.due.push(await scheduledMs(panel));
    }
  }
  const figures = Object.fromEntries(
    panels.map((p) => [p.name, { idleMs: Math.round(median(p.idle)), dueMs: Math.round(median(p.due)) }]),
  );
  console.log(JSON.stringify({ users: USERS, rounds: ROUNDS, base: BASE_COMMIT, ...figures }));
  for (const p of panels)
    console.log(
      `${p.name}: cron run with 0 due ${figures[p.name].idleMs} ms, with 1,000 due ${figures[p.name].dueMs} ms (median of ${ROUNDS})`,
    );
} finally {
  for (const stop of stops) stop();
  try {
    git("worktree", "remove", "--force", baseTree);
  } catch {
    // Never added.
  }
  rmSync(scratch, { recursive: true, force: true });
}
