/**
 * Every user in a config carries one credential per protocol; a node uses only those of its
 * own inbounds' protocols. The rest are dropped right after verification, so a VLESS-only node
 * does not keep 10,000 users' VMess ids and Trojan, Shadowsocks and Hysteria2 passwords in
 * memory for as long as the config runs (the signed original stays on disk as the last good config).
 * Where a user's credential on one inbound differs from its own (an imported user's override),
 * the core, the runtime API and the diff all meet the user through `userOnInbound`.
 */
import { SECRET_FIELD, withInboundOverride } from "../../../workers/agent/protocol/inbound-override.ts";
import type { AgentInbound, AgentUser, ConfigPayload } from "../../../workers/agent/protocol/messages.ts";

/** Empties, in place, the credentials no inbound of `payload` uses; returns `payload`. */
export function dropUnusedCredentials(payload: ConfigPayload): ConfigPayload {
  const used = new Set(payload.inbounds.map((i) => SECRET_FIELD[i.protocol]));
  const unused = Object.values(SECRET_FIELD).filter((field) => !used.has(field));
  for (const user of payload.users) for (const field of unused) user[field] = "";
  return payload;
}

/** The inbound and the user as this user meets this inbound: its override for the inbound's tag applied. */
export const userOnInbound = (inbound: AgentInbound, user: AgentUser) =>
  withInboundOverride(inbound, user, user.inboundOverrides?.[inbound.tag]);

/**
 * Everything of a user's account on an inbound that the core holds (secret, vless flow,
 * shadowsocks method), as one comparable string: when it changes, the account must be replaced.
 */
export function accountKey(inbound: AgentInbound, user: AgentUser): string {
  const seen = userOnInbound(inbound, user);
  const settings = seen.inbound.protocolSettings;
  return JSON.stringify([seen.user[SECRET_FIELD[inbound.protocol]], settings.flow ?? null, settings.method ?? null]);
}
