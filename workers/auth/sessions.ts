import { and, eq, isNotNull, isNull, ne } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { sign, verify } from "hono/jwt";
import type { AdminRow } from "../admins/table";
import { admins } from "../admins/table";
import type { Db } from "../db/client";
import { DomainError } from "../errors/domain-error";
import { randomToken, sha256Hex } from "./crypto";
import type { Actor } from "./roles";
import { addressAllowed } from "./allowlist/cidr";
import { refreshTokens, sessions, type SignInMethod } from "./table";

export interface SessionConfig {
  jwtSecret: string;
  accessTtlSec: number;
  refreshTtlSec: number;
}

export interface ClientMeta {
  ip: string;
  userAgent: string | null;
  /** ISO country code from Cloudflare's request.cf; null locally and when unknown. */
  country: string | null;
}

/** How a session was started; recorded on the session and shown in the session list. */
export interface SessionStart {
  method: SignInMethod;
  /** The admin's role requires TOTP and it has none yet: the session may only enroll. */
  mustEnrollTotp?: boolean;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAtSec: number;
}

interface AccessClaims {
  sub: string;
  sid: string;
  iat: number;
  exp: number;
  [key: string]: unknown;
}

/**
 * The HMAC key each JWT secret verifies with, imported once per isolate instead of on every
 * request. Only the key is kept: the session behind a token is still read on every request, so
 * a revocation bites at once. Keyed by the secret, so a rotated secret gets its own key.
 */
const verifyKeys = new Map<string, Promise<CryptoKey>>();

function verifyKeyOf(secret: string): Promise<CryptoKey> {
  let key = verifyKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "verify",
    ]);
    verifyKeys.set(secret, key);
  }
  return key;
}

async function issueAccessToken(config: SessionConfig, adminId: number, sessionId: string, nowSec: number) {
  const exp = nowSec + config.accessTtlSec;
  const claims: AccessClaims = { sub: String(adminId), sid: sessionId, iat: nowSec, exp };
  return { token: await sign(claims, config.jwtSecret, "HS256"), exp };
}

/**
 * Starts a session (a refresh-token family) for an admin who has just proven who they are.
 * `alongside` statements (the audit entry) land in the same batch.
 */
export async function startSession(
  db: Db,
  config: SessionConfig,
  admin: AdminRow,
  client: ClientMeta,
  nowSec: number,
  start: SessionStart,
  alongside: BatchItem<"sqlite">[] = [],
): Promise<TokenPair> {
  const sessionId = randomToken(16);
  const refreshToken = randomToken();
  await db.batch([
    db.insert(sessions).values({
      id: sessionId,
      adminId: admin.id,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      country: client.country,
      method: start.method,
      mustEnrollTotp: start.mustEnrollTotp ?? false,
      createdAtSec: nowSec,
      lastSeenAtSec: nowSec,
      expiresAtSec: nowSec + config.refreshTtlSec,
    }),
    db.insert(refreshTokens).values({ tokenHash: await sha256Hex(refreshToken), sessionId, issuedAtSec: nowSec }),
    ...alongside,
  ]);
  const access = await issueAccessToken(config, admin.id, sessionId, nowSec);
  return { accessToken: access.token, refreshToken, accessTokenExpiresAtSec: access.exp };
}

const invalidRefresh = () => new DomainError("UNAUTHENTICATED", "refresh token is invalid or expired; sign in again");

/**
 * How long a just-used refresh token may be presented again. The answer that carried its
 * successor can be lost: the admin reloads the page or closes a laptop while a refresh is in
 * flight, or two tabs refresh at once. Only while nothing newer in the family has been used.
 */
export const REFRESH_REUSE_GRACE_SEC = 30;

/**
 * Exchanges a refresh token for a new pair. Each token works once: presenting a used one means
 * it was copied, so the whole session is revoked and every token of its family stops working,
 * unless it comes back within the grace window before the family has moved on.
 */
export async function rotateRefreshToken(
  db: Db,
  config: SessionConfig,
  presented: string,
  nowSec: number,
  clientIp: string,
) {
  const tokenHash = await sha256Hex(presented);
  const found = await db
    .select({ token: refreshTokens, session: sessions, admin: admins })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .innerJoin(admins, eq(admins.id, sessions.adminId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .get();
  if (!found) throw invalidRefresh();
  const { session, admin } = found;
  if (session.revokedAtSec !== null || session.expiresAtSec <= nowSec || admin.disabled) throw invalidRefresh();
  // Checked before the token is used up: a refresh token copied to another network buys nothing.
  if (!addressAllowed(admin.ipAllowlist, clientIp)) throw ipNotAllowed();

  const claimed = await db
    .update(refreshTokens)
    .set({ usedAtSec: nowSec })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAtSec)))
    .run();
  if (claimed.meta.changes !== 1 && !(await withinReuseGrace(db, tokenHash, found.token.usedAtSec ?? nowSec, nowSec))) {
    await revokeSession(db, session.id, "refresh token reused", nowSec);
    return { reused: true as const, session, admin };
  }

  const refreshToken = randomToken();
  await db.batch([
    db.insert(refreshTokens).values({
      tokenHash: await sha256Hex(refreshToken),
      sessionId: session.id,
      parentHash: tokenHash,
      issuedAtSec: nowSec,
    }),
    db.update(sessions).set({ lastSeenAtSec: nowSec }).where(eq(sessions.id, session.id)),
  ]);
  const access = await issueAccessToken(config, admin.id, session.id, nowSec);
  return {
    reused: false as const,
    session,
    admin,
    tokens: { accessToken: access.token, refreshToken, accessTokenExpiresAtSec: access.exp } satisfies TokenPair,
  };
}

/** A token used at `usedAtSec` may be used again if that was recent and none of its successors has been used. */
async function withinReuseGrace(db: Db, tokenHash: string, usedAtSec: number, nowSec: number): Promise<boolean> {
  if (nowSec - usedAtSec > REFRESH_REUSE_GRACE_SEC) return false;
  const successorUsed = await db
    .select({ tokenHash: refreshTokens.tokenHash })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.parentHash, tokenHash), isNotNull(refreshTokens.usedAtSec)))
    .get();
  return successorUsed === undefined;
}

/** The statement that ends one session; await it or put it in a batch. */
export function revokeSession(db: Db, sessionId: string, reason: string, nowSec: number) {
  return db
    .update(sessions)
    .set({ revokedAtSec: nowSec, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAtSec)));
}

/**
 * Resolves a Bearer access token to the signed-in admin. One statement: the session must be
 * live and the admin enabled, so logout and disabling an admin take effect at once. The admin's
 * IP allowlist is checked here, on every request, not only at sign-in. The admin's whole row comes
 * back too, so what the request asks of its own admin (`me`, `owner`) costs no second statement.
 */
export async function authenticateSession(
  db: Db,
  config: SessionConfig,
  token: string,
  nowSec: number,
  clientIp: string,
): Promise<{ actor: Actor; admin: AdminRow } | null> {
  let claims: AccessClaims;
  try {
    claims = (await verify(token, await verifyKeyOf(config.jwtSecret), "HS256")) as AccessClaims;
  } catch {
    // Malformed, forged and expired tokens all mean the same thing to the caller: not signed in.
    return null;
  }
  const row = await db
    .select({ admin: admins, mustEnrollTotp: sessions.mustEnrollTotp })
    .from(sessions)
    .innerJoin(admins, eq(admins.id, sessions.adminId))
    .where(
      and(
        eq(sessions.id, claims.sid),
        eq(admins.id, Number(claims.sub)),
        isNull(sessions.revokedAtSec),
        eq(admins.disabled, false),
      ),
    )
    .get();
  if (!row || nowSec >= claims.exp) return null;
  const { admin, mustEnrollTotp } = row;
  if (!addressAllowed(admin.ipAllowlist, clientIp)) throw ipNotAllowed();
  const { id, username, role, maxUsers, maxDataLimitBytes } = admin;
  return { actor: { id, username, role, maxUsers, maxDataLimitBytes, mustEnrollTotp, sessionId: claims.sid }, admin };
}

/** The signed-in admin behind a Bearer access token, as `authenticateSession` decides. */
export async function authenticateAccessToken(...args: Parameters<typeof authenticateSession>): Promise<Actor | null> {
  return (await authenticateSession(...args))?.actor ?? null;
}

/** The statement that ends every live session of an admin, except `keepSessionId` if given. */
export function revokeSessionsOf(db: Db, adminId: number, reason: string, nowSec: number, keepSessionId?: string) {
  return db
    .update(sessions)
    .set({ revokedAtSec: nowSec, revokedReason: reason })
    .where(
      and(
        eq(sessions.adminId, adminId),
        isNull(sessions.revokedAtSec),
        keepSessionId === undefined ? undefined : ne(sessions.id, keepSessionId),
      ),
    );
}

export const ipNotAllowed = () =>
  new DomainError("FORBIDDEN", "this admin may not sign in or work from this IP address (IP allowlist)");
