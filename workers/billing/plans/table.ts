import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { groups } from "../../groups/table";
import { RESET_STRATEGIES } from "../../users/table";

/** A price in one currency: `amount` is a decimal string ("4.99", "0.002") so no float ever rounds money. */
export interface Price {
  currency: string;
  amount: string;
}

export const plans = sqliteTable(
  "plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull().unique(),
    description: text("description").notNull().default(""),
    prices: text("prices", { mode: "json" }).$type<Price[]>().notNull(),
    /** Null: unlimited data. */
    dataLimitBytes: integer("data_limit_bytes"),
    /** Null: no expiry. */
    durationDays: integer("duration_days"),
    resetStrategy: text("reset_strategy", { enum: RESET_STRATEGIES }).notNull().default("none"),
    /** Null leaves the user's device limit as it is. */
    deviceLimit: integer("device_limit"),
    /** Hidden plans are sold only by an admin; visible ones are offered on the subscription page. */
    visible: integer("visible", { mode: "boolean" }).notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAtSec: integer("created_at").notNull().default(sql`(unixepoch())`),
    updatedAtSec: integer("updated_at").notNull().default(sql`(unixepoch())`),
  },
  (t) => [index("plans_visible_order_idx").on(t.visible, t.sortOrder)],
);

/** Groups a plan puts its buyer in; an empty set leaves the buyer's groups alone. */
export const planGroups = sqliteTable(
  "plan_groups",
  {
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.planId, t.groupId] })],
);

export type PlanRow = typeof plans.$inferSelect;
