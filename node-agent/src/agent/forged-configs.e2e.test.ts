/**
 * Configs the real panel never sends: tampered, signed for another node, older than the applied
 * one, or expired. Only a stand-in edge holding the panel key can forge them (the one use of
 * testing/fake-edge.ts here; everything the real panel can do is tested against it in
 * test/e2e). The bundled agent runs Debian's real v2ray core and must refuse each one, say why,
 * and keep serving its last good config.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentInbound, AgentUser, ConfigPayload } from "../../../workers/agent/protocol/messages.ts";
import { clientOutbound, startClientCore, type ClientCore } from "../testing/client-core.ts";
import { AGENT_BUNDLE, agentRunArgs, buildAgent, collectJsonLogs, sleep, waitFor } from "../testing/agent-process.ts";
import { FakeEdge } from "../testing/fake-edge.ts";
import { makeInbound, makePayload, makeUser, routingAllowingLoopback } from "../testing/factories.ts";
import { fetchThroughSocks, freePort, startHttpTarget, type HttpTarget } from "../testing/net.ts";

let dir: string;
let stateDir: string;
let edge: FakeEdge;
let target: HttpTarget;
let agent: ChildProcess | undefined;
let client: ClientCore | undefined;
const logs: Array<Record<string, any>> = [];
let inbounds: AgentInbound[];
let users: AgentUser[];
let version = 0;

const logged = (event: string, match: (e: Record<string, any>) => boolean) =>
  logs.find((e) => e.event === event && match(e));

async function publishValid(): Promise<number> {
  const now = Math.floor(Date.now() / 1000);
  version++;
  await edge.publish(
    makePayload({
      nodeId: edge.nodeId,
      version,
      issuedAtSec: now,
      expiresAtSec: now + 3600,
      inbounds,
      users,
      routing: routingAllowingLoopback(target.port),
    }),
  );
  const v = version;
  await waitFor(`config v${v} applied`, () => logged("config.applied", (e) => e.version === v));
  return v;
}

beforeAll(async () => {
  buildAgent();
  dir = mkdtempSync(join(tmpdir(), "vortex-forged-"));
  stateDir = join(dir, "state");
  target = await startHttpTarget();
  edge = new FakeEdge();
  await edge.start();
  inbounds = [makeInbound({ tag: "vless-in", protocol: "vless", port: await freePort() })];
  users = [makeUser(1, ["vless-in"])];
  // Not execFileSync: the stand-in edge lives in this process and must keep answering.
  await promisify(execFile)(
    process.execPath,
    [AGENT_BUNDLE, "enroll", edge.url, "enroll-token", "--state-dir", stateDir],
    { timeout: 30_000 },
  );
  const apiPort = await freePort();
  agent = spawn(process.execPath, agentRunArgs({ stateDir, apiPort, tickSec: 1 }), {
    stdio: ["ignore", "ignore", "pipe"],
  });
  collectJsonLogs(agent.stderr!, logs);
  await waitFor("agent running", () => logged("agent.running", () => true));
  await publishValid();
  client = await startClientCore(dir, "vless", await freePort(), clientOutbound(inbounds[0]!, users[0]!));
}, 120_000);

afterAll(async () => {
  await client?.stop();
  if (agent && agent.exitCode === null) {
    const exited = new Promise((r) => agent!.once("exit", r));
    agent.kill("SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
  }
  await edge?.stop();
  await target?.close();
});

describe("configs the panel never sent", () => {
  it("are refused with a logged reason while the last good config keeps serving, and the next valid one is taken", async () => {
    const now = Math.floor(Date.now() / 1000);
    const base = makePayload({
      nodeId: edge.nodeId,
      version: version + 1,
      issuedAtSec: now,
      expiresAtSec: now + 3600,
      inbounds,
      users,
      routing: routingAllowingLoopback(target.port),
    });
    const sign = async (p: ConfigPayload) => {
      const text = JSON.stringify(p);
      return { payload: text, signature: await edge.signWithPanelKey(text) };
    };
    const valid = await sign(base);
    const cases: Array<[string, { payload: string; signature: string }]> = [
      ["bad_signature", { ...valid, payload: valid.payload.replace('"vless-in"', '"evil-in"') }],
      ["other_node", await sign({ ...base, nodeId: edge.nodeId + 1 })],
      ["not_newer", await sign({ ...base, version: 1 })],
      ["expired", await sign({ ...base, expiresAtSec: now - 1 })],
    ];
    for (const [reason, envelope] of cases) {
      const before = logs.length;
      edge.publishEnvelope(base.version, envelope);
      await waitFor(`rejection ${reason}`, () =>
        logs.slice(before).find((e) => e.event === "config.rejected" && e.reason === reason),
      );
      expect(
        (await fetchThroughSocks(client!.socksPort, target.port, "/bytes/1000")).status,
        `serving after ${reason}`,
      ).toBe(200);
    }
    expect(JSON.parse(readFileSync(join(stateDir, "status.json"), "utf8")).appliedConfigVersion).toBe(version);
    expect(await publishValid()).toBe(version);
  });
});
