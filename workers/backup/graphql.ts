import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { auditBy } from "../audit/record";
import { hasPermission } from "../auth/roles";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { upperCaseEnum, type GraphQLModule } from "../graphql/module";
import type { SignedInContext } from "../graphql/context";
import { deleteBackup, readManifest, startBackup, startRestore, syncBackupIndex } from "./engine";
import { isJobId } from "./manifest";
import { BACKUP_STATUSES, BACKUP_TRIGGERS, backups, RESTORE_STATUSES, restores, type BackupRow } from "./table";

const typeDefs = /* GraphQL */ `
  enum BackupStatus {
    RUNNING
    COMPLETE
    FAILED
  }

  enum BackupTrigger {
    MANUAL
    SCHEDULED
    "Taken of the panel just before a restore overwrote it."
    PRE_RESTORE
    "A backup file brought back from off Cloudflare."
    UPLOADED
  }

  "Progress of a backup or restore, as its last finished step left it."
  type JobProgress {
    phase: String!
    tablesDone: Int!
    tablesTotal: Int!
    rowsDone: Int!
    rowsTotal: Int!
  }

  "One table in a backup's manifest."
  type BackupTable {
    name: String!
    rows: Int!
    "SHA-256 over the table's rows in primary-key order, as the manifest records it."
    sha256: String!
  }

  "A consistent snapshot of the panel in R2 (the seed's backupDatabase result)."
  type BackupResult {
    id: ID!
    status: BackupStatus!
    trigger: BackupTrigger!
    createdAt: DateTime!
    finishedAt: DateTime
    "The admin who asked for it; null for scheduled ones."
    createdBy: String
    "The last migration applied when it was taken, e.g. 0014_safety_net."
    schemaVersion: String!
    "Compressed size in R2."
    sizeBytes: Bytes
    rows: Int
    "Empty until the backup is complete."
    tables: [BackupTable!]!
    progress: JobProgress
    error: String
    "GET with the owner's bearer token: the whole backup as one file to keep off Cloudflare (owner only; null until complete)."
    downloadPath: String
  }

  enum RestoreStatus {
    RUNNING
    VERIFYING
    COMPLETE
    FAILED
  }

  type RestoreResult {
    id: ID!
    backupId: ID!
    status: RestoreStatus!
    "The backup taken of the panel just before it was overwritten; null when the panel was empty."
    safetyBackupId: ID
    startedBy: String
    startedAt: DateTime!
    finishedAt: DateTime
    progress: JobProgress
    "Tables whose row counts and checksums matched the manifest after the restore."
    verifiedTables: Int
    error: String
  }

  extend type Query {
    "Newest first."
    backups(first: Int = 50): [BackupResult!]!
    backup(id: ID!): BackupResult
    "Newest first."
    restores(first: Int = 20): [RestoreResult!]!
    restore(id: ID!): RestoreResult
  }

  extend type Mutation {
    "Starts a backup and returns it RUNNING; poll backup(id) or watch its progress."
    backupDatabase: BackupResult!
    deleteBackup(id: ID!): Boolean!
    """
    Replaces the panel's data with the backup's, after taking a backup of the panel as it is (unless
    it is empty). confirm must repeat the backup's id. Refuses a backup from a newer schema and one
    whose files do not match its manifest. Everyone is signed out when it completes.
    """
    restoreBackup(id: ID!, confirm: String!): RestoreResult!
  }
`;

export const backupModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.backups": "backups:write",
    "Query.backup": "backups:write",
    "Query.restores": "backups:write",
    "Query.restore": "backups:write",
    "Mutation.backupDatabase": "backups:write",
    "Mutation.deleteBackup": "system:manage",
    "Mutation.restoreBackup": "system:manage",
  },
  resolvers: {
    BackupStatus: upperCaseEnum(BACKUP_STATUSES),
    BackupTrigger: upperCaseEnum(BACKUP_TRIGGERS),
    RestoreStatus: upperCaseEnum(RESTORE_STATUSES),
    BackupResult: {
      createdAt: (backup) => backup.startedAtSec,
      finishedAt: (backup) => backup.finishedAtSec,
      createdBy: (backup) => backup.createdByName,
      rows: (backup) => backup.rowCount,
      tables: (backup, _, ctx) => manifestTables(ctx.env, backup),
      downloadPath: (backup, _, ctx) => downloadPath(backup, ctx),
    },
    RestoreResult: {
      startedBy: (restore) => restore.startedByName,
      startedAt: (restore) => restore.startedAtSec,
      finishedAt: (restore) => restore.finishedAtSec,
    },
    Query: {
      backups: async (_, args, ctx) => {
        const limit = pageSize(args.first);
        // The index lives in D1 and the backups in R2: a panel redeployed on the same bucket, or
        // restored elsewhere, lists what the bucket holds.
        await syncBackupIndex(ctx.env);
        return ctx.db.select().from(backups).orderBy(desc(backups.startedAtSec), desc(backups.id)).limit(limit);
      },
      backup: async (_, args, ctx) =>
        (await ctx.db
          .select()
          .from(backups)
          .where(eq(backups.id, jobId(args.id)))
          .get()) ?? null,
      restores: (_, args, ctx) =>
        ctx.db
          .select()
          .from(restores)
          .orderBy(desc(restores.startedAtSec), desc(restores.id))
          .limit(pageSize(args.first)),
      restore: async (_, args, ctx) =>
        (await ctx.db
          .select()
          .from(restores)
          .where(eq(restores.id, jobId(args.id)))
          .get()) ?? null,
    },
    Mutation: {
      backupDatabase: async (_, __, ctx) => {
        const backup = await startBackup(ctx.env, { trigger: "manual", actor: ctx.actor });
        await auditBy(ctx, { action: "backup.started", targetType: "backup", targetId: backup.id });
        return backup;
      },
      deleteBackup: async (_, args, ctx) => {
        const id = jobId(args.id);
        await deleteBackup(ctx.env, id);
        await auditBy(ctx, { action: "backup.deleted", targetType: "backup", targetId: id });
        return true;
      },
      restoreBackup: async (_, args, ctx) => {
        const id = jobId(args.id);
        // A restore replaces every admin, user and node: the id typed again is the "are you sure".
        if (args.confirm !== id)
          throw new DomainError("BAD_USER_INPUT", "confirm must repeat the backup's id", {
            fields: [{ path: "confirm", message: "must repeat the backup's id" }],
          });
        const restore = await startRestore(ctx.env, { backupId: id, actor: ctx.actor });
        await auditBy(ctx, {
          action: "backup.restore_started",
          targetType: "backup",
          targetId: id,
          details: { restoreId: restore.id, safetyBackupId: restore.safetyBackupId },
        });
        return restore;
      },
    },
  },
};

/** Backup and restore ids are `<yyyymmddThhmmssZ>-<random>` (manifest.ts): anything else cannot name one. */
const jobId = (raw: string) => parseInput(z.string().refine(isJobId, "is not a backup or restore id"), raw);
const pageSize = (first: number | null | undefined) =>
  parseInput(z.number().int().min(1).max(200).default(50), first ?? undefined);

/** The tables a complete backup's manifest lists; none until it is complete. */
export async function manifestTables(env: Env, backup: BackupRow) {
  if (backup.status !== "complete") return [];
  return (await readManifest(env, backup.id)).tables.map(({ name, rows, sha256 }) => ({ name, rows, sha256 }));
}

/** Where the owner downloads a complete backup (routes.ts); others, and unfinished backups, get none. */
export function downloadPath(backup: BackupRow, ctx: Pick<SignedInContext, "actor">): string | null {
  if (backup.status !== "complete" || !hasPermission(ctx.actor.role, "system:manage")) return null;
  return `/api/backups/${encodeURIComponent(backup.id)}/download`;
}
