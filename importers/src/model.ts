/**
 * The normalized model between a peer panel and this one: the import contract's GraphQL input
 * types (generated from schema.graphql), so a reader's output is exactly what the panel takes.
 * Units are ours: bytes, ISO 8601 instants, whole seconds; every reader converts from its peer's.
 */
import type { BeginImportInput, ImportUserInput } from "./generated/graphql";

export type {
  BeginImportInput,
  ImportAccessInput,
  ImportAdminInput,
  ImportCredentialsInput,
  ImportInboundInput,
  ImportIssueInput,
  ImportNodeInput,
  ImportSourceInput,
  ImportSourceKind,
  ImportUserInput,
} from "./generated/graphql";

/** Everything but the users, which travel in batches. `dryRun` and `totalUsers` are the driver's. */
export type ImportHeader = Omit<BeginImportInput, "dryRun" | "totalUsers">;

/** What a reader yields: the header, then every user once, in a stable order. */
export interface PeerExport {
  header: ImportHeader;
  users: ImportUserInput[];
}

/** Users per importUsers call: the panel plans and writes each batch in a fixed number of D1 statements. */
export const USERS_PER_BATCH = 1000;
