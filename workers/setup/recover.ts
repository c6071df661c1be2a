import { eq } from "drizzle-orm";
import { z } from "zod";
import { passwordSchema } from "../admins/service";
import { admins } from "../admins/table";
import { auditInsert } from "../audit/record";
import { timingSafeEqualText } from "../auth/crypto";
import { hashPassword } from "../auth/password";
import { revokeSessionsOf } from "../auth/sessions";
import { adminTotp, totpBackupCodes } from "../auth/totp/table";
import { runBatch, type Db } from "../db/client";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";

const recoverSchema = z.object({ newPassword: passwordSchema });

/**
 * The owner's way back in after losing its authenticator, passkeys or allowed network: whoever
 * holds the deployment's VORTEX_SETUP_TOKEN secret (i.e. can run `wrangler secret put`) sets a
 * new owner password. TOTP and its backup codes are removed, password sign-in is switched back
 * on, the IP allowlist is cleared and every owner session ends. Passkeys stay; the owner removes
 * any it lost from its security page.
 */
export async function recoverOwner(
  db: Db,
  deps: { setupToken: string | undefined; presentedToken: string; ip: string; nowSec: number },
  rawInput: unknown,
) {
  if (!deps.setupToken)
    throw new DomainError("NOT_FOUND", "recovery is not enabled: set the VORTEX_SETUP_TOKEN secret to enable it");
  if (!timingSafeEqualText(deps.presentedToken, deps.setupToken))
    throw new DomainError("UNAUTHENTICATED", "setup token is wrong");
  const input = parseInput(recoverSchema, rawInput);
  const owner = await db.select().from(admins).where(eq(admins.role, "owner")).get();
  if (!owner) throw new DomainError("NOT_FOUND", "there is no owner yet: run setup");
  await runBatch(db, [
    db
      .update(admins)
      .set({
        passwordHash: await hashPassword(input.newPassword),
        passwordLoginDisabled: false,
        ipAllowlist: null,
        disabled: false,
        updatedAtSec: deps.nowSec,
      })
      .where(eq(admins.id, owner.id)),
    db.delete(adminTotp).where(eq(adminTotp.adminId, owner.id)),
    db.delete(totpBackupCodes).where(eq(totpBackupCodes.adminId, owner.id)),
    revokeSessionsOf(db, owner.id, "owner recovery", deps.nowSec),
    auditInsert(
      db,
      { actor: null, ip: deps.ip, nowSec: deps.nowSec },
      { action: "auth.owner_recovery", targetType: "admin", targetId: owner.id },
    ),
  ]);
  return { username: owner.username };
}
