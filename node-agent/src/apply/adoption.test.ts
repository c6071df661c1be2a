import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ServedUsers } from "../core/render.ts";
import { makeInbound, makeRenderOptions, makeUser } from "../testing/factories.ts";
import { adoptionVerdict, SERVED_RECORD_FILE, writeServedRecord, type Orphan } from "./adoption.ts";
import { shapeDigest } from "./diff.ts";

const options = makeRenderOptions();
const vless = makeInbound({ tag: "vless-in", port: 20_001 });
const vmess = makeInbound({ tag: "vmess-in", protocol: "vmess", port: 20_002 });
const alice = makeUser(1, ["vless-in"]);
const bob = makeUser(2, ["vless-in", "vmess-in"]);
const carol = makeUser(3, ["vmess-in"]);
const served: ServedUsers = { inbounds: [vless, vmess], users: [alice, bob] };

const orphan = (overrides: Partial<Orphan> = {}): Orphan => ({
  instance: { pid: 4242, instanceId: "inst-a", configPath: "/state/core/config.json", startedAtSec: 1_700_000_000 },
  apiAnswers: true,
  ...overrides,
});

/** The record a previous agent process left after applying `served` to core instance inst-a. */
function recorded(record: Partial<Parameters<typeof writeServedRecord>[1]> = {}): string {
  const path = join(mkdtempSync(join(tmpdir(), "vortex-adoption-")), SERVED_RECORD_FILE);
  writeServedRecord(path, {
    instanceId: "inst-a",
    shapeDigest: shapeDigest(served, options),
    served,
    applying: null,
    ...record,
  });
  return path;
}

describe("adopting the core a previous agent process left running", () => {
  it("adopts it when the last good config has the shape it was started with, whatever its users", () => {
    const next = { ...served, users: [alice, carol] };
    const verdict = adoptionVerdict(orphan(), recorded(), next, options);
    expect(verdict).toMatchObject({ adopt: true, running: served, interrupted: null });
    expect(verdict.reason).toMatch(/users are brought to that config at runtime/);
  });

  it("adopts it with both user sets when a runtime user change was cut short, so the next apply converges", () => {
    const applying = { ...served, users: [alice, carol] };
    const verdict = adoptionVerdict(orphan(), recorded({ applying }), served, options);
    expect(verdict).toMatchObject({ adopt: true, running: served, interrupted: applying });
    expect(verdict.reason).toMatch(/cut short and is redone/);
  });

  it("replaces it, saying which inbound, when the config to run needs a restart", () => {
    const extra = makeInbound({ tag: "trojan-in", protocol: "trojan", port: 20_003 });
    const verdict = adoptionVerdict(orphan(), recorded(), { ...served, inbounds: [vless, vmess, extra] }, options);
    expect(verdict).toEqual({ adopt: false, reason: "the config to run needs a restart: inbound trojan-in added" });
  });

  it("replaces it when this agent renders the same config differently (an upgrade that changed rendering)", () => {
    const verdict = adoptionVerdict(orphan(), recorded(), served, makeRenderOptions({ listen: "0.0.0.0" }));
    expect(verdict).toMatchObject({ adopt: false, reason: expect.stringMatching(/renders the config differently/) });
  });

  it("replaces it when its record is of another core instance (a restart was cut short after the new core started)", () => {
    const verdict = adoptionVerdict(orphan(), recorded({ instanceId: "inst-old" }), served, options);
    expect(verdict).toMatchObject({
      adopt: false,
      reason: expect.stringMatching(/instance inst-old, not of this one/),
    });
  });

  it("replaces it when there is no record or the record is unreadable", () => {
    const dir = mkdtempSync(join(tmpdir(), "vortex-adoption-"));
    const missing = join(dir, SERVED_RECORD_FILE);
    expect(adoptionVerdict(orphan(), missing, served, options)).toMatchObject({
      adopt: false,
      reason: expect.stringMatching(/no record of the users applied to it/),
    });
    writeFileSync(missing, JSON.stringify({ instanceId: "inst-a" }));
    expect(adoptionVerdict(orphan(), missing, served, options)).toMatchObject({
      adopt: false,
      reason: expect.stringMatching(/unreadable/),
    });
  });

  it("replaces it when its API does not answer, whatever the record says", () => {
    expect(adoptionVerdict(orphan({ apiAnswers: false }), recorded(), served, options)).toMatchObject({
      adopt: false,
      reason: expect.stringMatching(/API does not answer/),
    });
  });
});
