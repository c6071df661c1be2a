import { eq } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/request-context";
import { isPageNavigation } from "../../http/spa-fallback";
import { settingsFromRows } from "../../settings/settings";
import { settings } from "../../settings/table";
import { lookupToken, respond } from "../route";
import { matchLegacyPath, mayBeLegacyPath } from "./paths";

const SETTING = "legacySubscriptionPaths";

/**
 * Old links under the prefixes the admin mapped (`legacySubscriptionPaths`), answered as /sub/ is.
 * Runs after every other route: what it does not take goes on to the not-found handler (the SPA
 * for page navigations). Mapped at `/`, a page navigation whose token is nobody's is the SPA's.
 */
export const legacySubscriptionPaths: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!mayBeLegacyPath(c.req.path)) return next();
  const stored = await c.var.db.select().from(settings).where(eq(settings.key, SETTING)).get();
  const match = matchLegacyPath(c.req.path, settingsFromRows(stored ? [stored] : []).legacySubscriptionPaths);
  if (!match) return next();
  const lookup = await lookupToken(c, match.token);
  if (match.root && !lookup.user && isPageNavigation(c.req.raw)) return next();
  return respond(c, lookup, match.requested);
};
