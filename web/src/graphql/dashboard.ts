export const DashboardSummary = /* GraphQL */ `
  query DashboardSummary {
    systemStatus {
      version
      servers
      inbounds
      groups
      users {
        total
        active
        disabled
        limited
        expired
        onHold
      }
    }
    servers {
      id
      status
    }
    healthCheck {
      ok
      database
      time
    }
  }
`;

export const SystemMetricsNow = /* GraphQL */ `
  query SystemMetricsNow {
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

export const TrafficSeries = /* GraphQL */ `
  query TrafficSeries($range: TrafficRange!, $userId: ID) {
    trafficSeries(range: $range, userId: $userId) {
      at
      upload
      download
    }
  }
`;
