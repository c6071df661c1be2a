import { Hono } from "hono";
import { DomainError } from "../errors/domain-error";
import { errorResponse } from "../errors/http";
import type { AppEnv } from "../http/request-context";
import { spend } from "../rate-limit/spend";
import { collectMetrics } from "./collect";
import { EXPOSITION_CONTENT_TYPE, exposition } from "./exposition";
import { isMetricsToken, readMetricsToken } from "./token";

/** Wrong or missing bearers one address may present per window before it is refused outright (429). */
export const METRICS_FAILURE_LIMIT = { limit: 10, windowMs: 15 * 60 * 1000 };

/**
 * GET /metrics: Prometheus text format for a bearer of the scrape token (settings → rotateMetricsToken).
 * Workers are public, so the token is required; with none set the endpoint does not exist (404).
 * Only failures are counted against the caller's address: a scraper with the right token every
 * 15 s costs no Durable Object call.
 */
export const metricsRoute = new Hono<AppEnv>().get("/", async (c) => {
  const stored = await readMetricsToken(c.var.db);
  if (!stored)
    throw new DomainError("NOT_FOUND", "metrics are off: rotate a metrics token in settings to turn them on");
  const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  if (!presented || !(await isMetricsToken(stored, presented))) {
    await spend(c.env, `metrics:${c.var.client.ip}`, METRICS_FAILURE_LIMIT.limit, METRICS_FAILURE_LIMIT.windowMs);
    return errorResponse(
      new DomainError("UNAUTHENTICATED", "send the metrics token as Authorization: Bearer <token>"),
      401,
      { "www-authenticate": 'Bearer realm="vortexpanel metrics"' },
    );
  }
  const families = await collectMetrics(c.var.db, Math.floor(Date.now() / 1000));
  return c.body(exposition(families), 200, {
    "content-type": EXPOSITION_CONTENT_TYPE,
    "cache-control": "no-store",
  });
});
