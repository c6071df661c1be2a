/**
 * Remote operations end to end: the real panel (wrangler dev), the bundled agent and Debian's
 * v2ray. The agent runs the way systemd runs it (Restart=always): a tiny loop here starts the
 * installed bundle again whenever the process exits. It is enrolled through a loopback proxy in
 * front of the panel, which passes everything through except one release, whose bytes it changes
 * in transit. Stories: a core restart; a good bundle rolled out; a tampered one refused; one that
 * dies at import rolled back, the previous release running and pushing again. A user's download
 * is held open through the node across the update and the rollback: each new agent process adopts
 * the running core, the download completes, and the panel charges exactly what the core counted.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENT_PROTOCOL_LEVEL } from "../../../workers/agent/protocol/messages.ts";
import { AGENT_BUNDLE, agentRunArgs, buildAgent, waitFor } from "../../src/testing/agent-process.ts";
import { startClientCore, type ClientCore } from "../../src/testing/client-core.ts";
import {
  coreCounted,
  startDownload,
  startGatedTarget,
  type GatedTarget,
  type HeldDownload,
} from "../../src/testing/held-download.ts";
import { freePort, socksConnect } from "../../src/testing/net.ts";
import { outboundFromLink } from "../../src/testing/share-link-client.ts";
import { downloaderNode } from "./node.ts";
import { startPanel, type Panel } from "./panel.ts";

const GOOD = "0.1.1-e2e";
const TAMPERED = "0.1.2-e2e";
const BROKEN = "0.1.3-e2e";

let panel: Panel;
let proxy: Server;
let proxyUrl: string;
let dir: string;
let installed: string;
let serverId: string;
let apiPort: number;
let userId: string;
let target: GatedTarget;
let client: ClientCore;
let download: HeldDownload;
let supervised: { stop(): Promise<void>; readonly log: string; readonly starts: number };

/** Forwards to the panel; the bundle of release TAMPERED comes back with one byte changed. */
async function startTamperingProxy(target: string): Promise<Server> {
  const server = createServer((req, res) => {
    const upstream = request(
      new URL(req.url ?? "/", target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (c: Buffer) => chunks.push(c));
        answer.on("end", () => {
          const body = Buffer.concat(chunks);
          if (req.url === `/agent/v1/releases/${TAMPERED}.mjs` && body.length > 100) body[100] = body[100]! ^ 0x01;
          const headers = { ...answer.headers, "content-length": String(body.length) };
          delete headers["transfer-encoding"];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return server;
}

/** The agent under a restart-on-exit loop, as systemd's Restart=always runs it. */
function supervise(args: string[]) {
  let log = "";
  let starts = 0;
  let stopping = false;
  let child: ChildProcess;
  const start = () => {
    starts++;
    child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.once("exit", () => {
      if (!stopping) setTimeout(start, 200);
    });
  };
  start();
  return {
    get log() {
      return log;
    },
    get starts() {
      return starts;
    },
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function upload(version: string, bytes: Buffer) {
  const response = await fetch(`${panel.url}/api/agent-releases?version=${version}`, {
    method: "POST",
    headers: { authorization: `Bearer ${panel.token}` },
    body: new Uint8Array(bytes),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

interface Operation {
  id: string;
  kind: string;
  status: string;
  detail: string | null;
}

const server = async () =>
  (
    await panel.gql(
      `query ($id: ID!) { server(id: $id) { agentVersion agentProtocol lastSeenAt operations(first: 10) { id kind status detail } } }`,
      { id: serverId },
    )
  ).server as { agentVersion: string; agentProtocol: number; lastSeenAt: string; operations: Operation[] };

/** Waits until operation `id` has finished, and returns it. */
const finished = (id: string) =>
  waitFor(
    `operation ${id} to finish`,
    async () => {
      const op = (await server()).operations.find((o) => o.id === id);
      return op && ["SUCCEEDED", "FAILED", "EXPIRED"].includes(op.status) ? op : undefined;
    },
    600,
  );

const moveTo = async (version: string) =>
  (
    await panel.gql(`mutation ($v: String!, $id: ID!) { updateAgent(version: $v, serverId: $id) { id } }`, {
      v: version,
      id: serverId,
    })
  ).updateAgent[0].id as string;

beforeAll(async () => {
  buildAgent();
  dir = mkdtempSync(join(tmpdir(), "vortex-e2e-update-"));
  // The release under test: the same agent, built with another version string.
  const good = join(dir, `${GOOD}.mjs`);
  execFileSync(process.execPath, [resolve(import.meta.dirname, "../../scripts/build.mjs")], {
    env: { ...process.env, VORTEX_AGENT_VERSION: GOOD, VORTEX_AGENT_OUTFILE: good },
    stdio: "ignore",
  });
  // Where the install line puts the bundle (read-only to the service under ProtectSystem=strict).
  installed = join(dir, "usr/vortex-agent.mjs");
  mkdirSync(join(dir, "usr"));
  copyFileSync(AGENT_BUNDLE, installed);

  panel = await startPanel();
  proxy = await startTamperingProxy(panel.url);
  const address = proxy.address();
  proxyUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  const goodBytes = readFileSync(good);
  await upload(GOOD, goodBytes);
  await upload(TAMPERED, Buffer.concat([goodBytes, Buffer.from("\n// another build\n")]));
  // Dies at import, before any of the agent runs: the shebang line, then a throw.
  const text = goodBytes.toString("utf8");
  const firstLineEnd = text.indexOf("\n") + 1;
  writeFileSync(
    join(dir, "broken.mjs"),
    `${text.slice(0, firstLineEnd)}throw new Error("broken release");\n${text.slice(firstLineEnd)}`,
  );
  await upload(BROKEN, readFileSync(join(dir, "broken.mjs")));

  target = await startGatedTarget();
  const world = await downloaderNode(panel, {
    nodeName: "update-node",
    inboundPort: await freePort(),
    targetPort: target.port,
  });
  userId = world.userId;
  serverId = world.serverId;
  const { createServerEnrollment } = await panel.gql(
    `mutation ($id: ID!) { createServerEnrollment(id: $id) { token } }`,
    { id: serverId },
  );
  const stateDir = join(dir, "state");
  // Not execFileSync: the proxy it enrolls through runs in this process.
  await promisify(execFile)(process.execPath, [
    installed,
    "enroll",
    "--state-dir",
    stateDir,
    // A base64url token may start with "-": after "--" it cannot read as an option.
    "--",
    proxyUrl,
    createServerEnrollment.token,
  ]);
  apiPort = await freePort();
  supervised = supervise(agentRunArgs({ stateDir, apiPort, tickSec: 1, bundle: installed }));
  await waitFor(
    `the node to report in at protocol level ${AGENT_PROTOCOL_LEVEL}`,
    async () => (await server()).agentProtocol === AGENT_PROTOCOL_LEVEL,
    600,
  );
  const link = (await (await fetch(`${world.subscriptionUrl}/links`)).text())
    .split("\n")
    .find((l) => l.startsWith("vless://"))!;
  client = await startClientCore(dir, "downloader", await freePort(), outboundFromLink(link));
}, 180_000);

afterAll(async () => {
  target?.close();
  await client?.stop();
  await supervised?.stop();
  await panel?.stop();
  await new Promise((r) => proxy?.close(r));
});

describe("remote operations on a real node", () => {
  it("restarts the core, and reloads the agent in place, each reported done", async () => {
    const restart = async (service: "CORE" | "AGENT") =>
      (
        await panel.gql(
          `mutation ($s: ServiceType!, $id: ID!) { requestServiceRestart(service: $s, serverId: $id) { id } }`,
          {
            s: service,
            id: serverId,
          },
        )
      ).requestServiceRestart[0].id as string;
    expect(await finished(await restart("CORE"))).toMatchObject({ kind: "RESTART_CORE", status: "SUCCEEDED" });
    expect(supervised.log).toContain('"event":"core.restarting"');
    expect(await finished(await restart("AGENT"))).toMatchObject({
      kind: "RELOAD_AGENT",
      status: "SUCCEEDED",
      detail: expect.stringContaining("re-executed in place"),
    });
    expect(supervised.starts).toBe(1);
  });

  it("updates to a good bundle: the node runs and reports the new version, and adopts the core a download runs through", async () => {
    await waitFor("the node serves its inbound", async () => {
      const { server: s } = await panel.gql(
        `query ($id: ID!) { server(id: $id) { configVersion appliedConfigVersion } }`,
        { id: serverId },
      );
      return s.appliedConfigVersion === s.configVersion;
    });
    download = startDownload(await socksConnect(client.socksPort, target.port), target);
    await waitFor("the first part through the tunnel", () => download.received >= target.partBytes);
    const from = supervised.log.length;
    const op = await finished(await moveTo(GOOD));
    expect(op, supervised.log.slice(-3000)).toMatchObject({ status: "SUCCEEDED" });
    expect((await server()).agentVersion).toBe(GOOD);
    // Replaced in place (same process), not restarted by the service manager.
    expect(supervised.starts).toBe(1);
    expect(supervised.log.slice(from)).toContain('"event":"core.adopted"');
    expect(supervised.log.slice(from)).not.toContain('"event":"core.orphan_replaced"');
    target.release();
    await waitFor("the second part through the tunnel", () => download.received >= 2 * target.partBytes);
  });

  it("refuses a bundle changed in transit, and keeps running the version it has", async () => {
    const op = await finished(await moveTo(TAMPERED));
    expect(op).toMatchObject({
      status: "FAILED",
      detail: expect.stringMatching(/SHA-256|bytes, the signed operation says/),
    });
    expect((await server()).agentVersion).toBe(GOOD);
    expect(supervised.starts).toBe(1);
  });

  it("rolls back a bundle that dies at start: FAILED, the previous release runs and pushes again, and the download completes with every byte charged once", async () => {
    const from = supervised.log.length;
    const op = await finished(await moveTo(BROKEN));
    expect(op).toMatchObject({ status: "FAILED", detail: expect.stringContaining("exited before reporting healthy") });
    expect(supervised.starts).toBe(2);
    const after = (await server()).lastSeenAt;
    await waitFor("a push from the rolled-back agent", async () => (await server()).lastSeenAt > after, 100);
    expect((await server()).agentVersion).toBe(GOOD);
    expect(supervised.log.slice(from)).not.toContain('"event":"core.orphan_replaced"');

    target.release();
    expect(await download.ended).toBe("end");
    expect(download.received).toBe(target.parts * target.partBytes + download.headerBytes());
    const wire = download.requestBytes + download.received;
    await waitFor(
      "the core's counters settle on the wire's bytes",
      async () => (await coreCounted("v2ray", apiPort, userId)) === wire,
    );
    await waitFor("the panel charges what the core counted", async () => {
      const { user } = await panel.gql(`query ($id: ID!) { user(id: $id) { usedTraffic } }`, { id: userId });
      return user.usedTraffic === wire;
    });
  });
});
