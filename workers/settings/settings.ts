import { z } from "zod";
import { auditBy, type ActorContext } from "../audit/record";
import { runBatch, type Db } from "../db/client";
import { parseInput } from "../errors/validate";
import { settings } from "./table";

const urlPrefix = z
  .string()
  .trim()
  .max(256)
  .refine((v) => v === "" || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(v), "must be an http(s) URL, e.g. https://sub.example.com")
  .transform((v) => v.replace(/\/+$/, ""));

const settingFields = {
  /** Base of subscription links; empty means the address the panel was reached on. */
  subscriptionUrlPrefix: urlPrefix,
};

/** Every setting with its default; a stored value overrides the default key by key. */
export const settingsSchema = z.object({
  subscriptionUrlPrefix: settingFields.subscriptionUrlPrefix.default(""),
});

/** Built from the bare fields: a partial of `settingsSchema` would fill each left-out key with its default. */
const updateSchema = z.object(settingFields).partial();
export type Settings = z.output<typeof settingsSchema>;

export async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.select().from(settings).all();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  // A stored value that no longer validates falls back to its default rather than breaking the panel.
  const parsed = settingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export async function updateSettings(ctx: ActorContext, rawInput: unknown): Promise<Settings> {
  const input = parseInput(updateSchema, rawInput);
  const entries = Object.entries(input).filter(([, v]) => v !== undefined);
  await runBatch(ctx.db, [
    ...entries.map(([key, value]) =>
      ctx.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }),
    ),
    auditBy(ctx, { action: "settings.update", targetType: "settings", details: input }),
  ]);
  return readSettings(ctx.db);
}

export function subscriptionUrl(current: Settings, requestOrigin: string, token: string): string {
  return `${current.subscriptionUrlPrefix || requestOrigin}/sub/${token}`;
}
