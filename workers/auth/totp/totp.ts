import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { Secret, TOTP } from "otpauth";
import type { Db } from "../../db/client";
import { type Limiter, spendOrRefuse } from "../../rate-limit/spend";
import { secretBox } from "../../lib/secret-box";
import { sha256Hex } from "../crypto";
import { adminTotp, totpBackupCodes } from "./table";

export const TOTP_ISSUER = "VortexPanel";
export const BACKUP_CODE_COUNT = 10;
/** Codes from the step before and after the current one are accepted: clocks drift. */
const WINDOW = 1;

const context = (adminId: number) => `totp:admin:${adminId}`;

function totpFor(secretBase32: string, label: string) {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh 160-bit secret, sealed for storage, and what the authenticator app needs to add it. */
export async function newTotpSecret(env: Env, adminId: number, username: string) {
  const secret = new Secret({ size: 20 }).base32;
  const sealed = await (await secretBox(env.SECRETS_KEY)).seal(secret, context(adminId));
  return { secret, sealed, uri: totpFor(secret, username).toString() };
}

/**
 * The 30-second step a code is valid for, or null. Comparison of the code is done by otpauth
 * against each step in the window; the secret never leaves this function.
 */
async function matchingStep(
  env: Env,
  adminId: number,
  sealed: string,
  code: string,
  nowMs: number,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const secret = await (await secretBox(env.SECRETS_KEY)).open(sealed, context(adminId));
  const totp = totpFor(secret, "");
  const delta = totp.validate({ token: code, timestamp: nowMs, window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: nowMs }) + delta;
}

/**
 * Checks a TOTP code against an admin's enrolled secret and uses it up: the step moves forward
 * atomically, so the same code (or an older one) is refused afterwards, even by a racing request.
 * `confirmedOnly: false` accepts the unconfirmed secret of an enrollment in progress.
 */
export async function acceptTotpCode(
  db: Db,
  env: Env,
  adminId: number,
  code: string,
  nowMs: number,
  confirmedOnly = true,
): Promise<boolean> {
  const row = await db.select().from(adminTotp).where(eq(adminTotp.adminId, adminId)).get();
  if (!row || (confirmedOnly && row.confirmedAtSec === null)) return false;
  const step = await matchingStep(env, adminId, row.secretSealed, code, nowMs);
  if (step === null || step <= row.lastStep) return false;
  const claimed = await db
    .update(adminTotp)
    .set({ lastStep: step })
    .where(and(eq(adminTotp.adminId, adminId), lt(adminTotp.lastStep, step)))
    .run();
  return claimed.meta.changes === 1;
}

const normaliseBackupCode = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();

/** Uses up one backup code; true if it was unused and belongs to the admin. */
export async function acceptBackupCode(db: Db, adminId: number, code: string, nowSec: number): Promise<boolean> {
  const normalised = normaliseBackupCode(code);
  if (!/^[a-z0-9]{10,32}$/.test(normalised)) return false;
  // Looked up by hash: equality on a SHA-256 of a random code leaks nothing usable about it.
  const used = await db
    .update(totpBackupCodes)
    .set({ usedAtSec: nowSec })
    .where(
      and(
        eq(totpBackupCodes.adminId, adminId),
        eq(totpBackupCodes.codeHash, await sha256Hex(normalised)),
        isNull(totpBackupCodes.usedAtSec),
      ),
    )
    .run();
  return used.meta.changes === 1;
}

/**
 * Wrong second-factor codes allowed per admin before it must wait. Kept apart from the password
 * limits: a correct password clears those, and must not buy another round of code guesses.
 * Five per five minutes is ~1,400 guesses a day against a million codes (three valid at a time).
 */
export const SECOND_FACTOR_LIMIT = { limit: 5, windowMs: 5 * 60_000 } as const;

/** `acceptSecondFactor` behind the per-admin limit of wrong codes. */
export async function acceptSecondFactorLimited(
  deps: { db: Db; env: Env; limiter: (key: string) => Limiter },
  adminId: number,
  code: string,
  nowSec: number,
) {
  const limiter = deps.limiter(`second-factor:admin:${adminId}`);
  // Counted before the code is checked, so concurrent guesses cannot outrun the limit.
  await spendOrRefuse([[limiter, SECOND_FACTOR_LIMIT]], "too many wrong codes");
  const factor = await acceptSecondFactor(deps.db, deps.env, adminId, code, nowSec);
  if (factor) await limiter.clear();
  return factor;
}

/** A TOTP code (six digits) or a backup code, whichever it looks like. */
export async function acceptSecondFactor(db: Db, env: Env, adminId: number, code: string, nowSec: number) {
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) return (await acceptTotpCode(db, env, adminId, trimmed, nowSec * 1000)) ? "totp" : null;
  return (await acceptBackupCode(db, adminId, trimmed, nowSec)) ? "backup-code" : null;
}

/**
 * Ten fresh backup codes (`xxxxx-xxxxx`, 50 bits each) and the statements that replace the
 * admin's old ones with their hashes. The plaintext is shown once and never stored.
 */
export async function newBackupCodes(
  db: Db,
  adminId: number,
): Promise<{ codes: string[]; statements: BatchItem<"sqlite">[] }> {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const bytes = crypto.getRandomValues(new Uint8Array(10));
    const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  const hashes = await Promise.all(codes.map((c) => sha256Hex(normaliseBackupCode(c))));
  return {
    codes,
    statements: [
      db.delete(totpBackupCodes).where(eq(totpBackupCodes.adminId, adminId)),
      db.insert(totpBackupCodes).values(hashes.map((codeHash) => ({ adminId, codeHash }))),
    ],
  };
}

/** Whether an admin has a confirmed TOTP factor, and how many backup codes it has left. */
export async function totpStatus(db: Db, adminId: number) {
  const row = await db
    .select({
      confirmedAtSec: adminTotp.confirmedAtSec,
      backupCodesLeft: sql<number>`(SELECT count(*) FROM ${totpBackupCodes} WHERE ${totpBackupCodes.adminId} = ${adminId} AND ${totpBackupCodes.usedAtSec} IS NULL)`,
    })
    .from(adminTotp)
    .where(eq(adminTotp.adminId, adminId))
    .get();
  return {
    enabled: row?.confirmedAtSec != null,
    enabledAtSec: row?.confirmedAtSec ?? null,
    backupCodesLeft: row?.confirmedAtSec != null ? row.backupCodesLeft : 0,
  };
}
