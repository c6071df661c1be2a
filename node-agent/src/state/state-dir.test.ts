import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StateDir } from "./state-dir.ts";

function freshStateDir(): StateDir {
  return new StateDir(join(mkdtempSync(join(tmpdir(), "vortex-state-")), "state"));
}

const identity = {
  nodeId: 7,
  panelUrl: "https://panel.example",
  panelPublicKey: "pk",
  nodePublicKey: "npk",
  nodePrivateKey: "secret",
  enrolledAtSec: 1,
};

describe("state dir", () => {
  it("stores the identity with 0600 perms inside a 0700 directory and reads it back", () => {
    const state = freshStateDir();
    state.writeIdentity(identity);
    expect(state.readIdentity()).toEqual(identity);
    expect(statSync(state.identityPath).mode & 0o777).toBe(0o600);
    expect(statSync(state.root).mode & 0o777).toBe(0o700);
  });

  it("leaves no temp files behind and replaces the old content whole", () => {
    const state = freshStateDir();
    state.writeIdentity(identity);
    state.writeIdentity({ ...identity, nodeId: 8 });
    expect(state.readIdentity()?.nodeId).toBe(8);
    expect(readdirSync(state.root).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("reports a missing file as null and refuses a corrupt one", () => {
    const state = freshStateDir();
    expect(state.readIdentity()).toBeNull();
    state.ensure();
    writeFileSync(state.identityPath, JSON.stringify({ nodeId: "x" }));
    expect(() => state.readIdentity()).toThrow(/invalid/);
  });
});
