/**
 * Subscription output against the real Debian v2ray 4.34 core: every Xray JSON config it can run
 * passes `v2ray -test`, and clients built from share links (parsed here the way clients parse
 * them) and from the Xray JSON carry traffic through a server core the agent renders.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentInbound, AgentUser } from "../../../workers/agent/protocol/messages.ts";
import { toEndpoint, type Endpoint, type ServedInbound } from "../../../workers/subscription/endpoint.ts";
import { xrayClientConfig, xrayJsonSupports } from "../../../workers/subscription/formats/xray-json.ts";
import { shareLink } from "../../../workers/subscription/links/index.ts";
import { describeInbound, makeInbound, SECRETS, servableInbounds } from "../../../workers/subscription/testing.ts";
import { memoryLogger } from "../../src/log/logger.ts";
import { renderCoreConfig } from "../../src/core/render.ts";
import { CoreSupervisor } from "../../src/core/supervisor.ts";
import { testCoreConfig } from "../../src/core/validate.ts";
import { startClientCore, type ClientCore } from "../../src/testing/client-core.ts";
import { makeRenderOptions, routingAllowingLoopback } from "../../src/testing/factories.ts";
import { outboundFromLink } from "../../src/testing/share-link-client.ts";
import {
  fetchThroughSocks,
  freePort,
  makeSelfSignedCert,
  startHttpTarget,
  type HttpTarget,
} from "../../src/testing/net.ts";

/** What 4.34 runs: no gRPC/HTTPUpgrade/XHTTP, no REALITY, no Vision, no shadowsocks-2022. */
const v2rayRuns = (e: Endpoint) =>
  xrayJsonSupports(e) &&
  ["tcp", "ws"].includes(e.transport) &&
  e.security !== "reality" &&
  !e.flow &&
  !(e.method ?? "").startsWith("2022-");

let dir: string;

describe("Xray JSON against v2ray -test", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "vortex-sub-"));
  });

  const endpoints = servableInbounds().map((inbound) => ({
    inbound,
    endpoint: toEndpoint(inbound, "de.example.com", SECRETS, describeInbound(inbound)),
  }));

  it("tests every combination 4.34 can run, and no fewer than 14", () => {
    expect(endpoints.filter((e) => v2rayRuns(e.endpoint)).length).toBeGreaterThanOrEqual(14);
  });

  for (const { inbound, endpoint } of endpoints.filter((e) => v2rayRuns(e.endpoint))) {
    it(`accepts the ${describeInbound(inbound)} config`, async () => {
      const path = join(dir, `${inbound.id}.json`);
      writeFileSync(
        path,
        JSON.stringify(xrayClientConfig(endpoint, { socks: await freePort(), http: await freePort() })),
      );
      const result = await testCoreConfig("v2ray", "v2ray", path);
      expect(result.output).toMatch(/Configuration OK/);
      expect(result.ok).toBe(true);
    });
  }
});

describe("clients built from subscription output carry traffic", () => {
  let target: HttpTarget;
  let supervisor: CoreSupervisor;
  const clients: ClientCore[] = [];
  const served: ServedInbound[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vortex-sub-core-"));
    const tls = makeSelfSignedCert(dir);
    target = await startHttpTarget();
    served.push(
      makeInbound({ tag: "vless-tcp", protocol: "vless", port: await freePort() }),
      makeInbound({
        tag: "vmess-ws",
        protocol: "vmess",
        transport: "ws",
        port: await freePort(),
        transportSettings: { path: "/vm ws" },
      }),
      makeInbound({
        tag: "trojan-tls",
        protocol: "trojan",
        security: "tls",
        port: await freePort(),
        securitySettings: { serverName: "localhost", allowInsecure: true },
      }),
      makeInbound({
        tag: "vless-ws-tls",
        protocol: "vless",
        transport: "ws",
        security: "tls",
        port: await freePort(),
        transportSettings: { path: "/v" },
        securitySettings: { serverName: "localhost", allowInsecure: true },
      }),
      makeInbound({
        tag: "ss",
        protocol: "shadowsocks",
        port: await freePort(),
        protocolSettings: { method: "aes-256-gcm" },
      }),
    );
    const user: AgentUser = {
      id: 1,
      email: "u1",
      inboundTags: served.map((i) => i.tag),
      ...SECRETS,
      dataLimitBytes: null,
      usedBytes: 0,
      expireAtSec: null,
    };
    const inbounds: AgentInbound[] = served.map((i) => ({
      ...i,
      protocolSettings: { ...i.protocolSettings },
      transportSettings: { ...i.transportSettings },
      securitySettings: { ...i.securitySettings },
    }));
    const apiPort = await freePort();
    const { config, skipped } = renderCoreConfig(
      { inbounds, users: [user], routing: routingAllowingLoopback(target.port) },
      makeRenderOptions({ apiPort, accessLogPath: join(dir, "access.log"), tls }),
    );
    expect(skipped).toEqual([]);
    supervisor = new CoreSupervisor({ core: "v2ray", bin: "v2ray", dir, apiPort, logger: memoryLogger() });
    const started = await supervisor.replace(config);
    expect(started.ok).toBe(true);
  });

  afterAll(async () => {
    for (const client of clients) await client.stop();
    await supervisor?.stop();
    await target?.close();
  });

  async function carries(name: string, outbound: Record<string, unknown>) {
    const client = await startClientCore(dir, name, await freePort(), outbound);
    clients.push(client);
    const result = await fetchThroughSocks(client.socksPort, target.port, "/bytes/20000");
    expect(result.status, name).toBe(200);
    expect(result.responseBytes, name).toBeGreaterThan(20000);
  }

  it("through a client parsed from each vless, vmess, trojan and ss share link", async () => {
    for (const inbound of served) {
      const link = shareLink(toEndpoint(inbound, "127.0.0.1", SECRETS, inbound.tag));
      await carries(`link-${inbound.tag}`, outboundFromLink(link));
    }
  });

  it("through each Xray JSON config's own proxy outbound", async () => {
    for (const inbound of served) {
      const config = xrayClientConfig(toEndpoint(inbound, "127.0.0.1", SECRETS, inbound.tag));
      const proxy = (config.outbounds as Record<string, unknown>[])[0]!;
      await carries(`json-${inbound.tag}`, proxy);
    }
  });
});
