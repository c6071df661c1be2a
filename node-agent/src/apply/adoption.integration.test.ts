/**
 * Adoption with the real Debian v2ray core: one "agent process" (supervisor + applier + journal)
 * starts the core and is dropped without stopping it, as a crash leaves it; the next one adopts
 * the core, continues counting from its counters and converges its users.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentInbound, AgentUser, RoutingPolicy } from "../../../workers/agent/protocol/messages.ts";
import { CoreApi } from "../core/grpc/client.ts";
import type { RenderOptions, ServedUsers } from "../core/render.ts";
import { CoreSupervisor } from "../core/supervisor.ts";
import { memoryLogger } from "../log/logger.ts";
import { clientOutbound, startClientCore, type ClientCore } from "../testing/client-core.ts";
import { makeInbound, makeRenderOptions, makeUser, routingAllowingLoopback } from "../testing/factories.ts";
import { fetchThroughSocks, freePort, startHttpTarget, type HttpTarget } from "../testing/net.ts";
import { UsageJournal, userIdFromEmail, type RecordedDelta } from "../usage/journal.ts";
import { SERVED_RECORD_FILE, writeServedRecord } from "./adoption.ts";
import { ConfigApplier } from "./applier.ts";

let dir: string;
let apiPort: number;
let target: HttpTarget;
let routing: RoutingPolicy;
let renderOptions: RenderOptions;
let vless: AgentInbound;
let alice: AgentUser, bob: AgentUser, carol: AgentUser;
const clients: ClientCore[] = [];
let last: AgentProcess | undefined;

/** What one agent process holds; `crash()` drops it all and leaves the core running. */
function agentProcess() {
  const logger = memoryLogger();
  const supervisor = new CoreSupervisor({ core: "v2ray", bin: "v2ray", dir, apiPort, logger });
  const api = new CoreApi({ core: "v2ray", address: supervisor.apiAddress });
  const journal = UsageJournal.open(join(dir, "usage.journal"));
  const counted: RecordedDelta[] = [];
  const collect = async (instanceId = supervisor.instance!.instanceId) => {
    counted.push(...journal.recordReading(instanceId, await api.queryUserCounters(), userIdFromEmail, 0));
  };
  const applier = new ConfigApplier({
    supervisor,
    api,
    renderOptions,
    logger,
    readCountersBeforeRestart: () => collect(),
  });
  const crash = () => {
    supervisor.dispose();
    api.close();
    journal.close();
  };
  last = { supervisor, crash };
  return { logger, supervisor, api, applier, collect, counted, crash };
}
type AgentProcess = { supervisor: CoreSupervisor; crash: () => void };

async function download(user: AgentUser, bytes: number): Promise<number> {
  const client = await startClientCore(
    dir,
    `${user.email}-${clients.length}`,
    await freePort(),
    clientOutbound(vless, user),
  );
  clients.push(client);
  const result = await fetchThroughSocks(client.socksPort, target.port, `/bytes/${bytes}`, 3_000);
  return result.status === 200 ? result.requestBytes + result.responseBytes : 0;
}

const bytesOf = (counted: RecordedDelta[], email: string) =>
  counted.filter((d) => d.email === email).reduce((sum, d) => sum + d.upBytes + d.downBytes, 0);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vortex-adopt-"));
  apiPort = await freePort();
  target = await startHttpTarget();
  routing = routingAllowingLoopback(target.port);
  renderOptions = makeRenderOptions({ apiPort, accessLogPath: join(dir, "access.log") });
  vless = makeInbound({ tag: "vless-in", port: await freePort() });
  alice = makeUser(1, ["vless-in"]);
  bob = makeUser(2, ["vless-in"]);
  carol = makeUser(3, ["vless-in"]);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
  await last?.supervisor.stop();
  last?.crash();
  await target?.close();
});

describe("a restarted agent and the core its predecessor left running", () => {
  it("adopts the core after a crash in the middle of runtime user changes: same process, users converged, every byte counted once", async () => {
    const before: ServedUsers = { inbounds: [vless], users: [alice, bob], routing };
    const first = agentProcess();
    expect(await first.applier.apply(before)).toMatchObject({ ok: true, restarted: true });
    const { pid, instanceId } = first.supervisor.instance!;
    let aliceMoved = await download(alice, 300_000);
    await first.collect();
    // Moved after the last reading: only the core's counters know these bytes when the agent dies.
    aliceMoved += await download(alice, 200_001);
    // The crash comes while bob is being swapped for carol: the record says so, bob is already gone.
    const after: ServedUsers = { inbounds: [vless], users: [alice, carol], routing };
    const recordPath = join(dir, SERVED_RECORD_FILE);
    const { shapeDigest } = JSON.parse(readFileSync(recordPath, "utf8"));
    writeServedRecord(recordPath, { instanceId, shapeDigest, served: before, applying: after });
    await first.api.removeUser("vless-in", bob.email);
    first.crash();

    const second = agentProcess();
    const orphan = await second.supervisor.findOrphan();
    expect(orphan).toMatchObject({ instance: { pid, instanceId }, apiAnswers: true });
    await second.collect(orphan!.instance.instanceId);
    second.applier.offerOrphan(orphan!);
    // The agent restarts with the last good config, which still has bob: the core converges to it.
    expect(await second.applier.apply(before)).toMatchObject({ ok: true, restarted: false });
    expect(second.logger.entries).toContainEqual(
      expect.objectContaining({ event: "core.adopted", pid, reason: expect.stringMatching(/cut short and is redone/) }),
    );
    expect(second.supervisor.instance).toMatchObject({ pid, instanceId });
    expect(await download(bob, 1_000)).toBeGreaterThan(0);
    expect(await download(carol, 1_000)).toBe(0);
    aliceMoved += await download(alice, 100_000);
    await second.collect();
    expect(bytesOf([...first.counted, ...second.counted], alice.email)).toBe(aliceMoved);
    second.crash();
  });

  it("replaces the core when the config to run needs another inbound, and says why", async () => {
    const third = agentProcess();
    const orphan = await third.supervisor.findOrphan();
    const extra = makeInbound({ tag: "vless-2", port: await freePort() });
    third.applier.offerOrphan(orphan!);
    const outcome = await third.applier.apply({ inbounds: [vless, extra], users: [alice], routing });
    expect(outcome).toMatchObject({ ok: true, restarted: true });
    expect(third.logger.entries).toContainEqual(
      expect.objectContaining({
        event: "core.orphan_replaced",
        pid: orphan!.instance.pid,
        reason: "the config to run needs a restart: inbound vless-2 added",
      }),
    );
    expect(third.supervisor.instance!.pid).not.toBe(orphan!.instance.pid);
  });
});
