import type { GraphQLModule } from "../graphql/module";
import { CATALOGUE, CATALOGUE_VERSION, EVENT_KINDS } from "./catalogue";
import { type EventRow, markRead, markUnread, notificationFeed, rowToEvent } from "./feed";
import { eventText, type Language } from "./texts";

/** A stored event as the Notification the live subscription sends, in the reader's language. */
function asNotification(row: EventRow & { read: boolean }, language: Language) {
  const id = (value: number | null) => (value === null ? null : String(value));
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    message: eventText(rowToEvent(row), language),
    at: row.atSec,
    serverId: id(row.nodeId),
    userId: id(row.userId),
    invoiceId: id(row.invoiceId),
    data: row.data,
    read: row.read,
  };
}

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
    notificationFeed(
      page: Pagination
      unreadOnly: Boolean = false
      kinds: [String!]
      "The language of each message."
      language: NotificationLanguage = EN
    ): NotificationConnection!
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
    // The live subscription's payloads carry no read flag: they are news, unread by definition.
    Notification: { read: (n) => n.read ?? false },
    Query: {
      notificationFeed: async (_, args, ctx) => {
        const feed = await notificationFeed(ctx.db, ctx.actor, args.page, {
          unreadOnly: args.unreadOnly,
          kinds: args.kinds,
        });
        const language = (args.language ?? "EN").toLowerCase() as Language;
        return {
          ...feed,
          edges: feed.edges.map((edge) => ({ ...edge, node: asNotification(edge.node, language) })),
        };
      },
      eventCatalogue: () => ({
        version: CATALOGUE_VERSION,
        kinds: EVENT_KINDS.map((kind) => ({
          kind,
          ...CATALOGUE[kind],
          audience: CATALOGUE[kind].audience === "user" ? ("USER" as const) : ("PANEL" as const),
        })),
      }),
    },
    Mutation: {
      markNotificationsRead: (_, args, ctx) => markRead(ctx.db, ctx.actor, args.ids, args.all ?? false, ctx.nowSec()),
      markNotificationsUnread: (_, args, ctx) => markUnread(ctx.db, ctx.actor, args.ids),
    },
  },
};
