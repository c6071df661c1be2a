/**
 * Closes the live connections of users just removed from the core. Order matters: the user is
 * removed from the core first (so the client cannot reconnect), then the access log is read up
 * to now, then the sockets are destroyed.
 */
import type { Logger } from "../log/logger.ts";
import { endpointKey, type AccessLogIndex, type Endpoint } from "./access-log.ts";
import { destroyClientSockets } from "./destroy-sockets.ts";

export interface UserToCut {
  userId: number;
  email: string;
  /** Ports of the inbounds the user was on: the server side of their sockets. */
  inboundPorts: number[];
}

export interface CutReport {
  userId: number;
  endpoints: number;
  destroyed: number;
}

/**
 * Users on the same inbound ports share their `ss -K` runs (32 endpoints each): a rotation that
 * removes 1,000 users costs a few dozen ss processes, not a thousand.
 */
export async function closeUserConnections(
  users: readonly UserToCut[],
  accessLog: AccessLogIndex,
  log: Logger,
  why: string,
): Promise<CutReport[]> {
  if (users.length === 0) return [];
  accessLog.poll();
  const byPorts = new Map<string, Array<{ user: UserToCut; endpoints: Endpoint[] }>>();
  const reports: CutReport[] = [];
  for (const user of users) {
    const endpoints = accessLog.endpointsOf(user.email);
    const ports = [...new Set(user.inboundPorts)].sort((a, b) => a - b);
    if (endpoints.length === 0 || ports.length === 0) {
      reports.push({ userId: user.userId, endpoints: 0, destroyed: 0 });
      continue;
    }
    const group = byPorts.get(ports.join(",")) ?? [];
    group.push({ user: { ...user, inboundPorts: ports }, endpoints });
    byPorts.set(ports.join(","), group);
  }
  for (const group of byPorts.values()) {
    const result = await destroyClientSockets(
      group.flatMap((g) => g.endpoints),
      group[0]!.user.inboundPorts,
    );
    for (const { user, endpoints } of group) {
      const destroyed = endpoints.reduce((n, e) => n + (result.destroyedByEndpoint.get(endpointKey(e)) ?? 0), 0);
      if (result.errors.length && destroyed === 0) {
        log.warn("cut.destroy_failed", {
          userId: user.userId,
          errors: result.errors,
          reason:
            "ss -K failed; needs CONFIG_INET_DIAG_DESTROY and root or CAP_NET_ADMIN. Open connections end only when the client closes them",
        });
      }
      accessLog.forget(user.email);
      reports.push({ userId: user.userId, endpoints: endpoints.length, destroyed });
      log.info("cut.connections_closed", { userId: user.userId, endpoints: endpoints.length, destroyed, reason: why });
    }
  }
  return reports;
}
