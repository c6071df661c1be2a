export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A byte count: a whole number from 0 to 2^53 - 1, as a JSON number (decimal strings accepted on input). */
  Bytes: { input: number; output: number; }
  /** An instant as an ISO 8601 string, e.g. 2026-12-31T23:59:59Z. */
  DateTime: { input: string; output: string; }
  /** Any JSON value. Output only. */
  JSON: { input: unknown; output: unknown; }
};

/** Someone who signs in to the panel. Resellers manage only their own users, within their limits. */
export type Admin = {
  __typename?: 'Admin';
  createdAt: Scalars['DateTime']['output'];
  /** Bytes handed out so far: users' limits and raises, plus usage forgiven by resets, less the unused bytes of lowered limits and deleted users. */
  dataGiven: Scalars['Bytes']['output'];
  /** maxDataLimit minus dataGiven (never below 0); null when there is no quota. */
  dataLeft?: Maybe<Scalars['Bytes']['output']>;
  disabled: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** Networks (IPv4/IPv6 CIDR) this admin may sign in and work from; empty means anywhere. Checked on every request. */
  ipAllowlist: Array<Scalars['String']['output']>;
  /** Reseller data quota: the most it may ever hand out (users' limits and forgiven usage); null means no limit. topUpResellerQuota raises it. */
  maxDataLimit?: Maybe<Scalars['Bytes']['output']>;
  /** Reseller limit on how many users it may own; null means no limit. */
  maxUsers?: Maybe<Scalars['Int']['output']>;
  /** The admin signs in with a passkey (or OIDC) only; its password alone is refused. */
  passwordLoginDisabled: Scalars['Boolean']['output'];
  role: AdminRole;
  updatedAt: Scalars['DateTime']['output'];
  username: Scalars['String']['output'];
};

export type AdminRole =
  | 'ADMIN'
  | 'OWNER'
  | 'RESELLER';

/** An agent bundle nodes can be moved to, signed with the panel's config-signing key. */
export type AgentRelease = {
  __typename?: 'AgentRelease';
  /** The release the panel was built with (served from its assets); others were uploaded. */
  builtIn: Scalars['Boolean']['output'];
  /** Enrolled nodes running it now. */
  servers: Scalars['Int']['output'];
  sha256: Scalars['String']['output'];
  sizeBytes: Scalars['Bytes']['output'];
  uploadedAt?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['String']['output'];
};

/** A private destination users may reach anyway, e.g. an internal DNS server. */
export type AllowedDestination = {
  __typename?: 'AllowedDestination';
  /** An IPv4 or IPv6 CIDR or address, e.g. 10.0.0.53/32. */
  cidr: Scalars['String']['output'];
  /** Ports or ranges, e.g. 53 or 8000-8100; empty means every port. */
  ports: Array<Scalars['String']['output']>;
};

export type AllowedDestinationInput = {
  cidr: Scalars['String']['input'];
  ports?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Panel-wide (a reseller: its own users) over one period. */
export type Analytics = {
  __typename?: 'Analytics';
  /** Recent anomalies, newest first. */
  anomalies: Array<UsageAnomaly>;
  /** Per node and inbound (agents at protocol level 3 report them). */
  byInbound: Array<InboundTraffic>;
  byServer: Array<ServerTraffic>;
  download: Scalars['Bytes']['output'];
  from: Scalars['DateTime']['output'];
  period: TimePeriod;
  /** Needs billing:read; null otherwise. */
  revenue?: Maybe<Array<RevenuePoint>>;
  /** Needs billing:read; null otherwise. */
  revenueByPlan?: Maybe<Array<RevenueByPlan>>;
  /** Needs billing:read; null otherwise. */
  revenueTotals?: Maybe<Array<RevenueTotal>>;
  to: Scalars['DateTime']['output'];
  topUsers: Array<UserTrafficTotal>;
  traffic: Array<TrafficPoint>;
  upload: Scalars['Bytes']['output'];
  usersByStatus: Array<UserStatusCount>;
};


/** Panel-wide (a reseller: its own users) over one period. */
export type AnalyticsAnomaliesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Panel-wide (a reseller: its own users) over one period. */
export type AnalyticsTopUsersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type AnomalyKind =
  /** More distinct client addresses within the window than the user's device limit. */
  | 'ACCOUNT_SHARING'
  /** An hour's usage far above the user's own median (median + k x MAD of its hourly usage). */
  | 'USAGE_SPIKE';

/** One admin action: who did what to which target, when and from where. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** e.g. user.create, inbound.update, auth.login */
  action: Scalars['String']['output'];
  actorId?: Maybe<Scalars['ID']['output']>;
  actorUsername?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  details?: Maybe<Scalars['JSON']['output']>;
  id: Scalars['ID']['output'];
  ip?: Maybe<Scalars['String']['output']>;
  targetId?: Maybe<Scalars['String']['output']>;
  targetType?: Maybe<Scalars['String']['output']>;
};

export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  edges: Array<AuditEntryEdge>;
  pageInfo: PageInfo;
};

export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

export type AuditFilter = {
  action?: InputMaybe<Scalars['String']['input']>;
  /** Every action starting with this, e.g. auth. for sign-ins, failed sign-ins, factor changes and session revocations. */
  actionPrefix?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['ID']['input']>;
  targetId?: InputMaybe<Scalars['String']['input']>;
  targetType?: InputMaybe<Scalars['String']['input']>;
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Short-lived; send as Authorization: Bearer <token>. */
  accessToken: Scalars['String']['output'];
  accessTokenExpiresAt: Scalars['DateTime']['output'];
  admin: Admin;
  /** Works once: exchange it with refreshToken for a new pair. Reusing one signs the session out. */
  refreshToken: Scalars['String']['output'];
};

/** A consistent snapshot of the panel in R2 (the seed's backupDatabase result). */
export type BackupResult = {
  __typename?: 'BackupResult';
  createdAt: Scalars['DateTime']['output'];
  /** The admin who asked for it; null for scheduled ones. */
  createdBy?: Maybe<Scalars['String']['output']>;
  /** GET with the owner's bearer token: the whole backup as one file to keep off Cloudflare (owner only; null until complete). */
  downloadPath?: Maybe<Scalars['String']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  progress?: Maybe<JobProgress>;
  rows?: Maybe<Scalars['Int']['output']>;
  /** The last migration applied when it was taken, e.g. 0014_safety_net. */
  schemaVersion: Scalars['String']['output'];
  /** Compressed size in R2. */
  sizeBytes?: Maybe<Scalars['Bytes']['output']>;
  status: BackupStatus;
  /** Empty until the backup is complete. */
  tables: Array<BackupTable>;
  trigger: BackupTrigger;
};

export type BackupStatus =
  | 'COMPLETE'
  | 'FAILED'
  | 'RUNNING';

/** One table in a backup's manifest. */
export type BackupTable = {
  __typename?: 'BackupTable';
  name: Scalars['String']['output'];
  rows: Scalars['Int']['output'];
  /** SHA-256 over the table's rows in primary-key order, as the manifest records it. */
  sha256: Scalars['String']['output'];
};

export type BackupTrigger =
  | 'MANUAL'
  /** Taken of the panel just before a restore overwrote it. */
  | 'PRE_RESTORE'
  | 'SCHEDULED'
  /** A backup file brought back from off Cloudflare. */
  | 'UPLOADED';

export type BeginImportInput = {
  admins: Array<ImportAdminInput>;
  /** Plan only: report what would happen, write nothing but the run's own record. */
  dryRun: Scalars['Boolean']['input'];
  inbounds: Array<ImportInboundInput>;
  nodes: Array<ImportNodeInput>;
  source: ImportSourceInput;
  /** How many users the batches will carry, for progress. */
  totalUsers: Scalars['Int']['input'];
  /** What the reader could not map (features, inbounds of protocols we do not serve, ...). */
  unmapped: Array<ImportIssueInput>;
};

/** How the panel takes money, with no secret's value in it. */
export type BillingStatus = {
  __typename?: 'BillingStatus';
  /** ONCHAIN_XPUB is set: invoices can get their own deposit addresses (the key itself is never shown). */
  onchainDepositSourceConfigured: Scalars['Boolean']['output'];
  stripe: StripeStatus;
};

/** An EVM chain invoices can be paid on. */
export type Chain = {
  __typename?: 'Chain';
  /** EIP-155 chain id. */
  chainId: Scalars['Int']['output'];
  /** Blocks a payment needs (its own included) before it is credited. */
  confirmations: Scalars['Int']['output'];
  enabled: Scalars['Boolean']['output'];
  /** A block explorer's base URL, e.g. https://etherscan.io; transactions link to <explorerUrl>/tx/<hash>. */
  explorerUrl?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Widest eth_getLogs block range the RPC accepts; payments are looked for in windows no wider. */
  logBlockRange: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  rpcUrl: Scalars['String']['output'];
};

/** Where and how much an on-chain payer must send. */
export type ChainDeposit = {
  __typename?: 'ChainDeposit';
  address: Scalars['String']['output'];
  amount: Scalars['String']['output'];
  amountUnits: Scalars['String']['output'];
  chainId: Scalars['Int']['output'];
  /** The chain's head at the last check; null before the first. */
  checkedBlock?: Maybe<Scalars['Int']['output']>;
  /** Blocks a payment needs before it is credited. */
  confirmationsRequired: Scalars['Int']['output'];
  eip681: Scalars['String']['output'];
  symbol: Scalars['String']['output'];
  tokenAddress?: Maybe<Scalars['String']['output']>;
};

/** A transfer seen for an invoice's deposit, good or bad. */
export type ChainPayment = {
  __typename?: 'ChainPayment';
  /** Smallest units of the token. */
  amountUnits: Scalars['String']['output'];
  blockNumber: Scalars['Int']['output'];
  /** Blocks on top of it, its own included, as of the last check of the chain. */
  confirmations: Scalars['Int']['output'];
  /** The chain's explorer page for the transaction; null when the chain has no explorerUrl. */
  explorerUrl?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  invoiceId: Scalars['ID']['output'];
  reason?: Maybe<ChainPaymentRejection>;
  seenAt: Scalars['DateTime']['output'];
  status: ChainPaymentStatus;
  toAddress: Scalars['String']['output'];
  tokenAddress?: Maybe<Scalars['String']['output']>;
  txHash: Scalars['String']['output'];
};

/** Why an on-chain transfer was not credited. */
export type ChainPaymentRejection =
  | 'AFTER_EXPIRY'
  | 'FAILED'
  /** The transaction already paid another invoice, or predates this one's deposit. */
  | 'REUSED'
  | 'UNDERPAID'
  | 'WRONG_RECIPIENT'
  | 'WRONG_TOKEN';

export type ChainPaymentStatus =
  | 'CREDITED'
  | 'PENDING'
  | 'REJECTED';

/** What the RPC answered. ok is true when it was reached, reported chainId, and (when asked) the token answered. */
export type ChainTestResult = {
  __typename?: 'ChainTestResult';
  latestBlock?: Maybe<Scalars['Int']['output']>;
  ok: Scalars['Boolean']['output'];
  /** Each thing that failed, in words an admin can act on. */
  problems: Array<Scalars['String']['output']>;
  reportedChainId?: Maybe<Scalars['Int']['output']>;
  tokenDecimals?: Maybe<Scalars['Int']['output']>;
  tokenSymbol?: Maybe<Scalars['String']['output']>;
};

/** A coin on a chain and the invoice currency it settles one-for-one. */
export type ChainToken = {
  __typename?: 'ChainToken';
  /** ERC-20 contract; null for the chain's native coin. */
  address?: Maybe<Scalars['String']['output']>;
  chain: Chain;
  currency: Scalars['String']['output'];
  decimals: Scalars['Int']['output'];
  enabled: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  symbol: Scalars['String']['output'];
};

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};

export type ChannelKind =
  | 'TELEGRAM'
  | 'WEBHOOK';

export type ConfigInboundChange = {
  __typename?: 'ConfigInboundChange';
  /** Which parts differ: protocol, port, transport, security, settings. */
  fields: Array<Scalars['String']['output']>;
  tag: Scalars['String']['output'];
};

export type ConfigOutcome =
  | 'APPLIED'
  /** The core would not run it; the previous config kept running: see error for the core's words. */
  | 'FAILED'
  /** Signed and sent; the agent has not said yet. */
  | 'ISSUED'
  /** The agent refused it (signature, version or expiry): see error. */
  | 'REJECTED'
  /** It started, failed, and the agent went back to the previous config: see error. */
  | 'ROLLED_BACK';

/** A user who appears in only one of the two versions (at most 200 listed; counts are exact). */
export type ConfigUserRef = {
  __typename?: 'ConfigUserRef';
  id: Scalars['ID']['output'];
  /** Null when the user no longer exists. */
  username?: Maybe<Scalars['String']['output']>;
};

export type CreateAdminInput = {
  maxDataLimit?: InputMaybe<Scalars['Bytes']['input']>;
  maxUsers?: InputMaybe<Scalars['Int']['input']>;
  password: Scalars['String']['input'];
  role: AdminRole;
  username: Scalars['String']['input'];
};

export type CreateChainInput = {
  chainId: Scalars['Int']['input'];
  confirmations?: InputMaybe<Scalars['Int']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  explorerUrl?: InputMaybe<Scalars['String']['input']>;
  /** Default 2000 (Alchemy's cap); lower it for a provider with a tighter one. */
  logBlockRange?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  rpcUrl: Scalars['String']['input'];
};

export type CreateChainTokenInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  chainId: Scalars['ID']['input'];
  currency: Scalars['String']['input'];
  decimals: Scalars['Int']['input'];
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  symbol: Scalars['String']['input'];
};

export type CreateGroupInput = {
  inboundIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  name: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};

export type CreateInboundInput = {
  port: Scalars['Int']['input'];
  protocol: Protocol;
  protocolSettings?: InputMaybe<ProtocolSettingsInput>;
  remark?: InputMaybe<Scalars['String']['input']>;
  security?: InputMaybe<Security>;
  securitySettings?: InputMaybe<SecuritySettingsInput>;
  tag: Scalars['String']['input'];
  transport?: InputMaybe<Transport>;
  transportSettings?: InputMaybe<TransportSettingsInput>;
};

export type CreateInvoiceInput = {
  /** One of the plan's price currencies. */
  currency: Scalars['String']['input'];
  planId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

export type CreatePlanInput = {
  dataLimit?: InputMaybe<Scalars['Bytes']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  deviceLimit?: InputMaybe<Scalars['Int']['input']>;
  durationDays?: InputMaybe<Scalars['Int']['input']>;
  groupIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  name: Scalars['String']['input'];
  prices: Array<PriceInput>;
  resetStrategy?: InputMaybe<ResetStrategy>;
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  visible?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateServerInput = {
  address: Scalars['String']['input'];
  inboundIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Degrees, -90 to 90. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Degrees, -180 to 180. */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  name: Scalars['String']['input'];
};

/** status may be ACTIVE (default), DISABLED or ON_HOLD (with onHoldExpireDays). ownerId needs an admin or the owner. */
export type CreateUserInput = {
  /** Explicit secrets, e.g. a moved customer's: omitted ones are generated on create and kept on update. */
  credentials?: InputMaybe<UserCredentialsInput>;
  dataLimit?: InputMaybe<Scalars['Bytes']['input']>;
  deviceLimit?: InputMaybe<Scalars['Int']['input']>;
  expireAt?: InputMaybe<Scalars['DateTime']['input']>;
  groupIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  note?: InputMaybe<Scalars['String']['input']>;
  onHoldExpireDays?: InputMaybe<Scalars['Int']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  resetStrategy?: InputMaybe<ResetStrategy>;
  status?: InputMaybe<UserStatus>;
  /** An explicit subscription token (16 to 128 of A-Z a-z 0-9 _ -), e.g. the one the customer's old link carries. */
  subToken?: InputMaybe<Scalars['String']['input']>;
  /** The user's Telegram chat id; empty string clears it. */
  telegramId?: InputMaybe<Scalars['String']['input']>;
  username: Scalars['String']['input'];
};

export type DeliveryStatus =
  /** Ran out of attempts (in the dead-letter queue); replay sends it again. */
  | 'DEAD'
  | 'DELIVERED'
  /** Queued, not yet attempted. */
  | 'PENDING'
  /** Failed at least once; another attempt is scheduled. */
  | 'RETRYING';

export type EventAudience =
  /** Panel-wide news: admins and the owner only. */
  | 'PANEL'
  /** About one user: its owning admin (a reseller: its own users only), admins and the owner hear it. */
  | 'USER';

/** Every kind of event, versioned: webhook payloads carry the same version. */
export type EventCatalogue = {
  __typename?: 'EventCatalogue';
  kinds: Array<EventKindInfo>;
  version: Scalars['Int']['output'];
};

/** One kind of event the panel emits. */
export type EventKindInfo = {
  __typename?: 'EventKindInfo';
  audience: EventAudience;
  description: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  severity: NotificationSeverity;
};

export type FinishOidcLoginInput = {
  code: Scalars['String']['input'];
  state: Scalars['String']['input'];
};

export type FinishPasskeyLoginInput = {
  challengeToken: Scalars['String']['input'];
  /** JSON.stringify of the browser's credential (PublicKeyCredential.toJSON(), an AuthenticationResponseJSON). */
  response: Scalars['String']['input'];
};

export type FinishPasskeyRegistrationInput = {
  challengeToken: Scalars['String']['input'];
  /** What the admin calls it, e.g. YubiKey or Work laptop. */
  name: Scalars['String']['input'];
  /** JSON.stringify of the browser's credential (PublicKeyCredential.toJSON(), a RegistrationResponseJSON). */
  response: Scalars['String']['input'];
};

/** A set of inbounds. Users in a group reach every inbound of the group on every node serving it. */
export type Group = {
  __typename?: 'Group';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  inbounds: Array<Inbound>;
  name: Scalars['String']['output'];
  note: Scalars['String']['output'];
  /** Members the caller can see: a reseller counts only its own users. */
  userCount: Scalars['Int']['output'];
};

/** A test on one request header (a missing header never matches). */
export type HeaderCondition = {
  __typename?: 'HeaderCondition';
  caseSensitive: Scalars['Boolean']['output'];
  /** Lower-case header name, e.g. user-agent, accept, x-hwid. */
  header: Scalars['String']['output'];
  operator: HeaderMatchOperator;
  value: Scalars['String']['output'];
};

export type HeaderConditionInput = {
  caseSensitive?: InputMaybe<Scalars['Boolean']['input']>;
  header: Scalars['String']['input'];
  operator: HeaderMatchOperator;
  value: Scalars['String']['input'];
};

export type HeaderMatchOperator =
  | 'CONTAINS'
  | 'EQUALS'
  | 'REGEX';

export type HealthStatus = {
  __typename?: 'HealthStatus';
  database: Scalars['Boolean']['output'];
  /** True when the panel and its database answer. */
  ok: Scalars['Boolean']['output'];
  time: Scalars['DateTime']['output'];
  version: Scalars['String']['output'];
};

/** A user's way into one peer inbound, with the secret it uses there when that differs from its credentials. */
export type ImportAccessInput = {
  /** vless flow in this inbound; empty string for none. */
  flow?: InputMaybe<Scalars['String']['input']>;
  inboundKey: Scalars['String']['input'];
  /** shadowsocks method in this inbound. */
  method?: InputMaybe<Scalars['String']['input']>;
  /** UUID (vless, vmess) or password (trojan, shadowsocks, hysteria2) in this inbound. */
  secret?: InputMaybe<Scalars['String']['input']>;
};

/** A peer admin. Resellers own the users whose ownerKey names them. */
export type ImportAdminInput = {
  key: Scalars['String']['input'];
  /** The peer's bcrypt hash: the admin signs in with the same password, rehashed on first sign-in. */
  passwordHash?: InputMaybe<Scalars['String']['input']>;
  role: AdminRole;
  username: Scalars['String']['input'];
};

export type ImportCount = {
  __typename?: 'ImportCount';
  conflicts: Scalars['Int']['output'];
  created: Scalars['Int']['output'];
  kind: ImportRecordKind;
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** Per-protocol secrets, as the peer holds them. */
export type ImportCredentialsInput = {
  hysteria2Password?: InputMaybe<Scalars['String']['input']>;
  shadowsocksPassword?: InputMaybe<Scalars['String']['input']>;
  trojanPassword?: InputMaybe<Scalars['String']['input']>;
  vlessId?: InputMaybe<Scalars['String']['input']>;
  vmessId?: InputMaybe<Scalars['String']['input']>;
};

/** A node the import created, with the one-time line that enrolls it (shown once). */
export type ImportEnrollment = {
  __typename?: 'ImportEnrollment';
  command: Scalars['String']['output'];
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
  serverId: Scalars['ID']['output'];
};

/** A peer inbound in our terms. Settings follow the shapes createInbound takes. */
export type ImportInboundInput = {
  /** The peer's identity for it (3x-ui inbound id, Marzban tag, Remnawave uuid). */
  key: Scalars['String']['input'];
  /** Keys of the peer nodes serving it. */
  nodeKeys: Array<Scalars['String']['input']>;
  port: Scalars['Int']['input'];
  protocol: Protocol;
  protocolSettings?: InputMaybe<ProtocolSettingsInput>;
  remark?: InputMaybe<Scalars['String']['input']>;
  security: Security;
  securitySettings?: InputMaybe<SecuritySettingsInput>;
  tag: Scalars['String']['input'];
  transport: Transport;
  transportSettings?: InputMaybe<TransportSettingsInput>;
};

/** One record the import did not (or could not) take as it is, and why. */
export type ImportIssue = {
  __typename?: 'ImportIssue';
  key: Scalars['String']['output'];
  kind: ImportRecordKind;
  name: Scalars['String']['output'];
  reason: Scalars['String']['output'];
};

/** Something of the peer's that has no place here, listed so nothing is dropped silently. */
export type ImportIssueInput = {
  key: Scalars['String']['input'];
  kind: ImportRecordKind;
  name: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};

/** What a Marzban/PasarGuard subscription token names; tokens minted before notBefore stay refused. */
export type ImportLegacyTokenInput = {
  /** max(created_at, sub_revoked_at) rounded up to the second. */
  notBefore: Scalars['DateTime']['input'];
  /** PasarGuard's newer tokens carry the numeric id. */
  peerUserId?: InputMaybe<Scalars['String']['input']>;
  /** Case as the peer stores it: Marzban tokens carry it. */
  username: Scalars['String']['input'];
};

/** A peer node: it becomes a pending node with its own enrollment line. */
export type ImportNodeInput = {
  address: Scalars['String']['input'];
  key: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type ImportRecordKind =
  | 'ADMIN'
  | 'GROUP'
  | 'INBOUND'
  | 'NODE'
  /** A panel setting the import changed (old subscription paths it maps). */
  | 'SETTING'
  | 'USER';

export type ImportReport = {
  __typename?: 'ImportReport';
  /** Taken with a change (a username made valid, an on-hold duration rounded up to days, ...). */
  adjusted: Array<ImportIssue>;
  /** Records left as they are here because they clash with something the import does not own. */
  conflicts: Array<ImportIssue>;
  counts: Array<ImportCount>;
  enrollments: Array<ImportEnrollment>;
  statusChanges: Array<ImportStatusChange>;
  /** Each list keeps its first entries only; counts are whole. */
  truncated: Scalars['Boolean']['output'];
  /** Peer features and records with no place here. */
  unmapped: Array<ImportIssue>;
};

export type ImportRun = {
  __typename?: 'ImportRun';
  dryRun: Scalars['Boolean']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  instance: Scalars['String']['output'];
  processedUsers: Scalars['Int']['output'];
  report: ImportReport;
  source: ImportSourceKind;
  startedAt: Scalars['DateTime']['output'];
  status: ImportRunStatus;
  totalUsers: Scalars['Int']['output'];
};

export type ImportRunStatus =
  | 'FAILED'
  | 'FINISHED'
  | 'RUNNING';

export type ImportSourceInput = {
  /** Names the peer panel (its host, say): re-runs with the same kind and instance match everything by the peer's identity. */
  instance: Scalars['String']['input'];
  kind: ImportSourceKind;
  /** Prefixes the old host served Xray JSON configs under (3x-ui's subJsonPath, /json/ by default). */
  subscriptionJsonPaths?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Path prefixes the old host served subscriptions under (3x-ui: /sub/ and /json/; Marzban: /sub/; Remnawave: /). */
  subscriptionPaths?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Marzban/PasarGuard jwt.secret_key: their subscription tokens are verified with it, never stored. */
  subscriptionSecret?: InputMaybe<Scalars['String']['input']>;
  /** The peer's version as the reader found it, for the report. */
  version?: InputMaybe<Scalars['String']['input']>;
};

export type ImportSourceKind =
  | 'MARZBAN'
  | 'PASARGUARD'
  | 'REMNAWAVE'
  | 'THREE_X_UI';

export type ImportStatusChange = {
  __typename?: 'ImportStatusChange';
  from: UserStatus;
  key: Scalars['String']['output'];
  to: UserStatus;
  username: Scalars['String']['output'];
};

export type ImportUserInput = {
  access: Array<ImportAccessInput>;
  createdAt?: InputMaybe<Scalars['DateTime']['input']>;
  credentials: ImportCredentialsInput;
  dataLimit?: InputMaybe<Scalars['Bytes']['input']>;
  deviceLimit?: InputMaybe<Scalars['Int']['input']>;
  /** The admin's switch on the peer. */
  enabled: Scalars['Boolean']['input'];
  expireAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The peer's identity for the user (3x-ui subId or email, Marzban/PasarGuard id, Remnawave id). */
  key: Scalars['String']['input'];
  legacyToken?: InputMaybe<ImportLegacyTokenInput>;
  lifetimeUsedTraffic?: InputMaybe<Scalars['Bytes']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  /** Waiting for first use; onHoldExpireSeconds then says for how long it runs. */
  onHold: Scalars['Boolean']['input'];
  onHoldExpireSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Key of the peer admin who owns the user. */
  ownerKey?: InputMaybe<Scalars['String']['input']>;
  /** Its status on the peer, so the report can list users whose status here would differ. */
  peerStatus: UserStatus;
  periodStartedAt?: InputMaybe<Scalars['DateTime']['input']>;
  resetStrategy: ResetStrategy;
  /** The peer's subscription token when it is stored (3x-ui subId, Remnawave shortUuid): the old path keeps resolving. */
  subToken?: InputMaybe<Scalars['String']['input']>;
  telegramId?: InputMaybe<Scalars['String']['input']>;
  usedTraffic: Scalars['Bytes']['input'];
  username: Scalars['String']['input'];
};

/** What disabled, limited and expired users get from their subscription link: never a working config. */
export type InactiveUserResponse =
  /** HTTP 403. */
  | 'FORBIDDEN'
  /** HTTP 404, exactly as for a link that never existed. */
  | 'NOT_FOUND'
  /** A config that cannot connect, whose name explains the state and how to renew. */
  | 'PLACEHOLDER';

/** A listener a node runs: one protocol on one port with its transport and security. */
export type Inbound = {
  __typename?: 'Inbound';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  port: Scalars['Int']['output'];
  protocol: Protocol;
  protocolSettings: ProtocolSettings;
  remark: Scalars['String']['output'];
  security: Security;
  securitySettings: SecuritySettings;
  /** Nodes that serve this inbound. */
  servers: Array<Server>;
  tag: Scalars['String']['output'];
  transport: Transport;
  transportSettings: TransportSettings;
  updatedAt: Scalars['DateTime']['output'];
};

export type InboundTraffic = {
  __typename?: 'InboundTraffic';
  download: Scalars['Bytes']['output'];
  server: Server;
  /** The inbound's tag on that node. */
  tag: Scalars['String']['output'];
  upload: Scalars['Bytes']['output'];
};

export type Invoice = {
  __typename?: 'Invoice';
  chainPayments: Array<ChainPayment>;
  createdAt: Scalars['DateTime']['output'];
  /** ADMIN or USER (from the subscription page). */
  createdBy: Scalars['String']['output'];
  currency: Scalars['String']['output'];
  deposit?: Maybe<ChainDeposit>;
  expiresAt: Scalars['DateTime']['output'];
  /** Why an admin should look at it (a refund under the FLAG policy). */
  flag?: Maybe<Scalars['String']['output']>;
  /** What happened to it, oldest first: issued, paid (by whom, with what reference), voided, refunded. */
  history: Array<AuditEntry>;
  id: Scalars['ID']['output'];
  lines: Array<InvoiceLine>;
  /** Sequential and never reused, e.g. INV-000042. */
  number: Scalars['String']['output'];
  paidAt?: Maybe<Scalars['DateTime']['output']>;
  paidVia?: Maybe<PaymentMethod>;
  paymentRef?: Maybe<Scalars['String']['output']>;
  plan?: Maybe<Plan>;
  refundedAt?: Maybe<Scalars['DateTime']['output']>;
  status: InvoiceStatus;
  /** The Stripe Checkout Session made for it (the last one, if the payer started several). */
  stripeSessionId?: Maybe<Scalars['String']['output']>;
  terms: InvoiceTerms;
  total: Scalars['String']['output'];
  /** The printable invoice the payer sees, with its payment options; null once the user is deleted. */
  url?: Maybe<Scalars['String']['output']>;
  /** Null once the user has been deleted; username keeps who was billed. */
  user?: Maybe<User>;
  username: Scalars['String']['output'];
};

export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  edges: Array<InvoiceEdge>;
  pageInfo: PageInfo;
};

export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  cursor: Scalars['String']['output'];
  node: Invoice;
};

export type InvoiceFilter = {
  /** Issued at or after. */
  createdFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Issued before. */
  createdTo?: InputMaybe<Scalars['DateTime']['input']>;
  /** e.g. USD */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** How it was paid. */
  method?: InputMaybe<PaymentMethod>;
  planId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<InvoiceStatus>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};

export type InvoiceLine = {
  __typename?: 'InvoiceLine';
  description: Scalars['String']['output'];
  quantity: Scalars['Int']['output'];
  unitAmount: Scalars['String']['output'];
};

export type InvoiceStatus =
  /** Not paid in time; a late on-chain payment is never credited. */
  | 'EXPIRED'
  | 'OPEN'
  | 'PAID'
  /** Some of the amount arrived on-chain, not all: an admin decides. */
  | 'PARTIALLY_PAID'
  | 'REFUNDED'
  /** Cancelled by an admin before it was paid. */
  | 'VOID';

/** The plan as sold, frozen into the invoice: what paying it applies, whatever the plan says now. */
export type InvoiceTerms = {
  __typename?: 'InvoiceTerms';
  /** Null means unlimited. */
  dataLimit?: Maybe<Scalars['Bytes']['output']>;
  /** Null leaves the user's device limit as it is. */
  deviceLimit?: Maybe<Scalars['Int']['output']>;
  /** Null means no expiry. */
  durationDays?: Maybe<Scalars['Int']['output']>;
  /** Names of the groups the buyer is put in (groups deleted since are left out). */
  groups: Array<Scalars['String']['output']>;
  planName: Scalars['String']['output'];
  resetStrategy: ResetStrategy;
};

/** Progress of a backup or restore, as its last finished step left it. */
export type JobProgress = {
  __typename?: 'JobProgress';
  phase: Scalars['String']['output'];
  rowsDone: Scalars['Int']['output'];
  rowsTotal: Scalars['Int']['output'];
  tablesDone: Scalars['Int']['output'];
  tablesTotal: Scalars['Int']['output'];
};

/** A path prefix of the panel users moved from, answered as /sub/ is, so the links their phones hold keep working. */
export type LegacySubscriptionPath = {
  __typename?: 'LegacySubscriptionPath';
  /** Forces this format (3x-ui's /json/ is XRAY_JSON); null lets the client's rules choose. PAGE is not accepted. */
  format?: Maybe<SubscriptionFormat>;
  /** Starts and ends with /, e.g. /xui-sub/, /json/, or / for Remnawave's https://host/<shortUuid> (then only for tokens that exist, never over the panel's own pages). */
  prefix: Scalars['String']['output'];
};

export type LegacySubscriptionPathInput = {
  format?: InputMaybe<SubscriptionFormat>;
  prefix: Scalars['String']['input'];
};

export type LinkOidcIdentityInput = {
  adminId: Scalars['ID']['input'];
  kind: OidcIdentityKind;
  value: Scalars['String']['input'];
};

export type LoginInput = {
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

/** GET /metrics (Prometheus text format) with Authorization: Bearer <token>. */
export type MetricsEndpoint = {
  __typename?: 'MetricsEndpoint';
  /** A token is set; the endpoint answers 404 until one is. */
  enabled: Scalars['Boolean']['output'];
  path: Scalars['String']['output'];
  tokenCreatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** The scrape token, shown only now. */
export type MetricsToken = {
  __typename?: 'MetricsToken';
  endpoint: MetricsEndpoint;
  token: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Applies a plan without an invoice, by the same extend-or-renew rule as a payment. */
  applyPlan: User;
  /** Starts a backup and returns it RUNNING; poll backup(id) or watch its progress. */
  backupDatabase: BackupResult;
  /** Starts a dry run or an import: inbounds, nodes and admins now, users in importUsers batches. */
  beginImport: ImportRun;
  /** Starts OpenID Connect sign-in (authorization code + PKCE; state and nonce are kept on the server for five minutes). */
  beginOidcLogin: OidcSignIn;
  /** Sign-in with a discoverable passkey: no username needed. */
  beginPasskeyLogin: PasskeyCeremony;
  beginPasskeyRegistration: PasskeyCeremony;
  /** Step 1 of turning TOTP on: a new secret (not in force until confirmed). Restarting replaces an unconfirmed one. */
  beginTotpEnrollment: TotpEnrollment;
  /** Changes the signed-in admin's password and ends every other session it has. */
  changePassword: Scalars['Boolean']['output'];
  /** Second step of signIn: the challenge and a TOTP or backup code. */
  completeSecondFactor: AuthPayload;
  /** Sets the bot token (checked with getMe) and registers the webhook with a fresh secret token. */
  configureTelegramBot: TelegramBot;
  /** Step 2: a current code from the app turns TOTP on. Returns ten one-time backup codes, shown only now. */
  confirmTotpEnrollment: Array<Scalars['String']['output']>;
  createAdmin: Admin;
  createChain: Chain;
  createChainToken: ChainToken;
  createGroup: Group;
  createInbound: Inbound;
  createInvoice: Invoice;
  createPlan: Plan;
  createServer: Server;
  /** Issues a one-time enrollment token; enrolling with it replaces the server's agent key. */
  createServerEnrollment: ServerEnrollment;
  createUser: User;
  createWebhookChannel: WebhookChannelWithSecret;
  deleteAdmin: Scalars['Boolean']['output'];
  /** Uploaded releases only; the built-in one cannot be deleted. */
  deleteAgentRelease: Scalars['Boolean']['output'];
  deleteBackup: Scalars['Boolean']['output'];
  deleteGroup: Scalars['Boolean']['output'];
  deleteInbound: Scalars['Boolean']['output'];
  deleteNotificationChannel: Scalars['Boolean']['output'];
  deletePlan: Scalars['Boolean']['output'];
  deleteServer: Scalars['Boolean']['output'];
  deleteUser: Scalars['Boolean']['output'];
  /** Turns TOTP off; needs a current TOTP or backup code. */
  disableTotp: Scalars['Boolean']['output'];
  /** Reads a peer panel's API for the Import page. */
  fetchPeerApi: PeerApiResponse;
  /** Ends the run: audits it with its report and returns the enrollment lines of nodes it created. */
  finishImport: ImportRun;
  /** Finishes it: state must be one this panel issued and not yet used; the ID token's signature, issuer, audience and nonce are checked. */
  finishOidcLogin: AuthPayload;
  /** A passkey with user verification is a complete sign-in: no TOTP step follows. */
  finishPasskeyLogin: AuthPayload;
  finishPasskeyRegistration: Passkey;
  /** One batch of at most 1,000 users, in the order the reader yields them. */
  importUsers: ImportRun;
  linkOidcIdentity: OidcIdentity;
  /** A link that makes the caller's Telegram chat a TELEGRAM channel of the caller (valid 15 minutes). */
  linkTelegramChat: TelegramLinkOffer;
  /** Password sign-in for admins without TOTP. An admin with TOTP gets UNAUTHENTICATED with extensions.secondFactorRequired: use signIn. */
  login: AuthPayload;
  /** Ends the current session: its access and refresh tokens stop working. */
  logout: Scalars['Boolean']['output'];
  /** Marks an invoice paid by other means (cash, bank transfer) and applies its plan, once; reference says why and is audited. */
  markInvoicePaid: Invoice;
  /** Marks these events read for the caller, or all it can see when all is true; returns how many changed. */
  markNotificationsRead: Scalars['Int']['output'];
  /** Marks these events unread again for the caller. */
  markNotificationsUnread: Scalars['Int']['output'];
  refreshToken: AuthPayload;
  /** Refunds a paid invoice: card payments through Stripe, others are recorded as refunded by hand; revoke ends the user's time now. */
  refundInvoice: Invoice;
  /** Ten new backup codes (the old ones stop working); needs a current TOTP or backup code. */
  regenerateBackupCodes: Array<Scalars['String']['output']>;
  /** The last passkey cannot be removed while password sign-in is off. */
  removePasskey: Scalars['Boolean']['output'];
  /** Deletes the webhook at Telegram and forgets the token; linked chats stay linked for a new token of the same bot. */
  removeTelegramBot: Scalars['Boolean']['output'];
  /** Forgets a device, freeing its place under the device limit. False when it was not on record. */
  removeUserDevice: Scalars['Boolean']['output'];
  renamePasskey: Passkey;
  /** Replays every dead delivery of a channel; returns how many. */
  replayDeadDeliveries: Scalars['Int']['output'];
  /** Sends a dead or failed delivery again, as a new attempt with the same webhook-id. */
  replayDelivery: NotificationDelivery;
  /** restartService that returns the operations to watch. */
  requestServiceRestart: Array<NodeOperation>;
  /** After putting a new key first in SECRETS_KEY: reseals every secret under it and returns how many moved. Then the old key can go (README: Access security). */
  resealSecrets: Scalars['Int']['output'];
  /** Goes back to the built-in rules. */
  resetSubscriptionRules: Array<SubscriptionRule>;
  /** Sets used traffic back to 0 now (a LIMITED user becomes ACTIVE); the reset schedule keeps its dates. */
  resetUserUsage: User;
  /** Restarts the service (the seed's operation) on one node, or on every enrolled node when serverId is omitted. True once queued. */
  restartService: Scalars['Boolean']['output'];
  /**
   * Replaces the panel's data with the backup's, after taking a backup of the panel as it is (unless
   * it is empty). confirm must repeat the backup's id. Refuses a backup from a newer schema and one
   * whose files do not match its manifest. Everyone is signed out when it completes.
   */
  restoreBackup: RestoreResult;
  /** Turns /metrics off. */
  revokeMetricsToken: Scalars['Boolean']['output'];
  /** Ends every other session of the signed-in admin; returns how many were ended. */
  revokeOtherSessions: Scalars['Int']['output'];
  /** Ends one of the signed-in admin's own sessions (its access token stops working at once). */
  revokeSession: Scalars['Boolean']['output'];
  /**
   * Re-issues version's inbounds and routing as a new config version and pins the node to them.
   * Users are reconciled to now: only users active now are served, with their current secrets and
   * limits, so a user cut since stays cut. unpinNodeConfig returns to the live config.
   */
  rollbackNodeConfig: Server;
  /** A new scrape token (the old one stops working at once). */
  rotateMetricsToken: MetricsToken;
  /** Issues a new subscription link; the old one stops working at once. */
  rotateSubscriptionToken: User;
  /** Revokes a leaked config: new UUIDs and passwords for every protocol. Nodes drop the old ones (open connections included) within seconds; the subscription link stays and serves the new ones, so the user must refresh it. */
  rotateUserCredentials: User;
  /** A new secret, shown once; the old one stops signing at once. */
  rotateWebhookSecret: WebhookChannelWithSecret;
  /**
   * Sets an admin's IP allowlist (e.g. ["203.0.113.0/24", "2001:db8::/32"]); [] allows anywhere.
   * adminId defaults to the signed-in admin; only the owner sets another's. A list without the
   * caller's own current address is refused. Returns the list in canonical form.
   */
  setIpAllowlist: Array<Scalars['String']['output']>;
  /** Password sign-in on or off for the signed-in admin; off needs at least one passkey. Returns the new state. */
  setPasswordLogin: Scalars['Boolean']['output'];
  /** Gives a node its own policy, or with policy null makes it follow the panel-wide one again. */
  setServerRoutingPolicyOverride: Server;
  /** Password sign-in, first step: a session, or a SecondFactorChallenge for admins with TOTP. */
  signIn: SignInResult;
  /** Asks the RPC for its chain id and latest block (and a token's decimals and symbol) without saving anything. */
  testChain: ChainTestResult;
  /** Sends a test event (kind test.ping) to the channel now; returns its delivery. */
  testNotificationChannel: NotificationDelivery;
  /** Raises a reseller's data quota (maxDataLimit) by bytes, so its balance grows by as much. */
  topUpResellerQuota: Admin;
  unlinkOidcIdentity: Scalars['Boolean']['output'];
  unpinNodeConfig: Server;
  updateAdmin: Admin;
  /** Moves one node, or every enrolled node, to an agent release; nodes already on it are left alone. */
  updateAgent: Array<NodeOperation>;
  updateChain: Chain;
  updateChainToken: ChainToken;
  updateGroup: Group;
  updateInbound: Inbound;
  updateNotificationChannel: NotificationChannel;
  updatePlan: Plan;
  /** Replaces the panel-wide policy; every node restarts its core with it (a validated restart). */
  updateRoutingPolicy: RoutingPolicy;
  updateServer: Server;
  updateSettings: Settings;
  /** Replaces the whole ordered list. */
  updateSubscriptionRules: Array<SubscriptionRule>;
  updateUser: User;
  /** Cancels an unpaid invoice. */
  voidInvoice: Invoice;
};


export type MutationApplyPlanArgs = {
  planId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationBeginImportArgs = {
  input: BeginImportInput;
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationCompleteSecondFactorArgs = {
  input: SecondFactorInput;
};


export type MutationConfigureTelegramBotArgs = {
  token: Scalars['String']['input'];
};


export type MutationConfirmTotpEnrollmentArgs = {
  code: Scalars['String']['input'];
};


export type MutationCreateAdminArgs = {
  input: CreateAdminInput;
};


export type MutationCreateChainArgs = {
  input: CreateChainInput;
};


export type MutationCreateChainTokenArgs = {
  input: CreateChainTokenInput;
};


export type MutationCreateGroupArgs = {
  input: CreateGroupInput;
};


export type MutationCreateInboundArgs = {
  input: CreateInboundInput;
};


export type MutationCreateInvoiceArgs = {
  input: CreateInvoiceInput;
};


export type MutationCreatePlanArgs = {
  input: CreatePlanInput;
};


export type MutationCreateServerArgs = {
  input: CreateServerInput;
};


export type MutationCreateServerEnrollmentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationCreateWebhookChannelArgs = {
  input: WebhookChannelInput;
};


export type MutationDeleteAdminArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteAgentReleaseArgs = {
  version: Scalars['String']['input'];
};


export type MutationDeleteBackupArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteGroupArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteInboundArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteNotificationChannelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeletePlanArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteServerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteUserArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisableTotpArgs = {
  code: Scalars['String']['input'];
};


export type MutationFetchPeerApiArgs = {
  input: PeerApiRequestInput;
};


export type MutationFinishImportArgs = {
  runId: Scalars['ID']['input'];
};


export type MutationFinishOidcLoginArgs = {
  input: FinishOidcLoginInput;
};


export type MutationFinishPasskeyLoginArgs = {
  input: FinishPasskeyLoginInput;
};


export type MutationFinishPasskeyRegistrationArgs = {
  input: FinishPasskeyRegistrationInput;
};


export type MutationImportUsersArgs = {
  runId: Scalars['ID']['input'];
  users: Array<ImportUserInput>;
};


export type MutationLinkOidcIdentityArgs = {
  input: LinkOidcIdentityInput;
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationMarkInvoicePaidArgs = {
  id: Scalars['ID']['input'];
  reference: Scalars['String']['input'];
};


export type MutationMarkNotificationsReadArgs = {
  all?: InputMaybe<Scalars['Boolean']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationMarkNotificationsUnreadArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationRefreshTokenArgs = {
  token: Scalars['String']['input'];
};


export type MutationRefundInvoiceArgs = {
  id: Scalars['ID']['input'];
  revoke: Scalars['Boolean']['input'];
};


export type MutationRegenerateBackupCodesArgs = {
  code: Scalars['String']['input'];
};


export type MutationRemovePasskeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveUserDeviceArgs = {
  hwid: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRenamePasskeyArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type MutationReplayDeadDeliveriesArgs = {
  channelId: Scalars['ID']['input'];
};


export type MutationReplayDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRequestServiceRestartArgs = {
  serverId?: InputMaybe<Scalars['ID']['input']>;
  service: ServiceType;
};


export type MutationResetUserUsageArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestartServiceArgs = {
  serverId?: InputMaybe<Scalars['ID']['input']>;
  service: ServiceType;
};


export type MutationRestoreBackupArgs = {
  confirm: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRevokeSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRollbackNodeConfigArgs = {
  serverId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRotateSubscriptionTokenArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationRotateUserCredentialsArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetIpAllowlistArgs = {
  adminId?: InputMaybe<Scalars['ID']['input']>;
  cidrs: Array<Scalars['String']['input']>;
};


export type MutationSetPasswordLoginArgs = {
  enabled: Scalars['Boolean']['input'];
};


export type MutationSetServerRoutingPolicyOverrideArgs = {
  id: Scalars['ID']['input'];
  policy?: InputMaybe<RoutingPolicyInput>;
};


export type MutationSignInArgs = {
  input: LoginInput;
};


export type MutationTestChainArgs = {
  input: TestChainInput;
};


export type MutationTestNotificationChannelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationTopUpResellerQuotaArgs = {
  adminId: Scalars['ID']['input'];
  bytes: Scalars['Bytes']['input'];
};


export type MutationUnlinkOidcIdentityArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUnpinNodeConfigArgs = {
  serverId: Scalars['ID']['input'];
};


export type MutationUpdateAdminArgs = {
  id: Scalars['ID']['input'];
  input: UpdateAdminInput;
};


export type MutationUpdateAgentArgs = {
  serverId?: InputMaybe<Scalars['ID']['input']>;
  version: Scalars['String']['input'];
};


export type MutationUpdateChainArgs = {
  id: Scalars['ID']['input'];
  input: UpdateChainInput;
};


export type MutationUpdateChainTokenArgs = {
  id: Scalars['ID']['input'];
  input: UpdateChainTokenInput;
};


export type MutationUpdateGroupArgs = {
  id: Scalars['ID']['input'];
  input: UpdateGroupInput;
};


export type MutationUpdateInboundArgs = {
  id: Scalars['ID']['input'];
  input: UpdateInboundInput;
};


export type MutationUpdateNotificationChannelArgs = {
  id: Scalars['ID']['input'];
  input: NotificationChannelInput;
};


export type MutationUpdatePlanArgs = {
  id: Scalars['ID']['input'];
  input: UpdatePlanInput;
};


export type MutationUpdateRoutingPolicyArgs = {
  input: RoutingPolicyInput;
};


export type MutationUpdateServerArgs = {
  id: Scalars['ID']['input'];
  input: UpdateServerInput;
};


export type MutationUpdateSettingsArgs = {
  input: UpdateSettingsInput;
};


export type MutationUpdateSubscriptionRulesArgs = {
  rules: Array<SubscriptionRuleInput>;
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};


export type MutationVoidInvoiceArgs = {
  id: Scalars['ID']['input'];
};

/** A remote operation, delivered in the node's signed config. */
export type NodeOperation = {
  __typename?: 'NodeOperation';
  configVersion?: Maybe<Scalars['Int']['output']>;
  /** The agent's words: what happened, or the core's error. */
  detail?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  kind: NodeOperationKind;
  notAfter: Scalars['DateTime']['output'];
  requestedAt: Scalars['DateTime']['output'];
  requestedBy?: Maybe<Scalars['String']['output']>;
  server: Server;
  status: NodeOperationStatus;
  /** UPDATE_AGENT: the version the node is moved to. */
  targetVersion?: Maybe<Scalars['String']['output']>;
};

export type NodeOperationKind =
  | 'RELOAD_AGENT'
  | 'RESTART_CORE'
  | 'UPDATE_AGENT';

export type NodeOperationStatus =
  /** Not started before its deadline (the node was away). */
  | 'EXPIRED'
  | 'FAILED'
  /** Waiting for the node's next config. */
  | 'PENDING'
  | 'RUNNING'
  /** In a signed config the agent fetched. */
  | 'SENT'
  | 'SUCCEEDED';

export type Notification = {
  __typename?: 'Notification';
  at: Scalars['DateTime']['output'];
  /** The kind's payload as the event catalogue describes it. */
  data?: Maybe<Scalars['JSON']['output']>;
  id: Scalars['ID']['output'];
  invoiceId?: Maybe<Scalars['ID']['output']>;
  /** What happened, e.g. server.offline, server.online, user.limited, user.expired, user.enabled, user.disabled. */
  kind: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** Whether the signed-in admin has read it (always false on the live subscription). */
  read: Scalars['Boolean']['output'];
  serverId?: Maybe<Scalars['ID']['output']>;
  severity: NotificationSeverity;
  userId?: Maybe<Scalars['ID']['output']>;
};

/** Where one admin's events go. A reseller's channels hear only its own users' events. */
export type NotificationChannel = {
  __typename?: 'NotificationChannel';
  createdAt: Scalars['DateTime']['output'];
  /** Deliveries that reached it in the last 24 hours. */
  delivered24h: Scalars['Int']['output'];
  /** Why the panel turned it off (the endpoint answered 410 Gone, the chat blocked the bot); null while it may deliver. */
  disabledReason?: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  /** Event kinds delivered; empty is every kind the owner may hear. */
  eventKinds: Array<Scalars['String']['output']>;
  /** Deliveries retrying or dead. */
  failing: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: ChannelKind;
  language: NotificationLanguage;
  name: Scalars['String']['output'];
  /** The admin whose channel it is. */
  owner: Scalars['String']['output'];
  /** The linked Telegram chat; null for webhooks. */
  telegramChatId?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Webhook endpoint; null for Telegram. */
  url?: Maybe<Scalars['String']['output']>;
};

/** Omitted fields keep their values. */
export type NotificationChannelInput = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  eventKinds?: InputMaybe<Array<Scalars['String']['input']>>;
  language?: InputMaybe<NotificationLanguage>;
  name?: InputMaybe<Scalars['String']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  edges: Array<NotificationEdge>;
  pageInfo: PageInfo;
  /** Unread events the caller can see (not only on this page). */
  unreadCount: Scalars['Int']['output'];
};

/** One event to one channel. */
export type NotificationDelivery = {
  __typename?: 'NotificationDelivery';
  attempts: Scalars['Int']['output'];
  channel: NotificationChannel;
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  eventId: Scalars['ID']['output'];
  eventKind: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  /** The endpoint's last HTTP status (or Telegram's error_code). */
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  status: DeliveryStatus;
  updatedAt: Scalars['DateTime']['output'];
};

export type NotificationDeliveryConnection = {
  __typename?: 'NotificationDeliveryConnection';
  edges: Array<NotificationDeliveryEdge>;
  pageInfo: PageInfo;
};

export type NotificationDeliveryEdge = {
  __typename?: 'NotificationDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: NotificationDelivery;
};

export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  cursor: Scalars['String']['output'];
  node: Notification;
};

export type NotificationLanguage =
  | 'EN'
  | 'FA'
  | 'RU'
  | 'ZH';

export type NotificationSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'WARNING';

/** An identity at the OpenID provider that signs in as an admin. */
export type OidcIdentity = {
  __typename?: 'OidcIdentity';
  adminId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: OidcIdentityKind;
  value: Scalars['String']['output'];
};

export type OidcIdentityKind =
  /** An email address the provider reports as verified (email_verified). */
  | 'EMAIL'
  /** The provider's stable user id (the sub claim). */
  | 'SUBJECT';

/**
 * Send the browser to authorizationUrl. The provider returns it to /login/oidc?code=...&state=...
 * on this panel's origin; that page calls finishOidcLogin with both.
 */
export type OidcSignIn = {
  __typename?: 'OidcSignIn';
  authorizationUrl: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** Cursor pagination: first is 1 to 100 (default 50); after is a cursor from a previous page. */
export type Pagination = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A WebAuthn credential (passkey) of the signed-in admin. */
export type Passkey = {
  __typename?: 'Passkey';
  createdAt: Scalars['DateTime']['output'];
  /** The credential id (base64url). */
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
};

/**
 * Server-side state of a WebAuthn ceremony (single use, five minutes). Pass options to
 * navigator.credentials.create/get (decode base64url fields, or use @simplewebauthn/browser's
 * startRegistration/startAuthentication), then send the result back with challengeToken.
 */
export type PasskeyCeremony = {
  __typename?: 'PasskeyCeremony';
  challengeToken: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  /** PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON. */
  options: Scalars['JSON']['output'];
};

export type PaymentMethod =
  | 'MANUAL'
  | 'ONCHAIN'
  | 'STRIPE';

/** One request the Import page's API readers make to a peer panel, sent from the panel (browsers reach only this origin). */
export type PeerApiRequestInput = {
  /** e.g. Bearer <token>. */
  authorization?: InputMaybe<Scalars['String']['input']>;
  body?: InputMaybe<Scalars['String']['input']>;
  /** application/x-www-form-urlencoded or application/json. */
  contentType?: InputMaybe<Scalars['String']['input']>;
  /** GET or POST. */
  method: Scalars['String']['input'];
  /** Absolute http(s) URL of the peer's endpoint. */
  url: Scalars['String']['input'];
};

/** The peer's answer as it came: redirects are not followed, bodies over 8 MiB are refused. */
export type PeerApiResponse = {
  __typename?: 'PeerApiResponse';
  body: Scalars['String']['output'];
  contentType: Scalars['String']['output'];
  status: Scalars['Int']['output'];
};

/**
 * What a user can buy. Applying it renews a LIMITED or EXPIRED user (usage from zero, limit and
 * expiry from now) and extends anyone else (data and days added to what is left).
 */
export type Plan = {
  __typename?: 'Plan';
  createdAt: Scalars['DateTime']['output'];
  /** Null means unlimited. */
  dataLimit?: Maybe<Scalars['Bytes']['output']>;
  description: Scalars['String']['output'];
  /** Null leaves the user's device limit as it is. */
  deviceLimit?: Maybe<Scalars['Int']['output']>;
  /** Null means no expiry. */
  durationDays?: Maybe<Scalars['Int']['output']>;
  /** Groups the buyer is put in; empty leaves the buyer's groups alone. */
  groups: Array<Group>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  prices: Array<Price>;
  resetStrategy: ResetStrategy;
  sortOrder: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Offered on the subscription page; hidden plans are sold by an admin only. */
  visible: Scalars['Boolean']['output'];
};

/** An amount in one currency, as a decimal string ("4.99", "0.002"). */
export type Price = {
  __typename?: 'Price';
  amount: Scalars['String']['output'];
  currency: Scalars['String']['output'];
};

export type PriceInput = {
  amount: Scalars['String']['input'];
  currency: Scalars['String']['input'];
};

export type Protocol =
  | 'HYSTERIA2'
  | 'SHADOWSOCKS'
  | 'TROJAN'
  | 'VLESS'
  | 'VMESS';

export type ProtocolSettings = {
  __typename?: 'ProtocolSettings';
  /** vless: xtls-rprx-vision (TCP with TLS or REALITY). */
  flow?: Maybe<Scalars['String']['output']>;
  /** shadowsocks: the cipher. */
  method?: Maybe<Scalars['String']['output']>;
  /** hysteria2: salamander obfuscation password. */
  obfsPassword?: Maybe<Scalars['String']['output']>;
  /** shadowsocks 2022: the server key clients combine with their own, base64. Generated. */
  serverKey?: Maybe<Scalars['String']['output']>;
};

export type ProtocolSettingsInput = {
  flow?: InputMaybe<Scalars['String']['input']>;
  method?: InputMaybe<Scalars['String']['input']>;
  obfsPassword?: InputMaybe<Scalars['String']['input']>;
  /** shadowsocks-2022 only: the server key (base64 of the method's key length), e.g. a moved inbound's; generated when left out. */
  serverKey?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  admin?: Maybe<Admin>;
  admins: Array<Admin>;
  agentReleases: Array<AgentRelease>;
  analytics: Analytics;
  /** Newest first. Resellers see only their own actions. */
  auditLog: AuditEntryConnection;
  backup?: Maybe<BackupResult>;
  /** Newest first. */
  backups: Array<BackupResult>;
  billingStatus: BillingStatus;
  /** Transfers seen on-chain across invoices, newest first: e.g. every REJECTED one, for review. */
  chainPayments: Array<ChainPayment>;
  chainTokens: Array<ChainToken>;
  chains: Array<Chain>;
  eventCatalogue: EventCatalogue;
  group?: Maybe<Group>;
  groups: Array<Group>;
  /** Needs no sign-in: for uptime monitors. */
  healthCheck: HealthStatus;
  importRun?: Maybe<ImportRun>;
  /** Newest first. */
  importRuns: Array<ImportRun>;
  inbound?: Maybe<Inbound>;
  inbounds: Array<Inbound>;
  invoice?: Maybe<Invoice>;
  /** Newest first. A reseller sees the invoices of its own users. */
  invoices: InvoiceConnection;
  /** The signed-in admin. */
  me: Admin;
  metricsEndpoint: MetricsEndpoint;
  myPasskeys: Array<Passkey>;
  /** The signed-in admin's live sessions, most recently used first. */
  mySessions: Array<Session>;
  /** Newest first; one node's or every node's. */
  nodeOperations: Array<NodeOperation>;
  /** The caller's channels (the owner: everyone's). */
  notificationChannels: Array<NotificationChannel>;
  /** The delivery log, newest first: the caller's channels (the owner: all); status DEAD is the dead-letter view. */
  notificationDeliveries: NotificationDeliveryConnection;
  /** The notification centre, newest first: what the caller may hear (a reseller: its own users). kinds narrows to those kinds. */
  notificationFeed: NotificationConnection;
  oidcIdentities: Array<OidcIdentity>;
  plan?: Maybe<Plan>;
  /** In sort order; hidden plans too unless visibleOnly. */
  plans: Array<Plan>;
  restore?: Maybe<RestoreResult>;
  /** Newest first. */
  restores: Array<RestoreResult>;
  /** The panel-wide routing policy, for every node without an override. */
  routingPolicy: RoutingPolicy;
  server?: Maybe<Server>;
  /** One issued config as JSON, user secrets redacted. */
  serverConfig: Scalars['JSON']['output'];
  serverConfigDiff: ServerConfigDiff;
  servers: Array<Server>;
  settings: Settings;
  signInOptions: SignInOptions;
  /** The ordered format rules subscription requests are matched against. */
  subscriptionRules: Array<SubscriptionRule>;
  systemMetrics: SystemMetrics;
  systemStatus: SystemStatus;
  telegramBot: TelegramBot;
  /**
   * Traffic over time for the dashboard (all users the caller can see) or one user. DAY: 24 hourly points; WEEK: 7 daily; MONTH: 30 daily.
   * The last point is the current hour or day. One user's history is daily, so for one user DAY is 2 daily points: yesterday and today (UTC).
   */
  trafficSeries: Array<TrafficPoint>;
  trafficStats: TrafficStats;
  twoFactor: TwoFactorStatus;
  /** Newest first; a reseller sees its own users' only. */
  usageAnomalies: Array<UsageAnomaly>;
  user?: Maybe<User>;
  /** Devices that fetched the user's subscription, most recent first. */
  userDevices: Array<UserDevice>;
  /** Newest first unless order is given. Resellers see only their own users. A cursor works only with the order it came from. */
  users: UserConnection;
};


export type QueryAdminArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAnalyticsArgs = {
  period: TimePeriod;
};


export type QueryAuditLogArgs = {
  filter?: InputMaybe<AuditFilter>;
  page?: InputMaybe<Pagination>;
};


export type QueryBackupArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBackupsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryChainPaymentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ChainPaymentStatus>;
};


export type QueryGroupArgs = {
  id: Scalars['ID']['input'];
};


export type QueryImportRunArgs = {
  id: Scalars['ID']['input'];
};


export type QueryImportRunsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryInboundArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInvoiceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInvoicesArgs = {
  filter?: InputMaybe<InvoiceFilter>;
  page?: InputMaybe<Pagination>;
};


export type QueryNodeOperationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  serverId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryNotificationDeliveriesArgs = {
  channelId?: InputMaybe<Scalars['ID']['input']>;
  page?: InputMaybe<Pagination>;
  status?: InputMaybe<DeliveryStatus>;
};


export type QueryNotificationFeedArgs = {
  kinds?: InputMaybe<Array<Scalars['String']['input']>>;
  language?: InputMaybe<NotificationLanguage>;
  page?: InputMaybe<Pagination>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryPlanArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPlansArgs = {
  visibleOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryRestoreArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRestoresArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryServerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryServerConfigArgs = {
  serverId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type QueryServerConfigDiffArgs = {
  from: Scalars['Int']['input'];
  serverId: Scalars['ID']['input'];
  to: Scalars['Int']['input'];
};


export type QueryServersArgs = {
  filter?: InputMaybe<ServerFilter>;
};


export type QueryTrafficSeriesArgs = {
  range: TrafficRange;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryTrafficStatsArgs = {
  period: TimePeriod;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryUsageAnomaliesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<AnomalyKind>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUserDevicesArgs = {
  userId: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  filter?: InputMaybe<UserFilter>;
  order?: InputMaybe<UserOrder>;
  page?: InputMaybe<Pagination>;
};

/** At the pace of the last 7 days. */
export type QuotaForecast = {
  __typename?: 'QuotaForecast';
  /** Average bytes per day over the last 7 days. */
  dailyAverage: Scalars['Bytes']['output'];
  /** Days until the data runs out at this pace; null without a limit or without usage. */
  daysLeft?: Maybe<Scalars['Float']['output']>;
  /** Bytes left this period; null without a data limit. */
  remaining?: Maybe<Scalars['Bytes']['output']>;
  runsOutAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether the data runs out before the user expires or its period resets. */
  runsOutFirst: Scalars['Boolean']['output'];
};

/** What a card refund reported by Stripe does to the user who bought with it. */
export type RefundPolicy =
  /** The invoice is flagged for an admin; the user keeps what it bought. */
  | 'FLAG'
  /** The user's time ends now; an admin can give it back. */
  | 'REVOKE';

export type ResetStrategy =
  | 'DAY'
  | 'MONTH'
  | 'NONE'
  | 'WEEK'
  | 'YEAR';

export type RestoreResult = {
  __typename?: 'RestoreResult';
  backupId: Scalars['ID']['output'];
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  progress?: Maybe<JobProgress>;
  /** The backup taken of the panel just before it was overwritten; null when the panel was empty. */
  safetyBackupId?: Maybe<Scalars['ID']['output']>;
  startedAt: Scalars['DateTime']['output'];
  startedBy?: Maybe<Scalars['String']['output']>;
  status: RestoreStatus;
  /** Tables whose row counts and checksums matched the manifest after the restore. */
  verifiedTables?: Maybe<Scalars['Int']['output']>;
};

export type RestoreStatus =
  | 'COMPLETE'
  | 'FAILED'
  | 'RUNNING'
  | 'VERIFYING';

export type RevenueByPlan = {
  __typename?: 'RevenueByPlan';
  currency: Scalars['String']['output'];
  invoicesPaid: Scalars['Int']['output'];
  net: Scalars['String']['output'];
  paid: Scalars['String']['output'];
  plan?: Maybe<Plan>;
  refunded: Scalars['String']['output'];
};

/** Money per UTC day and currency, as decimal strings in the currency's major unit. */
export type RevenuePoint = {
  __typename?: 'RevenuePoint';
  currency: Scalars['String']['output'];
  day: Scalars['String']['output'];
  invoicesPaid: Scalars['Int']['output'];
  /** paid - refunded, exactly; negative when more went back than came in. */
  net: Scalars['String']['output'];
  paid: Scalars['String']['output'];
  refunded: Scalars['String']['output'];
};

/** Money per currency over the whole period, summed exactly by the panel. */
export type RevenueTotal = {
  __typename?: 'RevenueTotal';
  currency: Scalars['String']['output'];
  invoicesPaid: Scalars['Int']['output'];
  net: Scalars['String']['output'];
  paid: Scalars['String']['output'];
  refunded: Scalars['String']['output'];
};

/** Where users' traffic goes when no rule blocks it. */
export type RoutingOutbound =
  /** Straight to the destination, as the client asked. */
  | 'DIRECT'
  /** Straight to the destination, resolved and connected over IPv4 only (hosts with broken IPv6). */
  | 'DIRECT_IPV4';

/**
 * What nodes do with users' traffic. Users' traffic to the node's own core API is always blocked
 * first, whatever this says. Then the explicit blocks, then allowedPrivate (exceptions to the
 * private-range block only), then the private-range block; the rest goes to defaultOutbound.
 */
export type RoutingPolicy = {
  __typename?: 'RoutingPolicy';
  allowedPrivate: Array<AllowedDestination>;
  /** Block connections the core recognises as BitTorrent. */
  blockBittorrent: Scalars['Boolean']['output'];
  /** Block loopback, private, link-local, CGNAT and multicast ranges (IPv4 and IPv6). */
  blockPrivate: Scalars['Boolean']['output'];
  /** Destination CIDRs to block. */
  blockedCidrs: Array<Scalars['String']['output']>;
  /** Domain matchers to block: domain:example.com (and subdomains), full:a.example.com, keyword:word, regexp:RE2. */
  blockedDomains: Array<Scalars['String']['output']>;
  /** Destination ports or ranges to block, e.g. 25 or 6881-6889. */
  blockedPorts: Array<Scalars['String']['output']>;
  defaultOutbound: RoutingOutbound;
};

/** A whole policy: omitted fields take their defaults (blocks on, lists empty, DIRECT). */
export type RoutingPolicyInput = {
  allowedPrivate?: InputMaybe<Array<AllowedDestinationInput>>;
  blockBittorrent?: InputMaybe<Scalars['Boolean']['input']>;
  blockPrivate?: InputMaybe<Scalars['Boolean']['input']>;
  blockedCidrs?: InputMaybe<Array<Scalars['String']['input']>>;
  blockedDomains?: InputMaybe<Array<Scalars['String']['input']>>;
  blockedPorts?: InputMaybe<Array<Scalars['String']['input']>>;
  defaultOutbound?: InputMaybe<RoutingOutbound>;
};

export type RuleMatchMode =
  /** Every condition must hold. */
  | 'ALL'
  /** One condition is enough. */
  | 'ANY';

/** The password was right and the admin has TOTP: answer with completeSecondFactor within five minutes. */
export type SecondFactorChallenge = {
  __typename?: 'SecondFactorChallenge';
  /** Single use; pass it to completeSecondFactor with a code. */
  challengeToken: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
};

export type SecondFactorInput = {
  challengeToken: Scalars['String']['input'];
  /** Six digits from the authenticator app, or one of the backup codes (each works once). */
  code: Scalars['String']['input'];
};

export type Security =
  | 'NONE'
  | 'REALITY'
  | 'TLS';

export type SecuritySettings = {
  __typename?: 'SecuritySettings';
  allowInsecure?: Maybe<Scalars['Boolean']['output']>;
  alpn?: Maybe<Array<Scalars['String']['output']>>;
  fingerprint?: Maybe<Scalars['String']['output']>;
  realityDest?: Maybe<Scalars['String']['output']>;
  /** REALITY: derived from the private key, which never leaves the panel and the node. */
  realityPublicKey?: Maybe<Scalars['String']['output']>;
  realityServerNames?: Maybe<Array<Scalars['String']['output']>>;
  realityShortIds?: Maybe<Array<Scalars['String']['output']>>;
  realitySpiderX?: Maybe<Scalars['String']['output']>;
  serverName?: Maybe<Scalars['String']['output']>;
};

/** Leave realityPrivateKey out to keep the current key (or generate one for a new REALITY inbound). */
export type SecuritySettingsInput = {
  allowInsecure?: InputMaybe<Scalars['Boolean']['input']>;
  alpn?: InputMaybe<Array<Scalars['String']['input']>>;
  fingerprint?: InputMaybe<Scalars['String']['input']>;
  realityDest?: InputMaybe<Scalars['String']['input']>;
  realityPrivateKey?: InputMaybe<Scalars['String']['input']>;
  realityServerNames?: InputMaybe<Array<Scalars['String']['input']>>;
  realityShortIds?: InputMaybe<Array<Scalars['String']['input']>>;
  realitySpiderX?: InputMaybe<Scalars['String']['input']>;
  serverName?: InputMaybe<Scalars['String']['input']>;
};

/** A host running the proxy core and the VortexPanel agent. */
export type Server = {
  __typename?: 'Server';
  /** Host name or IP clients connect to. */
  address: Scalars['String']['output'];
  /** The agent protocol level the node last reported (1 predates remote operations). */
  agentProtocol?: Maybe<Scalars['Int']['output']>;
  agentVersion?: Maybe<Scalars['String']['output']>;
  /** The config version the agent last reported running. */
  appliedConfigVersion?: Maybe<Scalars['Int']['output']>;
  /** Null until an agent that reports capabilities has reported in. */
  capabilities?: Maybe<ServerCapabilities>;
  /** Newest first; the last 50 versions and 30 days are kept. */
  configHistory: Array<ServerConfigVersion>;
  /** Set by rollbackNodeConfig: the historical version whose inbounds and routing the node runs; null: the live config. */
  configPinnedTo?: Maybe<Scalars['Int']['output']>;
  /** Bumped by every change to what this node serves; the agent pulls a config when it moves. */
  configVersion: Scalars['Int']['output'];
  coreVersion?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  health?: Maybe<ServerHealth>;
  id: Scalars['ID']['output'];
  inbounds: Array<Inbound>;
  lastSeenAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the node stands, in degrees; subscriptions list nearer nodes first. Null: unknown. */
  latitude?: Maybe<Scalars['Float']['output']>;
  longitude?: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  /** Newest first. */
  operations: Array<NodeOperation>;
  /** The policy this node applies: its override, or the panel-wide one. */
  routingPolicy: RoutingPolicy;
  /** This node's own policy, replacing the panel-wide one as a whole; null: it follows the panel-wide one. */
  routingPolicyOverride?: Maybe<RoutingPolicy>;
  status: ServerStatus;
  /** Assigned inbounds this node does not serve (empty while its capabilities are unknown). */
  unservedInbounds: Array<UnservedInbound>;
  updatedAt: Scalars['DateTime']['output'];
};


/** A host running the proxy core and the VortexPanel agent. */
export type ServerConfigHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A host running the proxy core and the VortexPanel agent. */
export type ServerOperationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What the node's proxy core can serve, as its agent last reported it. */
export type ServerCapabilities = {
  __typename?: 'ServerCapabilities';
  /** xray or v2ray. */
  core: Scalars['String']['output'];
  protocols: Array<Protocol>;
  securities: Array<Security>;
  shadowsocksMethods: Array<Scalars['String']['output']>;
  /** Whether the node has a certificate for TLS inbounds. */
  tlsCertificate: Scalars['Boolean']['output'];
  transports: Array<Transport>;
  /** The core's version number; null when the agent could not read it. */
  version?: Maybe<Scalars['String']['output']>;
};

/** What differs between two configs of one node. */
export type ServerConfigDiff = {
  __typename?: 'ServerConfigDiff';
  from: Scalars['Int']['output'];
  inboundsAdded: Array<Scalars['String']['output']>;
  inboundsChanged: Array<ConfigInboundChange>;
  inboundsRemoved: Array<Scalars['String']['output']>;
  /** Routing policy fields that differ (e.g. blockedDomains, defaultOutbound). */
  routingChanged: Array<Scalars['String']['output']>;
  to: Scalars['Int']['output'];
  usersAdded: Array<ConfigUserRef>;
  usersAddedCount: Scalars['Int']['output'];
  /** Users in both whose credentials, limits or inbounds differ. */
  usersChangedCount: Scalars['Int']['output'];
  usersFrom: Scalars['Int']['output'];
  usersRemoved: Array<ConfigUserRef>;
  usersRemovedCount: Scalars['Int']['output'];
  usersTo: Scalars['Int']['output'];
};

/** One config issued to a node. */
export type ServerConfigVersion = {
  __typename?: 'ServerConfigVersion';
  error?: Maybe<Scalars['String']['output']>;
  inbounds: Scalars['Int']['output'];
  issuedAt: Scalars['DateTime']['output'];
  /** False once the envelope itself has aged out of storage (the row stays for the record). */
  kept: Scalars['Boolean']['output'];
  operations: Scalars['Int']['output'];
  outcome: ConfigOutcome;
  outcomeAt?: Maybe<Scalars['DateTime']['output']>;
  /** The version this one re-issued (rollbackNodeConfig); null for a live config. */
  rollbackOf?: Maybe<Scalars['Int']['output']>;
  /** SHA-256 of the signed payload. */
  sha256: Scalars['String']['output'];
  sizeBytes: Scalars['Bytes']['output'];
  users: Scalars['Int']['output'];
  version: Scalars['Int']['output'];
};

/** A one-time token for vortex-agent enroll; it works once, within 15 minutes. */
export type ServerEnrollment = {
  __typename?: 'ServerEnrollment';
  /** One line to run on the node as root: checks Node.js and the core, installs the agent verified against this panel's key, enrolls it and starts it under systemd. */
  command: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  token: Scalars['String']['output'];
};

export type ServerFilter = {
  /** Part of the name, case-insensitive. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** What the agent last reported about its host. */
export type ServerHealth = {
  __typename?: 'ServerHealth';
  coreRunning: Scalars['Boolean']['output'];
  cpuPercent: Scalars['Float']['output'];
  memTotalBytes: Scalars['Bytes']['output'];
  memUsedBytes: Scalars['Bytes']['output'];
  netRxBytes: Scalars['Bytes']['output'];
  netTxBytes: Scalars['Bytes']['output'];
  uptimeSec: Scalars['Int']['output'];
};

export type ServerStatus =
  /** The agent reports in but its proxy core is not running. */
  | 'DEGRADED'
  /** No report for 30 seconds. */
  | 'OFFLINE'
  | 'ONLINE'
  /** No agent has enrolled yet. */
  | 'PENDING';

export type ServerTraffic = {
  __typename?: 'ServerTraffic';
  download: Scalars['Bytes']['output'];
  server: Server;
  upload: Scalars['Bytes']['output'];
};

/** What restartService acts on (seed). */
export type ServiceType =
  /** The agent alone: it re-executes in place and adopts the running core; nobody is disconnected. */
  | 'AGENT'
  /** The proxy core: its users' connections drop and reconnect. */
  | 'CORE';

/** One signed-in device of the current admin. */
export type Session = {
  __typename?: 'Session';
  /** ISO country code from Cloudflare, when known. */
  country?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** True for the session making this request. */
  current: Scalars['Boolean']['output'];
  /** Read from the User-Agent, e.g. Chrome on Windows. */
  device: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  ip?: Maybe<Scalars['String']['output']>;
  /** When the session last exchanged its refresh token (about every access-token lifetime while in use). */
  lastSeenAt: Scalars['DateTime']['output'];
  method: SignInMethod;
  userAgent?: Maybe<Scalars['String']['output']>;
};

export type Settings = {
  __typename?: 'Settings';
  /** Move nodes whose agent is older than the panel's built-in release to it automatically. */
  agentAutoUpdate: Scalars['Boolean']['output'];
  /** Hours between scheduled backups (0 turns them off; default 24). */
  backupIntervalHours: Scalars['Int']['output'];
  /** Backups kept at least (newest first), 1 to 1000. */
  backupKeepCount: Scalars['Int']['output'];
  /** Backups older than this many days are deleted once more than backupKeepCount exist; the newest always stays. */
  backupKeepDays: Scalars['Int']['output'];
  /** Stripe Checkout computes and adds tax (needs Stripe Tax set up in the Stripe account). */
  billingAutomaticTax: Scalars['Boolean']['output'];
  billingRefundPolicy: RefundPolicy;
  /** Browser origins besides the panel's own that may call the API (CORS), e.g. https://dash.example.com; the panel's own pages never need one. Every other origin gets no Access-Control-Allow-Origin. */
  corsAllowedOrigins: Array<Scalars['String']['output']>;
  /** Devices (x-hwid) one user may fetch the subscription from; 0 turns the limit off. */
  deviceLimit: Scalars['Int']['output'];
  /** Failed sign-ins for one login or address within 15 minutes that raise admin.sign_in_failures (default 5). */
  failedSignInAlertThreshold: Scalars['Int']['output'];
  inactiveUserResponse: InactiveUserResponse;
  /** How long an invoice can be paid for, 1 to 720 hours. */
  invoiceTtlHours: Scalars['Int']['output'];
  /** Old panels' subscription path prefixes this panel also answers (at most 10). /sub/ (ours, Marzban's and PasarGuard's default) and /api/sub/ (Remnawave's) are always answered. */
  legacySubscriptionPaths: Array<LegacySubscriptionPath>;
  /** Days before expiry at which a user is reminded, once per expiry date each (default [3]). */
  reminderDaysLeft: Array<Scalars['Int']['output']>;
  /** Percentages of the data limit at which a user is reminded, once per usage period each (default [80]). */
  reminderUsagePercents: Array<Scalars['Int']['output']>;
  /** Days kept: audit log (default 365). */
  retentionAuditDays: Scalars['Int']['output'];
  /** Days kept: daily traffic rows and status snapshots (default 400). */
  retentionDailyDays: Scalars['Int']['output'];
  /** Days kept: events in the notification centre and their delivery log (default 90). */
  retentionEventDays: Scalars['Int']['output'];
  /** Days kept: hourly traffic rows (default 30). */
  retentionHourlyDays: Scalars['Int']['output'];
  /** Days kept: signed-out and expired sessions (default 30). */
  retentionSessionDays: Scalars['Int']['output'];
  /** Minutes over which a user's distinct client addresses are counted against its device limit (default 60). */
  sharingWindowMinutes: Scalars['Int']['output'];
  /** A short message clients such as Happ and v2RayTun show (announce); empty leaves it out. */
  subscriptionAnnounce: Scalars['String']['output'];
  /** Sends hide-settings: 1, so clients that honour it hide server settings from the user. */
  subscriptionHideSettings: Scalars['Boolean']['output'];
  /** Each server's name in the client: the user variables plus {node} {protocol} {transport} {security} {inbound}. */
  subscriptionRemarkTemplate: Scalars['String']['output'];
  /** A Happ routing payload, sent as the routing header with routing-enable: true; empty leaves both out. */
  subscriptionRouting: Scalars['String']['output'];
  /** support-url header; empty leaves it out. */
  subscriptionSupportUrl: Scalars['String']['output'];
  /** The profile name clients show (profile-title). User variables: {username} {status} {statusEmoji} {dataUsed} {dataLeft} {dataLimit} {daysLeft} {expireDate}. */
  subscriptionTitle: Scalars['String']['output'];
  /** How often clients refetch the subscription (profile-update-interval), 1 to 168 hours. */
  subscriptionUpdateIntervalHours: Scalars['Int']['output'];
  /** Base of subscription links, e.g. https://sub.example.com; empty means the address the panel is reached on. */
  subscriptionUrlPrefix: Scalars['String']['output'];
  /** Admins of these roles must use TOTP (or a passkey). One without TOTP that signs in with its password may only enroll (beginTotpEnrollment) until it has. */
  totpRequiredRoles: Array<AdminRole>;
};

export type SignInMethod =
  | 'OIDC'
  | 'PASSKEY'
  | 'PASSWORD'
  | 'PASSWORD_TOTP';

/** What the sign-in screen can offer. */
export type SignInOptions = {
  __typename?: 'SignInOptions';
  /** OpenID Connect sign-in is configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET). */
  oidcEnabled: Scalars['Boolean']['output'];
  oidcIssuer?: Maybe<Scalars['String']['output']>;
};

/** A session, or the second step an admin with TOTP must take first. */
export type SignInResult = AuthPayload | SecondFactorChallenge;

export type StripeStatus = {
  __typename?: 'StripeStatus';
  lastWebhook?: Maybe<StripeWebhookReceipt>;
  /** Newest first. */
  recentWebhooks: Array<StripeWebhookReceipt>;
  /** STRIPE_SECRET_KEY is set (its value is never shown). */
  secretKeyConfigured: Scalars['Boolean']['output'];
  /** The events the endpoint must be subscribed to. */
  webhookEvents: Array<Scalars['String']['output']>;
  /** STRIPE_WEBHOOK_SECRET is set (its value is never shown). */
  webhookSecretConfigured: Scalars['Boolean']['output'];
  /** What to paste into Stripe's dashboard as the endpoint URL. */
  webhookUrl: Scalars['String']['output'];
};


export type StripeStatusRecentWebhooksArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One request to /webhooks/stripe and what the panel made of it. */
export type StripeWebhookReceipt = {
  __typename?: 'StripeWebhookReceipt';
  detail?: Maybe<Scalars['String']['output']>;
  /** Null when the signature did not verify. */
  eventId?: Maybe<Scalars['String']['output']>;
  eventType?: Maybe<Scalars['String']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  verdict: StripeWebhookVerdict;
};

export type StripeWebhookVerdict =
  /** The Stripe-Signature header was missing, forged, or signed with another secret (check STRIPE_WEBHOOK_SECRET). */
  | 'BAD_SIGNATURE'
  /** Verified; this event id was processed before, so nothing changed. */
  | 'DUPLICATE'
  /** Verified, but acting on it failed; Stripe retries it. */
  | 'FAILED'
  /** Verified; an event type the panel does not act on. */
  | 'IGNORED'
  /** Verified and acted on. */
  | 'PROCESSED';

export type Subscription = {
  __typename?: 'Subscription';
  /** The invoice as it is now, each time it changes: paid, voided, refunded, expired, or a transfer seen or confirmed on-chain. */
  invoiceUpdated: Invoice;
  /** Events an admin should see: node offline/online, user limited/expired/re-enabled, ... A reseller hears only about its own users; userId narrows to one user. */
  notifications: Notification;
  /** A node's status, health, versions or last-seen changed (heartbeat, went offline, came back). serverId filters to one node. */
  serverStatus: Server;
  /** Panel-wide figures; sent on change, at most about once a second. */
  systemMetrics: SystemMetrics;
  /** Traffic charged to one user by each usage push. */
  userTraffic: TrafficUpdate;
};


export type SubscriptionInvoiceUpdatedArgs = {
  id: Scalars['ID']['input'];
};


export type SubscriptionNotificationsArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionServerStatusArgs = {
  serverId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionUserTrafficArgs = {
  userId: Scalars['ID']['input'];
};

/** What a subscription request gets; PAGE is the end-user HTML page. */
export type SubscriptionFormat =
  | 'BASE64'
  | 'CLASH'
  | 'CLASH_META'
  | 'LINKS'
  | 'OUTLINE'
  | 'PAGE'
  | 'SING_BOX'
  | 'XRAY_JSON';

/** One rule: the first rule whose conditions hold decides; with none, clients get BASE64. */
export type SubscriptionRule = {
  __typename?: 'SubscriptionRule';
  action: SubscriptionRuleAction;
  conditions: Array<HeaderCondition>;
  /** For SERVE rules. */
  format?: Maybe<SubscriptionFormat>;
  match: RuleMatchMode;
  name: Scalars['String']['output'];
};

export type SubscriptionRuleAction =
  /** HTTP 403. */
  | 'BLOCK'
  /** HTTP 404, exactly as for a link that never existed. */
  | 'NOT_FOUND'
  /** Serve the rule's format. */
  | 'SERVE';

export type SubscriptionRuleInput = {
  action: SubscriptionRuleAction;
  conditions: Array<HeaderConditionInput>;
  format?: InputMaybe<SubscriptionFormat>;
  match?: InputMaybe<RuleMatchMode>;
  name: Scalars['String']['input'];
};

export type SystemMetrics = {
  __typename?: 'SystemMetrics';
  at: Scalars['DateTime']['output'];
  downloadRate: Scalars['Bytes']['output'];
  serversDegraded: Scalars['Int']['output'];
  serversOffline: Scalars['Int']['output'];
  serversOnline: Scalars['Int']['output'];
  /** bytes per second over the latest pushes */
  uploadRate: Scalars['Bytes']['output'];
  users: UserCounts;
};

export type SystemStatus = {
  __typename?: 'SystemStatus';
  groups: Scalars['Int']['output'];
  inbounds: Scalars['Int']['output'];
  servers: Scalars['Int']['output'];
  /** Users the caller can see, by status. */
  users: UserCounts;
  version: Scalars['String']['output'];
};

/** The panel's Telegram bot (webhook mode). */
export type TelegramBot = {
  __typename?: 'TelegramBot';
  configured: Scalars['Boolean']['output'];
  /** The last error Telegram's setWebhook or getWebhookInfo reported. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** The last update Telegram delivered. */
  lastUpdateAt?: Maybe<Scalars['DateTime']['output']>;
  /** @username from getMe. */
  username?: Maybe<Scalars['String']['output']>;
  /** Where Telegram sends updates: <panel>/webhooks/telegram. */
  webhookUrl?: Maybe<Scalars['String']['output']>;
};

/** A one-time deep link that links a Telegram chat to the bot: https://t.me/<bot>?start=<token>. */
export type TelegramLinkOffer = {
  __typename?: 'TelegramLinkOffer';
  expiresAt: Scalars['DateTime']['output'];
  url: Scalars['String']['output'];
};

/** What to check before saving a chain (and, with tokenAddress, one of its tokens). */
export type TestChainInput = {
  /** The EIP-155 id the RPC must report. */
  chainId: Scalars['Int']['input'];
  rpcUrl: Scalars['String']['input'];
  /** An ERC-20 contract whose decimals and symbol to read; null checks the chain alone. */
  tokenAddress?: InputMaybe<Scalars['String']['input']>;
};

/** A window ending now: DAY is 24 hourly points, WEEK 7 daily, MONTH 30 daily, QUARTER 90 daily, YEAR 52 weekly. */
export type TimePeriod =
  | 'DAY'
  | 'MONTH'
  | 'QUARTER'
  | 'WEEK'
  | 'YEAR';

/** Shown once, while enrolling: add it to an authenticator app, then confirm with a code. */
export type TotpEnrollment = {
  __typename?: 'TotpEnrollment';
  /** The URI as an SVG QR code, ready to inline. */
  qrSvg: Scalars['String']['output'];
  /** Base32, for typing in by hand. */
  secret: Scalars['String']['output'];
  /** otpauth://totp/... URI, what the QR code holds. */
  uri: Scalars['String']['output'];
};

/** Traffic in one bucket; at is the bucket's start (UTC). */
export type TrafficPoint = {
  __typename?: 'TrafficPoint';
  at: Scalars['DateTime']['output'];
  download: Scalars['Bytes']['output'];
  upload: Scalars['Bytes']['output'];
};

export type TrafficRange =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

/** One user (or, without userId, everything the caller can see) over one period. */
export type TrafficStats = {
  __typename?: 'TrafficStats';
  anomalies: Array<UsageAnomaly>;
  byServer: Array<ServerTraffic>;
  /** Distinct client addresses in the sharing window, across nodes; only for one user. */
  clientAddresses?: Maybe<Scalars['Int']['output']>;
  download: Scalars['Bytes']['output'];
  /** Only for one user. */
  forecast?: Maybe<QuotaForecast>;
  from: Scalars['DateTime']['output'];
  period: TimePeriod;
  to: Scalars['DateTime']['output'];
  traffic: Array<TrafficPoint>;
  upload: Scalars['Bytes']['output'];
  userId?: Maybe<Scalars['ID']['output']>;
};

export type TrafficUpdate = {
  __typename?: 'TrafficUpdate';
  at: Scalars['DateTime']['output'];
  download: Scalars['Bytes']['output'];
  /** Charged by this push. */
  upload: Scalars['Bytes']['output'];
  /** total used this period */
  usedTraffic: Scalars['Bytes']['output'];
  userId: Scalars['ID']['output'];
};

export type Transport =
  | 'GRPC'
  | 'HTTPUPGRADE'
  | 'TCP'
  | 'WS'
  | 'XHTTP';

export type TransportSettings = {
  __typename?: 'TransportSettings';
  headerType?: Maybe<Scalars['String']['output']>;
  host?: Maybe<Scalars['String']['output']>;
  mode?: Maybe<Scalars['String']['output']>;
  path?: Maybe<Scalars['String']['output']>;
  serviceName?: Maybe<Scalars['String']['output']>;
};

export type TransportSettingsInput = {
  headerType?: InputMaybe<Scalars['String']['input']>;
  host?: InputMaybe<Scalars['String']['input']>;
  mode?: InputMaybe<Scalars['String']['input']>;
  path?: InputMaybe<Scalars['String']['input']>;
  serviceName?: InputMaybe<Scalars['String']['input']>;
};

/** The signed-in admin's sign-in factors. */
export type TwoFactorStatus = {
  __typename?: 'TwoFactorStatus';
  /** Unused backup codes; regenerate them when few are left. */
  backupCodesLeft: Scalars['Int']['output'];
  /** This session may do nothing but enroll TOTP: the admin's role requires it (Settings.totpRequiredRoles). */
  mustEnrollTotp: Scalars['Boolean']['output'];
  /** The admin signs in with a passkey only (setPasswordLogin). */
  passwordLoginDisabled: Scalars['Boolean']['output'];
  totpEnabled: Scalars['Boolean']['output'];
  totpEnabledAt?: Maybe<Scalars['DateTime']['output']>;
};

/** An inbound assigned to a node that the node does not serve: clients never get it from this node. */
export type UnservedInbound = {
  __typename?: 'UnservedInbound';
  inbound: Inbound;
  /** The agent's reason, or why the reported capabilities rule it out. */
  reason: Scalars['String']['output'];
};

/** Omitted fields stay as they are; null clears a limit. A new password or disabling ends the admin's sessions. */
export type UpdateAdminInput = {
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  maxDataLimit?: InputMaybe<Scalars['Bytes']['input']>;
  maxUsers?: InputMaybe<Scalars['Int']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<AdminRole>;
};

export type UpdateChainInput = {
  confirmations?: InputMaybe<Scalars['Int']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** An empty string clears it. */
  explorerUrl?: InputMaybe<Scalars['String']['input']>;
  logBlockRange?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  rpcUrl?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateChainTokenInput = {
  currency?: InputMaybe<Scalars['String']['input']>;
  decimals?: InputMaybe<Scalars['Int']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  symbol?: InputMaybe<Scalars['String']['input']>;
};

/** Omitted fields keep their values; inboundIds, when given, replaces the group's set. */
export type UpdateGroupInput = {
  inboundIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
};

/** Omitted fields keep their values; a settings object, when given, replaces the stored one whole. */
export type UpdateInboundInput = {
  port?: InputMaybe<Scalars['Int']['input']>;
  protocol?: InputMaybe<Protocol>;
  protocolSettings?: InputMaybe<ProtocolSettingsInput>;
  remark?: InputMaybe<Scalars['String']['input']>;
  security?: InputMaybe<Security>;
  securitySettings?: InputMaybe<SecuritySettingsInput>;
  tag?: InputMaybe<Scalars['String']['input']>;
  transport?: InputMaybe<Transport>;
  transportSettings?: InputMaybe<TransportSettingsInput>;
};

/** Omitted fields keep their values; null clears dataLimit or durationDays (unlimited); prices and groupIds replace. */
export type UpdatePlanInput = {
  dataLimit?: InputMaybe<Scalars['Bytes']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  deviceLimit?: InputMaybe<Scalars['Int']['input']>;
  durationDays?: InputMaybe<Scalars['Int']['input']>;
  groupIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  prices?: InputMaybe<Array<PriceInput>>;
  resetStrategy?: InputMaybe<ResetStrategy>;
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  visible?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Omitted fields keep their values; inboundIds, when given, replaces the node's set. */
export type UpdateServerInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  inboundIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** null clears it. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** null clears it. */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Omitted fields keep their values. */
export type UpdateSettingsInput = {
  agentAutoUpdate?: InputMaybe<Scalars['Boolean']['input']>;
  backupIntervalHours?: InputMaybe<Scalars['Int']['input']>;
  backupKeepCount?: InputMaybe<Scalars['Int']['input']>;
  backupKeepDays?: InputMaybe<Scalars['Int']['input']>;
  billingAutomaticTax?: InputMaybe<Scalars['Boolean']['input']>;
  billingRefundPolicy?: InputMaybe<RefundPolicy>;
  corsAllowedOrigins?: InputMaybe<Array<Scalars['String']['input']>>;
  deviceLimit?: InputMaybe<Scalars['Int']['input']>;
  failedSignInAlertThreshold?: InputMaybe<Scalars['Int']['input']>;
  inactiveUserResponse?: InputMaybe<InactiveUserResponse>;
  invoiceTtlHours?: InputMaybe<Scalars['Int']['input']>;
  legacySubscriptionPaths?: InputMaybe<Array<LegacySubscriptionPathInput>>;
  reminderDaysLeft?: InputMaybe<Array<Scalars['Int']['input']>>;
  reminderUsagePercents?: InputMaybe<Array<Scalars['Int']['input']>>;
  retentionAuditDays?: InputMaybe<Scalars['Int']['input']>;
  retentionDailyDays?: InputMaybe<Scalars['Int']['input']>;
  retentionEventDays?: InputMaybe<Scalars['Int']['input']>;
  retentionHourlyDays?: InputMaybe<Scalars['Int']['input']>;
  retentionSessionDays?: InputMaybe<Scalars['Int']['input']>;
  sharingWindowMinutes?: InputMaybe<Scalars['Int']['input']>;
  subscriptionAnnounce?: InputMaybe<Scalars['String']['input']>;
  subscriptionHideSettings?: InputMaybe<Scalars['Boolean']['input']>;
  subscriptionRemarkTemplate?: InputMaybe<Scalars['String']['input']>;
  subscriptionRouting?: InputMaybe<Scalars['String']['input']>;
  subscriptionSupportUrl?: InputMaybe<Scalars['String']['input']>;
  subscriptionTitle?: InputMaybe<Scalars['String']['input']>;
  subscriptionUpdateIntervalHours?: InputMaybe<Scalars['Int']['input']>;
  subscriptionUrlPrefix?: InputMaybe<Scalars['String']['input']>;
  totpRequiredRoles?: InputMaybe<Array<AdminRole>>;
};

/** Omitted fields keep their values; null clears dataLimit (unlimited) or expireAt (never); groupIds replaces the set. */
export type UpdateUserInput = {
  /** Explicit secrets, e.g. a moved customer's: omitted ones are generated on create and kept on update. */
  credentials?: InputMaybe<UserCredentialsInput>;
  dataLimit?: InputMaybe<Scalars['Bytes']['input']>;
  deviceLimit?: InputMaybe<Scalars['Int']['input']>;
  expireAt?: InputMaybe<Scalars['DateTime']['input']>;
  groupIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  note?: InputMaybe<Scalars['String']['input']>;
  onHoldExpireDays?: InputMaybe<Scalars['Int']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  resetStrategy?: InputMaybe<ResetStrategy>;
  status?: InputMaybe<UserStatus>;
  /** An explicit subscription token (16 to 128 of A-Z a-z 0-9 _ -), e.g. the one the customer's old link carries. */
  subToken?: InputMaybe<Scalars['String']['input']>;
  /** The user's Telegram chat id; empty string clears it. */
  telegramId?: InputMaybe<Scalars['String']['input']>;
  username?: InputMaybe<Scalars['String']['input']>;
};

export type UsageAnomaly = {
  __typename?: 'UsageAnomaly';
  /** The user's baseline bytes per hour (USAGE_SPIKE) or its device limit (ACCOUNT_SHARING). */
  baseline: Scalars['Float']['output'];
  detectedAt: Scalars['DateTime']['output'];
  /** The hour looked at. */
  hour: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: AnomalyKind;
  /** Bytes in that hour (USAGE_SPIKE) or distinct addresses (ACCOUNT_SHARING). */
  observed: Scalars['Float']['output'];
  user: User;
};

/** Someone who uses the VPN through a subscription link. */
export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  credentials: UserCredentials;
  /** Null means unlimited. */
  dataLimit?: Maybe<Scalars['Bytes']['output']>;
  /** Devices (by x-hwid) the subscription may be fetched from; null follows the panel setting, 0 means no limit. */
  deviceLimit?: Maybe<Scalars['Int']['output']>;
  /** Null means never. */
  expireAt?: Maybe<Scalars['DateTime']['output']>;
  groups: Array<Group>;
  id: Scalars['ID']['output'];
  note: Scalars['String']['output'];
  /** For ON_HOLD users: days of validity counted from first use. */
  onHoldExpireDays?: Maybe<Scalars['Int']['output']>;
  owner: Admin;
  resetStrategy: ResetStrategy;
  status: UserStatus;
  subscriptionUrl: Scalars['String']['output'];
  telegramId?: Maybe<Scalars['String']['output']>;
  /** A Telegram chat is linked to this user's subscription. */
  telegramLinked: Scalars['Boolean']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Traffic counted in the current period (since the last reset). */
  usedTraffic: Scalars['Bytes']['output'];
  username: Scalars['String']['output'];
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
  /** All users matching the filter, across pages: kept per owner and status as users change, so an unfiltered or status/owner-filtered total is read, not counted. */
  totalCount: Scalars['Int']['output'];
};

export type UserCounts = {
  __typename?: 'UserCounts';
  active: Scalars['Int']['output'];
  disabled: Scalars['Int']['output'];
  expired: Scalars['Int']['output'];
  limited: Scalars['Int']['output'];
  onHold: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** What the user's clients authenticate with, per protocol. */
export type UserCredentials = {
  __typename?: 'UserCredentials';
  hysteria2Password: Scalars['String']['output'];
  shadowsocksPassword: Scalars['String']['output'];
  trojanPassword: Scalars['String']['output'];
  vlessId: Scalars['String']['output'];
  vmessId: Scalars['String']['output'];
};

/** Secrets to set explicitly: UUIDs must be UUIDs, passwords 8 to 128 printable characters, each unique among users. */
export type UserCredentialsInput = {
  hysteria2Password?: InputMaybe<Scalars['String']['input']>;
  shadowsocksPassword?: InputMaybe<Scalars['String']['input']>;
  trojanPassword?: InputMaybe<Scalars['String']['input']>;
  vlessId?: InputMaybe<Scalars['String']['input']>;
  vmessId?: InputMaybe<Scalars['String']['input']>;
};

/** A device that fetched a user's subscription, known by the x-hwid header its app sends. */
export type UserDevice = {
  __typename?: 'UserDevice';
  firstSeenAt: Scalars['DateTime']['output'];
  hwid: Scalars['String']['output'];
  lastSeenAt: Scalars['DateTime']['output'];
  model?: Maybe<Scalars['String']['output']>;
  osVersion?: Maybe<Scalars['String']['output']>;
  platform?: Maybe<Scalars['String']['output']>;
  userAgent?: Maybe<Scalars['String']['output']>;
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

export type UserFilter = {
  groupId?: InputMaybe<Scalars['ID']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** 3 or more characters: contained anywhere in the username or the note, case-insensitive. 1 or 2 characters: the start of the username. Both through an index: a search costs about what a page does. */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<UserStatus>;
};

export type UserOrder = {
  by: UserOrderField;
  /** Z to A, most traffic or latest expiry first. */
  descending?: InputMaybe<Scalars['Boolean']['input']>;
};

/** What the users list can be sorted by. */
export type UserOrderField =
  /** Users who never expire come after every date. */
  | 'EXPIRE_AT'
  | 'USED_TRAFFIC'
  | 'USERNAME';

export type UserStatus =
  | 'ACTIVE'
  | 'DISABLED'
  /** Past its expiry. */
  | 'EXPIRED'
  /** Used up its data limit. */
  | 'LIMITED'
  /** Waiting for first use; its time starts then. */
  | 'ON_HOLD';

/** Users per status at the end of a UTC day. */
export type UserStatusCount = {
  __typename?: 'UserStatusCount';
  count: Scalars['Int']['output'];
  day: Scalars['String']['output'];
  status: UserStatus;
};

export type UserTrafficTotal = {
  __typename?: 'UserTrafficTotal';
  download: Scalars['Bytes']['output'];
  upload: Scalars['Bytes']['output'];
  user: User;
};

export type WebhookChannelInput = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  eventKinds?: InputMaybe<Array<Scalars['String']['input']>>;
  language?: InputMaybe<NotificationLanguage>;
  name: Scalars['String']['input'];
  /** https URL (http and private addresses are refused on a deployed panel). */
  url: Scalars['String']['input'];
};

/** A webhook and its signing secret, shown only now: whsec_ followed by base64 (Standard Webhooks). */
export type WebhookChannelWithSecret = {
  __typename?: 'WebhookChannelWithSecret';
  channel: NotificationChannel;
  secret: Scalars['String']['output'];
};
