/**
 * An agent restart never drops users: the real panel, the bundled agent with Debian's v2ray, and
 * a user's client core built from its subscription link. A download runs through the node while
 * the agent is killed with SIGKILL and started again, and while it reloads on SIGHUP; each time
 * the new agent process adopts the running core, the download completes without a reset, and the
 * panel charges the user exactly the bytes the core counted.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENT_BUNDLE, agentRunArgs, buildAgent, collectJsonLogs, waitFor } from "../../src/testing/agent-process.ts";
import { startClientCore, type ClientCore } from "../../src/testing/client-core.ts";
import { coreCounted, startDownload, startGatedTarget, type GatedTarget } from "../../src/testing/held-download.ts";
import { freePort, socksConnect } from "../../src/testing/net.ts";
import { outboundFromLink } from "../../src/testing/share-link-client.ts";
import { downloaderNode } from "./node.ts";
import { startPanel, type Panel } from "./panel.ts";

let panel: Panel;
let dir: string;
let stateDir: string;
let apiPort: number;
let userId: string;
let client: ClientCore;
let agent: ChildProcess;
let target: GatedTarget;
const logs: Array<Record<string, any>> = [];

function runAgent(): ChildProcess {
  agent = spawn(process.execPath, agentRunArgs({ stateDir, apiPort, tickSec: 1 }), {
    stdio: ["ignore", "ignore", "pipe"],
  });
  collectJsonLogs(agent.stderr!, logs);
  return agent;
}

const corePid = () => JSON.parse(readFileSync(join(stateDir, "core/instance.json"), "utf8")).pid as number;
const lastPushAtSec = () => JSON.parse(readFileSync(join(stateDir, "status.json"), "utf8")).lastPushAtSec as number;
const events = (from: number) => logs.slice(from).map((l) => l.event as string);
const usedTraffic = async () =>
  (await panel.gql(`query ($id: ID!) { user(id: $id) { usedTraffic } }`, { id: userId })).user.usedTraffic as number;

beforeAll(async () => {
  buildAgent();
  dir = mkdtempSync(join(tmpdir(), "vortex-e2e-adopt-"));
  stateDir = join(dir, "agent");
  apiPort = await freePort();
  target = await startGatedTarget();
  panel = await startPanel();
  const world = await downloaderNode(panel, {
    nodeName: "adopt-node",
    inboundPort: await freePort(),
    targetPort: target.port,
  });
  userId = world.userId;
  const { createServerEnrollment } = await panel.gql(
    `mutation ($id: ID!) { createServerEnrollment(id: $id) { token } }`,
    { id: world.serverId },
  );
  execFileSync(process.execPath, [
    AGENT_BUNDLE,
    "enroll",
    "--state-dir",
    stateDir,
    // A base64url token may start with "-": after "--" it cannot read as an option.
    "--",
    panel.url,
    createServerEnrollment.token,
  ]);
  runAgent();
  await waitFor("the node runs its config", async () => {
    const { server } = await panel.gql(
      `query ($id: ID!) { server(id: $id) { status configVersion appliedConfigVersion } }`,
      {
        id: world.serverId,
      },
    );
    return server.status === "ONLINE" && server.appliedConfigVersion === server.configVersion;
  });
  const link = (await (await fetch(`${world.subscriptionUrl}/links`)).text())
    .split("\n")
    .find((l) => l.startsWith("vless://"))!;
  client = await startClientCore(dir, "downloader", await freePort(), outboundFromLink(link));
}, 180_000);

afterAll(async () => {
  await client?.stop();
  if (agent && agent.exitCode === null && agent.signalCode === null) {
    const exited = new Promise((r) => agent.once("exit", r));
    agent.kill("SIGTERM");
    await exited;
  }
  await panel?.stop();
  target?.close();
});

describe("an agent restart with a download running through the node", () => {
  it("adopts the core across kill -9 and across a SIGHUP reload: the download completes, the core is the same process, and the panel charges the core's count exactly", async () => {
    const pid = corePid();
    const socket = await socksConnect(client.socksPort, target.port);
    const download = startDownload(socket, target);
    await waitFor("the first part through the tunnel", () => download.received >= target.partBytes);

    // 1. A crash: the agent dies hard and is started again while the transfer is held open.
    let from = logs.length;
    agent.kill("SIGKILL");
    await new Promise((r) => agent.once("exit", r));
    runAgent();
    await waitFor("the new agent process took over the core", () => events(from).includes("core.adopted"));
    expect(events(from)).not.toContain("core.orphan_replaced");
    expect(corePid()).toBe(pid);
    target.release();
    await waitFor("the second part through the tunnel", () => download.received >= 2 * target.partBytes);

    // 2. A reload: the same agent process re-executes itself and adopts the core again.
    from = logs.length;
    const agentPid = agent.pid;
    agent.kill("SIGHUP");
    await waitFor("the reloaded agent took over the core", () => events(from).includes("core.adopted"));
    const reload = events(from);
    expect(reload.indexOf("agent.reloading")).toBeLessThan(reload.indexOf("agent.stopped"));
    expect(reload.indexOf("agent.stopped")).toBeLessThan(reload.indexOf("core.adopted"));
    expect(reload).not.toContain("core.orphan_replaced");
    expect(reload).not.toContain("core.stopped");
    expect(agent.exitCode).toBeNull();
    expect(agent.pid).toBe(agentPid);
    expect(corePid()).toBe(pid);
    target.release();

    expect(await download.ended).toBe("end");
    expect(download.head).toMatch(/^HTTP\/1\.1 200 /);
    expect(download.received).toBe(target.parts * target.partBytes + download.headerBytes());

    // The core counted the tunnel's bytes once; the panel charges exactly that, and stays there.
    const wire = download.requestBytes + download.received;
    const counted = await waitFor("the core's counters settle on the wire's bytes", async () => {
      const n = await coreCounted("v2ray", apiPort, userId);
      return n === wire ? n : undefined;
    });
    await waitFor("the panel charges what the core counted", async () => (await usedTraffic()) === counted);
    const pushedAt = lastPushAtSec();
    await waitFor("two more pushes", () => lastPushAtSec() >= pushedAt + 2);
    expect(await usedTraffic()).toBe(counted);
  });
});
