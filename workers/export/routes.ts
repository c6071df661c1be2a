import { Hono } from "hono";
import type { AppEnv } from "../http/request-context";

/**
 * GET /api/export/:dataset.:format (users, usage or invoices; csv or json), streamed, for a
 * signed-in admin's bearer token; a reseller gets its own users' rows. (Contract stub.)
 */
export const exportRoutes = new Hono<AppEnv>().get("/:file", (c) => c.body(null, 404));
