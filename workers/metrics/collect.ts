import { count, eq } from "drizzle-orm";
import packageJson from "../../package.json";
import { notificationDeliveries, DELIVERY_STATUSES } from "../channels/table";
import { trafficTotals, usageHourly } from "../analytics/table";
import type { Db } from "../db/client";
import { NODE_STATUSES, nodes } from "../nodes/table";
import { USER_STATUSES, users } from "../users/table";
import type { MetricFamily } from "./exposition";

/**
 * Everything /metrics says, read in ONE D1 batch of a fixed set of statements, whatever the
 * number of users or nodes: users are only ever counted (GROUP BY over users_status_idx), never
 * listed, and no series carries a user (Prometheus keeps every label combination forever).
 */
export async function collectMetrics(db: Db, nowSec: number): Promise<MetricFamily[]> {
  const [userCounts, online, nodeRows, totals, deliveries] = await db.batch([
    db.select({ status: users.status, n: count() }).from(users).groupBy(users.status),
    // A usage_hourly row is written only for a user a push charged (ingest drops zero deltas), so
    // counting the hour's rows counts users with traffic, from the hour index alone (no table rows read).
    db
      .select({ n: count() })
      .from(usageHourly)
      .where(eq(usageHourly.hourSec, nowSec - (nowSec % 3600))),
    db
      .select({
        id: nodes.id,
        name: nodes.name,
        status: nodes.status,
        agentVersion: nodes.agentVersion,
        coreVersion: nodes.coreVersion,
        protocol: nodes.agentProtocol,
      })
      .from(nodes)
      .orderBy(nodes.id),
    db.select().from(trafficTotals).orderBy(trafficTotals.nodeId, trafficTotals.tag),
    db
      .select({ status: notificationDeliveries.status, n: count() })
      .from(notificationDeliveries)
      .groupBy(notificationDeliveries.status),
  ]);

  const node = (id: number) => String(id);
  // Every status gets a sample, zeros included: a series that vanishes at 0 breaks rate() and alerts.
  const tally = <S extends string>(statuses: readonly S[], rows: { status: S; n: number }[]) =>
    statuses.map((status) => ({ labels: { status }, value: rows.find((r) => r.status === status)?.n ?? 0 }));
  const nodeTotals = totals.filter((t) => t.tag === "");
  const inboundTotals = totals.filter((t) => t.tag !== "");
  // A node's total row carries its latest push that reached D1 (a usage shard's rollup).
  const lastPushes = nodeTotals.map((t) => ({ nodeId: t.nodeId, atSec: t.lastPushAtSec }));
  const directions = (labels: Record<string, string>, t: { upBytes: number; downBytes: number }) => [
    { labels: { ...labels, direction: "up" }, value: t.upBytes },
    { labels: { ...labels, direction: "down" }, value: t.downBytes },
  ];

  return [
    {
      name: "vortex_build_info",
      help: "The panel's release; always 1.",
      type: "gauge",
      samples: [{ labels: { version: packageJson.version }, value: 1 }],
    },
    {
      name: "vortex_users",
      help: "Users by status as stored (the minute cron moves users whose time ran out to expired).",
      type: "gauge",
      samples: tally(USER_STATUSES, userCounts),
    },
    {
      name: "vortex_users_online",
      help: "Users with traffic in the current UTC hour (usage_hourly); falls back toward 0 as each hour starts.",
      type: "gauge",
      samples: [{ value: online[0]?.n ?? 0 }],
    },
    {
      name: "vortex_nodes",
      help: "Nodes by status.",
      type: "gauge",
      samples: tally(
        NODE_STATUSES,
        NODE_STATUSES.map((status) => ({ status, n: nodeRows.filter((n) => n.status === status).length })),
      ),
    },
    {
      name: "vortex_node_up",
      help: "1 while the node's agent reports in and its core runs (status online), else 0.",
      type: "gauge",
      samples: nodeRows.map((n) => ({ labels: { node: node(n.id) }, value: n.status === "online" ? 1 : 0 })),
    },
    {
      name: "vortex_node_info",
      help: "A node's name, agent and core versions and agent protocol level; always 1 (join on node).",
      type: "gauge",
      samples: nodeRows.map((n) => ({
        labels: {
          node: node(n.id),
          name: n.name,
          agent_version: n.agentVersion ?? "",
          core_version: n.coreVersion ?? "",
          protocol: String(n.protocol ?? 1),
        },
        value: 1,
      })),
    },
    {
      name: "vortex_node_last_push_timestamp_seconds",
      help: "When the node's latest usage push that D1 has (rolled up by its usage shards) arrived, in Unix seconds.",
      type: "gauge",
      samples: lastPushes.map((p) => ({ labels: { node: node(p.nodeId) }, value: p.atSec ?? 0 })),
    },
    {
      name: "vortex_ingest_lag_seconds",
      help: "Seconds since the node's latest usage push that D1 has arrived, at scrape time: push interval plus rollup delay.",
      type: "gauge",
      samples: lastPushes.map((p) => ({
        labels: { node: node(p.nodeId) },
        value: Math.max(0, nowSec - (p.atSec ?? 0)),
      })),
    },
    {
      name: "vortex_usage_pushes_total",
      help: "Usage pushes applied from the node since it was added.",
      type: "counter",
      samples: nodeTotals.map((t) => ({ labels: { node: node(t.nodeId) }, value: t.pushes })),
    },
    {
      name: "vortex_node_traffic_bytes_total",
      help: "Bytes the node's users sent (up) and received (down), lifetime; never pruned.",
      type: "counter",
      samples: nodeTotals.flatMap((t) => directions({ node: node(t.nodeId) }, t)),
    },
    {
      name: "vortex_inbound_traffic_bytes_total",
      help: "Bytes through each inbound (tag) of each node as the core counts them, lifetime; never pruned.",
      type: "counter",
      samples: inboundTotals.flatMap((t) => directions({ node: node(t.nodeId), tag: t.tag }, t)),
    },
    {
      name: "vortex_notification_deliveries",
      help: "Notification deliveries kept in the delivery log, by status (retention prunes old ones, so this is not a counter).",
      type: "gauge",
      samples: tally(DELIVERY_STATUSES, deliveries),
    },
  ];
}
