import { eq } from "drizzle-orm";
import { auditBy } from "../../audit/record";
import { runBatch } from "../../db/client";
import type { SignedInContext } from "../../graphql/context";
import { secretBox } from "../../lib/secret-box";
import { adminTotp } from "./table";

/**
 * Step 2 of rotating SECRETS_KEY: every TOTP secret sealed under an older key is opened and
 * sealed again under the current (first) key, in one batch. Afterwards the old key can be
 * dropped from SECRETS_KEY. Returns how many secrets moved.
 */
export async function resealSecrets(ctx: SignedInContext): Promise<number> {
  const box = await secretBox(ctx.env.SECRETS_KEY);
  const rows = await ctx.db
    .select({ adminId: adminTotp.adminId, sealed: adminTotp.secretSealed })
    .from(adminTotp)
    .all();
  const stale = rows.filter((r) => box.needsResealing(r.sealed));
  const resealed = await Promise.all(
    stale.map(async (r) => {
      const context = `totp:admin:${r.adminId}`;
      return { adminId: r.adminId, sealed: await box.seal(await box.open(r.sealed, context), context) };
    }),
  );
  // Built outside the async map: drizzle queries are thenables, and a promise would run them.
  const updates = resealed.map((r) =>
    ctx.db.update(adminTotp).set({ secretSealed: r.sealed }).where(eq(adminTotp.adminId, r.adminId)),
  );
  await runBatch(ctx.db, [
    ...updates,
    auditBy(ctx, { action: "auth.secrets_reseal", details: { resealed: stale.length, keyId: box.currentKeyId } }),
  ]);
  return stale.length;
}
