import { Hono } from "hono";
import type { AppEnv } from "../http/request-context";

/** GET /metrics: Prometheus text format for a bearer of the scrape token. (Contract stub.) */
export const metricsRoute = new Hono<AppEnv>().get("/", (c) => c.body(null, 404));
