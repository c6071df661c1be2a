/**
 * End to end on loopback: the bundled `vortex-agent` (dist/vortex-agent.mjs, built here) enrolls
 * with a stand-in edge, runs Debian's real v2ray core, and is driven through the behaviours the
 * design promises: exact accounting (also across kill -9 and an edge outage), runtime user
 * changes without restarts, refusal of bad configs, and cutting live connections.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentInbound, AgentUser, ConfigPayload } from "../../../workers/agent/protocol/messages.ts";
import { CoreApi } from "../core/grpc/client.ts";
import { clientOutbound, startClientCore, type ClientCore } from "../testing/client-core.ts";
import { FakeEdge } from "../testing/fake-edge.ts";
import { makeInbound, makePayload, makeUser } from "../testing/factories.ts";
import { fetchThroughSocks, freePort, makeSelfSignedCert, socksConnect, startHttpTarget, type HttpTarget } from "../testing/net.ts";

const packageDir = resolve(import.meta.dirname, "../..");
const bundle = join(packageDir, "dist/vortex-agent.mjs");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` (bounded); fails with `what` if it never holds. Never a timing assertion. */
async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, attempts = 300, intervalMs = 100): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await check();
    if (value) return value;
    await sleep(intervalMs);
  }
  throw new Error(`gave up waiting for: ${what}`);
}

let dir: string;
let stateDir: string;
let edge: FakeEdge;
let target: HttpTarget;
let caFile: string;
let tls: { certificateFile: string; keyFile: string };
let apiPort: number;
let agent: ChildProcess | null = null;
let logs: Array<Record<string, any>> = [];
const clients: ClientCore[] = [];
const openSockets: Socket[] = [];
let version = 0;
let inbounds: AgentInbound[];
let users: AgentUser[];
const measured: Record<string, unknown> = {};

function startAgent(): ChildProcess {
  const child = spawn(process.execPath, [bundle, "run", "--state-dir", stateDir, "--core", "v2ray", "--core-bin", "v2ray", "--api-port", String(apiPort), "--listen", "127.0.0.1", "--tls-cert", tls.certificateFile, "--tls-key", tls.keyFile, "--tick-sec", "1"], { stdio: ["ignore", "ignore", "pipe"] });
  let buf = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    buf += chunk.toString();
    const lines = buf.split("\n");
    buf = lines.pop() ?? "";
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ raw: line });
      }
    }
  });
  agent = child;
  return child;
}

const logged = (event: string, match: (e: Record<string, any>) => boolean = () => true) => logs.find((e) => e.event === event && match(e));

function corePid(): number {
  return JSON.parse(readFileSync(join(stateDir, "core/instance.json"), "utf8")).pid;
}

async function publish(next: { users?: AgentUser[]; overrides?: Partial<ConfigPayload> } = {}): Promise<number> {
  if (next.users) users = next.users;
  const now = Math.floor(Date.now() / 1000);
  version++;
  await edge.publish(makePayload({ nodeId: edge.nodeId, version, issuedAtSec: now, expiresAtSec: now + 3600, inbounds, users, ...next.overrides }));
  const v = version;
  await waitFor(`config v${v} applied`, () => logged("config.applied", (e) => e.version === v));
  return v;
}

async function clientFor(user: AgentUser, inboundTag = user.inboundTags[0]!): Promise<ClientCore> {
  const inbound = inbounds.find((i) => i.tag === inboundTag)!;
  const client = await startClientCore(dir, `${inboundTag}-${user.id}-${clients.length}`, await freePort(), clientOutbound(inbound, user, caFile));
  clients.push(client);
  return client;
}

/**
 * A long, server-paced download through `client`. "Closed" is judged where the node's side of
 * the user's connection ends: the core's socket to the client (gone from `ss`) and the stream
 * the core relays from the target (closed). How fast a client app notices is up to the client.
 */
async function slowDownload(client: ClientCore, inboundPort: number) {
  const socket = await socksConnect(client.socksPort, target.port);
  openSockets.push(socket);
  const state = { bytes: 0 };
  socket.on("data", (c: Buffer) => (state.bytes += c.length));
  socket.on("error", () => undefined);
  socket.write(`GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  await waitFor("slow download flowing", () => state.bytes > 64 * 1024);
  expect(target.openSlowStreams()).toBe(1);
  expect(await establishedOn(inboundPort)).toBe(1);
  return { socket, state };
}

/** Established server-side sockets on an inbound port (only the test's clients use these ports). */
function establishedOn(port: number): Promise<number> {
  return new Promise((resolve) => {
    execFile("ss", ["-t", "-n", "-H", "state", "established", "(", "sport", "=", `:${port}`, ")"], (_err, stdout) => resolve(stdout.split("\n").filter((l) => l.trim()).length));
  });
}

async function waitUntilCut(inboundPort: number, what: string): Promise<number> {
  await waitFor(what, async () => target.openSlowStreams() === 0 && (await establishedOn(inboundPort)) === 0, 150);
  return Date.now();
}

/** Runs the CLI without blocking this process: the stand-in edge lives in it. */
function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bundle, ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ status: err ? (typeof err.code === "number" ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

const totalOf = (userId: number) => edge.totals.get(userId) ?? { up: 0, down: 0 };

beforeAll(async () => {
  execFileSync(process.execPath, [join(packageDir, "scripts/build.mjs")], { stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "vortex-e2e-"));
  stateDir = join(dir, "state");
  tls = makeSelfSignedCert(dir);
  caFile = tls.certificateFile;
  apiPort = await freePort();
  target = await startHttpTarget();
  edge = new FakeEdge();
  await edge.start();
  inbounds = [
    makeInbound({ tag: "vless-in", protocol: "vless", port: await freePort() }),
    makeInbound({ tag: "vmess-in", protocol: "vmess", transport: "ws", port: await freePort(), transportSettings: { path: "/vm" } }),
    makeInbound({ tag: "trojan-in", protocol: "trojan", security: "tls", port: await freePort() }),
  ];
  users = [makeUser(1, ["vless-in"]), makeUser(2, ["vmess-in"]), makeUser(3, ["trojan-in"])];
});

afterAll(async () => {
  for (const s of openSockets) s.destroy();
  await Promise.all(clients.map((c) => c.stop()));
  if (agent && agent.exitCode === null) {
    agent.kill("SIGTERM");
    await waitFor("agent exit", () => agent!.exitCode !== null || agent!.signalCode !== null, 100).catch(() => agent!.kill("SIGKILL"));
  }
  try {
    process.kill(corePid(), "SIGKILL");
  } catch {
    // Already stopped by the agent, as it should be.
  }
  await edge?.stop();
  await target?.close();
  // The agent's own structured log, kept for whoever reads a failure.
  writeFileSync(join(dir, "agent-log.jsonl"), logs.map((l) => JSON.stringify(l)).join("\n") + "\n");
  console.log("measured:", JSON.stringify(measured), "agent log:", join(dir, "agent-log.jsonl"));
});

describe("vortex-agent with a real v2ray core", () => {
  it("enrolls with the one-time token and pins the panel key", async () => {
    const bad = await cli("enroll", edge.url, "wrong-token", "--state-dir", stateDir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("BAD_TOKEN");
    const ok = await cli("enroll", edge.url, "enroll-token", "--state-dir", stateDir);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ enrolled: true, nodeId: 1 });
    expect(JSON.parse(readFileSync(join(stateDir, "identity.json"), "utf8")).panelPublicKey).toBe(edge.panelPublicKey);
  });

  it("runs a signed config and charges each user's bytes exactly once, to the byte", async () => {
    startAgent();
    await waitFor("agent running", () => logged("agent.running"));
    await publish();
    for (const user of users) {
      const client = await clientFor(user);
      const result = await fetchThroughSocks(client.socksPort, target.port, "/bytes/262144");
      expect(result.status).toBe(200);
      const expected = { up: result.requestBytes, down: result.responseBytes };
      const total = await waitFor(`edge total for u${user.id}`, () => {
        const t = totalOf(user.id);
        return t.down >= expected.down ? t : undefined;
      });
      expect(total).toEqual(expected);
    }
    expect(edge.rejectedRequests).toBe(0);
  });

  it("adds a user at runtime without restarting the core", async () => {
    const pid = corePid();
    const dave = makeUser(4, ["vless-in"]);
    await publish({ users: [...users, dave] });
    expect(logged("config.applied", (e) => e.version === version)).toMatchObject({ restarted: false, userOps: 1 });
    const client = await clientFor(dave);
    expect((await fetchThroughSocks(client.socksPort, target.port, "/bytes/1000")).status).toBe(200);
    expect(corePid()).toBe(pid);
  });

  it("rejects tampered, foreign-node, older and expired configs, logs why, and keeps serving", async () => {
    const now = Math.floor(Date.now() / 1000);
    const base = makePayload({ nodeId: 1, version: version + 1, issuedAtSec: now, expiresAtSec: now + 3600, inbounds, users });
    const sign = async (p: ConfigPayload) => {
      const text = JSON.stringify(p);
      return { payload: text, signature: await edge.signWithPanelKey(text) };
    };
    const valid = await sign(base);
    const cases: Array<[string, { payload: string; signature: string }]> = [
      ["bad_signature", { ...valid, payload: valid.payload.replace('"vless-in"', '"evil-in"') }],
      ["other_node", await sign({ ...base, nodeId: 2 })],
      ["not_newer", await sign({ ...base, version: 1 })],
      ["expired", await sign({ ...base, expiresAtSec: now - 1 })],
    ];
    for (const [reason, envelope] of cases) {
      const before = logs.length;
      edge.publishEnvelope(base.version, envelope);
      await waitFor(`rejection ${reason}`, () => logs.slice(before).find((e) => e.event === "config.rejected" && e.reason === reason));
    }
    const client = await clientFor(users[0]!);
    expect((await fetchThroughSocks(client.socksPort, target.port, "/bytes/1000")).status).toBe(200);
    expect(JSON.parse(readFileSync(join(stateDir, "status.json"), "utf8")).appliedConfigVersion).toBe(version);
    // The next valid config is taken as usual.
    await publish();
  });

  it("closes a cut user's live connection within seconds, refuses new ones, and never restarts the core", async () => {
    const pid = corePid();
    const alice = users[0]!;
    const port = inbounds[0]!.port;
    await slowDownload(await clientFor(alice), port);
    let cutSentAt = 0;
    edge.onCutSent = (at) => (cutSentAt ||= at);
    edge.cut.add(alice.id);
    const closedAt = await waitUntilCut(port, "cut connection closed");
    // Upper bound: includes up to 100 ms of this test's own polling.
    measured.cutReplyToConnectionClosedMs = closedAt - cutSentAt;
    expect(logged("enforce.user_stopped", (e) => e.userId === alice.id)).toMatchObject({ reason: "cut_by_edge" });
    expect(logged("cut.connections_closed", (e) => e.userId === alice.id)?.destroyed).toBeGreaterThanOrEqual(1);
    const retry = await clientFor(alice);
    expect((await fetchThroughSocks(retry.socksPort, target.port, "/bytes/1000", 3_000)).status).toBeNull();
    expect(corePid()).toBe(pid);
    edge.cut.clear();
    edge.onCutSent = null;
  });

  it("lets a cut user back in when a newer config lists them, still without a restart", async () => {
    const pid = corePid();
    await publish();
    const client = await clientFor(users[0]!);
    expect((await fetchThroughSocks(client.socksPort, target.port, "/bytes/1000")).status).toBe(200);
    expect(corePid()).toBe(pid);
  });

  it("keeps journaling through an edge outage, stops an expired user locally, and delivers every byte once after", async () => {
    const now = Math.floor(Date.now() / 1000);
    const expiring = makeUser(5, ["vless-in"], { expireAtSec: now + 3 });
    const outageUser = makeUser(6, ["vmess-in"]);
    await publish({ users: [...users, expiring, outageUser] });
    await slowDownload(await clientFor(expiring), inbounds[0]!.port);
    const outageClient = await clientFor(outageUser);

    edge.down = true;
    const result = await fetchThroughSocks(outageClient.socksPort, target.port, "/bytes/300000");
    expect(result.status).toBe(200);
    await waitUntilCut(inbounds[0]!.port, "expired user's connection closed locally");
    expect(logged("enforce.user_stopped", (e) => e.userId === expiring.id)).toMatchObject({ reason: "expired" });
    await waitFor("outage bytes journaled", () => JSON.parse(readFileSync(join(stateDir, "status.json"), "utf8")).journal.unackedBytes >= result.responseBytes);
    expect(totalOf(outageUser.id)).toEqual({ up: 0, down: 0 });

    edge.down = false;
    const total = await waitFor("journal drained", () => (totalOf(outageUser.id).down >= result.responseBytes ? totalOf(outageUser.id) : undefined));
    expect(total).toEqual({ up: result.requestBytes, down: result.responseBytes });
  });

  it("survives kill -9 mid-transfer: after restart the edge holds exactly what the core counted", async () => {
    const victim = makeUser(7, ["trojan-in"]);
    await publish({ users: [...users, victim] });
    const download = await slowDownload(await clientFor(victim), inbounds[2]!.port);
    await waitFor("some of the transfer pushed", () => totalOf(victim.id).down > 0);

    agent!.kill("SIGKILL");
    await waitFor("agent dead", () => agent!.signalCode === "SIGKILL");
    await sleep(500); // traffic keeps flowing through the orphaned core, unjournaled
    download.socket.destroy();
    // Read the orphan's own counter once it settles: the truth the edge must end up with.
    const api = new CoreApi({ core: "v2ray", address: `127.0.0.1:${apiPort}` });
    let core = { up: -1, down: -1 };
    await waitFor("core counter settled", async () => {
      const now = (await api.queryUserCounters()).get(victim.email)!;
      const settled = now.down === core.down && now.up === core.up;
      core = now;
      return settled;
    }, 50, 200);
    api.close();
    expect(core.down).toBeGreaterThan(totalOf(victim.id).down);

    startAgent();
    await waitFor("orphan's counters read", () => logged("core.orphan_replaced"));
    const total = await waitFor("edge caught up", () => (totalOf(victim.id).down >= core.down ? totalOf(victim.id) : undefined));
    expect(total).toEqual(core);
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${agent!.pid}/status`, "utf8"));
    measured.agentRssKb = Number(rss?.[1]);
  });

  it("stops cleanly on SIGTERM: final usage pushed and the core stopped", async () => {
    const pid = corePid();
    agent!.kill("SIGTERM");
    await waitFor("agent exited", () => agent!.exitCode !== null, 100);
    expect(agent!.exitCode).toBe(0);
    expect(logged("agent.stopped")).toBeTruthy();
    expect(() => process.kill(pid, 0)).toThrow();
    const status = await cli("status", "--state-dir", stateDir);
    expect(JSON.parse(status.stdout)).toMatchObject({ enrolled: true, nodeId: 1, lastGoodConfigVersion: version, agentAlive: false });
  });
});
