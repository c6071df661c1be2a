/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AccountOverview {\n    me {\n      id\n      ipAllowlist\n    }\n    twoFactor {\n      totpEnabled\n      totpEnabledAt\n      backupCodesLeft\n      mustEnrollTotp\n      passwordLoginDisabled\n    }\n  }\n": typeof types.AccountOverviewDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      device\n      ip\n      country\n      method\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  mutation RevokeOtherSessions {\n    revokeOtherSessions\n  }\n": typeof types.RevokeOtherSessionsDocument,
    "\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      secret\n      uri\n      qrSvg\n    }\n  }\n": typeof types.BeginTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n": typeof types.ConfirmTotpEnrollmentDocument,
    "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n": typeof types.DisableTotpDocument,
    "\n  mutation RegenerateBackupCodes($code: String!) {\n    regenerateBackupCodes(code: $code)\n  }\n": typeof types.RegenerateBackupCodesDocument,
    "\n  query MyPasskeys {\n    myPasskeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n": typeof types.MyPasskeysDocument,
    "\n  mutation BeginPasskeyRegistration {\n    beginPasskeyRegistration {\n      challengeToken\n      options\n    }\n  }\n": typeof types.BeginPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      id\n    }\n  }\n": typeof types.FinishPasskeyRegistrationDocument,
    "\n  mutation RenamePasskey($id: ID!, $name: String!) {\n    renamePasskey(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.RenamePasskeyDocument,
    "\n  mutation RemovePasskey($id: ID!) {\n    removePasskey(id: $id)\n  }\n": typeof types.RemovePasskeyDocument,
    "\n  mutation SetPasswordLogin($enabled: Boolean!) {\n    setPasswordLogin(enabled: $enabled)\n  }\n": typeof types.SetPasswordLoginDocument,
    "\n  mutation SetIpAllowlist($adminId: ID, $cidrs: [String!]!) {\n    setIpAllowlist(adminId: $adminId, cidrs: $cidrs)\n  }\n": typeof types.SetIpAllowlistDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query Admins {\n    admins {\n      id\n      username\n      role\n      disabled\n      maxUsers\n      maxDataLimit\n      dataGiven\n      dataLeft\n      createdAt\n      ipAllowlist\n    }\n  }\n": typeof types.AdminsDocument,
    "\n  mutation CreateAdmin($input: CreateAdminInput!) {\n    createAdmin(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateAdminDocument,
    "\n  mutation UpdateAdmin($id: ID!, $input: UpdateAdminInput!) {\n    updateAdmin(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateAdminDocument,
    "\n  mutation TopUpResellerQuota($adminId: ID!, $bytes: Bytes!) {\n    topUpResellerQuota(adminId: $adminId, bytes: $bytes) {\n      id\n    }\n  }\n": typeof types.TopUpResellerQuotaDocument,
    "\n  mutation DeleteAdmin($id: ID!) {\n    deleteAdmin(id: $id)\n  }\n": typeof types.DeleteAdminDocument,
    "\n  query OidcIdentities {\n    oidcIdentities {\n      id\n      adminId\n      kind\n      value\n    }\n  }\n": typeof types.OidcIdentitiesDocument,
    "\n  mutation LinkOidcIdentity($input: LinkOidcIdentityInput!) {\n    linkOidcIdentity(input: $input) {\n      id\n    }\n  }\n": typeof types.LinkOidcIdentityDocument,
    "\n  mutation UnlinkOidcIdentity($id: ID!) {\n    unlinkOidcIdentity(id: $id)\n  }\n": typeof types.UnlinkOidcIdentityDocument,
    "\n  query AnalyticsPage($period: TimePeriod!) {\n    analytics(period: $period) {\n      period\n      from\n      to\n      upload\n      download\n      traffic {\n        at\n        upload\n        download\n      }\n      byServer {\n        upload\n        download\n        server {\n          id\n          name\n        }\n      }\n      byInbound {\n        tag\n        upload\n        download\n        server {\n          id\n          name\n        }\n      }\n      topUsers(first: 10) {\n        upload\n        download\n        user {\n          id\n          username\n        }\n      }\n      usersByStatus {\n        day\n        status\n        count\n      }\n      revenue {\n        day\n        currency\n        paid\n        refunded\n        invoicesPaid\n      }\n      revenueByPlan {\n        currency\n        paid\n        refunded\n        invoicesPaid\n        plan {\n          id\n          name\n        }\n      }\n      anomalies(first: 20) {\n        ...AnomalyFields\n      }\n    }\n  }\n": typeof types.AnalyticsPageDocument,
    "\n  query UserInsights($userId: ID!) {\n    trafficStats(userId: $userId, period: WEEK) {\n      clientAddresses\n      forecast {\n        dailyAverage\n        daysLeft\n        remaining\n        runsOutAt\n        runsOutFirst\n      }\n      anomalies {\n        ...AnomalyFields\n      }\n    }\n    user(id: $userId) {\n      id\n      deviceLimit\n      telegramLinked\n    }\n  }\n": typeof types.UserInsightsDocument,
    "\n  query AuditLog($filter: AuditFilter, $page: Pagination) {\n    auditLog(filter: $filter, page: $page) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          actorUsername\n          targetType\n          targetId\n          ip\n          details\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation RefreshToken($token: String!) {\n    refreshToken(token: $token) {\n      accessToken\n      refreshToken\n    }\n  }\n": typeof types.RefreshTokenDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      role\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($input: LoginInput!) {\n    signIn(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n      }\n      ... on SecondFactorChallenge {\n        challengeToken\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation CompleteSecondFactor($input: SecondFactorInput!) {\n    completeSecondFactor(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n": typeof types.CompleteSecondFactorDocument,
    "\n  query SignInOptions {\n    signInOptions {\n      oidcEnabled\n      oidcIssuer\n    }\n  }\n": typeof types.SignInOptionsDocument,
    "\n  mutation BeginPasskeyLogin {\n    beginPasskeyLogin {\n      challengeToken\n      options\n    }\n  }\n": typeof types.BeginPasskeyLoginDocument,
    "\n  mutation FinishPasskeyLogin($input: FinishPasskeyLoginInput!) {\n    finishPasskeyLogin(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n": typeof types.FinishPasskeyLoginDocument,
    "\n  mutation BeginOidcLogin {\n    beginOidcLogin {\n      authorizationUrl\n    }\n  }\n": typeof types.BeginOidcLoginDocument,
    "\n  mutation FinishOidcLogin($input: FinishOidcLoginInput!) {\n    finishOidcLogin(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n": typeof types.FinishOidcLoginDocument,
    "\n  query MustEnrollTotp {\n    twoFactor {\n      mustEnrollTotp\n    }\n  }\n": typeof types.MustEnrollTotpDocument,
    "\n  query BackupsPage {\n    backups {\n      ...BackupFields\n    }\n    restores(first: 5) {\n      ...RestoreFields\n    }\n    settings {\n      backupIntervalHours\n      backupKeepCount\n      backupKeepDays\n    }\n  }\n": typeof types.BackupsPageDocument,
    "\n  query Backup($id: ID!) {\n    backup(id: $id) {\n      ...BackupFields\n    }\n  }\n": typeof types.BackupDocument,
    "\n  query Restore($id: ID!) {\n    restore(id: $id) {\n      ...RestoreFields\n    }\n  }\n": typeof types.RestoreDocument,
    "\n  mutation BackupDatabase {\n    backupDatabase {\n      ...BackupFields\n    }\n  }\n": typeof types.BackupDatabaseDocument,
    "\n  mutation DeleteBackup($id: ID!) {\n    deleteBackup(id: $id)\n  }\n": typeof types.DeleteBackupDocument,
    "\n  mutation RestoreBackup($id: ID!, $confirm: String!) {\n    restoreBackup(id: $id, confirm: $confirm) {\n      ...RestoreFields\n    }\n  }\n": typeof types.RestoreBackupDocument,
    "\n  mutation UpdateBackupSchedule($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      backupIntervalHours\n      backupKeepCount\n      backupKeepDays\n    }\n  }\n": typeof types.UpdateBackupScheduleDocument,
    "\n  query InvoiceList($filter: InvoiceFilter, $page: Pagination) {\n    invoices(filter: $filter, page: $page) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          number\n          username\n          user {\n            id\n          }\n          plan {\n            id\n            name\n          }\n          total\n          currency\n          status\n          paidVia\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.InvoiceListDocument,
    "\n  query InvoicePlanChoices {\n    plans {\n      id\n      name\n    }\n  }\n": typeof types.InvoicePlanChoicesDocument,
    "\n  query InvoiceDetail($id: ID!) {\n    invoice(id: $id) {\n      ...InvoiceDetailFields\n    }\n  }\n": typeof types.InvoiceDetailDocument,
    "\n  subscription InvoiceUpdates($id: ID!) {\n    invoiceUpdated(id: $id) {\n      ...InvoiceDetailFields\n    }\n  }\n": typeof types.InvoiceUpdatesDocument,
    "\n  mutation VoidInvoice($id: ID!) {\n    voidInvoice(id: $id) {\n      ...InvoiceDetailFields\n    }\n  }\n": typeof types.VoidInvoiceDocument,
    "\n  mutation MarkInvoicePaid($id: ID!, $reference: String!) {\n    markInvoicePaid(id: $id, reference: $reference) {\n      ...InvoiceDetailFields\n    }\n  }\n": typeof types.MarkInvoicePaidDocument,
    "\n  mutation RefundInvoice($id: ID!, $revoke: Boolean!) {\n    refundInvoice(id: $id, revoke: $revoke) {\n      ...InvoiceDetailFields\n    }\n  }\n": typeof types.RefundInvoiceDocument,
    "\n  query ChainsPage {\n    chains {\n      id\n      name\n      chainId\n      rpcUrl\n      confirmations\n      logBlockRange\n      explorerUrl\n      enabled\n    }\n    chainTokens {\n      id\n      chain {\n        id\n      }\n      symbol\n      address\n      decimals\n      currency\n      enabled\n    }\n  }\n": typeof types.ChainsPageDocument,
    "\n  query DepositSource {\n    billingStatus {\n      onchainDepositSourceConfigured\n    }\n  }\n": typeof types.DepositSourceDocument,
    "\n  mutation CreateChain($input: CreateChainInput!) {\n    createChain(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateChainDocument,
    "\n  mutation UpdateChain($id: ID!, $input: UpdateChainInput!) {\n    updateChain(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateChainDocument,
    "\n  mutation CreateChainToken($input: CreateChainTokenInput!) {\n    createChainToken(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateChainTokenDocument,
    "\n  mutation UpdateChainToken($id: ID!, $input: UpdateChainTokenInput!) {\n    updateChainToken(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateChainTokenDocument,
    "\n  mutation TestChain($input: TestChainInput!) {\n    testChain(input: $input) {\n      ok\n      reportedChainId\n      latestBlock\n      tokenDecimals\n      tokenSymbol\n      problems\n    }\n  }\n": typeof types.TestChainDocument,
    "\n  query PlansPage {\n    plans {\n      id\n      name\n      description\n      prices {\n        currency\n        amount\n      }\n      dataLimit\n      durationDays\n      resetStrategy\n      deviceLimit\n      groups {\n        id\n        name\n      }\n      sortOrder\n      visible\n    }\n    groups {\n      id\n      name\n    }\n  }\n": typeof types.PlansPageDocument,
    "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      id\n    }\n  }\n": typeof types.CreatePlanDocument,
    "\n  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!) {\n    updatePlan(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdatePlanDocument,
    "\n  mutation DeletePlan($id: ID!) {\n    deletePlan(id: $id)\n  }\n": typeof types.DeletePlanDocument,
    "\n  query UserInvoices($userId: ID!, $first: Int!) {\n    invoices(filter: { userId: $userId }, page: { first: $first }) {\n      edges {\n        node {\n          id\n          number\n          status\n          total\n          currency\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.UserInvoicesDocument,
    "\n  query PlansToSell {\n    plans {\n      id\n      name\n      visible\n      prices {\n        currency\n        amount\n      }\n    }\n  }\n": typeof types.PlansToSellDocument,
    "\n  mutation SellPlan($input: CreateInvoiceInput!) {\n    createInvoice(input: $input) {\n      id\n      number\n    }\n  }\n": typeof types.SellPlanDocument,
    "\n  mutation MarkSoldInvoicePaid($id: ID!, $reference: String!) {\n    markInvoicePaid(id: $id, reference: $reference) {\n      id\n      number\n      status\n    }\n  }\n": typeof types.MarkSoldInvoicePaidDocument,
    "\n  query RevenuePage($period: TimePeriod!) {\n    analytics(period: $period) {\n      from\n      to\n      revenueTotals {\n        currency\n        paid\n        refunded\n        net\n        invoicesPaid\n      }\n      revenue {\n        day\n        currency\n        paid\n        refunded\n        net\n        invoicesPaid\n      }\n      revenueByPlan {\n        currency\n        paid\n        refunded\n        net\n        invoicesPaid\n        plan {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.RevenuePageDocument,
    "\n  query StripeStatusCard {\n    billingStatus {\n      stripe {\n        secretKeyConfigured\n        webhookSecretConfigured\n        webhookUrl\n        webhookEvents\n        lastWebhook {\n          receivedAt\n          eventType\n          verdict\n          detail\n        }\n        recentWebhooks(first: 10) {\n          receivedAt\n          eventId\n          eventType\n          verdict\n          detail\n        }\n      }\n    }\n  }\n": typeof types.StripeStatusCardDocument,
    "\n  query ChannelsPage {\n    notificationChannels {\n      ...ChannelFields\n    }\n    eventCatalogue {\n      version\n      kinds {\n        kind\n        audience\n        severity\n        description\n      }\n    }\n  }\n": typeof types.ChannelsPageDocument,
    "\n  query NotificationDeliveries($channelId: ID, $status: DeliveryStatus, $page: Pagination) {\n    notificationDeliveries(channelId: $channelId, status: $status, page: $page) {\n      edges {\n        cursor\n        node {\n          ...DeliveryFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.NotificationDeliveriesDocument,
    "\n  mutation CreateWebhookChannel($input: WebhookChannelInput!) {\n    createWebhookChannel(input: $input) {\n      secret\n      channel {\n        ...ChannelFields\n      }\n    }\n  }\n": typeof types.CreateWebhookChannelDocument,
    "\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelInput!) {\n    updateNotificationChannel(id: $id, input: $input) {\n      ...ChannelFields\n    }\n  }\n": typeof types.UpdateNotificationChannelDocument,
    "\n  mutation DeleteNotificationChannel($id: ID!) {\n    deleteNotificationChannel(id: $id)\n  }\n": typeof types.DeleteNotificationChannelDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      channel {\n        ...ChannelFields\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation TestNotificationChannel($id: ID!) {\n    testNotificationChannel(id: $id) {\n      ...DeliveryFields\n    }\n  }\n": typeof types.TestNotificationChannelDocument,
    "\n  mutation ReplayDelivery($id: ID!) {\n    replayDelivery(id: $id) {\n      ...DeliveryFields\n    }\n  }\n": typeof types.ReplayDeliveryDocument,
    "\n  mutation ReplayDeadDeliveries($channelId: ID!) {\n    replayDeadDeliveries(channelId: $channelId)\n  }\n": typeof types.ReplayDeadDeliveriesDocument,
    "\n  query TelegramBotStatus {\n    telegramBot {\n      configured\n      username\n      webhookUrl\n      lastError\n      lastUpdateAt\n    }\n  }\n": typeof types.TelegramBotStatusDocument,
    "\n  mutation ConfigureTelegramBot($token: String!) {\n    configureTelegramBot(token: $token) {\n      configured\n    }\n  }\n": typeof types.ConfigureTelegramBotDocument,
    "\n  mutation RemoveTelegramBot {\n    removeTelegramBot\n  }\n": typeof types.RemoveTelegramBotDocument,
    "\n  mutation LinkTelegramChat {\n    linkTelegramChat {\n      url\n      expiresAt\n    }\n  }\n": typeof types.LinkTelegramChatDocument,
    "\n  query DashboardSummary {\n    systemStatus {\n      version\n      servers\n      inbounds\n      groups\n      users {\n        ...UserCountsFields\n      }\n    }\n    servers {\n      id\n      status\n    }\n    healthCheck {\n      ok\n      database\n      time\n    }\n  }\n": typeof types.DashboardSummaryDocument,
    "\n  query SystemMetricsNow {\n    systemMetrics {\n      ...SystemMetricsFields\n    }\n  }\n": typeof types.SystemMetricsNowDocument,
    "\n  query TrafficSeries($range: TrafficRange!, $userId: ID) {\n    trafficSeries(range: $range, userId: $userId) {\n      at\n      upload\n      download\n    }\n  }\n": typeof types.TrafficSeriesDocument,
    "\n  fragment UserRow on User {\n    id\n    username\n    status\n    dataLimit\n    usedTraffic\n    expireAt\n    onHoldExpireDays\n    owner {\n      id\n      username\n    }\n    groups {\n      id\n      name\n    }\n  }\n": typeof types.UserRowFragmentDoc,
    "\n  fragment ServerStatusFields on Server {\n    id\n    status\n    lastSeenAt\n    configVersion\n    appliedConfigVersion\n    coreVersion\n    agentVersion\n    health {\n      coreRunning\n      cpuPercent\n      memUsedBytes\n      memTotalBytes\n      uptimeSec\n    }\n    capabilities {\n      core\n      version\n      protocols\n      transports\n      securities\n    }\n  }\n": typeof types.ServerStatusFieldsFragmentDoc,
    "\n  fragment UserCountsFields on UserCounts {\n    total\n    active\n    disabled\n    limited\n    expired\n    onHold\n  }\n": typeof types.UserCountsFieldsFragmentDoc,
    "\n  fragment SystemMetricsFields on SystemMetrics {\n    at\n    serversOnline\n    serversOffline\n    serversDegraded\n    uploadRate\n    downloadRate\n    users {\n      ...UserCountsFields\n    }\n  }\n": typeof types.SystemMetricsFieldsFragmentDoc,
    "\n  fragment RoutingPolicyFields on RoutingPolicy {\n    blockPrivate\n    blockBittorrent\n    allowedPrivate {\n      cidr\n      ports\n    }\n    blockedCidrs\n    blockedDomains\n    blockedPorts\n    defaultOutbound\n  }\n": typeof types.RoutingPolicyFieldsFragmentDoc,
    "\n  fragment ImportReportFields on ImportReport {\n    counts {\n      kind\n      created\n      updated\n      unchanged\n      conflicts\n    }\n    conflicts {\n      kind\n      key\n      name\n      reason\n    }\n    unmapped {\n      kind\n      key\n      name\n      reason\n    }\n    adjusted {\n      kind\n      key\n      name\n      reason\n    }\n    statusChanges {\n      key\n      username\n      from\n      to\n    }\n    truncated\n    enrollments {\n      key\n      name\n      serverId\n      command\n    }\n  }\n": typeof types.ImportReportFieldsFragmentDoc,
    "\n  fragment BackupFields on BackupResult {\n    id\n    status\n    trigger\n    createdAt\n    createdBy\n    finishedAt\n    sizeBytes\n    rows\n    schemaVersion\n    error\n    downloadPath\n    progress {\n      ...JobProgressFields\n    }\n  }\n": typeof types.BackupFieldsFragmentDoc,
    "\n  fragment JobProgressFields on JobProgress {\n    phase\n    tablesDone\n    tablesTotal\n    rowsDone\n    rowsTotal\n  }\n": typeof types.JobProgressFieldsFragmentDoc,
    "\n  fragment RestoreFields on RestoreResult {\n    id\n    backupId\n    safetyBackupId\n    status\n    startedAt\n    startedBy\n    finishedAt\n    verifiedTables\n    error\n    progress {\n      ...JobProgressFields\n    }\n  }\n": typeof types.RestoreFieldsFragmentDoc,
    "\n  fragment NodeOperationFields on NodeOperation {\n    id\n    kind\n    status\n    targetVersion\n    detail\n    requestedAt\n    requestedBy\n    finishedAt\n    configVersion\n  }\n": typeof types.NodeOperationFieldsFragmentDoc,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    severity\n    message\n    at\n    read\n    userId\n    serverId\n    invoiceId\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  fragment ChannelFields on NotificationChannel {\n    id\n    kind\n    name\n    owner\n    enabled\n    url\n    telegramChatId\n    eventKinds\n    language\n    delivered24h\n    failing\n    disabledReason\n    createdAt\n  }\n": typeof types.ChannelFieldsFragmentDoc,
    "\n  fragment DeliveryFields on NotificationDelivery {\n    id\n    eventId\n    eventKind\n    status\n    attempts\n    lastStatusCode\n    lastError\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    channel {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.DeliveryFieldsFragmentDoc,
    "\n  fragment AnomalyFields on UsageAnomaly {\n    id\n    kind\n    hour\n    observed\n    baseline\n    detectedAt\n    user {\n      id\n      username\n    }\n  }\n": typeof types.AnomalyFieldsFragmentDoc,
    "\n  fragment InvoiceDetailFields on Invoice {\n    id\n    number\n    status\n    username\n    user {\n      id\n      username\n    }\n    plan {\n      id\n    }\n    currency\n    total\n    lines {\n      description\n      quantity\n      unitAmount\n    }\n    terms {\n      planName\n      dataLimit\n      durationDays\n      resetStrategy\n      deviceLimit\n      groups\n    }\n    createdBy\n    createdAt\n    expiresAt\n    paidAt\n    paidVia\n    paymentRef\n    refundedAt\n    flag\n    url\n    stripeSessionId\n    deposit {\n      address\n      amount\n      symbol\n      tokenAddress\n      chainId\n      checkedBlock\n      confirmationsRequired\n    }\n    chainPayments {\n      id\n      txHash\n      explorerUrl\n      blockNumber\n      confirmations\n      amountUnits\n      status\n      reason\n      seenAt\n    }\n    history {\n      id\n      at\n      actorUsername\n      action\n      details\n    }\n  }\n": typeof types.InvoiceDetailFieldsFragmentDoc,
    "\n  query Groups {\n    groups {\n      id\n      name\n      note\n      userCount\n      inbounds {\n        id\n        tag\n      }\n    }\n    inbounds {\n      id\n      tag\n    }\n  }\n": typeof types.GroupsDocument,
    "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateGroupDocument,
    "\n  mutation UpdateGroup($id: ID!, $input: UpdateGroupInput!) {\n    updateGroup(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateGroupDocument,
    "\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n": typeof types.DeleteGroupDocument,
    "\n  mutation BeginImport($input: BeginImportInput!) {\n    beginImport(input: $input) {\n      id\n    }\n  }\n": typeof types.BeginImportDocument,
    "\n  mutation ImportUsers($runId: ID!, $users: [ImportUserInput!]!) {\n    importUsers(runId: $runId, users: $users) {\n      id\n      processedUsers\n    }\n  }\n": typeof types.ImportUsersDocument,
    "\n  mutation FinishImport($runId: ID!) {\n    finishImport(runId: $runId) {\n      id\n      report {\n        ...ImportReportFields\n      }\n    }\n  }\n": typeof types.FinishImportDocument,
    "\n  query ImportRuns {\n    importRuns(first: 10) {\n      id\n      source\n      instance\n      dryRun\n      status\n      totalUsers\n      processedUsers\n      startedAt\n      finishedAt\n    }\n  }\n": typeof types.ImportRunsDocument,
    "\n  mutation FetchPeerApi($input: PeerApiRequestInput!) {\n    fetchPeerApi(input: $input) {\n      status\n      contentType\n      body\n    }\n  }\n": typeof types.FetchPeerApiDocument,
    "\n  query Inbounds {\n    inbounds {\n      id\n      tag\n      remark\n      port\n      protocol\n      transport\n      security\n      protocolSettings {\n        flow\n        method\n        obfsPassword\n        serverKey\n      }\n      transportSettings {\n        path\n        host\n        serviceName\n        mode\n        headerType\n      }\n      securitySettings {\n        serverName\n        alpn\n        fingerprint\n        allowInsecure\n        realityDest\n        realityServerNames\n        realityShortIds\n        realitySpiderX\n        realityPublicKey\n      }\n      servers {\n        id\n        name\n        unservedInbounds {\n          inbound {\n            id\n          }\n          reason\n        }\n      }\n    }\n  }\n": typeof types.InboundsDocument,
    "\n  mutation CreateInbound($input: CreateInboundInput!) {\n    createInbound(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateInboundDocument,
    "\n  mutation UpdateInbound($id: ID!, $input: UpdateInboundInput!) {\n    updateInbound(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateInboundDocument,
    "\n  mutation DeleteInbound($id: ID!) {\n    deleteInbound(id: $id)\n  }\n": typeof types.DeleteInboundDocument,
    "\n  subscription ServerStatusUpdates($id: ID) {\n    serverStatus(serverId: $id) {\n      ...ServerStatusFields\n    }\n  }\n": typeof types.ServerStatusUpdatesDocument,
    "\n  subscription SystemMetricsUpdates {\n    systemMetrics {\n      ...SystemMetricsFields\n    }\n  }\n": typeof types.SystemMetricsUpdatesDocument,
    "\n  subscription UserTrafficUpdates($userId: ID!) {\n    userTraffic(userId: $userId) {\n      userId\n      upload\n      download\n      usedTraffic\n      at\n    }\n  }\n": typeof types.UserTrafficUpdatesDocument,
    "\n  subscription NotificationUpdates {\n    notifications {\n      id\n      kind\n      severity\n      message\n      at\n      serverId\n      userId\n    }\n  }\n": typeof types.NotificationUpdatesDocument,
    "\n  query MetricsEndpoint {\n    metricsEndpoint {\n      enabled\n      path\n      tokenCreatedAt\n    }\n  }\n": typeof types.MetricsEndpointDocument,
    "\n  mutation RotateMetricsToken {\n    rotateMetricsToken {\n      token\n      endpoint {\n        enabled\n        path\n        tokenCreatedAt\n      }\n    }\n  }\n": typeof types.RotateMetricsTokenDocument,
    "\n  mutation RevokeMetricsToken {\n    revokeMetricsToken\n  }\n": typeof types.RevokeMetricsTokenDocument,
    "\n  query NodeDetail($id: ID!) {\n    server(id: $id) {\n      ...ServerStatusFields\n      name\n      address\n      agentProtocol\n      configPinnedTo\n      configHistory {\n        version\n        issuedAt\n        outcome\n        outcomeAt\n        error\n        inbounds\n        users\n        operations\n        rollbackOf\n        kept\n        sizeBytes\n      }\n      operations(first: 20) {\n        ...NodeOperationFields\n      }\n    }\n    agentReleases {\n      version\n      builtIn\n      servers\n    }\n  }\n": typeof types.NodeDetailDocument,
    "\n  query ServerConfigDiff($serverId: ID!, $from: Int!, $to: Int!) {\n    serverConfigDiff(serverId: $serverId, from: $from, to: $to) {\n      from\n      to\n      inboundsAdded\n      inboundsRemoved\n      inboundsChanged {\n        tag\n        fields\n      }\n      routingChanged\n      usersFrom\n      usersTo\n      usersAdded {\n        id\n        username\n      }\n      usersAddedCount\n      usersRemoved {\n        id\n        username\n      }\n      usersRemovedCount\n      usersChangedCount\n    }\n  }\n": typeof types.ServerConfigDiffDocument,
    "\n  mutation RollbackNodeConfig($serverId: ID!, $version: Int!) {\n    rollbackNodeConfig(serverId: $serverId, version: $version) {\n      id\n      configPinnedTo\n    }\n  }\n": typeof types.RollbackNodeConfigDocument,
    "\n  mutation UnpinNodeConfig($serverId: ID!) {\n    unpinNodeConfig(serverId: $serverId) {\n      id\n      configPinnedTo\n    }\n  }\n": typeof types.UnpinNodeConfigDocument,
    "\n  mutation RequestServiceRestart($serverId: ID, $service: ServiceType!) {\n    requestServiceRestart(serverId: $serverId, service: $service) {\n      ...NodeOperationFields\n    }\n  }\n": typeof types.RequestServiceRestartDocument,
    "\n  mutation UpdateAgent($serverId: ID, $version: String!) {\n    updateAgent(serverId: $serverId, version: $version) {\n      ...NodeOperationFields\n    }\n  }\n": typeof types.UpdateAgentDocument,
    "\n  query AgentReleases {\n    agentReleases {\n      version\n      builtIn\n      servers\n    }\n  }\n": typeof types.AgentReleasesDocument,
    "\n  query Servers {\n    servers {\n      ...ServerStatusFields\n      name\n      address\n      inbounds {\n        id\n        tag\n      }\n      unservedInbounds {\n        inbound {\n          id\n          tag\n        }\n        reason\n      }\n    }\n    inbounds {\n      id\n      tag\n    }\n  }\n": typeof types.ServersDocument,
    "\n  mutation CreateServer($input: CreateServerInput!) {\n    createServer(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateServerDocument,
    "\n  mutation DeleteServer($id: ID!) {\n    deleteServer(id: $id)\n  }\n": typeof types.DeleteServerDocument,
    "\n  mutation CreateServerEnrollment($id: ID!) {\n    createServerEnrollment(id: $id) {\n      command\n      expiresAt\n    }\n  }\n": typeof types.CreateServerEnrollmentDocument,
    "\n  query NotificationFeed($kinds: [String!], $unreadOnly: Boolean, $page: Pagination, $language: NotificationLanguage) {\n    notificationFeed(kinds: $kinds, unreadOnly: $unreadOnly, page: $page, language: $language) {\n      unreadCount\n      edges {\n        cursor\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.NotificationFeedDocument,
    "\n  query UnreadCount {\n    notificationFeed(unreadOnly: true, page: { first: 1 }) {\n      unreadCount\n    }\n  }\n": typeof types.UnreadCountDocument,
    "\n  query EventCatalogue {\n    eventCatalogue {\n      version\n      kinds {\n        kind\n        audience\n        severity\n        description\n      }\n    }\n  }\n": typeof types.EventCatalogueDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  mutation MarkNotificationsUnread($ids: [ID!]!) {\n    markNotificationsUnread(ids: $ids)\n  }\n": typeof types.MarkNotificationsUnreadDocument,
    "\n  query NotificationSettings {\n    settings {\n      reminderUsagePercents\n      reminderDaysLeft\n      failedSignInAlertThreshold\n      retentionHourlyDays\n      retentionDailyDays\n      retentionAuditDays\n      retentionEventDays\n      retentionSessionDays\n      sharingWindowMinutes\n    }\n  }\n": typeof types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      reminderUsagePercents\n      reminderDaysLeft\n      failedSignInAlertThreshold\n      retentionHourlyDays\n      retentionDailyDays\n      retentionAuditDays\n      retentionEventDays\n      retentionSessionDays\n      sharingWindowMinutes\n    }\n  }\n": typeof types.UpdateNotificationSettingsDocument,
    "\n  query PanelRoutingPolicy {\n    routingPolicy {\n      ...RoutingPolicyFields\n    }\n  }\n": typeof types.PanelRoutingPolicyDocument,
    "\n  mutation UpdateRoutingPolicy($input: RoutingPolicyInput!) {\n    updateRoutingPolicy(input: $input) {\n      blockPrivate\n    }\n  }\n": typeof types.UpdateRoutingPolicyDocument,
    "\n  query ServerRoutingPolicy($id: ID!) {\n    server(id: $id) {\n      id\n      routingPolicy {\n        ...RoutingPolicyFields\n      }\n      routingPolicyOverride {\n        blockPrivate\n      }\n    }\n  }\n": typeof types.ServerRoutingPolicyDocument,
    "\n  mutation SetServerRoutingPolicyOverride($id: ID!, $policy: RoutingPolicyInput) {\n    setServerRoutingPolicyOverride(id: $id, policy: $policy) {\n      id\n      configVersion\n    }\n  }\n": typeof types.SetServerRoutingPolicyOverrideDocument,
    "\n  query SettingsPage {\n    settings {\n      subscriptionTitle\n      subscriptionUpdateIntervalHours\n      subscriptionSupportUrl\n      subscriptionRemarkTemplate\n      subscriptionUrlPrefix\n      subscriptionAnnounce\n      subscriptionHideSettings\n      subscriptionRouting\n      inactiveUserResponse\n      deviceLimit\n      totpRequiredRoles\n      corsAllowedOrigins\n      agentAutoUpdate\n    }\n    subscriptionRules {\n      name\n      action\n      format\n      match\n      conditions {\n        header\n        operator\n        value\n        caseSensitive\n      }\n    }\n  }\n": typeof types.SettingsPageDocument,
    "\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      subscriptionTitle\n    }\n  }\n": typeof types.UpdateSettingsDocument,
    "\n  mutation UpdateSubscriptionRules($rules: [SubscriptionRuleInput!]!) {\n    updateSubscriptionRules(rules: $rules) {\n      name\n    }\n  }\n": typeof types.UpdateSubscriptionRulesDocument,
    "\n  mutation ResetSubscriptionRules {\n    resetSubscriptionRules {\n      name\n    }\n  }\n": typeof types.ResetSubscriptionRulesDocument,
    "\n  query UsersPage($filter: UserFilter, $page: Pagination, $order: UserOrder) {\n    users(filter: $filter, page: $page, order: $order) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n": typeof types.UsersPageDocument,
    "\n  query UserFilterChoices {\n    groups {\n      id\n      name\n    }\n    me {\n      id\n      role\n    }\n  }\n": typeof types.UserFilterChoicesDocument,
    "\n  query AdminChoices {\n    admins {\n      id\n      username\n    }\n  }\n": typeof types.AdminChoicesDocument,
    "\n  query UserDetail($id: ID!) {\n    user(id: $id) {\n      ...UserRow\n      resetStrategy\n      deviceLimit\n      note\n      subscriptionUrl\n      createdAt\n    }\n    userDevices(userId: $id) {\n      hwid\n      platform\n      osVersion\n      model\n      userAgent\n      firstSeenAt\n      lastSeenAt\n    }\n  }\n": typeof types.UserDetailDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      subscriptionUrl\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      status\n      expireAt\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n": typeof types.DeleteUserDocument,
    "\n  mutation RotateSubscriptionToken($userId: ID!) {\n    rotateSubscriptionToken(userId: $userId) {\n      id\n      subscriptionUrl\n    }\n  }\n": typeof types.RotateSubscriptionTokenDocument,
    "\n  mutation RotateUserCredentials($userId: ID!) {\n    rotateUserCredentials(userId: $userId) {\n      id\n    }\n  }\n": typeof types.RotateUserCredentialsDocument,
    "\n  mutation RemoveUserDevice($userId: ID!, $hwid: String!) {\n    removeUserDevice(userId: $userId, hwid: $hwid)\n  }\n": typeof types.RemoveUserDeviceDocument,
    "\n  mutation ResetUserUsage($id: ID!) {\n    resetUserUsage(id: $id) {\n      id\n      status\n      usedTraffic\n    }\n  }\n": typeof types.ResetUserUsageDocument,
};
const documents: Documents = {
    "\n  query AccountOverview {\n    me {\n      id\n      ipAllowlist\n    }\n    twoFactor {\n      totpEnabled\n      totpEnabledAt\n      backupCodesLeft\n      mustEnrollTotp\n      passwordLoginDisabled\n    }\n  }\n": types.AccountOverviewDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      device\n      ip\n      country\n      method\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.RevokeSessionDocument,
    "\n  mutation RevokeOtherSessions {\n    revokeOtherSessions\n  }\n": types.RevokeOtherSessionsDocument,
    "\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      secret\n      uri\n      qrSvg\n    }\n  }\n": types.BeginTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n": types.ConfirmTotpEnrollmentDocument,
    "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n": types.DisableTotpDocument,
    "\n  mutation RegenerateBackupCodes($code: String!) {\n    regenerateBackupCodes(code: $code)\n  }\n": types.RegenerateBackupCodesDocument,
    "\n  query MyPasskeys {\n    myPasskeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n": types.MyPasskeysDocument,
    "\n  mutation BeginPasskeyRegistration {\n    beginPasskeyRegistration {\n      challengeToken\n      options\n    }\n  }\n": types.BeginPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      id\n    }\n  }\n": types.FinishPasskeyRegistrationDocument,
    "\n  mutation RenamePasskey($id: ID!, $name: String!) {\n    renamePasskey(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": types.RenamePasskeyDocument,
    "\n  mutation RemovePasskey($id: ID!) {\n    removePasskey(id: $id)\n  }\n": types.RemovePasskeyDocument,
    "\n  mutation SetPasswordLogin($enabled: Boolean!) {\n    setPasswordLogin(enabled: $enabled)\n  }\n": types.SetPasswordLoginDocument,
    "\n  mutation SetIpAllowlist($adminId: ID, $cidrs: [String!]!) {\n    setIpAllowlist(adminId: $adminId, cidrs: $cidrs)\n  }\n": types.SetIpAllowlistDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query Admins {\n    admins {\n      id\n      username\n      role\n      disabled\n      maxUsers\n      maxDataLimit\n      dataGiven\n      dataLeft\n      createdAt\n      ipAllowlist\n    }\n  }\n": types.AdminsDocument,
    "\n  mutation CreateAdmin($input: CreateAdminInput!) {\n    createAdmin(input: $input) {\n      id\n    }\n  }\n": types.CreateAdminDocument,
    "\n  mutation UpdateAdmin($id: ID!, $input: UpdateAdminInput!) {\n    updateAdmin(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateAdminDocument,
    "\n  mutation TopUpResellerQuota($adminId: ID!, $bytes: Bytes!) {\n    topUpResellerQuota(adminId: $adminId, bytes: $bytes) {\n      id\n    }\n  }\n": types.TopUpResellerQuotaDocument,
    "\n  mutation DeleteAdmin($id: ID!) {\n    deleteAdmin(id: $id)\n  }\n": types.DeleteAdminDocument,
    "\n  query OidcIdentities {\n    oidcIdentities {\n      id\n      adminId\n      kind\n      value\n    }\n  }\n": types.OidcIdentitiesDocument,
    "\n  mutation LinkOidcIdentity($input: LinkOidcIdentityInput!) {\n    linkOidcIdentity(input: $input) {\n      id\n    }\n  }\n": types.LinkOidcIdentityDocument,
    "\n  mutation UnlinkOidcIdentity($id: ID!) {\n    unlinkOidcIdentity(id: $id)\n  }\n": types.UnlinkOidcIdentityDocument,
    "\n  query AnalyticsPage($period: TimePeriod!) {\n    analytics(period: $period) {\n      period\n      from\n      to\n      upload\n      download\n      traffic {\n        at\n        upload\n        download\n      }\n      byServer {\n        upload\n        download\n        server {\n          id\n          name\n        }\n      }\n      byInbound {\n        tag\n        upload\n        download\n        server {\n          id\n          name\n        }\n      }\n      topUsers(first: 10) {\n        upload\n        download\n        user {\n          id\n          username\n        }\n      }\n      usersByStatus {\n        day\n        status\n        count\n      }\n      revenue {\n        day\n        currency\n        paid\n        refunded\n        invoicesPaid\n      }\n      revenueByPlan {\n        currency\n        paid\n        refunded\n        invoicesPaid\n        plan {\n          id\n          name\n        }\n      }\n      anomalies(first: 20) {\n        ...AnomalyFields\n      }\n    }\n  }\n": types.AnalyticsPageDocument,
    "\n  query UserInsights($userId: ID!) {\n    trafficStats(userId: $userId, period: WEEK) {\n      clientAddresses\n      forecast {\n        dailyAverage\n        daysLeft\n        remaining\n        runsOutAt\n        runsOutFirst\n      }\n      anomalies {\n        ...AnomalyFields\n      }\n    }\n    user(id: $userId) {\n      id\n      deviceLimit\n      telegramLinked\n    }\n  }\n": types.UserInsightsDocument,
    "\n  query AuditLog($filter: AuditFilter, $page: Pagination) {\n    auditLog(filter: $filter, page: $page) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          actorUsername\n          targetType\n          targetId\n          ip\n          details\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation RefreshToken($token: String!) {\n    refreshToken(token: $token) {\n      accessToken\n      refreshToken\n    }\n  }\n": types.RefreshTokenDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      role\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($input: LoginInput!) {\n    signIn(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n      }\n      ... on SecondFactorChallenge {\n        challengeToken\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation CompleteSecondFactor($input: SecondFactorInput!) {\n    completeSecondFactor(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n": types.CompleteSecondFactorDocument,
    "\n  query SignInOptions {\n    signInOptions {\n      oidcEnabled\n      oidcIssuer\n    }\n  }\n": types.SignInOptionsDocument,
    "\n  mutation BeginPasskeyLogin {\n    beginPasskeyLogin {\n      challengeToken\n      options\n    }\n  }\n": types.BeginPasskeyLoginDocument,
    "\n  mutation FinishPasskeyLogin($input: FinishPasskeyLoginInput!) {\n    finishPasskeyLogin(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n": types.FinishPasskeyLoginDocument,
    "\n  mutation BeginOidcLogin {\n    beginOidcLogin {\n      authorizationUrl\n    }\n  }\n": types.BeginOidcLoginDocument,
    "\n  mutation FinishOidcLogin($input: FinishOidcLoginInput!) {\n    finishOidcLogin(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n": types.FinishOidcLoginDocument,
    "\n  query MustEnrollTotp {\n    twoFactor {\n      mustEnrollTotp\n    }\n  }\n": types.MustEnrollTotpDocument,
    "\n  query BackupsPage {\n    backups {\n      ...BackupFields\n    }\n    restores(first: 5) {\n      ...RestoreFields\n    }\n    settings {\n      backupIntervalHours\n      backupKeepCount\n      backupKeepDays\n    }\n  }\n": types.BackupsPageDocument,
    "\n  query Backup($id: ID!) {\n    backup(id: $id) {\n      ...BackupFields\n    }\n  }\n": types.BackupDocument,
    "\n  query Restore($id: ID!) {\n    restore(id: $id) {\n      ...RestoreFields\n    }\n  }\n": types.RestoreDocument,
    "\n  mutation BackupDatabase {\n    backupDatabase {\n      ...BackupFields\n    }\n  }\n": types.BackupDatabaseDocument,
    "\n  mutation DeleteBackup($id: ID!) {\n    deleteBackup(id: $id)\n  }\n": types.DeleteBackupDocument,
    "\n  mutation RestoreBackup($id: ID!, $confirm: String!) {\n    restoreBackup(id: $id, confirm: $confirm) {\n      ...RestoreFields\n    }\n  }\n": types.RestoreBackupDocument,
    "\n  mutation UpdateBackupSchedule($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      backupIntervalHours\n      backupKeepCount\n      backupKeepDays\n    }\n  }\n": types.UpdateBackupScheduleDocument,
    "\n  query InvoiceList($filter: InvoiceFilter, $page: Pagination) {\n    invoices(filter: $filter, page: $page) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          number\n          username\n          user {\n            id\n          }\n          plan {\n            id\n            name\n          }\n          total\n          currency\n          status\n          paidVia\n          createdAt\n        }\n      }\n    }\n  }\n": types.InvoiceListDocument,
    "\n  query InvoicePlanChoices {\n    plans {\n      id\n      name\n    }\n  }\n": types.InvoicePlanChoicesDocument,
    "\n  query InvoiceDetail($id: ID!) {\n    invoice(id: $id) {\n      ...InvoiceDetailFields\n    }\n  }\n": types.InvoiceDetailDocument,
    "\n  subscription InvoiceUpdates($id: ID!) {\n    invoiceUpdated(id: $id) {\n      ...InvoiceDetailFields\n    }\n  }\n": types.InvoiceUpdatesDocument,
    "\n  mutation VoidInvoice($id: ID!) {\n    voidInvoice(id: $id) {\n      ...InvoiceDetailFields\n    }\n  }\n": types.VoidInvoiceDocument,
    "\n  mutation MarkInvoicePaid($id: ID!, $reference: String!) {\n    markInvoicePaid(id: $id, reference: $reference) {\n      ...InvoiceDetailFields\n    }\n  }\n": types.MarkInvoicePaidDocument,
    "\n  mutation RefundInvoice($id: ID!, $revoke: Boolean!) {\n    refundInvoice(id: $id, revoke: $revoke) {\n      ...InvoiceDetailFields\n    }\n  }\n": types.RefundInvoiceDocument,
    "\n  query ChainsPage {\n    chains {\n      id\n      name\n      chainId\n      rpcUrl\n      confirmations\n      logBlockRange\n      explorerUrl\n      enabled\n    }\n    chainTokens {\n      id\n      chain {\n        id\n      }\n      symbol\n      address\n      decimals\n      currency\n      enabled\n    }\n  }\n": types.ChainsPageDocument,
    "\n  query DepositSource {\n    billingStatus {\n      onchainDepositSourceConfigured\n    }\n  }\n": types.DepositSourceDocument,
    "\n  mutation CreateChain($input: CreateChainInput!) {\n    createChain(input: $input) {\n      id\n    }\n  }\n": types.CreateChainDocument,
    "\n  mutation UpdateChain($id: ID!, $input: UpdateChainInput!) {\n    updateChain(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateChainDocument,
    "\n  mutation CreateChainToken($input: CreateChainTokenInput!) {\n    createChainToken(input: $input) {\n      id\n    }\n  }\n": types.CreateChainTokenDocument,
    "\n  mutation UpdateChainToken($id: ID!, $input: UpdateChainTokenInput!) {\n    updateChainToken(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateChainTokenDocument,
    "\n  mutation TestChain($input: TestChainInput!) {\n    testChain(input: $input) {\n      ok\n      reportedChainId\n      latestBlock\n      tokenDecimals\n      tokenSymbol\n      problems\n    }\n  }\n": types.TestChainDocument,
    "\n  query PlansPage {\n    plans {\n      id\n      name\n      description\n      prices {\n        currency\n        amount\n      }\n      dataLimit\n      durationDays\n      resetStrategy\n      deviceLimit\n      groups {\n        id\n        name\n      }\n      sortOrder\n      visible\n    }\n    groups {\n      id\n      name\n    }\n  }\n": types.PlansPageDocument,
    "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      id\n    }\n  }\n": types.CreatePlanDocument,
    "\n  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!) {\n    updatePlan(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdatePlanDocument,
    "\n  mutation DeletePlan($id: ID!) {\n    deletePlan(id: $id)\n  }\n": types.DeletePlanDocument,
    "\n  query UserInvoices($userId: ID!, $first: Int!) {\n    invoices(filter: { userId: $userId }, page: { first: $first }) {\n      edges {\n        node {\n          id\n          number\n          status\n          total\n          currency\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.UserInvoicesDocument,
    "\n  query PlansToSell {\n    plans {\n      id\n      name\n      visible\n      prices {\n        currency\n        amount\n      }\n    }\n  }\n": types.PlansToSellDocument,
    "\n  mutation SellPlan($input: CreateInvoiceInput!) {\n    createInvoice(input: $input) {\n      id\n      number\n    }\n  }\n": types.SellPlanDocument,
    "\n  mutation MarkSoldInvoicePaid($id: ID!, $reference: String!) {\n    markInvoicePaid(id: $id, reference: $reference) {\n      id\n      number\n      status\n    }\n  }\n": types.MarkSoldInvoicePaidDocument,
    "\n  query RevenuePage($period: TimePeriod!) {\n    analytics(period: $period) {\n      from\n      to\n      revenueTotals {\n        currency\n        paid\n        refunded\n        net\n        invoicesPaid\n      }\n      revenue {\n        day\n        currency\n        paid\n        refunded\n        net\n        invoicesPaid\n      }\n      revenueByPlan {\n        currency\n        paid\n        refunded\n        net\n        invoicesPaid\n        plan {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.RevenuePageDocument,
    "\n  query StripeStatusCard {\n    billingStatus {\n      stripe {\n        secretKeyConfigured\n        webhookSecretConfigured\n        webhookUrl\n        webhookEvents\n        lastWebhook {\n          receivedAt\n          eventType\n          verdict\n          detail\n        }\n        recentWebhooks(first: 10) {\n          receivedAt\n          eventId\n          eventType\n          verdict\n          detail\n        }\n      }\n    }\n  }\n": types.StripeStatusCardDocument,
    "\n  query ChannelsPage {\n    notificationChannels {\n      ...ChannelFields\n    }\n    eventCatalogue {\n      version\n      kinds {\n        kind\n        audience\n        severity\n        description\n      }\n    }\n  }\n": types.ChannelsPageDocument,
    "\n  query NotificationDeliveries($channelId: ID, $status: DeliveryStatus, $page: Pagination) {\n    notificationDeliveries(channelId: $channelId, status: $status, page: $page) {\n      edges {\n        cursor\n        node {\n          ...DeliveryFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.NotificationDeliveriesDocument,
    "\n  mutation CreateWebhookChannel($input: WebhookChannelInput!) {\n    createWebhookChannel(input: $input) {\n      secret\n      channel {\n        ...ChannelFields\n      }\n    }\n  }\n": types.CreateWebhookChannelDocument,
    "\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelInput!) {\n    updateNotificationChannel(id: $id, input: $input) {\n      ...ChannelFields\n    }\n  }\n": types.UpdateNotificationChannelDocument,
    "\n  mutation DeleteNotificationChannel($id: ID!) {\n    deleteNotificationChannel(id: $id)\n  }\n": types.DeleteNotificationChannelDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      channel {\n        ...ChannelFields\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation TestNotificationChannel($id: ID!) {\n    testNotificationChannel(id: $id) {\n      ...DeliveryFields\n    }\n  }\n": types.TestNotificationChannelDocument,
    "\n  mutation ReplayDelivery($id: ID!) {\n    replayDelivery(id: $id) {\n      ...DeliveryFields\n    }\n  }\n": types.ReplayDeliveryDocument,
    "\n  mutation ReplayDeadDeliveries($channelId: ID!) {\n    replayDeadDeliveries(channelId: $channelId)\n  }\n": types.ReplayDeadDeliveriesDocument,
    "\n  query TelegramBotStatus {\n    telegramBot {\n      configured\n      username\n      webhookUrl\n      lastError\n      lastUpdateAt\n    }\n  }\n": types.TelegramBotStatusDocument,
    "\n  mutation ConfigureTelegramBot($token: String!) {\n    configureTelegramBot(token: $token) {\n      configured\n    }\n  }\n": types.ConfigureTelegramBotDocument,
    "\n  mutation RemoveTelegramBot {\n    removeTelegramBot\n  }\n": types.RemoveTelegramBotDocument,
    "\n  mutation LinkTelegramChat {\n    linkTelegramChat {\n      url\n      expiresAt\n    }\n  }\n": types.LinkTelegramChatDocument,
    "\n  query DashboardSummary {\n    systemStatus {\n      version\n      servers\n      inbounds\n      groups\n      users {\n        ...UserCountsFields\n      }\n    }\n    servers {\n      id\n      status\n    }\n    healthCheck {\n      ok\n      database\n      time\n    }\n  }\n": types.DashboardSummaryDocument,
    "\n  query SystemMetricsNow {\n    systemMetrics {\n      ...SystemMetricsFields\n    }\n  }\n": types.SystemMetricsNowDocument,
    "\n  query TrafficSeries($range: TrafficRange!, $userId: ID) {\n    trafficSeries(range: $range, userId: $userId) {\n      at\n      upload\n      download\n    }\n  }\n": types.TrafficSeriesDocument,
    "\n  fragment UserRow on User {\n    id\n    username\n    status\n    dataLimit\n    usedTraffic\n    expireAt\n    onHoldExpireDays\n    owner {\n      id\n      username\n    }\n    groups {\n      id\n      name\n    }\n  }\n": types.UserRowFragmentDoc,
    "\n  fragment ServerStatusFields on Server {\n    id\n    status\n    lastSeenAt\n    configVersion\n    appliedConfigVersion\n    coreVersion\n    agentVersion\n    health {\n      coreRunning\n      cpuPercent\n      memUsedBytes\n      memTotalBytes\n      uptimeSec\n    }\n    capabilities {\n      core\n      version\n      protocols\n      transports\n      securities\n    }\n  }\n": types.ServerStatusFieldsFragmentDoc,
    "\n  fragment UserCountsFields on UserCounts {\n    total\n    active\n    disabled\n    limited\n    expired\n    onHold\n  }\n": types.UserCountsFieldsFragmentDoc,
    "\n  fragment SystemMetricsFields on SystemMetrics {\n    at\n    serversOnline\n    serversOffline\n    serversDegraded\n    uploadRate\n    downloadRate\n    users {\n      ...UserCountsFields\n    }\n  }\n": types.SystemMetricsFieldsFragmentDoc,
    "\n  fragment RoutingPolicyFields on RoutingPolicy {\n    blockPrivate\n    blockBittorrent\n    allowedPrivate {\n      cidr\n      ports\n    }\n    blockedCidrs\n    blockedDomains\n    blockedPorts\n    defaultOutbound\n  }\n": types.RoutingPolicyFieldsFragmentDoc,
    "\n  fragment ImportReportFields on ImportReport {\n    counts {\n      kind\n      created\n      updated\n      unchanged\n      conflicts\n    }\n    conflicts {\n      kind\n      key\n      name\n      reason\n    }\n    unmapped {\n      kind\n      key\n      name\n      reason\n    }\n    adjusted {\n      kind\n      key\n      name\n      reason\n    }\n    statusChanges {\n      key\n      username\n      from\n      to\n    }\n    truncated\n    enrollments {\n      key\n      name\n      serverId\n      command\n    }\n  }\n": types.ImportReportFieldsFragmentDoc,
    "\n  fragment BackupFields on BackupResult {\n    id\n    status\n    trigger\n    createdAt\n    createdBy\n    finishedAt\n    sizeBytes\n    rows\n    schemaVersion\n    error\n    downloadPath\n    progress {\n      ...JobProgressFields\n    }\n  }\n": types.BackupFieldsFragmentDoc,
    "\n  fragment JobProgressFields on JobProgress {\n    phase\n    tablesDone\n    tablesTotal\n    rowsDone\n    rowsTotal\n  }\n": types.JobProgressFieldsFragmentDoc,
    "\n  fragment RestoreFields on RestoreResult {\n    id\n    backupId\n    safetyBackupId\n    status\n    startedAt\n    startedBy\n    finishedAt\n    verifiedTables\n    error\n    progress {\n      ...JobProgressFields\n    }\n  }\n": types.RestoreFieldsFragmentDoc,
    "\n  fragment NodeOperationFields on NodeOperation {\n    id\n    kind\n    status\n    targetVersion\n    detail\n    requestedAt\n    requestedBy\n    finishedAt\n    configVersion\n  }\n": types.NodeOperationFieldsFragmentDoc,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    severity\n    message\n    at\n    read\n    userId\n    serverId\n    invoiceId\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  fragment ChannelFields on NotificationChannel {\n    id\n    kind\n    name\n    owner\n    enabled\n    url\n    telegramChatId\n    eventKinds\n    language\n    delivered24h\n    failing\n    disabledReason\n    createdAt\n  }\n": types.ChannelFieldsFragmentDoc,
    "\n  fragment DeliveryFields on NotificationDelivery {\n    id\n    eventId\n    eventKind\n    status\n    attempts\n    lastStatusCode\n    lastError\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    channel {\n      id\n      name\n      kind\n    }\n  }\n": types.DeliveryFieldsFragmentDoc,
    "\n  fragment AnomalyFields on UsageAnomaly {\n    id\n    kind\n    hour\n    observed\n    baseline\n    detectedAt\n    user {\n      id\n      username\n    }\n  }\n": types.AnomalyFieldsFragmentDoc,
    "\n  fragment InvoiceDetailFields on Invoice {\n    id\n    number\n    status\n    username\n    user {\n      id\n      username\n    }\n    plan {\n      id\n    }\n    currency\n    total\n    lines {\n      description\n      quantity\n      unitAmount\n    }\n    terms {\n      planName\n      dataLimit\n      durationDays\n      resetStrategy\n      deviceLimit\n      groups\n    }\n    createdBy\n    createdAt\n    expiresAt\n    paidAt\n    paidVia\n    paymentRef\n    refundedAt\n    flag\n    url\n    stripeSessionId\n    deposit {\n      address\n      amount\n      symbol\n      tokenAddress\n      chainId\n      checkedBlock\n      confirmationsRequired\n    }\n    chainPayments {\n      id\n      txHash\n      explorerUrl\n      blockNumber\n      confirmations\n      amountUnits\n      status\n      reason\n      seenAt\n    }\n    history {\n      id\n      at\n      actorUsername\n      action\n      details\n    }\n  }\n": types.InvoiceDetailFieldsFragmentDoc,
    "\n  query Groups {\n    groups {\n      id\n      name\n      note\n      userCount\n      inbounds {\n        id\n        tag\n      }\n    }\n    inbounds {\n      id\n      tag\n    }\n  }\n": types.GroupsDocument,
    "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      id\n    }\n  }\n": types.CreateGroupDocument,
    "\n  mutation UpdateGroup($id: ID!, $input: UpdateGroupInput!) {\n    updateGroup(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateGroupDocument,
    "\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n": types.DeleteGroupDocument,
    "\n  mutation BeginImport($input: BeginImportInput!) {\n    beginImport(input: $input) {\n      id\n    }\n  }\n": types.BeginImportDocument,
    "\n  mutation ImportUsers($runId: ID!, $users: [ImportUserInput!]!) {\n    importUsers(runId: $runId, users: $users) {\n      id\n      processedUsers\n    }\n  }\n": types.ImportUsersDocument,
    "\n  mutation FinishImport($runId: ID!) {\n    finishImport(runId: $runId) {\n      id\n      report {\n        ...ImportReportFields\n      }\n    }\n  }\n": types.FinishImportDocument,
    "\n  query ImportRuns {\n    importRuns(first: 10) {\n      id\n      source\n      instance\n      dryRun\n      status\n      totalUsers\n      processedUsers\n      startedAt\n      finishedAt\n    }\n  }\n": types.ImportRunsDocument,
    "\n  mutation FetchPeerApi($input: PeerApiRequestInput!) {\n    fetchPeerApi(input: $input) {\n      status\n      contentType\n      body\n    }\n  }\n": types.FetchPeerApiDocument,
    "\n  query Inbounds {\n    inbounds {\n      id\n      tag\n      remark\n      port\n      protocol\n      transport\n      security\n      protocolSettings {\n        flow\n        method\n        obfsPassword\n        serverKey\n      }\n      transportSettings {\n        path\n        host\n        serviceName\n        mode\n        headerType\n      }\n      securitySettings {\n        serverName\n        alpn\n        fingerprint\n        allowInsecure\n        realityDest\n        realityServerNames\n        realityShortIds\n        realitySpiderX\n        realityPublicKey\n      }\n      servers {\n        id\n        name\n        unservedInbounds {\n          inbound {\n            id\n          }\n          reason\n        }\n      }\n    }\n  }\n": types.InboundsDocument,
    "\n  mutation CreateInbound($input: CreateInboundInput!) {\n    createInbound(input: $input) {\n      id\n    }\n  }\n": types.CreateInboundDocument,
    "\n  mutation UpdateInbound($id: ID!, $input: UpdateInboundInput!) {\n    updateInbound(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateInboundDocument,
    "\n  mutation DeleteInbound($id: ID!) {\n    deleteInbound(id: $id)\n  }\n": types.DeleteInboundDocument,
    "\n  subscription ServerStatusUpdates($id: ID) {\n    serverStatus(serverId: $id) {\n      ...ServerStatusFields\n    }\n  }\n": types.ServerStatusUpdatesDocument,
    "\n  subscription SystemMetricsUpdates {\n    systemMetrics {\n      ...SystemMetricsFields\n    }\n  }\n": types.SystemMetricsUpdatesDocument,
    "\n  subscription UserTrafficUpdates($userId: ID!) {\n    userTraffic(userId: $userId) {\n      userId\n      upload\n      download\n      usedTraffic\n      at\n    }\n  }\n": types.UserTrafficUpdatesDocument,
    "\n  subscription NotificationUpdates {\n    notifications {\n      id\n      kind\n      severity\n      message\n      at\n      serverId\n      userId\n    }\n  }\n": types.NotificationUpdatesDocument,
    "\n  query MetricsEndpoint {\n    metricsEndpoint {\n      enabled\n      path\n      tokenCreatedAt\n    }\n  }\n": types.MetricsEndpointDocument,
    "\n  mutation RotateMetricsToken {\n    rotateMetricsToken {\n      token\n      endpoint {\n        enabled\n        path\n        tokenCreatedAt\n      }\n    }\n  }\n": types.RotateMetricsTokenDocument,
    "\n  mutation RevokeMetricsToken {\n    revokeMetricsToken\n  }\n": types.RevokeMetricsTokenDocument,
    "\n  query NodeDetail($id: ID!) {\n    server(id: $id) {\n      ...ServerStatusFields\n      name\n      address\n      agentProtocol\n      configPinnedTo\n      configHistory {\n        version\n        issuedAt\n        outcome\n        outcomeAt\n        error\n        inbounds\n        users\n        operations\n        rollbackOf\n        kept\n        sizeBytes\n      }\n      operations(first: 20) {\n        ...NodeOperationFields\n      }\n    }\n    agentReleases {\n      version\n      builtIn\n      servers\n    }\n  }\n": types.NodeDetailDocument,
    "\n  query ServerConfigDiff($serverId: ID!, $from: Int!, $to: Int!) {\n    serverConfigDiff(serverId: $serverId, from: $from, to: $to) {\n      from\n      to\n      inboundsAdded\n      inboundsRemoved\n      inboundsChanged {\n        tag\n        fields\n      }\n      routingChanged\n      usersFrom\n      usersTo\n      usersAdded {\n        id\n        username\n      }\n      usersAddedCount\n      usersRemoved {\n        id\n        username\n      }\n      usersRemovedCount\n      usersChangedCount\n    }\n  }\n": types.ServerConfigDiffDocument,
    "\n  mutation RollbackNodeConfig($serverId: ID!, $version: Int!) {\n    rollbackNodeConfig(serverId: $serverId, version: $version) {\n      id\n      configPinnedTo\n    }\n  }\n": types.RollbackNodeConfigDocument,
    "\n  mutation UnpinNodeConfig($serverId: ID!) {\n    unpinNodeConfig(serverId: $serverId) {\n      id\n      configPinnedTo\n    }\n  }\n": types.UnpinNodeConfigDocument,
    "\n  mutation RequestServiceRestart($serverId: ID, $service: ServiceType!) {\n    requestServiceRestart(serverId: $serverId, service: $service) {\n      ...NodeOperationFields\n    }\n  }\n": types.RequestServiceRestartDocument,
    "\n  mutation UpdateAgent($serverId: ID, $version: String!) {\n    updateAgent(serverId: $serverId, version: $version) {\n      ...NodeOperationFields\n    }\n  }\n": types.UpdateAgentDocument,
    "\n  query AgentReleases {\n    agentReleases {\n      version\n      builtIn\n      servers\n    }\n  }\n": types.AgentReleasesDocument,
    "\n  query Servers {\n    servers {\n      ...ServerStatusFields\n      name\n      address\n      inbounds {\n        id\n        tag\n      }\n      unservedInbounds {\n        inbound {\n          id\n          tag\n        }\n        reason\n      }\n    }\n    inbounds {\n      id\n      tag\n    }\n  }\n": types.ServersDocument,
    "\n  mutation CreateServer($input: CreateServerInput!) {\n    createServer(input: $input) {\n      id\n    }\n  }\n": types.CreateServerDocument,
    "\n  mutation DeleteServer($id: ID!) {\n    deleteServer(id: $id)\n  }\n": types.DeleteServerDocument,
    "\n  mutation CreateServerEnrollment($id: ID!) {\n    createServerEnrollment(id: $id) {\n      command\n      expiresAt\n    }\n  }\n": types.CreateServerEnrollmentDocument,
    "\n  query NotificationFeed($kinds: [String!], $unreadOnly: Boolean, $page: Pagination, $language: NotificationLanguage) {\n    notificationFeed(kinds: $kinds, unreadOnly: $unreadOnly, page: $page, language: $language) {\n      unreadCount\n      edges {\n        cursor\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.NotificationFeedDocument,
    "\n  query UnreadCount {\n    notificationFeed(unreadOnly: true, page: { first: 1 }) {\n      unreadCount\n    }\n  }\n": types.UnreadCountDocument,
    "\n  query EventCatalogue {\n    eventCatalogue {\n      version\n      kinds {\n        kind\n        audience\n        severity\n        description\n      }\n    }\n  }\n": types.EventCatalogueDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  mutation MarkNotificationsUnread($ids: [ID!]!) {\n    markNotificationsUnread(ids: $ids)\n  }\n": types.MarkNotificationsUnreadDocument,
    "\n  query NotificationSettings {\n    settings {\n      reminderUsagePercents\n      reminderDaysLeft\n      failedSignInAlertThreshold\n      retentionHourlyDays\n      retentionDailyDays\n      retentionAuditDays\n      retentionEventDays\n      retentionSessionDays\n      sharingWindowMinutes\n    }\n  }\n": types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      reminderUsagePercents\n      reminderDaysLeft\n      failedSignInAlertThreshold\n      retentionHourlyDays\n      retentionDailyDays\n      retentionAuditDays\n      retentionEventDays\n      retentionSessionDays\n      sharingWindowMinutes\n    }\n  }\n": types.UpdateNotificationSettingsDocument,
    "\n  query PanelRoutingPolicy {\n    routingPolicy {\n      ...RoutingPolicyFields\n    }\n  }\n": types.PanelRoutingPolicyDocument,
    "\n  mutation UpdateRoutingPolicy($input: RoutingPolicyInput!) {\n    updateRoutingPolicy(input: $input) {\n      blockPrivate\n    }\n  }\n": types.UpdateRoutingPolicyDocument,
    "\n  query ServerRoutingPolicy($id: ID!) {\n    server(id: $id) {\n      id\n      routingPolicy {\n        ...RoutingPolicyFields\n      }\n      routingPolicyOverride {\n        blockPrivate\n      }\n    }\n  }\n": types.ServerRoutingPolicyDocument,
    "\n  mutation SetServerRoutingPolicyOverride($id: ID!, $policy: RoutingPolicyInput) {\n    setServerRoutingPolicyOverride(id: $id, policy: $policy) {\n      id\n      configVersion\n    }\n  }\n": types.SetServerRoutingPolicyOverrideDocument,
    "\n  query SettingsPage {\n    settings {\n      subscriptionTitle\n      subscriptionUpdateIntervalHours\n      subscriptionSupportUrl\n      subscriptionRemarkTemplate\n      subscriptionUrlPrefix\n      subscriptionAnnounce\n      subscriptionHideSettings\n      subscriptionRouting\n      inactiveUserResponse\n      deviceLimit\n      totpRequiredRoles\n      corsAllowedOrigins\n      agentAutoUpdate\n    }\n    subscriptionRules {\n      name\n      action\n      format\n      match\n      conditions {\n        header\n        operator\n        value\n        caseSensitive\n      }\n    }\n  }\n": types.SettingsPageDocument,
    "\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      subscriptionTitle\n    }\n  }\n": types.UpdateSettingsDocument,
    "\n  mutation UpdateSubscriptionRules($rules: [SubscriptionRuleInput!]!) {\n    updateSubscriptionRules(rules: $rules) {\n      name\n    }\n  }\n": types.UpdateSubscriptionRulesDocument,
    "\n  mutation ResetSubscriptionRules {\n    resetSubscriptionRules {\n      name\n    }\n  }\n": types.ResetSubscriptionRulesDocument,
    "\n  query UsersPage($filter: UserFilter, $page: Pagination, $order: UserOrder) {\n    users(filter: $filter, page: $page, order: $order) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n": types.UsersPageDocument,
    "\n  query UserFilterChoices {\n    groups {\n      id\n      name\n    }\n    me {\n      id\n      role\n    }\n  }\n": types.UserFilterChoicesDocument,
    "\n  query AdminChoices {\n    admins {\n      id\n      username\n    }\n  }\n": types.AdminChoicesDocument,
    "\n  query UserDetail($id: ID!) {\n    user(id: $id) {\n      ...UserRow\n      resetStrategy\n      deviceLimit\n      note\n      subscriptionUrl\n      createdAt\n    }\n    userDevices(userId: $id) {\n      hwid\n      platform\n      osVersion\n      model\n      userAgent\n      firstSeenAt\n      lastSeenAt\n    }\n  }\n": types.UserDetailDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      subscriptionUrl\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      status\n      expireAt\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n": types.DeleteUserDocument,
    "\n  mutation RotateSubscriptionToken($userId: ID!) {\n    rotateSubscriptionToken(userId: $userId) {\n      id\n      subscriptionUrl\n    }\n  }\n": types.RotateSubscriptionTokenDocument,
    "\n  mutation RotateUserCredentials($userId: ID!) {\n    rotateUserCredentials(userId: $userId) {\n      id\n    }\n  }\n": types.RotateUserCredentialsDocument,
    "\n  mutation RemoveUserDevice($userId: ID!, $hwid: String!) {\n    removeUserDevice(userId: $userId, hwid: $hwid)\n  }\n": types.RemoveUserDeviceDocument,
    "\n  mutation ResetUserUsage($id: ID!) {\n    resetUserUsage(id: $id) {\n      id\n      status\n      usedTraffic\n    }\n  }\n": types.ResetUserUsageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountOverview {\n    me {\n      id\n      ipAllowlist\n    }\n    twoFactor {\n      totpEnabled\n      totpEnabledAt\n      backupCodesLeft\n      mustEnrollTotp\n      passwordLoginDisabled\n    }\n  }\n"): typeof import('./graphql').AccountOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      device\n      ip\n      country\n      method\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n"): typeof import('./graphql').MySessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"): typeof import('./graphql').RevokeSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeOtherSessions {\n    revokeOtherSessions\n  }\n"): typeof import('./graphql').RevokeOtherSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      secret\n      uri\n      qrSvg\n    }\n  }\n"): typeof import('./graphql').BeginTotpEnrollmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code)\n  }\n"): typeof import('./graphql').ConfirmTotpEnrollmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n"): typeof import('./graphql').DisableTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateBackupCodes($code: String!) {\n    regenerateBackupCodes(code: $code)\n  }\n"): typeof import('./graphql').RegenerateBackupCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPasskeys {\n    myPasskeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n"): typeof import('./graphql').MyPasskeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginPasskeyRegistration {\n    beginPasskeyRegistration {\n      challengeToken\n      options\n    }\n  }\n"): typeof import('./graphql').BeginPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').FinishPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenamePasskey($id: ID!, $name: String!) {\n    renamePasskey(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').RenamePasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePasskey($id: ID!) {\n    removePasskey(id: $id)\n  }\n"): typeof import('./graphql').RemovePasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPasswordLogin($enabled: Boolean!) {\n    setPasswordLogin(enabled: $enabled)\n  }\n"): typeof import('./graphql').SetPasswordLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetIpAllowlist($adminId: ID, $cidrs: [String!]!) {\n    setIpAllowlist(adminId: $adminId, cidrs: $cidrs)\n  }\n"): typeof import('./graphql').SetIpAllowlistDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admins {\n    admins {\n      id\n      username\n      role\n      disabled\n      maxUsers\n      maxDataLimit\n      dataGiven\n      dataLeft\n      createdAt\n      ipAllowlist\n    }\n  }\n"): typeof import('./graphql').AdminsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAdmin($input: CreateAdminInput!) {\n    createAdmin(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateAdminDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAdmin($id: ID!, $input: UpdateAdminInput!) {\n    updateAdmin(id: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateAdminDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TopUpResellerQuota($adminId: ID!, $bytes: Bytes!) {\n    topUpResellerQuota(adminId: $adminId, bytes: $bytes) {\n      id\n    }\n  }\n"): typeof import('./graphql').TopUpResellerQuotaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAdmin($id: ID!) {\n    deleteAdmin(id: $id)\n  }\n"): typeof import('./graphql').DeleteAdminDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OidcIdentities {\n    oidcIdentities {\n      id\n      adminId\n      kind\n      value\n    }\n  }\n"): typeof import('./graphql').OidcIdentitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkOidcIdentity($input: LinkOidcIdentityInput!) {\n    linkOidcIdentity(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').LinkOidcIdentityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkOidcIdentity($id: ID!) {\n    unlinkOidcIdentity(id: $id)\n  }\n"): typeof import('./graphql').UnlinkOidcIdentityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsPage($period: TimePeriod!) {\n    analytics(period: $period) {\n      period\n      from\n      to\n      upload\n      download\n      traffic {\n        at\n        upload\n        download\n      }\n      byServer {\n        upload\n        download\n        server {\n          id\n          name\n        }\n      }\n      byInbound {\n        tag\n        upload\n        download\n        server {\n          id\n          name\n        }\n      }\n      topUsers(first: 10) {\n        upload\n        download\n        user {\n          id\n          username\n        }\n      }\n      usersByStatus {\n        day\n        status\n        count\n      }\n      revenue {\n        day\n        currency\n        paid\n        refunded\n        invoicesPaid\n      }\n      revenueByPlan {\n        currency\n        paid\n        refunded\n        invoicesPaid\n        plan {\n          id\n          name\n        }\n      }\n      anomalies(first: 20) {\n        ...AnomalyFields\n      }\n    }\n  }\n"): typeof import('./graphql').AnalyticsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserInsights($userId: ID!) {\n    trafficStats(userId: $userId, period: WEEK) {\n      clientAddresses\n      forecast {\n        dailyAverage\n        daysLeft\n        remaining\n        runsOutAt\n        runsOutFirst\n      }\n      anomalies {\n        ...AnomalyFields\n      }\n    }\n    user(id: $userId) {\n      id\n      deviceLimit\n      telegramLinked\n    }\n  }\n"): typeof import('./graphql').UserInsightsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $page: Pagination) {\n    auditLog(filter: $filter, page: $page) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          actorUsername\n          targetType\n          targetId\n          ip\n          details\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshToken($token: String!) {\n    refreshToken(token: $token) {\n      accessToken\n      refreshToken\n    }\n  }\n"): typeof import('./graphql').RefreshTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      username\n      role\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: LoginInput!) {\n    signIn(input: $input) {\n      __typename\n      ... on AuthPayload {\n        accessToken\n        refreshToken\n      }\n      ... on SecondFactorChallenge {\n        challengeToken\n      }\n    }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSecondFactor($input: SecondFactorInput!) {\n    completeSecondFactor(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n"): typeof import('./graphql').CompleteSecondFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInOptions {\n    signInOptions {\n      oidcEnabled\n      oidcIssuer\n    }\n  }\n"): typeof import('./graphql').SignInOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginPasskeyLogin {\n    beginPasskeyLogin {\n      challengeToken\n      options\n    }\n  }\n"): typeof import('./graphql').BeginPasskeyLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyLogin($input: FinishPasskeyLoginInput!) {\n    finishPasskeyLogin(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n"): typeof import('./graphql').FinishPasskeyLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginOidcLogin {\n    beginOidcLogin {\n      authorizationUrl\n    }\n  }\n"): typeof import('./graphql').BeginOidcLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishOidcLogin($input: FinishOidcLoginInput!) {\n    finishOidcLogin(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n"): typeof import('./graphql').FinishOidcLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MustEnrollTotp {\n    twoFactor {\n      mustEnrollTotp\n    }\n  }\n"): typeof import('./graphql').MustEnrollTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackupsPage {\n    backups {\n      ...BackupFields\n    }\n    restores(first: 5) {\n      ...RestoreFields\n    }\n    settings {\n      backupIntervalHours\n      backupKeepCount\n      backupKeepDays\n    }\n  }\n"): typeof import('./graphql').BackupsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Backup($id: ID!) {\n    backup(id: $id) {\n      ...BackupFields\n    }\n  }\n"): typeof import('./graphql').BackupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Restore($id: ID!) {\n    restore(id: $id) {\n      ...RestoreFields\n    }\n  }\n"): typeof import('./graphql').RestoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BackupDatabase {\n    backupDatabase {\n      ...BackupFields\n    }\n  }\n"): typeof import('./graphql').BackupDatabaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteBackup($id: ID!) {\n    deleteBackup(id: $id)\n  }\n"): typeof import('./graphql').DeleteBackupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreBackup($id: ID!, $confirm: String!) {\n    restoreBackup(id: $id, confirm: $confirm) {\n      ...RestoreFields\n    }\n  }\n"): typeof import('./graphql').RestoreBackupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBackupSchedule($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      backupIntervalHours\n      backupKeepCount\n      backupKeepDays\n    }\n  }\n"): typeof import('./graphql').UpdateBackupScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvoiceList($filter: InvoiceFilter, $page: Pagination) {\n    invoices(filter: $filter, page: $page) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          number\n          username\n          user {\n            id\n          }\n          plan {\n            id\n            name\n          }\n          total\n          currency\n          status\n          paidVia\n          createdAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').InvoiceListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvoicePlanChoices {\n    plans {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').InvoicePlanChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvoiceDetail($id: ID!) {\n    invoice(id: $id) {\n      ...InvoiceDetailFields\n    }\n  }\n"): typeof import('./graphql').InvoiceDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription InvoiceUpdates($id: ID!) {\n    invoiceUpdated(id: $id) {\n      ...InvoiceDetailFields\n    }\n  }\n"): typeof import('./graphql').InvoiceUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidInvoice($id: ID!) {\n    voidInvoice(id: $id) {\n      ...InvoiceDetailFields\n    }\n  }\n"): typeof import('./graphql').VoidInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkInvoicePaid($id: ID!, $reference: String!) {\n    markInvoicePaid(id: $id, reference: $reference) {\n      ...InvoiceDetailFields\n    }\n  }\n"): typeof import('./graphql').MarkInvoicePaidDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundInvoice($id: ID!, $revoke: Boolean!) {\n    refundInvoice(id: $id, revoke: $revoke) {\n      ...InvoiceDetailFields\n    }\n  }\n"): typeof import('./graphql').RefundInvoiceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChainsPage {\n    chains {\n      id\n      name\n      chainId\n      rpcUrl\n      confirmations\n      logBlockRange\n      explorerUrl\n      enabled\n    }\n    chainTokens {\n      id\n      chain {\n        id\n      }\n      symbol\n      address\n      decimals\n      currency\n      enabled\n    }\n  }\n"): typeof import('./graphql').ChainsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepositSource {\n    billingStatus {\n      onchainDepositSourceConfigured\n    }\n  }\n"): typeof import('./graphql').DepositSourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateChain($input: CreateChainInput!) {\n    createChain(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateChain($id: ID!, $input: UpdateChainInput!) {\n    updateChain(id: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateChainToken($input: CreateChainTokenInput!) {\n    createChainToken(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateChainTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateChainToken($id: ID!, $input: UpdateChainTokenInput!) {\n    updateChainToken(id: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateChainTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestChain($input: TestChainInput!) {\n    testChain(input: $input) {\n      ok\n      reportedChainId\n      latestBlock\n      tokenDecimals\n      tokenSymbol\n      problems\n    }\n  }\n"): typeof import('./graphql').TestChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlansPage {\n    plans {\n      id\n      name\n      description\n      prices {\n        currency\n        amount\n      }\n      dataLimit\n      durationDays\n      resetStrategy\n      deviceLimit\n      groups {\n        id\n        name\n      }\n      sortOrder\n      visible\n    }\n    groups {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').PlansPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreatePlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!) {\n    updatePlan(id: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdatePlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePlan($id: ID!) {\n    deletePlan(id: $id)\n  }\n"): typeof import('./graphql').DeletePlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserInvoices($userId: ID!, $first: Int!) {\n    invoices(filter: { userId: $userId }, page: { first: $first }) {\n      edges {\n        node {\n          id\n          number\n          status\n          total\n          currency\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').UserInvoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlansToSell {\n    plans {\n      id\n      name\n      visible\n      prices {\n        currency\n        amount\n      }\n    }\n  }\n"): typeof import('./graphql').PlansToSellDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SellPlan($input: CreateInvoiceInput!) {\n    createInvoice(input: $input) {\n      id\n      number\n    }\n  }\n"): typeof import('./graphql').SellPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkSoldInvoicePaid($id: ID!, $reference: String!) {\n    markInvoicePaid(id: $id, reference: $reference) {\n      id\n      number\n      status\n    }\n  }\n"): typeof import('./graphql').MarkSoldInvoicePaidDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevenuePage($period: TimePeriod!) {\n    analytics(period: $period) {\n      from\n      to\n      revenueTotals {\n        currency\n        paid\n        refunded\n        net\n        invoicesPaid\n      }\n      revenue {\n        day\n        currency\n        paid\n        refunded\n        net\n        invoicesPaid\n      }\n      revenueByPlan {\n        currency\n        paid\n        refunded\n        net\n        invoicesPaid\n        plan {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RevenuePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StripeStatusCard {\n    billingStatus {\n      stripe {\n        secretKeyConfigured\n        webhookSecretConfigured\n        webhookUrl\n        webhookEvents\n        lastWebhook {\n          receivedAt\n          eventType\n          verdict\n          detail\n        }\n        recentWebhooks(first: 10) {\n          receivedAt\n          eventId\n          eventType\n          verdict\n          detail\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').StripeStatusCardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelsPage {\n    notificationChannels {\n      ...ChannelFields\n    }\n    eventCatalogue {\n      version\n      kinds {\n        kind\n        audience\n        severity\n        description\n      }\n    }\n  }\n"): typeof import('./graphql').ChannelsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationDeliveries($channelId: ID, $status: DeliveryStatus, $page: Pagination) {\n    notificationDeliveries(channelId: $channelId, status: $status, page: $page) {\n      edges {\n        cursor\n        node {\n          ...DeliveryFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').NotificationDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookChannel($input: WebhookChannelInput!) {\n    createWebhookChannel(input: $input) {\n      secret\n      channel {\n        ...ChannelFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreateWebhookChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelInput!) {\n    updateNotificationChannel(id: $id, input: $input) {\n      ...ChannelFields\n    }\n  }\n"): typeof import('./graphql').UpdateNotificationChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteNotificationChannel($id: ID!) {\n    deleteNotificationChannel(id: $id)\n  }\n"): typeof import('./graphql').DeleteNotificationChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      channel {\n        ...ChannelFields\n      }\n    }\n  }\n"): typeof import('./graphql').RotateWebhookSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestNotificationChannel($id: ID!) {\n    testNotificationChannel(id: $id) {\n      ...DeliveryFields\n    }\n  }\n"): typeof import('./graphql').TestNotificationChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayDelivery($id: ID!) {\n    replayDelivery(id: $id) {\n      ...DeliveryFields\n    }\n  }\n"): typeof import('./graphql').ReplayDeliveryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayDeadDeliveries($channelId: ID!) {\n    replayDeadDeliveries(channelId: $channelId)\n  }\n"): typeof import('./graphql').ReplayDeadDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TelegramBotStatus {\n    telegramBot {\n      configured\n      username\n      webhookUrl\n      lastError\n      lastUpdateAt\n    }\n  }\n"): typeof import('./graphql').TelegramBotStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureTelegramBot($token: String!) {\n    configureTelegramBot(token: $token) {\n      configured\n    }\n  }\n"): typeof import('./graphql').ConfigureTelegramBotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTelegramBot {\n    removeTelegramBot\n  }\n"): typeof import('./graphql').RemoveTelegramBotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkTelegramChat {\n    linkTelegramChat {\n      url\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').LinkTelegramChatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardSummary {\n    systemStatus {\n      version\n      servers\n      inbounds\n      groups\n      users {\n        ...UserCountsFields\n      }\n    }\n    servers {\n      id\n      status\n    }\n    healthCheck {\n      ok\n      database\n      time\n    }\n  }\n"): typeof import('./graphql').DashboardSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SystemMetricsNow {\n    systemMetrics {\n      ...SystemMetricsFields\n    }\n  }\n"): typeof import('./graphql').SystemMetricsNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrafficSeries($range: TrafficRange!, $userId: ID) {\n    trafficSeries(range: $range, userId: $userId) {\n      at\n      upload\n      download\n    }\n  }\n"): typeof import('./graphql').TrafficSeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User {\n    id\n    username\n    status\n    dataLimit\n    usedTraffic\n    expireAt\n    onHoldExpireDays\n    owner {\n      id\n      username\n    }\n    groups {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').UserRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServerStatusFields on Server {\n    id\n    status\n    lastSeenAt\n    configVersion\n    appliedConfigVersion\n    coreVersion\n    agentVersion\n    health {\n      coreRunning\n      cpuPercent\n      memUsedBytes\n      memTotalBytes\n      uptimeSec\n    }\n    capabilities {\n      core\n      version\n      protocols\n      transports\n      securities\n    }\n  }\n"): typeof import('./graphql').ServerStatusFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserCountsFields on UserCounts {\n    total\n    active\n    disabled\n    limited\n    expired\n    onHold\n  }\n"): typeof import('./graphql').UserCountsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SystemMetricsFields on SystemMetrics {\n    at\n    serversOnline\n    serversOffline\n    serversDegraded\n    uploadRate\n    downloadRate\n    users {\n      ...UserCountsFields\n    }\n  }\n"): typeof import('./graphql').SystemMetricsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoutingPolicyFields on RoutingPolicy {\n    blockPrivate\n    blockBittorrent\n    allowedPrivate {\n      cidr\n      ports\n    }\n    blockedCidrs\n    blockedDomains\n    blockedPorts\n    defaultOutbound\n  }\n"): typeof import('./graphql').RoutingPolicyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportReportFields on ImportReport {\n    counts {\n      kind\n      created\n      updated\n      unchanged\n      conflicts\n    }\n    conflicts {\n      kind\n      key\n      name\n      reason\n    }\n    unmapped {\n      kind\n      key\n      name\n      reason\n    }\n    adjusted {\n      kind\n      key\n      name\n      reason\n    }\n    statusChanges {\n      key\n      username\n      from\n      to\n    }\n    truncated\n    enrollments {\n      key\n      name\n      serverId\n      command\n    }\n  }\n"): typeof import('./graphql').ImportReportFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BackupFields on BackupResult {\n    id\n    status\n    trigger\n    createdAt\n    createdBy\n    finishedAt\n    sizeBytes\n    rows\n    schemaVersion\n    error\n    downloadPath\n    progress {\n      ...JobProgressFields\n    }\n  }\n"): typeof import('./graphql').BackupFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobProgressFields on JobProgress {\n    phase\n    tablesDone\n    tablesTotal\n    rowsDone\n    rowsTotal\n  }\n"): typeof import('./graphql').JobProgressFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestoreFields on RestoreResult {\n    id\n    backupId\n    safetyBackupId\n    status\n    startedAt\n    startedBy\n    finishedAt\n    verifiedTables\n    error\n    progress {\n      ...JobProgressFields\n    }\n  }\n"): typeof import('./graphql').RestoreFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NodeOperationFields on NodeOperation {\n    id\n    kind\n    status\n    targetVersion\n    detail\n    requestedAt\n    requestedBy\n    finishedAt\n    configVersion\n  }\n"): typeof import('./graphql').NodeOperationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    severity\n    message\n    at\n    read\n    userId\n    serverId\n    invoiceId\n  }\n"): typeof import('./graphql').NotificationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChannelFields on NotificationChannel {\n    id\n    kind\n    name\n    owner\n    enabled\n    url\n    telegramChatId\n    eventKinds\n    language\n    delivered24h\n    failing\n    disabledReason\n    createdAt\n  }\n"): typeof import('./graphql').ChannelFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeliveryFields on NotificationDelivery {\n    id\n    eventId\n    eventKind\n    status\n    attempts\n    lastStatusCode\n    lastError\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    channel {\n      id\n      name\n      kind\n    }\n  }\n"): typeof import('./graphql').DeliveryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnomalyFields on UsageAnomaly {\n    id\n    kind\n    hour\n    observed\n    baseline\n    detectedAt\n    user {\n      id\n      username\n    }\n  }\n"): typeof import('./graphql').AnomalyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceDetailFields on Invoice {\n    id\n    number\n    status\n    username\n    user {\n      id\n      username\n    }\n    plan {\n      id\n    }\n    currency\n    total\n    lines {\n      description\n      quantity\n      unitAmount\n    }\n    terms {\n      planName\n      dataLimit\n      durationDays\n      resetStrategy\n      deviceLimit\n      groups\n    }\n    createdBy\n    createdAt\n    expiresAt\n    paidAt\n    paidVia\n    paymentRef\n    refundedAt\n    flag\n    url\n    stripeSessionId\n    deposit {\n      address\n      amount\n      symbol\n      tokenAddress\n      chainId\n      checkedBlock\n      confirmationsRequired\n    }\n    chainPayments {\n      id\n      txHash\n      explorerUrl\n      blockNumber\n      confirmations\n      amountUnits\n      status\n      reason\n      seenAt\n    }\n    history {\n      id\n      at\n      actorUsername\n      action\n      details\n    }\n  }\n"): typeof import('./graphql').InvoiceDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Groups {\n    groups {\n      id\n      name\n      note\n      userCount\n      inbounds {\n        id\n        tag\n      }\n    }\n    inbounds {\n      id\n      tag\n    }\n  }\n"): typeof import('./graphql').GroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGroup($id: ID!, $input: UpdateGroupInput!) {\n    updateGroup(id: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n"): typeof import('./graphql').DeleteGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginImport($input: BeginImportInput!) {\n    beginImport(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').BeginImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportUsers($runId: ID!, $users: [ImportUserInput!]!) {\n    importUsers(runId: $runId, users: $users) {\n      id\n      processedUsers\n    }\n  }\n"): typeof import('./graphql').ImportUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishImport($runId: ID!) {\n    finishImport(runId: $runId) {\n      id\n      report {\n        ...ImportReportFields\n      }\n    }\n  }\n"): typeof import('./graphql').FinishImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportRuns {\n    importRuns(first: 10) {\n      id\n      source\n      instance\n      dryRun\n      status\n      totalUsers\n      processedUsers\n      startedAt\n      finishedAt\n    }\n  }\n"): typeof import('./graphql').ImportRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FetchPeerApi($input: PeerApiRequestInput!) {\n    fetchPeerApi(input: $input) {\n      status\n      contentType\n      body\n    }\n  }\n"): typeof import('./graphql').FetchPeerApiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbounds {\n    inbounds {\n      id\n      tag\n      remark\n      port\n      protocol\n      transport\n      security\n      protocolSettings {\n        flow\n        method\n        obfsPassword\n        serverKey\n      }\n      transportSettings {\n        path\n        host\n        serviceName\n        mode\n        headerType\n      }\n      securitySettings {\n        serverName\n        alpn\n        fingerprint\n        allowInsecure\n        realityDest\n        realityServerNames\n        realityShortIds\n        realitySpiderX\n        realityPublicKey\n      }\n      servers {\n        id\n        name\n        unservedInbounds {\n          inbound {\n            id\n          }\n          reason\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').InboundsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInbound($input: CreateInboundInput!) {\n    createInbound(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateInboundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateInbound($id: ID!, $input: UpdateInboundInput!) {\n    updateInbound(id: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateInboundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteInbound($id: ID!) {\n    deleteInbound(id: $id)\n  }\n"): typeof import('./graphql').DeleteInboundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ServerStatusUpdates($id: ID) {\n    serverStatus(serverId: $id) {\n      ...ServerStatusFields\n    }\n  }\n"): typeof import('./graphql').ServerStatusUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SystemMetricsUpdates {\n    systemMetrics {\n      ...SystemMetricsFields\n    }\n  }\n"): typeof import('./graphql').SystemMetricsUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription UserTrafficUpdates($userId: ID!) {\n    userTraffic(userId: $userId) {\n      userId\n      upload\n      download\n      usedTraffic\n      at\n    }\n  }\n"): typeof import('./graphql').UserTrafficUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationUpdates {\n    notifications {\n      id\n      kind\n      severity\n      message\n      at\n      serverId\n      userId\n    }\n  }\n"): typeof import('./graphql').NotificationUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricsEndpoint {\n    metricsEndpoint {\n      enabled\n      path\n      tokenCreatedAt\n    }\n  }\n"): typeof import('./graphql').MetricsEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateMetricsToken {\n    rotateMetricsToken {\n      token\n      endpoint {\n        enabled\n        path\n        tokenCreatedAt\n      }\n    }\n  }\n"): typeof import('./graphql').RotateMetricsTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeMetricsToken {\n    revokeMetricsToken\n  }\n"): typeof import('./graphql').RevokeMetricsTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeDetail($id: ID!) {\n    server(id: $id) {\n      ...ServerStatusFields\n      name\n      address\n      agentProtocol\n      configPinnedTo\n      configHistory {\n        version\n        issuedAt\n        outcome\n        outcomeAt\n        error\n        inbounds\n        users\n        operations\n        rollbackOf\n        kept\n        sizeBytes\n      }\n      operations(first: 20) {\n        ...NodeOperationFields\n      }\n    }\n    agentReleases {\n      version\n      builtIn\n      servers\n    }\n  }\n"): typeof import('./graphql').NodeDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerConfigDiff($serverId: ID!, $from: Int!, $to: Int!) {\n    serverConfigDiff(serverId: $serverId, from: $from, to: $to) {\n      from\n      to\n      inboundsAdded\n      inboundsRemoved\n      inboundsChanged {\n        tag\n        fields\n      }\n      routingChanged\n      usersFrom\n      usersTo\n      usersAdded {\n        id\n        username\n      }\n      usersAddedCount\n      usersRemoved {\n        id\n        username\n      }\n      usersRemovedCount\n      usersChangedCount\n    }\n  }\n"): typeof import('./graphql').ServerConfigDiffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RollbackNodeConfig($serverId: ID!, $version: Int!) {\n    rollbackNodeConfig(serverId: $serverId, version: $version) {\n      id\n      configPinnedTo\n    }\n  }\n"): typeof import('./graphql').RollbackNodeConfigDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpinNodeConfig($serverId: ID!) {\n    unpinNodeConfig(serverId: $serverId) {\n      id\n      configPinnedTo\n    }\n  }\n"): typeof import('./graphql').UnpinNodeConfigDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestServiceRestart($serverId: ID, $service: ServiceType!) {\n    requestServiceRestart(serverId: $serverId, service: $service) {\n      ...NodeOperationFields\n    }\n  }\n"): typeof import('./graphql').RequestServiceRestartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAgent($serverId: ID, $version: String!) {\n    updateAgent(serverId: $serverId, version: $version) {\n      ...NodeOperationFields\n    }\n  }\n"): typeof import('./graphql').UpdateAgentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentReleases {\n    agentReleases {\n      version\n      builtIn\n      servers\n    }\n  }\n"): typeof import('./graphql').AgentReleasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Servers {\n    servers {\n      ...ServerStatusFields\n      name\n      address\n      inbounds {\n        id\n        tag\n      }\n      unservedInbounds {\n        inbound {\n          id\n          tag\n        }\n        reason\n      }\n    }\n    inbounds {\n      id\n      tag\n    }\n  }\n"): typeof import('./graphql').ServersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateServer($input: CreateServerInput!) {\n    createServer(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateServerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteServer($id: ID!) {\n    deleteServer(id: $id)\n  }\n"): typeof import('./graphql').DeleteServerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateServerEnrollment($id: ID!) {\n    createServerEnrollment(id: $id) {\n      command\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').CreateServerEnrollmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationFeed($kinds: [String!], $unreadOnly: Boolean, $page: Pagination, $language: NotificationLanguage) {\n    notificationFeed(kinds: $kinds, unreadOnly: $unreadOnly, page: $page, language: $language) {\n      unreadCount\n      edges {\n        cursor\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').NotificationFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadCount {\n    notificationFeed(unreadOnly: true, page: { first: 1 }) {\n      unreadCount\n    }\n  }\n"): typeof import('./graphql').UnreadCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventCatalogue {\n    eventCatalogue {\n      version\n      kinds {\n        kind\n        audience\n        severity\n        description\n      }\n    }\n  }\n"): typeof import('./graphql').EventCatalogueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n"): typeof import('./graphql').MarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsUnread($ids: [ID!]!) {\n    markNotificationsUnread(ids: $ids)\n  }\n"): typeof import('./graphql').MarkNotificationsUnreadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationSettings {\n    settings {\n      reminderUsagePercents\n      reminderDaysLeft\n      failedSignInAlertThreshold\n      retentionHourlyDays\n      retentionDailyDays\n      retentionAuditDays\n      retentionEventDays\n      retentionSessionDays\n      sharingWindowMinutes\n    }\n  }\n"): typeof import('./graphql').NotificationSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      reminderUsagePercents\n      reminderDaysLeft\n      failedSignInAlertThreshold\n      retentionHourlyDays\n      retentionDailyDays\n      retentionAuditDays\n      retentionEventDays\n      retentionSessionDays\n      sharingWindowMinutes\n    }\n  }\n"): typeof import('./graphql').UpdateNotificationSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelRoutingPolicy {\n    routingPolicy {\n      ...RoutingPolicyFields\n    }\n  }\n"): typeof import('./graphql').PanelRoutingPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRoutingPolicy($input: RoutingPolicyInput!) {\n    updateRoutingPolicy(input: $input) {\n      blockPrivate\n    }\n  }\n"): typeof import('./graphql').UpdateRoutingPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerRoutingPolicy($id: ID!) {\n    server(id: $id) {\n      id\n      routingPolicy {\n        ...RoutingPolicyFields\n      }\n      routingPolicyOverride {\n        blockPrivate\n      }\n    }\n  }\n"): typeof import('./graphql').ServerRoutingPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetServerRoutingPolicyOverride($id: ID!, $policy: RoutingPolicyInput) {\n    setServerRoutingPolicyOverride(id: $id, policy: $policy) {\n      id\n      configVersion\n    }\n  }\n"): typeof import('./graphql').SetServerRoutingPolicyOverrideDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsPage {\n    settings {\n      subscriptionTitle\n      subscriptionUpdateIntervalHours\n      subscriptionSupportUrl\n      subscriptionRemarkTemplate\n      subscriptionUrlPrefix\n      subscriptionAnnounce\n      subscriptionHideSettings\n      subscriptionRouting\n      inactiveUserResponse\n      deviceLimit\n      totpRequiredRoles\n      corsAllowedOrigins\n      agentAutoUpdate\n    }\n    subscriptionRules {\n      name\n      action\n      format\n      match\n      conditions {\n        header\n        operator\n        value\n        caseSensitive\n      }\n    }\n  }\n"): typeof import('./graphql').SettingsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      subscriptionTitle\n    }\n  }\n"): typeof import('./graphql').UpdateSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSubscriptionRules($rules: [SubscriptionRuleInput!]!) {\n    updateSubscriptionRules(rules: $rules) {\n      name\n    }\n  }\n"): typeof import('./graphql').UpdateSubscriptionRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetSubscriptionRules {\n    resetSubscriptionRules {\n      name\n    }\n  }\n"): typeof import('./graphql').ResetSubscriptionRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersPage($filter: UserFilter, $page: Pagination, $order: UserOrder) {\n    users(filter: $filter, page: $page, order: $order) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').UsersPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserFilterChoices {\n    groups {\n      id\n      name\n    }\n    me {\n      id\n      role\n    }\n  }\n"): typeof import('./graphql').UserFilterChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminChoices {\n    admins {\n      id\n      username\n    }\n  }\n"): typeof import('./graphql').AdminChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserDetail($id: ID!) {\n    user(id: $id) {\n      ...UserRow\n      resetStrategy\n      deviceLimit\n      note\n      subscriptionUrl\n      createdAt\n    }\n    userDevices(userId: $id) {\n      hwid\n      platform\n      osVersion\n      model\n      userAgent\n      firstSeenAt\n      lastSeenAt\n    }\n  }\n"): typeof import('./graphql').UserDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      subscriptionUrl\n    }\n  }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      status\n      expireAt\n    }\n  }\n"): typeof import('./graphql').UpdateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(id: $id)\n  }\n"): typeof import('./graphql').DeleteUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateSubscriptionToken($userId: ID!) {\n    rotateSubscriptionToken(userId: $userId) {\n      id\n      subscriptionUrl\n    }\n  }\n"): typeof import('./graphql').RotateSubscriptionTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateUserCredentials($userId: ID!) {\n    rotateUserCredentials(userId: $userId) {\n      id\n    }\n  }\n"): typeof import('./graphql').RotateUserCredentialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveUserDevice($userId: ID!, $hwid: String!) {\n    removeUserDevice(userId: $userId, hwid: $hwid)\n  }\n"): typeof import('./graphql').RemoveUserDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserUsage($id: ID!) {\n    resetUserUsage(id: $id) {\n      id\n      status\n      usedTraffic\n    }\n  }\n"): typeof import('./graphql').ResetUserUsageDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
