/**
 * The real Debian v2ray core on loopback, driven through the agent's own renderer, supervisor
 * and gRPC client. Requires `v2ray` on PATH (CI installs it with apt).
 */
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentInbound, AgentUser, RoutingPolicy } from "../../../workers/agent/protocol/messages.ts";
import { memoryLogger } from "../log/logger.ts";
import { clientOutbound, startClientCore, type ClientCore } from "../testing/client-core.ts";
import { makeInbound, makeRenderOptions, makeUser, routingAllowingLoopback } from "../testing/factories.ts";
import { fetchThroughSocks, freePort, makeSelfSignedCert, startHttpTarget, type HttpTarget } from "../testing/net.ts";
import { CoreApi } from "./grpc/client.ts";
import { renderCoreConfig, type RenderOptions } from "./render.ts";
import { CoreSupervisor } from "./supervisor.ts";

let dir: string;
let target: HttpTarget;
/** The test's HTTP target lives on loopback, which the default policy blocks for users. */
let routing: RoutingPolicy;
let supervisor: CoreSupervisor;
let api: CoreApi;
let renderOptions: RenderOptions;
let caFile: string;
const clients: ClientCore[] = [];
let vless: AgentInbound, vmess: AgentInbound, trojan: AgentInbound;
let alice: AgentUser, bob: AgentUser, carol: AgentUser;

async function clientFor(inbound: AgentInbound, user: AgentUser): Promise<ClientCore> {
  const client = await startClientCore(
    dir,
    `${inbound.tag}-${user.id}-${clients.length}`,
    await freePort(),
    clientOutbound(inbound, user, caFile),
  );
  clients.push(client);
  return client;
}

/** Counters land as bytes move; poll (bounded) until they settle on the expected value. */
async function countersOf(email: string, expectDown: number): Promise<{ up: number; down: number }> {
  let last = { up: 0, down: 0 };
  for (let i = 0; i < 100; i++) {
    last = (await api.queryUserCounters()).get(email) ?? { up: 0, down: 0 };
    if (last.down >= expectDown) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  return last;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vortex-core-"));
  const tls = makeSelfSignedCert(dir);
  caFile = tls.certificateFile;
  target = await startHttpTarget();
  routing = routingAllowingLoopback(target.port);
  vless = makeInbound({ tag: "vless-in", protocol: "vless", port: await freePort() });
  vmess = makeInbound({
    tag: "vmess-in",
    protocol: "vmess",
    transport: "ws",
    port: await freePort(),
    transportSettings: { path: "/vm" },
  });
  trojan = makeInbound({ tag: "trojan-in", protocol: "trojan", security: "tls", port: await freePort() });
  alice = makeUser(1, ["vless-in"]);
  bob = makeUser(2, ["vmess-in"]);
  carol = makeUser(3, ["trojan-in"]);
  const apiPort = await freePort();
  renderOptions = makeRenderOptions({ apiPort, accessLogPath: join(dir, "access.log"), tls });
  supervisor = new CoreSupervisor({ core: "v2ray", bin: "v2ray", dir, apiPort, logger: memoryLogger() });
  const { config, skipped } = renderCoreConfig(
    { inbounds: [vless, vmess, trojan], users: [alice, bob, carol], routing },
    renderOptions,
  );
  expect(skipped).toEqual([]);
  expect((await supervisor.test(config)).ok).toBe(true);
  await supervisor.start(config);
  api = new CoreApi({ core: "v2ray", address: supervisor.apiAddress });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  api?.close();
  await supervisor?.stop();
  supervisor?.dispose();
  await target?.close();
});

describe("v2ray core driven by the agent", () => {
  it("counts each user's bytes exactly: uplink = request bytes, downlink = response bytes", async () => {
    for (const [inbound, user] of [
      [vless, alice],
      [vmess, bob],
      [trojan, carol],
    ] as const) {
      const client = await clientFor(inbound, user);
      const result = await fetchThroughSocks(client.socksPort, target.port, "/bytes/1048576");
      expect(result.status).toBe(200);
      expect(result.responseBytes).toBeGreaterThan(1_048_576);
      const counters = await countersOf(user.email, result.responseBytes);
      expect(counters).toEqual({ up: result.requestBytes, down: result.responseBytes });
    }
  });

  it("adds and removes a user at runtime without restarting the core", async () => {
    const pid = supervisor.instance!.pid;
    const dave = makeUser(4, ["vless-in"]);
    const client = await clientFor(vless, dave);
    expect((await fetchThroughSocks(client.socksPort, target.port, "/bytes/1000", 3_000)).status).toBeNull();

    await api.addUser(vless, dave);
    expect((await fetchThroughSocks(client.socksPort, target.port, "/bytes/1000")).status).toBe(200);

    await api.removeUser("vless-in", dave.email);
    expect((await fetchThroughSocks(client.socksPort, target.port, "/bytes/1000", 3_000)).status).toBeNull();
    expect(supervisor.instance!.pid).toBe(pid);
  });

  it("refuses to send an account to an inbound whose protocol cannot take it at runtime", async () => {
    const ss = makeInbound({ tag: "ss-in", protocol: "shadowsocks", protocolSettings: { method: "aes-256-gcm" } });
    await expect(api.addUser(ss, makeUser(9, ["ss-in"]))).rejects.toThrow(/cannot change shadowsocks users at runtime/);
    expect(supervisor.running).toBe(true);
  });

  it("keeps the running core when a new config fails -test", async () => {
    const pid = supervisor.instance!.pid;
    const broken = renderCoreConfig(
      { inbounds: [vless], users: [{ ...alice, vlessId: "not-a-uuid" }], routing },
      renderOptions,
    ).config;
    const result = await supervisor.replace(broken);
    expect(result).toMatchObject({ ok: false, stage: "test" });
    expect(supervisor.instance!.pid).toBe(pid);
  });

  it("rolls back to the previous config when the new one passes -test but cannot start", async () => {
    const squatter: Server = createServer();
    const busyPort = await freePort();
    await new Promise<void>((r) => squatter.listen(busyPort, "127.0.0.1", r));
    try {
      const extra = makeInbound({ tag: "busy-in", protocol: "vless", port: busyPort });
      const next = renderCoreConfig(
        { inbounds: [vless, vmess, trojan, extra], users: [alice, bob, carol], routing },
        renderOptions,
      ).config;
      const result = await supervisor.replace(next);
      expect(result).toMatchObject({ ok: false, stage: "start", rolledBack: true });
      // The core's own words for that start only, for the history the panel shows.
      expect(!result.ok && result.stage === "start" && result.output).toContain(
        `${busyPort}: bind: address already in use`,
      );
      expect(supervisor.running).toBe(true);
      const client = await clientFor(vless, alice);
      expect((await fetchThroughSocks(client.socksPort, target.port, "/bytes/100")).status).toBe(200);
    } finally {
      squatter.close();
    }
  });
});
