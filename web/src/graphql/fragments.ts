/**
 * Field lists several documents share. A document spreads one by name (`...UserRow`); codegen
 * appends the fragment to that document's persisted text and generates its type (`UserRowFragment`
 * in ./generated/graphql), so a page that shows a user row takes exactly these fields.
 */
import { graphql } from "./generated";

export const UserRow = graphql(`
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
`);

export const ServerStatusFields = graphql(`
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
`);

export const UserCountsFields = graphql(`
  fragment UserCountsFields on UserCounts {
    total
    active
    disabled
    limited
    expired
    onHold
  }
`);

export const SystemMetricsFields = graphql(`
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
`);

export const RoutingPolicyFields = graphql(`
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
`);

export const ImportReportFields = graphql(`
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
`);

export const BackupFields = graphql(`
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
`);

export const JobProgressFields = graphql(`
  fragment JobProgressFields on JobProgress {
    phase
    tablesDone
    tablesTotal
    rowsDone
    rowsTotal
  }
`);

export const RestoreFields = graphql(`
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
`);

export const NodeOperationFields = graphql(`
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
`);

export const NotificationFields = graphql(`
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
`);

export const ChannelFields = graphql(`
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
`);

export const DeliveryFields = graphql(`
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
`);

export const AnomalyFields = graphql(`
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
`);

export const InvoiceDetailFields = graphql(`
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
`);
