/**
 * The dashboard's queries, started by the route's preload so they run while the page's code is
 * still downloading (the first paint with data waits for whichever is slower, not for both in turn).
 * A started load is reused for a moment by the page that preloaded it, then dropped: later visits
 * and refetches always ask the API again. Nothing is preloaded while signed out, and a load started
 * for one sign-in is never handed to the page after another (see `sessionGeneration`).
 */
import { hasSession, request } from "../api/client";
import { DashboardSummary, SystemMetricsNow } from "../graphql/dashboard";
import type { DashboardSummaryQuery, SystemMetricsNowQuery } from "../graphql/generated/graphql";
import { sessionGeneration } from "../session";

export type Summary = DashboardSummaryQuery;
export type Metrics = SystemMetricsNowQuery["systemMetrics"];

const REUSE_MS = 5_000;
interface Preloaded {
  at: number;
  session: number;
  summary: Promise<Summary> | null;
  metrics: Promise<Metrics> | null;
}
let preloaded: Preloaded | null = null;

const reusable = (): Preloaded | null =>
  preloaded && preloaded.session === sessionGeneration() && Date.now() - preloaded.at < REUSE_MS ? preloaded : null;

export function preloadDashboard(): void {
  // Signed out, the layout sends the visitor to sign in: a load now could only be refused.
  if (!hasSession() || reusable()) return;
  const summary = request(DashboardSummary);
  const metrics = request(SystemMetricsNow).then((d) => d.systemMetrics);
  // The page reports failures where it shows them; an unclaimed preload must not log an unhandled rejection.
  summary.catch(() => undefined);
  metrics.catch(() => undefined);
  preloaded = { at: Date.now(), session: sessionGeneration(), summary, metrics };
}

/** The preloaded result once, then fresh requests. */
function take<K extends "summary" | "metrics">(key: K): Preloaded[K] {
  const current = reusable();
  if (!current) return null;
  preloaded = { ...current, [key]: null };
  return current[key];
}

export const loadSummary = (): Promise<Summary> => take("summary") ?? request(DashboardSummary);
export const loadMetrics = (): Promise<Metrics> =>
  take("metrics") ?? request(SystemMetricsNow).then((d) => d.systemMetrics);
