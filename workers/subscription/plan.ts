import { DomainError } from "../errors/domain-error";
import { pageSecurityHeaders } from "../http/security-headers";
import { settingsFromRows, subscriptionUrl, type Settings } from "../settings/settings";
import { deriveStatus } from "../users/status";
import { deviceFromHeaders, type DeviceFacts } from "./devices";
import type { Endpoint } from "./endpoint";
import { FORMAT_MEDIA, isFormat, type Format } from "./formats";
import { contentDisposition, subscriptionHeaders } from "./headers";
import { parseSettingsRows, type SubscriptionLookup, type SubscriptionUser } from "./load";
import { pickLanguage, type Language } from "./page-i18n";
import { ourFormatName } from "./legacy/paths";
import { isInactive, placeholderEndpoint } from "./placeholder";
import { userValues, type TemplateValues } from "./remarks";
import { chooseFormat, rulesFromStored, type FormatRule } from "./rules";

export type Target = Format | "page" | "info";

/** The page's inline script and styles are ours; nothing else may load or run. */
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The one answer for every link that leads nowhere: unknown or rotated tokens, unknown formats, hidden users, rules that say 404. */
const noSuchSubscription = () => new DomainError("NOT_FOUND", "no such subscription");

export interface PlanInput {
  lookup: SubscriptionLookup;
  /** The path's format, `info` or an old panel's client type (`/sub/:token/:format`), if it names one. */
  requested: string | undefined;
  headers: Headers;
  url: URL;
  nowSec: number;
  /** The database's answer once a plan asked to admit this device (`admit-device`). */
  deviceAdmitted?: boolean;
}

export interface ServePlan {
  kind: "serve";
  target: Target;
  user: SubscriptionUser;
  settings: Settings;
  values: TemplateValues;
  pageUrl: string;
  /** The page's language; "en" for everything else. */
  language: Language;
  /** Served instead of the user's servers (inactive user, device refused), if anything is. */
  placeholder: Endpoint | null;
  /** On every answer, a 304 included; the entity tag is the glue's, since it hashes what is rendered. */
  headers: Record<string, string>;
  /** Only with a body. */
  contentHeaders: Record<string, string>;
  /** A device the limit already knows, to mark as seen after the answer. */
  touchDevice: DeviceFacts | null;
}

export type ResponsePlan =
  | { kind: "refuse"; error: DomainError }
  /** The device limit is on and this device is new: the database decides, then plan again with its answer. */
  | { kind: "admit-device"; userId: number; device: DeviceFacts; limit: number }
  | ServePlan;

/**
 * What `/sub/:token[/:format]` answers, decided from what was loaded and what the client sent,
 * with no I/O: which format (forced by the path or chosen by the rules), refusals (unknown link,
 * blocked client, hidden inactive user), the placeholder (inactive user, device limit), headers.
 * One write may be needed first, admitting a new device under the limit: the plan asks for it
 * (`admit-device`) and is made again with `deviceAdmitted`.
 */
export function planResponse(
  input: PlanInput & { deviceAdmitted: boolean },
): Exclude<ResponsePlan, { kind: "admit-device" }>;
export function planResponse(input: PlanInput): ResponsePlan;
export function planResponse(input: PlanInput): ResponsePlan {
  const { lookup, requested, headers, url, nowSec } = input;
  // Old panels' client types (Marzban's v2ray-json, Remnawave's mihomo…) name our formats.
  const named = requested === undefined ? undefined : ourFormatName(requested);
  const forced: Target | undefined = named !== undefined && (named === "info" || isFormat(named)) ? named : undefined;
  if (!lookup.user || (requested !== undefined && !forced)) return refuse(noSuchSubscription());

  const { settings, rules } = settingsOfText(lookup.settingsText);
  const decision = chooseFormat(rules, headers);
  if (decision.action === "not_found") return refuse(noSuchSubscription());
  if (decision.action !== "serve")
    return refuse(new DomainError("FORBIDDEN", "this client may not fetch subscriptions"));
  const target: Target = forced ?? decision.format;

  const user: SubscriptionUser = { ...lookup.user, status: deriveStatus(lookup.user, nowSec) };
  const values = userValues(user, nowSec);
  let placeholder: Endpoint | null = null;
  if (isInactive(user.status)) {
    if (settings.inactiveUserResponse === "not_found") return refuse(noSuchSubscription());
    if (settings.inactiveUserResponse === "forbidden")
      return refuse(new DomainError("FORBIDDEN", `this subscription is ${user.status}`));
    placeholder = placeholderEndpoint(user.status, values);
  }

  const deviceHeaders: Record<string, string> = {};
  let touchDevice: DeviceFacts | null = null;
  // A user's own limit wins over the panel's; 0 turns the limit off for that user.
  const limit = user.deviceLimit ?? settings.deviceLimit;
  if (target !== "page" && target !== "info" && limit !== 0 && !placeholder) {
    deviceHeaders["x-hwid-active"] = "true";
    deviceHeaders["x-hwid-limit"] = String(limit);
    const device = deviceFromHeaders(headers);
    const refusedDevice = (why: string): Endpoint => ({
      ...placeholderEndpoint("disabled", values),
      remark: `📵 ${why}`,
    });
    if (!device) {
      deviceHeaders["x-hwid-not-supported"] = "true";
      placeholder = refusedDevice("This app does not send a device id: use one that does");
    } else if (lookup.deviceKnown) {
      touchDevice = device;
    } else if (input.deviceAdmitted === undefined) {
      return { kind: "admit-device", userId: user.id, device, limit };
    } else if (!input.deviceAdmitted) {
      deviceHeaders["x-hwid-max-devices-reached"] = "true";
      placeholder = refusedDevice(`Device limit of ${limit} reached: remove a device to add this one`);
    }
  }

  const pageUrl = subscriptionUrl(settings, url.origin, user.subToken);
  return {
    kind: "serve",
    target,
    user,
    settings,
    values,
    pageUrl,
    language: target === "page" ? pickLanguage(url.searchParams.get("lang"), headers.get("accept-language")) : "en",
    placeholder,
    headers: {
      ...subscriptionHeaders(user, settings, values, pageUrl),
      ...deviceHeaders,
      "cache-control": "private, no-cache",
    },
    contentHeaders: contentHeaders(target, user.username),
    touchDevice,
  };
}

/** The panel's settings and format rules, parsed and validated once per distinct settings text. */
const parsedSettings = new Map<string, { settings: Settings; rules: FormatRule[] }>();

/**
 * Every request carries the settings rows (its one statement reads them), but they change only
 * when an admin saves: parsing and validating them once per distinct text, instead of per request,
 * keeps the answer a function of the same text.
 */
function settingsOfText(text: string): { settings: Settings; rules: FormatRule[] } {
  let parsed = parsedSettings.get(text);
  if (parsed === undefined) {
    const rows = parseSettingsRows(text);
    parsed = {
      settings: settingsFromRows(rows),
      rules: rulesFromStored(rows.find((r) => r.key === "subscriptionRules")?.value),
    };
    // A handful of texts at most (one per settings save the isolate lived through): no LRU needed.
    if (parsedSettings.size >= 8) parsedSettings.clear();
    parsedSettings.set(text, parsed);
  }
  return parsed;
}

const refuse = (error: DomainError): ResponsePlan => ({ kind: "refuse", error });

function contentHeaders(target: Target, username: string): Record<string, string> {
  if (target === "info") return { "content-type": "application/json" };
  if (target === "page") return { "content-type": "text/html; charset=utf-8", ...pageSecurityHeaders(PAGE_CSP) };
  const media = FORMAT_MEDIA[target];
  return { "content-type": media.contentType, "content-disposition": contentDisposition(username, media.extension) };
}
