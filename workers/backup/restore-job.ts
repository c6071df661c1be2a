import type { WorkflowStep } from "cloudflare:workers";
import { NonRetryableError } from "cloudflare:workflows";
import { eq } from "drizzle-orm";
import { stillWatching } from "../billing/onchain/verify";
import { dbFor } from "../db/client";
import { batchAbortedWith } from "../errors/batch-abort";
import { DomainError } from "../errors/domain-error";
import { messageOf, readChunk, runBackupJob, STEP } from "./backup-job";
import type { BackupManifest } from "./engine";
import { jobTag } from "./manifest";
import { checkRestorable, readVerifiedManifest } from "./verify";
import { cellsFromJson, gunzip, nextTableDigest, sha256Hex, tableDigestStart } from "./rows";
import { type JobProgress, restores } from "./table";
import { dropTables, jobTables, panelTables, quote, STAGING_PREFIX } from "./tables";
import { RECOUNT_USERS_SQL } from "../users/counts";

export interface RestoreParams {
  restoreId: string;
  backupId: string;
  /** The pre_restore backup to take first; null when the panel was empty. */
  safetyBackupId: string | null;
}

/** One INSERT's JSON parameter stays well under D1's 2 MB per value. */
const INSERT_MAX_BYTES = 900_000;
/** The CHECK a swap trips when a live table does not hold exactly its verified staging rows. */
const SWAP_MISMATCH = "CHECK constraint failed";
/** Why every session is ended: an admin's password or passkeys may be different in the restored panel. */
export const RESTORE_REVOKE_REASON = "restore";

const stagingPrefix = (restoreId: string) => `${STAGING_PREFIX}${jobTag(restoreId)}_`;
export const stagingTable = (restoreId: string, table: string) => `${stagingPrefix(restoreId)}t_${table}`;
/** Chunks already loaded, so a load step that ran but was not recorded does not load twice. */
const loadedTable = (restoreId: string) => `${stagingPrefix(restoreId)}loaded`;
/** Each node's version as it was before the swap (what its agent may be running). */
const versionsTable = (restoreId: string) => `${stagingPrefix(restoreId)}versions`;
const guardTable = (restoreId: string) => `${stagingPrefix(restoreId)}guard`;

async function setProgress(env: Env, restoreId: string, progress: JobProgress, status?: "verifying"): Promise<void> {
  await dbFor(env)
    .update(restores)
    .set(status ? { progress, status } : { progress })
    .where(eq(restores.id, restoreId));
}

/** Empty staging tables shaped like the live ones (same affinities), and the job's bookkeeping tables. */
export async function createStaging(env: Env, restoreId: string, manifest: BackupManifest): Promise<void> {
  await env.DB.batch([
    ...manifest.tables.map((t) =>
      env.DB.prepare(
        `CREATE TABLE IF NOT EXISTS ${quote(stagingTable(restoreId, t.name))} AS SELECT ${t.columns.map(quote).join(", ")} FROM ${quote(t.name)} WHERE 0`,
      ),
    ),
    env.DB.prepare(`CREATE TABLE IF NOT EXISTS ${quote(loadedTable(restoreId))} (chunk INTEGER PRIMARY KEY)`),
    env.DB.prepare(
      `CREATE TABLE IF NOT EXISTS ${quote(guardTable(restoreId))} (mismatch INTEGER NOT NULL CHECK (mismatch = 0))`,
    ),
  ]);
}

/** Chunk n into its staging table, checked against the manifest first; one batch, so it is loaded whole or not at all. */
export async function loadChunk(env: Env, restoreId: string, manifest: BackupManifest, n: number): Promise<number> {
  const chunk = manifest.chunks[n]!;
  const loaded = await env.DB.prepare(`SELECT 1 FROM ${quote(loadedTable(restoreId))} WHERE chunk = ?1`)
    .bind(n)
    .first();
  if (loaded) return chunk.rows;
  const object = await env.BUCKET.get(chunk.key);
  if (!object) throw new NonRetryableError(`chunk ${n} of backup ${manifest.id} is missing (${chunk.key})`);
  const bytes = new Uint8Array(await object.arrayBuffer());
  if (bytes.byteLength !== chunk.bytes || (await sha256Hex(bytes)) !== chunk.sha256)
    throw new NonRetryableError(`chunk ${n} of backup ${manifest.id} does not match its manifest`);
  const table = manifest.tables.find((t) => t.name === chunk.table)!;
  const lines = (await gunzip(bytes)).split("\n").slice(0, -1);
  if (lines.length !== chunk.rows)
    throw new NonRetryableError(`chunk ${n} holds ${lines.length} rows, not ${chunk.rows}`);
  const insert = `INSERT INTO ${quote(stagingTable(restoreId, table.name))} (${table.columns.map(quote).join(", ")})
    SELECT ${cellsFromJson(table.columns.length)} FROM json_each(?1) ORDER BY key`;
  const groups: string[][] = [[]];
  let groupBytes = 0;
  for (const line of lines) {
    const group = groups.at(-1)!;
    if (group.length && groupBytes + line.length > INSERT_MAX_BYTES) {
      groups.push([line]);
      groupBytes = line.length;
    } else {
      group.push(line);
      groupBytes += line.length;
    }
  }
  const statements = groups
    .filter((group) => group.length)
    .map((group) => env.DB.prepare(insert).bind(`[${group.join(",")}]`));
  statements.push(env.DB.prepare(`INSERT INTO ${quote(loadedTable(restoreId))} (chunk) VALUES (?1)`).bind(n));
  await env.DB.batch(statements);
  return chunk.rows;
}

/** Staged row counts against the manifest, every table at once (empty tables have no chunk to verify). */
async function verifyStagedCounts(env: Env, restoreId: string, manifest: BackupManifest): Promise<void> {
  const results = await env.DB.batch<{ n: number }>(
    manifest.tables.map((t) => env.DB.prepare(`SELECT count(*) AS n FROM ${quote(stagingTable(restoreId, t.name))}`)),
  );
  const wrong = manifest.tables.filter((t, i) => results[i]?.results[0]?.n !== t.rows).map((t) => t.name);
  if (wrong.length)
    throw new NonRetryableError(`staged row counts differ from backup ${manifest.id} in ${wrong.join(", ")}`);
}

/**
 * Reads chunk n's rows back from staging (the same rows in the same group as the backup wrote
 * them) and moves the table's checksum chain on; at a table's last chunk the chain must equal the
 * manifest's checksum: the staged rows are exactly what the backup held.
 */
async function verifyStagedChunk(
  env: Env,
  restoreId: string,
  manifest: BackupManifest,
  n: number,
  cursor: { afterRowid: number; digest: string },
): Promise<{ afterRowid: number; digest: string }> {
  const chunk = manifest.chunks[n]!;
  const table = manifest.tables.find((t) => t.name === chunk.table)!;
  const read = await readChunk(
    env.DB,
    stagingTable(restoreId, table.name),
    table.columns,
    cursor.afterRowid,
    chunk.rows,
  );
  const digest = await nextTableDigest(cursor.digest, read.ndjson);
  const last = manifest.chunks.findLastIndex((c) => c.table === chunk.table) === n;
  if (read.rows !== chunk.rows || (last && digest !== table.sha256))
    throw new NonRetryableError(`${table.name} staged from backup ${manifest.id} does not match its manifest checksum`);
  return { afterRowid: read.lastRowid, digest };
}

/**
 * Replaces the live data in ONE batch: every panel table is emptied and refilled from staging,
 * then a guard row per table checks in SQL that the live table now holds exactly its verified
 * staging rows (any difference trips a CHECK and rolls the whole batch back). In the same batch,
 * every node's config version moves above both the restored one and the one its agent may be
 * running (an agent refuses a version below its own), and every session ends.
 */
async function swap(env: Env, restoreId: string, manifest: BackupManifest, nowSec: number): Promise<void> {
  const row = await dbFor(env)
    .select({ status: restores.status })
    .from(restores)
    .where(eq(restores.id, restoreId))
    .get();
  if (row?.status === "verifying") return;
  const live = await panelTables(env.DB);
  const versions = quote(versionsTable(restoreId));
  const statements = [
    env.DB.prepare("PRAGMA defer_foreign_keys = ON"),
    env.DB.prepare(`DROP TABLE IF EXISTS ${versions}`),
    env.DB.prepare(
      `CREATE TABLE ${versions} AS SELECT id, max(config_version, coalesce(applied_config_version, 0)) AS version FROM nodes`,
    ),
    ...live.map((t) => env.DB.prepare(`DELETE FROM ${quote(t.name)}`)),
    ...manifest.tables.map((t) => {
      const columns = t.columns.map(quote).join(", ");
      return env.DB.prepare(
        `INSERT INTO ${quote(t.name)} (${columns}) SELECT ${columns} FROM ${quote(stagingTable(restoreId, t.name))} ORDER BY rowid`,
      );
    }),
    ...manifest.tables.map((t) => {
      const columns = t.columns.map(quote).join(", ");
      const [liveTable, staged] = [quote(t.name), quote(stagingTable(restoreId, t.name))];
      return env.DB.prepare(
        `INSERT INTO ${quote(guardTable(restoreId))} (mismatch) SELECT
           (SELECT count(*) FROM (SELECT ${columns} FROM ${liveTable} EXCEPT SELECT ${columns} FROM ${staged}))
         + (SELECT count(*) FROM (SELECT ${columns} FROM ${staged} EXCEPT SELECT ${columns} FROM ${liveTable}))
         + abs((SELECT count(*) FROM ${liveTable}) - (SELECT count(*) FROM ${staged}))`,
      );
    }),
    ...RECOUNT_USERS_SQL.map((statement) => env.DB.prepare(statement)),
    env.DB.prepare(
      `UPDATE nodes SET config_version = 1 + max(config_version, coalesce(applied_config_version, 0),
         coalesce((SELECT version FROM ${versions} v WHERE v.id = nodes.id), 0))`,
    ),
    env.DB.prepare("UPDATE sessions SET revoked_at = ?1, revoked_reason = ?2 WHERE revoked_at IS NULL").bind(
      nowSec,
      RESTORE_REVOKE_REASON,
    ),
    env.DB.prepare("UPDATE restores SET status = 'verifying' WHERE id = ?1").bind(restoreId),
  ];
  try {
    await env.DB.batch(statements);
  } catch (error) {
    if (batchAbortedWith(error, SWAP_MISMATCH))
      throw new NonRetryableError(
        "the swapped-in data did not match the verified staging copy; the panel is unchanged",
      );
    throw error;
  }
}

/** Row counts of the live tables against the manifest, after the swap committed. */
async function verifyLive(env: Env, manifest: BackupManifest): Promise<number> {
  const results = await env.DB.batch<{ n: number }>(
    manifest.tables.map((t) => env.DB.prepare(`SELECT count(*) AS n FROM ${quote(t.name)}`)),
  );
  const wrong = manifest.tables.filter((t, i) => results[i]?.results[0]?.n !== t.rows).map((t) => t.name);
  if (wrong.length)
    throw new NonRetryableError(`after the restore, row counts differ from the backup in ${wrong.join(", ")}`);
  return manifest.tables.length;
}

/**
 * What is not in D1 but must run again: agents are woken to fetch their moved config, and the
 * checkout objects of on-chain invoices still being watched get their alarm back. Other Durable
 * Object state is derived and rebuilds itself: agent nonces (fresh per request), presence (the
 * next report), the live-update hub (clients reconnect), rate-limit windows (short-lived).
 */
async function rearm(env: Env, nowSec: number): Promise<void> {
  const db = dbFor(env);
  const nodes = await env.DB.prepare("SELECT id AS nodeId, config_version AS version FROM nodes").all<{
    nodeId: number;
    version: number;
  }>();
  await db.notifyNodes(nodes.results);
  const { results: watched } = await env.DB.prepare(
    `SELECT i.id, i.status, i.expires_at AS expiresAtSec FROM invoices i JOIN chain_deposits d ON d.invoice_id = i.id`,
  ).all<{ id: number; status: string; expiresAtSec: number }>();
  for (const invoice of watched) {
    if (stillWatching(invoice as Parameters<typeof stillWatching>[0], nowSec))
      await env.CHECKOUT.getByName(String(invoice.id)).watch(invoice.id);
  }
}

export async function dropStaging(env: Env, restoreId: string): Promise<void> {
  await dropTables(env.DB, await jobTables(env.DB, stagingPrefix(restoreId)));
}

/** A refusal (the backup changed since the restore was asked for) will not pass on a retry: fail the job now. */
async function refusalsAreFinal<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw error instanceof DomainError ? new NonRetryableError(error.message) : error;
  }
}

export async function runRestoreJob(step: WorkflowStep, env: Env, params: RestoreParams): Promise<void> {
  const { restoreId, backupId, safetyBackupId } = params;
  try {
    if (safetyBackupId) await runBackupJob(step, env, safetyBackupId, "safety backup: ");
    const manifest = await step.do("check backup", STEP, async () => {
      const checked = await refusalsAreFinal(async () => {
        const read = await readVerifiedManifest(env, backupId);
        await checkRestorable(env, read);
        return read;
      });
      await createStaging(env, restoreId, checked);
      return checked;
    });
    const tablesTotal = manifest.tables.length;
    const progress = (phase: string, rowsDone: number, tablesDone = 0): JobProgress => ({
      phase,
      tablesDone,
      tablesTotal,
      rowsDone,
      rowsTotal: manifest.rows,
    });
    let rowsDone = 0;
    for (const n of manifest.chunks.keys()) {
      rowsDone += await step.do(`load chunk ${n}`, STEP, async () => {
        const rows = await loadChunk(env, restoreId, manifest, n);
        await setProgress(env, restoreId, progress(`staging ${manifest.chunks[n]?.table}`, rowsDone + rows));
        return rows;
      });
    }
    await step.do("verify staged counts", STEP, () => verifyStagedCounts(env, restoreId, manifest));
    let cursor = { table: "", afterRowid: 0, digest: "" };
    let rowsVerified = 0;
    for (const [n, chunk] of manifest.chunks.entries()) {
      if (cursor.table !== chunk.table)
        cursor = { table: chunk.table, afterRowid: 0, digest: await tableDigestStart(chunk.table) };
      const moved = await step.do(`verify staged chunk ${n}`, STEP, async () => {
        const next = await verifyStagedChunk(env, restoreId, manifest, n, cursor);
        await setProgress(env, restoreId, progress(`verifying staged ${chunk.table}`, rowsVerified + chunk.rows));
        return next;
      });
      cursor = { table: chunk.table, ...moved };
      rowsVerified += chunk.rows;
    }
    const nowSec = await step.do("swap", STEP, async () => {
      const now = Math.floor(Date.now() / 1000);
      await swap(env, restoreId, manifest, now);
      return now;
    });
    const verifiedTables = await step.do("verify live", STEP, async () => {
      await setProgress(env, restoreId, progress("verifying live data", manifest.rows, tablesTotal), "verifying");
      return verifyLive(env, manifest);
    });
    await step.do("finish", STEP, async () => {
      await rearm(env, nowSec);
      await dropStaging(env, restoreId);
      // The audit log came back with the backup, so the restore is recorded in it afterwards
      // (once, though this step may run again), or the restored log would never show it.
      await env.DB.prepare(
        `INSERT INTO audit_log (at, actor_id, actor_username, action, target_type, target_id, details)
         SELECT ?1, r.started_by, r.started_by_name, 'backup.restored', 'backup', r.backup_id,
           json_object('restoreId', r.id, 'safetyBackupId', r.safety_backup_id, 'verifiedTables', ?2)
         FROM restores r WHERE r.id = ?3
           AND NOT EXISTS (SELECT 1 FROM audit_log WHERE action = 'backup.restored' AND json_extract(details, '$.restoreId') = ?3)`,
      )
        .bind(nowSec, verifiedTables, restoreId)
        .run();
      await dbFor(env)
        .update(restores)
        .set({
          status: "complete",
          verifiedTables,
          finishedAtSec: Math.floor(Date.now() / 1000),
          progress: progress("complete", manifest.rows, tablesTotal),
          error: null,
        })
        .where(eq(restores.id, restoreId));
    });
  } catch (error) {
    await step.do("record failure", STEP, async () => {
      await dropStaging(env, restoreId);
      await dbFor(env)
        .update(restores)
        .set({ status: "failed", finishedAtSec: Math.floor(Date.now() / 1000), error: messageOf(error) })
        .where(eq(restores.id, restoreId));
    });
    throw error;
  }
}
