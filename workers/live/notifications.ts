import type { NodeRow, NodeStatus } from "../nodes/table";
import { TOPICS, type LiveEvent, type NotificationPayload, type NotificationSeverity } from "./topics";

function notification(
  kind: string,
  severity: NotificationSeverity,
  message: string,
  atSec: number,
  ids: { serverId?: number; userId?: number },
): NotificationPayload {
  return {
    id: crypto.randomUUID(),
    kind,
    severity,
    message,
    at: atSec,
    serverId: ids.serverId === undefined ? null : String(ids.serverId),
    userId: ids.userId === undefined ? null : String(ids.userId),
  };
}

/** A server's latest state, for serverStatus subscribers of all servers and of this one. */
export const serverStatusEvent = (node: NodeRow): LiveEvent => ({
  topic: TOPICS.serverStatus,
  key: node.id,
  payload: node,
});

const SERVER_NOTICES: Partial<
  Record<NodeStatus, { severity: NotificationSeverity; text: (name: string, was: NodeStatus) => string }>
> = {
  offline: { severity: "CRITICAL", text: (name) => `Server ${name} is offline: its agent has not reported in` },
  degraded: { severity: "WARNING", text: (name) => `Server ${name} reports in but its proxy core is not running` },
  online: {
    severity: "INFO",
    text: (name, was) => (was === "pending" ? `Server ${name} is online` : `Server ${name} is back online`),
  },
};

/** What admins hear when a server's status moves; nothing when it did not. Server news goes to admins only (no key). */
export function serverStatusNotice(node: NodeRow, was: NodeStatus, atSec: number): LiveEvent | undefined {
  const notice = SERVER_NOTICES[node.status];
  if (was === node.status || !notice) return undefined;
  return {
    topic: TOPICS.notifications,
    payload: notification(`server.${node.status}`, notice.severity, notice.text(node.name, was), atSec, {
      serverId: node.id,
    }),
  };
}

export interface UserStatusChange {
  id: number;
  username: string;
  adminId: number;
  status: string;
}

const USER_NOTICES: Record<
  string,
  { kind: string; severity: NotificationSeverity; text: (username: string) => string }
> = {
  limited: { kind: "user.limited", severity: "WARNING", text: (u) => `User ${u} used up its data limit and was cut` },
  expired: { kind: "user.expired", severity: "WARNING", text: (u) => `User ${u} expired and was cut` },
  disabled: { kind: "user.disabled", severity: "INFO", text: (u) => `User ${u} was disabled` },
  active: { kind: "user.enabled", severity: "INFO", text: (u) => `User ${u} is active again` },
};

/**
 * Notifications for users whose status changed, keyed by their owning admin so a reseller hears
 * only about its own users. Callers pass only real changes (not a first connection ending on_hold).
 */
export function userStatusNotices(changes: UserStatusChange[], atSec: number): LiveEvent[] {
  return changes.flatMap((user) => {
    const notice = USER_NOTICES[user.status];
    if (!notice) return [];
    return [
      {
        topic: TOPICS.notifications,
        key: user.adminId,
        payload: notification(notice.kind, notice.severity, notice.text(user.username), atSec, { userId: user.id }),
      },
    ];
  });
}
