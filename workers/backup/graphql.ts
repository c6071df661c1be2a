import type { GraphQLModule } from "../graphql/module";

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
  resolvers: {},
};
