import type { NodeOperation } from "../agent/protocol/messages";
import type { Db } from "../db/client";

/** The operations a config issued to this node at `version` carries. */
export async function operationsToSend(
  _db: Db,
  _nodeId: number,
  _version: number,
  _nowSec: number,
): Promise<NodeOperation[]> {
  return [];
}
