import { describe, expect, it } from "vitest";
import {
  generateSigningKeyPair,
  importPrivateKey,
  importPublicKey,
  signText,
} from "../../../workers/agent/protocol/signing.ts";
import type { ConfigEnvelope, ConfigPayload } from "../../../workers/agent/protocol/messages.ts";
import { makePayload } from "../testing/factories.ts";
import { verifyEnvelope, type VerifyContext } from "./verify.ts";

const NOW = 1_700_000_100;

async function panel() {
  const pair = await generateSigningKeyPair();
  const privateKey = await importPrivateKey(pair.privateKey);
  return {
    publicKey: await importPublicKey(pair.publicKey),
    sign: async (payload: ConfigPayload): Promise<ConfigEnvelope> => {
      const text = JSON.stringify(payload);
      return { payload: text, signature: await signText(privateKey, text) };
    },
  };
}

describe("verifyEnvelope", async () => {
  const pinned = await panel();
  const ctx: VerifyContext = { panelKey: pinned.publicKey, nodeId: 1, appliedVersion: 4, nowSec: NOW };

  it("accepts a config signed by the pinned key, for this node, newer and unexpired", async () => {
    const verdict = await verifyEnvelope(await pinned.sign(makePayload({ version: 5 })), ctx);
    expect(verdict).toMatchObject({ ok: true, payload: { version: 5, nodeId: 1 } });
  });

  it("rejects a config signed by any other key", async () => {
    const impostor = await panel();
    expect(await verifyEnvelope(await impostor.sign(makePayload({ version: 5 })), ctx)).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("rejects a payload changed after signing", async () => {
    const envelope = await pinned.sign(makePayload({ version: 5 }));
    const tampered = { ...envelope, payload: envelope.payload.replace('"version":5', '"version":6') };
    expect(await verifyEnvelope(tampered, ctx)).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("rejects a config for another node", async () => {
    expect(await verifyEnvelope(await pinned.sign(makePayload({ version: 5, nodeId: 2 })), ctx)).toMatchObject({
      ok: false,
      reason: "other_node",
    });
  });

  it("rejects an older or equal version (a replayed config)", async () => {
    expect(await verifyEnvelope(await pinned.sign(makePayload({ version: 4 })), ctx)).toMatchObject({
      ok: false,
      reason: "not_newer",
    });
    expect(await verifyEnvelope(await pinned.sign(makePayload({ version: 3 })), ctx)).toMatchObject({
      ok: false,
      reason: "not_newer",
    });
  });

  it("rejects an expired config", async () => {
    expect(await verifyEnvelope(await pinned.sign(makePayload({ version: 5, expiresAtSec: NOW })), ctx)).toMatchObject({
      ok: false,
      reason: "expired",
    });
  });

  it("rejects garbage without throwing", async () => {
    expect(await verifyEnvelope({ payload: 1 }, ctx)).toMatchObject({ ok: false, reason: "malformed_envelope" });
    const notJson = { payload: "{", signature: (await pinned.sign(makePayload())).signature };
    expect(await verifyEnvelope(notJson, ctx)).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("re-checks the stored last good config's signature and node but not its age", async () => {
    const old = await pinned.sign(makePayload({ version: 4, expiresAtSec: NOW - 10 }));
    expect(await verifyEnvelope(old, { ...ctx, storedLastGood: true })).toMatchObject({ ok: true });
    const foreign = await pinned.sign(makePayload({ version: 4, nodeId: 9 }));
    expect(await verifyEnvelope(foreign, { ...ctx, storedLastGood: true })).toMatchObject({
      ok: false,
      reason: "other_node",
    });
  });
});
