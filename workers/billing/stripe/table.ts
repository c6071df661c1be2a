import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Every Stripe event id processed, once: its primary key is what makes a redelivery a no-op. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAtSec: integer("received_at").notNull(),
});
