import type { UserStatus } from "../users/table";
import type { Endpoint } from "./endpoint";
import { fillTemplate, type TemplateValues } from "./remarks";

/** Why a user is not served, in words a client shows as the server's name. */
export const INACTIVE_REASONS: Partial<Record<UserStatus, string>> = {
  disabled: "{statusEmoji} Subscription disabled: contact support",
  limited: "{statusEmoji} Data limit of {dataLimit} reached: renew to reconnect",
  expired: "{statusEmoji} Subscription expired on {expireDate}: renew to reconnect",
};

/** Users in these states never get a working config. */
export const isInactive = (status: UserStatus) => status === "disabled" || status === "limited" || status === "expired";

/**
 * The one server a disabled, limited or expired user sees: a classic shadowsocks entry (every
 * format can carry one) pointing at the client's own loopback port 1 with a throwaway password,
 * so it can never connect anywhere, named after the reason.
 */
export function placeholderEndpoint(status: UserStatus, values: TemplateValues): Endpoint {
  return {
    remark: fillTemplate(INACTIVE_REASONS[status] ?? "{statusEmoji} Unavailable", values),
    address: "127.0.0.1",
    port: 1,
    protocol: "shadowsocks",
    method: "chacha20-ietf-poly1305",
    secret: "inactive",
    transport: "tcp",
    transportSettings: {},
    security: "none",
    tls: {},
  };
}
