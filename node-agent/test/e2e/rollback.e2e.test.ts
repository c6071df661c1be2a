/**
 * Config history and rollback with the real panel, the bundled agent and Debian's v2ray: a good
 * config, then an inbound change the core cannot run (its port is held by another listener on
 * loopback, which `-test` cannot see) that the agent rolls back with the core's own error; a user
 * cut meanwhile; an admin rolls the node back to the good version, the node applies it, the
 * good inbound serves a user again, and the cut user stays cut. One panel, one agent.
 */
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, waitFor } from "../../src/testing/agent-process.ts";
import { startClientCore, type ClientCore } from "../../src/testing/client-core.ts";
import { fetchThroughSocks, freePort, startHttpTarget, type HttpTarget } from "../../src/testing/net.ts";
import { outboundFromLink } from "../../src/testing/share-link-client.ts";
import { enrollAndRunAgent, type RunningAgent } from "./node.ts";
import { startPanel, type Panel } from "./panel.ts";

let panel: Panel;
let dir: string;
let agent: RunningAgent | undefined;
let target: HttpTarget;
let portHolder: Server;
let heldPort: number;
let inboundId: string;
let serverId: string;
const users: Record<"keeper" | "cut", { id: string; link: string }> = {} as never;
const clients: ClientCore[] = [];

const HISTORY = `query ($id: ID!) { server(id: $id) {
  configVersion appliedConfigVersion configPinnedTo
  configHistory { version outcome error rollbackOf kept }
} }`;
const server = async () => (await panel.gql(HISTORY, { id: serverId })).server;
type Entry = { version: number; outcome: string; error: string | null; rollbackOf: number | null };

/** The history entry of `version` once its outcome is one of `outcomes`. */
const outcomeOf = (version: number, outcomes: string[]) =>
  waitFor(`an outcome (${outcomes.join(" or ")}) for config ${version}`, async () =>
    ((await server()).configHistory as Entry[]).find((e) => e.version === version && outcomes.includes(e.outcome)),
  );

/** A user's first HTTP request through its own client core; status null when the node would not carry it. */
async function fetchAs(link: string): Promise<number | null> {
  const client = await startClientCore(dir, `c${clients.length}`, await freePort(), outboundFromLink(link));
  clients.push(client);
  const result = await fetchThroughSocks(client.socksPort, target.port, "/bytes/64", 5000).catch(() => null);
  return result?.status ?? null;
}

beforeAll(async () => {
  buildAgent();
  dir = mkdtempSync(join(tmpdir(), "vortex-e2e-rollback-"));
  target = await startHttpTarget();
  portHolder = createServer((socket) => socket.destroy());
  await new Promise<void>((r) => portHolder.listen(0, "127.0.0.1", r));
  heldPort = (portHolder.address() as { port: number }).port;
  panel = await startPanel();
  // Users' traffic to loopback is blocked by default; the test's origin is there.
  await panel.gql(`mutation ($input: RoutingPolicyInput!) { updateRoutingPolicy(input: $input) { blockPrivate } }`, {
    input: { allowedPrivate: [{ cidr: "127.0.0.1/32", ports: [String(target.port)] }] },
  });

  const { createInbound } = await panel.gql(
    `mutation ($input: CreateInboundInput!) { createInbound(input: $input) { id } }`,
    { input: { tag: "vless-good", port: await freePort(), protocol: "VLESS", transport: "TCP", security: "NONE" } },
  );
  inboundId = createInbound.id;
  const { createServer: node } = await panel.gql(
    `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
    { input: { name: "rollback-node", address: "127.0.0.1", inboundIds: [inboundId] } },
  );
  serverId = node.id;
  const { createGroup } = await panel.gql(
    `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
    { input: { name: "g", inboundIds: [inboundId] } },
  );
  for (const name of ["keeper", "cut"] as const) {
    const { createUser } = await panel.gql(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id subscriptionUrl } }`,
      { input: { username: name, groupIds: [createGroup.id] } },
    );
    const link = (await (await fetch(`${createUser.subscriptionUrl}/links`)).text())
      .split("\n")
      .find((l) => l.startsWith("vless://"))!;
    users[name] = { id: createUser.id, link };
  }
  agent = await enrollAndRunAgent(panel, serverId, {
    stateDir: join(dir, "agent"),
    apiPort: await freePort(),
    tickSec: 1,
  });
}, 120_000);

afterAll(async () => {
  for (const client of clients) await client.stop();
  await agent?.stop();
  await panel?.stop();
  await target?.close();
  portHolder?.close();
});

describe("rolling a node back to a good config with the real core", () => {
  it("shows the core's error for a config it could not run, and serves the good one again without the user cut meanwhile", async () => {
    const good = (await waitFor("the node applies its first config", async () => {
      const s = await server();
      return s.appliedConfigVersion === s.configVersion && s.configVersion;
    })) as number;
    await outcomeOf(good, ["APPLIED"]);
    expect(await fetchAs(users.keeper.link)).toBe(200);
    expect(await fetchAs(users.cut.link)).toBe(200);

    // The change that goes wrong: the inbound moves to a port another process listens on.
    await panel.gql(
      `mutation ($id: ID!, $input: UpdateInboundInput!) { updateInbound(id: $id, input: $input) { id } }`,
      {
        id: inboundId,
        input: { port: heldPort },
      },
    );
    const bad = (await server()).configVersion as number;
    const failed = await outcomeOf(bad, ["ROLLED_BACK", "FAILED"]);
    expect(failed.outcome).toBe("ROLLED_BACK");
    expect(failed.error).toContain("address already in use");
    expect((await server()).appliedConfigVersion).toBe(good);
    const { serverConfigDiff } = await panel.gql(
      `query ($id: ID!, $from: Int!, $to: Int!) { serverConfigDiff(serverId: $id, from: $from, to: $to) { inboundsChanged { tag fields } usersFrom usersTo } }`,
      { id: serverId, from: good, to: bad },
    );
    expect(serverConfigDiff).toEqual({
      inboundsChanged: [{ tag: "vless-good", fields: ["port"] }],
      usersFrom: 2,
      usersTo: 2,
    });

    // Meanwhile an admin cuts a user.
    await panel.gql(`mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`, {
      id: users.cut.id,
      input: { status: "DISABLED" },
    });

    const { rollbackNodeConfig } = await panel.gql(
      `mutation ($id: ID!, $v: Int!) { rollbackNodeConfig(serverId: $id, version: $v) { configVersion configPinnedTo } }`,
      { id: serverId, v: good },
    );
    expect(rollbackNodeConfig.configPinnedTo).toBe(good);
    const rolledBack = await outcomeOf(rollbackNodeConfig.configVersion, ["APPLIED"]);
    expect(rolledBack.rollbackOf).toBe(good);
    expect((await server()).appliedConfigVersion).toBe(rollbackNodeConfig.configVersion);

    // The good inbound serves again; the user cut since is not served by the rollback.
    expect(await fetchAs(users.keeper.link)).toBe(200);
    expect(await fetchAs(users.cut.link)).toBeNull();
  });
});
