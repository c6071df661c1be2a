import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { INSTALL_SCRIPT } from "../../../workers/downloads/install-script.ts";
import { CORE_DEFAULT_BINS, INSTALL_PATHS, systemdUnit } from "../../../workers/downloads/systemd-unit.ts";
import { CORE_PROFILES } from "../../src/core/profile.ts";

const checkedInUnit = resolve(import.meta.dirname, "../../systemd/vortex-agent.service");

describe("install.sh", () => {
  it("writes the unit that is checked in, given the default paths and Debian's node", () => {
    const unit = systemdUnit({
      nodeBin: "/usr/bin/node",
      agent: INSTALL_PATHS.agent,
      stateDir: INSTALL_PATHS.stateDir,
      core: "xray",
      coreBin: CORE_DEFAULT_BINS.xray,
    });
    expect(readFileSync(checkedInUnit, "utf8")).toBe(unit);
  });

  it("looks for each core where the agent does", () => {
    for (const core of Object.keys(CORE_DEFAULT_BINS) as (keyof typeof CORE_DEFAULT_BINS)[]) {
      expect(CORE_DEFAULT_BINS[core], core).toBe(CORE_PROFILES[core].defaultBin);
    }
  });

  it("is valid bash", () => {
    const check = spawnSync("bash", ["-n"], { input: INSTALL_SCRIPT, encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it("refuses arguments that are not an origin, a token and a key before it touches anything", () => {
    const prefix = mkdtempSync(join(tmpdir(), "vortex-install-args-"));
    const key = "B".repeat(43);
    for (const args of [
      ["https://panel.example", "tok'en", key],
      ["https://panel.example/$(reboot)", "token-token-token", key],
      ["https://panel.example", "token-token-token", `${key}x`],
      ["https://panel.example", "token-token-token"],
    ]) {
      const run = spawnSync("bash", ["-s", "--", ...args], {
        input: INSTALL_SCRIPT,
        encoding: "utf8",
        env: { ...process.env, VORTEX_PREFIX: prefix, VORTEX_NO_SYSTEMD: "1" },
      });
      expect(run.status, args.join(" ")).toBe(1);
      expect(run.stderr).toMatch(/^vortex-install: (usage|not a panel origin|malformed)/);
    }
    expect(readdirSync(prefix)).toEqual([]);
  });
});
