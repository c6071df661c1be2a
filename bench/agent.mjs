#!/usr/bin/env node
/**
 * Node agent resources: the bundled agent (node-agent/dist/vortex-agent.mjs) runs Debian's real
 * v2ray core against the stand-in edge (node-agent/src/testing/fake-edge.ts — this bench measures
 * the agent, not the edge) with 10,000 users on one VLESS inbound, all on loopback. Figures:
 *
 *   RSS idle (enrolled, core running, no config yet), steady with 10,000 users applied and every
 *   user holding counters, and peak while 1,000 users' credentials rotate (2,000 gRPC calls) —
 *   from /proc/<pid>/status VmRSS/VmHWM (VmHWM is reset through clear_refs before each phase);
 *   CPU time per usage cycle (counters → journal → push) from /proc/<pid>/stat utime+stime over
 *   N ticks while 1,000 users make traffic each tick.
 *
 * Each figure is also given as a ratio to a bare `node -e "setInterval(()=>{},1000)"` of the same
 * Node binary measured in the same run. Run alone: `npm exec -- tsx bench/agent.mjs` (needs root
 * for clear_refs, and `v2ray` on PATH); bench/run.mjs can call `benchAgent()`.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AGENT_BUNDLE, agentRunArgs, collectJsonLogs } from "../node-agent/src/testing/agent-process.ts";
import { FakeEdge } from "../node-agent/src/testing/fake-edge.ts";
import { makeInbound, makePayload, makeUser, routingAllowingLoopback } from "../node-agent/src/testing/factories.ts";
import { freePort } from "../node-agent/src/testing/net.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const CLOCK_TICK_MS = 1000 / 100; // USER_HZ: /proc/<pid>/stat counts CPU in 10 ms ticks
const KB = 1024;

/**
 * VmRSS and VmHWM of `pid`, in bytes, and VmRSS split into RssAnon (private: heaps, malloc) and
 * RssFile (mapped files, mostly the node binary's pages, shared with every node process).
 */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * KB;
  return { rssBytes: kb("VmRSS"), hwmBytes: kb("VmHWM"), anonBytes: kb("RssAnon"), fileBytes: kb("RssFile") };
}

/** Resets VmHWM to the current RSS (Linux >= 4.0; needs the same user or root). */
function resetPeak(pid) {
  writeFileSync(`/proc/${pid}/clear_refs`, "5");
}

/** utime + stime of `pid` in ms (10 ms resolution). */
export function cpuMsOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

function waitFor(what, check, timeoutMs, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const value = check();
      if (value) return resolve(value);
      if (Date.now() > deadline) return reject(new Error(`bench gave up waiting for: ${what}`));
      setTimeout(poll, intervalMs);
    };
    poll();
  });
}

/** A loopback TCP echo server: the target every user's VLESS connection reaches through the core. */
async function startEcho() {
  const server = createServer((socket) => {
    socket.on("error", () => undefined);
    socket.pipe(socket);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { port: server.address().port, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * One VLESS (no TLS) connection as `uuid` through the core to the echo server: request header
 * (version 0, user id, no addons, TCP, port, IPv4 127.0.0.1), `bytes` of payload, wait for the
 * echo, close. This is what makes the core create the user's counters and move them; a client
 * core per user would measure v2ray instead of the agent.
 */
function vlessRoundTrip(inboundPort, uuid, echoPort, bytes = 256) {
  return new Promise((resolve, reject) => {
    const socket = connect({ port: inboundPort, host: "127.0.0.1" });
    const id = Buffer.from(uuid.replace(/-/g, ""), "hex");
    const header = Buffer.concat([
      Buffer.from([0]),
      id,
      Buffer.from([0, 1, echoPort >> 8, echoPort & 0xff, 1, 127, 0, 0, 1]),
    ]);
    let received = 0;
    const timer = setTimeout(() => finish(new Error("vless round trip timed out")), 10_000);
    const finish = (err) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    socket.on("error", finish);
    socket.on("connect", () => socket.write(Buffer.concat([header, Buffer.alloc(bytes, 0x61)])));
    // Response header (version, addons length 0) then the echo.
    socket.on("data", (chunk) => {
      received += chunk.length;
      if (received >= bytes + 2) finish();
    });
  });
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
async function pool(items, concurrency, task) {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await task(items[next++]);
  });
  await Promise.all(workers);
}

/** Median of `samples` taken every `intervalMs` for `durationMs`. */
async function sampleRss(pid, durationMs, intervalMs = 200) {
  const samples = [];
  for (let t = 0; t < durationMs; t += intervalMs) {
    samples.push(memoryOf(pid).rssBytes);
    await sleep(intervalMs);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/**
 * `onPhase(name, agentPid)` is awaited at "idle", "steady" and "rotated", e.g. to take a heap snapshot.
 *
 * @param {{ users?: number, rotate?: number, activePerTick?: number, cpuTicks?: number, nodeArgs?: string[], env?: Record<string, string>, bundle?: string, build?: boolean, log?: (line: string) => void, onPhase?: (phase: string, pid: number) => Promise<void> }} options
 * @example const figures = await benchAgent({ users: 10_000 });
 */
export async function benchAgent({
  users: userCount = 10_000,
  rotate = 1_000,
  activePerTick = 1_000,
  cpuTicks = 20,
  nodeArgs = [],
  env = {},
  bundle = AGENT_BUNDLE,
  build = bundle === AGENT_BUNDLE,
  log = (line) => console.log(line),
  onPhase = async () => undefined,
} = {}) {
  if (build) {
    const built = spawnSync(process.execPath, [join(root, "node-agent/scripts/build.mjs")], {
      cwd: root,
      encoding: "utf8",
    });
    if (built.status !== 0) throw new Error(`agent build failed:\n${built.stdout}\n${built.stderr}`);
  }
  const dir = mkdtempSync(join(tmpdir(), "vortex-agent-bench-"));
  const stateDir = join(dir, "state");
  const children = [];
  const closers = [];
  const kill = (child) => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  try {
    const edge = new FakeEdge();
    await edge.start();
    closers.push(() => edge.stop());
    const echo = await startEcho();
    closers.push(echo.close);

    // The bare process first, so it has settled by the time it is read.
    const bare = spawn(process.execPath, ["-e", "setInterval(()=>{},1000)"], { stdio: "ignore" });
    children.push(bare);

    // Not spawnSync: the stand-in edge answers from this process's event loop.
    const enroll = spawn(process.execPath, [bundle, "enroll", edge.url, "enroll-token", "--state-dir", stateDir], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    children.push(enroll);
    let enrollErr = "";
    enroll.stderr.on("data", (c) => (enrollErr += c));
    const enrollCode = await new Promise((r) => enroll.once("exit", r));
    if (enrollCode !== 0) throw new Error(`enroll failed: ${enrollErr}`);

    const apiPort = await freePort();
    const inboundPort = await freePort();
    const logs = [];
    const agent = spawn(process.execPath, [...nodeArgs, ...agentRunArgs({ bundle, stateDir, apiPort, tickSec: 1 })], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, ...env },
    });
    children.push(agent);
    collectJsonLogs(agent.stderr, logs);
    const logged = (event, match = () => true) => logs.find((e) => e.event === event && match(e));
    const corePid = () => JSON.parse(readFileSync(join(stateDir, "core/instance.json"), "utf8")).pid;
    // The agent may re-exec itself with V8 flags: the process to measure is the one running the loop.
    const agentPid = () => logged("agent.running")?.pid ?? agent.pid;

    await waitFor(
      "agent running",
      () => logged("agent.running") || (agent.exitCode !== null && { failed: true }),
      30_000,
    );
    if (agent.exitCode !== null) throw new Error(`agent exited: ${JSON.stringify(logs.slice(-5))}`);
    const pid = agentPid();
    // What the agent runs with after any re-exec of its own (flags, malloc settings).
    const agentArgs = readFileSync(`/proc/${pid}/cmdline`, "utf8")
      .split("\0")
      .filter((a) => a.startsWith("--") && !a.startsWith("--state-dir") && a.length > 2)
      .filter((a) => /^--(max|min|single|lite|jit|optimize|no-|v8|gc|stack)/.test(a));
    const agentMallocEnv = readFileSync(`/proc/${pid}/environ`, "utf8")
      .split("\0")
      .filter((v) => v.startsWith("MALLOC_") || v.startsWith("GLIBC_TUNABLES"));
    await waitFor("first usage push", () => edge.pushes.length >= 2, 15_000);
    await sleep(3_000);
    const idleRss = await sampleRss(pid, 2_000);
    const bareRss = await sampleRss(bare.pid, 1_000);
    log(`idle: agent ${mb(idleRss)} MB, bare node ${mb(bareRss)} MB`);
    await onPhase("idle", pid);

    // 10,000 users on one VLESS inbound: the first config starts the core with all of them.
    const inbound = makeInbound({ tag: "vless-in", protocol: "vless", port: inboundPort });
    let users = Array.from({ length: userCount }, (_, i) => makeUser(i + 1, [inbound.tag]));
    let version = 0;
    const publish = async () => {
      const now = Math.floor(Date.now() / 1000);
      version++;
      // The echo server is on loopback, which the default routing policy keeps users away from.
      await edge.publish(
        makePayload({
          nodeId: edge.nodeId,
          version,
          issuedAtSec: now,
          expiresAtSec: now + 3600,
          inbounds: [inbound],
          users,
          routing: routingAllowingLoopback(echo.port),
        }),
      );
      const v = version;
      return waitFor(
        `config v${v} applied`,
        () => logged("config.applied", (e) => e.version === v) || logged("config.apply_failed", (e) => e.version === v),
        300_000,
      );
    };
    resetPeak(pid);
    const first = await publish();
    if (first.event !== "config.applied") throw new Error(`first config failed: ${JSON.stringify(first)}`);
    const applyPeak = memoryOf(pid).hwmBytes;
    log(`applied ${userCount} users (restart: ${first.restarted}); peak during apply ${mb(applyPeak)} MB`);

    // Every user connects once, so the core holds counters for all of them (as on a busy node).
    const started = Date.now();
    await pool(users, 64, (u) => vlessRoundTrip(inboundPort, u.vlessId, echo.port));
    log(`traffic for all ${userCount} users in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const counted = () => edge.totals.size;
    await waitFor("every user's usage pushed", () => counted() >= userCount, 60_000, 200);

    // Steady: a few ticks after the traffic, then the median of 5 s of samples.
    await sleep(3_000);
    resetPeak(pid);
    const steadyRss = await sampleRss(pid, 5_000);
    const { hwmBytes: steadyPeak, anonBytes: steadyAnon, fileBytes: steadyFile } = memoryOf(pid);
    const { anonBytes: bareAnon, fileBytes: bareFile } = memoryOf(bare.pid);
    log(
      `steady with ${userCount} users: ${mb(steadyRss)} MB (peak over the window ${mb(steadyPeak)} MB; RssAnon ${mb(steadyAnon)} MB, RssFile ${mb(steadyFile)} MB)`,
    );
    await onPhase("steady", pid);

    // CPU per usage cycle: `activePerTick` users make traffic before each tick; N ticks counted
    // by the pushes the edge received.
    let active = true;
    let cursor = 0;
    const driver = (async () => {
      while (active) {
        const batch = [];
        for (let i = 0; i < activePerTick; i++) batch.push(users[cursor++ % users.length]);
        await pool(batch, 32, (u) => vlessRoundTrip(inboundPort, u.vlessId, echo.port, 64));
        await sleep(200);
      }
    })();
    await sleep(2_000);
    const pushesBefore = edge.pushes.length;
    const cpuBefore = cpuMsOf(pid);
    const bareCpuBefore = cpuMsOf(bare.pid);
    const windowStarted = Date.now();
    await waitFor(`${cpuTicks} ticks`, () => edge.pushes.length - pushesBefore >= cpuTicks, cpuTicks * 3_000, 20);
    const cpuMs = cpuMsOf(pid) - cpuBefore;
    const bareCpuMs = cpuMsOf(bare.pid) - bareCpuBefore;
    const windowMs = Date.now() - windowStarted;
    const ticks = edge.pushes.length - pushesBefore;
    const deltasPerPush = edge.pushes.slice(pushesBefore).reduce((s, p) => s + p.deltas.length, 0) / ticks;
    active = false;
    await driver;
    const cpuPerCycleMs = cpuMs / ticks;
    // The bare process wakes once a second: its CPU per wake-up over the same window. It often
    // stays below one 10 ms clock tick, so the ratio uses one tick as its floor (a lower bound).
    const bareWakeups = windowMs / 1000;
    const barePerWakeupMs = Math.max(bareCpuMs, CLOCK_TICK_MS) / bareWakeups;
    log(
      `cpu: ${cpuPerCycleMs.toFixed(1)} ms per cycle over ${ticks} ticks (${deltasPerPush.toFixed(0)} deltas per push); bare node ${bareCpuMs} ms over ${(windowMs / 1000).toFixed(1)} s`,
    );

    // Rotation: 1,000 users get new credentials → 1,000 RemoveUser + 1,000 AddUser calls.
    const corePidBefore = corePid();
    users = users.map((u, i) => (i < rotate ? { ...u, vlessId: crypto.randomUUID() } : u));
    await sleep(1_500);
    resetPeak(pid);
    let rotationMaxRss = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        rotationMaxRss = Math.max(rotationMaxRss, memoryOf(pid).rssBytes);
        await sleep(20);
      }
    })();
    const rotated = await publish();
    // Rotated credentials end their users' live connections: that cut (access log, `ss -K`) is
    // part of the rotation and runs right after the config is applied.
    const cutLogs = () =>
      logs.filter((e) => e.event === "cut.connections_closed" && e.reason === "removed from the config").length;
    await waitFor(`connections of ${rotate} rotated users cut`, () => cutLogs() >= rotate, 120_000, 100).catch(() =>
      log(`only ${cutLogs()} cut logs seen; peak window ends here`),
    );
    const rotationHwm = memoryOf(pid).hwmBytes;
    sampling = false;
    await sampler;
    if (rotated.event !== "config.applied" || rotated.restarted || rotated.userOps !== rotate * 2)
      throw new Error(`rotation was not a runtime change of ${rotate * 2} ops: ${JSON.stringify(rotated)}`);
    if (corePid() !== corePidBefore) throw new Error("the core restarted during rotation");
    const rotationPeak = Math.max(rotationHwm, rotationMaxRss);
    await sleep(3_000);
    const afterRotationRss = await sampleRss(pid, 2_000);
    await onPhase("rotated", pid);
    log(
      `rotation of ${rotate} users (${rotated.userOps} gRPC calls): peak ${mb(rotationPeak)} MB, after ${mb(afterRotationRss)} MB`,
    );

    const bareEnd = memoryOf(bare.pid);
    const figures = {
      date: new Date().toISOString(),
      node: process.version,
      nodeArgs,
      env,
      agentArgs,
      agentMallocEnv,
      users: userCount,
      bareNode: {
        rssBytes: bareRss,
        hwmBytes: bareEnd.hwmBytes,
        anonBytes: bareAnon,
        fileBytes: bareFile,
        cpuMsOverWindow: bareCpuMs,
        windowMs,
      },
      idle: { rssBytes: idleRss, ratioToBare: idleRss / bareRss },
      applyPeak: { hwmBytes: applyPeak, ratioToBare: applyPeak / bareRss },
      steady: {
        rssBytes: steadyRss,
        windowPeakBytes: steadyPeak,
        anonBytes: steadyAnon,
        fileBytes: steadyFile,
        ratioToBare: steadyRss / bareRss,
      },
      rotation: {
        users: rotate,
        grpcCalls: rotated.userOps,
        peakBytes: rotationPeak,
        afterBytes: afterRotationRss,
        ratioToBare: rotationPeak / bareRss,
      },
      cpuPerCycle: {
        ms: cpuPerCycleMs,
        ticks,
        deltasPerPush,
        bareMsPerWakeup: barePerWakeupMs,
        ratioToBareWakeup: cpuPerCycleMs / barePerWakeupMs,
        bareBelowClockTick: bareCpuMs < CLOCK_TICK_MS,
      },
    };

    // Stop like systemd does: SIGTERM, the agent stops the core itself.
    const core = corePid();
    agent.kill("SIGTERM");
    await waitFor("agent stopped", () => agent.exitCode !== null || agent.signalCode !== null, 20_000).catch(() =>
      kill(agent),
    );
    try {
      process.kill(core, 0);
      process.kill(core, "SIGKILL");
    } catch {
      // already gone: the agent stopped it
    }
    return figures;
  } finally {
    for (const child of children) kill(child);
    // A core left by a failed run (possibly before instance.json was written): any process
    // whose command line names this run's state dir is ours to stop.
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(stateDir)) process.kill(Number(entry), "SIGKILL");
      } catch {
        // gone meanwhile, or not readable
      }
    }
    for (const close of closers) await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** MB = 10^6 bytes, as the budget (60 MB) and the agent author's figures count them. */
const mb = (bytes) => (bytes / 1e6).toFixed(1);

/** One table for the console. */
export function formatAgentFigures(f) {
  const row = (what, bytes, ratio) =>
    `${what.padEnd(44)} ${mb(bytes).padStart(7)} MB  ${ratio.toFixed(2).padStart(5)} x bare`;
  return [
    `agent resources (${f.node}; agent runs with ${[...f.agentArgs, ...f.agentMallocEnv].join(" ") || "no extra flags"}), ${f.users.toLocaleString("en")} users`,
    row("bare node (setInterval)", f.bareNode.rssBytes, 1),
    row("idle (no config yet)", f.idle.rssBytes, f.idle.ratioToBare),
    row(`steady, ${f.users.toLocaleString("en")} users`, f.steady.rssBytes, f.steady.ratioToBare),
    `  of which private (RssAnon) ${mb(f.steady.anonBytes)} MB, mapped files (RssFile, mostly the node binary) ${mb(f.steady.fileBytes)} MB; bare node ${mb(f.bareNode.anonBytes)} + ${mb(f.bareNode.fileBytes)} MB`,
    row(`peak, first apply of ${f.users.toLocaleString("en")} users`, f.applyPeak.hwmBytes, f.applyPeak.ratioToBare),
    row(
      `peak, rotating ${f.rotation.users} users (${f.rotation.grpcCalls} calls)`,
      f.rotation.peakBytes,
      f.rotation.ratioToBare,
    ),
    `CPU per usage cycle: ${f.cpuPerCycle.ms.toFixed(1)} ms (${f.cpuPerCycle.deltasPerPush.toFixed(0)} deltas/push, ${f.cpuPerCycle.ticks} ticks); ` +
      `${f.cpuPerCycle.ratioToBareWakeup.toFixed(0)} x a bare wake-up${f.cpuPerCycle.bareBelowClockTick ? " (bare < one 10 ms clock tick: ratio is a lower bound)" : ""}`,
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const nodeArgs = process.argv.slice(2).filter((a) => a.startsWith("--"));
  // BENCH_AGENT_BUNDLE: measure another build (e.g. an older commit's) instead of building this one.
  const bundle = process.env.BENCH_AGENT_BUNDLE;
  const figures = await benchAgent({
    nodeArgs,
    users: Number(process.env.BENCH_AGENT_USERS ?? 10_000),
    ...(bundle ? { bundle } : {}),
  });
  console.log(`\n${formatAgentFigures(figures)}`);
  console.log(JSON.stringify(figures));
}
