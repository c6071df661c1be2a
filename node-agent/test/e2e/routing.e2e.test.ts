/**
 * The routing policy with the real panel, the bundled agent and Debian's v2ray: through a user's
 * own tunnel (a client core built from its share link) the node's core API answers nothing, and
 * neither do services on the node's loopback or private addresses, until an admin allow-lists
 * one; the API stays blocked even then. A policy change reaches the node as a validated restart.
 * One panel, one agent, one client core for the whole story.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoreApi } from "../../src/core/grpc/client.ts";
import { PRIVATE_CIDRS } from "../../src/core/routing.ts";
import { buildAgent, waitFor } from "../../src/testing/agent-process.ts";
import { startClientCore, type ClientCore } from "../../src/testing/client-core.ts";
import { outboundFromLink } from "../../src/testing/share-link-client.ts";
import { fetchThroughSocks, freePort, socksConnect, startHttpTarget, type HttpTarget } from "../../src/testing/net.ts";
import { enrollAndRunAgent, type RunningAgent } from "./node.ts";
import { startPanel, type Panel } from "./panel.ts";

/** Whether an IPv4 address falls in an IPv4 CIDR. */
function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split("/");
  if (!base!.includes(".") || !ip.includes(".")) return false;
  const toInt = (a: string) => a.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - Number(bits ?? 32));
  return Math.floor(toInt(ip) / size) === Math.floor(toInt(base!) / size);
}

/** This host's own non-loopback IPv4 address in a range the defaults block, if it has one. */
const privateAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal && PRIVATE_CIDRS.some((c) => inCidr(a.address, c)))?.address;

let panel: Panel;
let dir: string;
let stateDir: string;
let apiPort: number;
let agent: RunningAgent | undefined;
let serverId: string;
let loopbackTarget: HttpTarget;
let privateTarget: HttpTarget | undefined;
let client: ClientCore;
let apiThroughTunnel: Server;

const UPDATE = `mutation ($input: RoutingPolicyInput!) { updateRoutingPolicy(input: $input) { blockPrivate } }`;
const server = async () =>
  (
    await panel.gql(`query ($id: ID!) { server(id: $id) { status configVersion appliedConfigVersion } }`, {
      id: serverId,
    })
  ).server;
const corePid = () => JSON.parse(readFileSync(join(stateDir, "core/instance.json"), "utf8")).pid as number;
const coreConfig = () => JSON.parse(readFileSync(join(stateDir, "core/config.json"), "utf8"));
const agentEvents = () =>
  (agent?.log ?? "")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, any>);

async function appliedByTheNode() {
  return waitFor("the node runs the panel's current config", async () => {
    const s = await server();
    return s.status === "ONLINE" && s.appliedConfigVersion === s.configVersion ? s : undefined;
  });
}

/** The core's StatsService, called with gRPC through the user's tunnel (a local port piped into SOCKS). */
async function queryStatsThroughTunnel() {
  const api = new CoreApi({
    core: "v2ray",
    address: `127.0.0.1:${(apiThroughTunnel.address() as { port: number }).port}`,
    deadlineMs: 3000,
  });
  try {
    return await api.queryUserCounters();
  } finally {
    api.close();
  }
}

beforeAll(async () => {
  buildAgent();
  dir = mkdtempSync(join(tmpdir(), "vortex-e2e-routing-"));
  stateDir = join(dir, "agent");
  apiPort = await freePort();
  loopbackTarget = await startHttpTarget();
  if (privateAddress) privateTarget = await startHttpTarget(privateAddress);
  panel = await startPanel();

  const port = await freePort();
  const { createInbound } = await panel.gql(
    `mutation ($input: CreateInboundInput!) { createInbound(input: $input) { id } }`,
    {
      input: { tag: "vless-in", port, protocol: "VLESS", transport: "TCP", security: "NONE" },
    },
  );
  const { createServer: node } = await panel.gql(
    `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
    {
      input: { name: "routing-node", address: "127.0.0.1", inboundIds: [createInbound.id] },
    },
  );
  serverId = node.id;
  const { createGroup } = await panel.gql(
    `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
    { input: { name: "g", inboundIds: [createInbound.id] } },
  );
  const { createUser } = await panel.gql(
    `mutation ($input: CreateUserInput!) { createUser(input: $input) { subscriptionUrl } }`,
    { input: { username: "tunnel-user", groupIds: [createGroup.id] } },
  );

  agent = await enrollAndRunAgent(panel, serverId, { stateDir, apiPort, tickSec: 1 });
  await appliedByTheNode();

  const link = (await (await fetch(`${createUser.subscriptionUrl}/links`)).text())
    .split("\n")
    .find((l) => l.startsWith("vless://"))!;
  client = await startClientCore(dir, "routing", await freePort(), outboundFromLink(link));
  apiThroughTunnel = createServer((local) => {
    socksConnect(client.socksPort, apiPort).then(
      (tunnel) => {
        local.pipe(tunnel).pipe(local);
        tunnel.on("error", () => local.destroy());
        local.on("error", () => tunnel.destroy());
      },
      () => local.destroy(),
    );
  });
  await new Promise<void>((r) => apiThroughTunnel.listen(0, "127.0.0.1", r));
}, 120_000);

afterAll(async () => {
  apiThroughTunnel?.close();
  await client?.stop();
  await agent?.stop();
  await panel?.stop();
  await loopbackTarget?.close();
  await privateTarget?.close();
});

describe("routing policy on a real node", () => {
  it("answers no gRPC call to the core's API through a user's tunnel, while the agent's own calls work", async () => {
    await expect(queryStatsThroughTunnel()).rejects.toThrow();
    const direct = new CoreApi({ core: "v2ray", address: `127.0.0.1:${apiPort}` });
    expect((await direct.sysStats()).Uptime).toBeGreaterThanOrEqual(0);
    direct.close();
  });

  it("keeps users away from HTTP services on the node's loopback and private addresses by default", async () => {
    expect((await fetchThroughSocks(client.socksPort, loopbackTarget.port, "/bytes/10", 3000)).status).toBeNull();
    // A name is resolved on the node and meets the same rules: "localhost" is no way around them.
    expect(
      (await fetchThroughSocks(client.socksPort, loopbackTarget.port, "/bytes/10", 3000, "localhost")).status,
    ).toBeNull();
    if (!privateTarget)
      return console.warn("no private IPv4 address on this host: the private-address case was not exercised");
    expect(
      (await fetchThroughSocks(client.socksPort, privateTarget.port, "/bytes/10", 3000, privateAddress)).status,
    ).toBeNull();
  });

  it("lets users reach a loopback origin once an admin allow-lists it, through a validated restart that shows in the core's config", async () => {
    const before = { pid: corePid(), version: (await server()).configVersion, events: agentEvents().length };
    await panel.gql(UPDATE, {
      input: { allowedPrivate: [{ cidr: "127.0.0.1/32", ports: [String(loopbackTarget.port)] }] },
    });
    const now = await appliedByTheNode();
    expect(now.configVersion).toBeGreaterThan(before.version);
    expect((await fetchThroughSocks(client.socksPort, loopbackTarget.port, "/bytes/10", 5000)).status).toBe(200);
    expect(
      (await fetchThroughSocks(client.socksPort, loopbackTarget.port, "/bytes/10", 5000, "localhost")).status,
    ).toBe(200);
    if (privateTarget)
      expect(
        (await fetchThroughSocks(client.socksPort, privateTarget.port, "/bytes/10", 3000, privateAddress)).status,
      ).toBeNull();

    // The core runs it: a new process whose config carries the allow rule after the API block.
    expect(corePid()).not.toBe(before.pid);
    const rules = coreConfig().routing.rules as Record<string, any>[];
    expect(rules[0]).toMatchObject({
      ip: expect.arrayContaining(["127.0.0.0/8"]),
      port: String(apiPort),
      outboundTag: "block",
    });
    expect(rules).toContainEqual(
      expect.objectContaining({ ip: ["127.0.0.1/32"], port: String(loopbackTarget.port), outboundTag: "direct" }),
    );
    // Counters were read before the restart wiped them, and the restart says why.
    const events = agentEvents()
      .slice(before.events)
      .map((e) => e.event as string);
    expect(events.indexOf("usage.read_before_restart")).toBeGreaterThanOrEqual(0);
    expect(events.indexOf("usage.read_before_restart")).toBeLessThan(events.indexOf("core.restarting"));
    expect(
      agentEvents().find((e) => e.event === "core.restarting" && e.reasons.includes("routing policy changed")),
    ).toBeDefined();
  });

  it("keeps the API blocked when an admin allow-lists all of loopback on every port", async () => {
    await panel.gql(UPDATE, { input: { allowedPrivate: [{ cidr: "127.0.0.0/8" }] } });
    await appliedByTheNode();
    expect((await fetchThroughSocks(client.socksPort, loopbackTarget.port, "/bytes/10", 5000)).status).toBe(200);
    await expect(queryStatsThroughTunnel()).rejects.toThrow();
  });
});
