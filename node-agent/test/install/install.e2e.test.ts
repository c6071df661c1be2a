/**
 * The install line the panel prints, run exactly as printed (with a temp prefix and no systemd)
 * against a panel started the way README says, `npm start`: its SPA watcher has rebuilt
 * web/dist by then, which once took the agent download with it.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, generateKeyPairSync } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/testing/net.ts";

const repo = resolve(import.meta.dirname, "../../..");
/** Where the operator's Node 24 is "installed": the project's pinned one. */
const node24 = join(repo, "node_modules/node/bin/node");
/** A fresh Debian root shell's PATH: this machine's Node there is 20. */
const SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const OWNER = { username: "install-owner", password: "install-owner-password" };
/**
 * A shell's environment, not Vitest's: with NODE_ENV=test from the runner, `npm start`'s SPA watcher
 * rewrote web/dist as a non-production build (no service worker), and later browser stories ran on it.
 */
const { NODE_ENV: _runnerMode, ...SHELL_ENV } = process.env;
const ENV = {
  ...SHELL_ENV,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  DO_NOT_TRACK: "1",
  CI: "true",
};

let start: ChildProcess;
/** npm start's output goes to a file, not a pipe: a pipe nobody drains would stall the panel. */
let startLog = "";
let agentOutput = "";
const output = () => `${readFileSync(startLog, "utf8")}${agentOutput}`;
let url = "";
let accessToken = "";
let serverId = "";
let command = "";
let panelKey = "";
let proxy: Server | undefined;
let agent: ChildProcess | undefined;

async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

/** The line, as an operator pastes it into a root shell. */
function runLine(
  line: string,
  options: { path?: string; prefix?: string } = {},
): Promise<{ status: number | null; stdout: string; stderr: string; prefix: string }> {
  const prefix = options.prefix ?? mkdtempSync(join(tmpdir(), "vortex-install-"));
  const env = {
    ...ENV,
    PATH: options.path ?? `${join(repo, "node_modules/node/bin")}:${SYSTEM_PATH}`,
    VORTEX_PREFIX: prefix,
    VORTEX_NO_SYSTEMD: "1",
    VORTEX_CORE: "v2ray",
  };
  // Not spawnSync: the proxy story serves the line's downloads from this very process.
  return new Promise((done) => {
    const child = execFile("bash", ["-c", line], { env, encoding: "utf8" }, (_error, stdout, stderr) =>
      done({ status: child.exitCode, stdout, stderr, prefix }),
    );
  });
}

/** A config-signing key (PKCS#8, base64url) whose raw public key, as the line carries it, starts with "-". */
function signingKeyStartingWithDash(): string {
  for (;;) {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    if (publicKey.export({ format: "jwk" }).x!.startsWith("-"))
      return privateKey.export({ format: "der", type: "pkcs8" }).toString("base64url");
  }
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const installed = (prefix: string) => readdirSync(prefix, { recursive: true });

beforeAll(async () => {
  const index = join(repo, "web/dist/index.html");
  if (!existsSync(index) || !existsSync(join(repo, "node-agent/dist/vortex-agent.mjs")))
    throw new Error("build the SPA and the agent first (npm run build:web)");
  const builtBefore = statSync(index).mtimeMs;
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const stateDir = mkdtempSync(join(tmpdir(), "vortex-start-"));
  // A panel key that starts with "-", as one in 64 do: it once read as an option to enroll.
  writeFileSync(join(stateDir, ".dev.vars"), `CONFIG_SIGNING_KEY=${signingKeyStartingWithDash()}\n`, { mode: 0o600 });
  startLog = join(stateDir, "npm-start.log");
  const log = openSync(startLog, "a");
  start = spawn("npm", ["start"], {
    cwd: repo,
    env: {
      ...ENV,
      PORT: String(port),
      VORTEX_STATE_DIR: stateDir,
      VORTEX_ADMIN_USERNAME: OWNER.username,
      VORTEX_ADMIN_PASSWORD: OWNER.password,
    },
    stdio: ["ignore", log, log],
    detached: true,
  });
  await until(
    "npm start: panel ready",
    () => {
      if (start.exitCode !== null) throw new Error(`npm start exited:\n${output().slice(-3000)}`);
      return /panel ready at/.test(output()) || undefined;
    },
    120_000,
  );
  // The watcher's first build (vite build --watch empties web/dist, then writes it): the bug's trigger.
  await until(
    "the SPA watcher's first build",
    () => (statSync(index, { throwIfNoEntry: false })?.mtimeMs ?? 0) > builtBefore || undefined,
  );
  // Its files are written together; give the last of them a moment to land.
  await new Promise((r) => setTimeout(r, 1000));
  // What later stories in this run load: the production build, whose app registers its service worker.
  const entry = readdirSync(join(repo, "web/dist/assets")).find((name) => /^index-.*\.js$/.test(name))!;
  expect(readFileSync(join(repo, "web/dist/assets", entry), "utf8")).toContain("serviceWorker.register");

  accessToken = (await gql(`mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: OWNER }))
    .login.accessToken;
  serverId = (await gql(`mutation { createServer(input: {name: "installed", address: "127.0.0.1"}) { id } }`))
    .createServer.id;
  command = (await gql(`mutation ($id: ID!) { createServerEnrollment(id: $id) { command } }`, { id: serverId }))
    .createServerEnrollment.command;
  panelKey = /'([A-Za-z0-9_-]{43})'\)$/.exec(command)![1]!;
  expect(panelKey, "the panel key this story needs").toMatch(/^-/);
}, 180_000);

afterAll(async () => {
  for (const child of [agent, start]) {
    if (!child || child.exitCode !== null) continue;
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid!, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
  }
  await new Promise((r) => (proxy ? proxy.close(r) : r(undefined)));
}, 40_000);

describe("the install line under npm start", () => {
  let prefix = "";

  it("installs the agent it verified, writes the unit with the node it found, and enrolls the node", async () => {
    const run = await runLine(command);
    prefix = run.prefix;
    expect(run.status, run.stderr).toBe(0);
    const bundle = readFileSync(join(repo, "node-agent/dist/vortex-agent.mjs"));
    expect(run.stdout).toContain(`agent sha256 ${sha256(bundle)} verified against the panel key`);
    expect(readFileSync(join(prefix, "usr/local/lib/vortex-agent/vortex-agent.mjs")).equals(bundle)).toBe(true);

    const unit = readFileSync(join(prefix, "etc/systemd/system/vortex-agent.service"), "utf8");
    // systemd's own variable, not the shell's: a reload signals the running agent.
    expect(unit).toContain("\nExecReload=/bin/kill -HUP $MAINPID\n");
    expect(unit).toContain(
      `\nExecStart=${node24} --max-semi-space-size=1 ${prefix}/usr/local/lib/vortex-agent/vortex-agent.mjs run --state-dir ${prefix}/var/lib/vortex-agent --core v2ray --core-bin /usr/bin/v2ray\n`,
    );
    const stateDir = join(prefix, "var/lib/vortex-agent");
    expect(statSync(stateDir).mode & 0o777).toBe(0o700);
    const identity = JSON.parse(readFileSync(join(stateDir, "identity.json"), "utf8"));
    expect(identity).toMatchObject({ nodeId: Number(serverId), panelUrl: url, panelPublicKey: panelKey });
    const status = spawnSync(join(prefix, "usr/local/bin/vortex-agent"), ["status", "--state-dir", stateDir], {
      encoding: "utf8",
    });
    expect(JSON.parse(status.stdout)).toMatchObject({ enrolled: true, nodeId: Number(serverId) });

    const { server } = await gql(`query ($id: ID!) { server(id: $id) { status agentVersion } }`, { id: serverId });
    expect(server.status).toBe("OFFLINE");
    expect(server.agentVersion).toBeTruthy();
  });

  it("can be run again: it reinstalls the agent, keeps the identity it enrolled, and runs the agent it installed", async () => {
    const identity = readFileSync(join(prefix, "var/lib/vortex-agent/identity.json"), "utf8");
    // A release an earlier self-update committed would take over from the reinstalled bundle.
    const committed = join(prefix, "var/lib/vortex-agent/agent/current.json");
    mkdirSync(dirname(committed), { recursive: true });
    writeFileSync(committed, "{}");
    const again = await runLine(command, { prefix });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("already enrolled");
    expect(readFileSync(join(prefix, "var/lib/vortex-agent/identity.json"), "utf8")).toBe(identity);
    expect(existsSync(committed)).toBe(false);
  });

  it("with only an old Node says how to get Node 22 and installs nothing", async () => {
    const systemNode = spawnSync("bash", ["-c", "node --version"], {
      encoding: "utf8",
      env: { PATH: SYSTEM_PATH },
    }).stdout.trim();
    expect(Number(/^v(\d+)/.exec(systemNode)?.[1])).toBeLessThan(22);
    const run = await runLine(command, { path: SYSTEM_PATH });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`Node.js >= 22 is required; `);
    expect(run.stderr).toContain(
      "curl -fsSL https://deb.nodesource.com/setup_22.x | bash - && apt-get install -y nodejs",
    );
    expect(installed(run.prefix)).toEqual([]);
  });

  it("refuses an agent altered on the way, and installs nothing", async () => {
    // A stand-in for the network between node and panel that flips one byte of the agent.
    const proxyPort = await freePort();
    proxy = createServer(async (req, res) => {
      const upstream = await fetch(`${url}${req.url}`);
      let body = Buffer.from(await upstream.arrayBuffer());
      if (req.url === "/downloads/vortex-agent.mjs") body = Buffer.concat([body, Buffer.from("\n// injected\n")]);
      res
        .writeHead(upstream.status, {
          "content-type": upstream.headers.get("content-type") ?? "application/octet-stream",
        })
        .end(body);
    });
    await new Promise<void>((r) => proxy!.listen(proxyPort, "127.0.0.1", r));
    const run = await runLine(command.replaceAll(url, `http://127.0.0.1:${proxyPort}`));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("is not the release the panel signed");
    expect(installed(run.prefix)).toEqual([]);
  });

  it("refuses a panel whose signing key is not the one in the line", async () => {
    const otherKey = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" }).x!;
    const run = await runLine(command.replace(`'${panelKey}'`, `'${otherKey}'`));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`the panel signs with key ${panelKey}, not with the key in this command`);
    expect(installed(run.prefix)).toEqual([]);
  });

  it("answers a missing asset with 404 and a page navigation with the SPA", async () => {
    for (const path of ["/downloads/nope.mjs", "/assets/missing.js"]) {
      expect(spawnSync("curl", ["-fsS", "-o", "/dev/null", `${url}${path}`]).status, path).toBe(22);
    }
    // curl, as a browser's navigation: Node's fetch adds its own Sec-Fetch-Mode (cors).
    const page = spawnSync(
      "curl",
      [
        "-fsS",
        "-i",
        "-H",
        "Sec-Fetch-Mode: navigate",
        "-H",
        "Sec-Fetch-Dest: document",
        "-H",
        "Accept: text/html",
        `${url}/users/12`,
      ],
      { encoding: "utf8" },
    );
    expect(page.status).toBe(0);
    expect(page.stdout).toMatch(/^HTTP\/1\.1 200/);
    expect(page.stdout).toMatch(/^content-security-policy: default-src 'self'/im);
    expect(page.stdout).toContain('<div id="root">');
  });

  it("starts with the unit's ExecStart line and the node goes online", async () => {
    const unit = readFileSync(join(prefix, "etc/systemd/system/vortex-agent.service"), "utf8");
    const [bin, ...args] = /^ExecStart=(.+)$/m.exec(unit)![1]!.split(" ");
    // Its own gRPC port: other tests on this machine may hold the default one.
    agent = spawn(bin!, [...args, "--api-port", String(await freePort())], {
      env: ENV,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    agent.stdout!.resume();
    agent.stderr!.on("data", (c) => (agentOutput += c));
    const online = await until("the node online", async () => {
      const { server } = await gql(`query ($id: ID!) { server(id: $id) { status coreVersion } }`, { id: serverId });
      return server.status === "ONLINE" ? server : undefined;
    });
    expect(online.coreVersion).toMatch(/4\.34/);
  });
});
