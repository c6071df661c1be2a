import { eq, inArray } from "drizzle-orm";
import { dbFor } from "../db/client";
import { emitBackupFailures } from "../events/detect-backup";
import { DomainError, notFound } from "../errors/domain-error";
import { CHUNK_MAX_BYTES, messageOf } from "./backup-job";
import { backupPrefix, chunkKey, isJobId, manifestKey, newJobId } from "./manifest";
import { sha256Hex } from "./rows";
import { type BackupRow, type BackupTrigger, backups, type RestoreRow, restores } from "./table";
import { currentSchemaVersion } from "./tables";
import { tarEnd, TarError, tarEntries, tarHeader, tarPadding } from "./tar";
import { checkRestorable, parseManifest, readVerifiedManifest, verifyChunks } from "./verify";

export interface BackupActor {
  id: number;
  username: string;
}

/** What `backups/<id>/manifest.json` holds: everything a restore checks the data against. */
export interface BackupManifest {
  format: 1;
  id: string;
  schemaVersion: string;
  createdAtSec: number;
  createdBy: string | null;
  trigger: BackupTrigger;
  tables: { name: string; columns: string[]; rows: number; sha256: string }[];
  chunks: { key: string; table: string; rows: number; bytes: number; sha256: string }[];
  sizeBytes: number;
  rows: number;
}

const nowSec = () => Math.floor(Date.now() / 1000);

async function insertRunningBackup(env: Env, trigger: BackupTrigger, actor: BackupActor | null): Promise<BackupRow> {
  const startedAtMs = Date.now();
  const [row] = await dbFor(env)
    .insert(backups)
    .values({
      id: newJobId(startedAtMs),
      status: "running",
      trigger,
      createdBy: actor?.id ?? null,
      createdByName: actor?.username ?? null,
      schemaVersion: await currentSchemaVersion(env.DB),
      startedAtSec: Math.floor(startedAtMs / 1000),
      progress: { phase: "starting", tablesDone: 0, tablesTotal: 0, rowsDone: 0, rowsTotal: 0 },
    })
    .returning();
  return row!;
}

/** Inserts a `running` backups row and starts the job; returns the row. */
export async function startBackup(
  env: Env,
  options: { trigger: BackupTrigger; actor: BackupActor | null },
): Promise<BackupRow> {
  const row = await insertRunningBackup(env, options.trigger, options.actor);
  await startingJob(env, [row.id], null, () =>
    env.BACKUP_WORKFLOW.create({ id: row.id, params: { backupId: row.id } }),
  );
  return row;
}

/** A job whose Workflow could not be created is marked failed at once instead of staying `running`. */
async function startingJob(env: Env, backupIds: string[], restoreId: string | null, create: () => Promise<unknown>) {
  try {
    await create();
  } catch (error) {
    const failed = {
      status: "failed" as const,
      finishedAtSec: nowSec(),
      error: `could not start the job: ${messageOf(error)}`,
    };
    const db = dbFor(env);
    if (backupIds.length) {
      const marked = await db
        .update(backups)
        .set(failed)
        .where(inArray(backups.id, backupIds))
        .returning({ id: backups.id, trigger: backups.trigger, error: backups.error });
      await emitBackupFailures(env, marked, failed.finishedAtSec);
    }
    if (restoreId) await db.update(restores).set(failed).where(eq(restores.id, restoreId));
    throw error;
  }
}

/**
 * Refuses (DomainError) a backup that is not complete, from a newer schema, or whose manifest/chunks
 * fail verification; otherwise takes a pre_restore backup when the panel is not empty and starts the restore job.
 */
export async function startRestore(env: Env, options: { backupId: string; actor: BackupActor }): Promise<RestoreRow> {
  const db = dbFor(env);
  const manifest = await readVerifiedManifest(env, options.backupId);
  await checkRestorable(env, manifest);
  await verifyChunks(env, manifest);
  const running = await db
    .select({ id: restores.id })
    .from(restores)
    .where(inArray(restores.status, ["running", "verifying"]))
    .get();
  if (running) throw new DomainError("CONFLICT", `restore ${running.id} is still running`);
  const people = await env.DB.prepare(
    "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM admins) AS n",
  ).first<{
    n: number;
  }>();
  // The safety backup runs as the first steps of the restore's own Workflow: it must be complete before the swap.
  const safety = people?.n ? await insertRunningBackup(env, "pre_restore", options.actor) : null;
  const startedAtMs = Date.now();
  const [row] = await db
    .insert(restores)
    .values({
      id: newJobId(startedAtMs),
      backupId: options.backupId,
      status: "running",
      safetyBackupId: safety?.id ?? null,
      startedBy: options.actor.id,
      startedByName: options.actor.username,
      startedAtSec: Math.floor(startedAtMs / 1000),
      progress: {
        phase: "starting",
        tablesDone: 0,
        tablesTotal: manifest.tables.length,
        rowsDone: 0,
        rowsTotal: manifest.rows,
      },
    })
    .returning();
  const restore = row!;
  await startingJob(env, safety ? [safety.id] : [], restore.id, () =>
    env.RESTORE_WORKFLOW.create({
      id: restore.id,
      params: { restoreId: restore.id, backupId: options.backupId, safetyBackupId: restore.safetyBackupId },
    }),
  );
  return restore;
}

/** The manifest, checked against backups.manifest_sha256. */
export function readManifest(env: Env, backupId: string): Promise<BackupManifest> {
  return readVerifiedManifest(env, backupId);
}

/** The archive's names: `<id>/manifest.json`, then `<id>/<n>.ndjson.gz` in the manifest's order. */
const archiveName = (key: string) => key.slice("backups/".length);

/**
 * The whole backup as one file (manifest + chunks) to keep off Cloudflare: a tar an operator can
 * list and unpack, streamed from R2 one chunk at a time.
 */
export async function backupArchive(env: Env, backupId: string): Promise<ReadableStream<Uint8Array>> {
  const manifest = await readVerifiedManifest(env, backupId);
  const manifestObject = await env.BUCKET.get(manifestKey(backupId));
  if (!manifestObject) throw new DomainError("CONFLICT", `backup ${backupId} has no manifest in R2`);
  const manifestBytes = new Uint8Array(await manifestObject.arrayBuffer());
  const entries = [
    { key: manifestKey(backupId), bytes: manifestBytes.byteLength },
    ...manifest.chunks.map((c) => ({ key: c.key, bytes: c.bytes })),
  ];
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const write = async () => {
    const writer = writable.getWriter();
    try {
      for (const entry of entries) {
        await writer.write(tarHeader(archiveName(entry.key), entry.bytes, manifest.createdAtSec));
        if (entry.key === manifestKey(backupId)) await writer.write(manifestBytes);
        else {
          const object = await env.BUCKET.get(entry.key);
          if (!object) throw new Error(`${entry.key} is missing from R2`);
          const reader = object.body.getReader();
          for (let read = await reader.read(); !read.done; read = await reader.read()) await writer.write(read.value);
        }
        await writer.write(tarPadding(entry.bytes));
      }
      await writer.write(tarEnd());
      await writer.close();
    } catch (error) {
      await writer.abort(error);
    }
  };
  void write();
  return readable;
}

/**
 * Takes such a file back (trigger `uploaded`), verified chunk by chunk; refuses anything that does
 * not match, leaving nothing of it behind.
 */
export async function importArchive(
  env: Env,
  body: ReadableStream<Uint8Array>,
  actor: BackupActor,
): Promise<BackupRow> {
  const written: string[] = [];
  const refuse = async (message: string): Promise<never> => {
    await body.cancel().catch(() => {});
    throw new DomainError("BAD_USER_INPUT", `not a usable backup file: ${message}`);
  };
  try {
    const entries = tarEntries(body, CHUNK_MAX_BYTES * 2);
    const first = await entries.next();
    if (first.done || !first.value.name.endsWith("/manifest.json"))
      return await refuse("it does not start with a manifest");
    const manifestBytes = first.value.data;
    const manifest = parseManifest(manifestBytes, "the uploaded file");
    if (!isJobId(manifest.id) || first.value.name !== archiveName(manifestKey(manifest.id)))
      return await refuse("the manifest is not where its id says");
    const existing = await dbFor(env).select({ id: backups.id }).from(backups).where(eq(backups.id, manifest.id)).get();
    if (existing) throw new DomainError("CONFLICT", `backup ${manifest.id} is already in this panel`);
    for (const [n, chunk] of manifest.chunks.entries()) {
      const entry = await entries.next();
      if (entry.done) return await refuse(`chunk ${n} is missing: the file is truncated`);
      if (entry.value.name !== archiveName(chunkKey(manifest.id, n)))
        return await refuse(`expected chunk ${n}, found ${entry.value.name}`);
      const sha256 = await sha256Hex(entry.value.data);
      if (entry.value.data.byteLength !== chunk.bytes || sha256 !== chunk.sha256)
        return await refuse(`chunk ${n} does not match the manifest (corrupted)`);
      await env.BUCKET.put(chunk.key, entry.value.data, { sha256 });
      written.push(chunk.key);
    }
    if (!(await entries.next()).done) return await refuse("it holds more than its manifest lists");
    await env.BUCKET.put(manifestKey(manifest.id), manifestBytes);
    written.push(manifestKey(manifest.id));
    const [row] = await dbFor(env)
      .insert(backups)
      .values({
        ...indexRow(manifest, await sha256Hex(manifestBytes)),
        trigger: "uploaded",
        createdBy: actor.id,
        createdByName: actor.username,
      })
      .returning();
    return row!;
  } catch (error) {
    // Whatever stopped it (a refusal, the size cap mid-stream, the client going away), nothing of
    // the file stays behind: chunks without their manifest would never be listed or deleted.
    if (written.length) await env.BUCKET.delete(written);
    if (error instanceof TarError) return await refuse(error.message);
    throw error;
  }
}

/** The index row of a complete backup whose manifest is in R2. */
function indexRow(manifest: BackupManifest, manifestSha256: string): typeof backups.$inferInsert {
  return {
    id: manifest.id,
    status: "complete",
    trigger: manifest.trigger,
    createdByName: manifest.createdBy,
    schemaVersion: manifest.schemaVersion,
    startedAtSec: manifest.createdAtSec,
    finishedAtSec: nowSec(),
    sizeBytes: manifest.sizeBytes,
    rowCount: manifest.rows,
    tableCount: manifest.tables.length,
    manifestSha256,
    progress: {
      phase: "complete",
      tablesDone: manifest.tables.length,
      tablesTotal: manifest.tables.length,
      rowsDone: manifest.rows,
      rowsTotal: manifest.rows,
    },
  };
}

/** Removes a finished backup's files and its index row; a running one is refused. */
export async function deleteBackup(env: Env, backupId: string): Promise<void> {
  const db = dbFor(env);
  const row = await db.select().from(backups).where(eq(backups.id, backupId)).get();
  if (!row) throw notFound("backup", backupId);
  if (row.status === "running") throw new DomainError("CONFLICT", `backup ${backupId} is still running`);
  let cursor: string | undefined;
  do {
    const listed = await env.BUCKET.list({ prefix: backupPrefix(backupId), cursor });
    if (listed.objects.length) await env.BUCKET.delete(listed.objects.map((o) => o.key));
    cursor = listed.truncated ? listed.cursor : undefined;
  } while (cursor);
  await db.delete(backups).where(eq(backups.id, backupId));
}

/** Adds to the index every complete backup found in R2 that it lacks (a panel restored elsewhere, an index lost). */
export async function syncBackupIndex(env: Env): Promise<number> {
  const db = dbFor(env);
  const known = new Set((await db.select({ id: backups.id }).from(backups).all()).map((r) => r.id));
  let added = 0;
  let cursor: string | undefined;
  do {
    const listed = await env.BUCKET.list({ prefix: "backups/", delimiter: "/", cursor });
    for (const prefix of listed.delimitedPrefixes) {
      const id = prefix.slice("backups/".length, -1);
      if (!isJobId(id) || known.has(id)) continue;
      // No manifest yet: a backup still being written (or one that failed); the manifest comes last.
      const object = await env.BUCKET.get(manifestKey(id));
      if (!object) continue;
      const bytes = new Uint8Array(await object.arrayBuffer());
      const manifest = parseManifest(bytes, `backups/${id}`);
      if (manifest.id !== id) continue;
      await db
        .insert(backups)
        .values(indexRow(manifest, await sha256Hex(bytes)))
        .onConflictDoNothing();
      added++;
    }
    cursor = listed.truncated ? listed.cursor : undefined;
  } while (cursor);
  return added;
}
