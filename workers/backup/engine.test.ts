import { introspectWorkflow } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { createPlan } from "../billing/testing";
import { DomainError } from "../errors/domain-error";
import { createServer, createUser, ownerToken } from "../test/api";
import {
  type BackupActor,
  backupArchive,
  deleteBackup,
  importArchive,
  readManifest,
  startBackup,
  startRestore,
  syncBackupIndex,
} from "./engine";
import { manifestKey, newJobId } from "./manifest";
import { createStaging, dropStaging, loadChunk, stagingTable } from "./restore-job";
import { sha256Hex } from "./rows";
import { keyOrder, panelTables, quote } from "./tables";

const OWNER_ACTOR: BackupActor = { id: 1, username: "owner" };

/** A panel with something in every kind of table a restore must bring back. */
async function seedPanel(): Promise<void> {
  const token = await ownerToken();
  const server = await createServer(token);
  for (let i = 0; i < 3; i++) await createUser(token, { note: `user ${i} 😀 "quoted"` });
  // Their user.created events reach the events table through the queue: wait, so the panel holds still.
  await vi.waitFor(
    async () =>
      expect(await env.DB.prepare("SELECT count(*) AS n FROM events WHERE kind = 'user.created'").first("n")).toBe(3),
    { timeout: 10_000, interval: 50 },
  );
  await createPlan(token);
  const nowSec = Math.floor(Date.now() / 1000);
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO passkeys (id, admin_id, name, public_key, counter, transports, created_at) VALUES ('pk-1', 1, 'laptop', 'pQECAyYgASFYIA', 7, '["usb"]', ?1)`,
    ).bind(nowSec),
    // A BLOB where the panel stores text: SQLite allows it, and a backup must carry it unchanged.
    env.DB.prepare(
      `INSERT INTO admin_totp (admin_id, secret_sealed, confirmed_at, last_step, created_at) VALUES (1, X'00ff10', ?1, 3, ?1)`,
    ).bind(nowSec),
    env.DB.prepare(
      `INSERT INTO invoices (user_id, username, plan_snapshot, currency, total, lines, created_by, expires_at) VALUES (NULL, 'gone', '{}', 'USD', '1.50', '[]', 'owner', ?1)`,
    ).bind(nowSec + 3600),
    env.DB.prepare("UPDATE nodes SET config_version = 5, applied_config_version = 5 WHERE id = ?1").bind(server.id),
  ]);
}

/** Every panel table's rows in primary-key order: what "the same data" means here. */
async function panelDump(): Promise<Record<string, unknown[][]>> {
  const dump: Record<string, unknown[][]> = {};
  for (const table of await panelTables(env.DB)) {
    dump[table.name] = (
      await env.DB.prepare(`SELECT * FROM ${quote(table.name)} ORDER BY ${keyOrder(table)}`).raw()
    ).map((row) => row.map((v) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v)));
  }
  return dump;
}

/** Restores change two things on purpose: sessions end, and node config versions move up. */
/** What a restore changes on purpose: sessions end, nodes move to a new config version, the audit log records it. */
function withoutRestoreEffects(dump: Record<string, unknown[][]>) {
  const { sessions, nodes, audit_log, ...rest } = dump;
  return { ...rest, audit_log: audit_log?.filter((row) => !row.includes("backup.restored")) };
}

/** Tables a backup or restore created and has not dropped yet. */
async function jobTableCount(): Promise<number> {
  const tables = await env.DB.prepare(
    "SELECT count(*) AS n FROM sqlite_master WHERE name LIKE '\\_bk\\_%' ESCAPE '\\' OR name LIKE '\\_rs\\_%' ESCAPE '\\'",
  ).first<number>("n");
  return tables ?? 0;
}

async function wipePanel(): Promise<void> {
  const tables = await panelTables(env.DB);
  await env.DB.batch([
    env.DB.prepare("PRAGMA defer_foreign_keys = ON"),
    ...tables.map((t) => env.DB.prepare(`DELETE FROM ${quote(t.name)}`)),
  ]);
}

async function finishedBackup(id: string) {
  return vi.waitFor(
    async () => {
      const row = await env.DB.prepare("SELECT * FROM backups WHERE id = ?1").bind(id).first<Record<string, any>>();
      if (row?.status === "running") throw new Error("still running");
      return row!;
    },
    { timeout: 30_000, interval: 50 },
  );
}

async function finishedRestore(id: string) {
  return vi.waitFor(
    async () => {
      const row = await env.DB.prepare("SELECT * FROM restores WHERE id = ?1").bind(id).first<Record<string, any>>();
      if (row?.status === "running" || row?.status === "verifying") throw new Error(`still ${row.status}`);
      return row!;
    },
    { timeout: 30_000, interval: 50 },
  );
}

async function completeBackup(): Promise<string> {
  const started = await startBackup(env, { trigger: "manual", actor: OWNER_ACTOR });
  expect(started.status).toBe("running");
  const row = await finishedBackup(started.id);
  expect(row.error).toBeNull();
  expect(row.status).toBe("complete");
  return started.id;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).message;
}

// The tests share one database, in order: the first seeds the panel (its owner is admin 1).
describe("backup and restore", { timeout: 60_000 }, () => {
  it("a backup of a panel restores into the wiped panel with every row equal", async () => {
    await seedPanel();
    const before = await panelDump();
    const nodeVersion =
      before.nodes![0]![(await panelTables(env.DB)).find((t) => t.name === "nodes")!.columns.indexOf("config_version")];
    const backupId = await completeBackup();

    const manifest = await readManifest(env, backupId);
    // The last migration, as D1 names it: 0014_safety_net when this was written.
    expect(manifest.schemaVersion).toBe(env.TEST_MIGRATIONS.at(-1)!.name.replace(/\.sql$/, ""));
    expect(manifest.tables.find((t) => t.name === "users")?.rows).toBe(3);
    expect(manifest.tables.map((t) => t.name)).not.toContain("backups");
    // Derived from users by triggers: rebuilt as the restore writes users, never copied.
    expect(
      manifest.tables.map((t) => t.name).filter((n) => n === "user_counts" || n.startsWith("users_search")),
    ).toEqual([]);
    expect(await jobTableCount()).toBe(0);

    await wipePanel();
    const restore = await startRestore(env, { backupId, actor: OWNER_ACTOR });
    expect(restore.safetyBackupId).toBeNull();
    const done = await finishedRestore(restore.id);
    expect(done.error).toBeNull();
    expect(done.status).toBe("complete");
    expect(done.verified_tables).toBe(manifest.tables.length);

    const after = await panelDump();
    expect(withoutRestoreEffects(after)).toEqual(withoutRestoreEffects(before));
    expect(after.sessions!.length).toBe(before.sessions!.length);
    const restored = await env.DB.prepare(
      "SELECT actor_username, target_id, details FROM audit_log WHERE action = 'backup.restored'",
    ).all<Record<string, string>>();
    expect(restored.results).toHaveLength(1);
    expect(restored.results[0]).toMatchObject({ actor_username: OWNER_ACTOR.username, target_id: backupId });
    expect(JSON.parse(restored.results[0]!.details!)).toMatchObject({ restoreId: restore.id });
    const node = await env.DB.prepare("SELECT config_version FROM nodes").first<number>("config_version");
    expect(node).toBeGreaterThan(nodeVersion as number);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE revoked_at IS NULL").first("n")).toBe(0);
    expect(await jobTableCount()).toBe(0);
  });

  it("a restore over a panel in use takes a backup of it first, and resumes after its loads fail", async () => {
    const backupId = await completeBackup();
    const before = withoutRestoreEffects(await panelDump());
    // The panel moves on after the backup: a user is deleted.
    await env.DB.prepare("DELETE FROM users WHERE id = (SELECT max(id) FROM users)").run();

    await using workflows = await introspectWorkflow(env.RESTORE_WORKFLOW);
    await workflows.modifyAll(async (m) => {
      await m.disableRetryDelays();
      // The second chunk's load is cut off twice (as by a crash) after the first one was staged.
      await m.mockStepError({ name: "load chunk 1" }, new Error("connection reset"), 2);
    });
    const restore = await startRestore(env, { backupId, actor: OWNER_ACTOR });
    expect(restore.safetyBackupId).not.toBeNull();
    const done = await finishedRestore(restore.id);
    expect(done.error).toBeNull();
    expect(done.status).toBe("complete");
    expect(withoutRestoreEffects(await panelDump())).toEqual(before);
    // The users list's counts and search index follow the restored users, the deleted one included.
    const counts = await env.DB.batch([
      env.DB.prepare("SELECT admin_id, status, users FROM user_counts WHERE users != 0 ORDER BY 1, 2"),
      env.DB.prepare("SELECT admin_id, status, count(*) AS users FROM users GROUP BY 1, 2 ORDER BY 1, 2"),
      env.DB.prepare(`SELECT count(*) AS n FROM users_search WHERE users_search MATCH '"quoted"'`),
    ]);
    expect(counts[0]!.results).toEqual(counts[1]!.results);
    expect(counts[2]!.results).toEqual([{ n: 3 }]);

    const safety = await finishedBackup(restore.safetyBackupId!);
    expect(safety).toMatchObject({ status: "complete", trigger: "pre_restore" });
    const safetyUsers = (await readManifest(env, safety.id)).tables.find((t) => t.name === "users");
    expect(safetyUsers?.rows).toBe(2);
  });

  it("a corrupted, truncated, tampered or newer backup is refused and the panel is left as it was", async () => {
    const backupId = await completeBackup();
    const before = await panelDump();
    const manifest = await readManifest(env, backupId);
    const chunk = manifest.chunks[0]!;
    const original = new Uint8Array(await (await env.BUCKET.get(chunk.key))!.arrayBuffer());

    const corrupted = original.slice();
    corrupted[20]! ^= 0xff;
    await env.BUCKET.put(chunk.key, corrupted);
    expect(await refusal(startRestore(env, { backupId, actor: OWNER_ACTOR }))).toMatch(/chunk 0 is corrupted/);

    await env.BUCKET.put(chunk.key, original.slice(0, original.length - 10));
    expect(await refusal(startRestore(env, { backupId, actor: OWNER_ACTOR }))).toMatch(/chunk 0 is truncated/);
    await env.BUCKET.put(chunk.key, original);

    const manifestBytes = await (await env.BUCKET.get(manifestKey(backupId)))!.text();
    await env.BUCKET.put(
      manifestKey(backupId),
      manifestBytes.replace(`"rows":${manifest.rows}`, `"rows":${manifest.rows + 1}`),
    );
    expect(await refusal(startRestore(env, { backupId, actor: OWNER_ACTOR }))).toMatch(/manifest was changed/);

    // A backup from a newer panel: an honest manifest whose index row matches it.
    const newer = JSON.stringify({ ...manifest, schemaVersion: "0099_future" });
    await env.BUCKET.put(manifestKey(backupId), newer);
    await env.DB.prepare("UPDATE backups SET manifest_sha256 = ?1 WHERE id = ?2")
      .bind(await sha256Hex(newer), backupId)
      .run();
    expect(await refusal(startRestore(env, { backupId, actor: OWNER_ACTOR }))).toMatch(
      /this backup is from a newer panel \(0099_future.*upgrade first/,
    );

    expect(await panelDump()).toEqual(before);
    await env.BUCKET.put(manifestKey(backupId), manifestBytes);
    await env.DB.prepare("UPDATE backups SET manifest_sha256 = ?1 WHERE id = ?2")
      .bind(await sha256Hex(manifestBytes), backupId)
      .run();

    // A chunk that cannot be loaded however often it is tried: the restore fails, the panel stays.
    await using workflows = await introspectWorkflow(env.RESTORE_WORKFLOW);
    await workflows.modifyAll(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepError({ name: "load chunk 1" }, new Error("R2 is unreachable"));
    });
    const restore = await startRestore(env, { backupId, actor: OWNER_ACTOR });
    const failed = await finishedRestore(restore.id);
    expect(failed).toMatchObject({ status: "failed", error: "R2 is unreachable" });
    expect(restore.safetyBackupId).not.toBeNull();
    expect(await panelDump()).toEqual(before);
    expect(await jobTableCount()).toBe(0);

    await deleteBackup(env, backupId);
    expect((await env.BUCKET.list({ prefix: `backups/${backupId}/` })).objects).toHaveLength(0);
  });

  it("a downloaded backup file comes back verified, and a damaged one is refused", async () => {
    const backupId = await completeBackup();
    const archive = new Uint8Array(await new Response(await backupArchive(env, backupId)).arrayBuffer());
    const manifest = await readManifest(env, backupId);

    const stream = (bytes: Uint8Array<ArrayBuffer>) => new Blob([bytes]).stream();
    expect(await refusal(importArchive(env, stream(archive), OWNER_ACTOR))).toMatch(/already in this panel/);

    await deleteBackup(env, backupId);
    expect(await refusal(importArchive(env, stream(archive.slice(0, archive.length - 2048)), OWNER_ACTOR))).toMatch(
      /truncated|missing/,
    );
    const damaged = archive.slice();
    const firstChunkAt = 512 + Math.ceil(JSON.stringify(manifest).length / 512) * 512 + 512;
    damaged[firstChunkAt + 10]! ^= 0xff;
    expect(await refusal(importArchive(env, stream(damaged), OWNER_ACTOR))).toMatch(/not a usable backup file/);
    expect((await env.BUCKET.list({ prefix: `backups/${backupId}/` })).objects).toHaveLength(0);
    // The upload breaks off after some chunks were stored (a client gone, the size cap): none stays.
    const cut = archive.length - 1024;
    const breaksOff = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(archive.slice(0, cut));
        controller.error(new Error("the client went away"));
      },
    });
    await expect(importArchive(env, breaksOff, OWNER_ACTOR)).rejects.toThrow();
    expect((await env.BUCKET.list({ prefix: `backups/${backupId}/` })).objects).toHaveLength(0);

    const imported = await importArchive(env, stream(archive), OWNER_ACTOR);
    expect(imported).toMatchObject({ id: backupId, status: "complete", trigger: "uploaded", rowCount: manifest.rows });
    expect(await readManifest(env, backupId)).toEqual(manifest);
  });

  it("the index learns of a complete backup that only R2 knows", async () => {
    const backupId = await completeBackup();
    await env.DB.prepare("DELETE FROM backups WHERE id = ?1").bind(backupId).run();
    expect(await syncBackupIndex(env)).toBe(1);
    expect(await syncBackupIndex(env)).toBe(0);
    expect((await readManifest(env, backupId)).id).toBe(backupId);
  });

  it("a chunk load that ran but was not recorded loads nothing twice when its step runs again", async () => {
    const manifest = await readManifest(env, await completeBackup());
    const restoreId = newJobId(Date.now());
    await createStaging(env, restoreId, manifest);
    const chunk = manifest.chunks[0]!;
    await loadChunk(env, restoreId, manifest, 0);
    await loadChunk(env, restoreId, manifest, 0);
    const staged = await env.DB.prepare(
      `SELECT count(*) AS n FROM ${quote(stagingTable(restoreId, chunk.table))}`,
    ).first("n");
    expect(staged).toBe(chunk.rows);
    await dropStaging(env, restoreId);
    expect(await jobTableCount()).toBe(0);
  });
});
