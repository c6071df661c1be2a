import { eq } from "drizzle-orm";
import { auditBy, type ActorContext } from "../audit/record";
import { runBatch, type Db } from "../db/client";
import { parseInput } from "../errors/validate";
import { settings } from "../settings/table";
import { rulesFromStored, rulesSchema, type FormatRule } from "./rules";

/** Rules live in the settings table under this key; absent means the defaults. */
export const RULES_KEY = "subscriptionRules";

export async function readRules(db: Db): Promise<FormatRule[]> {
  const row = await db.select().from(settings).where(eq(settings.key, RULES_KEY)).get();
  return rulesFromStored(row?.value);
}

/** Replaces the whole ordered rule list; an empty list sends every client base64 links. */
export async function replaceRules(ctx: ActorContext, rawRules: unknown): Promise<FormatRule[]> {
  const rules = parseInput(rulesSchema, rawRules);
  await runBatch(ctx.db, [
    ctx.db
      .insert(settings)
      .values({ key: RULES_KEY, value: rules })
      .onConflictDoUpdate({ target: settings.key, set: { value: rules } }),
    auditBy(ctx, { action: "subscription.rules.update", targetType: "settings", details: { rules } }),
  ]);
  return readRules(ctx.db);
}

/** Back to the built-in defaults (which then follow the panel's releases). */
export async function resetRules(ctx: ActorContext): Promise<FormatRule[]> {
  await runBatch(ctx.db, [
    ctx.db.delete(settings).where(eq(settings.key, RULES_KEY)),
    auditBy(ctx, { action: "subscription.rules.reset", targetType: "settings" }),
  ]);
  return readRules(ctx.db);
}
