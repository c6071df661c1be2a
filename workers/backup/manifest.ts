import { z } from "zod";
import { BACKUP_TRIGGERS } from "./table";

/** `<yyyymmddThhmmssZ>-<8 random base32>`: sorts by time, cannot be guessed, and names the R2 prefix. */
const JOB_ID = /^\d{8}T\d{6}Z-[a-z2-7]{8}$/;

export function newJobId(nowMs: number): string {
  const stamp = new Date(nowMs)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const random = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => alphabet[b & 31]).join("");
  return `${stamp}-${random}`;
}

export const isJobId = (id: string) => JOB_ID.test(id);

/** The random tail of a job id: short enough for the names of the job's tables. */
export const jobTag = (id: string) => id.slice(-8);

export const backupPrefix = (backupId: string) => `backups/${backupId}/`;
export const manifestKey = (backupId: string) => `${backupPrefix(backupId)}manifest.json`;
export const chunkKey = (backupId: string, n: number) => `${backupPrefix(backupId)}${n}.ndjson.gz`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

export const manifestSchema = z
  .object({
    format: z.literal(1),
    id: z.string().regex(JOB_ID),
    schemaVersion: z.string().min(1),
    createdAtSec: count,
    createdBy: z.string().nullable(),
    trigger: z.enum(BACKUP_TRIGGERS),
    tables: z.array(z.object({ name: z.string().min(1), columns: z.array(z.string()).min(1), rows: count, sha256 })),
    chunks: z.array(z.object({ key: z.string(), table: z.string(), rows: count, bytes: count, sha256 })),
    sizeBytes: count,
    rows: count,
  })
  .superRefine((m, ctx) => {
    const tables = new Map(m.tables.map((t) => [t.name, t]));
    m.chunks.forEach((chunk, n) => {
      if (chunk.key !== chunkKey(m.id, n)) ctx.addIssue({ code: "custom", message: `chunk ${n} has key ${chunk.key}` });
      if (!tables.has(chunk.table))
        ctx.addIssue({ code: "custom", message: `chunk ${n} is of unknown table ${chunk.table}` });
    });
    for (const table of m.tables) {
      const rows = m.chunks.filter((c) => c.table === table.name).reduce((sum, c) => sum + c.rows, 0);
      if (rows !== table.rows)
        ctx.addIssue({ code: "custom", message: `${table.name}: chunks hold ${rows} rows, not ${table.rows}` });
    }
    if (m.tables.reduce((sum, t) => sum + t.rows, 0) !== m.rows)
      ctx.addIssue({ code: "custom", message: "rows do not add up" });
    if (m.chunks.reduce((sum, c) => sum + c.bytes, 0) !== m.sizeBytes)
      ctx.addIssue({ code: "custom", message: "sizeBytes does not add up" });
  });
