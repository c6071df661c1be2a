#!/usr/bin/env node
/**
 * `npm start`: the whole panel on this machine. Local workerd, local D1 and Durable Objects
 * (wrangler dev), the SPA rebuilt on change, migrations applied, and an owner account made
 * on first start: from VORTEX_ADMIN_USERNAME / VORTEX_ADMIN_PASSWORD, or generated and printed once.
 * VORTEX_STATE_DIR=DIR runs a panel of its own beside the usual one (tests): its database, Durable
 * Objects and .dev.vars live in DIR instead of .wrangler/state and ./.dev.vars. PORT picks the port.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generatedSecrets } from "./generated-secrets.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const origin = `http://127.0.0.1:${port}`;
// Offline-clean: no telemetry, no lookups of Cloudflare's hosts for request.cf.
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", DO_NOT_TRACK: "1" };
const log = (message) => console.log(`[vortex] ${message}`);
const stateDir = process.env.VORTEX_STATE_DIR ? resolve(process.env.VORTEX_STATE_DIR) : null;
if (stateDir) mkdirSync(stateDir, { recursive: true, mode: 0o700 });
const devVarsPath = stateDir ? join(stateDir, ".dev.vars") : `${root}.dev.vars`;
// With --env-file wrangler reads that file and not ./.dev.vars.
const stateArgs = stateDir ? ["--persist-to", stateDir] : [];
const varsArgs = stateDir ? ["--env-file", devVarsPath] : [];

/** Local secrets live in .dev.vars (git-ignored), made once with fresh random values. */
function ensureDevVars() {
  const path = devVarsPath;
  const current = existsSync(path) ? readFileSync(path, "utf8") : "";
  const has = (key) => new RegExp(`^${key}=.+`, "m").test(current);
  const listed = (key) => new RegExp(`^${key}=`, "m").test(current);
  const missing = [
    ...Object.entries(generatedSecrets).map(([key, generate]) => [key, generate()]),
    // Local: introspection on, and the SPA may send any GraphQL while it is being built.
    ["ENVIRONMENT", "development"],
    // Local: webhook channels may post to a receiver on this machine (refused when deployed).
    ["NOTIFY_ALLOW_PRIVATE_TARGETS", "true"],
  ].filter(([key]) => !has(key));
  // Billing placeholders, left empty: card and on-chain checkout stay off until real values are filled in.
  missing.push(
    ...["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "ONCHAIN_XPUB"]
      .filter((key) => !listed(key))
      .map((key) => [key, ""]),
  );
  if (missing.length) {
    const lines = missing.map(([key, value]) => `${key}=${value}`).join("\n");
    writeFileSync(path, `${current}${current && !current.endsWith("\n") ? "\n" : ""}${lines}\n`, { mode: 0o600 });
    log(`wrote ${missing.map(([key]) => key).join(", ")} to ${path}`);
  }
  return Object.fromEntries(
    readFileSync(path, "utf8")
      .split("\n")
      .filter((l) => l.includes("="))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[vortex] ${command} ${args.join(" ")} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

async function waitForPanel(child) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("wrangler dev exited before the panel came up");
    try {
      const response = await fetch(`${origin}/graphql?query=${encodeURIComponent("{ healthCheck { ok } }")}`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the panel did not answer on ${origin} within 90 s`);
}

async function ensureOwner(setupToken) {
  const username = process.env.VORTEX_ADMIN_USERNAME || "admin";
  const generated = !process.env.VORTEX_ADMIN_PASSWORD;
  const password = process.env.VORTEX_ADMIN_PASSWORD || randomBytes(12).toString("base64url");
  const response = await fetch(`${origin}/api/setup`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${setupToken}` },
    body: JSON.stringify({ username, password }),
  });
  if (response.status === 201) {
    log(
      `owner account created: ${username}${generated ? ` / ${password}  (shown once; change it after signing in)` : ""}`,
    );
  } else if (response.status === 409) {
    log("owner account already exists");
  } else {
    const body = await response.text();
    throw new Error(`could not create the owner (${response.status}): ${body}`);
  }
}

const secrets = ensureDevVars();
// The SPA watcher below puts the agent bundle into every build (web/vite.config.ts): it must exist.
if (!existsSync(`${root}web/dist/index.html`) || !existsSync(`${root}node-agent/dist/vortex-agent.mjs`))
  run("npm", ["run", "build:web"]);
run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", ...stateArgs]);

const children = [
  spawn(
    "npx",
    [
      "wrangler",
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--show-interactive-dev-session=false",
      "--test-scheduled",
      ...stateArgs,
      ...varsArgs,
    ],
    {
      cwd: root,
      env,
      stdio: "inherit",
    },
  ),
  // Rebuilds web/dist on every change; wrangler dev serves the new files on the next request.
  spawn("npm", ["run", "dev", "--workspace", "web", "--", "--logLevel", "warn"], { cwd: root, env, stdio: "inherit" }),
];
const [wrangler] = children;
const stop = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
};
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
wrangler.on("exit", (code) => stop(code ?? 0));

try {
  await waitForPanel(wrangler);
  await ensureOwner(secrets.VORTEX_SETUP_TOKEN);
  log(`panel ready at ${origin}  (GraphQL at ${origin}/graphql)`);
  // wrangler dev does not fire cron triggers by itself: run the minute's housekeeping as Cloudflare would.
  const housekeeping = setInterval(() => {
    fetch(`${origin}/__scheduled?cron=*+*+*+*+*`).catch(() => undefined);
  }, 60_000);
  wrangler.on("exit", () => clearInterval(housekeeping));
} catch (error) {
  console.error(`[vortex] ${error.message}`);
  stop(1);
}
