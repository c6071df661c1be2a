export const ServerStatusUpdates = /* GraphQL */ `
  subscription ServerStatusUpdates($id: ID) {
    serverStatus(serverId: $id) {
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
  }
`;

export const SystemMetricsUpdates = /* GraphQL */ `
  subscription SystemMetricsUpdates {
    systemMetrics {
      at
      serversOnline
      serversOffline
      serversDegraded
      uploadRate
      downloadRate
      users {
        total
        active
        disabled
        limited
        expired
        onHold
      }
    }
  }
`;

export const UserTrafficUpdates = /* GraphQL */ `
  subscription UserTrafficUpdates($userId: ID!) {
    userTraffic(userId: $userId) {
      userId
      upload
      download
      usedTraffic
      at
    }
  }
`;

export const NotificationUpdates = /* GraphQL */ `
  subscription NotificationUpdates {
    notifications {
      id
      kind
      severity
      message
      at
      serverId
      userId
    }
  }
`;
