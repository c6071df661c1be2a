/**
 * What a buyer gets from a plan, in words, under the apply rule (workers/billing/plans/apply.ts,
 * README "Billing"): a LIMITED or EXPIRED user is renewed, anyone else is extended; the plan's
 * reset strategy, device limit (if set) and groups (if any) replace the user's.
 */
import { locale as currentLocale, t as translate } from "../../i18n";
import "../../i18n/billing/plans";
import { formatBytes } from "../../lib/format";
import type { ResetStrategy } from "../../graphql/generated/graphql";

export interface PlanTermsPreview {
  /** Bytes; null is unlimited. */
  dataLimit: number | null;
  /** Null is no expiry. */
  durationDays: number | null;
  resetStrategy: ResetStrategy;
  /** Null leaves the user's as it is; 0 is no limit. */
  deviceLimit: number | null;
  groupNames: string[];
}

/**
 * One sentence per effect, in the current language (or the `t` and `locale` given):
 * the renewal, the extension, the wait of a user on hold, then reset strategy, devices and groups.
 */
export function planPreview(terms: PlanTermsPreview, t = translate, locale = currentLocale()): string[] {
  const data = terms.dataLimit === null ? null : formatBytes(terms.dataLimit, locale);
  const days = terms.durationDays;
  const sentences = [
    data === null
      ? days === null
        ? t("plans.preview.renewUnlimitedNoExpiry")
        : t("plans.preview.renewUnlimited", { count: days })
      : days === null
        ? t("plans.preview.renewNoExpiry", { data })
        : t("plans.preview.renew", { data, count: days }),
    data === null
      ? days === null
        ? t("plans.preview.extendUnlimitedNoExpiry")
        : t("plans.preview.extendUnlimited", { count: days })
      : days === null
        ? t("plans.preview.extendNoExpiry", { data })
        : t("plans.preview.extend", { data, count: days }),
  ];
  if (days !== null) sentences.push(t("plans.preview.onHold", { count: days }));
  sentences.push(
    terms.resetStrategy === "NONE"
      ? t("plans.preview.resetNever")
      : t("plans.preview.reset", { strategy: t(`reset.${terms.resetStrategy}`).toLowerCase() }),
  );
  sentences.push(
    terms.deviceLimit === null
      ? t("plans.preview.devicesKept")
      : terms.deviceLimit === 0
        ? t("plans.preview.devicesUnlimited")
        : t("plans.preview.devices", { count: terms.deviceLimit }),
  );
  sentences.push(
    terms.groupNames.length === 0
      ? t("plans.preview.groupsKept")
      : t("plans.preview.groups", { groups: terms.groupNames.join(", ") }),
  );
  return sentences;
}
