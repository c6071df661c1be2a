import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StateDir } from "../state/state-dir.ts";
import {
  BundleRefused,
  type CommittedRelease,
  decideLaunch,
  installTrial,
  LAUNCHED_ENV,
  ReleaseFiles,
  TRIAL_ENV,
  type Trial,
  type UpdateOperation,
} from "./update.ts";

const INSTALLED = "/usr/local/lib/vortex-agent/vortex-agent.mjs";
const trial: Trial = {
  operationId: 7,
  version: "0.2.0",
  script: "/var/lib/vortex-agent/agent/0.2.0.mjs",
  sha256: "a".repeat(64),
  previousScript: INSTALLED,
  startedAtSec: 100,
  deadlineSec: 160,
};
const current: CommittedRelease = {
  version: "0.1.5",
  script: "/var/lib/vortex-agent/agent/0.1.5.mjs",
  sha256: "b".repeat(64),
  committedAtSec: 50,
};
const everythingExists = () => true;

describe("the launcher", () => {
  it("runs the installed bundle when nothing was ever updated", () => {
    expect(decideLaunch({ self: INSTALLED, env: {}, current: null, trial: null, exists: everythingExists })).toEqual({
      failedTrial: null,
      trial: null,
      next: { kind: "run" },
    });
  });

  it("hands over to the release that proved healthy, once: the process it starts does not launch again", () => {
    const input = { self: INSTALLED, current, trial: null, exists: everythingExists };
    expect(decideLaunch({ ...input, env: {} }).next).toEqual({ kind: "exec", script: current.script });
    expect(decideLaunch({ ...input, env: { [LAUNCHED_ENV]: "1" } }).next).toEqual({ kind: "run" });
    expect(decideLaunch({ ...input, self: current.script, env: {} }).next).toEqual({ kind: "run" });
  });

  it("keeps the installed bundle when the committed release's file is gone", () => {
    expect(decideLaunch({ self: INSTALLED, env: {}, current, trial: null, exists: () => false }).next).toEqual({
      kind: "run",
    });
  });

  it("lets the trial run as the trial", () => {
    const decision = decideLaunch({
      self: trial.script,
      env: { [LAUNCHED_ENV]: "1", [TRIAL_ENV]: "7" },
      current: null,
      trial,
      exists: everythingExists,
    });
    expect(decision).toEqual({ failedTrial: null, trial, next: { kind: "run" } });
  });

  it("reads a trial marker found by any other start as a trial that died, and goes on with the last healthy release", () => {
    // systemd restarted the installed bundle after the trial exited (at import, or later).
    expect(decideLaunch({ self: INSTALLED, env: {}, current, trial, exists: everythingExists })).toEqual({
      failedTrial: trial,
      trial: null,
      next: { kind: "exec", script: current.script },
    });
    // The trial's own file started without the trial's environment is not the trial either.
    expect(decideLaunch({ self: trial.script, env: {}, current: null, trial, exists: everythingExists })).toMatchObject(
      { failedTrial: trial, trial: null },
    );
  });
});

describe("installing a release", () => {
  const bundle = Buffer.from("#!/usr/bin/env node\nconsole.log('agent 0.2.0');\n");
  const op = (extra: Partial<UpdateOperation> = {}): UpdateOperation => ({
    id: 7,
    kind: "updateAgent",
    notAfterSec: 10_000,
    version: "0.2.0",
    sha256: createHash("sha256").update(bundle).digest("hex"),
    sizeBytes: bundle.byteLength,
    path: "/agent/v1/releases/0.2.0.mjs",
    ...extra,
  });
  const files = () => new ReleaseFiles(new StateDir(mkdtempSync(join(tmpdir(), "vortex-update-"))));

  it("refuses bytes whose hash or size differ from the signed operation before anything is written", () => {
    const release = files();
    const tampered = Buffer.from(bundle);
    tampered[25] = tampered[25]! ^ 1;
    expect(() => installTrial(release, op(), tampered, INSTALLED, 100)).toThrow(BundleRefused);
    expect(() => installTrial(release, op(), tampered, INSTALLED, 100)).toThrow(/SHA-256/);
    expect(() => installTrial(release, op(), Buffer.concat([bundle, Buffer.from(" ")]), INSTALLED, 100)).toThrow(
      /bytes, the signed operation says/,
    );
    expect(existsSync(release.dir) ? readdirSync(release.dir) : []).toEqual([]);
  });

  it("writes a verified bundle with its trial marker, and a commit keeps only the new and the previous release", () => {
    const release = files();
    const started = installTrial(release, op(), bundle, release.bundlePath("0.1.0"), 100);
    writeFileSync(release.bundlePath("0.0.9"), "older");
    writeFileSync(release.bundlePath("0.1.0"), "previous");
    expect(started).toMatchObject({ operationId: 7, script: release.bundlePath("0.2.0"), deadlineSec: 160 });
    expect(release.readTrial()).toEqual(started);
    release.commit(started, 130);
    expect(release.readTrial()).toBeNull();
    expect(release.readCurrent()).toMatchObject({ version: "0.2.0", script: release.bundlePath("0.2.0") });
    expect(readdirSync(release.dir).sort()).toEqual(["0.1.0.mjs", "0.2.0.mjs", "current.json"]);
  });
});
