import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { admins } from "../admins/table";
import { users } from "../users/table";

export const IMPORT_SOURCE_KINDS = ["3x-ui", "marzban", "pasarguard", "remnawave"] as const;
export type ImportSourceKind = (typeof IMPORT_SOURCE_KINDS)[number];

/** A peer panel users were moved from; `instance` names it so a re-run on cut-over day finds what the first run made. */
export const importSources = sqliteTable(
  "import_sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: IMPORT_SOURCE_KINDS }).notNull(),
    instance: text("instance").notNull(),
    /** Marzban/PasarGuard `jwt.secret_key`: their subscription tokens are never stored, only verified with it. */
    subscriptionSecret: text("subscription_secret"),
    createdAtSec: integer("created_at").notNull().default(sql`(unixepoch())`),
    updatedAtSec: integer("updated_at").notNull().default(sql`(unixepoch())`),
  },
  (t) => [uniqueIndex("import_sources_kind_instance_unique").on(t.kind, t.instance)],
);

/** What `import_sources.subscription_secret` is sealed to: a sealed secret opens only for its own source. */
export const subscriptionSecretContext = (kind: string, instance: string) => `import-source:${kind}:${instance}`;

/** What imports make and match; "setting" appears only in reports (the subscription paths an import maps). */
export const IMPORT_RECORD_KINDS = ["user", "inbound", "node", "admin", "group", "setting"] as const;
export type ImportRecordKind = (typeof IMPORT_RECORD_KINDS)[number];

/**
 * The peer's identity of everything an import made, and a fingerprint of the peer's record as last
 * applied: a re-run matches by identity and rewrites only what changed on the peer since.
 */
export const importedRecords = sqliteTable(
  "imported_records",
  {
    sourceId: integer("source_id")
      .notNull()
      .references(() => importSources.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: IMPORT_RECORD_KINDS }).notNull(),
    peerKey: text("peer_key").notNull(),
    localId: integer("local_id").notNull(),
    fingerprint: text("fingerprint").notNull(),
    importedAtSec: integer("imported_at").notNull().default(sql`(unixepoch())`),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.kind, t.peerKey] }),
    index("imported_records_local_idx").on(t.kind, t.localId),
  ],
);

/**
 * What a Marzban/PasarGuard subscription token names, so the tokens phones already hold keep
 * resolving: a token minted at `t` is good while `t >= not_before` (the peer's created_at and
 * sub_revoked_at, rounded up to the second, which is exact for tokens stamped in whole seconds).
 * Revoking the user's link here moves not_before to now.
 */
export const legacySubscriptionTokens = sqliteTable(
  "legacy_subscription_tokens",
  {
    sourceId: integer("source_id")
      .notNull()
      .references(() => importSources.id, { onDelete: "cascade" }),
    /** Marzban tokens carry the username (case-sensitive there); PasarGuard's newer ones the numeric id. */
    peerUsername: text("peer_username").notNull(),
    peerUserId: text("peer_user_id"),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    notBeforeSec: integer("not_before").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.peerUsername] }),
    uniqueIndex("legacy_tokens_peer_id_unique").on(t.sourceId, t.peerUserId),
    index("legacy_tokens_user_idx").on(t.userId),
  ],
);

export const IMPORT_RUN_STATUSES = ["running", "finished", "failed"] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

/** One dry run or import: progress while users arrive in batches, then its report. */
export const importRuns = sqliteTable("import_runs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  sourceId: integer("source_id")
    .notNull()
    .references(() => importSources.id, { onDelete: "cascade" }),
  dryRun: integer("dry_run", { mode: "boolean" }).notNull(),
  status: text("status", { enum: IMPORT_RUN_STATUSES }).notNull().default("running"),
  totalUsers: integer("total_users").notNull(),
  processedUsers: integer("processed_users").notNull().default(0),
  /** The report so far (import/report.ts), rewritten by each batch. */
  report: text("report", { mode: "json" }).notNull(),
  /** Peer keys of inbounds/nodes/admins → local ids, so user batches resolve them without a lookup. */
  mapping: text("mapping", { mode: "json" }).notNull(),
  startedBy: integer("started_by").references(() => admins.id, { onDelete: "set null" }),
  startedAtSec: integer("started_at").notNull().default(sql`(unixepoch())`),
  finishedAtSec: integer("finished_at"),
});
