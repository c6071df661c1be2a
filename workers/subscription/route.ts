import { Hono, type Context } from "hono";
import type { AppEnv } from "../http/request-context";
import { settingsFromRows, subscriptionUrl, type Settings } from "../settings/settings";
import { deriveStatus } from "../users/status";
import { userEndpoints } from "./assemble";
import { RenderCache } from "./cache";
import { admitNewDevice, deviceFromHeaders, touchDevice } from "./devices";
import type { Endpoint } from "./endpoint";
import { FORMAT_MEDIA, isFormat, renderFormat, type Format } from "./formats";
import { contentDisposition, subscriptionHeaders } from "./headers";
import { subscriptionInfo } from "./info";
import {
  loadSubscription,
  parseServed,
  parseSettingsRows,
  type SubscriptionLookup,
  type SubscriptionUser,
} from "./load";
import { requesterPosition } from "./ordering";
import { renderPage } from "./page";
import { pickLanguage } from "./page-i18n";
import { isInactive, placeholderEndpoint } from "./placeholder";
import { userValues, type TemplateValues } from "./remarks";
import { chooseFormat, rulesFromStored } from "./rules";
import { toBase64Url } from "../lib/base64";
import { sha256 } from "../lib/sha256";

/** Tokens are 32 characters; anything longer is cut before the lookup so the work stays the same. */
const MAX_TOKEN_LENGTH = 64;

const cache = new RenderCache();

const json = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });

/**
 * The one answer for every link that leads nowhere: unknown or rotated tokens, unknown formats,
 * users the admin chose to hide, and rules that say 404. Same status, body and headers.
 */
export const notFoundResponse = () => json(404, "NOT_FOUND", "no such subscription");

/** If-None-Match holds this entity tag (or `*`), weak or strong. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || t.trim().replace(/^W\//, "") === bare);
}

type Target = Format | "page" | "info";

interface Served {
  user: SubscriptionUser;
  settings: Settings;
  values: TemplateValues;
  /** Why the user gets a placeholder instead of its servers, if it does. */
  placeholder: Endpoint | null;
  extraHeaders: Record<string, string>;
}

/**
 * The device limit, when on: a known device is let through, a new one takes a free place, and
 * past the limit (or from a client that sends no x-hwid) the user gets a placeholder.
 */
async function checkDevice(
  c: Context<AppEnv>,
  lookup: SubscriptionLookup,
  served: Served,
  nowSec: number,
): Promise<void> {
  // A user's own limit wins over the panel's; 0 turns the limit off for that user.
  const limit = served.user.deviceLimit ?? served.settings.deviceLimit;
  if (limit === 0 || served.placeholder) return;
  served.extraHeaders["x-hwid-active"] = "true";
  served.extraHeaders["x-hwid-limit"] = String(limit);
  const device = deviceFromHeaders(c.req.raw.headers);
  const reason = (text: string): Endpoint => ({
    ...placeholderEndpoint("disabled", served.values),
    remark: `📵 ${text}`,
  });
  if (!device) {
    served.extraHeaders["x-hwid-not-supported"] = "true";
    served.placeholder = reason("This app does not send a device id: use one that does");
    return;
  }
  if (lookup.deviceKnown) {
    c.executionCtx.waitUntil(touchDevice(c.var.db, served.user.id, device, nowSec));
    return;
  }
  if (!(await admitNewDevice(c.var.db, served.user.id, device, limit, nowSec))) {
    served.extraHeaders["x-hwid-max-devices-reached"] = "true";
    served.placeholder = reason(`Device limit of ${limit} reached: remove a device to add this one`);
  }
}

async function handle(c: Context<AppEnv>, token: string, requested: string | undefined): Promise<Response> {
  const nowSec = Math.floor(Date.now() / 1000);
  const headers = c.req.raw.headers;
  const lookup = await loadSubscription(
    c.var.db,
    token.slice(0, MAX_TOKEN_LENGTH),
    headers.get("x-hwid")?.slice(0, 64) ?? null,
  );
  const forced: Target | undefined =
    requested === undefined ? undefined : requested === "info" || isFormat(requested) ? requested : undefined;
  if (!lookup.user || (requested !== undefined && !forced)) return notFoundResponse();

  const settingsRows = parseSettingsRows(lookup.settingsText);
  const settings = settingsFromRows(settingsRows);
  const decision = chooseFormat(
    rulesFromStored(settingsRows.find((r) => r.key === "subscriptionRules")?.value),
    headers,
  );
  if (decision.action !== "serve") {
    return decision.action === "not_found"
      ? notFoundResponse()
      : json(403, "FORBIDDEN", "this client may not fetch subscriptions");
  }
  const target: Target = forced ?? decision.format;

  const stored = lookup.user;
  const user: SubscriptionUser = { ...stored, status: deriveStatus(stored, nowSec) };
  const values = userValues(user, nowSec);
  const served: Served = { user, settings, values, placeholder: null, extraHeaders: {} };
  if (isInactive(user.status)) {
    if (settings.inactiveUserResponse === "not_found") return notFoundResponse();
    if (settings.inactiveUserResponse === "forbidden")
      return json(403, "FORBIDDEN", `this subscription is ${user.status}`);
    served.placeholder = placeholderEndpoint(user.status, values);
  }
  if (target !== "page" && target !== "info") await checkDevice(c, lookup, served, nowSec);

  const url = new URL(c.req.url);
  const pageUrl = subscriptionUrl(settings, url.origin, user.subToken);
  const responseHeaders: Record<string, string> = {
    ...subscriptionHeaders(user, settings, values, pageUrl),
    ...served.extraHeaders,
    "cache-control": "private, no-cache",
  };
  if (target === "info") {
    return c.json(subscriptionInfo(user, nowSec, pageUrl), 200, responseHeaders);
  }

  const language =
    target === "page" ? pickLanguage(url.searchParams.get("lang"), headers.get("accept-language")) : "en";
  const requester = requesterPosition(c.req.raw.cf as { latitude?: unknown; longitude?: unknown } | undefined);
  // Everything the body depends on, so equal keys mean equal bodies (see cache.ts).
  const version = toBase64Url(
    await sha256(
      JSON.stringify([
        target,
        user,
        values,
        served.placeholder?.remark ?? null,
        requester,
        lookup.settingsText,
        lookup.servedText,
        target === "page" ? [pageUrl, language] : "",
      ]),
    ),
  );
  const etag = `W/"${version}"`;
  responseHeaders.etag = etag;
  if (matchesEtag(c.req.header("if-none-match"), etag))
    return new Response(null, { status: 304, headers: responseHeaders });

  const key = `${user.id}:${version}`;
  let body = cache.get(key);
  if (body === undefined) {
    const endpoints = served.placeholder
      ? [served.placeholder]
      : userEndpoints(user, parseServed(lookup.servedText), settings, values, requester);
    const rendered =
      target === "page"
        ? renderPage({
            user,
            values,
            endpoints,
            pageUrl,
            settings,
            inactive: served.placeholder !== null,
            nowSec,
            language,
          })
        : renderFormat(target, endpoints);
    if (rendered === null) return json(404, "NOT_FOUND", "this subscription has no server this format can carry");
    body = rendered;
    cache.set(key, body);
  }
  if (target === "page") {
    return new Response(body, {
      headers: {
        ...responseHeaders,
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": PAGE_CSP,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "strict-transport-security": HSTS,
      },
    });
  }
  const media = FORMAT_MEDIA[target];
  return new Response(body, {
    headers: {
      ...responseHeaders,
      "content-type": media.contentType,
      "content-disposition": contentDisposition(user.username, media.extension),
    },
  });
}

/** The page's inline script and styles are ours; nothing else may load or run. */
/** Browsers honour it only over HTTPS, where the panel is deployed; two years, as preload lists ask. */
export const HSTS = "max-age=63072000; includeSubDomains";
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** `/sub/:token`, `/sub/:token/:format` and `/sub/:token/info`; HEAD answers as GET without a body. */
export const subscriptionRoutes = new Hono<AppEnv>();
subscriptionRoutes.get("/:token", (c) => handle(c, c.req.param("token"), undefined));
subscriptionRoutes.get("/:token/:format", (c) => handle(c, c.req.param("token"), c.req.param("format")));
