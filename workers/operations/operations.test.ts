import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../index";
import type { ConfigPayload, Health, OperationResult } from "../agent/protocol/messages";
import { createDb } from "../db/client";
import { sha256Hex } from "../lib/sha256";
import { adminAs, errorCode, gql, ok, ownerToken, unique } from "../test/api";
import { enrolledAgent } from "../test/agent";
import { operationResultStatements } from "./results";
import { BUILT_IN_AGENT_VERSION } from "./releases";

const db = createDb(env.DB);

const health = (extra: Partial<Health> = {}): Health => ({
  cpuPercent: 1,
  memUsedBytes: 1,
  memTotalBytes: 2,
  netRxBytes: 0,
  netTxBytes: 0,
  coreRunning: true,
  coreVersion: "5.0.0",
  agentVersion: "0.0.9",
  uptimeSec: 5,
  appliedConfigVersion: 1,
  protocol: 2,
  ...extra,
});

let owner: string;
beforeAll(async () => {
  owner = await ownerToken();
});

/** An enrolled node whose agent has reported in at protocol level `protocol`. */
async function reportingNode(protocol = 2, agentVersion = "0.0.9") {
  const { createServer } = ok(
    await gql(
      `mutation ($n: String!) { createServer(input: {name: $n, address: "10.0.0.9"}) { id } }`,
      { n: unique("op") },
      { token: owner },
    ),
  );
  const agent = await enrolledAgent(owner, createServer.id);
  const report = async (extra: Partial<Health> = {}) => {
    const response = await agent.push([], { health: health({ protocol, agentVersion, ...extra }) });
    expect(response.status).toBe(200);
  };
  await report();
  const config = async (): Promise<ConfigPayload> => {
    const response = await agent.pullConfig();
    expect(response.status).toBe(200);
    return JSON.parse(((await response.json()) as { payload: string }).payload) as ConfigPayload;
  };
  return { id: createServer.id as string, agent, report, config };
}

const RESTART = /* GraphQL */ `
  mutation ($service: ServiceType!, $serverId: ID) {
    requestServiceRestart(service: $service, serverId: $serverId) { id kind status server { id } requestedBy }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($version: String!, $serverId: ID) {
    updateAgent(version: $version, serverId: $serverId) { id kind status targetVersion server { id } }
  }
`;
const OPERATIONS = /* GraphQL */ `
  query ($serverId: ID) { nodeOperations(serverId: $serverId) { id kind status detail finishedAt configVersion } }
`;

const operationsOf = async (serverId: string) =>
  ok(await gql(OPERATIONS, { serverId }, { token: owner })).nodeOperations as Array<Record<string, any>>;

const upload = (version: string, body: Uint8Array<ArrayBuffer>, token: string) =>
  exports.default.fetch(`http://panel.test/api/agent-releases?version=${encodeURIComponent(version)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/javascript" },
    body,
  });

describe("queuing remote operations", () => {
  it("restarts one node's core through its next config, bumping its version so the long-poll wakes", async () => {
    const node = await reportingNode();
    const before = await node.config();
    const queued = ok(await gql(RESTART, { service: "CORE", serverId: node.id }, { token: owner }));
    expect(queued.requestServiceRestart).toEqual([
      expect.objectContaining({
        kind: "RESTART_CORE",
        status: "PENDING",
        server: { id: node.id },
        requestedBy: "owner",
      }),
    ]);
    const after = await node.config();
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.operations).toEqual([
      { id: Number(queued.requestServiceRestart[0].id), kind: "restartCore", notAfterSec: expect.any(Number) },
    ]);
    expect((await operationsOf(node.id))[0]).toMatchObject({ status: "SENT", configVersion: after.version });
  });

  it("reloads every enrolled agent when no server is named, and carries operations in the order they were asked for", async () => {
    const [a, b] = [await reportingNode(), await reportingNode()];
    ok(await gql(`mutation { restartService(service: AGENT) }`, {}, { token: owner }));
    ok(await gql(RESTART, { service: "CORE", serverId: a.id }, { token: owner }));
    const ops = (await a.config()).operations ?? [];
    expect(ops.map((o) => o.kind)).toEqual(["reloadAgent", "restartCore"]);
    expect(ops[0]!.id).toBeLessThan(ops[1]!.id);
    expect((await b.config()).operations?.map((o) => o.kind)).toEqual(["reloadAgent"]);
  });

  it("refuses a node whose agent predates operations, saying to reinstall it, and queues nothing", async () => {
    const old = await reportingNode(1);
    const refused = await gql(RESTART, { service: "CORE", serverId: old.id }, { token: owner });
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.message).toMatch(/reinstall it with the install line/);
    const update = await gql(UPDATE, { version: BUILT_IN_AGENT_VERSION, serverId: old.id }, { token: owner });
    expect(errorCode(update)).toBe("BAD_USER_INPUT");
    expect(await operationsOf(old.id)).toEqual([]);
    expect((await old.config()).operations).toBeUndefined();
  });

  it("moves a node to the built-in release with its hash and size, and leaves a node already on it alone", async () => {
    const behind = await reportingNode(2, "0.0.1");
    const current = await reportingNode(2, BUILT_IN_AGENT_VERSION);
    const bundle = new Uint8Array(
      await (await env.ASSETS.fetch("http://panel.test/downloads/vortex-agent.mjs")).arrayBuffer(),
    );
    const queued = ok(await gql(UPDATE, { version: BUILT_IN_AGENT_VERSION, serverId: behind.id }, { token: owner }));
    expect(queued.updateAgent).toEqual([
      expect.objectContaining({ kind: "UPDATE_AGENT", targetVersion: BUILT_IN_AGENT_VERSION }),
    ]);
    expect((await behind.config()).operations).toEqual([
      expect.objectContaining({
        kind: "updateAgent",
        version: BUILT_IN_AGENT_VERSION,
        sha256: await sha256Hex(bundle),
        sizeBytes: bundle.byteLength,
        path: `/agent/v1/releases/${BUILT_IN_AGENT_VERSION}.mjs`,
      }),
    ]);
    expect(
      ok(await gql(UPDATE, { version: BUILT_IN_AGENT_VERSION, serverId: current.id }, { token: owner })).updateAgent,
    ).toEqual([]);
    // The release is served to the node, signed request and all, byte for byte.
    const served = await behind.agent.call("GET", `/agent/v1/releases/${BUILT_IN_AGENT_VERSION}.mjs`);
    expect(served.status).toBe(200);
    expect(await sha256Hex(new Uint8Array(await served.arrayBuffer()))).toBe(await sha256Hex(bundle));
    expect(
      (await exports.default.fetch(`http://panel.test/agent/v1/releases/${BUILT_IN_AGENT_VERSION}.mjs`)).status,
    ).toBe(401);
  });

  it("refuses an update to a version nobody uploaded", async () => {
    const node = await reportingNode();
    expect(errorCode(await gql(UPDATE, { version: "9.9.9", serverId: node.id }, { token: owner }))).toBe("NOT_FOUND");
  });
});

describe("results from the agent", () => {
  it("are recorded in one statement, only ever forward, with the agent's words capped", async () => {
    const node = await reportingNode();
    const [op] = ok(await gql(RESTART, { service: "CORE", serverId: node.id }, { token: owner })).requestServiceRestart;
    const id = Number(op.id);
    await node.config();
    const result = (status: OperationResult["status"], detail?: string): OperationResult => ({
      id,
      status,
      atSec: 1,
      ...(detail ? { detail } : {}),
    });
    expect(operationResultStatements(db, Number(node.id), [result("running"), result("failed")], 0)).toHaveLength(1);

    await node.report({ operations: [result("running")] });
    expect((await operationsOf(node.id))[0]).toMatchObject({ status: "RUNNING", finishedAt: null });
    await node.report({ operations: [result("failed", `core said: ${"x".repeat(1500)}`)] });
    const failed = (await operationsOf(node.id))[0]!;
    expect(failed).toMatchObject({ status: "FAILED", finishedAt: expect.any(String) });
    expect(failed.detail).toHaveLength(1000);
    // A late or resent "running" (or another node's word) changes nothing.
    await node.report({ operations: [result("running"), result("succeeded")] });
    const other = await reportingNode();
    await other.report({ operations: [{ id, status: "succeeded", atSec: 1 }] });
    expect((await operationsOf(node.id))[0]).toMatchObject({ status: "FAILED" });
    // A finished operation is no longer sent.
    ok(
      await gql(
        `mutation ($id: ID!) { updateServer(id: $id, input: {name: "${unique("r")}"}) { id } }`,
        { id: node.id },
        { token: owner },
      ),
    );
    expect((await node.config()).operations).toBeUndefined();
  });
});

describe("expiry", () => {
  it("gives up operations past their deadline: never sent, then expired by the cron", async () => {
    const node = await reportingNode();
    const [op] = ok(
      await gql(RESTART, { service: "AGENT", serverId: node.id }, { token: owner }),
    ).requestServiceRestart;
    await env.DB.prepare(`UPDATE node_operations SET not_after = unixepoch() - 1 WHERE id = ?`)
      .bind(Number(op.id))
      .run();
    expect((await node.config()).operations).toBeUndefined();
    expect((await operationsOf(node.id))[0]).toMatchObject({ status: "EXPIRED" });

    const [sent] = ok(
      await gql(RESTART, { service: "AGENT", serverId: node.id }, { token: owner }),
    ).requestServiceRestart;
    await node.config();
    await env.DB.prepare(`UPDATE node_operations SET not_after = unixepoch() - 3600 WHERE id = ?`)
      .bind(Number(sent.id))
      .run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect((await operationsOf(node.id))[0]).toMatchObject({ id: sent.id, status: "EXPIRED" });
  });
});

describe("agent releases", () => {
  it("are uploaded by the owner only, listed with the nodes on them, and deleted unless in use", async () => {
    const admin = await adminAs(owner, "ADMIN");
    const reseller = await adminAs(owner, "RESELLER");
    const bytes = new TextEncoder().encode(`#!/usr/bin/env node\nconsole.log("agent ${unique("v")}");\n`);
    const version = `0.9.${Date.now() % 1000}-canary`;
    expect((await upload(version, bytes, reseller.token)).status).toBe(403);
    expect((await upload(version, bytes, admin.token)).status).toBe(403);
    expect((await upload(version, bytes, "nope")).status).toBe(401);
    expect((await upload("../evil", bytes, owner)).status).toBe(400);
    const created = await upload(version, bytes, owner);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      version,
      sha256: await sha256Hex(bytes),
      sizeBytes: bytes.byteLength,
    });
    expect((await upload(version, bytes, owner)).status).toBe(409);
    expect((await upload(BUILT_IN_AGENT_VERSION, bytes, owner)).status).toBe(409);

    const node = await reportingNode(2, version);
    const { agentReleases } = ok(
      await gql(`{ agentReleases { version builtIn servers sizeBytes } }`, {}, { token: admin.token }),
    );
    expect(agentReleases[0]).toMatchObject({ version: BUILT_IN_AGENT_VERSION, builtIn: true });
    expect(agentReleases).toContainEqual({ version, builtIn: false, servers: 1, sizeBytes: bytes.byteLength });

    const served = await node.agent.call("GET", `/agent/v1/releases/${version}.mjs`);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);

    const other = await reportingNode(2, "0.0.1");
    ok(await gql(UPDATE, { version, serverId: other.id }, { token: owner }));
    const del = `mutation ($v: String!) { deleteAgentRelease(version: $v) }`;
    expect(errorCode(await gql(del, { v: version }, { token: admin.token }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(del, { v: version }, { token: owner }))).toBe("CONFLICT");
    expect(errorCode(await gql(del, { v: BUILT_IN_AGENT_VERSION }, { token: owner }))).toBe("CONFLICT");
    await env.DB.prepare(`UPDATE node_operations SET status = 'succeeded' WHERE node_id = ?`)
      .bind(Number(other.id))
      .run();
    expect(ok(await gql(del, { v: version }, { token: owner })).deleteAgentRelease).toBe(true);
    expect(await env.BUCKET.head(`agent-releases/${version}.mjs`)).toBeNull();
  });
});

describe("the auto-update policy", () => {
  it("moves able nodes to the built-in release once, and only while the setting is on", async () => {
    const behind = await reportingNode(2, "0.0.2");
    const old = await reportingNode(1, "0.0.2");
    const cron = async () => {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }), env, ctx);
      await waitOnExecutionContext(ctx);
    };
    await cron();
    expect(await operationsOf(behind.id)).toEqual([]);

    ok(
      await gql(
        `mutation { updateSettings(input: {agentAutoUpdate: true}) { agentAutoUpdate } }`,
        {},
        { token: owner },
      ),
    );
    await cron();
    await cron();
    expect(await operationsOf(behind.id)).toEqual([
      expect.objectContaining({ kind: "UPDATE_AGENT", status: "PENDING" }),
    ]);
    expect(await operationsOf(old.id)).toEqual([]);
    // A failed update to this release is left for an admin, not retried every minute.
    await env.DB.prepare(`UPDATE node_operations SET status = 'failed' WHERE node_id = ?`)
      .bind(Number(behind.id))
      .run();
    await cron();
    expect(await operationsOf(behind.id)).toHaveLength(1);
    ok(
      await gql(
        `mutation { updateSettings(input: {agentAutoUpdate: false}) { agentAutoUpdate } }`,
        {},
        { token: owner },
      ),
    );
  });
});
