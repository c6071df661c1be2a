import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Every event the panel emitted (catalogue.ts), kept for the notification centre and as the source
 * of channel deliveries. `adminId` is the admin who owns the user the event is about (a reseller
 * hears only its own); null is panel-wide news (nodes, payments without a user, backups, sign-ins)
 * that only admins and the owner see. `data` is the kind's payload as catalogue.ts types it, so
 * texts are rendered per reader's language rather than stored once.
 */
export const events = sqliteTable(
  "events",
  {
    /** The same UUID the live notification and every webhook delivery carry (`webhook-id`). */
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    severity: text("severity", { enum: ["INFO", "WARNING", "CRITICAL"] }).notNull(),
    adminId: integer("admin_id"),
    userId: integer("user_id"),
    nodeId: integer("node_id"),
    invoiceId: integer("invoice_id"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    atSec: integer("at").notNull(),
  },
  (t) => [index("events_admin_at").on(t.adminId, t.atSec), index("events_at").on(t.atSec)],
);

/** Which admin has read which event (the notification centre's read/unread). */
export const notificationReads = sqliteTable(
  "notification_reads",
  {
    adminId: integer("admin_id").notNull(),
    eventId: text("event_id").notNull(),
    readAtSec: integer("read_at").notNull(),
  },
  // By event too: retention deletes the reads of the events it prunes.
  (t) => [primaryKey({ columns: [t.adminId, t.eventId] }), index("notification_reads_event").on(t.eventId)],
);

/**
 * Reminders already sent, so each fires once per period: `kind` is quota or expiry, `threshold`
 * the percent or days, `periodKey` what makes it due again (the usage period's start for quota,
 * the expiry instant for expiry: a renewal moves it and the reminder can fire anew).
 */
export const userReminders = sqliteTable(
  "user_reminders",
  {
    userId: integer("user_id").notNull(),
    kind: text("kind", { enum: ["quota", "expiry"] }).notNull(),
    threshold: integer("threshold").notNull(),
    periodKey: integer("period_key").notNull(),
    sentAtSec: integer("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.threshold, t.periodKey] })],
);
