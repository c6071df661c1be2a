import type { Role as AdminRole } from '../../admins/table';
import type { AnomalyKind } from '../../analytics/table';
import type { ChannelKind } from '../../channels/table';
import type { DeliveryStatus } from '../../channels/table';
import type { BackupStatus } from '../../backup/table';
import type { BackupTrigger } from '../../backup/table';
import type { RejectionReason as ChainPaymentRejection } from '../../billing/onchain/table';
import type { ChainPaymentStatus } from '../../billing/onchain/graphql';
import type { HeaderMatchOperator } from '../../subscription/graphql';
import type { ImportRecordKind } from '../../import/table';
import type { ImportRunStatus } from '../../import/table';
import type { ImportSourceKind } from '../../import/table';
import type { InactiveUserResponse } from '../../settings/graphql';
import type { InvoiceStatus } from '../../billing/invoices/table';
import type { OidcIdentityKind } from '../../auth/oidc/graphql';
import type { PaymentMethod } from '../../billing/invoices/table';
import type { Protocol } from '../../inbounds/table';
import type { RefundPolicy } from '../../settings/graphql';
import type { ResetStrategy } from '../../users/table';
import type { RestoreStatus } from '../../backup/table';
import type { RoutingOutbound } from '../../routing/graphql';
import type { RuleMatchMode } from '../../subscription/graphql';
import type { Security } from '../../inbounds/table';
import type { NodeStatus as ServerStatus } from '../../nodes/table';
import type { SignInMethod } from '../../auth/table';
import type { RuleTarget as SubscriptionFormat } from '../../subscription/rules';
import type { StripeWebhookVerdict } from '../../billing/stripe/table';
import type { SubscriptionRuleAction } from '../../subscription/graphql';
import type { Transport } from '../../inbounds/table';
import type { UserOrderField } from '../../users/graphql';
import type { UserStatus } from '../../users/table';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AdminRow } from '../../admins/table';
import type { AnalyticsParent, TrafficStatsParent } from '../../analytics/graphql';
import type { AuditRow } from '../../audit/graphql';
import type { BackupRow, RestoreRow } from '../../backup/table';
import type { ChainRow, ChainPaymentRow, ChainTokenRow } from '../../billing/onchain/table';
import type { DepositView } from '../../billing/onchain/deposit';
import type { GroupRow } from '../../groups/table';
import type { ImportRunView } from '../../import/runs';
import type { InboundRow } from '../../inbounds/table';
import type { InvoiceRow } from '../../billing/invoices/table';
import type { ChannelRow, DeliveryRow } from '../../channels/table';
import type { IdentityRow } from '../../auth/oidc/graphql';
import type { PasskeyRow } from '../../auth/passkeys/graphql';
import type { PlanRow } from '../../billing/plans/table';
import type { StripeWebhookReceiptRow } from '../../billing/stripe/table';
import type { PlanRevenue } from '../../analytics/revenue';
import type { NodeRow } from '../../nodes/table';
import type { SessionRow } from '../../auth/graphql';
import type { FormatRule } from '../../subscription/rules';
import type { AnomalyRow } from '../../analytics/table';
import type { UserRow } from '../../users/table';
import type { UserConnectionParent } from '../../users/graphql';
import type { UserDeviceRow } from '../../subscription/devices-table';
import type { SignedInContext } from '../context';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type EnumResolverSignature<T, AllowedValues = any> = { [key in keyof T]?: AllowedValues };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
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
  DateTime: { input: number; output: number; }
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

export { AdminRole };

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

export { AnomalyKind };

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

export { BackupStatus };

/** One table in a backup's manifest. */
export type BackupTable = {
  __typename?: 'BackupTable';
  name: Scalars['String']['output'];
  rows: Scalars['Int']['output'];
  /** SHA-256 over the table's rows in primary-key order, as the manifest records it. */
  sha256: Scalars['String']['output'];
};

export { BackupTrigger };

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

export { ChainPaymentRejection };

export { ChainPaymentStatus };

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

export { ChannelKind };

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

export { DeliveryStatus };

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

export { HeaderMatchOperator };

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

export { ImportRecordKind };

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

export { ImportRunStatus };

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

export { ImportSourceKind };

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

export { InactiveUserResponse };

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

export { InvoiceStatus };

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

export { OidcIdentityKind };

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

export { PaymentMethod };

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

export { Protocol };

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

export { RefundPolicy };

export { ResetStrategy };

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

export { RestoreStatus };

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

export { RoutingOutbound };

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

export { RuleMatchMode };

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

export { Security };

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

export { ServerStatus };

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

export { SignInMethod };

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

export { StripeWebhookVerdict };

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

export { SubscriptionFormat };

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

export { SubscriptionRuleAction };

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

export { Transport };

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

export { UserOrderField };

export { UserStatus };

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



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  SignInResult:
    | ( Omit<AuthPayload, 'admin'> & { admin: _RefType['Admin'] } )
    | ( SecondFactorChallenge )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Admin: ResolverTypeWrapper<AdminRow>;
  AdminRole: AdminRole;
  AgentRelease: ResolverTypeWrapper<AgentRelease>;
  AllowedDestination: ResolverTypeWrapper<AllowedDestination>;
  AllowedDestinationInput: AllowedDestinationInput;
  Analytics: ResolverTypeWrapper<AnalyticsParent>;
  AnomalyKind: AnomalyKind;
  AuditEntry: ResolverTypeWrapper<AuditRow>;
  AuditEntryConnection: ResolverTypeWrapper<Omit<AuditEntryConnection, 'edges'> & { edges: Array<ResolversTypes['AuditEntryEdge']> }>;
  AuditEntryEdge: ResolverTypeWrapper<Omit<AuditEntryEdge, 'node'> & { node: ResolversTypes['AuditEntry'] }>;
  AuditFilter: AuditFilter;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'admin'> & { admin: ResolversTypes['Admin'] }>;
  BackupResult: ResolverTypeWrapper<BackupRow>;
  BackupStatus: BackupStatus;
  BackupTable: ResolverTypeWrapper<BackupTable>;
  BackupTrigger: BackupTrigger;
  BeginImportInput: BeginImportInput;
  BillingStatus: ResolverTypeWrapper<Omit<BillingStatus, 'stripe'> & { stripe: ResolversTypes['StripeStatus'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Bytes: ResolverTypeWrapper<Scalars['Bytes']['output']>;
  Chain: ResolverTypeWrapper<ChainRow>;
  ChainDeposit: ResolverTypeWrapper<DepositView>;
  ChainPayment: ResolverTypeWrapper<ChainPaymentRow>;
  ChainPaymentRejection: ChainPaymentRejection;
  ChainPaymentStatus: ChainPaymentStatus;
  ChainTestResult: ResolverTypeWrapper<ChainTestResult>;
  ChainToken: ResolverTypeWrapper<ChainTokenRow>;
  ChangePasswordInput: ChangePasswordInput;
  ChannelKind: ChannelKind;
  ConfigInboundChange: ResolverTypeWrapper<ConfigInboundChange>;
  ConfigOutcome: ConfigOutcome;
  ConfigUserRef: ResolverTypeWrapper<ConfigUserRef>;
  CreateAdminInput: CreateAdminInput;
  CreateChainInput: CreateChainInput;
  CreateChainTokenInput: CreateChainTokenInput;
  CreateGroupInput: CreateGroupInput;
  CreateInboundInput: CreateInboundInput;
  CreateInvoiceInput: CreateInvoiceInput;
  CreatePlanInput: CreatePlanInput;
  CreateServerInput: CreateServerInput;
  CreateUserInput: CreateUserInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeliveryStatus: DeliveryStatus;
  EventAudience: EventAudience;
  EventCatalogue: ResolverTypeWrapper<EventCatalogue>;
  EventKindInfo: ResolverTypeWrapper<EventKindInfo>;
  FinishOidcLoginInput: FinishOidcLoginInput;
  FinishPasskeyLoginInput: FinishPasskeyLoginInput;
  FinishPasskeyRegistrationInput: FinishPasskeyRegistrationInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Group: ResolverTypeWrapper<GroupRow>;
  HeaderCondition: ResolverTypeWrapper<HeaderCondition>;
  HeaderConditionInput: HeaderConditionInput;
  HeaderMatchOperator: HeaderMatchOperator;
  HealthStatus: ResolverTypeWrapper<HealthStatus>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImportAccessInput: ImportAccessInput;
  ImportAdminInput: ImportAdminInput;
  ImportCount: ResolverTypeWrapper<ImportCount>;
  ImportCredentialsInput: ImportCredentialsInput;
  ImportEnrollment: ResolverTypeWrapper<ImportEnrollment>;
  ImportInboundInput: ImportInboundInput;
  ImportIssue: ResolverTypeWrapper<ImportIssue>;
  ImportIssueInput: ImportIssueInput;
  ImportLegacyTokenInput: ImportLegacyTokenInput;
  ImportNodeInput: ImportNodeInput;
  ImportRecordKind: ImportRecordKind;
  ImportReport: ResolverTypeWrapper<ImportReport>;
  ImportRun: ResolverTypeWrapper<ImportRunView>;
  ImportRunStatus: ImportRunStatus;
  ImportSourceInput: ImportSourceInput;
  ImportSourceKind: ImportSourceKind;
  ImportStatusChange: ResolverTypeWrapper<ImportStatusChange>;
  ImportUserInput: ImportUserInput;
  InactiveUserResponse: InactiveUserResponse;
  Inbound: ResolverTypeWrapper<InboundRow>;
  InboundTraffic: ResolverTypeWrapper<Omit<InboundTraffic, 'server'> & { server: ResolversTypes['Server'] }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Invoice: ResolverTypeWrapper<InvoiceRow>;
  InvoiceConnection: ResolverTypeWrapper<Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversTypes['InvoiceEdge']> }>;
  InvoiceEdge: ResolverTypeWrapper<Omit<InvoiceEdge, 'node'> & { node: ResolversTypes['Invoice'] }>;
  InvoiceFilter: InvoiceFilter;
  InvoiceLine: ResolverTypeWrapper<InvoiceLine>;
  InvoiceStatus: InvoiceStatus;
  InvoiceTerms: ResolverTypeWrapper<InvoiceTerms>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  JobProgress: ResolverTypeWrapper<JobProgress>;
  LegacySubscriptionPath: ResolverTypeWrapper<LegacySubscriptionPath>;
  LegacySubscriptionPathInput: LegacySubscriptionPathInput;
  LinkOidcIdentityInput: LinkOidcIdentityInput;
  LoginInput: LoginInput;
  MetricsEndpoint: ResolverTypeWrapper<MetricsEndpoint>;
  MetricsToken: ResolverTypeWrapper<MetricsToken>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NodeOperation: ResolverTypeWrapper<Omit<NodeOperation, 'server'> & { server: ResolversTypes['Server'] }>;
  NodeOperationKind: NodeOperationKind;
  NodeOperationStatus: NodeOperationStatus;
  Notification: ResolverTypeWrapper<Notification>;
  NotificationChannel: ResolverTypeWrapper<ChannelRow>;
  NotificationChannelInput: NotificationChannelInput;
  NotificationConnection: ResolverTypeWrapper<NotificationConnection>;
  NotificationDelivery: ResolverTypeWrapper<DeliveryRow>;
  NotificationDeliveryConnection: ResolverTypeWrapper<Omit<NotificationDeliveryConnection, 'edges'> & { edges: Array<ResolversTypes['NotificationDeliveryEdge']> }>;
  NotificationDeliveryEdge: ResolverTypeWrapper<Omit<NotificationDeliveryEdge, 'node'> & { node: ResolversTypes['NotificationDelivery'] }>;
  NotificationEdge: ResolverTypeWrapper<NotificationEdge>;
  NotificationLanguage: NotificationLanguage;
  NotificationSeverity: NotificationSeverity;
  OidcIdentity: ResolverTypeWrapper<IdentityRow>;
  OidcIdentityKind: OidcIdentityKind;
  OidcSignIn: ResolverTypeWrapper<OidcSignIn>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Pagination: Pagination;
  Passkey: ResolverTypeWrapper<PasskeyRow>;
  PasskeyCeremony: ResolverTypeWrapper<PasskeyCeremony>;
  PaymentMethod: PaymentMethod;
  PeerApiRequestInput: PeerApiRequestInput;
  PeerApiResponse: ResolverTypeWrapper<PeerApiResponse>;
  Plan: ResolverTypeWrapper<PlanRow>;
  Price: ResolverTypeWrapper<Price>;
  PriceInput: PriceInput;
  Protocol: Protocol;
  ProtocolSettings: ResolverTypeWrapper<ProtocolSettings>;
  ProtocolSettingsInput: ProtocolSettingsInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  QuotaForecast: ResolverTypeWrapper<QuotaForecast>;
  RefundPolicy: RefundPolicy;
  ResetStrategy: ResetStrategy;
  RestoreResult: ResolverTypeWrapper<RestoreRow>;
  RestoreStatus: RestoreStatus;
  RevenueByPlan: ResolverTypeWrapper<PlanRevenue>;
  RevenuePoint: ResolverTypeWrapper<RevenuePoint>;
  RevenueTotal: ResolverTypeWrapper<RevenueTotal>;
  RoutingOutbound: RoutingOutbound;
  RoutingPolicy: ResolverTypeWrapper<RoutingPolicy>;
  RoutingPolicyInput: RoutingPolicyInput;
  RuleMatchMode: RuleMatchMode;
  SecondFactorChallenge: ResolverTypeWrapper<SecondFactorChallenge>;
  SecondFactorInput: SecondFactorInput;
  Security: Security;
  SecuritySettings: ResolverTypeWrapper<SecuritySettings>;
  SecuritySettingsInput: SecuritySettingsInput;
  Server: ResolverTypeWrapper<NodeRow>;
  ServerCapabilities: ResolverTypeWrapper<ServerCapabilities>;
  ServerConfigDiff: ResolverTypeWrapper<ServerConfigDiff>;
  ServerConfigVersion: ResolverTypeWrapper<ServerConfigVersion>;
  ServerEnrollment: ResolverTypeWrapper<ServerEnrollment>;
  ServerFilter: ServerFilter;
  ServerHealth: ResolverTypeWrapper<ServerHealth>;
  ServerStatus: ServerStatus;
  ServerTraffic: ResolverTypeWrapper<Omit<ServerTraffic, 'server'> & { server: ResolversTypes['Server'] }>;
  ServiceType: ServiceType;
  Session: ResolverTypeWrapper<SessionRow>;
  Settings: ResolverTypeWrapper<Settings>;
  SignInMethod: SignInMethod;
  SignInOptions: ResolverTypeWrapper<SignInOptions>;
  SignInResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SignInResult']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  StripeStatus: ResolverTypeWrapper<Omit<StripeStatus, 'lastWebhook' | 'recentWebhooks'> & { lastWebhook?: Maybe<ResolversTypes['StripeWebhookReceipt']>, recentWebhooks: Array<ResolversTypes['StripeWebhookReceipt']> }>;
  StripeWebhookReceipt: ResolverTypeWrapper<StripeWebhookReceiptRow>;
  StripeWebhookVerdict: StripeWebhookVerdict;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SubscriptionFormat: SubscriptionFormat;
  SubscriptionRule: ResolverTypeWrapper<FormatRule>;
  SubscriptionRuleAction: SubscriptionRuleAction;
  SubscriptionRuleInput: SubscriptionRuleInput;
  SystemMetrics: ResolverTypeWrapper<SystemMetrics>;
  SystemStatus: ResolverTypeWrapper<SystemStatus>;
  TelegramBot: ResolverTypeWrapper<TelegramBot>;
  TelegramLinkOffer: ResolverTypeWrapper<TelegramLinkOffer>;
  TestChainInput: TestChainInput;
  TimePeriod: TimePeriod;
  TotpEnrollment: ResolverTypeWrapper<TotpEnrollment>;
  TrafficPoint: ResolverTypeWrapper<TrafficPoint>;
  TrafficRange: TrafficRange;
  TrafficStats: ResolverTypeWrapper<TrafficStatsParent>;
  TrafficUpdate: ResolverTypeWrapper<TrafficUpdate>;
  Transport: Transport;
  TransportSettings: ResolverTypeWrapper<TransportSettings>;
  TransportSettingsInput: TransportSettingsInput;
  TwoFactorStatus: ResolverTypeWrapper<TwoFactorStatus>;
  UnservedInbound: ResolverTypeWrapper<Omit<UnservedInbound, 'inbound'> & { inbound: ResolversTypes['Inbound'] }>;
  UpdateAdminInput: UpdateAdminInput;
  UpdateChainInput: UpdateChainInput;
  UpdateChainTokenInput: UpdateChainTokenInput;
  UpdateGroupInput: UpdateGroupInput;
  UpdateInboundInput: UpdateInboundInput;
  UpdatePlanInput: UpdatePlanInput;
  UpdateServerInput: UpdateServerInput;
  UpdateSettingsInput: UpdateSettingsInput;
  UpdateUserInput: UpdateUserInput;
  UsageAnomaly: ResolverTypeWrapper<AnomalyRow>;
  User: ResolverTypeWrapper<UserRow>;
  UserConnection: ResolverTypeWrapper<UserConnectionParent>;
  UserCounts: ResolverTypeWrapper<UserCounts>;
  UserCredentials: ResolverTypeWrapper<UserRow>;
  UserCredentialsInput: UserCredentialsInput;
  UserDevice: ResolverTypeWrapper<UserDeviceRow>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  UserFilter: UserFilter;
  UserOrder: UserOrder;
  UserOrderField: UserOrderField;
  UserStatus: UserStatus;
  UserStatusCount: ResolverTypeWrapper<UserStatusCount>;
  UserTrafficTotal: ResolverTypeWrapper<Omit<UserTrafficTotal, 'user'> & { user: ResolversTypes['User'] }>;
  WebhookChannelInput: WebhookChannelInput;
  WebhookChannelWithSecret: ResolverTypeWrapper<Omit<WebhookChannelWithSecret, 'channel'> & { channel: ResolversTypes['NotificationChannel'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Admin: AdminRow;
  AgentRelease: AgentRelease;
  AllowedDestination: AllowedDestination;
  AllowedDestinationInput: AllowedDestinationInput;
  Analytics: AnalyticsParent;
  AuditEntry: AuditRow;
  AuditEntryConnection: Omit<AuditEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['AuditEntryEdge']> };
  AuditEntryEdge: Omit<AuditEntryEdge, 'node'> & { node: ResolversParentTypes['AuditEntry'] };
  AuditFilter: AuditFilter;
  AuthPayload: Omit<AuthPayload, 'admin'> & { admin: ResolversParentTypes['Admin'] };
  BackupResult: BackupRow;
  BackupTable: BackupTable;
  BeginImportInput: BeginImportInput;
  BillingStatus: Omit<BillingStatus, 'stripe'> & { stripe: ResolversParentTypes['StripeStatus'] };
  Boolean: Scalars['Boolean']['output'];
  Bytes: Scalars['Bytes']['output'];
  Chain: ChainRow;
  ChainDeposit: DepositView;
  ChainPayment: ChainPaymentRow;
  ChainTestResult: ChainTestResult;
  ChainToken: ChainTokenRow;
  ChangePasswordInput: ChangePasswordInput;
  ConfigInboundChange: ConfigInboundChange;
  ConfigUserRef: ConfigUserRef;
  CreateAdminInput: CreateAdminInput;
  CreateChainInput: CreateChainInput;
  CreateChainTokenInput: CreateChainTokenInput;
  CreateGroupInput: CreateGroupInput;
  CreateInboundInput: CreateInboundInput;
  CreateInvoiceInput: CreateInvoiceInput;
  CreatePlanInput: CreatePlanInput;
  CreateServerInput: CreateServerInput;
  CreateUserInput: CreateUserInput;
  DateTime: Scalars['DateTime']['output'];
  EventCatalogue: EventCatalogue;
  EventKindInfo: EventKindInfo;
  FinishOidcLoginInput: FinishOidcLoginInput;
  FinishPasskeyLoginInput: FinishPasskeyLoginInput;
  FinishPasskeyRegistrationInput: FinishPasskeyRegistrationInput;
  Float: Scalars['Float']['output'];
  Group: GroupRow;
  HeaderCondition: HeaderCondition;
  HeaderConditionInput: HeaderConditionInput;
  HealthStatus: HealthStatus;
  ID: Scalars['ID']['output'];
  ImportAccessInput: ImportAccessInput;
  ImportAdminInput: ImportAdminInput;
  ImportCount: ImportCount;
  ImportCredentialsInput: ImportCredentialsInput;
  ImportEnrollment: ImportEnrollment;
  ImportInboundInput: ImportInboundInput;
  ImportIssue: ImportIssue;
  ImportIssueInput: ImportIssueInput;
  ImportLegacyTokenInput: ImportLegacyTokenInput;
  ImportNodeInput: ImportNodeInput;
  ImportReport: ImportReport;
  ImportRun: ImportRunView;
  ImportSourceInput: ImportSourceInput;
  ImportStatusChange: ImportStatusChange;
  ImportUserInput: ImportUserInput;
  Inbound: InboundRow;
  InboundTraffic: Omit<InboundTraffic, 'server'> & { server: ResolversParentTypes['Server'] };
  Int: Scalars['Int']['output'];
  Invoice: InvoiceRow;
  InvoiceConnection: Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversParentTypes['InvoiceEdge']> };
  InvoiceEdge: Omit<InvoiceEdge, 'node'> & { node: ResolversParentTypes['Invoice'] };
  InvoiceFilter: InvoiceFilter;
  InvoiceLine: InvoiceLine;
  InvoiceTerms: InvoiceTerms;
  JSON: Scalars['JSON']['output'];
  JobProgress: JobProgress;
  LegacySubscriptionPath: LegacySubscriptionPath;
  LegacySubscriptionPathInput: LegacySubscriptionPathInput;
  LinkOidcIdentityInput: LinkOidcIdentityInput;
  LoginInput: LoginInput;
  MetricsEndpoint: MetricsEndpoint;
  MetricsToken: MetricsToken;
  Mutation: Record<PropertyKey, never>;
  NodeOperation: Omit<NodeOperation, 'server'> & { server: ResolversParentTypes['Server'] };
  Notification: Notification;
  NotificationChannel: ChannelRow;
  NotificationChannelInput: NotificationChannelInput;
  NotificationConnection: NotificationConnection;
  NotificationDelivery: DeliveryRow;
  NotificationDeliveryConnection: Omit<NotificationDeliveryConnection, 'edges'> & { edges: Array<ResolversParentTypes['NotificationDeliveryEdge']> };
  NotificationDeliveryEdge: Omit<NotificationDeliveryEdge, 'node'> & { node: ResolversParentTypes['NotificationDelivery'] };
  NotificationEdge: NotificationEdge;
  OidcIdentity: IdentityRow;
  OidcSignIn: OidcSignIn;
  PageInfo: PageInfo;
  Pagination: Pagination;
  Passkey: PasskeyRow;
  PasskeyCeremony: PasskeyCeremony;
  PeerApiRequestInput: PeerApiRequestInput;
  PeerApiResponse: PeerApiResponse;
  Plan: PlanRow;
  Price: Price;
  PriceInput: PriceInput;
  ProtocolSettings: ProtocolSettings;
  ProtocolSettingsInput: ProtocolSettingsInput;
  Query: Record<PropertyKey, never>;
  QuotaForecast: QuotaForecast;
  RestoreResult: RestoreRow;
  RevenueByPlan: PlanRevenue;
  RevenuePoint: RevenuePoint;
  RevenueTotal: RevenueTotal;
  RoutingPolicy: RoutingPolicy;
  RoutingPolicyInput: RoutingPolicyInput;
  SecondFactorChallenge: SecondFactorChallenge;
  SecondFactorInput: SecondFactorInput;
  SecuritySettings: SecuritySettings;
  SecuritySettingsInput: SecuritySettingsInput;
  Server: NodeRow;
  ServerCapabilities: ServerCapabilities;
  ServerConfigDiff: ServerConfigDiff;
  ServerConfigVersion: ServerConfigVersion;
  ServerEnrollment: ServerEnrollment;
  ServerFilter: ServerFilter;
  ServerHealth: ServerHealth;
  ServerTraffic: Omit<ServerTraffic, 'server'> & { server: ResolversParentTypes['Server'] };
  Session: SessionRow;
  Settings: Settings;
  SignInOptions: SignInOptions;
  SignInResult: ResolversUnionTypes<ResolversParentTypes>['SignInResult'];
  String: Scalars['String']['output'];
  StripeStatus: Omit<StripeStatus, 'lastWebhook' | 'recentWebhooks'> & { lastWebhook?: Maybe<ResolversParentTypes['StripeWebhookReceipt']>, recentWebhooks: Array<ResolversParentTypes['StripeWebhookReceipt']> };
  StripeWebhookReceipt: StripeWebhookReceiptRow;
  Subscription: Record<PropertyKey, never>;
  SubscriptionRule: FormatRule;
  SubscriptionRuleInput: SubscriptionRuleInput;
  SystemMetrics: SystemMetrics;
  SystemStatus: SystemStatus;
  TelegramBot: TelegramBot;
  TelegramLinkOffer: TelegramLinkOffer;
  TestChainInput: TestChainInput;
  TotpEnrollment: TotpEnrollment;
  TrafficPoint: TrafficPoint;
  TrafficStats: TrafficStatsParent;
  TrafficUpdate: TrafficUpdate;
  TransportSettings: TransportSettings;
  TransportSettingsInput: TransportSettingsInput;
  TwoFactorStatus: TwoFactorStatus;
  UnservedInbound: Omit<UnservedInbound, 'inbound'> & { inbound: ResolversParentTypes['Inbound'] };
  UpdateAdminInput: UpdateAdminInput;
  UpdateChainInput: UpdateChainInput;
  UpdateChainTokenInput: UpdateChainTokenInput;
  UpdateGroupInput: UpdateGroupInput;
  UpdateInboundInput: UpdateInboundInput;
  UpdatePlanInput: UpdatePlanInput;
  UpdateServerInput: UpdateServerInput;
  UpdateSettingsInput: UpdateSettingsInput;
  UpdateUserInput: UpdateUserInput;
  UsageAnomaly: AnomalyRow;
  User: UserRow;
  UserConnection: UserConnectionParent;
  UserCounts: UserCounts;
  UserCredentials: UserRow;
  UserCredentialsInput: UserCredentialsInput;
  UserDevice: UserDeviceRow;
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  UserFilter: UserFilter;
  UserOrder: UserOrder;
  UserStatusCount: UserStatusCount;
  UserTrafficTotal: Omit<UserTrafficTotal, 'user'> & { user: ResolversParentTypes['User'] };
  WebhookChannelInput: WebhookChannelInput;
  WebhookChannelWithSecret: Omit<WebhookChannelWithSecret, 'channel'> & { channel: ResolversParentTypes['NotificationChannel'] };
};

export type AdminResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Admin'] = ResolversParentTypes['Admin']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataGiven?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  dataLeft?: Resolver<Maybe<ResolversTypes['Bytes']>, ParentType, ContextType>;
  disabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ipAllowlist?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  maxDataLimit?: Resolver<Maybe<ResolversTypes['Bytes']>, ParentType, ContextType>;
  maxUsers?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  passwordLoginDisabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['AdminRole'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AdminRoleResolvers = EnumResolverSignature<{ ADMIN?: any, OWNER?: any, RESELLER?: any }, ResolversTypes['AdminRole']>;

export type AgentReleaseResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['AgentRelease'] = ResolversParentTypes['AgentRelease']> = {
  builtIn?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  servers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  uploadedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AllowedDestinationResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['AllowedDestination'] = ResolversParentTypes['AllowedDestination']> = {
  cidr?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ports?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AnalyticsResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Analytics'] = ResolversParentTypes['Analytics']> = {
  anomalies?: Resolver<Array<ResolversTypes['UsageAnomaly']>, ParentType, ContextType, RequireFields<AnalyticsAnomaliesArgs, 'first'>>;
  byInbound?: Resolver<Array<ResolversTypes['InboundTraffic']>, ParentType, ContextType>;
  byServer?: Resolver<Array<ResolversTypes['ServerTraffic']>, ParentType, ContextType>;
  download?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['TimePeriod'], ParentType, ContextType>;
  revenue?: Resolver<Maybe<Array<ResolversTypes['RevenuePoint']>>, ParentType, ContextType>;
  revenueByPlan?: Resolver<Maybe<Array<ResolversTypes['RevenueByPlan']>>, ParentType, ContextType>;
  revenueTotals?: Resolver<Maybe<Array<ResolversTypes['RevenueTotal']>>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  topUsers?: Resolver<Array<ResolversTypes['UserTrafficTotal']>, ParentType, ContextType, RequireFields<AnalyticsTopUsersArgs, 'first'>>;
  traffic?: Resolver<Array<ResolversTypes['TrafficPoint']>, ParentType, ContextType>;
  upload?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  usersByStatus?: Resolver<Array<ResolversTypes['UserStatusCount']>, ParentType, ContextType>;
};

export type AnomalyKindResolvers = EnumResolverSignature<{ ACCOUNT_SHARING?: any, USAGE_SPIKE?: any }, ResolversTypes['AnomalyKind']>;

export type AuditEntryResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  actorUsername?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  details?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  targetId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  targetType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditEntryConnectionResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AuditEntryEdgeResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['AuditEntryEdge'] = ResolversParentTypes['AuditEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEntry'], ParentType, ContextType>;
};

export type AuthPayloadResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  admin?: Resolver<ResolversTypes['Admin'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BackupResultResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['BackupResult'] = ResolversParentTypes['BackupResult']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  downloadPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  progress?: Resolver<Maybe<ResolversTypes['JobProgress']>, ParentType, ContextType>;
  rows?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  schemaVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sizeBytes?: Resolver<Maybe<ResolversTypes['Bytes']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BackupStatus'], ParentType, ContextType>;
  tables?: Resolver<Array<ResolversTypes['BackupTable']>, ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['BackupTrigger'], ParentType, ContextType>;
};

export type BackupStatusResolvers = EnumResolverSignature<{ COMPLETE?: any, FAILED?: any, RUNNING?: any }, ResolversTypes['BackupStatus']>;

export type BackupTableResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['BackupTable'] = ResolversParentTypes['BackupTable']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BackupTriggerResolvers = EnumResolverSignature<{ MANUAL?: any, PRE_RESTORE?: any, SCHEDULED?: any, UPLOADED?: any }, ResolversTypes['BackupTrigger']>;

export type BillingStatusResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['BillingStatus'] = ResolversParentTypes['BillingStatus']> = {
  onchainDepositSourceConfigured?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  stripe?: Resolver<ResolversTypes['StripeStatus'], ParentType, ContextType>;
};

export interface BytesScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Bytes'], any> {
  name: 'Bytes';
}

export type ChainResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Chain'] = ResolversParentTypes['Chain']> = {
  chainId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  confirmations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  explorerUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  logBlockRange?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rpcUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChainDepositResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ChainDeposit'] = ResolversParentTypes['ChainDeposit']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  amountUnits?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  chainId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkedBlock?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  confirmationsRequired?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eip681?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tokenAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ChainPaymentResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ChainPayment'] = ResolversParentTypes['ChainPayment']> = {
  amountUnits?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  blockNumber?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  confirmations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  explorerUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoiceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['ChainPaymentRejection']>, ParentType, ContextType>;
  seenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ChainPaymentStatus'], ParentType, ContextType>;
  toAddress?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tokenAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  txHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChainPaymentRejectionResolvers = EnumResolverSignature<{ AFTER_EXPIRY?: any, FAILED?: any, REUSED?: any, UNDERPAID?: any, WRONG_RECIPIENT?: any, WRONG_TOKEN?: any }, ResolversTypes['ChainPaymentRejection']>;

export type ChainPaymentStatusResolvers = EnumResolverSignature<{ CREDITED?: any, PENDING?: any, REJECTED?: any }, ResolversTypes['ChainPaymentStatus']>;

export type ChainTestResultResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ChainTestResult'] = ResolversParentTypes['ChainTestResult']> = {
  latestBlock?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  problems?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  reportedChainId?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  tokenDecimals?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  tokenSymbol?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ChainTokenResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ChainToken'] = ResolversParentTypes['ChainToken']> = {
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  chain?: Resolver<ResolversTypes['Chain'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decimals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChannelKindResolvers = EnumResolverSignature<{ TELEGRAM?: any, WEBHOOK?: any }, ResolversTypes['ChannelKind']>;

export type ConfigInboundChangeResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ConfigInboundChange'] = ResolversParentTypes['ConfigInboundChange']> = {
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tag?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConfigUserRefResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ConfigUserRef'] = ResolversParentTypes['ConfigUserRef']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  username?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeliveryStatusResolvers = EnumResolverSignature<{ DEAD?: any, DELIVERED?: any, PENDING?: any, RETRYING?: any }, ResolversTypes['DeliveryStatus']>;

export type EventCatalogueResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['EventCatalogue'] = ResolversParentTypes['EventCatalogue']> = {
  kinds?: Resolver<Array<ResolversTypes['EventKindInfo']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EventKindInfoResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['EventKindInfo'] = ResolversParentTypes['EventKindInfo']> = {
  audience?: Resolver<ResolversTypes['EventAudience'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['NotificationSeverity'], ParentType, ContextType>;
};

export type GroupResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Group'] = ResolversParentTypes['Group']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inbounds?: Resolver<Array<ResolversTypes['Inbound']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HeaderConditionResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['HeaderCondition'] = ResolversParentTypes['HeaderCondition']> = {
  caseSensitive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  header?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operator?: Resolver<ResolversTypes['HeaderMatchOperator'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HeaderMatchOperatorResolvers = EnumResolverSignature<{ CONTAINS?: any, EQUALS?: any, REGEX?: any }, ResolversTypes['HeaderMatchOperator']>;

export type HealthStatusResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['HealthStatus'] = ResolversParentTypes['HealthStatus']> = {
  database?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportCountResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ImportCount'] = ResolversParentTypes['ImportCount']> = {
  conflicts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ImportRecordKind'], ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportEnrollmentResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ImportEnrollment'] = ResolversParentTypes['ImportEnrollment']> = {
  command?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serverId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ImportIssueResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ImportIssue'] = ResolversParentTypes['ImportIssue']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ImportRecordKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportRecordKindResolvers = EnumResolverSignature<{ ADMIN?: any, GROUP?: any, INBOUND?: any, NODE?: any, SETTING?: any, USER?: any }, ResolversTypes['ImportRecordKind']>;

export type ImportReportResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ImportReport'] = ResolversParentTypes['ImportReport']> = {
  adjusted?: Resolver<Array<ResolversTypes['ImportIssue']>, ParentType, ContextType>;
  conflicts?: Resolver<Array<ResolversTypes['ImportIssue']>, ParentType, ContextType>;
  counts?: Resolver<Array<ResolversTypes['ImportCount']>, ParentType, ContextType>;
  enrollments?: Resolver<Array<ResolversTypes['ImportEnrollment']>, ParentType, ContextType>;
  statusChanges?: Resolver<Array<ResolversTypes['ImportStatusChange']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  unmapped?: Resolver<Array<ResolversTypes['ImportIssue']>, ParentType, ContextType>;
};

export type ImportRunResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ImportRun'] = ResolversParentTypes['ImportRun']> = {
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instance?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  processedUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  report?: Resolver<ResolversTypes['ImportReport'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ImportSourceKind'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ImportRunStatus'], ParentType, ContextType>;
  totalUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportRunStatusResolvers = EnumResolverSignature<{ FAILED?: any, FINISHED?: any, RUNNING?: any }, ResolversTypes['ImportRunStatus']>;

export type ImportSourceKindResolvers = EnumResolverSignature<{ MARZBAN?: any, PASARGUARD?: any, REMNAWAVE?: any, THREE_X_UI?: any }, ResolversTypes['ImportSourceKind']>;

export type ImportStatusChangeResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ImportStatusChange'] = ResolversParentTypes['ImportStatusChange']> = {
  from?: Resolver<ResolversTypes['UserStatus'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['UserStatus'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InactiveUserResponseResolvers = EnumResolverSignature<{ FORBIDDEN?: any, NOT_FOUND?: any, PLACEHOLDER?: any }, ResolversTypes['InactiveUserResponse']>;

export type InboundResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Inbound'] = ResolversParentTypes['Inbound']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  port?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  protocol?: Resolver<ResolversTypes['Protocol'], ParentType, ContextType>;
  protocolSettings?: Resolver<ResolversTypes['ProtocolSettings'], ParentType, ContextType>;
  remark?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  security?: Resolver<ResolversTypes['Security'], ParentType, ContextType>;
  securitySettings?: Resolver<ResolversTypes['SecuritySettings'], ParentType, ContextType>;
  servers?: Resolver<Array<ResolversTypes['Server']>, ParentType, ContextType>;
  tag?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  transport?: Resolver<ResolversTypes['Transport'], ParentType, ContextType>;
  transportSettings?: Resolver<ResolversTypes['TransportSettings'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type InboundTrafficResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['InboundTraffic'] = ResolversParentTypes['InboundTraffic']> = {
  download?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  server?: Resolver<ResolversTypes['Server'], ParentType, ContextType>;
  tag?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  upload?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
};

export type InvoiceResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice']> = {
  chainPayments?: Resolver<Array<ResolversTypes['ChainPayment']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deposit?: Resolver<Maybe<ResolversTypes['ChainDeposit']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  flag?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['InvoiceLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  paidVia?: Resolver<Maybe<ResolversTypes['PaymentMethod']>, ParentType, ContextType>;
  paymentRef?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType>;
  refundedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvoiceStatus'], ParentType, ContextType>;
  stripeSessionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  terms?: Resolver<ResolversTypes['InvoiceTerms'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InvoiceConnectionResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['InvoiceConnection'] = ResolversParentTypes['InvoiceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InvoiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type InvoiceEdgeResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['InvoiceEdge'] = ResolversParentTypes['InvoiceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
};

export type InvoiceLineResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['InvoiceLine'] = ResolversParentTypes['InvoiceLine']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitAmount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InvoiceStatusResolvers = EnumResolverSignature<{ EXPIRED?: any, OPEN?: any, PAID?: any, PARTIALLY_PAID?: any, REFUNDED?: any, VOID?: any }, ResolversTypes['InvoiceStatus']>;

export type InvoiceTermsResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['InvoiceTerms'] = ResolversParentTypes['InvoiceTerms']> = {
  dataLimit?: Resolver<Maybe<ResolversTypes['Bytes']>, ParentType, ContextType>;
  deviceLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  durationDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  planName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resetStrategy?: Resolver<ResolversTypes['ResetStrategy'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type JobProgressResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['JobProgress'] = ResolversParentTypes['JobProgress']> = {
  phase?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rowsDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tablesDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tablesTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LegacySubscriptionPathResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['LegacySubscriptionPath'] = ResolversParentTypes['LegacySubscriptionPath']> = {
  format?: Resolver<Maybe<ResolversTypes['SubscriptionFormat']>, ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MetricsEndpointResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['MetricsEndpoint'] = ResolversParentTypes['MetricsEndpoint']> = {
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tokenCreatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type MetricsTokenResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['MetricsToken'] = ResolversParentTypes['MetricsToken']> = {
  endpoint?: Resolver<ResolversTypes['MetricsEndpoint'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  applyPlan?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationApplyPlanArgs, 'planId' | 'userId'>>;
  backupDatabase?: Resolver<ResolversTypes['BackupResult'], ParentType, ContextType>;
  beginImport?: Resolver<ResolversTypes['ImportRun'], ParentType, ContextType, RequireFields<MutationBeginImportArgs, 'input'>>;
  beginOidcLogin?: Resolver<ResolversTypes['OidcSignIn'], ParentType, ContextType>;
  beginPasskeyLogin?: Resolver<ResolversTypes['PasskeyCeremony'], ParentType, ContextType>;
  beginPasskeyRegistration?: Resolver<ResolversTypes['PasskeyCeremony'], ParentType, ContextType>;
  beginTotpEnrollment?: Resolver<ResolversTypes['TotpEnrollment'], ParentType, ContextType>;
  changePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'input'>>;
  completeSecondFactor?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationCompleteSecondFactorArgs, 'input'>>;
  configureTelegramBot?: Resolver<ResolversTypes['TelegramBot'], ParentType, ContextType, RequireFields<MutationConfigureTelegramBotArgs, 'token'>>;
  confirmTotpEnrollment?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType, RequireFields<MutationConfirmTotpEnrollmentArgs, 'code'>>;
  createAdmin?: Resolver<ResolversTypes['Admin'], ParentType, ContextType, RequireFields<MutationCreateAdminArgs, 'input'>>;
  createChain?: Resolver<ResolversTypes['Chain'], ParentType, ContextType, RequireFields<MutationCreateChainArgs, 'input'>>;
  createChainToken?: Resolver<ResolversTypes['ChainToken'], ParentType, ContextType, RequireFields<MutationCreateChainTokenArgs, 'input'>>;
  createGroup?: Resolver<ResolversTypes['Group'], ParentType, ContextType, RequireFields<MutationCreateGroupArgs, 'input'>>;
  createInbound?: Resolver<ResolversTypes['Inbound'], ParentType, ContextType, RequireFields<MutationCreateInboundArgs, 'input'>>;
  createInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationCreateInvoiceArgs, 'input'>>;
  createPlan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType, RequireFields<MutationCreatePlanArgs, 'input'>>;
  createServer?: Resolver<ResolversTypes['Server'], ParentType, ContextType, RequireFields<MutationCreateServerArgs, 'input'>>;
  createServerEnrollment?: Resolver<ResolversTypes['ServerEnrollment'], ParentType, ContextType, RequireFields<MutationCreateServerEnrollmentArgs, 'id'>>;
  createUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  createWebhookChannel?: Resolver<ResolversTypes['WebhookChannelWithSecret'], ParentType, ContextType, RequireFields<MutationCreateWebhookChannelArgs, 'input'>>;
  deleteAdmin?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteAdminArgs, 'id'>>;
  deleteAgentRelease?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteAgentReleaseArgs, 'version'>>;
  deleteBackup?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteBackupArgs, 'id'>>;
  deleteGroup?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteGroupArgs, 'id'>>;
  deleteInbound?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteInboundArgs, 'id'>>;
  deleteNotificationChannel?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteNotificationChannelArgs, 'id'>>;
  deletePlan?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeletePlanArgs, 'id'>>;
  deleteServer?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteServerArgs, 'id'>>;
  deleteUser?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteUserArgs, 'id'>>;
  disableTotp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDisableTotpArgs, 'code'>>;
  fetchPeerApi?: Resolver<ResolversTypes['PeerApiResponse'], ParentType, ContextType, RequireFields<MutationFetchPeerApiArgs, 'input'>>;
  finishImport?: Resolver<ResolversTypes['ImportRun'], ParentType, ContextType, RequireFields<MutationFinishImportArgs, 'runId'>>;
  finishOidcLogin?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationFinishOidcLoginArgs, 'input'>>;
  finishPasskeyLogin?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationFinishPasskeyLoginArgs, 'input'>>;
  finishPasskeyRegistration?: Resolver<ResolversTypes['Passkey'], ParentType, ContextType, RequireFields<MutationFinishPasskeyRegistrationArgs, 'input'>>;
  importUsers?: Resolver<ResolversTypes['ImportRun'], ParentType, ContextType, RequireFields<MutationImportUsersArgs, 'runId' | 'users'>>;
  linkOidcIdentity?: Resolver<ResolversTypes['OidcIdentity'], ParentType, ContextType, RequireFields<MutationLinkOidcIdentityArgs, 'input'>>;
  linkTelegramChat?: Resolver<ResolversTypes['TelegramLinkOffer'], ParentType, ContextType>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'input'>>;
  logout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  markInvoicePaid?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationMarkInvoicePaidArgs, 'id' | 'reference'>>;
  markNotificationsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationMarkNotificationsReadArgs, 'all'>>;
  markNotificationsUnread?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationMarkNotificationsUnreadArgs, 'ids'>>;
  refreshToken?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshTokenArgs, 'token'>>;
  refundInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationRefundInvoiceArgs, 'id' | 'revoke'>>;
  regenerateBackupCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType, RequireFields<MutationRegenerateBackupCodesArgs, 'code'>>;
  removePasskey?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemovePasskeyArgs, 'id'>>;
  removeTelegramBot?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  removeUserDevice?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveUserDeviceArgs, 'hwid' | 'userId'>>;
  renamePasskey?: Resolver<ResolversTypes['Passkey'], ParentType, ContextType, RequireFields<MutationRenamePasskeyArgs, 'id' | 'name'>>;
  replayDeadDeliveries?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationReplayDeadDeliveriesArgs, 'channelId'>>;
  replayDelivery?: Resolver<ResolversTypes['NotificationDelivery'], ParentType, ContextType, RequireFields<MutationReplayDeliveryArgs, 'id'>>;
  requestServiceRestart?: Resolver<Array<ResolversTypes['NodeOperation']>, ParentType, ContextType, RequireFields<MutationRequestServiceRestartArgs, 'service'>>;
  resealSecrets?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resetSubscriptionRules?: Resolver<Array<ResolversTypes['SubscriptionRule']>, ParentType, ContextType>;
  resetUserUsage?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationResetUserUsageArgs, 'id'>>;
  restartService?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRestartServiceArgs, 'service'>>;
  restoreBackup?: Resolver<ResolversTypes['RestoreResult'], ParentType, ContextType, RequireFields<MutationRestoreBackupArgs, 'confirm' | 'id'>>;
  revokeMetricsToken?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revokeOtherSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  revokeSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeSessionArgs, 'id'>>;
  rollbackNodeConfig?: Resolver<ResolversTypes['Server'], ParentType, ContextType, RequireFields<MutationRollbackNodeConfigArgs, 'serverId' | 'version'>>;
  rotateMetricsToken?: Resolver<ResolversTypes['MetricsToken'], ParentType, ContextType>;
  rotateSubscriptionToken?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationRotateSubscriptionTokenArgs, 'userId'>>;
  rotateUserCredentials?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationRotateUserCredentialsArgs, 'userId'>>;
  rotateWebhookSecret?: Resolver<ResolversTypes['WebhookChannelWithSecret'], ParentType, ContextType, RequireFields<MutationRotateWebhookSecretArgs, 'id'>>;
  setIpAllowlist?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType, RequireFields<MutationSetIpAllowlistArgs, 'cidrs'>>;
  setPasswordLogin?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationSetPasswordLoginArgs, 'enabled'>>;
  setServerRoutingPolicyOverride?: Resolver<ResolversTypes['Server'], ParentType, ContextType, RequireFields<MutationSetServerRoutingPolicyOverrideArgs, 'id'>>;
  signIn?: Resolver<ResolversTypes['SignInResult'], ParentType, ContextType, RequireFields<MutationSignInArgs, 'input'>>;
  testChain?: Resolver<ResolversTypes['ChainTestResult'], ParentType, ContextType, RequireFields<MutationTestChainArgs, 'input'>>;
  testNotificationChannel?: Resolver<ResolversTypes['NotificationDelivery'], ParentType, ContextType, RequireFields<MutationTestNotificationChannelArgs, 'id'>>;
  topUpResellerQuota?: Resolver<ResolversTypes['Admin'], ParentType, ContextType, RequireFields<MutationTopUpResellerQuotaArgs, 'adminId' | 'bytes'>>;
  unlinkOidcIdentity?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationUnlinkOidcIdentityArgs, 'id'>>;
  unpinNodeConfig?: Resolver<ResolversTypes['Server'], ParentType, ContextType, RequireFields<MutationUnpinNodeConfigArgs, 'serverId'>>;
  updateAdmin?: Resolver<ResolversTypes['Admin'], ParentType, ContextType, RequireFields<MutationUpdateAdminArgs, 'id' | 'input'>>;
  updateAgent?: Resolver<Array<ResolversTypes['NodeOperation']>, ParentType, ContextType, RequireFields<MutationUpdateAgentArgs, 'version'>>;
  updateChain?: Resolver<ResolversTypes['Chain'], ParentType, ContextType, RequireFields<MutationUpdateChainArgs, 'id' | 'input'>>;
  updateChainToken?: Resolver<ResolversTypes['ChainToken'], ParentType, ContextType, RequireFields<MutationUpdateChainTokenArgs, 'id' | 'input'>>;
  updateGroup?: Resolver<ResolversTypes['Group'], ParentType, ContextType, RequireFields<MutationUpdateGroupArgs, 'id' | 'input'>>;
  updateInbound?: Resolver<ResolversTypes['Inbound'], ParentType, ContextType, RequireFields<MutationUpdateInboundArgs, 'id' | 'input'>>;
  updateNotificationChannel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType, RequireFields<MutationUpdateNotificationChannelArgs, 'id' | 'input'>>;
  updatePlan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType, RequireFields<MutationUpdatePlanArgs, 'id' | 'input'>>;
  updateRoutingPolicy?: Resolver<ResolversTypes['RoutingPolicy'], ParentType, ContextType, RequireFields<MutationUpdateRoutingPolicyArgs, 'input'>>;
  updateServer?: Resolver<ResolversTypes['Server'], ParentType, ContextType, RequireFields<MutationUpdateServerArgs, 'id' | 'input'>>;
  updateSettings?: Resolver<ResolversTypes['Settings'], ParentType, ContextType, RequireFields<MutationUpdateSettingsArgs, 'input'>>;
  updateSubscriptionRules?: Resolver<Array<ResolversTypes['SubscriptionRule']>, ParentType, ContextType, RequireFields<MutationUpdateSubscriptionRulesArgs, 'rules'>>;
  updateUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateUserArgs, 'id' | 'input'>>;
  voidInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationVoidInvoiceArgs, 'id'>>;
};

export type NodeOperationResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['NodeOperation'] = ResolversParentTypes['NodeOperation']> = {
  configVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NodeOperationKind'], ParentType, ContextType>;
  notAfter?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requestedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  server?: Resolver<ResolversTypes['Server'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NodeOperationStatus'], ParentType, ContextType>;
  targetVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NotificationResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  data?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoiceId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  read?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  serverId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['NotificationSeverity'], ParentType, ContextType>;
  userId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type NotificationChannelResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['NotificationChannel'] = ResolversParentTypes['NotificationChannel']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  delivered24h?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  disabledReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  eventKinds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  failing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChannelKind'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['NotificationLanguage'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  telegramChatId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NotificationConnectionResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NotificationDeliveryResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['NotificationDelivery'] = ResolversParentTypes['NotificationDelivery']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastStatusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DeliveryStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type NotificationDeliveryConnectionResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['NotificationDeliveryConnection'] = ResolversParentTypes['NotificationDeliveryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NotificationDeliveryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type NotificationDeliveryEdgeResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['NotificationDeliveryEdge'] = ResolversParentTypes['NotificationDeliveryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['NotificationDelivery'], ParentType, ContextType>;
};

export type NotificationEdgeResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['NotificationEdge'] = ResolversParentTypes['NotificationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
};

export type OidcIdentityResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['OidcIdentity'] = ResolversParentTypes['OidcIdentity']> = {
  adminId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OidcIdentityKind'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OidcIdentityKindResolvers = EnumResolverSignature<{ EMAIL?: any, SUBJECT?: any }, ResolversTypes['OidcIdentityKind']>;

export type OidcSignInResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['OidcSignIn'] = ResolversParentTypes['OidcSignIn']> = {
  authorizationUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PasskeyResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Passkey'] = ResolversParentTypes['Passkey']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PasskeyCeremonyResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['PasskeyCeremony'] = ResolversParentTypes['PasskeyCeremony']> = {
  challengeToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  options?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
};

export type PaymentMethodResolvers = EnumResolverSignature<{ MANUAL?: any, ONCHAIN?: any, STRIPE?: any }, ResolversTypes['PaymentMethod']>;

export type PeerApiResponseResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['PeerApiResponse'] = ResolversParentTypes['PeerApiResponse']> = {
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlanResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataLimit?: Resolver<Maybe<ResolversTypes['Bytes']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deviceLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  durationDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prices?: Resolver<Array<ResolversTypes['Price']>, ParentType, ContextType>;
  resetStrategy?: Resolver<ResolversTypes['ResetStrategy'], ParentType, ContextType>;
  sortOrder?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  visible?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PriceResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Price'] = ResolversParentTypes['Price']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProtocolResolvers = EnumResolverSignature<{ HYSTERIA2?: any, SHADOWSOCKS?: any, TROJAN?: any, VLESS?: any, VMESS?: any }, ResolversTypes['Protocol']>;

export type ProtocolSettingsResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ProtocolSettings'] = ResolversParentTypes['ProtocolSettings']> = {
  flow?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  method?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  obfsPassword?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serverKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  admin?: Resolver<Maybe<ResolversTypes['Admin']>, ParentType, ContextType, RequireFields<QueryAdminArgs, 'id'>>;
  admins?: Resolver<Array<ResolversTypes['Admin']>, ParentType, ContextType>;
  agentReleases?: Resolver<Array<ResolversTypes['AgentRelease']>, ParentType, ContextType>;
  analytics?: Resolver<ResolversTypes['Analytics'], ParentType, ContextType, RequireFields<QueryAnalyticsArgs, 'period'>>;
  auditLog?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, Partial<QueryAuditLogArgs>>;
  backup?: Resolver<Maybe<ResolversTypes['BackupResult']>, ParentType, ContextType, RequireFields<QueryBackupArgs, 'id'>>;
  backups?: Resolver<Array<ResolversTypes['BackupResult']>, ParentType, ContextType, RequireFields<QueryBackupsArgs, 'first'>>;
  billingStatus?: Resolver<ResolversTypes['BillingStatus'], ParentType, ContextType>;
  chainPayments?: Resolver<Array<ResolversTypes['ChainPayment']>, ParentType, ContextType, Partial<QueryChainPaymentsArgs>>;
  chainTokens?: Resolver<Array<ResolversTypes['ChainToken']>, ParentType, ContextType>;
  chains?: Resolver<Array<ResolversTypes['Chain']>, ParentType, ContextType>;
  eventCatalogue?: Resolver<ResolversTypes['EventCatalogue'], ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType, RequireFields<QueryGroupArgs, 'id'>>;
  groups?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
  healthCheck?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
  importRun?: Resolver<Maybe<ResolversTypes['ImportRun']>, ParentType, ContextType, RequireFields<QueryImportRunArgs, 'id'>>;
  importRuns?: Resolver<Array<ResolversTypes['ImportRun']>, ParentType, ContextType, Partial<QueryImportRunsArgs>>;
  inbound?: Resolver<Maybe<ResolversTypes['Inbound']>, ParentType, ContextType, RequireFields<QueryInboundArgs, 'id'>>;
  inbounds?: Resolver<Array<ResolversTypes['Inbound']>, ParentType, ContextType>;
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<QueryInvoiceArgs, 'id'>>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, Partial<QueryInvoicesArgs>>;
  me?: Resolver<ResolversTypes['Admin'], ParentType, ContextType>;
  metricsEndpoint?: Resolver<ResolversTypes['MetricsEndpoint'], ParentType, ContextType>;
  myPasskeys?: Resolver<Array<ResolversTypes['Passkey']>, ParentType, ContextType>;
  mySessions?: Resolver<Array<ResolversTypes['Session']>, ParentType, ContextType>;
  nodeOperations?: Resolver<Array<ResolversTypes['NodeOperation']>, ParentType, ContextType, RequireFields<QueryNodeOperationsArgs, 'first'>>;
  notificationChannels?: Resolver<Array<ResolversTypes['NotificationChannel']>, ParentType, ContextType>;
  notificationDeliveries?: Resolver<ResolversTypes['NotificationDeliveryConnection'], ParentType, ContextType, Partial<QueryNotificationDeliveriesArgs>>;
  notificationFeed?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<QueryNotificationFeedArgs, 'language' | 'unreadOnly'>>;
  oidcIdentities?: Resolver<Array<ResolversTypes['OidcIdentity']>, ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType, RequireFields<QueryPlanArgs, 'id'>>;
  plans?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType, Partial<QueryPlansArgs>>;
  restore?: Resolver<Maybe<ResolversTypes['RestoreResult']>, ParentType, ContextType, RequireFields<QueryRestoreArgs, 'id'>>;
  restores?: Resolver<Array<ResolversTypes['RestoreResult']>, ParentType, ContextType, RequireFields<QueryRestoresArgs, 'first'>>;
  routingPolicy?: Resolver<ResolversTypes['RoutingPolicy'], ParentType, ContextType>;
  server?: Resolver<Maybe<ResolversTypes['Server']>, ParentType, ContextType, RequireFields<QueryServerArgs, 'id'>>;
  serverConfig?: Resolver<ResolversTypes['JSON'], ParentType, ContextType, RequireFields<QueryServerConfigArgs, 'serverId' | 'version'>>;
  serverConfigDiff?: Resolver<ResolversTypes['ServerConfigDiff'], ParentType, ContextType, RequireFields<QueryServerConfigDiffArgs, 'from' | 'serverId' | 'to'>>;
  servers?: Resolver<Array<ResolversTypes['Server']>, ParentType, ContextType, Partial<QueryServersArgs>>;
  settings?: Resolver<ResolversTypes['Settings'], ParentType, ContextType>;
  signInOptions?: Resolver<ResolversTypes['SignInOptions'], ParentType, ContextType>;
  subscriptionRules?: Resolver<Array<ResolversTypes['SubscriptionRule']>, ParentType, ContextType>;
  systemMetrics?: Resolver<ResolversTypes['SystemMetrics'], ParentType, ContextType>;
  systemStatus?: Resolver<ResolversTypes['SystemStatus'], ParentType, ContextType>;
  telegramBot?: Resolver<ResolversTypes['TelegramBot'], ParentType, ContextType>;
  trafficSeries?: Resolver<Array<ResolversTypes['TrafficPoint']>, ParentType, ContextType, RequireFields<QueryTrafficSeriesArgs, 'range'>>;
  trafficStats?: Resolver<ResolversTypes['TrafficStats'], ParentType, ContextType, RequireFields<QueryTrafficStatsArgs, 'period'>>;
  twoFactor?: Resolver<ResolversTypes['TwoFactorStatus'], ParentType, ContextType>;
  usageAnomalies?: Resolver<Array<ResolversTypes['UsageAnomaly']>, ParentType, ContextType, RequireFields<QueryUsageAnomaliesArgs, 'first'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  userDevices?: Resolver<Array<ResolversTypes['UserDevice']>, ParentType, ContextType, RequireFields<QueryUserDevicesArgs, 'userId'>>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, Partial<QueryUsersArgs>>;
};

export type QuotaForecastResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['QuotaForecast'] = ResolversParentTypes['QuotaForecast']> = {
  dailyAverage?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  daysLeft?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  remaining?: Resolver<Maybe<ResolversTypes['Bytes']>, ParentType, ContextType>;
  runsOutAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  runsOutFirst?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type RefundPolicyResolvers = EnumResolverSignature<{ FLAG?: any, REVOKE?: any }, ResolversTypes['RefundPolicy']>;

export type ResetStrategyResolvers = EnumResolverSignature<{ DAY?: any, MONTH?: any, NONE?: any, WEEK?: any, YEAR?: any }, ResolversTypes['ResetStrategy']>;

export type RestoreResultResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['RestoreResult'] = ResolversParentTypes['RestoreResult']> = {
  backupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  progress?: Resolver<Maybe<ResolversTypes['JobProgress']>, ParentType, ContextType>;
  safetyBackupId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  startedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RestoreStatus'], ParentType, ContextType>;
  verifiedTables?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type RestoreStatusResolvers = EnumResolverSignature<{ COMPLETE?: any, FAILED?: any, RUNNING?: any, VERIFYING?: any }, ResolversTypes['RestoreStatus']>;

export type RevenueByPlanResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['RevenueByPlan'] = ResolversParentTypes['RevenueByPlan']> = {
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invoicesPaid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RevenuePointResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['RevenuePoint'] = ResolversParentTypes['RevenuePoint']> = {
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invoicesPaid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RevenueTotalResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['RevenueTotal'] = ResolversParentTypes['RevenueTotal']> = {
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invoicesPaid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RoutingOutboundResolvers = EnumResolverSignature<{ DIRECT?: any, DIRECT_IPV4?: any }, ResolversTypes['RoutingOutbound']>;

export type RoutingPolicyResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['RoutingPolicy'] = ResolversParentTypes['RoutingPolicy']> = {
  allowedPrivate?: Resolver<Array<ResolversTypes['AllowedDestination']>, ParentType, ContextType>;
  blockBittorrent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  blockPrivate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  blockedCidrs?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  blockedDomains?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  blockedPorts?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  defaultOutbound?: Resolver<ResolversTypes['RoutingOutbound'], ParentType, ContextType>;
};

export type RuleMatchModeResolvers = EnumResolverSignature<{ ALL?: any, ANY?: any }, ResolversTypes['RuleMatchMode']>;

export type SecondFactorChallengeResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['SecondFactorChallenge'] = ResolversParentTypes['SecondFactorChallenge']> = {
  challengeToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SecurityResolvers = EnumResolverSignature<{ NONE?: any, REALITY?: any, TLS?: any }, ResolversTypes['Security']>;

export type SecuritySettingsResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['SecuritySettings'] = ResolversParentTypes['SecuritySettings']> = {
  allowInsecure?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  alpn?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  fingerprint?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  realityDest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  realityPublicKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  realityServerNames?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  realityShortIds?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  realitySpiderX?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serverName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ServerResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Server'] = ResolversParentTypes['Server']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agentProtocol?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  agentVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  appliedConfigVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  capabilities?: Resolver<Maybe<ResolversTypes['ServerCapabilities']>, ParentType, ContextType>;
  configHistory?: Resolver<Array<ResolversTypes['ServerConfigVersion']>, ParentType, ContextType, RequireFields<ServerConfigHistoryArgs, 'first'>>;
  configPinnedTo?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  configVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  coreVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  health?: Resolver<Maybe<ResolversTypes['ServerHealth']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inbounds?: Resolver<Array<ResolversTypes['Inbound']>, ParentType, ContextType>;
  lastSeenAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  latitude?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  longitude?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operations?: Resolver<Array<ResolversTypes['NodeOperation']>, ParentType, ContextType, RequireFields<ServerOperationsArgs, 'first'>>;
  routingPolicy?: Resolver<ResolversTypes['RoutingPolicy'], ParentType, ContextType>;
  routingPolicyOverride?: Resolver<Maybe<ResolversTypes['RoutingPolicy']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ServerStatus'], ParentType, ContextType>;
  unservedInbounds?: Resolver<Array<ResolversTypes['UnservedInbound']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ServerCapabilitiesResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ServerCapabilities'] = ResolversParentTypes['ServerCapabilities']> = {
  core?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  protocols?: Resolver<Array<ResolversTypes['Protocol']>, ParentType, ContextType>;
  securities?: Resolver<Array<ResolversTypes['Security']>, ParentType, ContextType>;
  shadowsocksMethods?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tlsCertificate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  transports?: Resolver<Array<ResolversTypes['Transport']>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ServerConfigDiffResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ServerConfigDiff'] = ResolversParentTypes['ServerConfigDiff']> = {
  from?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inboundsAdded?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  inboundsChanged?: Resolver<Array<ResolversTypes['ConfigInboundChange']>, ParentType, ContextType>;
  inboundsRemoved?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  routingChanged?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersAdded?: Resolver<Array<ResolversTypes['ConfigUserRef']>, ParentType, ContextType>;
  usersAddedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersChangedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersFrom?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersRemoved?: Resolver<Array<ResolversTypes['ConfigUserRef']>, ParentType, ContextType>;
  usersRemovedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersTo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ServerConfigVersionResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ServerConfigVersion'] = ResolversParentTypes['ServerConfigVersion']> = {
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  inbounds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  kept?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  operations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['ConfigOutcome'], ParentType, ContextType>;
  outcomeAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rollbackOf?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  users?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ServerEnrollmentResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ServerEnrollment'] = ResolversParentTypes['ServerEnrollment']> = {
  command?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ServerHealthResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ServerHealth'] = ResolversParentTypes['ServerHealth']> = {
  coreRunning?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  cpuPercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  memTotalBytes?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  memUsedBytes?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  netRxBytes?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  netTxBytes?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  uptimeSec?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ServerStatusResolvers = EnumResolverSignature<{ DEGRADED?: any, OFFLINE?: any, ONLINE?: any, PENDING?: any }, ResolversTypes['ServerStatus']>;

export type ServerTrafficResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['ServerTraffic'] = ResolversParentTypes['ServerTraffic']> = {
  download?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  server?: Resolver<ResolversTypes['Server'], ParentType, ContextType>;
  upload?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
};

export type SessionResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = {
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  device?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['SignInMethod'], ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SettingsResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Settings'] = ResolversParentTypes['Settings']> = {
  agentAutoUpdate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  backupIntervalHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  backupKeepCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  backupKeepDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  billingAutomaticTax?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  billingRefundPolicy?: Resolver<ResolversTypes['RefundPolicy'], ParentType, ContextType>;
  corsAllowedOrigins?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  deviceLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedSignInAlertThreshold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inactiveUserResponse?: Resolver<ResolversTypes['InactiveUserResponse'], ParentType, ContextType>;
  invoiceTtlHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  legacySubscriptionPaths?: Resolver<Array<ResolversTypes['LegacySubscriptionPath']>, ParentType, ContextType>;
  reminderDaysLeft?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  reminderUsagePercents?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  retentionAuditDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retentionDailyDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retentionEventDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retentionHourlyDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retentionSessionDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sharingWindowMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subscriptionAnnounce?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscriptionHideSettings?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  subscriptionRemarkTemplate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscriptionRouting?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscriptionSupportUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscriptionTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscriptionUpdateIntervalHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subscriptionUrlPrefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totpRequiredRoles?: Resolver<Array<ResolversTypes['AdminRole']>, ParentType, ContextType>;
};

export type SignInMethodResolvers = EnumResolverSignature<{ OIDC?: any, PASSKEY?: any, PASSWORD?: any, PASSWORD_TOTP?: any }, ResolversTypes['SignInMethod']>;

export type SignInOptionsResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['SignInOptions'] = ResolversParentTypes['SignInOptions']> = {
  oidcEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  oidcIssuer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SignInResultResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['SignInResult'] = ResolversParentTypes['SignInResult']> = {
  __resolveType: TypeResolveFn<'AuthPayload' | 'SecondFactorChallenge', ParentType, ContextType>;
};

export type StripeStatusResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['StripeStatus'] = ResolversParentTypes['StripeStatus']> = {
  lastWebhook?: Resolver<Maybe<ResolversTypes['StripeWebhookReceipt']>, ParentType, ContextType>;
  recentWebhooks?: Resolver<Array<ResolversTypes['StripeWebhookReceipt']>, ParentType, ContextType, RequireFields<StripeStatusRecentWebhooksArgs, 'first'>>;
  secretKeyConfigured?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  webhookEvents?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  webhookSecretConfigured?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  webhookUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StripeWebhookReceiptResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['StripeWebhookReceipt'] = ResolversParentTypes['StripeWebhookReceipt']> = {
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['StripeWebhookVerdict'], ParentType, ContextType>;
};

export type StripeWebhookVerdictResolvers = EnumResolverSignature<{ BAD_SIGNATURE?: any, DUPLICATE?: any, FAILED?: any, IGNORED?: any, PROCESSED?: any }, ResolversTypes['StripeWebhookVerdict']>;

export type SubscriptionResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  invoiceUpdated?: SubscriptionResolver<ResolversTypes['Invoice'], "invoiceUpdated", ParentType, ContextType, RequireFields<SubscriptionInvoiceUpdatedArgs, 'id'>>;
  notifications?: SubscriptionResolver<ResolversTypes['Notification'], "notifications", ParentType, ContextType, Partial<SubscriptionNotificationsArgs>>;
  serverStatus?: SubscriptionResolver<ResolversTypes['Server'], "serverStatus", ParentType, ContextType, Partial<SubscriptionServerStatusArgs>>;
  systemMetrics?: SubscriptionResolver<ResolversTypes['SystemMetrics'], "systemMetrics", ParentType, ContextType>;
  userTraffic?: SubscriptionResolver<ResolversTypes['TrafficUpdate'], "userTraffic", ParentType, ContextType, RequireFields<SubscriptionUserTrafficArgs, 'userId'>>;
};

export type SubscriptionFormatResolvers = EnumResolverSignature<{ BASE64?: any, CLASH?: any, CLASH_META?: any, LINKS?: any, OUTLINE?: any, PAGE?: any, SING_BOX?: any, XRAY_JSON?: any }, ResolversTypes['SubscriptionFormat']>;

export type SubscriptionRuleResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['SubscriptionRule'] = ResolversParentTypes['SubscriptionRule']> = {
  action?: Resolver<ResolversTypes['SubscriptionRuleAction'], ParentType, ContextType>;
  conditions?: Resolver<Array<ResolversTypes['HeaderCondition']>, ParentType, ContextType>;
  format?: Resolver<Maybe<ResolversTypes['SubscriptionFormat']>, ParentType, ContextType>;
  match?: Resolver<ResolversTypes['RuleMatchMode'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SubscriptionRuleActionResolvers = EnumResolverSignature<{ BLOCK?: any, NOT_FOUND?: any, SERVE?: any }, ResolversTypes['SubscriptionRuleAction']>;

export type SystemMetricsResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['SystemMetrics'] = ResolversParentTypes['SystemMetrics']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  downloadRate?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  serversDegraded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  serversOffline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  serversOnline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  uploadRate?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  users?: Resolver<ResolversTypes['UserCounts'], ParentType, ContextType>;
};

export type SystemStatusResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['SystemStatus'] = ResolversParentTypes['SystemStatus']> = {
  groups?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inbounds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  servers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  users?: Resolver<ResolversTypes['UserCounts'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TelegramBotResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['TelegramBot'] = ResolversParentTypes['TelegramBot']> = {
  configured?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastUpdateAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  username?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  webhookUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type TelegramLinkOfferResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['TelegramLinkOffer'] = ResolversParentTypes['TelegramLinkOffer']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TotpEnrollmentResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['TotpEnrollment'] = ResolversParentTypes['TotpEnrollment']> = {
  qrSvg?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uri?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TrafficPointResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['TrafficPoint'] = ResolversParentTypes['TrafficPoint']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  download?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  upload?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
};

export type TrafficStatsResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['TrafficStats'] = ResolversParentTypes['TrafficStats']> = {
  anomalies?: Resolver<Array<ResolversTypes['UsageAnomaly']>, ParentType, ContextType>;
  byServer?: Resolver<Array<ResolversTypes['ServerTraffic']>, ParentType, ContextType>;
  clientAddresses?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  download?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  forecast?: Resolver<Maybe<ResolversTypes['QuotaForecast']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['TimePeriod'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  traffic?: Resolver<Array<ResolversTypes['TrafficPoint']>, ParentType, ContextType>;
  upload?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  userId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type TrafficUpdateResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['TrafficUpdate'] = ResolversParentTypes['TrafficUpdate']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  download?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  upload?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  usedTraffic?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type TransportResolvers = EnumResolverSignature<{ GRPC?: any, HTTPUPGRADE?: any, TCP?: any, WS?: any, XHTTP?: any }, ResolversTypes['Transport']>;

export type TransportSettingsResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['TransportSettings'] = ResolversParentTypes['TransportSettings']> = {
  headerType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  host?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  path?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serviceName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type TwoFactorStatusResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['TwoFactorStatus'] = ResolversParentTypes['TwoFactorStatus']> = {
  backupCodesLeft?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mustEnrollTotp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  passwordLoginDisabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  totpEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  totpEnabledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type UnservedInboundResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['UnservedInbound'] = ResolversParentTypes['UnservedInbound']> = {
  inbound?: Resolver<ResolversTypes['Inbound'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UsageAnomalyResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['UsageAnomaly'] = ResolversParentTypes['UsageAnomaly']> = {
  baseline?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  detectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  hour?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AnomalyKind'], ParentType, ContextType>;
  observed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  credentials?: Resolver<ResolversTypes['UserCredentials'], ParentType, ContextType>;
  dataLimit?: Resolver<Maybe<ResolversTypes['Bytes']>, ParentType, ContextType>;
  deviceLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  expireAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onHoldExpireDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['Admin'], ParentType, ContextType>;
  resetStrategy?: Resolver<ResolversTypes['ResetStrategy'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['UserStatus'], ParentType, ContextType>;
  subscriptionUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  telegramId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  telegramLinked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  usedTraffic?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UserCountsResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['UserCounts'] = ResolversParentTypes['UserCounts']> = {
  active?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  disabled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expired?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  limited?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onHold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UserCredentialsResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['UserCredentials'] = ResolversParentTypes['UserCredentials']> = {
  hysteria2Password?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shadowsocksPassword?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trojanPassword?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  vlessId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  vmessId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserDeviceResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['UserDevice'] = ResolversParentTypes['UserDevice']> = {
  firstSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  hwid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  osVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  platform?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type UserEdgeResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type UserOrderFieldResolvers = EnumResolverSignature<{ EXPIRE_AT?: any, USED_TRAFFIC?: any, USERNAME?: any }, ResolversTypes['UserOrderField']>;

export type UserStatusResolvers = EnumResolverSignature<{ ACTIVE?: any, DISABLED?: any, EXPIRED?: any, LIMITED?: any, ON_HOLD?: any }, ResolversTypes['UserStatus']>;

export type UserStatusCountResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['UserStatusCount'] = ResolversParentTypes['UserStatusCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['UserStatus'], ParentType, ContextType>;
};

export type UserTrafficTotalResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['UserTrafficTotal'] = ResolversParentTypes['UserTrafficTotal']> = {
  download?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  upload?: Resolver<ResolversTypes['Bytes'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type WebhookChannelWithSecretResolvers<ContextType = SignedInContext, ParentType extends ResolversParentTypes['WebhookChannelWithSecret'] = ResolversParentTypes['WebhookChannelWithSecret']> = {
  channel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = SignedInContext> = {
  Admin?: AdminResolvers<ContextType>;
  AdminRole?: AdminRoleResolvers;
  AgentRelease?: AgentReleaseResolvers<ContextType>;
  AllowedDestination?: AllowedDestinationResolvers<ContextType>;
  Analytics?: AnalyticsResolvers<ContextType>;
  AnomalyKind?: AnomalyKindResolvers;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  BackupResult?: BackupResultResolvers<ContextType>;
  BackupStatus?: BackupStatusResolvers;
  BackupTable?: BackupTableResolvers<ContextType>;
  BackupTrigger?: BackupTriggerResolvers;
  BillingStatus?: BillingStatusResolvers<ContextType>;
  Bytes?: GraphQLScalarType;
  Chain?: ChainResolvers<ContextType>;
  ChainDeposit?: ChainDepositResolvers<ContextType>;
  ChainPayment?: ChainPaymentResolvers<ContextType>;
  ChainPaymentRejection?: ChainPaymentRejectionResolvers;
  ChainPaymentStatus?: ChainPaymentStatusResolvers;
  ChainTestResult?: ChainTestResultResolvers<ContextType>;
  ChainToken?: ChainTokenResolvers<ContextType>;
  ChannelKind?: ChannelKindResolvers;
  ConfigInboundChange?: ConfigInboundChangeResolvers<ContextType>;
  ConfigUserRef?: ConfigUserRefResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeliveryStatus?: DeliveryStatusResolvers;
  EventCatalogue?: EventCatalogueResolvers<ContextType>;
  EventKindInfo?: EventKindInfoResolvers<ContextType>;
  Group?: GroupResolvers<ContextType>;
  HeaderCondition?: HeaderConditionResolvers<ContextType>;
  HeaderMatchOperator?: HeaderMatchOperatorResolvers;
  HealthStatus?: HealthStatusResolvers<ContextType>;
  ImportCount?: ImportCountResolvers<ContextType>;
  ImportEnrollment?: ImportEnrollmentResolvers<ContextType>;
  ImportIssue?: ImportIssueResolvers<ContextType>;
  ImportRecordKind?: ImportRecordKindResolvers;
  ImportReport?: ImportReportResolvers<ContextType>;
  ImportRun?: ImportRunResolvers<ContextType>;
  ImportRunStatus?: ImportRunStatusResolvers;
  ImportSourceKind?: ImportSourceKindResolvers;
  ImportStatusChange?: ImportStatusChangeResolvers<ContextType>;
  InactiveUserResponse?: InactiveUserResponseResolvers;
  Inbound?: InboundResolvers<ContextType>;
  InboundTraffic?: InboundTrafficResolvers<ContextType>;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceConnection?: InvoiceConnectionResolvers<ContextType>;
  InvoiceEdge?: InvoiceEdgeResolvers<ContextType>;
  InvoiceLine?: InvoiceLineResolvers<ContextType>;
  InvoiceStatus?: InvoiceStatusResolvers;
  InvoiceTerms?: InvoiceTermsResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  JobProgress?: JobProgressResolvers<ContextType>;
  LegacySubscriptionPath?: LegacySubscriptionPathResolvers<ContextType>;
  MetricsEndpoint?: MetricsEndpointResolvers<ContextType>;
  MetricsToken?: MetricsTokenResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NodeOperation?: NodeOperationResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationChannel?: NotificationChannelResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  NotificationDelivery?: NotificationDeliveryResolvers<ContextType>;
  NotificationDeliveryConnection?: NotificationDeliveryConnectionResolvers<ContextType>;
  NotificationDeliveryEdge?: NotificationDeliveryEdgeResolvers<ContextType>;
  NotificationEdge?: NotificationEdgeResolvers<ContextType>;
  OidcIdentity?: OidcIdentityResolvers<ContextType>;
  OidcIdentityKind?: OidcIdentityKindResolvers;
  OidcSignIn?: OidcSignInResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Passkey?: PasskeyResolvers<ContextType>;
  PasskeyCeremony?: PasskeyCeremonyResolvers<ContextType>;
  PaymentMethod?: PaymentMethodResolvers;
  PeerApiResponse?: PeerApiResponseResolvers<ContextType>;
  Plan?: PlanResolvers<ContextType>;
  Price?: PriceResolvers<ContextType>;
  Protocol?: ProtocolResolvers;
  ProtocolSettings?: ProtocolSettingsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  QuotaForecast?: QuotaForecastResolvers<ContextType>;
  RefundPolicy?: RefundPolicyResolvers;
  ResetStrategy?: ResetStrategyResolvers;
  RestoreResult?: RestoreResultResolvers<ContextType>;
  RestoreStatus?: RestoreStatusResolvers;
  RevenueByPlan?: RevenueByPlanResolvers<ContextType>;
  RevenuePoint?: RevenuePointResolvers<ContextType>;
  RevenueTotal?: RevenueTotalResolvers<ContextType>;
  RoutingOutbound?: RoutingOutboundResolvers;
  RoutingPolicy?: RoutingPolicyResolvers<ContextType>;
  RuleMatchMode?: RuleMatchModeResolvers;
  SecondFactorChallenge?: SecondFactorChallengeResolvers<ContextType>;
  Security?: SecurityResolvers;
  SecuritySettings?: SecuritySettingsResolvers<ContextType>;
  Server?: ServerResolvers<ContextType>;
  ServerCapabilities?: ServerCapabilitiesResolvers<ContextType>;
  ServerConfigDiff?: ServerConfigDiffResolvers<ContextType>;
  ServerConfigVersion?: ServerConfigVersionResolvers<ContextType>;
  ServerEnrollment?: ServerEnrollmentResolvers<ContextType>;
  ServerHealth?: ServerHealthResolvers<ContextType>;
  ServerStatus?: ServerStatusResolvers;
  ServerTraffic?: ServerTrafficResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  Settings?: SettingsResolvers<ContextType>;
  SignInMethod?: SignInMethodResolvers;
  SignInOptions?: SignInOptionsResolvers<ContextType>;
  SignInResult?: SignInResultResolvers<ContextType>;
  StripeStatus?: StripeStatusResolvers<ContextType>;
  StripeWebhookReceipt?: StripeWebhookReceiptResolvers<ContextType>;
  StripeWebhookVerdict?: StripeWebhookVerdictResolvers;
  Subscription?: SubscriptionResolvers<ContextType>;
  SubscriptionFormat?: SubscriptionFormatResolvers;
  SubscriptionRule?: SubscriptionRuleResolvers<ContextType>;
  SubscriptionRuleAction?: SubscriptionRuleActionResolvers;
  SystemMetrics?: SystemMetricsResolvers<ContextType>;
  SystemStatus?: SystemStatusResolvers<ContextType>;
  TelegramBot?: TelegramBotResolvers<ContextType>;
  TelegramLinkOffer?: TelegramLinkOfferResolvers<ContextType>;
  TotpEnrollment?: TotpEnrollmentResolvers<ContextType>;
  TrafficPoint?: TrafficPointResolvers<ContextType>;
  TrafficStats?: TrafficStatsResolvers<ContextType>;
  TrafficUpdate?: TrafficUpdateResolvers<ContextType>;
  Transport?: TransportResolvers;
  TransportSettings?: TransportSettingsResolvers<ContextType>;
  TwoFactorStatus?: TwoFactorStatusResolvers<ContextType>;
  UnservedInbound?: UnservedInboundResolvers<ContextType>;
  UsageAnomaly?: UsageAnomalyResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserCounts?: UserCountsResolvers<ContextType>;
  UserCredentials?: UserCredentialsResolvers<ContextType>;
  UserDevice?: UserDeviceResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
  UserOrderField?: UserOrderFieldResolvers;
  UserStatus?: UserStatusResolvers;
  UserStatusCount?: UserStatusCountResolvers<ContextType>;
  UserTrafficTotal?: UserTrafficTotalResolvers<ContextType>;
  WebhookChannelWithSecret?: WebhookChannelWithSecretResolvers<ContextType>;
};

