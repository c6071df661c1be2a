import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { admins } from "../../admins/table";

/** A WebAuthn credential (passkey) an admin registered. */
export const passkeys = sqliteTable(
  "passkeys",
  {
    /** The credential id, base64url, as the authenticator reports it. */
    id: text("id").primaryKey(),
    adminId: integer("admin_id")
      .notNull()
      .references(() => admins.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    counter: integer("counter").notNull().default(0),
    transports: text("transports", { mode: "json" }).$type<string[]>(),
    createdAtSec: integer("created_at").notNull(),
    lastUsedAtSec: integer("last_used_at"),
  },
  (t) => [index("passkeys_admin_idx").on(t.adminId)],
);
