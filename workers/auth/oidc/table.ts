import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { admins } from "../../admins/table";

/**
 * Who at the configured OpenID provider may sign in as which admin: by the provider's stable
 * subject, or by a verified email address.
 */
export const oidcIdentities = sqliteTable(
  "oidc_identities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    adminId: integer("admin_id")
      .notNull()
      .references(() => admins.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["subject", "email"] }).notNull(),
    value: text("value").notNull(),
    createdAtSec: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("oidc_identities_value_unique").on(t.kind, sql`lower(${t.value})`),
    index("oidc_identities_admin_idx").on(t.adminId),
  ],
);
