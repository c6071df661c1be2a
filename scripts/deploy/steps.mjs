/**
 * The steps of `npm run deploy` as plain functions over one seam: `run(command, args, options)`
 * starts a program and resolves to `{ status, stdout, stderr }` (stdout and stderr only when
 * `capture` is set; otherwise the operator sees the program's own output and answers its prompts).
 * scripts/deploy.mjs passes the real one; tests pass wrangler's recorded answers, since Cloudflare's
 * API is not reachable from them.
 *
 * @typedef {{ input?: string, capture?: boolean, env?: Record<string, string> }} RunOptions
 * @typedef {{ status: number, stdout: string, stderr: string }} RunResult
 * @typedef {(command: string, args: string[], options?: RunOptions) => Promise<RunResult>} Run
 * @typedef {{ command: string, args: string[] }} Command
 * @typedef {{ workerName: string, databaseName: string, databaseId: string, bucketName: string, queueNames: string[] }} PanelNames
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { z } from "zod";
import { generatedSecrets } from "../generated-secrets.mjs";

/** A fault the operator can fix (not signed in, an account to choose, a refused call): said plainly, no stack. */
export class DeployError extends Error {}

/**
 * wrangler.toml with this account's D1 id, beside wrangler.toml so every relative path in it
 * (main, assets, migrations) stays right without rewriting. Generated on each run rather than
 * edited into the committed file: the id is found again each time (`d1 list`), the tree stays
 * clean, and `git pull` never conflicts with a deployment's ids. Git-ignored.
 */
export const DEPLOY_CONFIG = "wrangler.deploy.toml";
/** Where `--dry-run` leaves wrangler's bundle. */
export const DRY_RUN_OUTDIR = ".wrangler/deploy/dry-run";
/** wrangler writes one JSON line per deployment here (WRANGLER_OUTPUT_FILE_PATH): the Worker's URL. */
const DEPLOY_OUTPUT = ".wrangler/deploy/output.ndjson";

/** Secrets only the operator can supply: their Stripe account, their wallet, their identity provider. */
export const OPERATOR_SECRETS = {
  STRIPE_SECRET_KEY: "card checkout (README “Billing”)",
  STRIPE_WEBHOOK_SECRET: "card checkout's webhook (README “Billing”)",
  ONCHAIN_XPUB: "on-chain deposits (README “Billing”)",
  OIDC_ISSUER: "single sign-on (README “Access security”)",
  OIDC_CLIENT_ID: "single sign-on",
  OIDC_CLIENT_SECRET: "single sign-on",
};

const OWNER_COUNT_SQL = "SELECT COUNT(*) AS owners FROM admins WHERE role = 'owner'";

/** @param {string[]} args @returns {Command} */
const wrangler = (...args) => ({ command: "npx", args: ["wrangler", ...args] });

/** Every command a deploy may run, defined once for both the run and the dry run's plan. @param {PanelNames} names */
export function deployCommands(names) {
  const config = ["--config", DEPLOY_CONFIG];
  return {
    whoami: wrangler("whoami", "--json"),
    build: { command: "npm", args: ["run", "build:web"] },
    listDatabases: wrangler("d1", "list", "--json"),
    createDatabase: wrangler("d1", "create", names.databaseName),
    listBuckets: wrangler("r2", "bucket", "list"),
    createBucket: wrangler("r2", "bucket", "create", names.bucketName),
    /** @param {number} page */
    listQueues: (page) => wrangler("queues", "list", "--page", String(page)),
    /** @param {string} name */
    createQueue: (name) => wrangler("queues", "create", name),
    migrate: wrangler("d1", "migrations", "apply", "DB", "--remote", ...config),
    countOwners: wrangler("d1", "execute", "DB", "--remote", "--json", ...config, "--command", OWNER_COUNT_SQL),
    listSecrets: wrangler("secret", "list", "--format", "json", ...config),
    setSecrets: wrangler("secret", "bulk", ...config),
    deploy: wrangler("deploy", ...config),
    dryRun: wrangler("deploy", "--dry-run", "--outdir", DRY_RUN_OUTDIR, ...config),
  };
}

/**
 * The steps in the order a deploy takes them. The build comes before anything touches the account,
 * so a broken build leaves it as it was; migrations come before the code that needs them.
 * @param {PanelNames} names
 */
export function deployPlan(names) {
  const c = deployCommands(names);
  /** @type {Record<string, { title: string, commands: [Command, string?][] }>} */
  const plan = {
    auth: { title: "check that wrangler is signed in to one Cloudflare account", commands: [[c.whoami]] },
    build: { title: "build the agent bundle and the SPA", commands: [[c.build]] },
    database: {
      title: `find the D1 database "${names.databaseName}", or create it`,
      commands: [[c.listDatabases], [c.createDatabase, "when it is missing"]],
    },
    bucket: {
      title: `find the R2 bucket "${names.bucketName}", or create it`,
      commands: [[c.listBuckets], [c.createBucket, "when it is missing"]],
    },
    queues: {
      title: `find the queues ${names.queueNames.map((name) => `"${name}"`).join(", ")}, or create those missing`,
      commands: [
        [c.listQueues(1), "and the next pages while they list queues"],
        ...names.queueNames.map(
          (name) => /** @type {[Command, string]} */ ([c.createQueue(name), "when it is missing"]),
        ),
      ],
    },
    config: { title: `write ${DEPLOY_CONFIG}: wrangler.toml with the database's id`, commands: [] },
    migrate: { title: "apply the D1 migrations not yet applied", commands: [[c.migrate]] },
    owner: { title: "see whether the panel has its owner", commands: [[c.countOwners]] },
    secrets: {
      title: `set what the Worker lacks of ${Object.keys(generatedSecrets).join(", ")}: generated here, sent on stdin, never printed or stored (the setup token only while there is no owner)`,
      commands: [[c.listSecrets], [c.setSecrets, "when some are missing"]],
    },
    deploy: { title: "deploy the Worker and its assets", commands: [[c.deploy]] },
    setup: {
      title: "create the owner through POST /api/setup and print its password once (first deploy only)",
      commands: [],
    },
  };
  return plan;
}

/** @param {Command} command */
export function formatCommand({ command, args }) {
  return [command, ...args].map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `"${arg}"`)).join(" ");
}

/**
 * The names a deploy needs from wrangler.toml: the Worker, the D1 database bound as DB, the R2
 * bucket bound as BUCKET and every queue a producer, consumer or dead-letter setting names. Only
 * top-level and `[[table]]` string keys are read: that is all this needs.
 * @param {string} toml
 * @returns {PanelNames}
 */
export function readPanelNames(toml) {
  const tables = tomlTables(toml);
  const top = tables.find((t) => t.header === "");
  const database = tables.find((t) => t.header === "[[d1_databases]]" && t.values.binding === "DB");
  const bucket = tables.find((t) => t.header === "[[r2_buckets]]" && t.values.binding === "BUCKET");
  const queueNames = [
    ...new Set(
      tables
        .filter((t) => t.header === "[[queues.producers]]" || t.header === "[[queues.consumers]]")
        .flatMap((t) => [t.values.queue, t.values.dead_letter_queue])
        .filter((name) => name !== undefined),
    ),
  ];
  const names = {
    workerName: top?.values.name,
    databaseName: database?.values.database_name,
    databaseId: database?.values.database_id,
    bucketName: bucket?.values.bucket_name,
  };
  const missing = Object.entries(names).filter(([, value]) => !value);
  if (missing.length)
    throw new DeployError(`wrangler.toml lacks ${missing.map(([key]) => key).join(", ")} (DB and BUCKET bindings)`);
  return /** @type {PanelNames} */ ({ ...names, queueNames });
}

/**
 * wrangler.toml as the deploy uses it: the same text with the DB binding's database_id replaced.
 * @param {string} toml
 * @param {string} databaseId
 */
export function deployConfigText(toml, databaseId) {
  const lines = toml.split("\n");
  const database = tomlTables(toml).find((t) => t.header === "[[d1_databases]]" && t.values.binding === "DB");
  const idLine = database?.lines.find((index) => /^\s*database_id\s*=/.test(lines[index] ?? ""));
  if (idLine === undefined) throw new DeployError("wrangler.toml's DB binding has no database_id line to fill in");
  lines[idLine] = `database_id = "${databaseId}" # filled in by npm run deploy`;
  return `# Generated by \`npm run deploy\` from wrangler.toml with this account's ids: edit wrangler.toml, not this file.\n${lines.join("\n")}`;
}

/** @param {string} toml */
function tomlTables(toml) {
  /** @type {{ header: string, values: Record<string, string>, lines: number[] }[]} */
  const tables = [{ header: "", values: {}, lines: [] }];
  toml.split("\n").forEach((line, index) => {
    if (/^\s*\[/.test(line)) tables.push({ header: line.trim(), values: {}, lines: [] });
    const table = /** @type {(typeof tables)[number]} */ (tables.at(-1));
    table.lines.push(index);
    const pair = /^\s*([A-Za-z0-9_-]+)\s*=\s*"([^"]*)"/.exec(line);
    if (pair) table.values[/** @type {string} */ (pair[1])] = /** @type {string} */ (pair[2]);
  });
  return tables;
}

/**
 * Runs a command whose output this script reads; a failure becomes a DeployError that shows what
 * wrangler said.
 * @param {Run} run @param {Command} command @param {RunOptions} [options]
 */
async function capture(run, command, options = {}) {
  const result = await run(command.command, command.args, { ...options, capture: true });
  if (result.status !== 0) throw commandFailed(command, result);
  return result.stdout;
}

/** @param {Command} command @param {RunResult} result */
function commandFailed(command, result) {
  const said = `${result.stderr}\n${result.stdout}`.trim();
  return new DeployError(`\`${formatCommand(command)}\` failed (exit ${result.status})${said ? `:\n${said}` : ""}`);
}

/**
 * wrangler may print banners and warnings around its JSON: the JSON is the longest run of lines
 * that parses, from the first line opening an array or object.
 * @template T @param {z.ZodType<T>} schema @param {string} stdout @returns {T}
 */
export function parseWranglerJson(schema, stdout) {
  const lines = stdout.slice(Math.max(0, stdout.search(/^[[{]/m))).split("\n");
  for (let end = lines.length; end > 0; end--) {
    /** @type {unknown} */
    let value;
    try {
      value = JSON.parse(lines.slice(0, end).join("\n"));
    } catch {
      continue; // Not yet the end of the JSON: a line of wrangler's chatter follows it.
    }
    return schema.parse(value);
  }
  throw new DeployError(`expected JSON from wrangler, got:\n${stdout.trim()}`);
}

const whoamiSchema = z.union([
  z.object({ loggedIn: z.literal(false) }),
  z.object({
    loggedIn: z.literal(true),
    email: z.string().optional(),
    accounts: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
  }),
]);

/**
 * Which account the deploy goes to: CLOUDFLARE_ACCOUNT_ID when set, else the login's only account.
 * @param {Run} run @param {PanelNames} names @param {Record<string, string | undefined>} env
 * @returns {Promise<{ accountId: string, label: string }>}
 */
export async function checkAuth(run, names, env) {
  const { whoami } = deployCommands(names);
  const result = await run(whoami.command, whoami.args, { capture: true });
  // Signed out, `whoami --json` prints {"loggedIn":false} and exits 1. Without JSON it failed for
  // another reason (a refused token, no network): wrangler's own words say which.
  if (!/^[[{]/m.test(result.stdout)) throw commandFailed(whoami, result);
  const who = parseWranglerJson(whoamiSchema, result.stdout);
  if (!who.loggedIn)
    throw new DeployError(
      [
        "wrangler is not signed in to Cloudflare. Either",
        "  npx wrangler login                      (opens a browser), or",
        "  export CLOUDFLARE_API_TOKEN=<token>     (Workers Scripts, D1, Workers R2 Storage, Queues: Edit; Account Settings: Read)",
        "then run `npm run deploy` again.",
      ].join("\n"),
    );
  if (env.CLOUDFLARE_ACCOUNT_ID) {
    const chosen = who.accounts.find((account) => account.id === env.CLOUDFLARE_ACCOUNT_ID);
    return { accountId: env.CLOUDFLARE_ACCOUNT_ID, label: chosen ? chosen.name : env.CLOUDFLARE_ACCOUNT_ID };
  }
  const [only, ...others] = who.accounts;
  if (only && others.length === 0)
    return { accountId: only.id, label: `${only.name}${who.email ? ` (${who.email})` : ""}` };
  throw new DeployError(
    who.accounts.length
      ? `this login sees ${who.accounts.length} accounts; choose one with CLOUDFLARE_ACCOUNT_ID=<id> npm run deploy:\n${who.accounts.map((a) => `  ${a.id}  ${a.name}`).join("\n")}`
      : "this login lists no account (an API token without Account Settings: Read?); set CLOUDFLARE_ACCOUNT_ID=<id>",
  );
}

const databasesSchema = z.array(z.object({ uuid: z.string(), name: z.string() }));

/**
 * The id of the D1 database named in wrangler.toml, created when the account has none by that name.
 * @param {Run} run @param {PanelNames} names
 */
export async function ensureDatabase(run, names) {
  const c = deployCommands(names);
  const find = async () =>
    parseWranglerJson(databasesSchema, await capture(run, c.listDatabases)).find(
      (db) => db.name === names.databaseName,
    );
  const existing = await find();
  if (existing) return { id: existing.uuid, created: false };
  await capture(run, c.createDatabase);
  const created = await find();
  if (!created) throw new DeployError(`created D1 database "${names.databaseName}" but \`d1 list\` does not show it`);
  return { id: created.uuid, created: true };
}

/**
 * The bucket wrangler.toml binds as BUCKET, created when missing. `r2 bucket list` has no JSON
 * form: it prints `name: <bucket>` and `creation_date: …` per bucket.
 * @param {Run} run @param {PanelNames} names
 */
export async function ensureBucket(run, names) {
  const c = deployCommands(names);
  const listed = stripVTControlCharacters(await capture(run, c.listBuckets));
  const buckets = [...listed.matchAll(/^name:\s+(\S+)\s*$/gm)].map((match) => match[1]);
  if (buckets.includes(names.bucketName)) return { created: false };
  await capture(run, c.createBucket);
  return { created: true };
}

/** Queue ids are 32 hex digits: a table row starting with one is a queue, not the header or a border. */
const QUEUE_ROW = /^│\s*([0-9a-f]{32})\s*│\s*([^│\s]+)\s*│/gm;
/** Far more queues than any account of this panel holds: a guard against a page that never ends. */
const MAX_QUEUE_PAGES = 50;

/**
 * The queues wrangler.toml names, each created when missing. `queues list` has no JSON form: it
 * prints a table (id, name, …) a page at a time; pages are read until every queue is found or one
 * lists none.
 * @param {Run} run @param {PanelNames} names
 * @returns {Promise<{ created: string[] }>}
 */
export async function ensureQueues(run, names) {
  const c = deployCommands(names);
  const missing = new Set(names.queueNames);
  for (let page = 1; missing.size && page <= MAX_QUEUE_PAGES; page++) {
    const listed = stripVTControlCharacters(await capture(run, c.listQueues(page)));
    const rows = [...listed.matchAll(QUEUE_ROW)].map((match) => match[2]);
    if (!rows.length) break;
    for (const name of rows) missing.delete(/** @type {string} */ (name));
  }
  for (const name of missing) await capture(run, c.createQueue(name));
  return { created: [...missing] };
}

const ownerCountSchema = z.array(z.object({ results: z.array(z.object({ owners: z.number() })) })).min(1);

/** @param {Run} run @param {PanelNames} names */
export async function ownerExists(run, names) {
  const [first] = parseWranglerJson(ownerCountSchema, await capture(run, deployCommands(names).countOwners));
  return (first?.results[0]?.owners ?? 0) > 0;
}

const secretsSchema = z.array(z.object({ name: z.string() }));

/**
 * Names of the secrets the Worker has. A Worker that does not exist yet has none (wrangler says
 * "not found"; `secret bulk` then creates it as a draft that the deploy replaces).
 * @param {Run} run @param {PanelNames} names
 */
export async function listSecretNames(run, names) {
  const { listSecrets } = deployCommands(names);
  const result = await run(listSecrets.command, listSecrets.args, { capture: true });
  if (result.status !== 0 && /not found/i.test(`${result.stderr}\n${result.stdout}`)) return [];
  if (result.status !== 0) throw commandFailed(listSecrets, result);
  return parseWranglerJson(secretsSchema, result.stdout).map((secret) => secret.name);
}

/**
 * Which secrets this run generates: those the Worker lacks. The setup token is needed only to make
 * the owner, and no run keeps its value: while there is no owner (a first deploy, or one that stopped
 * before the owner was made) a fresh one is set, and once there is an owner it is never touched
 * (deleting it afterwards is fine; README "Deploy").
 * @param {{ present: string[], ownerExists: boolean }} state
 * @returns {(keyof typeof generatedSecrets)[]}
 */
export function secretsToGenerate({ present, ownerExists }) {
  return /** @type {(keyof typeof generatedSecrets)[]} */ (Object.keys(generatedSecrets)).filter((name) =>
    name === "VORTEX_SETUP_TOKEN" ? !ownerExists : !present.includes(name),
  );
}

/**
 * Generates the named secrets and sets them in one `secret bulk`, the values on its stdin only.
 * @param {Run} run @param {PanelNames} names @param {(keyof typeof generatedSecrets)[]} secretNames
 * @returns {Promise<Record<string, string>>} the values, for this run's own use (the setup token)
 */
export async function setGeneratedSecrets(run, names, secretNames) {
  const values = Object.fromEntries(secretNames.map((name) => [name, generatedSecrets[name]()]));
  const { setSecrets } = deployCommands(names);
  const result = await run(setSecrets.command, setSecrets.args, { input: JSON.stringify(values), capture: true });
  if (result.status !== 0) throw commandFailed(setSecrets, result);
  return values;
}

const deployOutputSchema = z.object({ type: z.literal("deploy"), targets: z.array(z.string()).optional() });

/**
 * The Worker's https URL from wrangler's output file (one JSON entry per line, deploy entries
 * carrying `targets`): the last deploy's first https target.
 * @param {string} ndjson
 */
export function deployedUrl(ndjson) {
  const deploys = ndjson
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => deployOutputSchema.safeParse(JSON.parse(line)))
    .flatMap((entry) => (entry.success ? [entry.data] : []));
  return deploys
    .at(-1)
    ?.targets?.find((target) => target.startsWith("https://"))
    ?.replace(/\/$/, "");
}

/**
 * Makes the owner through the deployed panel's `POST /api/setup`. A new workers.dev name can
 * answer 404 (or not at all) for a little while after the first deploy: asked again meanwhile.
 * @param {{ fetch: typeof fetch, url: string, setupToken: string, username: string, password: string, attempts?: number, pause?: () => Promise<void> }} input
 * @returns {Promise<"created" | "exists">}
 */
export async function createOwner({ fetch, url, setupToken, username, password, attempts = 30, pause }) {
  const wait = pause ?? (() => new Promise((resolve) => setTimeout(resolve, 2000)));
  let last = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const response = await fetch(`${url}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${setupToken}` },
      body: JSON.stringify({ username, password }),
    }).catch((/** @type {Error} */ error) => error);
    if (response instanceof Response) {
      if (response.status === 201) return "created";
      if (response.status === 409) return "exists";
      last = `${response.status}: ${await response.text()}`;
      // Only "not there yet" is worth waiting for; any other answer is the panel's word.
      if (response.status !== 404 && response.status < 500)
        throw new DeployError(`${url}/api/setup refused to create the owner (${last})`);
    } else last = response.message;
    if (attempt < attempts) await wait();
  }
  throw new DeployError(
    `${url}/api/setup did not answer (${last}); run \`npm run deploy\` again when the panel is reachable`,
  );
}

/**
 * `npm run deploy`: an empty account becomes a running panel; on a deployed one the same command
 * applies new migrations and ships the new code, and sets no secret and creates nothing else.
 * @param {{ root: string, run: Run, fetch: typeof fetch, log: (line: string) => void, env: Record<string, string | undefined>, pause?: () => Promise<void> }} deps
 */
export async function deploy({ root, run, fetch, log, env, pause }) {
  const toml = readFileSync(join(root, "wrangler.toml"), "utf8");
  const names = readPanelNames(toml);
  const plan = deployPlan(names);
  const c = deployCommands(names);
  const steps = Object.keys(plan);
  /** @param {keyof typeof plan} key */
  const step = (key) => log(`${steps.indexOf(key) + 1}/${steps.length} ${plan[key]?.title}`);

  step("auth");
  const account = await checkAuth(run, names, env);
  log(`   account: ${account.label}`);
  // Every later wrangler call goes to this account, without asking again.
  /** @type {Run} */
  const inAccount = (command, args, options = {}) =>
    run(command, args, { ...options, env: { ...options.env, CLOUDFLARE_ACCOUNT_ID: account.accountId } });
  /** @param {Command} command */
  const show = async (command) => {
    const result = await inAccount(command.command, command.args);
    if (result.status !== 0) throw commandFailed(command, result);
  };

  step("build");
  await show(c.build);

  step("database");
  const database = await ensureDatabase(inAccount, names);
  log(`   ${database.created ? "created" : "found"} ${names.databaseName} (${database.id})`);

  step("bucket");
  const bucket = await ensureBucket(inAccount, names);
  log(`   ${bucket.created ? "created" : "found"} ${names.bucketName}`);

  step("queues");
  const queues = await ensureQueues(inAccount, names);
  const found = names.queueNames.filter((name) => !queues.created.includes(name));
  log(
    `   ${[queues.created.length ? `created ${queues.created.join(", ")}` : "", found.length ? `found ${found.join(", ")}` : ""].filter(Boolean).join("; ")}`,
  );

  step("config");
  writeFileSync(join(root, DEPLOY_CONFIG), deployConfigText(toml, database.id));

  step("migrate");
  await show(c.migrate);

  step("owner");
  const hasOwner = await ownerExists(inAccount, names);
  log(`   ${hasOwner ? "the owner exists" : "no owner yet"}`);

  step("secrets");
  const present = await listSecretNames(inAccount, names);
  const toSet = secretsToGenerate({ present, ownerExists: hasOwner });
  const secrets = toSet.length ? await setGeneratedSecrets(inAccount, names, toSet) : {};
  log(`   ${toSet.length ? `set ${toSet.join(", ")}` : "all set; none changed"}`);

  step("deploy");
  const outputPath = join(root, DEPLOY_OUTPUT);
  mkdirSync(dirname(outputPath), { recursive: true });
  rmSync(outputPath, { force: true });
  const deployed = await inAccount(c.deploy.command, c.deploy.args, { env: { WRANGLER_OUTPUT_FILE_PATH: outputPath } });
  if (deployed.status !== 0) throw commandFailed(c.deploy, deployed);
  const url =
    env.VORTEX_PANEL_URL || (existsSync(outputPath) ? deployedUrl(readFileSync(outputPath, "utf8")) : undefined);

  step("setup");
  if (hasOwner) log("   the owner account exists: nothing to create");
  else {
    if (!url)
      throw new DeployError(
        "wrangler reported no https URL for the Worker (workers.dev off?): run again with VORTEX_PANEL_URL=https://<panel host>",
      );
    const username = env.VORTEX_ADMIN_USERNAME || "admin";
    const password = env.VORTEX_ADMIN_PASSWORD || randomBytes(12).toString("base64url");
    const setupToken = /** @type {string} */ (secrets.VORTEX_SETUP_TOKEN);
    const outcome = await createOwner({ fetch, url, setupToken, username, password, pause });
    if (outcome === "exists") log("   the owner account exists: nothing to create");
    else
      log(
        `   owner account created: ${username}${env.VORTEX_ADMIN_PASSWORD ? "" : ` / ${password}  (shown once; change it after signing in)`}`,
      );
  }

  const optional = Object.entries(OPERATOR_SECRETS).filter(([name]) => !present.includes(name));
  if (optional.length) {
    log("Left for you to set when you use them (`npx wrangler secret put <NAME>`):");
    for (const [name, purpose] of optional) log(`   [ ] ${name.padEnd(22)} ${purpose}`);
  }
  log(`panel deployed${url ? ` at ${url}` : ""}`);
}

/**
 * `npm run deploy -- --dry-run`: no account, nothing created or set. Prints the plan, then runs
 * wrangler's own dry run on the config a deploy would use (with wrangler.toml's database id, since
 * the real one is only known to the account) and leaves its bundle in DRY_RUN_OUTDIR.
 * @param {{ root: string, run: Run, log: (line: string) => void }} deps
 */
export async function dryRun({ root, run, log }) {
  const toml = readFileSync(join(root, "wrangler.toml"), "utf8");
  const names = readPanelNames(toml);
  const plan = Object.values(deployPlan(names));
  log("dry run: no Cloudflare account is used and nothing is created, set or deployed. A deploy would:");
  plan.forEach(({ title, commands }, index) => {
    log(`${index + 1}/${plan.length} ${title}`);
    for (const [command, when] of commands) log(`     $ ${formatCommand(command)}${when ? `   # ${when}` : ""}`);
  });
  const c = deployCommands(names);
  // wrangler's dry run bundles the assets too: build them when there are none (a deploy always builds).
  if (!existsSync(join(root, "web/dist/index.html"))) {
    log("web/dist is missing: building it for wrangler's dry run");
    const built = await run(c.build.command, c.build.args);
    if (built.status !== 0) throw commandFailed(c.build, built);
  }
  writeFileSync(join(root, DEPLOY_CONFIG), deployConfigText(toml, names.databaseId));
  log(`wrangler's own dry run on ${DEPLOY_CONFIG}:`);
  log(`     $ ${formatCommand(c.dryRun)}`);
  rmSync(join(root, DRY_RUN_OUTDIR), { recursive: true, force: true });
  const result = await run(c.dryRun.command, c.dryRun.args);
  if (result.status !== 0) throw commandFailed(c.dryRun, result);
  log(`dry run done: the Worker bundle is in ${DRY_RUN_OUTDIR}/`);
}
