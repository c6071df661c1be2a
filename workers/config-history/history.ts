import { and, desc, eq } from "drizzle-orm";
import type { ConfigOutcome as ConfigOutcomeName } from "../graphql/generated/resolvers";
import type { Db } from "../db/client";
import { DomainError } from "../errors/domain-error";
import { nodeHistoryPrefix, readKeptPayload } from "./store";
import { nodeConfigHistory, type NodeConfigHistoryRow } from "./table";
import type { ConfigPayload } from "../agent/protocol/messages";

/** One history entry as the API shows it. */
export interface ConfigVersionView {
  version: number;
  issuedAt: number;
  sizeBytes: number;
  sha256: string;
  inbounds: number;
  users: number;
  operations: number;
  rollbackOf: number | null;
  outcome: ConfigOutcomeName;
  outcomeAt: number | null;
  error: string | null;
  kept: boolean;
}

/** The R2 keys still kept under a node's history prefix: one list call holds every version retention allows. */
async function keptKeys(bucket: R2Bucket, nodeId: number): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: nodeHistoryPrefix(nodeId), ...(cursor ? { cursor } : {}) });
    for (const object of page.objects) keys.add(object.key);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

/** A node's configs, newest first: one indexed read and one R2 list, whatever `first` is. */
export async function listConfigHistory(
  db: Db,
  bucket: R2Bucket,
  nodeId: number,
  first: number,
): Promise<ConfigVersionView[]> {
  const [rows, kept] = await Promise.all([
    db
      .select()
      .from(nodeConfigHistory)
      .where(eq(nodeConfigHistory.nodeId, nodeId))
      .orderBy(desc(nodeConfigHistory.version))
      .limit(first)
      .all(),
    keptKeys(bucket, nodeId),
  ]);
  return rows.map((row) => ({
    version: row.version,
    issuedAt: row.issuedAtSec,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    inbounds: row.summary.inbounds,
    users: row.summary.users,
    operations: row.summary.operations,
    rollbackOf: row.rollbackOf,
    outcome: row.outcome.toUpperCase() as ConfigOutcomeName,
    outcomeAt: row.outcomeAtSec,
    error: row.error,
    kept: kept.has(row.objectKey),
  }));
}

/**
 * The history row of (node, version) and its payload read back from R2. NOT_FOUND when the node
 * never had that version, or when its envelope is no longer kept (aged out, or a panel restored
 * without its bucket): the row may outlive the object, the config cannot.
 */
export async function keptVersion(
  db: Db,
  bucket: R2Bucket,
  nodeId: number,
  version: number,
): Promise<{ row: NodeConfigHistoryRow; payload: ConfigPayload }> {
  const row = await db
    .select()
    .from(nodeConfigHistory)
    .where(and(eq(nodeConfigHistory.nodeId, nodeId), eq(nodeConfigHistory.version, version)))
    .get();
  if (!row) throw new DomainError("NOT_FOUND", `server ${nodeId} has no config version ${version} in its history`);
  const payload = await readKeptPayload(bucket, row.objectKey);
  if (!payload)
    throw new DomainError("NOT_FOUND", `config version ${version} of server ${nodeId} is no longer kept`, {
      kept: false,
    });
  return { row, payload };
}
