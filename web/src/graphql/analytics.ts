import { graphql } from "./generated";

export const AnalyticsPage = graphql(`
  query AnalyticsPage($period: TimePeriod!) {
    analytics(period: $period) {
      period
      from
      to
      upload
      download
      traffic {
        at
        upload
        download
      }
      byServer {
        upload
        download
        server {
          id
          name
        }
      }
      byInbound {
        tag
        upload
        download
        server {
          id
          name
        }
      }
      topUsers(first: 10) {
        upload
        download
        user {
          id
          username
        }
      }
      usersByStatus {
        day
        status
        count
      }
      revenue {
        day
        currency
        paid
        refunded
        invoicesPaid
      }
      revenueByPlan {
        currency
        paid
        refunded
        invoicesPaid
        plan {
          id
          name
        }
      }
      anomalies(first: 20) {
        ...AnomalyFields
      }
    }
  }
`);

export const UserInsights = graphql(`
  query UserInsights($userId: ID!) {
    trafficStats(userId: $userId, period: WEEK) {
      clientAddresses
      forecast {
        dailyAverage
        daysLeft
        remaining
        runsOutAt
        runsOutFirst
      }
      anomalies {
        ...AnomalyFields
      }
    }
    user(id: $userId) {
      id
      deviceLimit
      telegramLinked
    }
  }
`);
