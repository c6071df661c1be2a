import type { GraphQLModule } from "../graphql/module";

const notYet = (): never => {
  throw new Error("not implemented yet");
};

const typeDefs = /* GraphQL */ `
  enum ChannelKind {
    WEBHOOK
    TELEGRAM
  }

  enum NotificationLanguage {
    EN
    RU
    FA
    ZH
  }

  "Where one admin's events go. A reseller's channels hear only its own users' events."
  type NotificationChannel {
    id: ID!
    kind: ChannelKind!
    name: String!
    enabled: Boolean!
    "Event kinds delivered; empty is every kind the owner may hear."
    eventKinds: [String!]!
    language: NotificationLanguage!
    "Webhook endpoint; null for Telegram."
    url: String
    "The linked Telegram chat; null for webhooks."
    telegramChatId: String
    "The admin whose channel it is."
    owner: String!
    "Why the panel turned it off (the endpoint answered 410 Gone, the chat blocked the bot); null while it may deliver."
    disabledReason: String
    createdAt: DateTime!
    updatedAt: DateTime!
    "Deliveries that reached it in the last 24 hours."
    delivered24h: Int!
    "Deliveries retrying or dead."
    failing: Int!
  }

  "A webhook and its signing secret, shown only now: whsec_ followed by base64 (Standard Webhooks)."
  type WebhookChannelWithSecret {
    channel: NotificationChannel!
    secret: String!
  }

  input WebhookChannelInput {
    name: String!
    "https URL (http and private addresses are refused on a deployed panel)."
    url: String!
    eventKinds: [String!] = []
    language: NotificationLanguage = EN
    enabled: Boolean = true
  }

  "Omitted fields keep their values."
  input NotificationChannelInput {
    name: String
    url: String
    eventKinds: [String!]
    language: NotificationLanguage
    enabled: Boolean
  }

  enum DeliveryStatus {
    "Queued, not yet attempted."
    PENDING
    "Failed at least once; another attempt is scheduled."
    RETRYING
    DELIVERED
    "Ran out of attempts (in the dead-letter queue); replay sends it again."
    DEAD
  }

  "One event to one channel."
  type NotificationDelivery {
    id: ID!
    channel: NotificationChannel!
    eventId: ID!
    eventKind: String!
    status: DeliveryStatus!
    attempts: Int!
    "The endpoint's last HTTP status (or Telegram's error_code)."
    lastStatusCode: Int
    lastError: String
    nextAttemptAt: DateTime
    createdAt: DateTime!
    updatedAt: DateTime!
    deliveredAt: DateTime
  }

  type NotificationDeliveryEdge {
    cursor: String!
    node: NotificationDelivery!
  }

  type NotificationDeliveryConnection {
    edges: [NotificationDeliveryEdge!]!
    pageInfo: PageInfo!
  }

  extend type Query {
    "The caller's channels (the owner: everyone's)."
    notificationChannels: [NotificationChannel!]!
    "The delivery log, newest first: the caller's channels (the owner: all); status DEAD is the dead-letter view."
    notificationDeliveries(channelId: ID, status: DeliveryStatus, page: Pagination): NotificationDeliveryConnection!
  }

  extend type Mutation {
    createWebhookChannel(input: WebhookChannelInput!): WebhookChannelWithSecret!
    updateNotificationChannel(id: ID!, input: NotificationChannelInput!): NotificationChannel!
    deleteNotificationChannel(id: ID!): Boolean!
    "A new secret, shown once; the old one stops signing at once."
    rotateWebhookSecret(id: ID!): WebhookChannelWithSecret!
    "Sends a test event (kind test.ping) to the channel now; returns its delivery."
    testNotificationChannel(id: ID!): NotificationDelivery!
    "Sends a dead or failed delivery again, as a new attempt with the same webhook-id."
    replayDelivery(id: ID!): NotificationDelivery!
    "Replays every dead delivery of a channel; returns how many."
    replayDeadDeliveries(channelId: ID!): Int!
  }
`;

export const channelsModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.notificationChannels": "signed-in",
    "Query.notificationDeliveries": "signed-in",
    "Mutation.createWebhookChannel": "signed-in",
    "Mutation.updateNotificationChannel": "signed-in",
    "Mutation.deleteNotificationChannel": "signed-in",
    "Mutation.rotateWebhookSecret": "signed-in",
    "Mutation.testNotificationChannel": "signed-in",
    "Mutation.replayDelivery": "signed-in",
    "Mutation.replayDeadDeliveries": "signed-in",
  },
  resolvers: {
    Query: { notificationChannels: notYet, notificationDeliveries: notYet },
    Mutation: {
      createWebhookChannel: notYet,
      updateNotificationChannel: notYet,
      deleteNotificationChannel: notYet,
      rotateWebhookSecret: notYet,
      testNotificationChannel: notYet,
      replayDelivery: notYet,
      replayDeadDeliveries: notYet,
    },
  },
};
