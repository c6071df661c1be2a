import { describe, expect, it } from "vitest";
import type { ApplyOutcome } from "../apply/applier.ts";
import { CORE_ERROR_MAX_CHARS, coreErrorExcerpt, failedOutcome, rejectedOutcome } from "./config-outcomes.ts";

/** v2ray 4.34's own output for a start whose inbound port another listener holds (measured). */
const PORT_TAKEN = `V2Ray 4.34.0 (user) 20230518-074445 (go1.19.8 linux/amd64)
A unified platform for anti-censorship.
2026/12/07 13:25:30 [Info] v2ray.com/core/main/jsonem: Reading config: /var/lib/vortex/core/config.json
2026/12/07 13:25:30 [Warning] v2ray.com/core: V2Ray 4.34.0 started
Failed to start v2ray.com/core/app/proxyman/inbound: failed to listen TCP on 35633 > v2ray.com/core/transport/internet: failed to listen on address: 127.0.0.1:35633 > listen tcp 127.0.0.1:35633: bind: address already in use
`;

/** And for a config its -test refuses. */
const BAD_UUID = `V2Ray 4.34.0 (user) 20230518-074445 (go1.19.8 linux/amd64)
A unified platform for anti-censorship.
2026/12/07 13:25:30 [Info] v2ray.com/core/main/jsonem: Reading config: d.json
main: failed to create server > v2ray.com/core/proxy/vless/inbound: failed to get VLESS user > v2ray.com/core/proxy/vless: failed to parse ID > invalid UUID: not-a-uuid`;

const startFailed = (rolledBack: boolean, output: string): Extract<ApplyOutcome, { ok: false }> => ({
  ok: false,
  reason: "core did not start: process exited during start-up (exit 255); see core.log",
  result: { ok: false, stage: "start", reason: "core did not start", rolledBack, output },
});

describe("the core's error as the panel shows it", () => {
  it("keeps the line that says why, without banners or timestamps", () => {
    expect(coreErrorExcerpt(PORT_TAKEN)).toBe(
      "Failed to start v2ray.com/core/app/proxyman/inbound: failed to listen TCP on 35633 > v2ray.com/core/transport/internet: failed to listen on address: 127.0.0.1:35633 > listen tcp 127.0.0.1:35633: bind: address already in use",
    );
    expect(coreErrorExcerpt(BAD_UUID)).toMatch(/^main: failed to create server .* invalid UUID: not-a-uuid$/);
  });

  it("falls back to the last lines when none names a failure, and keeps the tail of a flood", () => {
    expect(coreErrorExcerpt("2026/12/07 13:25:30 [Warning] something odd\nexit status 2")).toBe(
      "[Warning] something odd\nexit status 2",
    );
    const flood = Array.from({ length: 50 }, (_, i) => `error ${i}: ${"x".repeat(400)}`).join("\n");
    const excerpt = coreErrorExcerpt(flood);
    expect(excerpt.length).toBe(CORE_ERROR_MAX_CHARS);
    expect(excerpt.startsWith("…")).toBe(true);
    expect(excerpt.endsWith(`error 49: ${"x".repeat(400)}`)).toBe(true);
  });
});

describe("outcome reports", () => {
  it("say rolledBack with the core's words when the new config started, failed and the previous one runs again", () => {
    expect(failedOutcome(7, startFailed(true, PORT_TAKEN), 100)).toEqual({
      version: 7,
      outcome: "rolledBack",
      error: coreErrorExcerpt(PORT_TAKEN),
      atSec: 100,
    });
    // Nothing to go back to: the config failed, and the agent's own reason stands in for silent cores.
    expect(failedOutcome(7, startFailed(false, ""), 100)).toMatchObject({
      outcome: "failed",
      error: "core did not start: process exited during start-up (exit 255); see core.log",
    });
  });

  it("say failed with the -test output when the core refused the config outright", () => {
    const refused: Extract<ApplyOutcome, { ok: false }> = {
      ok: false,
      reason: "core -test rejected the config",
      result: { ok: false, stage: "test", test: { ok: false, exitCode: 23, output: BAD_UUID } },
    };
    expect(failedOutcome(8, refused, 100)).toMatchObject({ outcome: "failed", error: coreErrorExcerpt(BAD_UUID) });
  });

  it("say rejected with the verifier's reason for the version the envelope claims, except for one already dealt with", () => {
    const envelope = { payload: JSON.stringify({ version: 9 }), signature: "x" };
    expect(rejectedOutcome(envelope, { ok: false, reason: "bad_signature", detail: "does not verify" }, 100)).toEqual({
      version: 9,
      outcome: "rejected",
      error: "bad_signature: does not verify",
      atSec: 100,
    });
    expect(rejectedOutcome(envelope, { ok: false, reason: "not_newer", detail: "9 <= 9" }, 100)).toBeNull();
    expect(rejectedOutcome({ payload: "{" }, { ok: false, reason: "malformed_payload", detail: "" }, 100)).toBeNull();
  });
});
