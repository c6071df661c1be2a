/**
 * Every user in a config carries one credential per protocol; a node uses only those of its
 * own inbounds' protocols. The rest are dropped right after verification, so a VLESS-only node
 * does not keep 10,000 users' VMess ids and Trojan, Shadowsocks and Hysteria2 passwords in
 * memory for as long as the config runs (the signed original stays on disk as the last good config).
 */
import type { AgentInbound, AgentUser, ConfigPayload } from "../../../workers/agent/protocol/messages.ts";

/** The user field holding a protocol's credential. */
export const CREDENTIAL_FIELD = {
  vless: "vlessId",
  vmess: "vmessId",
  trojan: "trojanPassword",
  shadowsocks: "shadowsocksPassword",
  hysteria2: "hysteria2Password",
} as const satisfies Record<AgentInbound["protocol"], keyof AgentUser>;

/** Empties, in place, the credentials no inbound of `payload` uses; returns `payload`. */
export function dropUnusedCredentials(payload: ConfigPayload): ConfigPayload {
  const used = new Set(payload.inbounds.map((i) => CREDENTIAL_FIELD[i.protocol]));
  const unused = Object.values(CREDENTIAL_FIELD).filter((field) => !used.has(field));
  for (const user of payload.users) for (const field of unused) user[field] = "";
  return payload;
}
