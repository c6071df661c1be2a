import type { GraphQLModule } from "../graphql/module";

const notYet = (): never => {
  throw new Error("not implemented yet");
};

const typeDefs = /* GraphQL */ `
  extend type Notification {
    "Whether the signed-in admin has read it (always false on the live subscription)."
    read: Boolean!
    "The kind's payload as the event catalogue describes it."
    data: JSON
    invoiceId: ID
  }

  type NotificationEdge {
    cursor: String!
    node: Notification!
  }

  type NotificationConnection {
    edges: [NotificationEdge!]!
    pageInfo: PageInfo!
    "Unread events the caller can see (not only on this page)."
    unreadCount: Int!
  }

  enum EventAudience {
    "About one user: its owning admin (a reseller: its own users only), admins and the owner hear it."
    USER
    "Panel-wide news: admins and the owner only."
    PANEL
  }

  "One kind of event the panel emits."
  type EventKindInfo {
    kind: String!
    audience: EventAudience!
    severity: NotificationSeverity!
    description: String!
  }

  "Every kind of event, versioned: webhook payloads carry the same version."
  type EventCatalogue {
    version: Int!
    kinds: [EventKindInfo!]!
  }

  extend type Query {
    "The notification centre, newest first: what the caller may hear (a reseller: its own users). kinds narrows to those kinds."
    notificationFeed(page: Pagination, unreadOnly: Boolean = false, kinds: [String!]): NotificationConnection!
    eventCatalogue: EventCatalogue!
  }

  extend type Mutation {
    "Marks these events read for the caller, or all it can see when all is true; returns how many changed."
    markNotificationsRead(ids: [ID!], all: Boolean = false): Int!
    "Marks these events unread again for the caller."
    markNotificationsUnread(ids: [ID!]!): Int!
  }
`;

export const eventsModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.notificationFeed": "signed-in",
    "Query.eventCatalogue": "signed-in",
    "Mutation.markNotificationsRead": "signed-in",
    "Mutation.markNotificationsUnread": "signed-in",
  },
  resolvers: {
    Notification: { read: () => false },
    Query: { notificationFeed: notYet, eventCatalogue: notYet },
    Mutation: { markNotificationsRead: notYet, markNotificationsUnread: notYet },
  },
};
