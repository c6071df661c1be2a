import { graphql } from "./generated";

export const NotificationFeed = graphql(`
  query NotificationFeed($kinds: [String!], $unreadOnly: Boolean, $page: Pagination, $language: NotificationLanguage) {
    notificationFeed(kinds: $kinds, unreadOnly: $unreadOnly, page: $page, language: $language) {
      unreadCount
      edges {
        cursor
        node {
          ...NotificationFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const UnreadCount = graphql(`
  query UnreadCount {
    notificationFeed(unreadOnly: true, page: { first: 1 }) {
      unreadCount
    }
  }
`);

export const EventCatalogue = graphql(`
  query EventCatalogue {
    eventCatalogue {
      version
      kinds {
        kind
        audience
        severity
        description
      }
    }
  }
`);

export const MarkNotificationsRead = graphql(`
  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {
    markNotificationsRead(ids: $ids, all: $all)
  }
`);

export const MarkNotificationsUnread = graphql(`
  mutation MarkNotificationsUnread($ids: [ID!]!) {
    markNotificationsUnread(ids: $ids)
  }
`);

export const NotificationSettings = graphql(`
  query NotificationSettings {
    settings {
      reminderUsagePercents
      reminderDaysLeft
      failedSignInAlertThreshold
      retentionHourlyDays
      retentionDailyDays
      retentionAuditDays
      retentionEventDays
      retentionSessionDays
      sharingWindowMinutes
    }
  }
`);

export const UpdateNotificationSettings = graphql(`
  mutation UpdateNotificationSettings($input: UpdateSettingsInput!) {
    updateSettings(input: $input) {
      reminderUsagePercents
      reminderDaysLeft
      failedSignInAlertThreshold
      retentionHourlyDays
      retentionDailyDays
      retentionAuditDays
      retentionEventDays
      retentionSessionDays
      sharingWindowMinutes
    }
  }
`);
