/**
 * A config is applied only if the panel key pinned at enrollment signed it, it names this node,
 * it is newer than the one running and it has not expired. Anything else is rejected with a
 * reason for the log; the caller keeps the last good config running.
 */
import {
  configEnvelopeSchema,
  configPayloadSchema,
  type ConfigEnvelope,
  type ConfigPayload,
} from "../../../workers/agent/protocol/messages.ts";
import { verifyText } from "../../../workers/agent/protocol/signing.ts";

export type RejectionReason =
  | "malformed_envelope"
  | "bad_signature"
  | "malformed_payload"
  | "other_node"
  | "not_newer"
  | "expired";

export type EnvelopeVerdict =
  | { ok: true; envelope: ConfigEnvelope; payload: ConfigPayload }
  | { ok: false; reason: RejectionReason; detail: string };

export interface VerifyContext {
  panelKey: CryptoKey;
  nodeId: number;
  /** Version running now (0 when none): only strictly newer configs are accepted. */
  appliedVersion: number;
  nowSec: number;
  /** Re-checking our own stored last good config at start-up: version and expiry do not apply. */
  storedLastGood?: boolean;
}

/**
 * @example
 * const verdict = await verifyEnvelope(await res.json(), { panelKey, nodeId: 7, appliedVersion: 41, nowSec });
 * if (!verdict.ok) log.warn("config.rejected", { reason: verdict.reason, detail: verdict.detail });
 */
export async function verifyEnvelope(input: unknown, ctx: VerifyContext): Promise<EnvelopeVerdict> {
  const envelope = configEnvelopeSchema.safeParse(input);
  if (!envelope.success) return { ok: false, reason: "malformed_envelope", detail: envelope.error.message };
  // The signature covers the exact payload text, so check it before parsing anything in it.
  if (!(await verifyText(ctx.panelKey, envelope.data.payload, envelope.data.signature))) {
    return { ok: false, reason: "bad_signature", detail: "signature does not verify with the pinned panel key" };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(envelope.data.payload);
  } catch (err) {
    return { ok: false, reason: "malformed_payload", detail: (err as Error).message };
  }
  const payload = configPayloadSchema.safeParse(raw);
  if (!payload.success) return { ok: false, reason: "malformed_payload", detail: payload.error.message };
  const p = payload.data;
  if (p.nodeId !== ctx.nodeId)
    return { ok: false, reason: "other_node", detail: `config is for node ${p.nodeId}, this is node ${ctx.nodeId}` };
  if (!ctx.storedLastGood) {
    if (p.version <= ctx.appliedVersion)
      return { ok: false, reason: "not_newer", detail: `version ${p.version} <= applied ${ctx.appliedVersion}` };
    if (p.expiresAtSec <= ctx.nowSec)
      return { ok: false, reason: "expired", detail: `expired at ${p.expiresAtSec}, now ${ctx.nowSec}` };
  }
  return { ok: true, envelope: envelope.data, payload: p };
}
