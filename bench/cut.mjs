/**
 * Quota breach → live connection cut, with everything real: the panel under wrangler dev, the
 * bundled agent, Debian's v2ray and a client core on loopback. Each round gives a user 2 MiB of
 * quota left, streams a server-paced download through the client, and times from the moment the
 * client has received more than the quota to the moment the node has closed the user's connection
 * (no established socket on the inbound, the relayed stream closed). Reported as
 * p50/p95 over the rounds, and as a ratio to the agent's push interval in the same run. The agent
 * runs with its default settings (5 s push interval), as a node in production does.
 */
import { execFile, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startPanel } from "../node-agent/test/e2e/panel.ts";
import { AGENT_BUNDLE, agentRunArgs, sleep, waitFor } from "../node-agent/src/testing/agent-process.ts";
import { clientOutbound, startClientCore } from "../node-agent/src/testing/client-core.ts";
import { freePort, socksConnect, startHttpTarget } from "../node-agent/src/testing/net.ts";

/** The agent runs with its defaults: this is its default push interval (`--tick-sec`), not passed. */
const TICK_SEC = 5;
const QUOTA_LEFT = 2 * 1024 * 1024;

function establishedOn(port) {
  return new Promise((resolve) => {
    execFile("ss", ["-t", "-n", "-H", "state", "established", "(", "sport", "=", `:${port}`, ")"], (_e, stdout) =>
      resolve(stdout.split("\n").filter((l) => l.trim()).length),
    );
  });
}

export async function benchCut({ rounds = 10 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "vortex-bench-cut-"));
  const target = await startHttpTarget();
  const panel = await startPanel();
  // The target is on the node's loopback, blocked for users by default: allow-list it as an admin would.
  await panel.gql(`mutation ($input: RoutingPolicyInput!) { updateRoutingPolicy(input: $input) { blockPrivate } }`, {
    input: { allowedPrivate: [{ cidr: "127.0.0.1/32", ports: [String(target.port)] }] },
  });
  let agent;
  let client;
  try {
    const port = await freePort();
    const { createInbound } = await panel.gql(
      `mutation { createInbound(input: {tag: "cut-in", protocol: VLESS, port: ${port}}) { id tag } }`,
    );
    const { createGroup } = await panel.gql(
      `mutation ($ids: [ID!]) { createGroup(input: {name: "cut", inboundIds: $ids}) { id } }`,
      { ids: [createInbound.id] },
    );
    const { createServer } = await panel.gql(
      `mutation ($ids: [ID!]) { createServer(input: {name: "cut-node", address: "127.0.0.1", inboundIds: $ids}) { id } }`,
      { ids: [createInbound.id] },
    );
    const { createUser } = await panel.gql(
      `mutation ($g: [ID!]) { createUser(input: {username: "cut-user", groupIds: $g}) { id credentials { vlessId vmessId trojanPassword shadowsocksPassword hysteria2Password } } }`,
      { g: [createGroup.id] },
    );
    const { createServerEnrollment } = await panel.gql(
      `mutation ($id: ID!) { createServerEnrollment(id: $id) { token } }`,
      { id: createServer.id },
    );
    const stateDir = join(dir, "agent");
    execFileSync(
      process.execPath,
      [AGENT_BUNDLE, "enroll", panel.url, createServerEnrollment.token, "--state-dir", stateDir],
      { stdio: "ignore" },
    );
    agent = spawn(process.execPath, agentRunArgs({ stateDir, apiPort: await freePort() }), { stdio: "ignore" });
    await waitFor(
      "node online",
      async () => (await panel.gql(`{ servers { status } }`)).servers[0].status === "ONLINE",
      600,
      100,
    );
    const inbound = {
      tag: createInbound.tag,
      protocol: "vless",
      port,
      transport: "tcp",
      security: "none",
      protocolSettings: {},
      transportSettings: {},
      securitySettings: {},
    };
    const user = {
      id: Number(createUser.id),
      email: `u${createUser.id}`,
      inboundTags: [createInbound.tag],
      ...createUser.credentials,
      dataLimitBytes: null,
      usedBytes: 0,
      expireAtSec: null,
    };
    client = await startClientCore(dir, "cut", await freePort(), clientOutbound(inbound, user));

    const samples = [];
    for (let round = 0; round < rounds; round++) {
      // Let the last round's bytes reach the panel, so the quota left is exactly QUOTA_LEFT.
      await sleep(2500 * TICK_SEC);
      const { user: before } = await panel.gql(`query ($id: ID!) { user(id: $id) { usedTraffic } }`, {
        id: createUser.id,
      });
      await panel.gql(`mutation ($id: ID!, $limit: Bytes) { updateUser(id: $id, input: {dataLimit: $limit}) { id } }`, {
        id: createUser.id,
        limit: before.usedTraffic + QUOTA_LEFT,
      });
      // The restored user must be back in the core before the next round streams.
      const socket = await waitFor(
        "user served",
        async () => {
          const s = await socksConnect(client.socksPort, target.port).catch(() => undefined);
          return s;
        },
        200,
        100,
      );
      let received = 0;
      let crossedAt;
      let closedAt;
      socket.on("data", (chunk) => {
        received += chunk.length;
        if (crossedAt === undefined && received > QUOTA_LEFT) crossedAt = performance.now();
      });
      socket.on("error", () => undefined);
      socket.write("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      await waitFor("download flowing", () => target.openSlowStreams() === 1, 400, 10);
      // Cut is judged at the node, as the e2e test does: the stream the core relayed is closed and
      // no connection to the inbound is left. (v2ray's client core may hold its SOCKS side open.)
      await waitFor(
        "connection cut",
        async () => {
          if (target.openSlowStreams() !== 0 || (await establishedOn(port)) !== 0) return false;
          closedAt = performance.now();
          return true;
        },
        3000,
        10,
      );
      socket.destroy();
      if (crossedAt === undefined)
        throw new Error(`round ${round}: the connection closed after ${received} bytes, before the quota was used`);
      samples.push(closedAt - crossedAt);
      await panel.gql(`mutation ($id: ID!) { updateUser(id: $id, input: {dataLimit: null}) { id } }`, {
        id: createUser.id,
      });
    }
    samples.sort((a, b) => a - b);
    const pick = (q) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
    return {
      rounds,
      p50Ms: pick(0.5),
      p95Ms: pick(0.95),
      maxMs: samples[samples.length - 1],
      pushIntervalMs: TICK_SEC * 1000,
      p95InPushIntervals: pick(0.95) / (TICK_SEC * 1000),
    };
  } finally {
    await client?.stop();
    if (agent && agent.exitCode === null) {
      const exited = new Promise((r) => agent.once("exit", r));
      agent.kill("SIGTERM");
      await Promise.race([exited, sleep(10_000)]);
    }
    await panel.stop();
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchCut(), null, 2));
}
