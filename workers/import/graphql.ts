import { parseInput } from "../errors/validate";
import { idSchema } from "../graphql/ids";
import { upperCaseEnum, type GraphQLModule } from "../graphql/module";
import { secretBox } from "../lib/secret-box";
import { enrollmentCommand } from "../nodes/enrollment";
import { fetchPeer } from "./peer-fetch";
import { beginImport, finishImport, findImportRun, listImportRuns } from "./runs";
import { IMPORT_RECORD_KINDS, IMPORT_RUN_STATUSES } from "./table";
import { importUsers } from "./users";

/**
 * Moving in from a peer panel. A reader (importers/: the CLI, or the SPA's Import page) turns the
 * peer's database or API into these inputs; the panel plans against what it holds (dry run), then
 * applies batch by batch. Units here are ours: bytes, ISO instants; readers convert.
 */
const typeDefs = /* GraphQL */ `
  enum ImportSourceKind {
    THREE_X_UI
    MARZBAN
    PASARGUARD
    REMNAWAVE
  }

  enum ImportRunStatus {
    RUNNING
    FINISHED
    FAILED
  }

  enum ImportRecordKind {
    USER
    INBOUND
    NODE
    ADMIN
    GROUP
    "A panel setting the import changed (old subscription paths it maps)."
    SETTING
  }

  input ImportSourceInput {
    kind: ImportSourceKind!
    "Names the peer panel (its host, say): re-runs with the same kind and instance match everything by the peer's identity."
    instance: String!
    "The peer's version as the reader found it, for the report."
    version: String
    "Marzban/PasarGuard jwt.secret_key: their subscription tokens are verified with it, never stored."
    subscriptionSecret: String
    "Path prefixes the old host served subscriptions under (3x-ui: /sub/ and /json/; Marzban: /sub/; Remnawave: /)."
    subscriptionPaths: [String!]
    "Prefixes the old host served Xray JSON configs under (3x-ui's subJsonPath, /json/ by default)."
    subscriptionJsonPaths: [String!]
  }

  "A peer inbound in our terms. Settings follow the shapes createInbound takes."
  input ImportInboundInput {
    "The peer's identity for it (3x-ui inbound id, Marzban tag, Remnawave uuid)."
    key: String!
    tag: String!
    remark: String
    protocol: Protocol!
    port: Int!
    transport: Transport!
    security: Security!
    protocolSettings: ProtocolSettingsInput
    transportSettings: TransportSettingsInput
    securitySettings: SecuritySettingsInput
    "Keys of the peer nodes serving it."
    nodeKeys: [String!]!
  }

  "A peer node: it becomes a pending node with its own enrollment line."
  input ImportNodeInput {
    key: String!
    name: String!
    address: String!
  }

  "A peer admin. Resellers own the users whose ownerKey names them."
  input ImportAdminInput {
    key: String!
    username: String!
    role: AdminRole!
    "The peer's bcrypt hash: the admin signs in with the same password, rehashed on first sign-in."
    passwordHash: String
  }

  "Something of the peer's that has no place here, listed so nothing is dropped silently."
  input ImportIssueInput {
    kind: ImportRecordKind!
    key: String!
    name: String!
    reason: String!
  }

  input BeginImportInput {
    source: ImportSourceInput!
    "Plan only: report what would happen, write nothing but the run's own record."
    dryRun: Boolean!
    "How many users the batches will carry, for progress."
    totalUsers: Int!
    inbounds: [ImportInboundInput!]!
    nodes: [ImportNodeInput!]!
    admins: [ImportAdminInput!]!
    "What the reader could not map (features, inbounds of protocols we do not serve, ...)."
    unmapped: [ImportIssueInput!]!
  }

  "Per-protocol secrets, as the peer holds them."
  input ImportCredentialsInput {
    vlessId: String
    vmessId: String
    trojanPassword: String
    shadowsocksPassword: String
    hysteria2Password: String
  }

  "A user's way into one peer inbound, with the secret it uses there when that differs from its credentials."
  input ImportAccessInput {
    inboundKey: String!
    "UUID (vless, vmess) or password (trojan, shadowsocks, hysteria2) in this inbound."
    secret: String
    "vless flow in this inbound; empty string for none."
    flow: String
    "shadowsocks method in this inbound."
    method: String
  }

  "What a Marzban/PasarGuard subscription token names; tokens minted before notBefore stay refused."
  input ImportLegacyTokenInput {
    "Case as the peer stores it: Marzban tokens carry it."
    username: String!
    "PasarGuard's newer tokens carry the numeric id."
    peerUserId: String
    "max(created_at, sub_revoked_at) rounded up to the second."
    notBefore: DateTime!
  }

  input ImportUserInput {
    "The peer's identity for the user (3x-ui subId or email, Marzban/PasarGuard id, Remnawave id)."
    key: String!
    username: String!
    "The admin's switch on the peer."
    enabled: Boolean!
    "Waiting for first use; onHoldExpireSeconds then says for how long it runs."
    onHold: Boolean!
    "Its status on the peer, so the report can list users whose status here would differ."
    peerStatus: UserStatus!
    dataLimit: Bytes
    usedTraffic: Bytes!
    lifetimeUsedTraffic: Bytes
    expireAt: DateTime
    onHoldExpireSeconds: Int
    resetStrategy: ResetStrategy!
    periodStartedAt: DateTime
    deviceLimit: Int
    note: String
    telegramId: String
    createdAt: DateTime
    "Key of the peer admin who owns the user."
    ownerKey: String
    "The peer's subscription token when it is stored (3x-ui subId, Remnawave shortUuid): the old path keeps resolving."
    subToken: String
    legacyToken: ImportLegacyTokenInput
    credentials: ImportCredentialsInput!
    access: [ImportAccessInput!]!
  }

  type ImportCount {
    kind: ImportRecordKind!
    created: Int!
    updated: Int!
    unchanged: Int!
    conflicts: Int!
  }

  "One record the import did not (or could not) take as it is, and why."
  type ImportIssue {
    kind: ImportRecordKind!
    key: String!
    name: String!
    reason: String!
  }

  type ImportStatusChange {
    key: String!
    username: String!
    from: UserStatus!
    to: UserStatus!
  }

  "A node the import created, with the one-time line that enrolls it (shown once)."
  type ImportEnrollment {
    key: String!
    name: String!
    serverId: ID!
    command: String!
  }

  type ImportReport {
    counts: [ImportCount!]!
    "Records left as they are here because they clash with something the import does not own."
    conflicts: [ImportIssue!]!
    "Peer features and records with no place here."
    unmapped: [ImportIssue!]!
    "Taken with a change (a username made valid, an on-hold duration rounded up to days, ...)."
    adjusted: [ImportIssue!]!
    statusChanges: [ImportStatusChange!]!
    "Each list keeps its first entries only; counts are whole."
    truncated: Boolean!
    enrollments: [ImportEnrollment!]!
  }

  type ImportRun {
    id: ID!
    source: ImportSourceKind!
    instance: String!
    dryRun: Boolean!
    status: ImportRunStatus!
    totalUsers: Int!
    processedUsers: Int!
    report: ImportReport!
    startedAt: DateTime!
    finishedAt: DateTime
  }

  "One request the Import page's API readers make to a peer panel, sent from the panel (browsers reach only this origin)."
  input PeerApiRequestInput {
    "Absolute http(s) URL of the peer's endpoint."
    url: String!
    "GET or POST."
    method: String!
    "e.g. Bearer <token>."
    authorization: String
    "application/x-www-form-urlencoded or application/json."
    contentType: String
    body: String
  }

  "The peer's answer as it came: redirects are not followed, bodies over 8 MiB are refused."
  type PeerApiResponse {
    status: Int!
    contentType: String!
    body: String!
  }

  extend type Query {
    "Newest first."
    importRuns(first: Int): [ImportRun!]!
    importRun(id: ID!): ImportRun
  }

  extend type Mutation {
    "Starts a dry run or an import: inbounds, nodes and admins now, users in importUsers batches."
    beginImport(input: BeginImportInput!): ImportRun!
    "One batch of at most 1,000 users, in the order the reader yields them."
    importUsers(runId: ID!, users: [ImportUserInput!]!): ImportRun!
    "Ends the run: audits it with its report and returns the enrollment lines of nodes it created."
    finishImport(runId: ID!): ImportRun!
    "Reads a peer panel's API for the Import page."
    fetchPeerApi(input: PeerApiRequestInput!): PeerApiResponse!
  }
`;

export const importModule: GraphQLModule = {
  typeDefs,
  resolvers: {
    ImportSourceKind: { THREE_X_UI: "3x-ui", MARZBAN: "marzban", PASARGUARD: "pasarguard", REMNAWAVE: "remnawave" },
    ImportRunStatus: upperCaseEnum(IMPORT_RUN_STATUSES),
    ImportRecordKind: upperCaseEnum(IMPORT_RECORD_KINDS),
    ImportRun: {
      id: (run) => String(run.id),
      source: (run) => run.kind,
      // Enrollment lines are shown once, in finishImport's answer; the stored report never holds them.
      report: (run) => ({ ...run.report, enrollments: run.enrollments ?? [] }),
      startedAt: (run) => run.startedAtSec,
      finishedAt: (run) => run.finishedAtSec,
    },
    Query: {
      importRuns: (_, args, ctx) => listImportRuns(ctx.db, args.first),
      importRun: async (_, args, ctx) => (await findImportRun(ctx.db, parseInput(idSchema, args.id))) ?? null,
    },
    Mutation: {
      fetchPeerApi: (_, args) => fetchPeer(args.input),
      beginImport: (_, args, ctx) => beginImport(ctx, () => secretBox(ctx.env.SECRETS_KEY), args.input),
      importUsers: (_, args, ctx) => importUsers(ctx, args.runId, args.users),
      // The same line the Nodes page prints (createServerEnrollment).
      finishImport: (_, args, ctx) =>
        finishImport(
          ctx,
          parseInput(idSchema, args.runId),
          async (nodeId) => (await enrollmentCommand(ctx, nodeId)).command,
        ),
    },
  },
  rules: {
    "Query.importRuns": "admins:manage",
    "Query.importRun": "admins:manage",
    "Mutation.beginImport": "admins:manage",
    "Mutation.importUsers": "admins:manage",
    "Mutation.finishImport": "admins:manage",
    "Mutation.fetchPeerApi": "admins:manage",
  },
};
