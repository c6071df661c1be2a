import { eq, isNotNull } from "drizzle-orm";
import { auditBy } from "../../audit/record";
import { sealedChannelSecrets } from "../../channels/channels";
import { runBatch, type Statement } from "../../db/client";
import type { SignedInContext } from "../../graphql/context";
import { importSources, subscriptionSecretContext } from "../../import/table";
import { secretBox } from "../../lib/secret-box";
import { adminTotp } from "./table";

interface Sealed {
  sealed: string;
  /** The additional data it is bound to. */
  context: string;
  /** The statement that stores it resealed. */
  store: (sealed: string) => Statement;
}

/** Every value sealed with SECRETS_KEY: TOTP secrets, the Marzban/PasarGuard secrets imports keep, webhook secrets. */
async function sealedValues(ctx: SignedInContext): Promise<Sealed[]> {
  const totp = await ctx.db
    .select({ adminId: adminTotp.adminId, sealed: adminTotp.secretSealed })
    .from(adminTotp)
    .all();
  const sources = await ctx.db
    .select({
      id: importSources.id,
      kind: importSources.kind,
      instance: importSources.instance,
      sealed: importSources.subscriptionSecret,
    })
    .from(importSources)
    .where(isNotNull(importSources.subscriptionSecret))
    .all();
  return [
    ...totp.map((r) => ({
      sealed: r.sealed,
      context: `totp:admin:${r.adminId}`,
      store: (sealed: string) =>
        ctx.db.update(adminTotp).set({ secretSealed: sealed }).where(eq(adminTotp.adminId, r.adminId)),
    })),
    ...sources.map((r) => ({
      sealed: r.sealed!,
      context: subscriptionSecretContext(r.kind, r.instance),
      store: (sealed: string) =>
        ctx.db.update(importSources).set({ subscriptionSecret: sealed }).where(eq(importSources.id, r.id)),
    })),
    ...(await sealedChannelSecrets(ctx.db)),
  ];
}

/**
 * Step 2 of rotating SECRETS_KEY: every secret sealed under an older key is opened and sealed
 * again under the current (first) key, in one batch. Afterwards the old key can be dropped from
 * SECRETS_KEY. Returns how many secrets moved.
 */
export async function resealSecrets(ctx: SignedInContext): Promise<number> {
  const box = await secretBox(ctx.env.SECRETS_KEY);
  const stale = (await sealedValues(ctx)).filter((value) => box.needsResealing(value.sealed));
  const resealed = await Promise.all(stale.map(async (v) => box.seal(await box.open(v.sealed, v.context), v.context)));
  // Statements are built only after every await: drizzle queries are thenables, and a promise would run them.
  const updates = stale.map((value, i) => value.store(resealed[i]!));
  await runBatch(ctx.db, [
    ...updates,
    auditBy(ctx, { action: "auth.secrets_reseal", details: { resealed: stale.length, keyId: box.currentKeyId } }),
  ]);
  return stale.length;
}
