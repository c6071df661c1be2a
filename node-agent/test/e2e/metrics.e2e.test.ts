/**
 * /metrics as Prometheus reads it: the real panel (wrangler dev) with a node enrolled and pushing
 * usage through the agent protocol (the agent's own client, signed with a real node key), scraped
 * with the owner's token and checked by Debian's `promtool check metrics`, Prometheus's own parser
 * and naming linter. Then the refusals a scraper meets: no token, and a revoked one.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSigningKeyPair, importPrivateKey } from "../../../workers/agent/protocol/signing.ts";
import { EdgeClient, requestEnrollment } from "../../src/edge/client.ts";
import { startPanel, type Panel } from "./panel.ts";

let panel: Panel;

beforeAll(async () => {
  const promtool = spawnSync("promtool", ["--version"]);
  if (promtool.error || promtool.status !== 0)
    throw new Error("promtool is missing: apt-get install prometheus (Debian's package ships it)");
  panel = await startPanel();
}, 180_000);

afterAll(async () => {
  await panel?.stop();
});

const scrape = (token?: string) =>
  fetch(`${panel.url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

/** A node as the edge sees one: enrolled with a fresh key, reporting health and usage over signed requests. */
async function pushingNode(name: string) {
  const { createServer } = await panel.gql(
    `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
    { input: { name, address: "127.0.0.1" } },
  );
  const { createUser } = await panel.gql(`mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
    input: { username: "metrics-user" },
  });
  const { createServerEnrollment } = await panel.gql(
    `mutation ($id: ID!) { createServerEnrollment(id: $id) { token } }`,
    { id: createServer.id },
  );
  const keys = await generateSigningKeyPair();
  const { nodeId } = await requestEnrollment({
    panelUrl: panel.url,
    token: createServerEnrollment.token,
    publicKey: keys.publicKey,
    agentVersion: "0.1.0-e2e",
  });
  const edge = new EdgeClient({ panelUrl: panel.url, nodeId, nodeKey: await importPrivateKey(keys.privateKey) });
  const nowSec = Math.floor(Date.now() / 1000);
  const health = {
    cpuPercent: 1,
    memUsedBytes: 1,
    memTotalBytes: 2,
    netRxBytes: 0,
    netTxBytes: 0,
    coreRunning: true,
    coreVersion: "V2Ray 5.22.0",
    agentVersion: "0.1.0-e2e",
    uptimeSec: 1,
    appliedConfigVersion: 0,
    protocol: 3,
  };
  for (const seq of [1, 2]) {
    await edge.pushUsage({
      nodeId,
      seq,
      fromSec: nowSec - 60,
      toSec: nowSec,
      deltas: [{ userId: Number(createUser.id), upBytes: 1000 * seq, downBytes: 50_000 * seq }],
      inbounds: [{ tag: "vless-in", upBytes: 1000 * seq, downBytes: 50_000 * seq }],
      health,
    });
  }
  return nodeId;
}

describe("/metrics scraped as Prometheus does", () => {
  it("passes promtool's parser and linter with the owner's token, refuses a scraper without it, and is gone once revoked", async () => {
    expect((await scrape()).status).toBe(404);
    const { rotateMetricsToken } = await panel.gql(`mutation { rotateMetricsToken { token } }`);
    const nodeId = await pushingNode('edge "one"');

    const response = await scrape(rotateMetricsToken.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const body = await response.text();
    const check = spawnSync("promtool", ["check", "metrics"], { input: body, encoding: "utf8" });
    expect({ status: check.status, problems: `${check.stdout}${check.stderr}` }).toEqual({ status: 0, problems: "" });
    expect(body).toMatch(new RegExp(`^vortex_node_up\\{node="${nodeId}"\\} 1$`, "m"));
    expect(body).toContain(`name="edge \\"one\\""`);
    expect(body).toMatch(new RegExp(`^vortex_node_last_push_timestamp_seconds\\{node="${nodeId}"\\} \\d+$`, "m"));
    expect(body).toMatch(/^vortex_users\{status="active"\} 1$/m);

    const anonymous = await scrape();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer /);

    await panel.gql(`mutation { revokeMetricsToken }`);
    expect((await scrape(rotateMetricsToken.token)).status).toBe(404);
  });
});
