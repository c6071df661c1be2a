/**
 * The dashboard's queries, started by the route's preload so they run while the page's code is
 * still downloading (the first paint with data waits for whichever is slower, not for both in turn).
 * The router hands a preloaded answer to the page for a few seconds, and only once: later visits and
 * reloads ask the API again. Keys carry the sign-in (see `signedInQuery`), so a load started for one
 * admin never reaches the next.
 */
import { hasSession, request } from "../api/client";
import { DashboardSummary, SystemMetricsNow, TrafficSeries } from "../graphql/dashboard";
import type { TrafficRange } from "../graphql/generated/graphql";
import { signedInQuery } from "../lib/query";

export const summaryQuery = signedInQuery(() => request(DashboardSummary), "dashboardSummary");
export const metricsQuery = signedInQuery(
  async () => (await request(SystemMetricsNow)).systemMetrics,
  "systemMetricsNow",
);
export const seriesQuery = signedInQuery(
  async (range: TrafficRange) => (await request(TrafficSeries, { range })).trafficSeries,
  "trafficSeries",
);

export function preloadDashboard(): void {
  // Signed out, the layout sends the visitor to sign in: a load now could only be refused.
  if (!hasSession()) return;
  // The page reports failures where it shows them; an unclaimed preload must not log an unhandled rejection.
  summaryQuery.preload().catch(() => undefined);
  metricsQuery.preload().catch(() => undefined);
}
