/**
 * CORS for the browser-facing API: the panel's own origin and the origins an admin listed
 * (settings.corsAllowedOrigins) get `Access-Control-Allow-Origin`; every other origin gets none,
 * so a browser on a foreign page can neither read a response nor send a preflighted request.
 * Sign-in travels in the Authorization header, never in cookies, so the header is the whole story.
 */
import type { Context } from "hono";
import { cors } from "hono/cors";
import { readSettings } from "../settings/settings";
import type { AppEnv } from "./request-context";

/** Settings are read only for a foreign origin: the SPA's own requests cost no query. */
export const apiCors = cors({
  origin: async (origin: string, c: Context<AppEnv>) => {
    if (!origin) return null;
    if (origin === new URL(c.req.url).origin) return origin;
    return (await readSettings(c.var.db)).corsAllowedOrigins.includes(origin) ? origin : null;
  },
  allowMethods: ["GET", "POST", "OPTIONS"],
  maxAge: 600,
});
