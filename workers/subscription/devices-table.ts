import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "../users/table";

/**
 * Devices that fetched a user's subscription, by the `x-hwid` header clients send (Happ,
 * v2RayTun, Hiddify and others). The device limit counts these rows.
 */
export const userDevices = sqliteTable(
  "user_devices",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    hwid: text("hwid").notNull(),
    platform: text("platform"),
    osVersion: text("os_version"),
    model: text("model"),
    userAgent: text("user_agent"),
    firstSeenAtSec: integer("first_seen_at").notNull(),
    lastSeenAtSec: integer("last_seen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.hwid] })],
);

export type UserDeviceRow = typeof userDevices.$inferSelect;
