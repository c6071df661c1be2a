import { graphql } from "./generated";

export const DashboardSummary = graphql(`
  query DashboardSummary {
    systemStatus {
      version
      servers
      inbounds
      groups
      users {
        ...UserCountsFields
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
`);

export const SystemMetricsNow = graphql(`
  query SystemMetricsNow {
    systemMetrics {
      ...SystemMetricsFields
    }
  }
`);

export const TrafficSeries = graphql(`
  query TrafficSeries($range: TrafficRange!, $userId: ID) {
    trafficSeries(range: $range, userId: $userId) {
      at
      upload
      download
    }
  }
`);
