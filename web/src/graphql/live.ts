import { graphql } from "./generated";

export const ServerStatusUpdates = graphql(`
  subscription ServerStatusUpdates($id: ID) {
    serverStatus(serverId: $id) {
      ...ServerStatusFields
    }
  }
`);

export const SystemMetricsUpdates = graphql(`
  subscription SystemMetricsUpdates {
    systemMetrics {
      ...SystemMetricsFields
    }
  }
`);

export const UserTrafficUpdates = graphql(`
  subscription UserTrafficUpdates($userId: ID!) {
    userTraffic(userId: $userId) {
      userId
      upload
      download
      usedTraffic
      at
    }
  }
`);

export const NotificationUpdates = graphql(`
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
`);
