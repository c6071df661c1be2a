import type { IssueContext } from "../agent/issue";
import type { ConfigEnvelope, ConfigPayload } from "../agent/protocol/messages";

/** Keeps an issued envelope in the node's config history. */
export async function recordIssuedConfig(
  _ctx: IssueContext,
  _payload: ConfigPayload,
  _envelope: ConfigEnvelope,
  _nowSec: number,
): Promise<void> {}
