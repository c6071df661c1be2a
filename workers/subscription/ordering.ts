import type { NodeStatus } from "../nodes/table";

export interface Coordinates {
  latitude: number;
  longitude: number;
}

interface Placed {
  nodeId: number;
  status: NodeStatus;
  latitude: number | null;
  longitude: number | null;
}

const HEALTH_RANK: Record<NodeStatus, number> = { online: 0, degraded: 1, offline: 2, pending: 3 };

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Orders a user's servers for a requester: when any node is online, the others (degraded,
 * offline, never enrolled) are left out, since a client would only time out on them; with none
 * online every node stays, healthiest first. Then nearest first (nodes without a location after
 * located ones), then by id so the order is stable.
 */
export function orderByHealthAndDistance<T extends Placed>(items: readonly T[], requester: Coordinates | null): T[] {
  const anyOnline = items.some((i) => i.status === "online");
  const kept = anyOnline ? items.filter((i) => i.status === "online") : [...items];
  const distance = (i: T) =>
    requester && i.latitude !== null && i.longitude !== null
      ? distanceKm(requester, { latitude: i.latitude, longitude: i.longitude })
      : Number.POSITIVE_INFINITY;
  return kept
    .map((item, index) => ({ item, index, rank: HEALTH_RANK[item.status], km: distance(item) }))
    .sort((a, b) => a.rank - b.rank || a.km - b.km || a.item.nodeId - b.item.nodeId || a.index - b.index)
    .map((x) => x.item);
}

/**
 * The requester's position from Cloudflare's `request.cf`, rounded to whole degrees (about 100 km):
 * enough to order servers, and it lets requesters from one region share a cached render.
 */
export function requesterPosition(cf: { latitude?: unknown; longitude?: unknown } | undefined): Coordinates | null {
  const latitude = Number(cf?.latitude);
  const longitude = Number(cf?.longitude);
  if (!cf || cf.latitude == null || cf.longitude == null || !Number.isFinite(latitude) || !Number.isFinite(longitude))
    return null;
  return { latitude: Math.round(latitude), longitude: Math.round(longitude) };
}
