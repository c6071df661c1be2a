/**
 * The dashboard's queries, started by the route's preload so they run while the page's code is
 * still downloading (the first paint with data waits for whichever is slower, not for both in turn).
 * A started load is reused for a moment by the page that preloaded it, then dropped: later visits
 * and refetches always ask the API again.
 */
import { request } from "../api/client";
import { DashboardSummary, SystemMetricsNow } from "../graphql/dashboard";

export interface UserCounts {
  total: number;
  active: number;
  disabled: number;
  limited: number;
  expired: number;
  onHold: number;
}
export interface Summary {
  systemStatus: { version: string; servers: number; inbounds: number; groups: number; users: UserCounts };
  servers: { id: string; status: string }[];
  healthCheck: { ok: boolean; database: boolean; time: string };
}
export interface Metrics {
  at: string;
  serversOnline: number;
  serversOffline: number;
  serversDegraded: number;
  uploadRate: number;
  downloadRate: number;
  users: UserCounts;
}

const REUSE_MS = 5_000;
let preloaded: { at: number; summary: Promise<Summary>; metrics: Promise<Metrics> } | null = null;

export function preloadDashboard(): void {
  if (preloaded && Date.now() - preloaded.at < REUSE_MS) return;
  const summary = request<Summary>(DashboardSummary);
  const metrics = request<{ systemMetrics: Metrics }>(SystemMetricsNow).then((d) => d.systemMetrics);
  // The page reports failures where it shows them; an unclaimed preload must not log an unhandled rejection.
  summary.catch(() => undefined);
  metrics.catch(() => undefined);
  preloaded = { at: Date.now(), summary, metrics };
}

/** The preloaded result once, then fresh requests. */
function take<K extends "summary" | "metrics">(key: K): NonNullable<typeof preloaded>[K] | null {
  if (!preloaded || Date.now() - preloaded.at >= REUSE_MS) return null;
  const promise = preloaded[key];
  preloaded = { ...preloaded, [key]: null as never };
  return promise;
}

export const loadSummary = (): Promise<Summary> => take("summary") ?? request<Summary>(DashboardSummary);
export const loadMetrics = (): Promise<Metrics> =>
  take("metrics") ?? request<{ systemMetrics: Metrics }>(SystemMetricsNow).then((d) => d.systemMetrics);
