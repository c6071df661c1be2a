import { Hono, type Context } from "hono";
import { auditInsert } from "../audit/record";
import type { Actor } from "../auth/roles";
import { DomainError, notFound } from "../errors/domain-error";
import { actorFromBearer } from "../http/bearer-actor";
import type { AppEnv } from "../http/request-context";
import { backupArchive, importArchive } from "./engine";
import { manifestTables } from "./graphql";
import { isJobId } from "./manifest";
import type { BackupRow } from "./table";

/**
 * Cloudflare refuses request bodies above 100 MB on the Free and Pro plans before the Worker sees
 * them; the panel holds every plan to that, streaming the file through without keeping it whole.
 */
export const MAX_BACKUP_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * A backup as one file, out and back in, for the owner only (`system:manage`): what could replace
 * the whole panel is not for admins. The owner's access token goes in `Authorization: Bearer`,
 * as for GraphQL; these are plain HTTP because a backup is a file, not a JSON field.
 */
export const backupRoutes = new Hono<AppEnv>()
  /** `GET /api/backups/:id/download`: the file BackupResult.downloadPath names. */
  .get("/:id/download", async (c) => {
    const actor = await owner(c);
    const id = c.req.param("id");
    if (!isJobId(id)) throw notFound("backup", id);
    const archive = await backupArchive(c.env, id);
    await audit(c, actor, "backup.downloaded", id);
    return c.body(archive, 200, {
      // A tar of the manifest and the gzipped chunks: `tar -tf` lists it off Cloudflare.
      "content-type": "application/x-tar",
      "content-disposition": `attachment; filename="vortexpanel-backup-${id}.tar"`,
      "cache-control": "no-store",
    });
  })
  /** `POST /api/backups/upload` with such a file as the body: it becomes an UPLOADED backup to restore from. */
  .post("/upload", async (c) => {
    const actor = await owner(c);
    const declared = Number(c.req.header("content-length") ?? 0);
    if (declared > MAX_BACKUP_UPLOAD_BYTES) throw tooLarge();
    if (!c.req.raw.body) throw new DomainError("BAD_USER_INPUT", "send the backup file as the request body");
    const backup = await importArchive(c.env, c.req.raw.body.pipeThrough(capped(MAX_BACKUP_UPLOAD_BYTES)), actor);
    await audit(c, actor, "backup.uploaded", backup.id);
    return c.json({ backup: await backupResult(c.env, backup) }, 201);
  });

/** What could replace the whole panel is the owner's alone. */
const owner = (c: Context<AppEnv>) => actorFromBearer(c, "system:manage");

const audit = (c: Context<AppEnv>, actor: Actor, action: string, backupId: string) =>
  auditInsert(
    c.var.db,
    { actor, ip: c.var.client.ip, nowSec: Math.floor(Date.now() / 1000) },
    { action, targetType: "backup", targetId: backupId },
  );

/** Passes the bytes through and fails the stream once more than `maxBytes` went by (a body without a length). */
function capped(maxBytes: number): TransformStream<Uint8Array, Uint8Array> {
  let bytes = 0;
  return new TransformStream({
    transform(chunk, controller) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) controller.error(tooLarge());
      else controller.enqueue(chunk);
    },
  });
}

const tooLarge = () =>
  new DomainError("PAYLOAD_TOO_LARGE", `a backup file may be at most ${MAX_BACKUP_UPLOAD_BYTES / 1024 / 1024} MiB`);

/** The uploaded backup as GraphQL's BackupResult shows it (enums in capitals, instants in ISO 8601). */
async function backupResult(env: Env, backup: BackupRow) {
  const iso = (sec: number | null) => (sec === null ? null : new Date(sec * 1000).toISOString());
  return {
    id: backup.id,
    status: backup.status.toUpperCase(),
    trigger: backup.trigger.toUpperCase(),
    createdAt: iso(backup.startedAtSec),
    finishedAt: iso(backup.finishedAtSec),
    createdBy: backup.createdByName,
    schemaVersion: backup.schemaVersion,
    sizeBytes: backup.sizeBytes,
    rows: backup.rowCount,
    tables: await manifestTables(env, backup),
    error: backup.error,
  };
}
