import { sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Panel-wide settings as JSON values under stable keys; see settings/settings.ts for the typed view. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
});
