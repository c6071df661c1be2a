import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateSigningKeyPair } from "../../../workers/agent/protocol/signing.ts";
import { memoryLogger } from "../log/logger.ts";
import { StateDir } from "../state/state-dir.ts";
import { enroll } from "./enroll.ts";

describe("enroll", () => {
  it("registers a fresh public key with the token, pins the panel key and stores the identity privately", async () => {
    const panel = await generateSigningKeyPair();
    const state = new StateDir(join(mkdtempSync(join(tmpdir(), "vortex-enroll-")), "state"));
    let sent: { token: string; publicKey: string; agentVersion: string } | null = null;
    const log = memoryLogger();
    const identity = await enroll({
      panelUrl: "https://panel.example/some/path",
      token: "one-time",
      state,
      agentVersion: "0.1.0",
      logger: log,
      request: async (url, init) => {
        expect(url).toBe("https://panel.example/agent/v1/enroll");
        sent = JSON.parse(new TextDecoder().decode(init.body));
        return {
          status: 200,
          statusText: "OK",
          headers: {},
          body: JSON.stringify({ nodeId: 42, panelPublicKey: panel.publicKey }),
        };
      },
    });
    expect(sent).toMatchObject({ token: "one-time", publicKey: identity.nodePublicKey, agentVersion: "0.1.0" });
    expect(state.readIdentity()).toMatchObject({
      nodeId: 42,
      panelPublicKey: panel.publicKey,
      panelUrl: "https://panel.example",
    });
    expect(statSync(state.identityPath).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(log.entries)).not.toContain(identity.nodePrivateKey);
    expect(JSON.stringify(log.entries)).not.toContain("one-time");

    await expect(
      enroll({
        panelUrl: "https://panel.example",
        token: "again",
        state,
        agentVersion: "0.1.0",
        logger: log,
        request: async () => ({ status: 200, statusText: "OK", headers: {}, body: "{}" }),
      }),
    ).rejects.toThrow(/already enrolled/);
  });

  it("refuses a plain-http panel URL that is not localhost", async () => {
    const state = new StateDir(join(mkdtempSync(join(tmpdir(), "vortex-enroll-")), "state"));
    await expect(
      enroll({ panelUrl: "http://panel.example", token: "t", state, agentVersion: "0.1.0", logger: memoryLogger() }),
    ).rejects.toThrow(/https/);
  });

  it("refuses a panel that answers with another signing key than the expected one, and stores nothing", async () => {
    const [shown, other] = [await generateSigningKeyPair(), await generateSigningKeyPair()];
    const state = new StateDir(join(mkdtempSync(join(tmpdir(), "vortex-enroll-")), "state"));
    const attempt = enroll({
      panelUrl: "https://panel.example",
      token: "one-time",
      state,
      agentVersion: "0.1.0",
      logger: memoryLogger(),
      expectedPanelPublicKey: shown.publicKey,
      request: async () => ({
        status: 200,
        statusText: "OK",
        headers: {},
        body: JSON.stringify({ nodeId: 42, panelPublicKey: other.publicKey }),
      }),
    });
    await expect(attempt).rejects.toThrow(/not with the expected/);
    expect(state.readIdentity()).toBeNull();
  });
});
