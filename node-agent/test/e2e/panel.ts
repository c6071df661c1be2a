/**
 * The real panel for Node-side tests: the repository's Worker under `wrangler dev` (local
 * workerd, local D1 and Durable Objects) on a loopback port, with a fresh database, an owner,
 * and GraphQL helpers. `stop()` then `start()` again keeps the database: an edge outage.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "../../src/testing/net.ts";

const repo = resolve(import.meta.dirname, "../../..");
const wrangler = join(repo, "node_modules/.bin/wrangler");
const ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  DO_NOT_TRACK: "1",
  CI: "true",
};
export const OWNER = { username: "e2e-owner", password: "e2e-owner-password" };

/** What a panel's data is sealed, signed and trusted with; a restored panel needs the same ones. */
export interface PanelSecrets {
  JWT_SECRET: string;
  VORTEX_SETUP_TOKEN: string;
  SECRETS_KEY: string;
  CONFIG_SIGNING_KEY: string;
}

export interface Panel {
  url: string;
  secrets: PanelSecrets;
  /** The owner's access token (refreshed on every start). */
  token: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A local state dir holding nothing but the migrated database, made once per set of migrations
 * (and wrangler.toml, which names the database) and copied for each panel: applying the migrations
 * starts a workerd per file and costs seconds of CPU, every panel start of every e2e file. Shared
 * by concurrent test processes through an atomic rename; the dir name changes with the migrations.
 */
function migratedState(): string {
  const hash = createHash("sha256").update(readFileSync(join(repo, "wrangler.toml")));
  const migrations = join(repo, "migrations");
  for (const file of readdirSync(migrations).sort()) {
    if (file.endsWith(".sql")) hash.update(file).update(readFileSync(join(migrations, file)));
  }
  const template = join(tmpdir(), `vortex-panel-migrated-${hash.digest("hex").slice(0, 16)}`);
  if (existsSync(template)) return template;
  const staging = mkdtempSync(join(tmpdir(), "vortex-panel-migrating-"));
  const migrate = spawnSync(wrangler, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", staging], {
    cwd: repo,
    env: ENV,
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
  try {
    renameSync(staging, template);
  } catch (error) {
    // Another test process renamed its copy of the same migrations there first.
    if (!existsSync(template)) throw error;
    rmSync(staging, { recursive: true, force: true });
  }
  return template;
}

/**
 * `vars` add or override Worker vars and secrets (a Stripe stand-in's URL, an xpub, OIDC_ISSUER).
 * ENVIRONMENT is "development" (introspection on, any GraphQL from browsers) unless a story asks
 * for "production". `secrets` and `port` start a panel as another deployment of the same one (a fresh
 * database, the same secrets and address): where a backup is restored.
 */
export async function startPanel(
  options: { vars?: Record<string, string>; secrets?: PanelSecrets; port?: number } = {},
): Promise<Panel> {
  if (!existsSync(join(repo, "web/dist/index.html")))
    throw new Error("build the SPA first (npm run build:web); npm test does");
  const state = mkdtempSync(join(tmpdir(), "vortex-panel-"));
  let port = options.port ?? (await freePort());
  const secrets: PanelSecrets = options.secrets ?? {
    JWT_SECRET: randomBytes(32).toString("base64url"),
    VORTEX_SETUP_TOKEN: randomBytes(16).toString("base64url"),
    SECRETS_KEY: `k1:${randomBytes(32).toString("base64url")}`,
    CONFIG_SIGNING_KEY: generateKeyPairSync("ed25519")
      .privateKey.export({ format: "der", type: "pkcs8" })
      .toString("base64url"),
  };
  cpSync(migratedState(), state, { recursive: true });

  let child: ChildProcess | undefined;
  const panel: Panel = {
    url: `http://127.0.0.1:${port}`,
    secrets,
    token: "",
    async gql(query, variables = {}) {
      const response = await fetch(`${panel.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${panel.token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async start() {
      // Usage and a node's quiet reports reach D1 within 2 s instead of the deployed 30 and 60 s
      // (cuts and news never wait for them), so stories read traffic and last-seen back within
      // their waits while still going through the delayed paths.
      const vars = Object.entries({
        ...secrets,
        ENVIRONMENT: "development",
        USAGE_ROLLUP_SEC: "2",
        PRESENCE_WRITE_SEC: "2",
        ...options.vars,
      }).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
      const proc = spawn(
        wrangler,
        [
          "dev",
          "--ip",
          "127.0.0.1",
          "--port",
          String(port),
          "--persist-to",
          state,
          "--show-interactive-dev-session=false",
          ...vars,
        ],
        {
          cwd: repo,
          env: ENV,
          stdio: ["ignore", "pipe", "pipe"],
          detached: true,
        },
      );
      child = proc;
      let output = "";
      proc.stdout!.on("data", (c) => (output += c));
      proc.stderr!.on("data", (c) => (output += c));
      for (let i = 0; !/Ready on/.test(output); i++) {
        if (proc.exitCode !== null || i > 600) throw new Error(`wrangler dev did not start:\n${output.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await fetch(`${panel.url}/api/setup`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secrets.VORTEX_SETUP_TOKEN}` },
        body: JSON.stringify(OWNER),
      });
      panel.token = "";
      const login = await panel.gql(`mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, {
        input: OWNER,
      });
      panel.token = login.login.accessToken;
    },
    async stop() {
      const proc = child;
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once("exit", r));
      process.kill(-proc.pid!, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (proc.exitCode === null) process.kill(-proc.pid!, "SIGKILL");
    },
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await panel.start();
      return panel;
    } catch (error) {
      // Another process bound the port freePort() found free before wrangler did: pick another,
      // unless the caller asked for this address (a restore at A's address).
      if (options.port !== undefined || attempt === 3 || !/Address already in use/.test(String(error))) throw error;
      port = await freePort();
      panel.url = `http://127.0.0.1:${port}`;
    }
  }
}
