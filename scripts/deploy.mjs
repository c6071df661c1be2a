#!/usr/bin/env node
/**
 * `npm run deploy`: a Cloudflare account from nothing to a running panel, and on later runs an
 * upgrade (migrations, then code) that touches no secret and no data. `npm run deploy -- --dry-run`
 * needs no account: it prints every step with its command and runs wrangler's own dry run.
 * The steps are in scripts/deploy/steps.mjs; this file gives them the real programs to run.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DeployError, deploy, dryRun } from "./deploy/steps.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// No telemetry from wrangler; nothing else here phones home.
const baseEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
const log = (/** @type {string} */ line) => console.log(`[deploy] ${line}`);

/**
 * Runs a program in the repository. Captured output is read by the script; otherwise the program
 * talks to the operator directly (wrangler's prompts, e.g. before applying migrations, stay theirs).
 * @type {import("./deploy/steps.mjs").Run}
 */
function run(command, args, { input, capture = false, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const output = capture ? "pipe" : "inherit";
    const child = spawn(command, args, {
      cwd: root,
      env: { ...baseEnv, ...env },
      stdio: [input === undefined ? "inherit" : "pipe", output, output],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status: status ?? 1, stdout, stderr }));
    if (input !== undefined) child.stdin?.end(input);
  });
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--dry-run");
if (unknown.length) {
  console.error(`usage: npm run deploy [-- --dry-run]   (unknown: ${unknown.join(" ")})`);
  process.exit(2);
}
try {
  if (args.includes("--dry-run")) await dryRun({ root, run, log });
  else await deploy({ root, run, fetch, log, env: process.env });
} catch (error) {
  if (!(error instanceof DeployError)) throw error;
  console.error(`[deploy] ${error.message}`);
  process.exit(1);
}
