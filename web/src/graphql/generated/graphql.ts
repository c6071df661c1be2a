/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AdminRole =
  | 'ADMIN'
  | 'OWNER'
  | 'RESELLER';

export type AllowedDestinationInput = {
  cidr: string;
  ports?: Array<string> | null | undefined;
};

export type AnomalyKind =
  /** More distinct client addresses within the window than the user's device limit. */
  | 'ACCOUNT_SHARING'
  /** An hour's usage far above the user's own median (median + k x MAD of its hourly usage). */
  | 'USAGE_SPIKE';

export type AuditFilter = {
  action?: string | null | undefined;
  /** Every action starting with this, e.g. auth. for sign-ins, failed sign-ins, factor changes and session revocations. */
  actionPrefix?: string | null | undefined;
  actorId?: string | number | null | undefined;
  targetId?: string | null | undefined;
  targetType?: string | null | undefined;
};

export type BackupStatus =
  | 'COMPLETE'
  | 'FAILED'
  | 'RUNNING';

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
  dryRun: boolean;
  inbounds: Array<ImportInboundInput>;
  nodes: Array<ImportNodeInput>;
  source: ImportSourceInput;
  /** How many users the batches will carry, for progress. */
  totalUsers: number;
  /** What the reader could not map (features, inbounds of protocols we do not serve, ...). */
  unmapped: Array<ImportIssueInput>;
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

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
};

export type ChannelKind =
  | 'TELEGRAM'
  | 'WEBHOOK';

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

export type CreateAdminInput = {
  maxDataLimit?: number | null | undefined;
  maxUsers?: number | null | undefined;
  password: string;
  role: AdminRole;
  username: string;
};

export type CreateChainInput = {
  chainId: number;
  confirmations?: number | null | undefined;
  enabled?: boolean | null | undefined;
  explorerUrl?: string | null | undefined;
  /** Default 2000 (Alchemy's cap); lower it for a provider with a tighter one. */
  logBlockRange?: number | null | undefined;
  name: string;
  rpcUrl: string;
};

export type CreateChainTokenInput = {
  address?: string | null | undefined;
  chainId: string | number;
  currency: string;
  decimals: number;
  enabled?: boolean | null | undefined;
  symbol: string;
};

export type CreateGroupInput = {
  inboundIds?: Array<string | number> | null | undefined;
  name: string;
  note?: string | null | undefined;
};

export type CreateInboundInput = {
  port: number;
  protocol: Protocol;
  protocolSettings?: ProtocolSettingsInput | null | undefined;
  remark?: string | null | undefined;
  security?: Security | null | undefined;
  securitySettings?: SecuritySettingsInput | null | undefined;
  tag: string;
  transport?: Transport | null | undefined;
  transportSettings?: TransportSettingsInput | null | undefined;
};

export type CreateInvoiceInput = {
  /** One of the plan's price currencies. */
  currency: string;
  planId: string | number;
  userId: string | number;
};

export type CreatePlanInput = {
  dataLimit?: number | null | undefined;
  description?: string | null | undefined;
  deviceLimit?: number | null | undefined;
  durationDays?: number | null | undefined;
  groupIds?: Array<string | number> | null | undefined;
  name: string;
  prices: Array<PriceInput>;
  resetStrategy?: ResetStrategy | null | undefined;
  sortOrder?: number | null | undefined;
  visible?: boolean | null | undefined;
};

export type CreateServerInput = {
  address: string;
  inboundIds?: Array<string | number> | null | undefined;
  /** Degrees, -90 to 90. */
  latitude?: number | null | undefined;
  /** Degrees, -180 to 180. */
  longitude?: number | null | undefined;
  name: string;
};

/** status may be ACTIVE (default), DISABLED or ON_HOLD (with onHoldExpireDays). ownerId needs an admin or the owner. */
export type CreateUserInput = {
  /** Explicit secrets, e.g. a moved customer's: omitted ones are generated on create and kept on update. */
  credentials?: UserCredentialsInput | null | undefined;
  dataLimit?: number | null | undefined;
  deviceLimit?: number | null | undefined;
  expireAt?: string | null | undefined;
  groupIds?: Array<string | number> | null | undefined;
  note?: string | null | undefined;
  onHoldExpireDays?: number | null | undefined;
  ownerId?: string | number | null | undefined;
  resetStrategy?: ResetStrategy | null | undefined;
  status?: UserStatus | null | undefined;
  /** An explicit subscription token (16 to 128 of A-Z a-z 0-9 _ -), e.g. the one the customer's old link carries. */
  subToken?: string | null | undefined;
  /** The user's Telegram chat id; empty string clears it. */
  telegramId?: string | null | undefined;
  username: string;
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

export type FinishOidcLoginInput = {
  code: string;
  state: string;
};

export type FinishPasskeyLoginInput = {
  challengeToken: string;
  /** JSON.stringify of the browser's credential (PublicKeyCredential.toJSON(), an AuthenticationResponseJSON). */
  response: string;
};

export type FinishPasskeyRegistrationInput = {
  challengeToken: string;
  /** What the admin calls it, e.g. YubiKey or Work laptop. */
  name: string;
  /** JSON.stringify of the browser's credential (PublicKeyCredential.toJSON(), a RegistrationResponseJSON). */
  response: string;
};

export type HeaderConditionInput = {
  caseSensitive?: boolean | null | undefined;
  header: string;
  operator: HeaderMatchOperator;
  value: string;
};

export type HeaderMatchOperator =
  | 'CONTAINS'
  | 'EQUALS'
  | 'REGEX';

/** A user's way into one peer inbound, with the secret it uses there when that differs from its credentials. */
export type ImportAccessInput = {
  /** vless flow in this inbound; empty string for none. */
  flow?: string | null | undefined;
  inboundKey: string;
  /** shadowsocks method in this inbound. */
  method?: string | null | undefined;
  /** UUID (vless, vmess) or password (trojan, shadowsocks, hysteria2) in this inbound. */
  secret?: string | null | undefined;
};

/** A peer admin. Resellers own the users whose ownerKey names them. */
export type ImportAdminInput = {
  key: string;
  /** The peer's bcrypt hash: the admin signs in with the same password, rehashed on first sign-in. */
  passwordHash?: string | null | undefined;
  role: AdminRole;
  username: string;
};

/** Per-protocol secrets, as the peer holds them. */
export type ImportCredentialsInput = {
  hysteria2Password?: string | null | undefined;
  shadowsocksPassword?: string | null | undefined;
  trojanPassword?: string | null | undefined;
  vlessId?: string | null | undefined;
  vmessId?: string | null | undefined;
};

/** A peer inbound in our terms. Settings follow the shapes createInbound takes. */
export type ImportInboundInput = {
  /** The peer's identity for it (3x-ui inbound id, Marzban tag, Remnawave uuid). */
  key: string;
  /** Keys of the peer nodes serving it. */
  nodeKeys: Array<string>;
  port: number;
  protocol: Protocol;
  protocolSettings?: ProtocolSettingsInput | null | undefined;
  remark?: string | null | undefined;
  security: Security;
  securitySettings?: SecuritySettingsInput | null | undefined;
  tag: string;
  transport: Transport;
  transportSettings?: TransportSettingsInput | null | undefined;
};

/** Something of the peer's that has no place here, listed so nothing is dropped silently. */
export type ImportIssueInput = {
  key: string;
  kind: ImportRecordKind;
  name: string;
  reason: string;
};

/** What a Marzban/PasarGuard subscription token names; tokens minted before notBefore stay refused. */
export type ImportLegacyTokenInput = {
  /** max(created_at, sub_revoked_at) rounded up to the second. */
  notBefore: string;
  /** PasarGuard's newer tokens carry the numeric id. */
  peerUserId?: string | null | undefined;
  /** Case as the peer stores it: Marzban tokens carry it. */
  username: string;
};

/** A peer node: it becomes a pending node with its own enrollment line. */
export type ImportNodeInput = {
  address: string;
  key: string;
  name: string;
};

export type ImportRecordKind =
  | 'ADMIN'
  | 'GROUP'
  | 'INBOUND'
  | 'NODE'
  /** A panel setting the import changed (old subscription paths it maps). */
  | 'SETTING'
  | 'USER';

export type ImportRunStatus =
  | 'FAILED'
  | 'FINISHED'
  | 'RUNNING';

export type ImportSourceInput = {
  /** Names the peer panel (its host, say): re-runs with the same kind and instance match everything by the peer's identity. */
  instance: string;
  kind: ImportSourceKind;
  /** Prefixes the old host served Xray JSON configs under (3x-ui's subJsonPath, /json/ by default). */
  subscriptionJsonPaths?: Array<string> | null | undefined;
  /** Path prefixes the old host served subscriptions under (3x-ui: /sub/ and /json/; Marzban: /sub/; Remnawave: /). */
  subscriptionPaths?: Array<string> | null | undefined;
  /** Marzban/PasarGuard jwt.secret_key: their subscription tokens are verified with it, never stored. */
  subscriptionSecret?: string | null | undefined;
  /** The peer's version as the reader found it, for the report. */
  version?: string | null | undefined;
};

export type ImportSourceKind =
  | 'MARZBAN'
  | 'PASARGUARD'
  | 'REMNAWAVE'
  | 'THREE_X_UI';

export type ImportUserInput = {
  access: Array<ImportAccessInput>;
  createdAt?: string | null | undefined;
  credentials: ImportCredentialsInput;
  dataLimit?: number | null | undefined;
  deviceLimit?: number | null | undefined;
  /** The admin's switch on the peer. */
  enabled: boolean;
  expireAt?: string | null | undefined;
  /** The peer's identity for the user (3x-ui subId or email, Marzban/PasarGuard id, Remnawave id). */
  key: string;
  legacyToken?: ImportLegacyTokenInput | null | undefined;
  lifetimeUsedTraffic?: number | null | undefined;
  note?: string | null | undefined;
  /** Waiting for first use; onHoldExpireSeconds then says for how long it runs. */
  onHold: boolean;
  onHoldExpireSeconds?: number | null | undefined;
  /** Key of the peer admin who owns the user. */
  ownerKey?: string | null | undefined;
  /** Its status on the peer, so the report can list users whose status here would differ. */
  peerStatus: UserStatus;
  periodStartedAt?: string | null | undefined;
  resetStrategy: ResetStrategy;
  /** The peer's subscription token when it is stored (3x-ui subId, Remnawave shortUuid): the old path keeps resolving. */
  subToken?: string | null | undefined;
  telegramId?: string | null | undefined;
  usedTraffic: number;
  username: string;
};

/** What disabled, limited and expired users get from their subscription link: never a working config. */
export type InactiveUserResponse =
  /** HTTP 403. */
  | 'FORBIDDEN'
  /** HTTP 404, exactly as for a link that never existed. */
  | 'NOT_FOUND'
  /** A config that cannot connect, whose name explains the state and how to renew. */
  | 'PLACEHOLDER';

export type InvoiceFilter = {
  /** Issued at or after. */
  createdFrom?: string | null | undefined;
  /** Issued before. */
  createdTo?: string | null | undefined;
  /** e.g. USD */
  currency?: string | null | undefined;
  /** How it was paid. */
  method?: PaymentMethod | null | undefined;
  planId?: string | number | null | undefined;
  status?: InvoiceStatus | null | undefined;
  userId?: string | number | null | undefined;
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

export type LegacySubscriptionPathInput = {
  format?: SubscriptionFormat | null | undefined;
  prefix: string;
};

export type LinkOidcIdentityInput = {
  adminId: string | number;
  kind: OidcIdentityKind;
  value: string;
};

export type LoginInput = {
  password: string;
  username: string;
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

/** Omitted fields keep their values. */
export type NotificationChannelInput = {
  enabled?: boolean | null | undefined;
  eventKinds?: Array<string> | null | undefined;
  language?: NotificationLanguage | null | undefined;
  name?: string | null | undefined;
  url?: string | null | undefined;
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

export type OidcIdentityKind =
  /** An email address the provider reports as verified (email_verified). */
  | 'EMAIL'
  /** The provider's stable user id (the sub claim). */
  | 'SUBJECT';

/** Cursor pagination: first is 1 to 100 (default 50); after is a cursor from a previous page. */
export type Pagination = {
  after?: string | null | undefined;
  first?: number | null | undefined;
};

export type PaymentMethod =
  | 'MANUAL'
  | 'ONCHAIN'
  | 'STRIPE';

/** One request the Import page's API readers make to a peer panel, sent from the panel (browsers reach only this origin). */
export type PeerApiRequestInput = {
  /** e.g. Bearer <token>. */
  authorization?: string | null | undefined;
  body?: string | null | undefined;
  /** application/x-www-form-urlencoded or application/json. */
  contentType?: string | null | undefined;
  /** GET or POST. */
  method: string;
  /** Absolute http(s) URL of the peer's endpoint. */
  url: string;
};

export type PriceInput = {
  amount: string;
  currency: string;
};

export type Protocol =
  | 'HYSTERIA2'
  | 'SHADOWSOCKS'
  | 'TROJAN'
  | 'VLESS'
  | 'VMESS';

export type ProtocolSettingsInput = {
  flow?: string | null | undefined;
  method?: string | null | undefined;
  obfsPassword?: string | null | undefined;
  /** shadowsocks-2022 only: the server key (base64 of the method's key length), e.g. a moved inbound's; generated when left out. */
  serverKey?: string | null | undefined;
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

export type RestoreStatus =
  | 'COMPLETE'
  | 'FAILED'
  | 'RUNNING'
  | 'VERIFYING';

/** Where users' traffic goes when no rule blocks it. */
export type RoutingOutbound =
  /** Straight to the destination, as the client asked. */
  | 'DIRECT'
  /** Straight to the destination, resolved and connected over IPv4 only (hosts with broken IPv6). */
  | 'DIRECT_IPV4';

/** A whole policy: omitted fields take their defaults (blocks on, lists empty, DIRECT). */
export type RoutingPolicyInput = {
  allowedPrivate?: Array<AllowedDestinationInput> | null | undefined;
  blockBittorrent?: boolean | null | undefined;
  blockPrivate?: boolean | null | undefined;
  blockedCidrs?: Array<string> | null | undefined;
  blockedDomains?: Array<string> | null | undefined;
  blockedPorts?: Array<string> | null | undefined;
  defaultOutbound?: RoutingOutbound | null | undefined;
};

export type RuleMatchMode =
  /** Every condition must hold. */
  | 'ALL'
  /** One condition is enough. */
  | 'ANY';

export type SecondFactorInput = {
  challengeToken: string;
  /** Six digits from the authenticator app, or one of the backup codes (each works once). */
  code: string;
};

export type Security =
  | 'NONE'
  | 'REALITY'
  | 'TLS';

/** Leave realityPrivateKey out to keep the current key (or generate one for a new REALITY inbound). */
export type SecuritySettingsInput = {
  allowInsecure?: boolean | null | undefined;
  alpn?: Array<string> | null | undefined;
  fingerprint?: string | null | undefined;
  realityDest?: string | null | undefined;
  realityPrivateKey?: string | null | undefined;
  realityServerNames?: Array<string> | null | undefined;
  realityShortIds?: Array<string> | null | undefined;
  realitySpiderX?: string | null | undefined;
  serverName?: string | null | undefined;
};

export type ServerStatus =
  /** The agent reports in but its proxy core is not running. */
  | 'DEGRADED'
  /** No report for 30 seconds. */
  | 'OFFLINE'
  | 'ONLINE'
  /** No agent has enrolled yet. */
  | 'PENDING';

/** What restartService acts on (seed). */
export type ServiceType =
  /** The agent alone: it re-executes in place and adopts the running core; nobody is disconnected. */
  | 'AGENT'
  /** The proxy core: its users' connections drop and reconnect. */
  | 'CORE';

export type SignInMethod =
  | 'OIDC'
  | 'PASSKEY'
  | 'PASSWORD'
  | 'PASSWORD_TOTP';

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
  format?: SubscriptionFormat | null | undefined;
  match?: RuleMatchMode | null | undefined;
  name: string;
};

/** What to check before saving a chain (and, with tokenAddress, one of its tokens). */
export type TestChainInput = {
  /** The EIP-155 id the RPC must report. */
  chainId: number;
  rpcUrl: string;
  /** An ERC-20 contract whose decimals and symbol to read; null checks the chain alone. */
  tokenAddress?: string | null | undefined;
};

/** A window ending now: DAY is 24 hourly points, WEEK 7 daily, MONTH 30 daily, QUARTER 90 daily, YEAR 52 weekly. */
export type TimePeriod =
  | 'DAY'
  | 'MONTH'
  | 'QUARTER'
  | 'WEEK'
  | 'YEAR';

export type TrafficRange =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

export type Transport =
  | 'GRPC'
  | 'HTTPUPGRADE'
  | 'TCP'
  | 'WS'
  | 'XHTTP';

export type TransportSettingsInput = {
  headerType?: string | null | undefined;
  host?: string | null | undefined;
  mode?: string | null | undefined;
  path?: string | null | undefined;
  serviceName?: string | null | undefined;
};

/** Omitted fields stay as they are; null clears a limit. A new password or disabling ends the admin's sessions. */
export type UpdateAdminInput = {
  disabled?: boolean | null | undefined;
  maxDataLimit?: number | null | undefined;
  maxUsers?: number | null | undefined;
  password?: string | null | undefined;
  role?: AdminRole | null | undefined;
};

export type UpdateChainInput = {
  confirmations?: number | null | undefined;
  enabled?: boolean | null | undefined;
  /** An empty string clears it. */
  explorerUrl?: string | null | undefined;
  logBlockRange?: number | null | undefined;
  name?: string | null | undefined;
  rpcUrl?: string | null | undefined;
};

export type UpdateChainTokenInput = {
  currency?: string | null | undefined;
  decimals?: number | null | undefined;
  enabled?: boolean | null | undefined;
  symbol?: string | null | undefined;
};

/** Omitted fields keep their values; inboundIds, when given, replaces the group's set. */
export type UpdateGroupInput = {
  inboundIds?: Array<string | number> | null | undefined;
  name?: string | null | undefined;
  note?: string | null | undefined;
};

/** Omitted fields keep their values; a settings object, when given, replaces the stored one whole. */
export type UpdateInboundInput = {
  port?: number | null | undefined;
  protocol?: Protocol | null | undefined;
  protocolSettings?: ProtocolSettingsInput | null | undefined;
  remark?: string | null | undefined;
  security?: Security | null | undefined;
  securitySettings?: SecuritySettingsInput | null | undefined;
  tag?: string | null | undefined;
  transport?: Transport | null | undefined;
  transportSettings?: TransportSettingsInput | null | undefined;
};

/** Omitted fields keep their values; null clears dataLimit or durationDays (unlimited); prices and groupIds replace. */
export type UpdatePlanInput = {
  dataLimit?: number | null | undefined;
  description?: string | null | undefined;
  deviceLimit?: number | null | undefined;
  durationDays?: number | null | undefined;
  groupIds?: Array<string | number> | null | undefined;
  name?: string | null | undefined;
  prices?: Array<PriceInput> | null | undefined;
  resetStrategy?: ResetStrategy | null | undefined;
  sortOrder?: number | null | undefined;
  visible?: boolean | null | undefined;
};

/** Omitted fields keep their values. */
export type UpdateSettingsInput = {
  agentAutoUpdate?: boolean | null | undefined;
  backupIntervalHours?: number | null | undefined;
  backupKeepCount?: number | null | undefined;
  backupKeepDays?: number | null | undefined;
  billingAutomaticTax?: boolean | null | undefined;
  billingRefundPolicy?: RefundPolicy | null | undefined;
  corsAllowedOrigins?: Array<string> | null | undefined;
  deviceLimit?: number | null | undefined;
  failedSignInAlertThreshold?: number | null | undefined;
  inactiveUserResponse?: InactiveUserResponse | null | undefined;
  invoiceTtlHours?: number | null | undefined;
  legacySubscriptionPaths?: Array<LegacySubscriptionPathInput> | null | undefined;
  reminderDaysLeft?: Array<number> | null | undefined;
  reminderUsagePercents?: Array<number> | null | undefined;
  retentionAuditDays?: number | null | undefined;
  retentionDailyDays?: number | null | undefined;
  retentionEventDays?: number | null | undefined;
  retentionHourlyDays?: number | null | undefined;
  retentionSessionDays?: number | null | undefined;
  sharingWindowMinutes?: number | null | undefined;
  subscriptionAnnounce?: string | null | undefined;
  subscriptionHideSettings?: boolean | null | undefined;
  subscriptionRemarkTemplate?: string | null | undefined;
  subscriptionRouting?: string | null | undefined;
  subscriptionSupportUrl?: string | null | undefined;
  subscriptionTitle?: string | null | undefined;
  subscriptionUpdateIntervalHours?: number | null | undefined;
  subscriptionUrlPrefix?: string | null | undefined;
  totpRequiredRoles?: Array<AdminRole> | null | undefined;
};

/** Omitted fields keep their values; null clears dataLimit (unlimited) or expireAt (never); groupIds replaces the set. */
export type UpdateUserInput = {
  /** Explicit secrets, e.g. a moved customer's: omitted ones are generated on create and kept on update. */
  credentials?: UserCredentialsInput | null | undefined;
  dataLimit?: number | null | undefined;
  deviceLimit?: number | null | undefined;
  expireAt?: string | null | undefined;
  groupIds?: Array<string | number> | null | undefined;
  note?: string | null | undefined;
  onHoldExpireDays?: number | null | undefined;
  ownerId?: string | number | null | undefined;
  resetStrategy?: ResetStrategy | null | undefined;
  status?: UserStatus | null | undefined;
  /** An explicit subscription token (16 to 128 of A-Z a-z 0-9 _ -), e.g. the one the customer's old link carries. */
  subToken?: string | null | undefined;
  /** The user's Telegram chat id; empty string clears it. */
  telegramId?: string | null | undefined;
  username?: string | null | undefined;
};

/** Secrets to set explicitly: UUIDs must be UUIDs, passwords 8 to 128 printable characters, each unique among users. */
export type UserCredentialsInput = {
  hysteria2Password?: string | null | undefined;
  shadowsocksPassword?: string | null | undefined;
  trojanPassword?: string | null | undefined;
  vlessId?: string | null | undefined;
  vmessId?: string | null | undefined;
};

export type UserFilter = {
  groupId?: string | number | null | undefined;
  ownerId?: string | number | null | undefined;
  /** 3 or more characters: contained anywhere in the username or the note, case-insensitive. 1 or 2 characters: the start of the username. Both through an index: a search costs about what a page does. */
  search?: string | null | undefined;
  status?: UserStatus | null | undefined;
};

export type UserOrder = {
  by: UserOrderField;
  /** Z to A, most traffic or latest expiry first. */
  descending?: boolean | null | undefined;
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

export type WebhookChannelInput = {
  enabled?: boolean | null | undefined;
  eventKinds?: Array<string> | null | undefined;
  language?: NotificationLanguage | null | undefined;
  name: string;
  /** https URL (http and private addresses are refused on a deployed panel). */
  url: string;
};

export type AccountOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountOverviewQuery = { me: { id: string, ipAllowlist: Array<string> }, twoFactor: { totpEnabled: boolean, totpEnabledAt: string | null, backupCodesLeft: number, mustEnrollTotp: boolean, passwordLoginDisabled: boolean } };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { mySessions: Array<{ id: string, device: string, ip: string | null, country: string | null, method: SignInMethod, createdAt: string, lastSeenAt: string, current: boolean }> };

export type RevokeSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeSessionMutation = { revokeSession: boolean };

export type RevokeOtherSessionsMutationVariables = Exact<{ [key: string]: never; }>;


export type RevokeOtherSessionsMutation = { revokeOtherSessions: number };

export type BeginTotpEnrollmentMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginTotpEnrollmentMutation = { beginTotpEnrollment: { secret: string, uri: string, qrSvg: string } };

export type ConfirmTotpEnrollmentMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpEnrollmentMutation = { confirmTotpEnrollment: Array<string> };

export type DisableTotpMutationVariables = Exact<{
  code: string;
}>;


export type DisableTotpMutation = { disableTotp: boolean };

export type RegenerateBackupCodesMutationVariables = Exact<{
  code: string;
}>;


export type RegenerateBackupCodesMutation = { regenerateBackupCodes: Array<string> };

export type MyPasskeysQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPasskeysQuery = { myPasskeys: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null }> };

export type BeginPasskeyRegistrationMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginPasskeyRegistrationMutation = { beginPasskeyRegistration: { challengeToken: string, options: unknown } };

export type FinishPasskeyRegistrationMutationVariables = Exact<{
  input: FinishPasskeyRegistrationInput;
}>;


export type FinishPasskeyRegistrationMutation = { finishPasskeyRegistration: { id: string } };

export type RenamePasskeyMutationVariables = Exact<{
  id: string | number;
  name: string;
}>;


export type RenamePasskeyMutation = { renamePasskey: { id: string, name: string } };

export type RemovePasskeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RemovePasskeyMutation = { removePasskey: boolean };

export type SetPasswordLoginMutationVariables = Exact<{
  enabled: boolean;
}>;


export type SetPasswordLoginMutation = { setPasswordLogin: boolean };

export type SetIpAllowlistMutationVariables = Exact<{
  adminId?: string | number | null | undefined;
  cidrs: Array<string> | string;
}>;


export type SetIpAllowlistMutation = { setIpAllowlist: Array<string> };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type AdminsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminsQuery = { admins: Array<{ id: string, username: string, role: AdminRole, disabled: boolean, maxUsers: number | null, maxDataLimit: number | null, dataGiven: number, dataLeft: number | null, createdAt: string, ipAllowlist: Array<string> }> };

export type CreateAdminMutationVariables = Exact<{
  input: CreateAdminInput;
}>;


export type CreateAdminMutation = { createAdmin: { id: string } };

export type UpdateAdminMutationVariables = Exact<{
  id: string | number;
  input: UpdateAdminInput;
}>;


export type UpdateAdminMutation = { updateAdmin: { id: string } };

export type TopUpResellerQuotaMutationVariables = Exact<{
  adminId: string | number;
  bytes: number;
}>;


export type TopUpResellerQuotaMutation = { topUpResellerQuota: { id: string } };

export type DeleteAdminMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteAdminMutation = { deleteAdmin: boolean };

export type OidcIdentitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type OidcIdentitiesQuery = { oidcIdentities: Array<{ id: string, adminId: string, kind: OidcIdentityKind, value: string }> };

export type LinkOidcIdentityMutationVariables = Exact<{
  input: LinkOidcIdentityInput;
}>;


export type LinkOidcIdentityMutation = { linkOidcIdentity: { id: string } };

export type UnlinkOidcIdentityMutationVariables = Exact<{
  id: string | number;
}>;


export type UnlinkOidcIdentityMutation = { unlinkOidcIdentity: boolean };

export type AnalyticsPageQueryVariables = Exact<{
  period: TimePeriod;
}>;


export type AnalyticsPageQuery = { analytics: { period: TimePeriod, from: string, to: string, upload: number, download: number, traffic: Array<{ at: string, upload: number, download: number }>, byServer: Array<{ upload: number, download: number, server: { id: string, name: string } }>, byInbound: Array<{ tag: string, upload: number, download: number, server: { id: string, name: string } }>, topUsers: Array<{ upload: number, download: number, user: { id: string, username: string } }>, usersByStatus: Array<{ day: string, status: UserStatus, count: number }>, revenue: Array<{ day: string, currency: string, paid: string, refunded: string, invoicesPaid: number }> | null, revenueByPlan: Array<{ currency: string, paid: string, refunded: string, invoicesPaid: number, plan: { id: string, name: string } | null }> | null, anomalies: Array<{ id: string, kind: AnomalyKind, hour: string, observed: number, baseline: number, detectedAt: string, user: { id: string, username: string } }> } };

export type UserInsightsQueryVariables = Exact<{
  userId: string | number;
}>;


export type UserInsightsQuery = { trafficStats: { clientAddresses: number | null, forecast: { dailyAverage: number, daysLeft: number | null, remaining: number | null, runsOutAt: string | null, runsOutFirst: boolean } | null, anomalies: Array<{ id: string, kind: AnomalyKind, hour: string, observed: number, baseline: number, detectedAt: string, user: { id: string, username: string } }> }, user: { id: string, deviceLimit: number | null, telegramLinked: boolean } | null };

export type AuditLogQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  page?: Pagination | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, at: string, action: string, actorUsername: string | null, targetType: string | null, targetId: string | null, ip: string | null, details: unknown } }> } };

export type RefreshTokenMutationVariables = Exact<{
  token: string;
}>;


export type RefreshTokenMutation = { refreshToken: { accessToken: string, refreshToken: string } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string, role: AdminRole } };

export type SignInMutationVariables = Exact<{
  input: LoginInput;
}>;


export type SignInMutation = { signIn:
    | { __typename: 'AuthPayload', accessToken: string, refreshToken: string }
    | { __typename: 'SecondFactorChallenge', challengeToken: string }
   };

export type CompleteSecondFactorMutationVariables = Exact<{
  input: SecondFactorInput;
}>;


export type CompleteSecondFactorMutation = { completeSecondFactor: { accessToken: string, refreshToken: string } };

export type SignInOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInOptionsQuery = { signInOptions: { oidcEnabled: boolean, oidcIssuer: string | null } };

export type BeginPasskeyLoginMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginPasskeyLoginMutation = { beginPasskeyLogin: { challengeToken: string, options: unknown } };

export type FinishPasskeyLoginMutationVariables = Exact<{
  input: FinishPasskeyLoginInput;
}>;


export type FinishPasskeyLoginMutation = { finishPasskeyLogin: { accessToken: string, refreshToken: string } };

export type BeginOidcLoginMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginOidcLoginMutation = { beginOidcLogin: { authorizationUrl: string } };

export type FinishOidcLoginMutationVariables = Exact<{
  input: FinishOidcLoginInput;
}>;


export type FinishOidcLoginMutation = { finishOidcLogin: { accessToken: string, refreshToken: string } };

export type MustEnrollTotpQueryVariables = Exact<{ [key: string]: never; }>;


export type MustEnrollTotpQuery = { twoFactor: { mustEnrollTotp: boolean } };

export type BackupsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type BackupsPageQuery = { backups: Array<{ id: string, status: BackupStatus, trigger: BackupTrigger, createdAt: string, createdBy: string | null, finishedAt: string | null, sizeBytes: number | null, rows: number | null, schemaVersion: string, error: string | null, downloadPath: string | null, progress: { phase: string, tablesDone: number, tablesTotal: number, rowsDone: number, rowsTotal: number } | null }>, restores: Array<{ id: string, backupId: string, safetyBackupId: string | null, status: RestoreStatus, startedAt: string, startedBy: string | null, finishedAt: string | null, verifiedTables: number | null, error: string | null, progress: { phase: string, tablesDone: number, tablesTotal: number, rowsDone: number, rowsTotal: number } | null }>, settings: { backupIntervalHours: number, backupKeepCount: number, backupKeepDays: number } };

export type BackupQueryVariables = Exact<{
  id: string | number;
}>;


export type BackupQuery = { backup: { id: string, status: BackupStatus, trigger: BackupTrigger, createdAt: string, createdBy: string | null, finishedAt: string | null, sizeBytes: number | null, rows: number | null, schemaVersion: string, error: string | null, downloadPath: string | null, progress: { phase: string, tablesDone: number, tablesTotal: number, rowsDone: number, rowsTotal: number } | null } | null };

export type RestoreQueryVariables = Exact<{
  id: string | number;
}>;


export type RestoreQuery = { restore: { id: string, backupId: string, safetyBackupId: string | null, status: RestoreStatus, startedAt: string, startedBy: string | null, finishedAt: string | null, verifiedTables: number | null, error: string | null, progress: { phase: string, tablesDone: number, tablesTotal: number, rowsDone: number, rowsTotal: number } | null } | null };

export type BackupDatabaseMutationVariables = Exact<{ [key: string]: never; }>;


export type BackupDatabaseMutation = { backupDatabase: { id: string, status: BackupStatus, trigger: BackupTrigger, createdAt: string, createdBy: string | null, finishedAt: string | null, sizeBytes: number | null, rows: number | null, schemaVersion: string, error: string | null, downloadPath: string | null, progress: { phase: string, tablesDone: number, tablesTotal: number, rowsDone: number, rowsTotal: number } | null } };

export type DeleteBackupMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteBackupMutation = { deleteBackup: boolean };

export type RestoreBackupMutationVariables = Exact<{
  id: string | number;
  confirm: string;
}>;


export type RestoreBackupMutation = { restoreBackup: { id: string, backupId: string, safetyBackupId: string | null, status: RestoreStatus, startedAt: string, startedBy: string | null, finishedAt: string | null, verifiedTables: number | null, error: string | null, progress: { phase: string, tablesDone: number, tablesTotal: number, rowsDone: number, rowsTotal: number } | null } };

export type UpdateBackupScheduleMutationVariables = Exact<{
  input: UpdateSettingsInput;
}>;


export type UpdateBackupScheduleMutation = { updateSettings: { backupIntervalHours: number, backupKeepCount: number, backupKeepDays: number } };

export type InvoiceListQueryVariables = Exact<{
  filter?: InvoiceFilter | null | undefined;
  page?: Pagination | null | undefined;
}>;


export type InvoiceListQuery = { invoices: { pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, number: string, username: string, total: string, currency: string, status: InvoiceStatus, paidVia: PaymentMethod | null, createdAt: string, user: { id: string } | null, plan: { id: string, name: string } | null } }> } };

export type InvoicePlanChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type InvoicePlanChoicesQuery = { plans: Array<{ id: string, name: string }> };

export type InvoiceDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type InvoiceDetailQuery = { invoice: { id: string, number: string, status: InvoiceStatus, username: string, currency: string, total: string, createdBy: string, createdAt: string, expiresAt: string, paidAt: string | null, paidVia: PaymentMethod | null, paymentRef: string | null, refundedAt: string | null, flag: string | null, url: string | null, stripeSessionId: string | null, user: { id: string, username: string } | null, plan: { id: string } | null, lines: Array<{ description: string, quantity: number, unitAmount: string }>, terms: { planName: string, dataLimit: number | null, durationDays: number | null, resetStrategy: ResetStrategy, deviceLimit: number | null, groups: Array<string> }, deposit: { address: string, amount: string, symbol: string, tokenAddress: string | null, chainId: number, checkedBlock: number | null, confirmationsRequired: number } | null, chainPayments: Array<{ id: string, txHash: string, explorerUrl: string | null, blockNumber: number, confirmations: number, amountUnits: string, status: ChainPaymentStatus, reason: ChainPaymentRejection | null, seenAt: string }>, history: Array<{ id: string, at: string, actorUsername: string | null, action: string, details: unknown }> } | null };

export type InvoiceUpdatesSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type InvoiceUpdatesSubscription = { invoiceUpdated: { id: string, number: string, status: InvoiceStatus, username: string, currency: string, total: string, createdBy: string, createdAt: string, expiresAt: string, paidAt: string | null, paidVia: PaymentMethod | null, paymentRef: string | null, refundedAt: string | null, flag: string | null, url: string | null, stripeSessionId: string | null, user: { id: string, username: string } | null, plan: { id: string } | null, lines: Array<{ description: string, quantity: number, unitAmount: string }>, terms: { planName: string, dataLimit: number | null, durationDays: number | null, resetStrategy: ResetStrategy, deviceLimit: number | null, groups: Array<string> }, deposit: { address: string, amount: string, symbol: string, tokenAddress: string | null, chainId: number, checkedBlock: number | null, confirmationsRequired: number } | null, chainPayments: Array<{ id: string, txHash: string, explorerUrl: string | null, blockNumber: number, confirmations: number, amountUnits: string, status: ChainPaymentStatus, reason: ChainPaymentRejection | null, seenAt: string }>, history: Array<{ id: string, at: string, actorUsername: string | null, action: string, details: unknown }> } };

export type VoidInvoiceMutationVariables = Exact<{
  id: string | number;
}>;


export type VoidInvoiceMutation = { voidInvoice: { id: string, number: string, status: InvoiceStatus, username: string, currency: string, total: string, createdBy: string, createdAt: string, expiresAt: string, paidAt: string | null, paidVia: PaymentMethod | null, paymentRef: string | null, refundedAt: string | null, flag: string | null, url: string | null, stripeSessionId: string | null, user: { id: string, username: string } | null, plan: { id: string } | null, lines: Array<{ description: string, quantity: number, unitAmount: string }>, terms: { planName: string, dataLimit: number | null, durationDays: number | null, resetStrategy: ResetStrategy, deviceLimit: number | null, groups: Array<string> }, deposit: { address: string, amount: string, symbol: string, tokenAddress: string | null, chainId: number, checkedBlock: number | null, confirmationsRequired: number } | null, chainPayments: Array<{ id: string, txHash: string, explorerUrl: string | null, blockNumber: number, confirmations: number, amountUnits: string, status: ChainPaymentStatus, reason: ChainPaymentRejection | null, seenAt: string }>, history: Array<{ id: string, at: string, actorUsername: string | null, action: string, details: unknown }> } };

export type MarkInvoicePaidMutationVariables = Exact<{
  id: string | number;
  reference: string;
}>;


export type MarkInvoicePaidMutation = { markInvoicePaid: { id: string, number: string, status: InvoiceStatus, username: string, currency: string, total: string, createdBy: string, createdAt: string, expiresAt: string, paidAt: string | null, paidVia: PaymentMethod | null, paymentRef: string | null, refundedAt: string | null, flag: string | null, url: string | null, stripeSessionId: string | null, user: { id: string, username: string } | null, plan: { id: string } | null, lines: Array<{ description: string, quantity: number, unitAmount: string }>, terms: { planName: string, dataLimit: number | null, durationDays: number | null, resetStrategy: ResetStrategy, deviceLimit: number | null, groups: Array<string> }, deposit: { address: string, amount: string, symbol: string, tokenAddress: string | null, chainId: number, checkedBlock: number | null, confirmationsRequired: number } | null, chainPayments: Array<{ id: string, txHash: string, explorerUrl: string | null, blockNumber: number, confirmations: number, amountUnits: string, status: ChainPaymentStatus, reason: ChainPaymentRejection | null, seenAt: string }>, history: Array<{ id: string, at: string, actorUsername: string | null, action: string, details: unknown }> } };

export type RefundInvoiceMutationVariables = Exact<{
  id: string | number;
  revoke: boolean;
}>;


export type RefundInvoiceMutation = { refundInvoice: { id: string, number: string, status: InvoiceStatus, username: string, currency: string, total: string, createdBy: string, createdAt: string, expiresAt: string, paidAt: string | null, paidVia: PaymentMethod | null, paymentRef: string | null, refundedAt: string | null, flag: string | null, url: string | null, stripeSessionId: string | null, user: { id: string, username: string } | null, plan: { id: string } | null, lines: Array<{ description: string, quantity: number, unitAmount: string }>, terms: { planName: string, dataLimit: number | null, durationDays: number | null, resetStrategy: ResetStrategy, deviceLimit: number | null, groups: Array<string> }, deposit: { address: string, amount: string, symbol: string, tokenAddress: string | null, chainId: number, checkedBlock: number | null, confirmationsRequired: number } | null, chainPayments: Array<{ id: string, txHash: string, explorerUrl: string | null, blockNumber: number, confirmations: number, amountUnits: string, status: ChainPaymentStatus, reason: ChainPaymentRejection | null, seenAt: string }>, history: Array<{ id: string, at: string, actorUsername: string | null, action: string, details: unknown }> } };

export type ChainsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type ChainsPageQuery = { chains: Array<{ id: string, name: string, chainId: number, rpcUrl: string, confirmations: number, logBlockRange: number, explorerUrl: string | null, enabled: boolean }>, chainTokens: Array<{ id: string, symbol: string, address: string | null, decimals: number, currency: string, enabled: boolean, chain: { id: string } }> };

export type DepositSourceQueryVariables = Exact<{ [key: string]: never; }>;


export type DepositSourceQuery = { billingStatus: { onchainDepositSourceConfigured: boolean } };

export type CreateChainMutationVariables = Exact<{
  input: CreateChainInput;
}>;


export type CreateChainMutation = { createChain: { id: string } };

export type UpdateChainMutationVariables = Exact<{
  id: string | number;
  input: UpdateChainInput;
}>;


export type UpdateChainMutation = { updateChain: { id: string } };

export type CreateChainTokenMutationVariables = Exact<{
  input: CreateChainTokenInput;
}>;


export type CreateChainTokenMutation = { createChainToken: { id: string } };

export type UpdateChainTokenMutationVariables = Exact<{
  id: string | number;
  input: UpdateChainTokenInput;
}>;


export type UpdateChainTokenMutation = { updateChainToken: { id: string } };

export type TestChainMutationVariables = Exact<{
  input: TestChainInput;
}>;


export type TestChainMutation = { testChain: { ok: boolean, reportedChainId: number | null, latestBlock: number | null, tokenDecimals: number | null, tokenSymbol: string | null, problems: Array<string> } };

export type PlansPageQueryVariables = Exact<{ [key: string]: never; }>;


export type PlansPageQuery = { plans: Array<{ id: string, name: string, description: string, dataLimit: number | null, durationDays: number | null, resetStrategy: ResetStrategy, deviceLimit: number | null, sortOrder: number, visible: boolean, prices: Array<{ currency: string, amount: string }>, groups: Array<{ id: string, name: string }> }>, groups: Array<{ id: string, name: string }> };

export type CreatePlanMutationVariables = Exact<{
  input: CreatePlanInput;
}>;


export type CreatePlanMutation = { createPlan: { id: string } };

export type UpdatePlanMutationVariables = Exact<{
  id: string | number;
  input: UpdatePlanInput;
}>;


export type UpdatePlanMutation = { updatePlan: { id: string } };

export type DeletePlanMutationVariables = Exact<{
  id: string | number;
}>;


export type DeletePlanMutation = { deletePlan: boolean };

export type UserInvoicesQueryVariables = Exact<{
  userId: string | number;
  first: number;
}>;


export type UserInvoicesQuery = { invoices: { edges: Array<{ node: { id: string, number: string, status: InvoiceStatus, total: string, currency: string, createdAt: string } }>, pageInfo: { hasNextPage: boolean } } };

export type PlansToSellQueryVariables = Exact<{ [key: string]: never; }>;


export type PlansToSellQuery = { plans: Array<{ id: string, name: string, visible: boolean, prices: Array<{ currency: string, amount: string }> }> };

export type SellPlanMutationVariables = Exact<{
  input: CreateInvoiceInput;
}>;


export type SellPlanMutation = { createInvoice: { id: string, number: string } };

export type MarkSoldInvoicePaidMutationVariables = Exact<{
  id: string | number;
  reference: string;
}>;


export type MarkSoldInvoicePaidMutation = { markInvoicePaid: { id: string, number: string, status: InvoiceStatus } };

export type RevenuePageQueryVariables = Exact<{
  period: TimePeriod;
}>;


export type RevenuePageQuery = { analytics: { from: string, to: string, revenueTotals: Array<{ currency: string, paid: string, refunded: string, net: string, invoicesPaid: number }> | null, revenue: Array<{ day: string, currency: string, paid: string, refunded: string, net: string, invoicesPaid: number }> | null, revenueByPlan: Array<{ currency: string, paid: string, refunded: string, net: string, invoicesPaid: number, plan: { id: string, name: string } | null }> | null } };

export type StripeStatusCardQueryVariables = Exact<{ [key: string]: never; }>;


export type StripeStatusCardQuery = { billingStatus: { stripe: { secretKeyConfigured: boolean, webhookSecretConfigured: boolean, webhookUrl: string, webhookEvents: Array<string>, lastWebhook: { receivedAt: string, eventType: string | null, verdict: StripeWebhookVerdict, detail: string | null } | null, recentWebhooks: Array<{ receivedAt: string, eventId: string | null, eventType: string | null, verdict: StripeWebhookVerdict, detail: string | null }> } } };

export type ChannelsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type ChannelsPageQuery = { notificationChannels: Array<{ id: string, kind: ChannelKind, name: string, owner: string, enabled: boolean, url: string | null, telegramChatId: string | null, eventKinds: Array<string>, language: NotificationLanguage, delivered24h: number, failing: number, disabledReason: string | null, createdAt: string }>, eventCatalogue: { version: number, kinds: Array<{ kind: string, audience: EventAudience, severity: NotificationSeverity, description: string }> } };

export type NotificationDeliveriesQueryVariables = Exact<{
  channelId?: string | number | null | undefined;
  status?: DeliveryStatus | null | undefined;
  page?: Pagination | null | undefined;
}>;


export type NotificationDeliveriesQuery = { notificationDeliveries: { edges: Array<{ cursor: string, node: { id: string, eventId: string, eventKind: string, status: DeliveryStatus, attempts: number, lastStatusCode: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string, channel: { id: string, name: string, kind: ChannelKind } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CreateWebhookChannelMutationVariables = Exact<{
  input: WebhookChannelInput;
}>;


export type CreateWebhookChannelMutation = { createWebhookChannel: { secret: string, channel: { id: string, kind: ChannelKind, name: string, owner: string, enabled: boolean, url: string | null, telegramChatId: string | null, eventKinds: Array<string>, language: NotificationLanguage, delivered24h: number, failing: number, disabledReason: string | null, createdAt: string } } };

export type UpdateNotificationChannelMutationVariables = Exact<{
  id: string | number;
  input: NotificationChannelInput;
}>;


export type UpdateNotificationChannelMutation = { updateNotificationChannel: { id: string, kind: ChannelKind, name: string, owner: string, enabled: boolean, url: string | null, telegramChatId: string | null, eventKinds: Array<string>, language: NotificationLanguage, delivered24h: number, failing: number, disabledReason: string | null, createdAt: string } };

export type DeleteNotificationChannelMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteNotificationChannelMutation = { deleteNotificationChannel: boolean };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret: { secret: string, channel: { id: string, kind: ChannelKind, name: string, owner: string, enabled: boolean, url: string | null, telegramChatId: string | null, eventKinds: Array<string>, language: NotificationLanguage, delivered24h: number, failing: number, disabledReason: string | null, createdAt: string } } };

export type TestNotificationChannelMutationVariables = Exact<{
  id: string | number;
}>;


export type TestNotificationChannelMutation = { testNotificationChannel: { id: string, eventId: string, eventKind: string, status: DeliveryStatus, attempts: number, lastStatusCode: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string, channel: { id: string, name: string, kind: ChannelKind } } };

export type ReplayDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type ReplayDeliveryMutation = { replayDelivery: { id: string, eventId: string, eventKind: string, status: DeliveryStatus, attempts: number, lastStatusCode: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string, channel: { id: string, name: string, kind: ChannelKind } } };

export type ReplayDeadDeliveriesMutationVariables = Exact<{
  channelId: string | number;
}>;


export type ReplayDeadDeliveriesMutation = { replayDeadDeliveries: number };

export type TelegramBotStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type TelegramBotStatusQuery = { telegramBot: { configured: boolean, username: string | null, webhookUrl: string | null, lastError: string | null, lastUpdateAt: string | null } };

export type ConfigureTelegramBotMutationVariables = Exact<{
  token: string;
}>;


export type ConfigureTelegramBotMutation = { configureTelegramBot: { configured: boolean } };

export type RemoveTelegramBotMutationVariables = Exact<{ [key: string]: never; }>;


export type RemoveTelegramBotMutation = { removeTelegramBot: boolean };

export type LinkTelegramChatMutationVariables = Exact<{ [key: string]: never; }>;


export type LinkTelegramChatMutation = { linkTelegramChat: { url: string, expiresAt: string } };

export type DashboardSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardSummaryQuery = { systemStatus: { version: string, servers: number, inbounds: number, groups: number, users: { total: number, active: number, disabled: number, limited: number, expired: number, onHold: number } }, servers: Array<{ id: string, status: ServerStatus }>, healthCheck: { ok: boolean, database: boolean, time: string } };

export type SystemMetricsNowQueryVariables = Exact<{ [key: string]: never; }>;


export type SystemMetricsNowQuery = { systemMetrics: { at: string, serversOnline: number, serversOffline: number, serversDegraded: number, uploadRate: number, downloadRate: number, users: { total: number, active: number, disabled: number, limited: number, expired: number, onHold: number } } };

export type TrafficSeriesQueryVariables = Exact<{
  range: TrafficRange;
  userId?: string | number | null | undefined;
}>;


export type TrafficSeriesQuery = { trafficSeries: Array<{ at: string, upload: number, download: number }> };

export type UserRowFragment = { id: string, username: string, status: UserStatus, dataLimit: number | null, usedTraffic: number, expireAt: string | null, onHoldExpireDays: number | null, owner: { id: string, username: string }, groups: Array<{ id: string, name: string }> };

export type ServerStatusFieldsFragment = { id: string, status: ServerStatus, lastSeenAt: string | null, configVersion: number, appliedConfigVersion: number | null, coreVersion: string | null, agentVersion: string | null, health: { coreRunning: boolean, cpuPercent: number, memUsedBytes: number, memTotalBytes: number, uptimeSec: number } | null, capabilities: { core: string, version: string | null, protocols: Array<Protocol>, transports: Array<Transport>, securities: Array<Security> } | null };

export type UserCountsFieldsFragment = { total: number, active: number, disabled: number, limited: number, expired: number, onHold: number };

export type SystemMetricsFieldsFragment = { at: string, serversOnline: number, serversOffline: number, serversDegraded: number, uploadRate: number, downloadRate: number, users: { total: number, active: number, disabled: number, limited: number, expired: number, onHold: number } };

export type RoutingPolicyFieldsFragment = { blockPrivate: boolean, blockBittorrent: boolean, blockedCidrs: Array<string>, blockedDomains: Array<string>, blockedPorts: Array<string>, defaultOutbound: RoutingOutbound, allowedPrivate: Array<{ cidr: string, ports: Array<string> }> };

export type ImportReportFieldsFragment = { truncated: boolean, counts: Array<{ kind: ImportRecordKind, created: number, updated: number, unchanged: number, conflicts: number }>, conflicts: Array<{ kind: ImportRecordKind, key: string, name: string, reason: string }>, unmapped: Array<{ kind: ImportRecordKind, key: string, name: string, reason: string }>, adjusted: Array<{ kind: ImportRecordKind, key: string, name: string, reason: string }>, statusChanges: Array<{ key: string, username: string, from: UserStatus, to: UserStatus }>, enrollments: Array<{ key: string, name: string, serverId: string, command: string }> };

export type BackupFieldsFragment = { id: string, status: BackupStatus, trigger: BackupTrigger, createdAt: string, createdBy: string | null, finishedAt: string | null, sizeBytes: number | null, rows: number | null, schemaVersion: string, error: string | null, downloadPath: string | null, progress: { phase: string, tablesDone: number, tablesTotal: number, rowsDone: number, rowsTotal: number } | null };

export type JobProgressFieldsFragment = { phase: string, tablesDone: number, tablesTotal: number, rowsDone: number, rowsTotal: number };

export type RestoreFieldsFragment = { id: string, backupId: string, safetyBackupId: string | null, status: RestoreStatus, startedAt: string, startedBy: string | null, finishedAt: string | null, verifiedTables: number | null, error: string | null, progress: { phase: string, tablesDone: number, tablesTotal: number, rowsDone: number, rowsTotal: number } | null };

export type NodeOperationFieldsFragment = { id: string, kind: NodeOperationKind, status: NodeOperationStatus, targetVersion: string | null, detail: string | null, requestedAt: string, requestedBy: string | null, finishedAt: string | null, configVersion: number | null };

export type NotificationFieldsFragment = { id: string, kind: string, severity: NotificationSeverity, message: string, at: string, read: boolean, userId: string | null, serverId: string | null, invoiceId: string | null };

export type ChannelFieldsFragment = { id: string, kind: ChannelKind, name: string, owner: string, enabled: boolean, url: string | null, telegramChatId: string | null, eventKinds: Array<string>, language: NotificationLanguage, delivered24h: number, failing: number, disabledReason: string | null, createdAt: string };

export type DeliveryFieldsFragment = { id: string, eventId: string, eventKind: string, status: DeliveryStatus, attempts: number, lastStatusCode: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string, channel: { id: string, name: string, kind: ChannelKind } };

export type AnomalyFieldsFragment = { id: string, kind: AnomalyKind, hour: string, observed: number, baseline: number, detectedAt: string, user: { id: string, username: string } };

export type InvoiceDetailFieldsFragment = { id: string, number: string, status: InvoiceStatus, username: string, currency: string, total: string, createdBy: string, createdAt: string, expiresAt: string, paidAt: string | null, paidVia: PaymentMethod | null, paymentRef: string | null, refundedAt: string | null, flag: string | null, url: string | null, stripeSessionId: string | null, user: { id: string, username: string } | null, plan: { id: string } | null, lines: Array<{ description: string, quantity: number, unitAmount: string }>, terms: { planName: string, dataLimit: number | null, durationDays: number | null, resetStrategy: ResetStrategy, deviceLimit: number | null, groups: Array<string> }, deposit: { address: string, amount: string, symbol: string, tokenAddress: string | null, chainId: number, checkedBlock: number | null, confirmationsRequired: number } | null, chainPayments: Array<{ id: string, txHash: string, explorerUrl: string | null, blockNumber: number, confirmations: number, amountUnits: string, status: ChainPaymentStatus, reason: ChainPaymentRejection | null, seenAt: string }>, history: Array<{ id: string, at: string, actorUsername: string | null, action: string, details: unknown }> };

export type GroupsQueryVariables = Exact<{ [key: string]: never; }>;


export type GroupsQuery = { groups: Array<{ id: string, name: string, note: string, userCount: number, inbounds: Array<{ id: string, tag: string }> }>, inbounds: Array<{ id: string, tag: string }> };

export type CreateGroupMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type CreateGroupMutation = { createGroup: { id: string } };

export type UpdateGroupMutationVariables = Exact<{
  id: string | number;
  input: UpdateGroupInput;
}>;


export type UpdateGroupMutation = { updateGroup: { id: string } };

export type DeleteGroupMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteGroupMutation = { deleteGroup: boolean };

export type BeginImportMutationVariables = Exact<{
  input: BeginImportInput;
}>;


export type BeginImportMutation = { beginImport: { id: string } };

export type ImportUsersMutationVariables = Exact<{
  runId: string | number;
  users: Array<ImportUserInput> | ImportUserInput;
}>;


export type ImportUsersMutation = { importUsers: { id: string, processedUsers: number } };

export type FinishImportMutationVariables = Exact<{
  runId: string | number;
}>;


export type FinishImportMutation = { finishImport: { id: string, report: { truncated: boolean, counts: Array<{ kind: ImportRecordKind, created: number, updated: number, unchanged: number, conflicts: number }>, conflicts: Array<{ kind: ImportRecordKind, key: string, name: string, reason: string }>, unmapped: Array<{ kind: ImportRecordKind, key: string, name: string, reason: string }>, adjusted: Array<{ kind: ImportRecordKind, key: string, name: string, reason: string }>, statusChanges: Array<{ key: string, username: string, from: UserStatus, to: UserStatus }>, enrollments: Array<{ key: string, name: string, serverId: string, command: string }> } } };

export type ImportRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type ImportRunsQuery = { importRuns: Array<{ id: string, source: ImportSourceKind, instance: string, dryRun: boolean, status: ImportRunStatus, totalUsers: number, processedUsers: number, startedAt: string, finishedAt: string | null }> };

export type FetchPeerApiMutationVariables = Exact<{
  input: PeerApiRequestInput;
}>;


export type FetchPeerApiMutation = { fetchPeerApi: { status: number, contentType: string, body: string } };

export type InboundsQueryVariables = Exact<{ [key: string]: never; }>;


export type InboundsQuery = { inbounds: Array<{ id: string, tag: string, remark: string, port: number, protocol: Protocol, transport: Transport, security: Security, protocolSettings: { flow: string | null, method: string | null, obfsPassword: string | null, serverKey: string | null }, transportSettings: { path: string | null, host: string | null, serviceName: string | null, mode: string | null, headerType: string | null }, securitySettings: { serverName: string | null, alpn: Array<string> | null, fingerprint: string | null, allowInsecure: boolean | null, realityDest: string | null, realityServerNames: Array<string> | null, realityShortIds: Array<string> | null, realitySpiderX: string | null, realityPublicKey: string | null }, servers: Array<{ id: string, name: string, unservedInbounds: Array<{ reason: string, inbound: { id: string } }> }> }> };

export type CreateInboundMutationVariables = Exact<{
  input: CreateInboundInput;
}>;


export type CreateInboundMutation = { createInbound: { id: string } };

export type UpdateInboundMutationVariables = Exact<{
  id: string | number;
  input: UpdateInboundInput;
}>;


export type UpdateInboundMutation = { updateInbound: { id: string } };

export type DeleteInboundMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteInboundMutation = { deleteInbound: boolean };

export type ServerStatusUpdatesSubscriptionVariables = Exact<{
  id?: string | number | null | undefined;
}>;


export type ServerStatusUpdatesSubscription = { serverStatus: { id: string, status: ServerStatus, lastSeenAt: string | null, configVersion: number, appliedConfigVersion: number | null, coreVersion: string | null, agentVersion: string | null, health: { coreRunning: boolean, cpuPercent: number, memUsedBytes: number, memTotalBytes: number, uptimeSec: number } | null, capabilities: { core: string, version: string | null, protocols: Array<Protocol>, transports: Array<Transport>, securities: Array<Security> } | null } };

export type SystemMetricsUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SystemMetricsUpdatesSubscription = { systemMetrics: { at: string, serversOnline: number, serversOffline: number, serversDegraded: number, uploadRate: number, downloadRate: number, users: { total: number, active: number, disabled: number, limited: number, expired: number, onHold: number } } };

export type UserTrafficUpdatesSubscriptionVariables = Exact<{
  userId: string | number;
}>;


export type UserTrafficUpdatesSubscription = { userTraffic: { userId: string, upload: number, download: number, usedTraffic: number, at: string } };

export type NotificationUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationUpdatesSubscription = { notifications: { id: string, kind: string, severity: NotificationSeverity, message: string, at: string, serverId: string | null, userId: string | null } };

export type MetricsEndpointQueryVariables = Exact<{ [key: string]: never; }>;


export type MetricsEndpointQuery = { metricsEndpoint: { enabled: boolean, path: string, tokenCreatedAt: string | null } };

export type RotateMetricsTokenMutationVariables = Exact<{ [key: string]: never; }>;


export type RotateMetricsTokenMutation = { rotateMetricsToken: { token: string, endpoint: { enabled: boolean, path: string, tokenCreatedAt: string | null } } };

export type RevokeMetricsTokenMutationVariables = Exact<{ [key: string]: never; }>;


export type RevokeMetricsTokenMutation = { revokeMetricsToken: boolean };

export type NodeDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeDetailQuery = { server: { name: string, address: string, agentProtocol: number | null, configPinnedTo: number | null, id: string, status: ServerStatus, lastSeenAt: string | null, configVersion: number, appliedConfigVersion: number | null, coreVersion: string | null, agentVersion: string | null, configHistory: Array<{ version: number, issuedAt: string, outcome: ConfigOutcome, outcomeAt: string | null, error: string | null, inbounds: number, users: number, operations: number, rollbackOf: number | null, kept: boolean, sizeBytes: number }>, operations: Array<{ id: string, kind: NodeOperationKind, status: NodeOperationStatus, targetVersion: string | null, detail: string | null, requestedAt: string, requestedBy: string | null, finishedAt: string | null, configVersion: number | null }>, health: { coreRunning: boolean, cpuPercent: number, memUsedBytes: number, memTotalBytes: number, uptimeSec: number } | null, capabilities: { core: string, version: string | null, protocols: Array<Protocol>, transports: Array<Transport>, securities: Array<Security> } | null } | null, agentReleases: Array<{ version: string, builtIn: boolean, servers: number }> };

export type ServerConfigDiffQueryVariables = Exact<{
  serverId: string | number;
  from: number;
  to: number;
}>;


export type ServerConfigDiffQuery = { serverConfigDiff: { from: number, to: number, inboundsAdded: Array<string>, inboundsRemoved: Array<string>, routingChanged: Array<string>, usersFrom: number, usersTo: number, usersAddedCount: number, usersRemovedCount: number, usersChangedCount: number, inboundsChanged: Array<{ tag: string, fields: Array<string> }>, usersAdded: Array<{ id: string, username: string | null }>, usersRemoved: Array<{ id: string, username: string | null }> } };

export type RollbackNodeConfigMutationVariables = Exact<{
  serverId: string | number;
  version: number;
}>;


export type RollbackNodeConfigMutation = { rollbackNodeConfig: { id: string, configPinnedTo: number | null } };

export type UnpinNodeConfigMutationVariables = Exact<{
  serverId: string | number;
}>;


export type UnpinNodeConfigMutation = { unpinNodeConfig: { id: string, configPinnedTo: number | null } };

export type RequestServiceRestartMutationVariables = Exact<{
  serverId?: string | number | null | undefined;
  service: ServiceType;
}>;


export type RequestServiceRestartMutation = { requestServiceRestart: Array<{ id: string, kind: NodeOperationKind, status: NodeOperationStatus, targetVersion: string | null, detail: string | null, requestedAt: string, requestedBy: string | null, finishedAt: string | null, configVersion: number | null }> };

export type UpdateAgentMutationVariables = Exact<{
  serverId?: string | number | null | undefined;
  version: string;
}>;


export type UpdateAgentMutation = { updateAgent: Array<{ id: string, kind: NodeOperationKind, status: NodeOperationStatus, targetVersion: string | null, detail: string | null, requestedAt: string, requestedBy: string | null, finishedAt: string | null, configVersion: number | null }> };

export type AgentReleasesQueryVariables = Exact<{ [key: string]: never; }>;


export type AgentReleasesQuery = { agentReleases: Array<{ version: string, builtIn: boolean, servers: number }> };

export type ServersQueryVariables = Exact<{ [key: string]: never; }>;


export type ServersQuery = { servers: Array<{ name: string, address: string, id: string, status: ServerStatus, lastSeenAt: string | null, configVersion: number, appliedConfigVersion: number | null, coreVersion: string | null, agentVersion: string | null, inbounds: Array<{ id: string, tag: string }>, unservedInbounds: Array<{ reason: string, inbound: { id: string, tag: string } }>, health: { coreRunning: boolean, cpuPercent: number, memUsedBytes: number, memTotalBytes: number, uptimeSec: number } | null, capabilities: { core: string, version: string | null, protocols: Array<Protocol>, transports: Array<Transport>, securities: Array<Security> } | null }>, inbounds: Array<{ id: string, tag: string }> };

export type CreateServerMutationVariables = Exact<{
  input: CreateServerInput;
}>;


export type CreateServerMutation = { createServer: { id: string } };

export type DeleteServerMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteServerMutation = { deleteServer: boolean };

export type CreateServerEnrollmentMutationVariables = Exact<{
  id: string | number;
}>;


export type CreateServerEnrollmentMutation = { createServerEnrollment: { command: string, expiresAt: string } };

export type NotificationFeedQueryVariables = Exact<{
  kinds?: Array<string> | string | null | undefined;
  unreadOnly?: boolean | null | undefined;
  page?: Pagination | null | undefined;
  language?: NotificationLanguage | null | undefined;
}>;


export type NotificationFeedQuery = { notificationFeed: { unreadCount: number, edges: Array<{ cursor: string, node: { id: string, kind: string, severity: NotificationSeverity, message: string, at: string, read: boolean, userId: string | null, serverId: string | null, invoiceId: string | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type UnreadCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadCountQuery = { notificationFeed: { unreadCount: number } };

export type EventCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type EventCatalogueQuery = { eventCatalogue: { version: number, kinds: Array<{ kind: string, audience: EventAudience, severity: NotificationSeverity, description: string }> } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids?: Array<string | number> | string | number | null | undefined;
  all?: boolean | null | undefined;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type MarkNotificationsUnreadMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type MarkNotificationsUnreadMutation = { markNotificationsUnread: number };

export type NotificationSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationSettingsQuery = { settings: { reminderUsagePercents: Array<number>, reminderDaysLeft: Array<number>, failedSignInAlertThreshold: number, retentionHourlyDays: number, retentionDailyDays: number, retentionAuditDays: number, retentionEventDays: number, retentionSessionDays: number, sharingWindowMinutes: number } };

export type UpdateNotificationSettingsMutationVariables = Exact<{
  input: UpdateSettingsInput;
}>;


export type UpdateNotificationSettingsMutation = { updateSettings: { reminderUsagePercents: Array<number>, reminderDaysLeft: Array<number>, failedSignInAlertThreshold: number, retentionHourlyDays: number, retentionDailyDays: number, retentionAuditDays: number, retentionEventDays: number, retentionSessionDays: number, sharingWindowMinutes: number } };

export type PanelRoutingPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type PanelRoutingPolicyQuery = { routingPolicy: { blockPrivate: boolean, blockBittorrent: boolean, blockedCidrs: Array<string>, blockedDomains: Array<string>, blockedPorts: Array<string>, defaultOutbound: RoutingOutbound, allowedPrivate: Array<{ cidr: string, ports: Array<string> }> } };

export type UpdateRoutingPolicyMutationVariables = Exact<{
  input: RoutingPolicyInput;
}>;


export type UpdateRoutingPolicyMutation = { updateRoutingPolicy: { blockPrivate: boolean } };

export type ServerRoutingPolicyQueryVariables = Exact<{
  id: string | number;
}>;


export type ServerRoutingPolicyQuery = { server: { id: string, routingPolicy: { blockPrivate: boolean, blockBittorrent: boolean, blockedCidrs: Array<string>, blockedDomains: Array<string>, blockedPorts: Array<string>, defaultOutbound: RoutingOutbound, allowedPrivate: Array<{ cidr: string, ports: Array<string> }> }, routingPolicyOverride: { blockPrivate: boolean } | null } | null };

export type SetServerRoutingPolicyOverrideMutationVariables = Exact<{
  id: string | number;
  policy?: RoutingPolicyInput | null | undefined;
}>;


export type SetServerRoutingPolicyOverrideMutation = { setServerRoutingPolicyOverride: { id: string, configVersion: number } };

export type SettingsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type SettingsPageQuery = { settings: { subscriptionTitle: string, subscriptionUpdateIntervalHours: number, subscriptionSupportUrl: string, subscriptionRemarkTemplate: string, subscriptionUrlPrefix: string, subscriptionAnnounce: string, subscriptionHideSettings: boolean, subscriptionRouting: string, inactiveUserResponse: InactiveUserResponse, deviceLimit: number, totpRequiredRoles: Array<AdminRole>, corsAllowedOrigins: Array<string>, agentAutoUpdate: boolean }, subscriptionRules: Array<{ name: string, action: SubscriptionRuleAction, format: SubscriptionFormat | null, match: RuleMatchMode, conditions: Array<{ header: string, operator: HeaderMatchOperator, value: string, caseSensitive: boolean }> }> };

export type UpdateSettingsMutationVariables = Exact<{
  input: UpdateSettingsInput;
}>;


export type UpdateSettingsMutation = { updateSettings: { subscriptionTitle: string } };

export type UpdateSubscriptionRulesMutationVariables = Exact<{
  rules: Array<SubscriptionRuleInput> | SubscriptionRuleInput;
}>;


export type UpdateSubscriptionRulesMutation = { updateSubscriptionRules: Array<{ name: string }> };

export type ResetSubscriptionRulesMutationVariables = Exact<{ [key: string]: never; }>;


export type ResetSubscriptionRulesMutation = { resetSubscriptionRules: Array<{ name: string }> };

export type UsersPageQueryVariables = Exact<{
  filter?: UserFilter | null | undefined;
  page?: Pagination | null | undefined;
  order?: UserOrder | null | undefined;
}>;


export type UsersPageQuery = { users: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, username: string, status: UserStatus, dataLimit: number | null, usedTraffic: number, expireAt: string | null, onHoldExpireDays: number | null, owner: { id: string, username: string }, groups: Array<{ id: string, name: string }> } }> } };

export type UserFilterChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type UserFilterChoicesQuery = { groups: Array<{ id: string, name: string }>, me: { id: string, role: AdminRole } };

export type AdminChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminChoicesQuery = { admins: Array<{ id: string, username: string }> };

export type UserDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type UserDetailQuery = { user: { resetStrategy: ResetStrategy, deviceLimit: number | null, note: string, subscriptionUrl: string, createdAt: string, id: string, username: string, status: UserStatus, dataLimit: number | null, usedTraffic: number, expireAt: string | null, onHoldExpireDays: number | null, owner: { id: string, username: string }, groups: Array<{ id: string, name: string }> } | null, userDevices: Array<{ hwid: string, platform: string | null, osVersion: string | null, model: string | null, userAgent: string | null, firstSeenAt: string, lastSeenAt: string }> };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, subscriptionUrl: string } };

export type UpdateUserMutationVariables = Exact<{
  id: string | number;
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { id: string, status: UserStatus, expireAt: string | null } };

export type DeleteUserMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteUserMutation = { deleteUser: boolean };

export type RotateSubscriptionTokenMutationVariables = Exact<{
  userId: string | number;
}>;


export type RotateSubscriptionTokenMutation = { rotateSubscriptionToken: { id: string, subscriptionUrl: string } };

export type RotateUserCredentialsMutationVariables = Exact<{
  userId: string | number;
}>;


export type RotateUserCredentialsMutation = { rotateUserCredentials: { id: string } };

export type RemoveUserDeviceMutationVariables = Exact<{
  userId: string | number;
  hwid: string;
}>;


export type RemoveUserDeviceMutation = { removeUserDevice: boolean };

export type ResetUserUsageMutationVariables = Exact<{
  id: string | number;
}>;


export type ResetUserUsageMutation = { resetUserUsage: { id: string, status: UserStatus, usedTraffic: number } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const UserRowFragmentDoc = new TypedDocumentString(`
    fragment UserRow on User {
  id
  username
  status
  dataLimit
  usedTraffic
  expireAt
  onHoldExpireDays
  owner {
    id
    username
  }
  groups {
    id
    name
  }
}
    `, {"fragmentName":"UserRow"}) as unknown as TypedDocumentString<UserRowFragment, unknown>;
export const ServerStatusFieldsFragmentDoc = new TypedDocumentString(`
    fragment ServerStatusFields on Server {
  id
  status
  lastSeenAt
  configVersion
  appliedConfigVersion
  coreVersion
  agentVersion
  health {
    coreRunning
    cpuPercent
    memUsedBytes
    memTotalBytes
    uptimeSec
  }
  capabilities {
    core
    version
    protocols
    transports
    securities
  }
}
    `, {"fragmentName":"ServerStatusFields"}) as unknown as TypedDocumentString<ServerStatusFieldsFragment, unknown>;
export const UserCountsFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserCountsFields on UserCounts {
  total
  active
  disabled
  limited
  expired
  onHold
}
    `, {"fragmentName":"UserCountsFields"}) as unknown as TypedDocumentString<UserCountsFieldsFragment, unknown>;
export const SystemMetricsFieldsFragmentDoc = new TypedDocumentString(`
    fragment SystemMetricsFields on SystemMetrics {
  at
  serversOnline
  serversOffline
  serversDegraded
  uploadRate
  downloadRate
  users {
    ...UserCountsFields
  }
}
    fragment UserCountsFields on UserCounts {
  total
  active
  disabled
  limited
  expired
  onHold
}`, {"fragmentName":"SystemMetricsFields"}) as unknown as TypedDocumentString<SystemMetricsFieldsFragment, unknown>;
export const RoutingPolicyFieldsFragmentDoc = new TypedDocumentString(`
    fragment RoutingPolicyFields on RoutingPolicy {
  blockPrivate
  blockBittorrent
  allowedPrivate {
    cidr
    ports
  }
  blockedCidrs
  blockedDomains
  blockedPorts
  defaultOutbound
}
    `, {"fragmentName":"RoutingPolicyFields"}) as unknown as TypedDocumentString<RoutingPolicyFieldsFragment, unknown>;
export const ImportReportFieldsFragmentDoc = new TypedDocumentString(`
    fragment ImportReportFields on ImportReport {
  counts {
    kind
    created
    updated
    unchanged
    conflicts
  }
  conflicts {
    kind
    key
    name
    reason
  }
  unmapped {
    kind
    key
    name
    reason
  }
  adjusted {
    kind
    key
    name
    reason
  }
  statusChanges {
    key
    username
    from
    to
  }
  truncated
  enrollments {
    key
    name
    serverId
    command
  }
}
    `, {"fragmentName":"ImportReportFields"}) as unknown as TypedDocumentString<ImportReportFieldsFragment, unknown>;
export const JobProgressFieldsFragmentDoc = new TypedDocumentString(`
    fragment JobProgressFields on JobProgress {
  phase
  tablesDone
  tablesTotal
  rowsDone
  rowsTotal
}
    `, {"fragmentName":"JobProgressFields"}) as unknown as TypedDocumentString<JobProgressFieldsFragment, unknown>;
export const BackupFieldsFragmentDoc = new TypedDocumentString(`
    fragment BackupFields on BackupResult {
  id
  status
  trigger
  createdAt
  createdBy
  finishedAt
  sizeBytes
  rows
  schemaVersion
  error
  downloadPath
  progress {
    ...JobProgressFields
  }
}
    fragment JobProgressFields on JobProgress {
  phase
  tablesDone
  tablesTotal
  rowsDone
  rowsTotal
}`, {"fragmentName":"BackupFields"}) as unknown as TypedDocumentString<BackupFieldsFragment, unknown>;
export const RestoreFieldsFragmentDoc = new TypedDocumentString(`
    fragment RestoreFields on RestoreResult {
  id
  backupId
  safetyBackupId
  status
  startedAt
  startedBy
  finishedAt
  verifiedTables
  error
  progress {
    ...JobProgressFields
  }
}
    fragment JobProgressFields on JobProgress {
  phase
  tablesDone
  tablesTotal
  rowsDone
  rowsTotal
}`, {"fragmentName":"RestoreFields"}) as unknown as TypedDocumentString<RestoreFieldsFragment, unknown>;
export const NodeOperationFieldsFragmentDoc = new TypedDocumentString(`
    fragment NodeOperationFields on NodeOperation {
  id
  kind
  status
  targetVersion
  detail
  requestedAt
  requestedBy
  finishedAt
  configVersion
}
    `, {"fragmentName":"NodeOperationFields"}) as unknown as TypedDocumentString<NodeOperationFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationFields on Notification {
  id
  kind
  severity
  message
  at
  read
  userId
  serverId
  invoiceId
}
    `, {"fragmentName":"NotificationFields"}) as unknown as TypedDocumentString<NotificationFieldsFragment, unknown>;
export const ChannelFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChannelFields on NotificationChannel {
  id
  kind
  name
  owner
  enabled
  url
  telegramChatId
  eventKinds
  language
  delivered24h
  failing
  disabledReason
  createdAt
}
    `, {"fragmentName":"ChannelFields"}) as unknown as TypedDocumentString<ChannelFieldsFragment, unknown>;
export const DeliveryFieldsFragmentDoc = new TypedDocumentString(`
    fragment DeliveryFields on NotificationDelivery {
  id
  eventId
  eventKind
  status
  attempts
  lastStatusCode
  lastError
  nextAttemptAt
  deliveredAt
  createdAt
  channel {
    id
    name
    kind
  }
}
    `, {"fragmentName":"DeliveryFields"}) as unknown as TypedDocumentString<DeliveryFieldsFragment, unknown>;
export const AnomalyFieldsFragmentDoc = new TypedDocumentString(`
    fragment AnomalyFields on UsageAnomaly {
  id
  kind
  hour
  observed
  baseline
  detectedAt
  user {
    id
    username
  }
}
    `, {"fragmentName":"AnomalyFields"}) as unknown as TypedDocumentString<AnomalyFieldsFragment, unknown>;
export const InvoiceDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment InvoiceDetailFields on Invoice {
  id
  number
  status
  username
  user {
    id
    username
  }
  plan {
    id
  }
  currency
  total
  lines {
    description
    quantity
    unitAmount
  }
  terms {
    planName
    dataLimit
    durationDays
    resetStrategy
    deviceLimit
    groups
  }
  createdBy
  createdAt
  expiresAt
  paidAt
  paidVia
  paymentRef
  refundedAt
  flag
  url
  stripeSessionId
  deposit {
    address
    amount
    symbol
    tokenAddress
    chainId
    checkedBlock
    confirmationsRequired
  }
  chainPayments {
    id
    txHash
    explorerUrl
    blockNumber
    confirmations
    amountUnits
    status
    reason
    seenAt
  }
  history {
    id
    at
    actorUsername
    action
    details
  }
}
    `, {"fragmentName":"InvoiceDetailFields"}) as unknown as TypedDocumentString<InvoiceDetailFieldsFragment, unknown>;
export const AccountOverviewDocument = {"__meta__":{"hash":"5346f96aeb78e4a32852336fd3149f8a4decafdc06fa9533371d9793b2dc4390"}} as unknown as TypedDocumentString<AccountOverviewQuery, AccountOverviewQueryVariables>;
export const MySessionsDocument = {"__meta__":{"hash":"2b14e7d3803218ff6e12da118a9174ec66db954710becbdef92eb30bf450b8c4"}} as unknown as TypedDocumentString<MySessionsQuery, MySessionsQueryVariables>;
export const RevokeSessionDocument = {"__meta__":{"hash":"0da1f5ad6ca30b47e1cb2c8f9b833664fb3647a47c585080a1a7fa8bc04c825c"}} as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const RevokeOtherSessionsDocument = {"__meta__":{"hash":"9c1939f55fcd8c2aa1fb9b186b71b8b8494a4bc48a32f1c1d22c2488f8a5f742"}} as unknown as TypedDocumentString<RevokeOtherSessionsMutation, RevokeOtherSessionsMutationVariables>;
export const BeginTotpEnrollmentDocument = {"__meta__":{"hash":"2cc7f067c1bc7606e5811ab641b68a5913917c348d124cd308474b1c02d55c7c"}} as unknown as TypedDocumentString<BeginTotpEnrollmentMutation, BeginTotpEnrollmentMutationVariables>;
export const ConfirmTotpEnrollmentDocument = {"__meta__":{"hash":"448ebdc83e8a26c78ca7208a166ce2db72d92ef2d6cb18b93fe292ebcd12ff6e"}} as unknown as TypedDocumentString<ConfirmTotpEnrollmentMutation, ConfirmTotpEnrollmentMutationVariables>;
export const DisableTotpDocument = {"__meta__":{"hash":"c1e63969210755f0addebaf5e1d65bb9ff34bd5201988218b1b3e07d37d179bf"}} as unknown as TypedDocumentString<DisableTotpMutation, DisableTotpMutationVariables>;
export const RegenerateBackupCodesDocument = {"__meta__":{"hash":"92b2f0cc34628ca2b9c6ffca2870f88d2565b25d3403188791e60d67212d90d1"}} as unknown as TypedDocumentString<RegenerateBackupCodesMutation, RegenerateBackupCodesMutationVariables>;
export const MyPasskeysDocument = {"__meta__":{"hash":"a6a6e8b85180c6632079fd41a0403de9ab75d881f9f9b0528c8bd6620148ed32"}} as unknown as TypedDocumentString<MyPasskeysQuery, MyPasskeysQueryVariables>;
export const BeginPasskeyRegistrationDocument = {"__meta__":{"hash":"43ab9a025b0d75ff8af10711b0f600ec12ab426ff5225e2c0eb26d31a8af82ce"}} as unknown as TypedDocumentString<BeginPasskeyRegistrationMutation, BeginPasskeyRegistrationMutationVariables>;
export const FinishPasskeyRegistrationDocument = {"__meta__":{"hash":"132a35c585481fafafd24ed10b9c20391cb37f3e8f8351047b4a82775fbad734"}} as unknown as TypedDocumentString<FinishPasskeyRegistrationMutation, FinishPasskeyRegistrationMutationVariables>;
export const RenamePasskeyDocument = {"__meta__":{"hash":"a0fb4b0dc6e1513502ce2f3ebcb130e2a3dcc78d0e3b8a15ccbea338361d5b9f"}} as unknown as TypedDocumentString<RenamePasskeyMutation, RenamePasskeyMutationVariables>;
export const RemovePasskeyDocument = {"__meta__":{"hash":"d58cbcf230325ca410a24807ad1b01cafa763a789fb2d48fd1f1f692ad9dc10b"}} as unknown as TypedDocumentString<RemovePasskeyMutation, RemovePasskeyMutationVariables>;
export const SetPasswordLoginDocument = {"__meta__":{"hash":"0a00cbae027ba8f4b1949d2f4b7f192e860497e719777a0b56b4ad26e6645689"}} as unknown as TypedDocumentString<SetPasswordLoginMutation, SetPasswordLoginMutationVariables>;
export const SetIpAllowlistDocument = {"__meta__":{"hash":"81b0c7639859e55efaea2f81db51b406d4e667a5b75eb2e0233ee8f73d2598d9"}} as unknown as TypedDocumentString<SetIpAllowlistMutation, SetIpAllowlistMutationVariables>;
export const ChangePasswordDocument = {"__meta__":{"hash":"b71997bdb2cee8b9b73900d61cd376d4d1ebc42c845f2e2ffc4970107955c2b1"}} as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const AdminsDocument = {"__meta__":{"hash":"a15d5f8bfd32585b4fe74b05a5b1f3ffe324f7ac4ccdf659b6e5c32119fc7b01"}} as unknown as TypedDocumentString<AdminsQuery, AdminsQueryVariables>;
export const CreateAdminDocument = {"__meta__":{"hash":"64f6714f18cf651be2eccb2109714e544c8a4f968cbbdb36223e2cbbf96f52c6"}} as unknown as TypedDocumentString<CreateAdminMutation, CreateAdminMutationVariables>;
export const UpdateAdminDocument = {"__meta__":{"hash":"9b072e69073f99a34a995c17068471ec7d43e37d24f69c69125bd359fceb863b"}} as unknown as TypedDocumentString<UpdateAdminMutation, UpdateAdminMutationVariables>;
export const TopUpResellerQuotaDocument = {"__meta__":{"hash":"bdeb3cf7bafcb18ace7336a75ed75bd93f7ed7b5056d5031b511a13fbc7cfcb8"}} as unknown as TypedDocumentString<TopUpResellerQuotaMutation, TopUpResellerQuotaMutationVariables>;
export const DeleteAdminDocument = {"__meta__":{"hash":"fd0c96b23ed86a646f7e07f37df64db7b27e49195fd4a1363c648c91436ea7a6"}} as unknown as TypedDocumentString<DeleteAdminMutation, DeleteAdminMutationVariables>;
export const OidcIdentitiesDocument = {"__meta__":{"hash":"0f1c815f0329b2e13460c75d9d52e87399ca8179691bcf74c385862ee0ec39fe"}} as unknown as TypedDocumentString<OidcIdentitiesQuery, OidcIdentitiesQueryVariables>;
export const LinkOidcIdentityDocument = {"__meta__":{"hash":"4bdcb47d14e73eb7d21dbe7348a961c9a26027a009c6350687ae6d1cc0bbb9a1"}} as unknown as TypedDocumentString<LinkOidcIdentityMutation, LinkOidcIdentityMutationVariables>;
export const UnlinkOidcIdentityDocument = {"__meta__":{"hash":"570a940a2223f074cfc3f42bd11396cc7e645ed8c3b09e8555f49f1664043498"}} as unknown as TypedDocumentString<UnlinkOidcIdentityMutation, UnlinkOidcIdentityMutationVariables>;
export const AnalyticsPageDocument = {"__meta__":{"hash":"a407777370bb4aaa78f4015b34d3df62a577d4038feb7b6c1b102ae5b7251930"}} as unknown as TypedDocumentString<AnalyticsPageQuery, AnalyticsPageQueryVariables>;
export const UserInsightsDocument = {"__meta__":{"hash":"583679d6abac152beaf8f2aa80c3b71733a3bf0a086eaccc5cb89e1b03a23271"}} as unknown as TypedDocumentString<UserInsightsQuery, UserInsightsQueryVariables>;
export const AuditLogDocument = {"__meta__":{"hash":"37c95c975965b3654ad34ceb3656a2abf8ef9da0e543b6f7dc7c318e96a86206"}} as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const RefreshTokenDocument = {"__meta__":{"hash":"8361550b113ac1e1d6d19e59c4e7c00944dbbe2289c0201a80fc96161367c7f7"}} as unknown as TypedDocumentString<RefreshTokenMutation, RefreshTokenMutationVariables>;
export const LogoutDocument = {"__meta__":{"hash":"cb1d14c1cc99a25294cfa4376de2402364cb32e6c038a11fb36cf0ebb3a5ce91"}} as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"010cbcdbac582c3f8e5811c58e0bf6c782b732b8c51a17be590ab8931285e86e"}} as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const SignInDocument = {"__meta__":{"hash":"b860d61995d460fe5412f27a29861b6689c61e130e82a635f6d2695156b7dc48"}} as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const CompleteSecondFactorDocument = {"__meta__":{"hash":"e9e6a6ac191c69a138fa9f07ad873219f3f321e046af56a90bc5aae7a53f88a4"}} as unknown as TypedDocumentString<CompleteSecondFactorMutation, CompleteSecondFactorMutationVariables>;
export const SignInOptionsDocument = {"__meta__":{"hash":"ac464f0b6ae56c0adf2ca03578046a2a21a0eddbe71110338ec839db7ca1b837"}} as unknown as TypedDocumentString<SignInOptionsQuery, SignInOptionsQueryVariables>;
export const BeginPasskeyLoginDocument = {"__meta__":{"hash":"8d6d508d530615938cabd57dcf655adc38bc40d21ab02dd7c54881a8e2107942"}} as unknown as TypedDocumentString<BeginPasskeyLoginMutation, BeginPasskeyLoginMutationVariables>;
export const FinishPasskeyLoginDocument = {"__meta__":{"hash":"5ce4ede23d0b90887b467bcd9166e08e3eccbccb6738df9bb4419cf47976a6f2"}} as unknown as TypedDocumentString<FinishPasskeyLoginMutation, FinishPasskeyLoginMutationVariables>;
export const BeginOidcLoginDocument = {"__meta__":{"hash":"b40f091e79e465dc2746e47cee5d3027b3e335407f0b52761596b1b20f3f4bef"}} as unknown as TypedDocumentString<BeginOidcLoginMutation, BeginOidcLoginMutationVariables>;
export const FinishOidcLoginDocument = {"__meta__":{"hash":"9ce9be03025cbe23bd188502dad0f80e417f340238cf821b9a111eec0e2b94bd"}} as unknown as TypedDocumentString<FinishOidcLoginMutation, FinishOidcLoginMutationVariables>;
export const MustEnrollTotpDocument = {"__meta__":{"hash":"0e4e097b292e0f1cc64c907732725d27552976a088e9a9605684e301d01eab33"}} as unknown as TypedDocumentString<MustEnrollTotpQuery, MustEnrollTotpQueryVariables>;
export const BackupsPageDocument = {"__meta__":{"hash":"389c7288be6dc5f0194f3fca600f2b2f192cd1d2dc4ed0ddce4669a7917d71c7"}} as unknown as TypedDocumentString<BackupsPageQuery, BackupsPageQueryVariables>;
export const BackupDocument = {"__meta__":{"hash":"6a227d3facf2721e86c60bed02b63ddf3ffa1ccab204258544c25565d65af027"}} as unknown as TypedDocumentString<BackupQuery, BackupQueryVariables>;
export const RestoreDocument = {"__meta__":{"hash":"8b82003d5e4cf535768a34e7d45e52ae3fb357f626d2b1a94e8362cd3ad2fb83"}} as unknown as TypedDocumentString<RestoreQuery, RestoreQueryVariables>;
export const BackupDatabaseDocument = {"__meta__":{"hash":"917ed146b8a8ca908a56f0371128f879298f0600a018b74421309d58699745ab"}} as unknown as TypedDocumentString<BackupDatabaseMutation, BackupDatabaseMutationVariables>;
export const DeleteBackupDocument = {"__meta__":{"hash":"0c8c023a146fb52ffa6afc3f7fbef13b8f218864a90ac166329ddf08581cc752"}} as unknown as TypedDocumentString<DeleteBackupMutation, DeleteBackupMutationVariables>;
export const RestoreBackupDocument = {"__meta__":{"hash":"fdb545888dc6be5f19e10b8f21ec178cd6ec54a0d91c9821990f14f01cbc82f2"}} as unknown as TypedDocumentString<RestoreBackupMutation, RestoreBackupMutationVariables>;
export const UpdateBackupScheduleDocument = {"__meta__":{"hash":"25f537ecb38f6b19d8f7adb177b15a2c3adde22b30c55db9bcda74c620b336d0"}} as unknown as TypedDocumentString<UpdateBackupScheduleMutation, UpdateBackupScheduleMutationVariables>;
export const InvoiceListDocument = {"__meta__":{"hash":"e36cda2cd4390b3179c3d55d2ef97d9e1286f0450bade9f2bf73bc84dbfcda41"}} as unknown as TypedDocumentString<InvoiceListQuery, InvoiceListQueryVariables>;
export const InvoicePlanChoicesDocument = {"__meta__":{"hash":"a3da82562a01c74fd58d421e1f5e7bf48b493f22ca8a1cbd3c7ebe2443d0b5b0"}} as unknown as TypedDocumentString<InvoicePlanChoicesQuery, InvoicePlanChoicesQueryVariables>;
export const InvoiceDetailDocument = {"__meta__":{"hash":"b692696fb3efca4a273fbc449929f1c5c67af4aefac59ea711517102bdfb28bb"}} as unknown as TypedDocumentString<InvoiceDetailQuery, InvoiceDetailQueryVariables>;
export const InvoiceUpdatesDocument = {"__meta__":{"hash":"5e90031ad05efaafc6272d3bce0bcbc41797ad7550e533361cab3a74e82cc4e0"}} as unknown as TypedDocumentString<InvoiceUpdatesSubscription, InvoiceUpdatesSubscriptionVariables>;
export const VoidInvoiceDocument = {"__meta__":{"hash":"6cefa28ac9e0a00f80603329a795e3f912cd595e810d2b916af52d0f7d6b216a"}} as unknown as TypedDocumentString<VoidInvoiceMutation, VoidInvoiceMutationVariables>;
export const MarkInvoicePaidDocument = {"__meta__":{"hash":"0639c98aa5628ee1c4e1c43d419772732f9b7a81f1dc1c7f3c5b7b29c5a45aea"}} as unknown as TypedDocumentString<MarkInvoicePaidMutation, MarkInvoicePaidMutationVariables>;
export const RefundInvoiceDocument = {"__meta__":{"hash":"2d25a9f4a28a9af32cc564a4694234e8f68e92854c9e4d0fd59f8f1b33787589"}} as unknown as TypedDocumentString<RefundInvoiceMutation, RefundInvoiceMutationVariables>;
export const ChainsPageDocument = {"__meta__":{"hash":"f74a840c0522c30ee0f48963f78470e10d12dc16c56ceba5652044dcd8106faa"}} as unknown as TypedDocumentString<ChainsPageQuery, ChainsPageQueryVariables>;
export const DepositSourceDocument = {"__meta__":{"hash":"4c6a4d1aa23b9e7327900273dd67c07eb8d62d29dfd2b5ef74207aa6b6f91902"}} as unknown as TypedDocumentString<DepositSourceQuery, DepositSourceQueryVariables>;
export const CreateChainDocument = {"__meta__":{"hash":"1021386567f0f3b63f9bca8d113271ce61baca19ebfd96b9631c64984c9fe4b2"}} as unknown as TypedDocumentString<CreateChainMutation, CreateChainMutationVariables>;
export const UpdateChainDocument = {"__meta__":{"hash":"b328e4bedebc91db6acb843a6181515eeb46d94a128f491afa0c26260214c693"}} as unknown as TypedDocumentString<UpdateChainMutation, UpdateChainMutationVariables>;
export const CreateChainTokenDocument = {"__meta__":{"hash":"1a55796256d798e4a7029cf57c9215c14d35d3f64291b713a694f0ef1ea1c6d9"}} as unknown as TypedDocumentString<CreateChainTokenMutation, CreateChainTokenMutationVariables>;
export const UpdateChainTokenDocument = {"__meta__":{"hash":"55256ec1e0a5ab55dfd25b9f2b372adba8ba6216b259383b0e4579c8345012d0"}} as unknown as TypedDocumentString<UpdateChainTokenMutation, UpdateChainTokenMutationVariables>;
export const TestChainDocument = {"__meta__":{"hash":"f00d56ac517938c5f3c1c8aa380c8b09048f63d926edd6c1e6558d4c20297456"}} as unknown as TypedDocumentString<TestChainMutation, TestChainMutationVariables>;
export const PlansPageDocument = {"__meta__":{"hash":"2536afe75bc5a5e0e09c20897758203a2a3dbc6c8bc301c012666a602e070ebf"}} as unknown as TypedDocumentString<PlansPageQuery, PlansPageQueryVariables>;
export const CreatePlanDocument = {"__meta__":{"hash":"0f7a2b859d62781f7430d3e31638ada422770b2902339c122466854f14362222"}} as unknown as TypedDocumentString<CreatePlanMutation, CreatePlanMutationVariables>;
export const UpdatePlanDocument = {"__meta__":{"hash":"d755fc0424d45c140f3d172189c24ba00349599a20bc573b7542432c62efb2c8"}} as unknown as TypedDocumentString<UpdatePlanMutation, UpdatePlanMutationVariables>;
export const DeletePlanDocument = {"__meta__":{"hash":"a77a4be3373d523c082a2a2a11265c30bdae18a129fb9d9b1892d50331eedb16"}} as unknown as TypedDocumentString<DeletePlanMutation, DeletePlanMutationVariables>;
export const UserInvoicesDocument = {"__meta__":{"hash":"6fec0cd34b07dd0834fa6f2db80ce4bd77fe912b03baf30e2942b161b6fc5cee"}} as unknown as TypedDocumentString<UserInvoicesQuery, UserInvoicesQueryVariables>;
export const PlansToSellDocument = {"__meta__":{"hash":"ccc2f7d9a7982b81a628c992f516432aace30de6ec62b161ca90cddd4d7ce3ac"}} as unknown as TypedDocumentString<PlansToSellQuery, PlansToSellQueryVariables>;
export const SellPlanDocument = {"__meta__":{"hash":"83fa6654ba825cbc2c77ffcfc8e4134cfecc43885da2f2cf51ec2b8839a9fb93"}} as unknown as TypedDocumentString<SellPlanMutation, SellPlanMutationVariables>;
export const MarkSoldInvoicePaidDocument = {"__meta__":{"hash":"7f72306a7f573df2a59ac130929e89f5abbcae3d8a1fe84fe4b6427cf047be22"}} as unknown as TypedDocumentString<MarkSoldInvoicePaidMutation, MarkSoldInvoicePaidMutationVariables>;
export const RevenuePageDocument = {"__meta__":{"hash":"38b7143f8a467f66c2550a1d0bf31a31975f8501068cf7ea9ae18287dfcd1f1b"}} as unknown as TypedDocumentString<RevenuePageQuery, RevenuePageQueryVariables>;
export const StripeStatusCardDocument = {"__meta__":{"hash":"49f56c9e2def09d9f209c280e6b21ca01bc5f7b5b714a8ef61c538a4bb8454f9"}} as unknown as TypedDocumentString<StripeStatusCardQuery, StripeStatusCardQueryVariables>;
export const ChannelsPageDocument = {"__meta__":{"hash":"702592402b95b7a307837f34516ff0d2411e711d9bfa96e167a6db8edd125865"}} as unknown as TypedDocumentString<ChannelsPageQuery, ChannelsPageQueryVariables>;
export const NotificationDeliveriesDocument = {"__meta__":{"hash":"cfc52f472f5f7381cd24e7cc4bc1ee78ab17e8ff0cc2f2c2a3e9c0ece780f587"}} as unknown as TypedDocumentString<NotificationDeliveriesQuery, NotificationDeliveriesQueryVariables>;
export const CreateWebhookChannelDocument = {"__meta__":{"hash":"7caad36daaa14b43cc96b0f26faf41540649ea331ac81e17a8332a04ad3f0fbd"}} as unknown as TypedDocumentString<CreateWebhookChannelMutation, CreateWebhookChannelMutationVariables>;
export const UpdateNotificationChannelDocument = {"__meta__":{"hash":"f0eca7f5805007d201dcc6c6d91624d863808b6b30c2cb7a045d37bc36ef300a"}} as unknown as TypedDocumentString<UpdateNotificationChannelMutation, UpdateNotificationChannelMutationVariables>;
export const DeleteNotificationChannelDocument = {"__meta__":{"hash":"44a4da2e7d8221b38aa851b1bf8a77432d762ea1d383b49a7215a36c7c84b58d"}} as unknown as TypedDocumentString<DeleteNotificationChannelMutation, DeleteNotificationChannelMutationVariables>;
export const RotateWebhookSecretDocument = {"__meta__":{"hash":"f1f487d5f15f538f7a0d7cd242e5feef3e8e30cb9bc03f52516cfae836185e75"}} as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const TestNotificationChannelDocument = {"__meta__":{"hash":"413ccbda2dcae7f5b3361c2c74a8d814accef44d7d9a51daf090c913c8087930"}} as unknown as TypedDocumentString<TestNotificationChannelMutation, TestNotificationChannelMutationVariables>;
export const ReplayDeliveryDocument = {"__meta__":{"hash":"9f276584df35610d22987db7813aca477eb3be59f493ed3360da1b0296a872e8"}} as unknown as TypedDocumentString<ReplayDeliveryMutation, ReplayDeliveryMutationVariables>;
export const ReplayDeadDeliveriesDocument = {"__meta__":{"hash":"29952809c685af871e24e45c69092c8e2aaecb0e7bcc9cd19dcebf788b5b8b3e"}} as unknown as TypedDocumentString<ReplayDeadDeliveriesMutation, ReplayDeadDeliveriesMutationVariables>;
export const TelegramBotStatusDocument = {"__meta__":{"hash":"69eabe438d30af2e25974faefc97e57caf62b73c3d203ed92ca9401ba2e7143b"}} as unknown as TypedDocumentString<TelegramBotStatusQuery, TelegramBotStatusQueryVariables>;
export const ConfigureTelegramBotDocument = {"__meta__":{"hash":"005c78b58c358fc668c7b61c9d8e23e2cb8da419af538aed626dc7178fd1d9bc"}} as unknown as TypedDocumentString<ConfigureTelegramBotMutation, ConfigureTelegramBotMutationVariables>;
export const RemoveTelegramBotDocument = {"__meta__":{"hash":"a522c48d1e3fe6bb8db0e841807bfe7eae5db3ec07dbd9f50c8b9046dce0ea44"}} as unknown as TypedDocumentString<RemoveTelegramBotMutation, RemoveTelegramBotMutationVariables>;
export const LinkTelegramChatDocument = {"__meta__":{"hash":"73c751e38e9d9af2610693a1943ce9f834dc1b733b5f4174be5f6ec062446b54"}} as unknown as TypedDocumentString<LinkTelegramChatMutation, LinkTelegramChatMutationVariables>;
export const DashboardSummaryDocument = {"__meta__":{"hash":"18cdeb1fcda16cf8c98a13876d5293498106054dddba033495494b6c3f3f7bdd"}} as unknown as TypedDocumentString<DashboardSummaryQuery, DashboardSummaryQueryVariables>;
export const SystemMetricsNowDocument = {"__meta__":{"hash":"cda100a0cd171ee54dcf205a1c45da96fba114b55b84cb6a39fa3a175bc7d0ac"}} as unknown as TypedDocumentString<SystemMetricsNowQuery, SystemMetricsNowQueryVariables>;
export const TrafficSeriesDocument = {"__meta__":{"hash":"46c881ad82bb92b9cb2bba2b713ce3c6b186343c1e9115a3524daea940acbc37"}} as unknown as TypedDocumentString<TrafficSeriesQuery, TrafficSeriesQueryVariables>;
export const GroupsDocument = {"__meta__":{"hash":"d931c816dc407201d7565d510ce1934002e07859c441fec565d6775b102c93e9"}} as unknown as TypedDocumentString<GroupsQuery, GroupsQueryVariables>;
export const CreateGroupDocument = {"__meta__":{"hash":"c4694c18b97c01103290fe9d845d5fe700f5a143e55055a5e569cba4d9c793d5"}} as unknown as TypedDocumentString<CreateGroupMutation, CreateGroupMutationVariables>;
export const UpdateGroupDocument = {"__meta__":{"hash":"971869dcb42be6ac73136420978950f8809752212995c85980e7363b7b49e5f0"}} as unknown as TypedDocumentString<UpdateGroupMutation, UpdateGroupMutationVariables>;
export const DeleteGroupDocument = {"__meta__":{"hash":"fce411f0b11f5883b4867eca7e97db733e77f85ddad9d6db2b1aa8fd4a44993c"}} as unknown as TypedDocumentString<DeleteGroupMutation, DeleteGroupMutationVariables>;
export const BeginImportDocument = {"__meta__":{"hash":"8ced76510523a9f384ee5e381ce0700d691844963f4871c2c70a199f9824b089"}} as unknown as TypedDocumentString<BeginImportMutation, BeginImportMutationVariables>;
export const ImportUsersDocument = {"__meta__":{"hash":"aec0f76b2f5980e5ba787ae748ddf2f9e746a337dc3758289b3dfbb88449ecb6"}} as unknown as TypedDocumentString<ImportUsersMutation, ImportUsersMutationVariables>;
export const FinishImportDocument = {"__meta__":{"hash":"a6c1f30e0c2700d822957582d94e7f30e3eb999accdab5201b0ef5e3672c5dca"}} as unknown as TypedDocumentString<FinishImportMutation, FinishImportMutationVariables>;
export const ImportRunsDocument = {"__meta__":{"hash":"4ad8d67522f6b2fdb4083c725ecdb3e1cedb24a78fe6e0d225b70b149bc92f6c"}} as unknown as TypedDocumentString<ImportRunsQuery, ImportRunsQueryVariables>;
export const FetchPeerApiDocument = {"__meta__":{"hash":"81ae9491362595bea4458fa379baf5623afee470c46a2996edf4c4dce48cb6b6"}} as unknown as TypedDocumentString<FetchPeerApiMutation, FetchPeerApiMutationVariables>;
export const InboundsDocument = {"__meta__":{"hash":"16dc6a742f1d3296462ee8fbe5e117a7f0af2726ad1618459177c2c98f68baa6"}} as unknown as TypedDocumentString<InboundsQuery, InboundsQueryVariables>;
export const CreateInboundDocument = {"__meta__":{"hash":"b9bad0dc9bfc1227308fd1768e2d86855f8e299d4eead9685400df22d1237f5c"}} as unknown as TypedDocumentString<CreateInboundMutation, CreateInboundMutationVariables>;
export const UpdateInboundDocument = {"__meta__":{"hash":"b8f42b1e9660b4eed2ebccc17681aa7f37fd8afa6439842c85629fd264c01552"}} as unknown as TypedDocumentString<UpdateInboundMutation, UpdateInboundMutationVariables>;
export const DeleteInboundDocument = {"__meta__":{"hash":"70f0f596c24bad87d912e5ffc8253ed0595fcf297f8a93dcf417ac9caf458106"}} as unknown as TypedDocumentString<DeleteInboundMutation, DeleteInboundMutationVariables>;
export const ServerStatusUpdatesDocument = {"__meta__":{"hash":"d368d29fb63bf283582b3135d44bc13ba4512311da3cfdfa045cbd1677e9d02f"}} as unknown as TypedDocumentString<ServerStatusUpdatesSubscription, ServerStatusUpdatesSubscriptionVariables>;
export const SystemMetricsUpdatesDocument = {"__meta__":{"hash":"acf5b6f47370ab35804a36003bc010facd471613fcb0d4209d61b40ece1e402a"}} as unknown as TypedDocumentString<SystemMetricsUpdatesSubscription, SystemMetricsUpdatesSubscriptionVariables>;
export const UserTrafficUpdatesDocument = {"__meta__":{"hash":"a107b0c7a89285d59878736f7d0bf948ade8fafbb5a13886edef19637518b33a"}} as unknown as TypedDocumentString<UserTrafficUpdatesSubscription, UserTrafficUpdatesSubscriptionVariables>;
export const NotificationUpdatesDocument = {"__meta__":{"hash":"629cd998a78616eac1c23419f1c5b542c5a1cedb25df6df63ace4dc1ab7f516a"}} as unknown as TypedDocumentString<NotificationUpdatesSubscription, NotificationUpdatesSubscriptionVariables>;
export const MetricsEndpointDocument = {"__meta__":{"hash":"65814bdfb69fba06d7c71e2b79b9efabc707aa62f7a0fd4a6595dd79d3e52248"}} as unknown as TypedDocumentString<MetricsEndpointQuery, MetricsEndpointQueryVariables>;
export const RotateMetricsTokenDocument = {"__meta__":{"hash":"817db3af89f5f06cb2cffe3677bfb7055a347b27b7db9c90b85e0960a16c20c0"}} as unknown as TypedDocumentString<RotateMetricsTokenMutation, RotateMetricsTokenMutationVariables>;
export const RevokeMetricsTokenDocument = {"__meta__":{"hash":"05e48d89c5e9b89f0d027d8de904159f50b733bb052c16d9c666c3600d3e7d91"}} as unknown as TypedDocumentString<RevokeMetricsTokenMutation, RevokeMetricsTokenMutationVariables>;
export const NodeDetailDocument = {"__meta__":{"hash":"d047a2d7eafa65e6f0f407651b221916e2c828be996b1325af686322a6893b08"}} as unknown as TypedDocumentString<NodeDetailQuery, NodeDetailQueryVariables>;
export const ServerConfigDiffDocument = {"__meta__":{"hash":"b8ba5f3e4dc20310cb4f7c39ae9aef6abdf25db1e2e5faeac7ca708694d43737"}} as unknown as TypedDocumentString<ServerConfigDiffQuery, ServerConfigDiffQueryVariables>;
export const RollbackNodeConfigDocument = {"__meta__":{"hash":"4b2f28a2accaee25a08ec61e2165823e75b8e7b6c5bf918fa2dddfa6276b5506"}} as unknown as TypedDocumentString<RollbackNodeConfigMutation, RollbackNodeConfigMutationVariables>;
export const UnpinNodeConfigDocument = {"__meta__":{"hash":"c3255a3bda69b9af6b4e87954a6fbe4ba3cc89835ab0180e9d88eb66c05de5a4"}} as unknown as TypedDocumentString<UnpinNodeConfigMutation, UnpinNodeConfigMutationVariables>;
export const RequestServiceRestartDocument = {"__meta__":{"hash":"821ea36c39c7676415bc30cc7a7bd9525d1dea6a2731704a23cf2e5e7e645613"}} as unknown as TypedDocumentString<RequestServiceRestartMutation, RequestServiceRestartMutationVariables>;
export const UpdateAgentDocument = {"__meta__":{"hash":"aa2e05d7985ae878bedc9407f031695091635d4eeee127b4934f8e44f51b1491"}} as unknown as TypedDocumentString<UpdateAgentMutation, UpdateAgentMutationVariables>;
export const AgentReleasesDocument = {"__meta__":{"hash":"226d0a0312bc5824fc71cf77fb0fbad65b250476596d8d32b970626da6f6e475"}} as unknown as TypedDocumentString<AgentReleasesQuery, AgentReleasesQueryVariables>;
export const ServersDocument = {"__meta__":{"hash":"62513cf38e2c6b709144da29cc78ebfecd5ebf079d165959115dbddb0d7b32f9"}} as unknown as TypedDocumentString<ServersQuery, ServersQueryVariables>;
export const CreateServerDocument = {"__meta__":{"hash":"ca846fe248d8cd08efde87d1069cb1160240fe4d111cd28afbee34fd01bf2458"}} as unknown as TypedDocumentString<CreateServerMutation, CreateServerMutationVariables>;
export const DeleteServerDocument = {"__meta__":{"hash":"0386138370b1691a2712caa2e504c2774bb8f784669cf5f692989a48ae4f402d"}} as unknown as TypedDocumentString<DeleteServerMutation, DeleteServerMutationVariables>;
export const CreateServerEnrollmentDocument = {"__meta__":{"hash":"f4e1642f23e400e8c4e77458ca9cf9e0921484cab2c3744479174b6af6488426"}} as unknown as TypedDocumentString<CreateServerEnrollmentMutation, CreateServerEnrollmentMutationVariables>;
export const NotificationFeedDocument = {"__meta__":{"hash":"b51189c7af8bc19b9c1c0d4f64c255211be9b08f730be741432645be21020e27"}} as unknown as TypedDocumentString<NotificationFeedQuery, NotificationFeedQueryVariables>;
export const UnreadCountDocument = {"__meta__":{"hash":"445bef9d833a6c658cee3cdf02150d02bb12cbade54207eca283f33393c2c727"}} as unknown as TypedDocumentString<UnreadCountQuery, UnreadCountQueryVariables>;
export const EventCatalogueDocument = {"__meta__":{"hash":"5e837104052864727d29a6464b8ef1bcee9c9e524580cf96189d31d22ec234e7"}} as unknown as TypedDocumentString<EventCatalogueQuery, EventCatalogueQueryVariables>;
export const MarkNotificationsReadDocument = {"__meta__":{"hash":"08e785fe62e1918737d17a140b3277032bcdcdc3aa5609dc5d628752b72ee5bb"}} as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const MarkNotificationsUnreadDocument = {"__meta__":{"hash":"4623f51d1c45a298af41a975f66d19897b98c9c1527f03162eefac1aef651ca2"}} as unknown as TypedDocumentString<MarkNotificationsUnreadMutation, MarkNotificationsUnreadMutationVariables>;
export const NotificationSettingsDocument = {"__meta__":{"hash":"7c2c096dbde973b2f6f63e776bbebb73fd7cc83f426552f479999dd161167396"}} as unknown as TypedDocumentString<NotificationSettingsQuery, NotificationSettingsQueryVariables>;
export const UpdateNotificationSettingsDocument = {"__meta__":{"hash":"458de80f6ee800c54b76cd106a0f239154c51429c95e02a86e90afa6855acee6"}} as unknown as TypedDocumentString<UpdateNotificationSettingsMutation, UpdateNotificationSettingsMutationVariables>;
export const PanelRoutingPolicyDocument = {"__meta__":{"hash":"db0820f47ef98ee4c93506d298517490fcf7a7063783517067a49eaa0034f3f4"}} as unknown as TypedDocumentString<PanelRoutingPolicyQuery, PanelRoutingPolicyQueryVariables>;
export const UpdateRoutingPolicyDocument = {"__meta__":{"hash":"0a1f5a4046bd3bba1ae4b23a815785f830bb6f700457958ca7082007a18087ef"}} as unknown as TypedDocumentString<UpdateRoutingPolicyMutation, UpdateRoutingPolicyMutationVariables>;
export const ServerRoutingPolicyDocument = {"__meta__":{"hash":"c1af19e705a7470208e8bd60845fcff2df93f90e9eabe7713b0744141b081aba"}} as unknown as TypedDocumentString<ServerRoutingPolicyQuery, ServerRoutingPolicyQueryVariables>;
export const SetServerRoutingPolicyOverrideDocument = {"__meta__":{"hash":"917035bf25fd28b5277f87e59a66300692c3729721ba3217d8d9c7157acc637b"}} as unknown as TypedDocumentString<SetServerRoutingPolicyOverrideMutation, SetServerRoutingPolicyOverrideMutationVariables>;
export const SettingsPageDocument = {"__meta__":{"hash":"8e926ca85e6682a07709d51c1c6133a7166e87025e696fdb1160eef0b1d9e86f"}} as unknown as TypedDocumentString<SettingsPageQuery, SettingsPageQueryVariables>;
export const UpdateSettingsDocument = {"__meta__":{"hash":"acc38d615cd777642e700fd603d7503b4a6820437b57af435d13bfb0583a5b11"}} as unknown as TypedDocumentString<UpdateSettingsMutation, UpdateSettingsMutationVariables>;
export const UpdateSubscriptionRulesDocument = {"__meta__":{"hash":"ab6f462d8c1098cc3c6f84e3d1f23d308a7feffabfe218b718a6a378cc69adce"}} as unknown as TypedDocumentString<UpdateSubscriptionRulesMutation, UpdateSubscriptionRulesMutationVariables>;
export const ResetSubscriptionRulesDocument = {"__meta__":{"hash":"5774b67504a7175ff17022030e99643ab982ff22ca7ab2d21b3b665897dba1b4"}} as unknown as TypedDocumentString<ResetSubscriptionRulesMutation, ResetSubscriptionRulesMutationVariables>;
export const UsersPageDocument = {"__meta__":{"hash":"2362dd70e8a636bfd4b3b0acd9415345a8b9d63e78431e75945da5389cd4a714"}} as unknown as TypedDocumentString<UsersPageQuery, UsersPageQueryVariables>;
export const UserFilterChoicesDocument = {"__meta__":{"hash":"420ab1478afa3b67d4dc5e1343f5951e2f855a707d4f317bcd08cadb2d134be7"}} as unknown as TypedDocumentString<UserFilterChoicesQuery, UserFilterChoicesQueryVariables>;
export const AdminChoicesDocument = {"__meta__":{"hash":"8b1ce2855332b70b30ede3c7368d9ff1d82fce368650c743391920e4f193c5ed"}} as unknown as TypedDocumentString<AdminChoicesQuery, AdminChoicesQueryVariables>;
export const UserDetailDocument = {"__meta__":{"hash":"1c334c4d78c13f24245f64a56399839f2b2580db4fc9d4b2e9a1b0355e6d25b4"}} as unknown as TypedDocumentString<UserDetailQuery, UserDetailQueryVariables>;
export const CreateUserDocument = {"__meta__":{"hash":"cffd60f6844842f43552f03d13349848a05dbe8a56ae54084ca9479109289f19"}} as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = {"__meta__":{"hash":"2a6d711f5c1ab9eb0942912d6aae3beec676c16a0a6efba87c9bae1cbb342bcb"}} as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const DeleteUserDocument = {"__meta__":{"hash":"7eec65beac3a0b9a79e62d5f62ba19f8b3d13194bc6b74bf867a1b464f3e5c36"}} as unknown as TypedDocumentString<DeleteUserMutation, DeleteUserMutationVariables>;
export const RotateSubscriptionTokenDocument = {"__meta__":{"hash":"5594b0fa8841acf8b1292ee21700c1d3f5626aee1c818e44b1c535af1e4c1f9f"}} as unknown as TypedDocumentString<RotateSubscriptionTokenMutation, RotateSubscriptionTokenMutationVariables>;
export const RotateUserCredentialsDocument = {"__meta__":{"hash":"a780fb589024bf86348448f07b675940c0fc4c68af67666434e9b2cf2c22a710"}} as unknown as TypedDocumentString<RotateUserCredentialsMutation, RotateUserCredentialsMutationVariables>;
export const RemoveUserDeviceDocument = {"__meta__":{"hash":"6039b392ee736cf5e78106076690bc5f077f278dd49b48f9a9842a0af63fd25a"}} as unknown as TypedDocumentString<RemoveUserDeviceMutation, RemoveUserDeviceMutationVariables>;
export const ResetUserUsageDocument = {"__meta__":{"hash":"22831dd7d50688fa5f69d3da1447b5a1ede2e88b4f6138c33e6a5f99f1120416"}} as unknown as TypedDocumentString<ResetUserUsageMutation, ResetUserUsageMutationVariables>;