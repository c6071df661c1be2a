import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { DEPLOY_CONFIG, DRY_RUN_OUTDIR } from "./steps.mjs";

const root = join(import.meta.dirname, "../..");

/** Runs a command in the repository as a person would, with no Cloudflare credentials around. */
function runAsOperator(command: string, args: string[]) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
  };
  delete env.CLOUDFLARE_API_TOKEN;
  delete env.CLOUDFLARE_ACCOUNT_ID;
  return new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("close", (status) => resolve({ status, output }));
  });
}

it("`npm run deploy -- --dry-run` needs no account: it prints every step with its command and leaves wrangler's own dry-run bundle", async () => {
  const { status, output } = await runAsOperator("npm", ["run", "deploy", "--", "--dry-run"]);

  expect(output, output).toContain("no Cloudflare account is used");
  expect(status, output).toBe(0);
  const planned = [
    "1/11 check that wrangler is signed in",
    "$ npx wrangler whoami --json",
    "2/11 build the agent bundle and the SPA",
    "$ npm run build:web",
    '3/11 find the D1 database "vortexpanel", or create it',
    "$ npx wrangler d1 list --json",
    "$ npx wrangler d1 create vortexpanel   # when it is missing",
    '4/11 find the R2 bucket "vortexpanel", or create it',
    "$ npx wrangler r2 bucket list",
    "$ npx wrangler r2 bucket create vortexpanel   # when it is missing",
    '5/11 find the queues "vortexpanel-events", "vortexpanel-deliveries", "vortexpanel-deliveries-dead", or create those missing',
    "$ npx wrangler queues list --page 1   # and the next pages while they list queues",
    "$ npx wrangler queues create vortexpanel-deliveries-dead   # when it is missing",
    `6/11 write ${DEPLOY_CONFIG}`,
    "7/11 apply the D1 migrations",
    `$ npx wrangler d1 migrations apply DB --remote --config ${DEPLOY_CONFIG}`,
    "8/11 see whether the panel has its owner",
    `$ npx wrangler d1 execute DB --remote --json --config ${DEPLOY_CONFIG} --command "SELECT COUNT(*) AS owners FROM admins WHERE role = 'owner'"`,
    "9/11 set what the Worker lacks of JWT_SECRET, VORTEX_SETUP_TOKEN, SECRETS_KEY, CONFIG_SIGNING_KEY",
    `$ npx wrangler secret list --format json --config ${DEPLOY_CONFIG}`,
    `$ npx wrangler secret bulk --config ${DEPLOY_CONFIG}   # when some are missing`,
    "10/11 deploy the Worker",
    `$ npx wrangler deploy --config ${DEPLOY_CONFIG}`,
    "11/11 create the owner through POST /api/setup",
    `$ npx wrangler deploy --dry-run --outdir ${DRY_RUN_OUTDIR} --config ${DEPLOY_CONFIG}`,
    // wrangler's own words at the end of its dry run:
    "--dry-run: exiting now.",
    `dry run done: the Worker bundle is in ${DRY_RUN_OUTDIR}/`,
  ];
  const positions = planned.map((line) => output.indexOf(line));
  expect(positions.map((position, index) => (position < 0 ? `missing: ${planned[index]}` : "ok"))).toEqual(
    planned.map(() => "ok"),
  );
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  // The bundle wrangler would upload, built from the generated config with every binding in it.
  expect(readFileSync(join(root, DRY_RUN_OUTDIR, "index.js"), "utf8")).toContain("NodeObject");
  expect(output).toMatch(/env\.DB \(vortexpanel\)\s+D1 Database/);
  expect(output).toMatch(/env\.BUCKET \(vortexpanel\)\s+R2 Bucket/);
  expect(output).toMatch(/env\.DELIVERIES \(vortexpanel-deliveries\)\s+Queue/);
  expect(existsSync(join(root, DEPLOY_CONFIG))).toBe(true);
});
