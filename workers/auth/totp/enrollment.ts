import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { admins } from "../../admins/table";
import { auditBy } from "../../audit/record";
import { runBatch } from "../../db/client";
import { DomainError } from "../../errors/domain-error";
import { parseInput } from "../../errors/validate";
import type { SignedInContext } from "../../graphql/context";
import { qrSvg } from "../../subscription/qr";
import { sessions } from "../table";
import { acceptSecondFactorLimited, acceptTotpCode, newBackupCodes, newTotpSecret, totpStatus } from "./totp";
import { adminTotp, totpBackupCodes } from "./table";

const codeSchema = z.string().trim().min(1, "code is required").max(32);

const wrongCode = () =>
  new DomainError("BAD_USER_INPUT", "the code is wrong or was already used", {
    fields: [{ path: "code", message: "the code is wrong or was already used" }],
  });

/**
 * Starts (or restarts) TOTP enrollment: a new secret, not yet in force. The secret is returned
 * this once, as text, as an otpauth:// URI and as a QR code, for the authenticator app.
 */
export async function beginTotpEnrollment(ctx: SignedInContext) {
  if ((await totpStatus(ctx.db, ctx.actor.id)).enabled) {
    throw new DomainError("CONFLICT", "TOTP is already on; disable it first to enroll a new authenticator");
  }
  const { secret, sealed, uri } = await newTotpSecret(ctx.env, ctx.actor.id, ctx.actor.username);
  const nowSec = ctx.nowSec();
  await ctx.db
    .insert(adminTotp)
    .values({ adminId: ctx.actor.id, secretSealed: sealed, createdAtSec: nowSec })
    .onConflictDoUpdate({
      target: adminTotp.adminId,
      set: { secretSealed: sealed, createdAtSec: nowSec, lastStep: 0, confirmedAtSec: null },
    });
  return { secret, uri, qrSvg: qrSvg(uri, "TOTP enrollment QR code") };
}

/**
 * Proves the authenticator app holds the secret and turns TOTP on. Returns ten backup codes,
 * shown this once. Sessions confined to enrolling are set free.
 */
export async function confirmTotpEnrollment(ctx: SignedInContext, rawCode: unknown) {
  const code = parseInput(codeSchema, rawCode);
  const pending = await ctx.db.select().from(adminTotp).where(eq(adminTotp.adminId, ctx.actor.id)).get();
  if (!pending) throw new DomainError("BAD_USER_INPUT", "start with beginTotpEnrollment");
  if (pending.confirmedAtSec !== null) throw new DomainError("CONFLICT", "TOTP is already on");
  if (!(await acceptTotpCode(ctx.db, ctx.env, ctx.actor.id, code, ctx.nowSec() * 1000, false))) throw wrongCode();
  const backup = await newBackupCodes(ctx.db, ctx.actor.id);
  await runBatch(ctx.db, [
    ctx.db
      .update(adminTotp)
      .set({ confirmedAtSec: ctx.nowSec() })
      .where(and(eq(adminTotp.adminId, ctx.actor.id), isNull(adminTotp.confirmedAtSec))),
    ...backup.statements,
    ctx.db.update(sessions).set({ mustEnrollTotp: false }).where(eq(sessions.adminId, ctx.actor.id)),
    auditBy(ctx, { action: "auth.totp_enable", targetType: "admin", targetId: ctx.actor.id }),
  ]);
  return backup.codes;
}

/** Requires a current TOTP or backup code: a stolen session alone cannot weaken the account. */
async function requireSecondFactor(ctx: SignedInContext, rawCode: unknown) {
  const code = parseInput(codeSchema, rawCode);
  const deps = { db: ctx.db, env: ctx.env, limiter: (key: string) => ctx.env.RATE_LIMITER.getByName(key) };
  if (!(await acceptSecondFactorLimited(deps, ctx.actor.id, code, ctx.nowSec()))) throw wrongCode();
}

/** Turns TOTP off and deletes the secret and backup codes. */
export async function disableTotp(ctx: SignedInContext, rawCode: unknown) {
  if (!(await totpStatus(ctx.db, ctx.actor.id)).enabled) throw new DomainError("CONFLICT", "TOTP is not on");
  await requireSecondFactor(ctx, rawCode);
  await runBatch(ctx.db, [
    ctx.db.delete(adminTotp).where(eq(adminTotp.adminId, ctx.actor.id)),
    ctx.db.delete(totpBackupCodes).where(eq(totpBackupCodes.adminId, ctx.actor.id)),
    auditBy(ctx, { action: "auth.totp_disable", targetType: "admin", targetId: ctx.actor.id }),
  ]);
  return true;
}

/** Replaces the backup codes with ten new ones; the old ones stop working. */
export async function regenerateBackupCodes(ctx: SignedInContext, rawCode: unknown) {
  if (!(await totpStatus(ctx.db, ctx.actor.id)).enabled) throw new DomainError("CONFLICT", "TOTP is not on");
  await requireSecondFactor(ctx, rawCode);
  const backup = await newBackupCodes(ctx.db, ctx.actor.id);
  await runBatch(ctx.db, [
    ...backup.statements,
    auditBy(ctx, { action: "auth.backup_codes_regenerate", targetType: "admin", targetId: ctx.actor.id }),
  ]);
  return backup.codes;
}

/** The factors of the signed-in admin, for its security page. */
export async function twoFactorOverview(ctx: SignedInContext) {
  const [totp, admin] = await Promise.all([
    totpStatus(ctx.db, ctx.actor.id),
    ctx.db
      .select({ passwordLoginDisabled: admins.passwordLoginDisabled })
      .from(admins)
      .where(eq(admins.id, ctx.actor.id))
      .get(),
  ]);
  return {
    totpEnabled: totp.enabled,
    totpEnabledAt: totp.enabledAtSec,
    backupCodesLeft: totp.backupCodesLeft,
    passwordLoginDisabled: admin?.passwordLoginDisabled ?? false,
    mustEnrollTotp: ctx.actor.mustEnrollTotp,
  };
}
