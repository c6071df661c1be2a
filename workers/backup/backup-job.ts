import type { WorkflowStep, WorkflowStepConfig } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { dbFor } from "../db/client";
import { emitBackupFailures } from "../events/detect-backup";
import type { BackupManifest } from "./engine";
import { chunkKey, jobTag, manifestKey } from "./manifest";
import { gzip, nextTableDigest, rowLine, sha256Hex, tableDigestStart } from "./rows";
import { backups, type JobProgress } from "./table";
import { dropTables, jobTables, keyOrder, panelTables, quote, SNAPSHOT_PREFIX } from "./tables";

/**
 * Bounds of one chunk, so a step reads, encodes and gzips a few MB at most: far inside a Worker's
 * 128 MB and its CPU limit (bench/backup.mjs measures it).
 */
export const CHUNK_MAX_ROWS = 10_000;
export const CHUNK_MAX_BYTES = 4 * 1024 * 1024;

/** Every step may fail (D1 or R2 hiccup) and is retried; each one is safe to run again. */
export const STEP: WorkflowStepConfig = {
  retries: { limit: 5, delay: "2 seconds", backoff: "exponential" },
  timeout: "5 minutes",
};

interface SnapshotTable {
  name: string;
  columns: string[];
  copy: string;
  rows: number;
}

const snapshotTableName = (backupId: string, table: string) => `${SNAPSHOT_PREFIX}${jobTag(backupId)}_${table}`;

/**
 * Copies every panel table in ONE batch (a D1 transaction): D1 has no read snapshot that spans
 * requests, and the chunks are written over many. Each copy keeps its table's column affinities
 * and lists the rows in primary-key order, so its rowid is the order chunks are read in.
 * Running it again replaces the copies: nothing has been read from them before it finishes.
 */
async function takeSnapshot(env: Env, backupId: string): Promise<{ schemaVersion: string; tables: SnapshotTable[] }> {
  const shapes = await panelTables(env.DB);
  const copies = shapes.map((t) => ({ shape: t, copy: snapshotTableName(backupId, t.name) }));
  const statements = copies.flatMap(({ shape, copy }) => [
    env.DB.prepare(`DROP TABLE IF EXISTS ${quote(copy)}`),
    env.DB.prepare(
      `CREATE TABLE ${quote(copy)} AS SELECT ${shape.columns.map(quote).join(", ")} FROM ${quote(shape.name)} ORDER BY ${keyOrder(shape)}`,
    ),
    env.DB.prepare(`SELECT count(*) AS n FROM ${quote(copy)}`),
  ]);
  const results = await env.DB.batch<{ n: number }>([
    ...statements,
    env.DB.prepare("SELECT name AS n FROM d1_migrations ORDER BY id DESC LIMIT 1"),
  ]);
  const tables = copies.map(({ shape, copy }, i) => ({
    name: shape.name,
    columns: shape.columns,
    copy,
    rows: results[i * 3 + 2]?.results[0]?.n ?? 0,
  }));
  const schemaVersion = String(results.at(-1)?.results[0]?.n ?? "").replace(/\.sql$/, "");
  return { schemaVersion, tables };
}

export interface ChunkCursor {
  afterRowid: number;
  digest: string;
}

export interface ChunkRead {
  ndjson: string;
  rows: number;
  lastRowid: number;
  /** No row of the table is left after this chunk. */
  done: boolean;
}

/**
 * The next chunk of a table copy read by rowid (a backup's snapshot or a restore's staging):
 * up to CHUNK_MAX_ROWS rows, cut earlier at CHUNK_MAX_BYTES, or exactly `exactRows` when
 * verification replays a manifest's chunks.
 */
export async function readChunk(
  db: D1Database,
  copy: string,
  columns: string[],
  afterRowid: number,
  exactRows?: number,
): Promise<ChunkRead> {
  const limit = exactRows ?? CHUNK_MAX_ROWS;
  const rows = await db
    .prepare(
      `SELECT rowid, ${columns.map(quote).join(", ")} FROM ${quote(copy)} WHERE rowid > ?1 ORDER BY rowid LIMIT ?2`,
    )
    .bind(afterRowid, limit)
    .raw();
  let ndjson = "";
  let taken = 0;
  let lastRowid = afterRowid;
  for (const [rowid, ...values] of rows) {
    const line = rowLine(values);
    if (exactRows === undefined && taken > 0 && ndjson.length + line.length > CHUNK_MAX_BYTES) break;
    ndjson += line;
    taken++;
    lastRowid = rowid as number;
  }
  return { ndjson, rows: taken, lastRowid, done: taken === rows.length && rows.length < limit };
}

async function setProgress(env: Env, backupId: string, progress: JobProgress): Promise<void> {
  await dbFor(env).update(backups).set({ progress }).where(eq(backups.id, backupId));
}

/**
 * The whole backup as Workflow steps: snapshot, one step per chunk, then the manifest. A job that
 * stops half-way resumes after its last finished step: chunk n is always the same rows of the
 * same snapshot, written to the same key. `label` keeps step names unique when a restore runs
 * its safety backup inside its own Workflow.
 */
export async function runBackupJob(step: WorkflowStep, env: Env, backupId: string, label = ""): Promise<void> {
  try {
    const snapshot = await step.do(`${label}snapshot`, STEP, () => takeSnapshot(env, backupId));
    const rowsTotal = snapshot.tables.reduce((sum, t) => sum + t.rows, 0);
    const manifestTables: BackupManifest["tables"] = [];
    const chunks: BackupManifest["chunks"] = [];
    let rowsDone = 0;
    for (const [tableIndex, table] of snapshot.tables.entries()) {
      let cursor: ChunkCursor = { afterRowid: 0, digest: await tableDigestStart(table.name) };
      for (let done = table.rows === 0; !done; ) {
        const n = chunks.length;
        const written = await step.do(`${label}chunk ${n}`, STEP, async () => {
          const read = await readChunk(env.DB, table.copy, table.columns, cursor.afterRowid);
          const body = await gzip(read.ndjson);
          const sha256 = await sha256Hex(body);
          const key = chunkKey(backupId, n);
          await env.BUCKET.put(key, body, {
            sha256,
            httpMetadata: { contentType: "application/x-ndjson", contentEncoding: "gzip" },
          });
          await setProgress(env, backupId, {
            phase: `table ${table.name}`,
            tablesDone: tableIndex,
            tablesTotal: snapshot.tables.length,
            rowsDone: rowsDone + read.rows,
            rowsTotal,
          });
          return {
            chunk: { key, table: table.name, rows: read.rows, bytes: body.byteLength, sha256 },
            cursor: { afterRowid: read.lastRowid, digest: await nextTableDigest(cursor.digest, read.ndjson) },
            done: read.done,
          };
        });
        chunks.push(written.chunk);
        cursor = written.cursor;
        rowsDone += written.chunk.rows;
        done = written.done;
      }
      manifestTables.push({ name: table.name, columns: table.columns, rows: table.rows, sha256: cursor.digest });
    }
    await step.do(`${label}manifest`, STEP, async () => {
      const row = await dbFor(env).select().from(backups).where(eq(backups.id, backupId)).get();
      if (!row) throw new Error(`backup ${backupId} is not in the index`);
      const manifest: BackupManifest = {
        format: 1,
        id: backupId,
        schemaVersion: snapshot.schemaVersion,
        createdAtSec: row.startedAtSec,
        createdBy: row.createdByName,
        trigger: row.trigger,
        tables: manifestTables,
        chunks,
        sizeBytes: chunks.reduce((sum, c) => sum + c.bytes, 0),
        rows: rowsTotal,
      };
      const bytes = new TextEncoder().encode(JSON.stringify(manifest));
      // Written last: a manifest in R2 means every chunk it lists is there.
      await env.BUCKET.put(manifestKey(backupId), bytes, { httpMetadata: { contentType: "application/json" } });
      await dbFor(env)
        .update(backups)
        .set({
          status: "complete",
          schemaVersion: manifest.schemaVersion,
          finishedAtSec: Math.floor(Date.now() / 1000),
          sizeBytes: manifest.sizeBytes,
          rowCount: manifest.rows,
          tableCount: manifest.tables.length,
          manifestSha256: await sha256Hex(bytes),
          progress: {
            phase: "complete",
            tablesDone: manifest.tables.length,
            tablesTotal: manifest.tables.length,
            rowsDone: rowsTotal,
            rowsTotal,
          },
          error: null,
        })
        .where(eq(backups.id, backupId));
      await dropSnapshot(env, backupId);
    });
  } catch (error) {
    await step.do(`${label}record failure`, STEP, async () => {
      const failedAtSec = Math.floor(Date.now() / 1000);
      const marked = await dbFor(env)
        .update(backups)
        .set({ status: "failed", finishedAtSec: failedAtSec, error: messageOf(error) })
        .where(eq(backups.id, backupId))
        .returning({ id: backups.id, trigger: backups.trigger, error: backups.error });
      await emitBackupFailures(env, marked, failedAtSec);
      await dropSnapshot(env, backupId);
    });
    throw error;
  }
}

async function dropSnapshot(env: Env, backupId: string): Promise<void> {
  await dropTables(env.DB, await jobTables(env.DB, `${SNAPSHOT_PREFIX}${jobTag(backupId)}_`));
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
