/**
 * What flows through the live hub. A subscriber listens on one tag; an event is delivered to the
 * sockets tagged with its topic alone (everything of that kind) and with `topic:key` (one
 * server, one user, one reseller's notifications).
 */
export const TOPICS = {
  serverStatus: "serverStatus",
  userTraffic: "userTraffic",
  systemMetrics: "systemMetrics",
  notifications: "notifications",
  /** Keyed by invoice id; the payload is the id alone (the subscriber re-reads the invoice). */
  invoiceUpdated: "invoiceUpdated",
} as const;
export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export interface LiveEvent {
  topic: Topic;
  /** Narrows delivery: a server id, a user id, an invoice id, or the admin who owns the user a notification is about. */
  key?: string | number;
  payload: unknown;
}

/**
 * "The panel-wide figures may have moved" (a user or server added or removed): the hub
 * recomputes systemMetrics for its subscribers rather than passing this on.
 */
export const METRICS_CHANGED: LiveEvent = { topic: TOPICS.systemMetrics, payload: null };

/** The tag a subscriber listens on: the whole topic, or one key of it. */
export const tagOf = (topic: Topic, key?: string | number | null) =>
  key === undefined || key === null ? topic : `${topic}:${key}`;

/** The tags an event reaches. */
export const tagsFor = (event: LiveEvent) =>
  event.key === undefined ? [event.topic] : [event.topic, tagOf(event.topic, event.key)];

/** The hub every publisher and subscriber uses (see the sharding note in durable-objects/hub.ts). */
export const HUB_NAME = "panel";

/**
 * What one usage push charged, as compact [userId, up, down, usedThisPeriod] rows: the hub
 * turns rows into userTraffic events only for users someone is watching, and sums them for
 * the panel-wide rates.
 */
export interface TrafficBatch {
  atSec: number;
  users: [number, number, number, number][];
}

export type NotificationSeverity = "INFO" | "WARNING" | "CRITICAL";

export interface NotificationPayload {
  id: string;
  kind: string;
  severity: NotificationSeverity;
  message: string;
  at: number;
  serverId: string | null;
  userId: string | null;
}

export interface UserTrafficPayload {
  userId: string;
  upload: number;
  download: number;
  usedTraffic: number;
  at: number;
}
