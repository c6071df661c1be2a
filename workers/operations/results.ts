import type { BatchItem } from "drizzle-orm/batch";
import type { OperationResult } from "../agent/protocol/messages";
import type { Db } from "../db/client";

/** Statements that record where the node's agent says its operations stand. */
export function operationResultStatements(
  _db: Db,
  _nodeId: number,
  _results: readonly OperationResult[],
  _nowSec: number,
): BatchItem<"sqlite">[] {
  return [];
}
