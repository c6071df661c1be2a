import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { randomToken, sha256Hex } from "./crypto";
import { authChallenges } from "./table";

export type ChallengePurpose = "second-factor" | "passkey-register" | "passkey-login" | "oidc";

/** Long enough to type a code or touch a key; short enough that a leaked handle is soon worthless. */
export const CHALLENGE_TTL_SEC = 300;

export interface StoredChallenge<T> {
  adminId: number | null;
  data: T;
  expiresAtSec: number;
}

/**
 * Stores server-side state for a step the client will finish later and returns the handle the
 * client presents then. Expired challenges of every kind are swept in the same batch.
 */
export async function createChallenge<T extends Record<string, unknown>>(
  db: Db,
  purpose: ChallengePurpose,
  value: { adminId?: number; data: T },
  nowSec: number,
): Promise<{ handle: string; expiresAtSec: number }> {
  const handle = randomToken();
  const expiresAtSec = nowSec + CHALLENGE_TTL_SEC;
  await db.batch([
    db.delete(authChallenges).where(lt(authChallenges.expiresAtSec, nowSec)),
    db.insert(authChallenges).values({
      idHash: await sha256Hex(handle),
      purpose,
      adminId: value.adminId ?? null,
      data: value.data,
      expiresAtSec,
    }),
  ]);
  return { handle, expiresAtSec };
}

const live = async (purpose: ChallengePurpose, handle: string, nowSec: number) =>
  and(
    eq(authChallenges.idHash, await sha256Hex(handle)),
    eq(authChallenges.purpose, purpose),
    gt(authChallenges.expiresAtSec, nowSec),
  );

/** Reads a live challenge without using it up (a mistyped TOTP code may be retried). */
export async function peekChallenge<T>(
  db: Db,
  purpose: ChallengePurpose,
  handle: string,
  nowSec: number,
): Promise<StoredChallenge<T> | undefined> {
  const row = await db
    .select()
    .from(authChallenges)
    .where(await live(purpose, handle, nowSec))
    .get();
  return row ? { adminId: row.adminId, data: row.data as T, expiresAtSec: row.expiresAtSec } : undefined;
}

/** Uses a live challenge up: of two racing requests only one gets it back. */
export async function consumeChallenge<T>(
  db: Db,
  purpose: ChallengePurpose,
  handle: string,
  nowSec: number,
): Promise<StoredChallenge<T> | undefined> {
  const [row] = await db
    .delete(authChallenges)
    .where(await live(purpose, handle, nowSec))
    .returning();
  return row ? { adminId: row.adminId, data: row.data as T, expiresAtSec: row.expiresAtSec } : undefined;
}
