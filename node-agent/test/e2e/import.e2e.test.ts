/**
 * Moving in without breaking a client, with the real pieces: a 3x-ui database and a Marzban
 * database (each built from the peer's own schema) imported with the CLI exactly as the README
 * prints it, the bundled agent enrolled on the node the 3x-ui import made, Debian's v2ray as its
 * core, and client cores built from what the OLD subscription URLs answer: a 3x-ui subId path and
 * a Marzban token minted with the imported secret. Each client must connect with the UUID it had.
 * The CLI's own promises are checked on the way: progress, no secret printed, a re-run that finds
 * nothing to change, and its exit code when the panel refuses the password.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { marzbanFixture, mintMarzbanToken, writeMarzbanDb } from "../../../importers/test/fixtures/marzban.ts";
import { openSqliteFile } from "../../../importers/src/node-sqlite.ts";
import { readSqliteExport } from "../../../importers/src/readers/sqlite-export.ts";
import { buildThreeXUiDb, type ThreeXUiFixture } from "../../../importers/test/fixtures/three-x-ui.ts";
import { waitFor } from "../../src/testing/agent-process.ts";
import { startClientCore, type ClientCore } from "../../src/testing/client-core.ts";
import {
  fetchThroughSocks,
  freePort,
  makeSelfSignedCert,
  startHttpTarget,
  type HttpTarget,
} from "../../src/testing/net.ts";
import { outboundFromLink } from "../../src/testing/share-link-client.ts";
import { enrollAndRunAgent, type RunningAgent } from "./node.ts";
import { OWNER, startPanel, type Panel } from "./panel.ts";

const repo = resolve(import.meta.dirname, "../../..");
let panel: Panel;
let target: HttpTarget;
let dir: string;
let agent: RunningAgent | undefined;
let xui: ThreeXUiFixture;
const marzban = marzbanFixture();
let marzbanVmessPort: number;
const clients: ClientCore[] = [];

/** `npx vortexpanel …` in the repository, as the README prints it; the owner's token in VORTEX_TOKEN unless `env` says otherwise. */
function vortexpanel(args: string[], env: Record<string, string> = { VORTEX_TOKEN: panel.token }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn("npx", ["vortexpanel", ...args], {
      cwd: repo,
      env: { ...process.env, VORTEX_TOKEN: "", VORTEX_PASSWORD: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** What an old client gets from an old URL: v2rayN asks for the base64 list of share links. */
async function linksAt(url: string): Promise<string[]> {
  const response = await fetch(url, { headers: { "user-agent": "v2rayN/6.60" } });
  expect(response.status, url).toBe(200);
  return Buffer.from(await response.text(), "base64")
    .toString("utf8")
    .split("\n")
    .filter(Boolean);
}

const vmessOf = (link: string) => JSON.parse(Buffer.from(link.slice("vmess://".length), "base64").toString());

/**
 * Connects through the link's server with a client core and fetches from the loopback target. The
 * node reports a config applied once its core is started, which may be a moment before a restarted
 * core listens: the first answer is awaited, not assumed.
 */
async function connectWith(link: string, name: string): Promise<number | null> {
  const client = await startClientCore(dir, name, await freePort(), outboundFromLink(link));
  clients.push(client);
  return waitFor(
    `a fetch through ${name}'s link`,
    async () => {
      const tried = await fetchThroughSocks(client.socksPort, target.port, "/bytes/4096").catch(() => undefined);
      return tried?.status ?? undefined;
    },
    100,
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vortex-import-e2e-"));
  target = await startHttpTarget();
  // Every 3x-ui inbound on a free loopback port: the node serves what v2ray can and skips the rest.
  const ports: Record<number, number> = {};
  for (let id = 1; id <= 12; id++) ports[id] = await freePort();
  xui = buildThreeXUiDb(join(dir, "x-ui.db"), { ports });
  marzbanVmessPort = await freePort();
  const xrayConfig = structuredClone(marzban.xrayConfig);
  for (const inbound of xrayConfig.inbounds)
    inbound.port = inbound.tag === "VMess Websocket" ? marzbanVmessPort : await freePort();
  writeMarzbanDb(join(dir, "db.sqlite3"), marzban);
  writeFileSync(join(dir, "xray_config.json"), JSON.stringify(xrayConfig));
  panel = await startPanel();
  await panel.gql(`mutation ($input: RoutingPolicyInput!) { updateRoutingPolicy(input: $input) { blockPrivate } }`, {
    input: { allowedPrivate: [{ cidr: "127.0.0.1/32", ports: [String(target.port)] }] },
  });
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  await agent?.stop();
  await panel?.stop();
  await target?.close();
});

describe("a 3x-ui customer moved with npx vortexpanel", () => {
  const alice = () => xui.people.find((p) => p.username === "alice")!;
  const aliceVmess = () => alice().entries.find((e) => e.protocol === "vmess")!;

  it("imports the file as printed, and the node it made runs the core with the customers' own secrets", async () => {
    const run = await vortexpanel([
      "import",
      "3x-ui",
      join(dir, "x-ui.db"),
      "--panel",
      panel.url,
      "--node-address",
      "127.0.0.1",
      "--yes",
    ]);
    expect(run.stderr).not.toMatch(/vortexpanel:/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Dry run: 3x-ui /m);
    expect(run.stdout).toMatch(/^Imported 3x-ui /m);
    // Not at a terminal: one progress line per batch, the last at 100%.
    expect(run.stderr).toMatch(/Importing: 100% [\d,]+\/[\d,]+ users/);
    expect(run.stdout + run.stderr).not.toContain(panel.token);
    // Every user of the file is here, each with the UUIDs it had.
    const source = openSqliteFile(join(dir, "x-ui.db"));
    const expected = readSqliteExport(source, { instance: "e2e" }).users;
    source.close();
    const { users } = await panel.gql(
      `{ users(page: { first: 100 }) { totalCount edges { node { credentials { vlessId vmessId } } } } }`,
    );
    expect(users.totalCount).toBe(expected.length);
    const ids = new Set(
      users.edges.flatMap((e: { node: { credentials: Record<string, string> } }) => Object.values(e.node.credentials)),
    );
    for (const user of expected)
      for (const id of [user.credentials.vlessId, user.credentials.vmessId]) if (id) expect(ids).toContain(id);
    const { servers } = await panel.gql(`{ servers { id name status } }`);
    expect(servers).toHaveLength(1);
    const tls = makeSelfSignedCert(dir);
    agent = await enrollAndRunAgent(panel, servers[0].id, {
      stateDir: join(dir, "agent"),
      apiPort: await freePort(),
      tickSec: 1,
      extra: ["--tls-cert", tls.certificateFile, "--tls-key", tls.keyFile],
    });
    await waitFor("the imported node online with its config applied", async () => {
      const { server } = await panel.gql(
        `query ($id: ID!) { server(id: $id) { status configVersion appliedConfigVersion } }`,
        {
          id: servers[0].id,
        },
      );
      return server.status === "ONLINE" && server.appliedConfigVersion === server.configVersion ? server : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}\nagent log:\n${agent?.log.slice(-3000)}`);
    });
  });

  it("answers its old /sub/<subId> with a link that carries its original UUID and connects through v2ray", async () => {
    const links = await linksAt(`${panel.url}/sub/${alice().subId}`);
    const vmess = links.find((l) => l.startsWith("vmess://"));
    expect(vmess, links.join("\n")).toBeDefined();
    expect(vmessOf(vmess!).id).toBe(aliceVmess().secret);
    expect(await connectWith(vmess!, "xui-alice")).toBe(200);
  });

  it("answers its old /json/<subId> in Xray JSON, the path the import mapped", async () => {
    const response = await fetch(`${panel.url}/json/${alice().subId}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(aliceVmess().secret);
  });

  it("finds nothing to change on a second run, signed in with a username and VORTEX_PASSWORD", async () => {
    const run = await vortexpanel(
      [
        "import",
        "3x-ui",
        join(dir, "x-ui.db"),
        "--panel",
        panel.url,
        "--node-address",
        "127.0.0.1",
        "--username",
        OWNER.username,
        "--dry-run",
      ],
      { VORTEX_PASSWORD: OWNER.password },
    );
    expect(run.code).toBe(0);
    // The counts row for users: nothing created or updated, all unchanged.
    expect(run.stdout).toMatch(/^\s+users\s+0\s+0\s+[1-9][\d,]*\s+0$/m);
    expect(run.stdout).not.toMatch(/^Imported/m);
    expect(run.stdout + run.stderr).not.toContain(OWNER.password);
  });

  it("exits 5 when the panel refuses the password, printing neither it nor a report", async () => {
    const run = await vortexpanel(
      ["import", "3x-ui", join(dir, "x-ui.db"), "--panel", panel.url, "--username", OWNER.username, "--yes"],
      { VORTEX_PASSWORD: "not-the-password" },
    );
    expect(run.code).toBe(5);
    expect(run.stderr).toContain("refused the username, password or code");
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toContain("not-the-password");
  });
});

describe("a Marzban customer moved with npx vortexpanel", () => {
  const user = marzban.users.find((u) => u.username === "unlimited_null")!;

  it("imports the database and its xray_config.json as printed; its old token, signed with the imported secret, serves a working link", async () => {
    const run = await vortexpanel([
      "import",
      "marzban",
      join(dir, "db.sqlite3"),
      "--xray-config",
      join(dir, "xray_config.json"),
      "--panel",
      panel.url,
      "--yes",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Imported Marzban /m);
    // The Marzban inbound goes on the running node, as an operator would place it.
    const { servers, inbounds } = await panel.gql(`{ servers { id inbounds { id } } inbounds { id port } }`);
    const vmessInbound = inbounds.find((i: { port: number }) => i.port === marzbanVmessPort);
    await panel.gql(`mutation ($id: ID!, $input: UpdateServerInput!) { updateServer(id: $id, input: $input) { id } }`, {
      id: servers[0].id,
      input: { inboundIds: [...servers[0].inbounds.map((i: { id: string }) => i.id), vmessInbound.id] },
    });

    const token = mintMarzbanToken(user.username, marzban.secretKey, Math.ceil(Date.now() / 1000));
    const uuid = (user.proxies[0]!.settings as { id: string }).id;
    const link = await waitFor("the old token's link for the Marzban inbound, once the node runs it", async () => {
      const { server } = await panel.gql(
        `query ($id: ID!) { server(id: $id) { configVersion appliedConfigVersion } }`,
        {
          id: servers[0].id,
        },
      );
      if (server.appliedConfigVersion !== server.configVersion) return undefined;
      const links = await linksAt(`${panel.url}/sub/${token}`);
      return links.find((l) => l.startsWith("vmess://") && Number(vmessOf(l).port) === marzbanVmessPort);
    });
    expect(vmessOf(link).id).toBe(uuid);
    expect(await connectWith(link, "marzban-user")).toBe(200);
    // A token forged with another secret answers like an unknown one.
    const forged = mintMarzbanToken(user.username, "0".repeat(64), Math.ceil(Date.now() / 1000));
    expect((await fetch(`${panel.url}/sub/${forged}`, { headers: { "user-agent": "v2rayN/6.60" } })).status).toBe(404);
  });
});
