/**
 * Closes the live connections of users just removed from the core. Order matters: the user is
 * removed from the core first (so the client cannot reconnect), then the access log is read up
 * to now, then the sockets are destroyed.
 */
import type { Logger } from "../log/logger.ts";
import type { AccessLogIndex } from "./access-log.ts";
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

export async function closeUserConnections(users: readonly UserToCut[], accessLog: AccessLogIndex, log: Logger, why: string): Promise<CutReport[]> {
  if (users.length === 0) return [];
  accessLog.poll();
  const reports: CutReport[] = [];
  for (const user of users) {
    const endpoints = accessLog.endpointsOf(user.email);
    if (endpoints.length === 0 || user.inboundPorts.length === 0) {
      reports.push({ userId: user.userId, endpoints: 0, destroyed: 0 });
      continue;
    }
    const result = await destroyClientSockets(endpoints, [...new Set(user.inboundPorts)]);
    if (result.errors.length && result.destroyed === 0) {
      log.warn("cut.destroy_failed", {
        userId: user.userId,
        errors: result.errors,
        reason: "ss -K failed; needs CONFIG_INET_DIAG_DESTROY and root or CAP_NET_ADMIN. Open connections end only when the client closes them",
      });
    }
    accessLog.forget(user.email);
    reports.push({ userId: user.userId, endpoints: endpoints.length, destroyed: result.destroyed });
    log.info("cut.connections_closed", { userId: user.userId, endpoints: endpoints.length, destroyed: result.destroyed, reason: why });
  }
  return reports;
}
