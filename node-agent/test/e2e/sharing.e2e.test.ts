/**
 * Account sharing and inbound counters with the real panel, the bundled agent and Debian's v2ray:
 * a user whose device limit is 1 connects through the node from two loopback addresses (two client
 * cores, each sending through its own source address); the agent reports two keyed hashes, the
 * cron flags the user, and the panel's per-inbound traffic for the node equals what the core's own
 * inbound counters say.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoreApi } from "../../src/core/grpc/client.ts";
import { buildAgent, waitFor } from "../../src/testing/agent-process.ts";
import { startClientCore, type ClientCore } from "../../src/testing/client-core.ts";
import { fetchThroughSocks, freePort, startHttpTarget, type HttpTarget } from "../../src/testing/net.ts";
import { outboundFromLink } from "../../src/testing/share-link-client.ts";
import { downloaderNode, enrollAndRunAgent, type RunningAgent } from "./node.ts";
import { startPanel, type Panel } from "./panel.ts";

let panel: Panel;
let target: HttpTarget;
let agent: RunningAgent | undefined;
let apiPort: number;
let serverId: string;
let userId: string;
const clients: ClientCore[] = [];

const INBOUND_TAG = "vless-in";

beforeAll(async () => {
  buildAgent();
  const dir = mkdtempSync(join(tmpdir(), "vortex-e2e-sharing-"));
  target = await startHttpTarget();
  panel = await startPanel();
  const node = await downloaderNode(panel, {
    nodeName: "sharing-node",
    inboundPort: await freePort(),
    targetPort: target.port,
  });
  serverId = node.serverId;
  userId = node.userId;
  await panel.gql(`mutation ($id: ID!) { updateUser(id: $id, input: { deviceLimit: 1 }) { id } }`, { id: userId });
  apiPort = await freePort();
  agent = await enrollAndRunAgent(panel, serverId, { stateDir: join(dir, "agent"), apiPort, tickSec: 1 });
  await waitFor("the node to run the panel's config", async () => {
    const { server } = await panel.gql(
      `query ($id: ID!) { server(id: $id) { status configVersion appliedConfigVersion } }`,
      { id: serverId },
    );
    return server.status === "ONLINE" && server.appliedConfigVersion === server.configVersion;
  });
  // One device fetches the subscription (within its limit of 1), then the link is shared.
  const links = await fetch(`${node.subscriptionUrl}/links`, { headers: { "x-hwid": "e2e-phone-1" } });
  const link = (await links.text()).split("\n").find((l) => l.startsWith("vless://"))!;
  // The same subscription on two devices: each client core connects from its own loopback address.
  for (const source of ["127.0.0.1", "127.0.0.2"])
    clients.push(
      await startClientCore(dir, source, await freePort(), { ...outboundFromLink(link), sendThrough: source }),
    );
}, 120_000);

afterAll(async () => {
  for (const client of clients) await client.stop();
  await agent?.stop();
  await panel?.stop();
  await target?.close();
});

describe("account sharing and inbound counters on a real node", () => {
  it("flags a user seen from more addresses than its device limit, and counts the inbound as the core does", async () => {
    for (const client of clients)
      expect((await fetchThroughSocks(client.socksPort, target.port, "/bytes/100000")).status).toBe(200);

    const stats = () =>
      panel.gql(`query ($id: ID!) { trafficStats(userId: $id, period: DAY) { clientAddresses download } }`, {
        id: userId,
      });
    await waitFor("the node to report both addresses", async () => (await stats()).trafficStats.clientAddresses === 2);

    const cron = await fetch(`${panel.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent("* * * * *")}`);
    expect(cron.status).toBe(200);
    const { usageAnomalies } = await panel.gql(
      `query ($id: ID!) { usageAnomalies(userId: $id) { kind observed baseline user { id } } }`,
      { id: userId },
    );
    expect(usageAnomalies).toEqual([{ kind: "ACCOUNT_SHARING", observed: 2, baseline: 1, user: { id: userId } }]);

    // The panel's rows for the inbound catch up with the core's own counters once the agent has
    // pushed everything they hold; read both until they agree (a closing connection may still count).
    const api = new CoreApi({ core: "v2ray", address: `127.0.0.1:${apiPort}` });
    const agreed = await waitFor("the panel's inbound rows to equal the core's counters", async () => {
      const core = (await api.queryInboundCounters()).get(INBOUND_TAG);
      const { analytics } = await panel.gql(
        `{ analytics(period: DAY) { byInbound { server { id } tag upload download } } }`,
      );
      const row = analytics.byInbound.find(
        (r: { server: { id: string }; tag: string }) => r.server.id === serverId && r.tag === INBOUND_TAG,
      );
      const panelSays = row && { up: Number(row.upload), down: Number(row.download) };
      return core && panelSays && panelSays.up === core.up && panelSays.down === core.down ? core : undefined;
    });
    api.close();
    expect(agreed.down).toBeGreaterThan(2 * 100_000);
  });
});
