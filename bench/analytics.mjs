#!/usr/bin/env node
/**
 * `npm run bench:analytics` (never part of `npm test`): the budget of issue 15, "a 10,000-user usage
 * push with analytics and event detection on stays <= 1.5x its time without". "Without" is the
 * panel as it was before the issue (BASE_COMMIT, whose analytics seams are empty stubs), checked
 * out into a temporary worktree and started with the same harness and seed on another port. Both
 * panels are measured in the same run, pushes alternating between them, so drift in the machine's
 * load hits both alike. Prints each side's median and the ratio.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchIngest } from "./ingest.mjs";
import { startSeededPanel } from "./lib/seed.mjs";
import { signInOwner } from "./lib/graphql.mjs";

const BASE_COMMIT = process.env.BENCH_BASE_COMMIT ?? "3ef9ae3";
const USERS = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const PORT = Number(process.env.PORT ?? 8811);
const BUDGET = 1.5;

const root = fileURLToPath(new URL("..", import.meta.url));
const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const scratch = mkdtempSync(join(tmpdir(), "vortex-analytics-bench-"));
const baseTree = join(scratch, "base");
const stops = [];
try {
  git("worktree", "add", "--detach", baseTree, BASE_COMMIT);
  // Hard links: the same packages at no copying cost; the base never writes into them.
  execFileSync("cp", ["-al", join(root, "node_modules"), join(baseTree, "node_modules")]);
  // wrangler wants the assets directory to exist; the pushes never read it.
  mkdirSync(join(baseTree, "web/dist"), { recursive: true });

  console.log(`seeding ${USERS.toLocaleString("en")} users into two fresh local D1s (${scratch})`);
  const panels = {};
  for (const [name, cwd, port] of [
    ["with", root, PORT],
    ["without", baseTree, PORT + 1],
  ]) {
    const state = join(scratch, `state-${name}`);
    mkdirSync(state);
    const panel = await startSeededPanel({ state, users: USERS, port, cwd });
    stops.push(panel.stop);
    panels[name] = { url: panel.url, token: await signInOwner(panel.url), times: [], statements: 0 };
  }

  // One push per call, alternating sides; each call enrolls its own node (not timed).
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, panel] of round % 2 ? Object.entries(panels) : Object.entries(panels).reverse()) {
      const result = await benchIngest({
        url: panel.url,
        token: panel.token,
        users: USERS,
        rounds: 1,
        nodeName: `bench-${name}-${round}`,
      });
      panel.times.push(result.medianMs);
      panel.statements = result.statementsPerPush;
    }
  }
  const figures = Object.fromEntries(
    Object.entries(panels).map(([name, panel]) => [
      name,
      {
        medianMs: Math.round(median(panel.times)),
        maxMs: Math.round(Math.max(...panel.times)),
        statementsPerPush: panel.statements,
      },
    ]),
  );
  const ratio = figures.with.medianMs / figures.without.medianMs;
  console.log(
    JSON.stringify({ users: USERS, rounds: ROUNDS, base: BASE_COMMIT, ...figures, ratio: Number(ratio.toFixed(2)) }),
  );
  console.log(
    `10,000-user push: ${figures.with.medianMs} ms with analytics vs ${figures.without.medianMs} ms without = ${ratio.toFixed(2)}x (budget ${BUDGET}x)`,
  );
  if (ratio > BUDGET) process.exitCode = 1;
} finally {
  for (const stop of stops) stop();
  try {
    git("worktree", "remove", "--force", baseTree);
  } catch (error) {
    console.error(`could not remove the base worktree ${baseTree}: ${error.message}`);
  }
  rmSync(scratch, { recursive: true, force: true });
}
