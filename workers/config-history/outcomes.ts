import type { BatchItem } from "drizzle-orm/batch";
import type { ConfigOutcomeReport } from "../agent/protocol/messages";
import type { Db } from "../db/client";

/** Statements that record what the node's agent reported about the configs it was sent. */
export function configOutcomeStatements(
  _db: Db,
  _nodeId: number,
  _reports: readonly ConfigOutcomeReport[],
  _nowSec: number,
): BatchItem<"sqlite">[] {
  return [];
}
