/**
 * What the agent reports about a config it was sent (protocol level 2), in words an operator can
 * act on: the verifier's reason, or the core's own error cut down to the lines that say why.
 */
import type { ConfigOutcomeReport } from "../../../workers/agent/protocol/messages.ts";
import type { ApplyOutcome } from "../apply/applier.ts";
import type { EnvelopeVerdict } from "../apply/verify.ts";

/** What the panel shows of a core's error; the wire allows 4000 characters, an operator needs a few lines. */
export const CORE_ERROR_MAX_CHARS = 1000;
const CORE_ERROR_MAX_LINES = 5;

/** Start-up chatter every core prints, which says nothing about a failure. */
const NOISE = /^(V2Ray|Xray) \d|^A unified platform|\[(Info|Debug)\]|Reading config/;
/** A log line's leading timestamp, `2026/12/07 13:25:30` (with or without fractions). */
const TIMESTAMP = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?\s+/;
const SAYS_WHY = /fail|error|panic|invalid|unknown|not found|denied|in use|refused|cannot|unable/i;

/**
 * The lines of a core's output that say why it would not run a config: timestamps and banners
 * gone, the lines that name a failure if there are any (else whatever is left), the last few of
 * them, the tail kept when still too long.
 *
 * @example
 * coreErrorExcerpt("V2Ray 4.34.0 …\nFailed to start …: bind: address already in use\n");
 * // "Failed to start …: bind: address already in use"
 */
export function coreErrorExcerpt(output: string, maxChars = CORE_ERROR_MAX_CHARS): string {
  const lines = output
    .split("\n")
    .map((line) => line.trim().replace(TIMESTAMP, ""))
    .filter((line) => line !== "" && !NOISE.test(line));
  const telling = lines.filter((line) => SAYS_WHY.test(line));
  const kept = [...new Set(telling.length ? telling : lines)].slice(-CORE_ERROR_MAX_LINES).join("\n");
  return kept.length <= maxChars ? kept : `…${kept.slice(kept.length - maxChars + 1)}`;
}

/** The report for a config the verifier refused; null when there is nothing to report on a version. */
export function rejectedOutcome(
  envelope: unknown,
  verdict: Extract<EnvelopeVerdict, { ok: false }>,
  atSec: number,
): ConfigOutcomeReport | null {
  // Not newer: a version this agent already dealt with (its outcome stands); no claimed version: nothing to attach it to.
  if (verdict.reason === "not_newer") return null;
  const version = claimedVersion(envelope);
  if (version === null) return null;
  return { version, outcome: "rejected", error: `${verdict.reason}: ${verdict.detail}`.slice(0, 4000), atSec };
}

/**
 * The version a refused envelope says it is. Unverified by nature (the signature may be what
 * failed); the edge only moves the outcome of a version it issued to this node.
 */
function claimedVersion(envelope: unknown): number | null {
  try {
    const payloadText = (envelope as { payload?: unknown }).payload;
    if (typeof payloadText !== "string") return null;
    const version = (JSON.parse(payloadText) as { version?: unknown }).version;
    return Number.isInteger(version) && (version as number) > 0 ? (version as number) : null;
  } catch {
    return null;
  }
}

/**
 * The report for a config the core would not run: `failed` when the core refused it (its -test,
 * or a start with nothing to go back to), `rolledBack` when it started, failed and the previous
 * config runs again; with the core's own words either way.
 */
export function failedOutcome(
  version: number,
  outcome: Extract<ApplyOutcome, { ok: false }>,
  atSec: number,
): ConfigOutcomeReport {
  const result = outcome.result;
  const coreOutput = result.ok ? "" : result.stage === "test" ? result.test.output : result.output;
  const error = coreErrorExcerpt(coreOutput) || outcome.reason;
  const rolledBack = !result.ok && result.stage === "start" && result.rolledBack;
  return { version, outcome: rolledBack ? "rolledBack" : "failed", error, atSec };
}
