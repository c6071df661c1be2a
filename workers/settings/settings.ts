import { z } from "zod";
import { ROLES } from "../admins/table";
import { auditBy, type ActorContext } from "../audit/record";
import { runBatch, type Db } from "../db/client";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { legacyPathsSchema } from "../subscription/legacy/paths";
import { TEMPLATE_VARIABLES, unknownVariables, USER_VARIABLES } from "../subscription/remarks";
import { settings } from "./table";

const httpUrl = (example: string) =>
  z
    .string()
    .trim()
    .max(256)
    .refine(
      (v) => v === "" || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(v),
      `must be an http(s) URL, e.g. ${example}`,
    );

const urlPrefix = httpUrl("https://sub.example.com").transform((v) => v.replace(/\/+$/, ""));

const template = (allowed: readonly string[]) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(200)
    .superRefine((v, ctx) => {
      const unknown = unknownVariables(v, allowed);
      if (unknown.length)
        ctx.addIssue({
          code: "custom",
          message: `unknown variable {${unknown[0]}}; use ${allowed.map((n) => `{${n}}`).join(", ")}`,
        });
    });

/**
 * A browser origin: https://host[:port], exactly as browsers send it (no path, no trailing slash).
 * Plain http only for loopback, which browsers treat as secure (a local dashboard in development).
 */
const browserOrigin = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => {
    if (!/^https?:\/\/[^\s/?#@]+$/.test(v) || !URL.canParse(v)) return false;
    const url = new URL(v);
    return (
      url.origin === v && (url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname))
    );
  }, "must be an origin such as https://dash.example.com or https://dash.example.com:8443 (no path); http only for localhost");

/** Reminder thresholds: whole numbers in range, at most 5, kept sorted and without repeats. */
const thresholds = (min: number, max: number, unit: string) =>
  z
    .array(z.number().int().min(min, `at least ${min} ${unit}`).max(max, `at most ${max} ${unit}`))
    .max(5, "at most 5 thresholds")
    .transform((values) => [...new Set(values)].sort((a, b) => a - b));

const retentionDays = (min: number) =>
  z
    .number()
    .int()
    .min(min, min === 1 ? "at least 1 day" : `at least ${min} days`)
    .max(3650, "at most 3650 days (10 years)");

export const INACTIVE_USER_RESPONSES = ["placeholder", "forbidden", "not_found"] as const;
export const REFUND_POLICIES = ["revoke", "flag"] as const;

const settingFields = {
  /** Base of subscription links; empty means the address the panel was reached on. */
  subscriptionUrlPrefix: urlPrefix,
  /** The profile name clients show (`profile-title`); user variables only. */
  subscriptionTitle: template(USER_VARIABLES),
  /** How often clients refetch (`profile-update-interval`), in hours. */
  subscriptionUpdateIntervalHours: z.number().int().min(1, "at least 1 hour").max(168, "at most 168 hours"),
  /** `support-url`; empty leaves the header out. */
  subscriptionSupportUrl: httpUrl("https://t.me/your_support"),
  /** A message clients such as Happ and v2RayTun show (`announce`); empty leaves it out. */
  subscriptionAnnounce: z.string().trim().max(200),
  /** The name of each server in the user's client. */
  subscriptionRemarkTemplate: template(TEMPLATE_VARIABLES),
  /** What disabled, limited and expired users get: a placeholder that explains, a 403, or a 404. */
  inactiveUserResponse: z.enum(INACTIVE_USER_RESPONSES),
  /** Devices (by x-hwid) one user may fetch the subscription from; 0 turns the limit off. */
  deviceLimit: z.number().int().min(0).max(100),
  /** A Happ routing payload sent as `routing` with `routing-enable: true`; empty leaves both out. */
  subscriptionRouting: z
    .string()
    .trim()
    .max(4000)
    .regex(/^[\x21-\x7e]*$/, "must be one line of printable ASCII without spaces, as a header value"),
  /** `hide-settings: 1`: clients that honour it hide their server settings from the user. */
  subscriptionHideSettings: z.boolean(),
  /** What a card refund (Stripe charge.refunded) does: end the user's time now, or only flag the invoice for an admin. */
  billingRefundPolicy: z.enum(REFUND_POLICIES),
  /** Stripe Checkout computes and adds tax (Stripe Tax must be set up in the Stripe account). */
  billingAutomaticTax: z.boolean(),
  /** How long an invoice can be paid for. */
  invoiceTtlHours: z.number().int().min(1, "at least 1 hour").max(720, "at most 720 hours"),
  /** Roles whose admins must sign in with TOTP; one without it may only enroll after its password. */
  // Canonical order (and no repeats), so the same choice always reads back the same.
  totpRequiredRoles: z
    .array(z.enum(ROLES))
    .max(ROLES.length)
    .transform((roles) => ROLES.filter((role) => roles.includes(role))),
  /** Browser origins besides the panel's own that may call /graphql (CORS); the SPA itself needs none. */
  corsAllowedOrigins: z
    .array(browserOrigin)
    .max(20, "at most 20 origins")
    .transform((origins) => [...new Set(origins)]),
  /** Path prefixes of the panel users moved from (3x-ui /json/, Remnawave /, …) answered as /sub/ is; /sub/ needs none. */
  legacySubscriptionPaths: legacyPathsSchema,
  /** Hours between scheduled backups; 0 turns them off. */
  backupIntervalHours: z.number().int().min(0).max(168, "at most 168 hours (a week)"),
  /** Scheduled backups kept, newest first; older ones are deleted once both limits allow. */
  backupKeepCount: z.number().int().min(1, "keep at least 1").max(1000),
  /** Backups older than this many days are deleted (the newest one always stays). */
  backupKeepDays: z.number().int().min(1, "at least 1 day").max(3650),
  /** Nodes whose agent is older than the panel's built-in release are moved to it (update_agent) by the cron. */
  agentAutoUpdate: z.boolean(),
  /** Percentages of the data limit at which users are reminded (user.quota_reached), each once per period. */
  reminderUsagePercents: thresholds(1, 100, "percent"),
  /** Days before expiry at which users are reminded (user.expires_soon), each once per expiry date. */
  reminderDaysLeft: thresholds(1, 365, "days"),
  /** Failed sign-ins per login or address within 15 minutes that raise admin.sign_in_failures. */
  failedSignInAlertThreshold: z.number().int().min(1).max(1000),
  retentionHourlyDays: retentionDays(1),
  retentionDailyDays: retentionDays(30),
  retentionAuditDays: retentionDays(30),
  retentionEventDays: retentionDays(1),
  retentionSessionDays: retentionDays(1),
  /** Minutes over which a user's distinct client addresses are counted against its device limit. */
  sharingWindowMinutes: z.number().int().min(5, "at least 5 minutes").max(1440, "at most a day"),
};

/** Every setting with its default; a stored value overrides the default key by key. */
export const settingsSchema = z.object({
  subscriptionUrlPrefix: settingFields.subscriptionUrlPrefix.default(""),
  subscriptionTitle: settingFields.subscriptionTitle.default("VortexPanel"),
  subscriptionUpdateIntervalHours: settingFields.subscriptionUpdateIntervalHours.default(12),
  subscriptionSupportUrl: settingFields.subscriptionSupportUrl.default(""),
  subscriptionAnnounce: settingFields.subscriptionAnnounce.default(""),
  subscriptionRemarkTemplate: settingFields.subscriptionRemarkTemplate.default("{node} {protocol}"),
  inactiveUserResponse: settingFields.inactiveUserResponse.default("placeholder"),
  deviceLimit: settingFields.deviceLimit.default(0),
  subscriptionRouting: settingFields.subscriptionRouting.default(""),
  subscriptionHideSettings: settingFields.subscriptionHideSettings.default(false),
  billingRefundPolicy: settingFields.billingRefundPolicy.default("flag"),
  billingAutomaticTax: settingFields.billingAutomaticTax.default(false),
  invoiceTtlHours: settingFields.invoiceTtlHours.default(24),
  totpRequiredRoles: settingFields.totpRequiredRoles.default([]),
  corsAllowedOrigins: settingFields.corsAllowedOrigins.default([]),
  legacySubscriptionPaths: settingFields.legacySubscriptionPaths.default([]),
  backupIntervalHours: settingFields.backupIntervalHours.default(24),
  backupKeepCount: settingFields.backupKeepCount.default(14),
  backupKeepDays: settingFields.backupKeepDays.default(30),
  agentAutoUpdate: settingFields.agentAutoUpdate.default(false),
  reminderUsagePercents: settingFields.reminderUsagePercents.default([80]),
  reminderDaysLeft: settingFields.reminderDaysLeft.default([3]),
  failedSignInAlertThreshold: settingFields.failedSignInAlertThreshold.default(5),
  retentionHourlyDays: settingFields.retentionHourlyDays.default(30),
  retentionDailyDays: settingFields.retentionDailyDays.default(400),
  retentionAuditDays: settingFields.retentionAuditDays.default(365),
  retentionEventDays: settingFields.retentionEventDays.default(90),
  retentionSessionDays: settingFields.retentionSessionDays.default(30),
  sharingWindowMinutes: settingFields.sharingWindowMinutes.default(60),
});

/** Built from the bare fields: a partial of `settingsSchema` would fill each left-out key with its default. */
const updateSchema = z.object(settingFields).partial();
export type Settings = z.output<typeof settingsSchema>;

const DEFAULTS: Settings = settingsSchema.parse({});

/**
 * Settings from stored rows (key → JSON value). A stored value that no longer validates falls
 * back to its own default, rather than taking the other settings or the panel down with it.
 */
export function settingsFromRows(rows: readonly { key: string; value: unknown }[]): Settings {
  const result: Record<string, unknown> = { ...DEFAULTS };
  for (const { key, value } of rows) {
    const field = settingFields[key as keyof typeof settingFields];
    if (!field) continue;
    const parsed = field.safeParse(value);
    if (parsed.success) result[key] = parsed.data;
  }
  return result as Settings;
}

export async function readSettings(db: Db): Promise<Settings> {
  return settingsFromRows(await db.select().from(settings).all());
}

export async function updateSettings(ctx: ActorContext, rawInput: unknown): Promise<Settings> {
  const input = parseInput(updateSchema, rawInput);
  if (input.totpRequiredRoles && ctx.actor.role !== "owner")
    await refuseTotpPolicyChange(ctx.db, input.totpRequiredRoles);
  const entries = Object.entries(input).filter(([, v]) => v !== undefined);
  await runBatch(ctx.db, [
    ...entries.map(([key, value]) =>
      ctx.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }),
    ),
    auditBy(ctx, { action: "settings.update", targetType: "settings", details: input }),
  ]);
  return readSettings(ctx.db);
}

/**
 * Which roles must use TOTP is the owner's call: an admin who could lift it could lift it for
 * itself. Sending the current value back (a whole settings form) is not a change.
 */
async function refuseTotpPolicyChange(db: Db, wanted: readonly string[]) {
  // Both lists are in ROLES order (see the schema), so equal choices compare equal.
  if (wanted.join() !== (await readSettings(db)).totpRequiredRoles.join()) {
    throw new DomainError("FORBIDDEN", "only the owner may change which roles must use TOTP");
  }
}

export function subscriptionUrl(current: Settings, requestOrigin: string, token: string): string {
  return `${current.subscriptionUrlPrefix || requestOrigin}/sub/${token}`;
}
