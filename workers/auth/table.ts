import { integer, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { admins } from "../admins/table";

export const SIGN_IN_METHODS = ["password", "password+totp", "passkey", "oidc"] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/**
 * Short-lived, single-use server-side state of a sign-in or enrollment in progress: WebAuthn
 * challenges, the token between password and TOTP steps, OIDC state/nonce/PKCE verifier.
 * Stored by the SHA-256 of its public handle, so a database read does not hand out live tokens.
 */
export const authChallenges = sqliteTable(
  "auth_challenges",
  {
    idHash: text("id_hash").primaryKey(),
    purpose: text("purpose").notNull(),
    adminId: integer("admin_id").references(() => admins.id, { onDelete: "cascade" }),
    data: text("data", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    expiresAtSec: integer("expires_at").notNull(),
  },
  (t) => [index("auth_challenges_expiry_idx").on(t.expiresAtSec)],
);

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
    /** Two-letter country code from Cloudflare's request.cf, when known. */
    country: text("country"),
    /** How the admin proved who it is: password, password+totp, passkey or oidc. */
    method: text("method", { enum: SIGN_IN_METHODS }).notNull().default("password"),
    /**
     * Its role requires TOTP and the admin had none when it signed in: the session may only enroll
     * (see graphql/authorize.ts), and confirming enrollment clears the flag.
     */
    mustEnrollTotp: integer("must_enroll_totp", { mode: "boolean" }).notNull().default(false),
    createdAtSec: integer("created_at").notNull(),
    lastSeenAtSec: integer("last_seen_at").notNull(),
    expiresAtSec: integer("expires_at").notNull(),
    revokedAtSec: integer("revoked_at"),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("sessions_admin_idx").on(t.adminId)],
);

/** Refresh tokens are stored as SHA-256 hashes; a used one presented again revokes its session (after a short grace). */
export const refreshTokens = sqliteTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    /** The token this one replaced; null for the first of a session. Lets a lost answer be retried (see rotateRefreshToken). */
    parentHash: text("parent_hash"),
    issuedAtSec: integer("issued_at").notNull(),
    usedAtSec: integer("used_at"),
  },
  (t) => [index("refresh_tokens_session_idx").on(t.sessionId), index("refresh_tokens_parent_idx").on(t.parentHash)],
);
