import { integer, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { admins } from "../admins/table";

/** One sign-in: the family every rotated refresh token of that sign-in belongs to. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    adminId: integer("admin_id")
      .notNull()
      .references(() => admins.id, { onDelete: "cascade" }),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAtSec: integer("created_at").notNull(),
    lastSeenAtSec: integer("last_seen_at").notNull(),
    expiresAtSec: integer("expires_at").notNull(),
    revokedAtSec: integer("revoked_at"),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("sessions_admin_idx").on(t.adminId)],
);

/** Refresh tokens are stored as SHA-256 hashes; a used one presented again revokes its session. */
export const refreshTokens = sqliteTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    issuedAtSec: integer("issued_at").notNull(),
    usedAtSec: integer("used_at"),
  },
  (t) => [index("refresh_tokens_session_idx").on(t.sessionId)],
);
