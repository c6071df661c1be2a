import { Hono, type Context } from "hono";
import { tryDecodeURIComponent } from "hono/utils/url";
import type { Db } from "../db/client";
import { DomainError } from "../errors/domain-error";
import { emitEvents } from "../events/emit";
import type { AppEnv } from "../http/request-context";
import { toBase64Url } from "../lib/base64";
import { sha256 } from "../lib/sha256";
import { userEndpoints } from "./assemble";
import { RenderCache } from "./cache";
import { admitNewDevice, touchDevice } from "./devices";
import { renderFormat } from "./formats";
import { subscriptionInfo } from "./info";
import { servedAsPinned } from "../config-history/pinned";
import { forgetLookup, keepLookup, keptLookup } from "./lookup-window";
import { loadSubscription, parseServed, parseSettingsRows, type SubscriptionLookup } from "./load";
import { botFromRows } from "../channels/telegram/bot";
import { requesterPosition } from "./ordering";
import { resolveLegacyToken } from "./legacy/lookup";
import { renderPage } from "./page";
import { planResponse, type ServePlan } from "./plan";

/**
 * Our tokens are 32 characters; imported ones (3x-ui subIds, Remnawave shortUuids) 16 to 128. A
 * path segment of any other shape is looked up as a value no user has, so every request costs the
 * same statement whatever it sent.
 */
const OWN_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

const cache = new RenderCache();

/** If-None-Match holds this entity tag (or `*`), weak or strong. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || t.trim().replace(/^W\//, "") === bare);
}

/**
 * The subscription behind a link's token: ours in one statement; only when it is not one of ours
 * and has a Marzban/PasarGuard form, the legacy lookup (one statement) and then the user it names.
 */
export async function lookupToken(c: Context<AppEnv>, token: string): Promise<SubscriptionLookup> {
  const hwid = c.req.header("x-hwid")?.slice(0, 64) ?? null;
  const freshForMs = Number(c.env.SUBSCRIPTION_LOOKUP_CACHE_SEC) * 1000 || 0;
  if (freshForMs <= 0 || personLooking(c)) return readLookup(c, token, hwid);
  // A header value cannot hold a line break, so the key cannot be forged from another pair.
  const key = `${token}\n${hwid ?? ""}`;
  const nowMs = Date.now();
  const kept = keptLookup(key, nowMs);
  if (kept) return kept;
  const lookup = await readLookup(c, token, hwid);
  keepLookup(key, lookup, nowMs + freshForMs);
  return lookup;
}

/**
 * A browser navigation (what the default rule serves the page to). A person there has just done
 * something and looks for it: a payer back from paying, an admin checking a change. They see what
 * is stored now; the window is for apps refreshing, and their own fetches bring no news anyway.
 */
const personLooking = (c: Context<AppEnv>) => c.req.header("accept")?.toLowerCase().includes("text/html") ?? false;

/**
 * From any read replica (design item 4 of docs/scale.md: at 1M users the fetches are 278 reads/s
 * the primary need not take). A token no replica knows is asked of the primary as well: a link
 * made seconds ago may not have reached the replica yet, and its first fetch must work.
 */
async function readLookup(c: Context<AppEnv>, token: string, hwid: string | null): Promise<SubscriptionLookup> {
  const replicated = await lookupIn(c.var.readReplica(), c.env.SECRETS_KEY, token, hwid);
  return replicated.user ? replicated : lookupIn(c.var.db, c.env.SECRETS_KEY, token, hwid);
}

async function lookupIn(db: Db, secretsKey: string, token: string, hwid: string | null): Promise<SubscriptionLookup> {
  const own = await loadSubscription(db, OWN_TOKEN.test(token) ? token : "", hwid);
  if (own.user) return own;
  const subToken = await resolveLegacyToken(db, secretsKey, token);
  return subToken === null ? own : loadSubscription(db, subToken, hwid);
}

/**
 * Plans (plan.ts decides everything), admits a new device if the plan asks, then answers.
 * `requested` is the path's format or client type, if it names one.
 */
export async function respond(
  c: Context<AppEnv>,
  lookup: SubscriptionLookup,
  requested: string | undefined,
): Promise<Response> {
  const nowSec = Math.floor(Date.now() / 1000);
  const input = { lookup, requested, headers: c.req.raw.headers, url: new URL(c.req.url), nowSec };
  const first = planResponse(input);
  let plan: Exclude<typeof first, { kind: "admit-device" }>;
  if (first.kind === "admit-device") {
    // The plan asks to admit a device only for a user it found.
    const admission = await admitNewDevice(c.var.db, lookup.user!, first.device, first.limit, nowSec);
    // The kept lookup says this device is unknown: the next fetch must read what was just written.
    forgetLookup(lookup);
    if (admission.newDevice) emitEvents(c.env, (p) => c.executionCtx.waitUntil(p), [admission.newDevice]);
    plan = planResponse({ ...input, deviceAdmitted: admission.admitted });
  } else plan = first;
  if (plan.kind === "refuse") throw plan.error;
  if (plan.touchDevice) c.executionCtx.waitUntil(touchDevice(c.var.db, plan.user.id, plan.touchDevice, nowSec));
  return answer(c, plan, lookup, nowSec);
}

const handle = async (c: Context<AppEnv>, token: string, requested: string | undefined) =>
  respond(c, await lookupToken(c, token), requested);

/** The body the plan names, with an entity tag over everything it depends on, from the cache when it can be. */
async function answer(c: Context<AppEnv>, plan: ServePlan, lookup: SubscriptionLookup, nowSec: number) {
  const { target, user, values, placeholder, pageUrl, settings, language } = plan;
  if (target === "info") {
    return new Response(JSON.stringify(subscriptionInfo(user, nowSec, pageUrl)), {
      headers: { ...plan.headers, ...plan.contentHeaders },
    });
  }
  const requester = requesterPosition(c.req.raw.cf as { latitude?: unknown; longitude?: unknown } | undefined);
  // Everything the body depends on, so equal keys mean equal bodies (see cache.ts).
  const version = toBase64Url(
    await sha256(
      JSON.stringify([
        target,
        user,
        values,
        placeholder?.remark ?? null,
        requester,
        lookup.settingsText,
        lookup.servedText,
        target === "page" ? [pageUrl, language] : "",
      ]),
    ),
  );
  const headers = { ...plan.headers, etag: `W/"${version}"` };
  if (matchesEtag(c.req.header("if-none-match"), headers.etag)) return new Response(null, { status: 304, headers });

  const key = `${user.id}:${version}`;
  let body = cache.get(key);
  if (body === undefined) {
    const endpoints = placeholder
      ? [placeholder]
      : userEndpoints(
          user,
          await servedAsPinned(c.env.BUCKET, parseServed(lookup.servedText)),
          settings,
          values,
          requester,
        );
    const rendered =
      target === "page"
        ? renderPage({
            ...{ user, values, endpoints, pageUrl, settings, inactive: placeholder !== null, nowSec, language },
            // The bot's row is among the settings rows, so the entity tag above already covers it.
            telegramUrl: botFromRows(parseSettingsRows(lookup.settingsText)) ? `${pageUrl}/telegram` : null,
          })
        : renderFormat(target, endpoints);
    if (rendered === null) throw new DomainError("NOT_FOUND", "this subscription has no server this format can carry");
    body = rendered;
    cache.set(key, body);
  }
  return new Response(body, { headers: { ...headers, ...plan.contentHeaders } });
}

/**
 * `/sub/:token`, `/sub/:token/:format` and `/sub/:token/info`; HEAD answers as GET without a body.
 * Marzban's links may end in a slash and name its client types (`/sub/<token>/v2ray-json`).
 *
 * One wildcard route, not `/:token/:format`: a param beside the payer's and Telegram's static
 * `/sub/:token/…` routes is a shape Hono's RegExpRouter refuses, and the TrieRouter it then uses
 * for the whole app cost about a tenth of a cached /sub request's CPU. The handler takes what the
 * param took (one segment, decoded alike) and passes deeper paths on, as the router did.
 */
export const subscriptionRoutes = new Hono<AppEnv>();
subscriptionRoutes.get("/:token/*", (c, next) => {
  const rest = c.req.path.split("/").slice(c.req.routePath.split("/").length - 1);
  if (rest.length > 1) return next();
  const format = rest[0] ? tryDecodeURIComponent(rest[0]) : undefined;
  return handle(c, c.req.param("token"), format);
});
