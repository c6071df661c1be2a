import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const ROLES = ["owner", "admin", "reseller"] as const;
export type Role = (typeof ROLES)[number];

export const admins = sqliteTable(
  "admins",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull(),
    /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`: parameters travel with the hash. */
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** Reseller limits; null means no limit. */
    maxUsers: integer("max_users"),
    maxDataLimitBytes: integer("max_data_limit_bytes"),
    /** Bytes handed out against maxDataLimitBytes (see admins/data-quota.ts); kept for every role. */
    dataGivenBytes: integer("data_given_bytes").notNull().default(0),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    /** Set by the admin once it has a passkey: its password alone no longer signs it in. */
    passwordLoginDisabled: integer("password_login_disabled", { mode: "boolean" }).notNull().default(false),
    /** CIDRs (IPv4 and IPv6) this admin may work from; null or empty means anywhere. */
    ipAllowlist: text("ip_allowlist", { mode: "json" }).$type<string[]>(),
    createdAtSec: integer("created_at").notNull().default(sql`(unixepoch())`),
    updatedAtSec: integer("updated_at").notNull().default(sql`(unixepoch())`),
  },
  (t) => [uniqueIndex("admins_username_unique").on(sql`lower(${t.username})`)],
);

export type AdminRow = typeof admins.$inferSelect;
