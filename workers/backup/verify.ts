import { eq } from "drizzle-orm";
import { dbFor } from "../db/client";
import { DomainError, notFound } from "../errors/domain-error";
import type { BackupManifest } from "./engine";
import { manifestKey, manifestSchema } from "./manifest";
import { sha256Hex } from "./rows";
import { backups } from "./table";
import { appliedMigrations, panelTables } from "./tables";

/** Parses a manifest's bytes; anything that is not one is refused as such. */
export function parseManifest(bytes: Uint8Array, what: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DomainError("BAD_USER_INPUT", `${what}: the manifest is not JSON`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw new DomainError("BAD_USER_INPUT", `${what}: not a backup manifest (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

/** The manifest of a complete backup, refused unless its bytes hash to what the index recorded. */
export async function readVerifiedManifest(env: Env, backupId: string): Promise<BackupManifest> {
  const row = await dbFor(env).select().from(backups).where(eq(backups.id, backupId)).get();
  if (!row) throw notFound("backup", backupId);
  if (row.status !== "complete" || !row.manifestSha256)
    throw new DomainError("CONFLICT", `backup ${backupId} is ${row.status}, not complete`);
  const object = await env.BUCKET.get(manifestKey(backupId));
  if (!object) throw new DomainError("CONFLICT", `backup ${backupId} has no manifest in R2: its files are gone`);
  const bytes = new Uint8Array(await object.arrayBuffer());
  if ((await sha256Hex(bytes)) !== row.manifestSha256)
    throw new DomainError("CONFLICT", `backup ${backupId}'s manifest was changed after it was written; refusing it`);
  const manifest = parseManifest(bytes, `backup ${backupId}`);
  if (manifest.id !== backupId) throw new DomainError("CONFLICT", `backup ${backupId}'s manifest names ${manifest.id}`);
  return manifest;
}

/**
 * Can this panel take the backup's data: a schema it has applied, and every table and column the
 * backup holds still there (columns added since keep their defaults).
 */
export async function checkRestorable(env: Env, manifest: BackupManifest): Promise<void> {
  const applied = await appliedMigrations(env.DB);
  if (!applied.includes(manifest.schemaVersion))
    throw new DomainError(
      "CONFLICT",
      `this backup is from a newer panel (${manifest.schemaVersion}; this one is at ${applied.at(-1)}); upgrade first`,
    );
  const live = new Map((await panelTables(env.DB)).map((t) => [t.name, new Set(t.columns)]));
  for (const table of manifest.tables) {
    const columns = live.get(table.name);
    if (!columns) throw new DomainError("CONFLICT", `this panel has no table ${table.name}, which the backup holds`);
    const gone = table.columns.filter((c) => !columns.has(c));
    if (gone.length) throw new DomainError("CONFLICT", `this panel's ${table.name} has no ${gone.join(", ")}`);
  }
}

/** Every chunk is in R2 with the size and SHA-256 the manifest gives (one chunk in memory at a time: a few MB). */
export async function verifyChunks(env: Env, manifest: BackupManifest): Promise<void> {
  for (const [n, chunk] of manifest.chunks.entries()) {
    const object = await env.BUCKET.get(chunk.key);
    if (!object) throw new DomainError("CONFLICT", `backup ${manifest.id} is missing chunk ${n} (${chunk.key})`);
    const sha256 = await sha256Hex(new Uint8Array(await object.arrayBuffer()));
    if (object.size !== chunk.bytes)
      throw new DomainError(
        "CONFLICT",
        `backup ${manifest.id}'s chunk ${n} is truncated or padded (${object.size} bytes, not ${chunk.bytes})`,
      );
    if (sha256 !== chunk.sha256)
      throw new DomainError("CONFLICT", `backup ${manifest.id}'s chunk ${n} is corrupted (its SHA-256 does not match)`);
  }
}
