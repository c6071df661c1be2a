import { integer, primaryKey, sqliteTable } from "drizzle-orm/sqlite-core";

/**
 * Traffic per owning admin per UTC hour, for the dashboard's charts. Kept per admin (a handful of
 * rows per push, whatever the number of users) so a reseller's dashboard sums only its own users
 * and a 30-day chart reads ~720 rows per admin instead of every user's daily history. A user's
 * traffic stays with the admin who owned it when it was charged.
 */
export const trafficHourly = sqliteTable(
  "traffic_hourly",
  {
    adminId: integer("admin_id").notNull(),
    /** Start of the UTC hour, epoch seconds. */
    hourSec: integer("hour").notNull(),
    upBytes: integer("up_bytes").notNull().default(0),
    downBytes: integer("down_bytes").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.adminId, t.hourSec] })],
);
