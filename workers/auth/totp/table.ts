import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { admins } from "../../admins/table";

/** An admin's TOTP factor. Unconfirmed until the first code proves the authenticator app has it. */
export const adminTotp = sqliteTable("admin_totp", {
  adminId: integer("admin_id")
    .primaryKey()
    .references(() => admins.id, { onDelete: "cascade" }),
  /** The base32 secret, sealed with lib/secret-box (AES-GCM, key from the SECRETS_KEY secret). */
  secretSealed: text("secret_sealed").notNull(),
  confirmedAtSec: integer("confirmed_at"),
  /** The last 30-second step a code was accepted for: a code works once, even within its window. */
  lastStep: integer("last_step").notNull().default(0),
  createdAtSec: integer("created_at").notNull(),
});

/** One-time backup codes, stored as SHA-256 hashes (they are random, so no slow hash is needed). */
export const totpBackupCodes = sqliteTable(
  "totp_backup_codes",
  {
    adminId: integer("admin_id")
      .notNull()
      .references(() => admins.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAtSec: integer("used_at"),
  },
  (t) => [primaryKey({ columns: [t.adminId, t.codeHash] })],
);
