import type { UsagePush } from "../agent/protocol/messages";
import type { Db } from "../db/client";
import { applyUsageRollup } from "../usage/rollup";
import { partsOfPush, rollupOf } from "../usage/shards";

/**
 * Applies a push straight into D1 as a rollup of its own, as a usage shard would roll it up
 * alone: for tests of what a rollup writes. The node stands for the shard, so each node's seqs
 * are guarded as its pushes' are.
 */
export const applyPushDirectly = (db: Db, push: UsagePush, nowSec: number) =>
  applyUsageRollup(db, rollupOf(push.nodeId, push.seq, partsOfPush(push, nowSec)), nowSec);
