/**
 * An imported user's own secrets per inbound, against the real Debian v2ray core through the
 * agent's applier: the rendered config on start, gRPC account changes at runtime after. The
 * clients are given the credentials spelled out here, not derived by the code under test.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentInbound, AgentUser, RoutingPolicy } from "../../../workers/agent/protocol/messages.ts";
import { withInboundOverride } from "../../../workers/agent/protocol/inbound-override.ts";
import { toEndpoint, type ServedInbound } from "../../../workers/subscription/endpoint.ts";
import { shareLink } from "../../../workers/subscription/links/index.ts";
import { CoreApi } from "../core/grpc/client.ts";
import { CoreSupervisor } from "../core/supervisor.ts";
import { memoryLogger } from "../log/logger.ts";
import { clientOutbound, startClientCore, type ClientCore } from "../testing/client-core.ts";
import { makeInbound, makeRenderOptions, makeUser, routingAllowingLoopback } from "../testing/factories.ts";
import { outboundFromLink } from "../testing/share-link-client.ts";
import { fetchThroughSocks, freePort, startHttpTarget, type HttpTarget } from "../testing/net.ts";
import { ConfigApplier } from "./applier.ts";

const FIRST_UUID = "6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
const SECOND_UUID = "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a";

let dir: string;
let target: HttpTarget;
let routing: RoutingPolicy;
let supervisor: CoreSupervisor;
let api: CoreApi;
let applier: ConfigApplier;
const clients: ClientCore[] = [];
let main: AgentInbound, moved: AgentInbound, ss: AgentInbound;
let alice: AgentUser;

/** Whether a client core holding `credentials` gets through `inbound` (a refused one times out). */
async function connects(inbound: AgentInbound, credentials: Partial<AgentUser>): Promise<boolean> {
  const client = await startClientCore(
    dir,
    `${inbound.tag}-${clients.length}`,
    await freePort(),
    clientOutbound(inbound, { ...alice, ...credentials }),
  );
  clients.push(client);
  const result = await fetchThroughSocks(client.socksPort, target.port, "/bytes/1000", 3_000);
  return result.status === 200;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vortex-overrides-"));
  target = await startHttpTarget();
  routing = routingAllowingLoopback(target.port);
  main = makeInbound({ tag: "main", protocol: "vless", port: await freePort() });
  moved = makeInbound({ tag: "moved", protocol: "vless", port: await freePort() });
  // v2ray 4.34's shadowsocks inbound holds its one user inline, method included.
  ss = makeInbound({
    tag: "ss",
    protocol: "shadowsocks",
    port: await freePort(),
    protocolSettings: { method: "aes-256-gcm" },
  });
  alice = makeUser(1, ["main", "moved", "ss"], {
    inboundOverrides: {
      moved: { secret: FIRST_UUID },
      ss: { secret: "imported ss pass", method: "aes-128-gcm" },
    },
  });
  const apiPort = await freePort();
  supervisor = new CoreSupervisor({ core: "v2ray", bin: "v2ray", dir, apiPort, logger: memoryLogger() });
  api = new CoreApi({ core: "v2ray", address: supervisor.apiAddress });
  applier = new ConfigApplier({
    supervisor,
    api,
    renderOptions: makeRenderOptions({ apiPort, accessLogPath: join(dir, "access.log") }),
    logger: memoryLogger(),
    readCountersBeforeRestart: async () => {},
  });
  const started = await applier.apply({ inbounds: [main, moved, ss], users: [alice], routing });
  expect(started).toMatchObject({ ok: true, restarted: true, skipped: [] });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  api?.close();
  await supervisor?.stop();
  supervisor?.dispose();
  await target?.close();
});

describe("a user with its own secret on one inbound, on the real core", () => {
  it("connects through each inbound with that inbound's UUID, and not with the other", async () => {
    expect(await connects(main, {})).toBe(true);
    expect(await connects(moved, { vlessId: FIRST_UUID })).toBe(true);
    expect(await connects(moved, {})).toBe(false);
  });

  it("connects to shadowsocks with its own password and method, and not with the inbound's method", async () => {
    const ssInbound = { ...ss, protocolSettings: { method: "aes-128-gcm" } };
    expect(await connects(ssInbound, { shadowsocksPassword: "imported ss pass" })).toBe(true);
    expect(await connects(ss, { shadowsocksPassword: "imported ss pass" })).toBe(false);
  });

  it("is counted under its one email whichever inbound it came through", async () => {
    const before = (await api.queryUserCounters(alice.email)).get(alice.email)?.down ?? 0;
    expect(await connects(moved, { vlessId: FIRST_UUID })).toBe(true);
    let after = before;
    for (let i = 0; i < 100 && after <= before; i++) {
      after = (await api.queryUserCounters(alice.email)).get(alice.email)?.down ?? 0;
      if (after <= before) await new Promise((r) => setTimeout(r, 50));
    }
    expect(after).toBeGreaterThan(before);
  });

  it("reaches the core through the share link of each inbound, built with that inbound's secret as /sub builds it", async () => {
    // assemble.ts's composition (workers/subscription tests cover that /sub applies it in every format).
    const links = [main, moved, ss].map((inbound, i) => {
      const seen = withInboundOverride(
        { ...inbound, id: i + 1, remark: inbound.tag } as ServedInbound,
        alice,
        alice.inboundOverrides?.[inbound.tag],
      );
      return shareLink(toEndpoint(seen.inbound, "127.0.0.1", seen.user, inbound.tag));
    });
    expect(links[1]).toContain(FIRST_UUID);
    for (const link of links) {
      const client = await startClientCore(dir, `link-${clients.length}`, await freePort(), outboundFromLink(link));
      clients.push(client);
      expect((await fetchThroughSocks(client.socksPort, target.port, "/bytes/1000", 3_000)).status, link).toBe(200);
    }
  });

  it("takes a change of that override alone at runtime, without restarting the core", async () => {
    const pid = supervisor.instance!.pid;
    const changed = {
      ...alice,
      inboundOverrides: { ...alice.inboundOverrides, moved: { secret: SECOND_UUID } },
    };
    const outcome = await applier.apply({ inbounds: [main, moved, ss], users: [changed], routing });
    // One account replaced (remove + add) on the one inbound whose override changed.
    expect(outcome).toMatchObject({ ok: true, restarted: false, ops: 2 });
    expect(supervisor.instance!.pid).toBe(pid);
    expect(await connects(moved, { vlessId: SECOND_UUID })).toBe(true);
    expect(await connects(moved, { vlessId: FIRST_UUID })).toBe(false);
    expect(await connects(main, {})).toBe(true);
  });
});
