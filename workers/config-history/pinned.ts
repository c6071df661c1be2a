import { buildConfigPayload } from "../agent/config";
import type { IssueContext } from "../agent/issue";
import type { ConfigPayload } from "../agent/protocol/messages";

/** The payload a node runs at `version`. */
export function nodeConfigPayload(
  ctx: Pick<IssueContext, "db" | "env">,
  nodeId: number,
  version: number,
  nowSec: number,
): Promise<ConfigPayload> {
  return buildConfigPayload(ctx.db, nodeId, version, nowSec);
}
