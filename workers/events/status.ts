import { sql } from "drizzle-orm";
import type { NodeRow, NodeStatus } from "../nodes/table";
import { type PanelEvent, panelEvent } from "./catalogue";

/**
 * A user whose status just changed, as the statements that change it return it (users/service.ts,
 * the usage push, the minute's housekeeping): enough to say what happened without reading it again.
 */
export interface UserStatusChange {
  id: number;
  username: string;
  adminId: number;
  status: string;
  usedBytes: number;
  dataLimitBytes: number | null;
  expireAtSec: number | null;
}

/** What an UPDATE of users RETURNs for a UserStatusChange of each row it changed. */
export const userStatusChangeColumns = sql.raw(
  "id, status, username, admin_id AS adminId, used_bytes AS usedBytes, data_limit_bytes AS dataLimitBytes, expire_at AS expireAtSec",
);

/**
 * Events for users whose status changed, owned by their admin so a reseller hears only about its
 * own. Callers pass only real changes (not a first connection ending on_hold); on_hold is no news.
 */
export function userStatusEvents(changes: UserStatusChange[], atSec: number): PanelEvent[] {
  return changes.flatMap((user): PanelEvent[] => {
    const ids = { userId: user.id, adminId: user.adminId };
    const { username } = user;
    switch (user.status) {
      case "limited":
        return [
          panelEvent(
            "user.limited",
            atSec,
            { username, usedBytes: user.usedBytes, limitBytes: user.dataLimitBytes ?? 0 },
            ids,
          ),
        ];
      case "expired":
        return [panelEvent("user.expired", atSec, { username, expireAt: user.expireAtSec ?? atSec }, ids)];
      case "disabled":
        return [panelEvent("user.disabled", atSec, { username }, ids)];
      case "active":
        return [panelEvent("user.enabled", atSec, { username }, ids)];
      default:
        return [];
    }
  });
}

/**
 * What admins hear when a server's status moved from `was` (pending: never announced before, so
 * the first report is news); nothing when it did not move.
 */
export function serverStatusEvents(node: NodeRow, was: NodeStatus, atSec: number): PanelEvent[] {
  if (was === node.status) return [];
  const ids = { serverId: node.id };
  const name = node.name;
  switch (node.status) {
    case "online":
      return [panelEvent("server.online", atSec, { name, was }, ids)];
    case "offline":
      return [panelEvent("server.offline", atSec, { name }, ids)];
    case "degraded":
      return [panelEvent("server.degraded", atSec, { name }, ids)];
    default:
      return [];
  }
}
