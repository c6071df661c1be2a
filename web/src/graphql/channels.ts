import { graphql } from "./generated";

export const ChannelsPage = graphql(`
  query ChannelsPage {
    notificationChannels {
      ...ChannelFields
    }
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

export const NotificationDeliveries = graphql(`
  query NotificationDeliveries($channelId: ID, $status: DeliveryStatus, $page: Pagination) {
    notificationDeliveries(channelId: $channelId, status: $status, page: $page) {
      edges {
        cursor
        node {
          ...DeliveryFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const CreateWebhookChannel = graphql(`
  mutation CreateWebhookChannel($input: WebhookChannelInput!) {
    createWebhookChannel(input: $input) {
      secret
      channel {
        ...ChannelFields
      }
    }
  }
`);

export const UpdateNotificationChannel = graphql(`
  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelInput!) {
    updateNotificationChannel(id: $id, input: $input) {
      ...ChannelFields
    }
  }
`);

export const DeleteNotificationChannel = graphql(`
  mutation DeleteNotificationChannel($id: ID!) {
    deleteNotificationChannel(id: $id)
  }
`);

export const RotateWebhookSecret = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      channel {
        ...ChannelFields
      }
    }
  }
`);

export const TestNotificationChannel = graphql(`
  mutation TestNotificationChannel($id: ID!) {
    testNotificationChannel(id: $id) {
      ...DeliveryFields
    }
  }
`);

export const ReplayDelivery = graphql(`
  mutation ReplayDelivery($id: ID!) {
    replayDelivery(id: $id) {
      ...DeliveryFields
    }
  }
`);

export const ReplayDeadDeliveries = graphql(`
  mutation ReplayDeadDeliveries($channelId: ID!) {
    replayDeadDeliveries(channelId: $channelId)
  }
`);

export const TelegramBotStatus = graphql(`
  query TelegramBotStatus {
    telegramBot {
      configured
      username
      webhookUrl
      lastError
      lastUpdateAt
    }
  }
`);

export const ConfigureTelegramBot = graphql(`
  mutation ConfigureTelegramBot($token: String!) {
    configureTelegramBot(token: $token) {
      configured
    }
  }
`);

export const RemoveTelegramBot = graphql(`
  mutation RemoveTelegramBot {
    removeTelegramBot
  }
`);

export const LinkTelegramChat = graphql(`
  mutation LinkTelegramChat {
    linkTelegramChat {
      url
      expiresAt
    }
  }
`);
