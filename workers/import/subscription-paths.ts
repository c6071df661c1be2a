import type { ActorContext } from "../audit/record";
import { readSettings, updateSettings } from "../settings/settings";
import type { Format } from "../subscription/formats";
import { legacyPathSchema, legacyPathsSchema } from "../subscription/legacy/paths";
import { type ImportReport, note } from "./report";

/** Prefixes this panel answers whatever the setting says: ours, Marzban's default, Remnawave's backend route. */
const ALWAYS_SERVED = new Set(["/sub/", "/api/sub/"]);

/**
 * The old host's subscription prefixes become `legacySubscriptionPaths` entries, so a moved phone's
 * URL answers once its host name points here. A dry run only reports what it would add; a prefix
 * the setting cannot take is reported with the reason, never dropped silently.
 */
export async function planSubscriptionPaths(
  ctx: ActorContext,
  dryRun: boolean,
  report: ImportReport,
  paths: { plain: readonly string[]; xrayJson: readonly string[] },
): Promise<void> {
  const wanted = new Map<string, Format | null>();
  for (const prefix of paths.plain) wanted.set(prefix, null);
  for (const prefix of paths.xrayJson) wanted.set(prefix, "xray-json");

  const current = (await readSettings(ctx.db)).legacySubscriptionPaths;
  const next = [...current];
  const added: string[] = [];
  for (const [prefix, format] of wanted) {
    const issue = { kind: "setting" as const, key: prefix, name: "legacySubscriptionPaths" };
    if (ALWAYS_SERVED.has(prefix) || current.some((p) => p.prefix === prefix)) continue;
    const parsed = legacyPathSchema.safeParse({ prefix, format });
    const candidate = parsed.success ? [...next, parsed.data] : next;
    const fits = parsed.success && legacyPathsSchema.safeParse(candidate).success;
    if (!fits) {
      const why = parsed.success ? "the setting holds at most 10 paths" : parsed.error.issues[0]?.message;
      note(report, "unmapped", { ...issue, reason: `old subscription links under ${prefix} cannot be mapped: ${why}` });
      continue;
    }
    next.push(parsed.data);
    added.push(prefix);
    note(report, "adjusted", {
      ...issue,
      reason: `old subscription links under ${prefix}${format ? ` (${format})` : ""} ${dryRun ? "would answer" : "answer"} here once the old host name points at this panel`,
    });
  }
  if (!dryRun && added.length) await updateSettings(ctx, { legacySubscriptionPaths: next });
}
