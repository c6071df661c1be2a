import type { Settings } from "../settings/settings";
import { nextRefillAtSec } from "./refill";
import { fillTemplate, type TemplateValues } from "./remarks";
import type { SubscriptionUser } from "./load";
import { textToBase64 } from "../lib/base64";

/**
 * `content-disposition` with a plain ASCII `filename` for old clients and an RFC 5987
 * `filename*` carrying the exact UTF-8 name.
 *
 * @example contentDisposition("alice", "yaml") // `attachment; filename="alice.yaml"; filename*=UTF-8''alice.yaml`
 */
export function contentDisposition(name: string, extension: string): string {
  const file = `${name}.${extension}`;
  const ascii = file.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(file).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * `upload=0; download=<used>; total=<limit>; expire=<unix>`: all usage in download (as Marzban,
 * PasarGuard and Remnawave send it: the panel counts one total), 0 for unlimited and never.
 */
export function subscriptionUserinfo(
  user: Pick<SubscriptionUser, "usedBytes" | "dataLimitBytes" | "expireAtSec">,
): string {
  return `upload=0; download=${user.usedBytes}; total=${user.dataLimitBytes ?? 0}; expire=${user.expireAtSec ?? 0}`;
}

/** The informational headers every subscription response carries. */
export function subscriptionHeaders(
  user: SubscriptionUser,
  settings: Settings,
  values: TemplateValues,
  pageUrl: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    "subscription-userinfo": subscriptionUserinfo(user),
    "profile-update-interval": String(settings.subscriptionUpdateIntervalHours),
    "profile-title": `base64:${textToBase64(fillTemplate(settings.subscriptionTitle, values))}`,
    "profile-web-page-url": pageUrl,
  };
  if (settings.subscriptionSupportUrl) headers["support-url"] = settings.subscriptionSupportUrl;
  if (settings.subscriptionAnnounce)
    headers.announce = `base64:${textToBase64(fillTemplate(settings.subscriptionAnnounce, values))}`;
  // routing-enable is left out, not sent as false, when there is no routing (3x-ui #6008).
  if (settings.subscriptionRouting)
    Object.assign(headers, { routing: settings.subscriptionRouting, "routing-enable": "true" });
  if (settings.subscriptionHideSettings) headers["hide-settings"] = "1";
  const refill = nextRefillAtSec(user.resetStrategy, user.periodStartedAtSec, user.createdAtSec);
  if (refill !== null) headers["subscription-refill-date"] = String(refill);
  return headers;
}
