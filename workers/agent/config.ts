import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { inbounds } from "../inbounds/table";
import { nodeInbounds } from "../nodes/table";
import { readNodePolicy } from "../routing/policy";
import { overrideFromColumns, type InboundOverride, type OverrideColumns } from "./protocol/inbound-override";
import { PROTOCOL_VERSION, type AgentUser, type ConfigEnvelope, type ConfigPayload } from "./protocol/messages";
import { signText } from "./protocol/signing";

/** How long a signed config stays acceptable to an agent that has not applied it yet. */
export const CONFIG_TTL_SEC = 24 * 3600;

/**
 * Everything one node must run at `version`: its inbounds, and every active user who reaches
 * any of them through a group, with the tags that user may use, and the routing policy it
 * applies to their traffic, and each user's overrides for those tags (imported secrets, flows and
 * methods that differ from the user's own). Four statements, whatever the number of users.
 */
export async function buildConfigPayload(
  db: Db,
  nodeId: number,
  version: number,
  nowSec: number,
): Promise<ConfigPayload> {
  const served = await db
    .select({ inbound: inbounds })
    .from(nodeInbounds)
    .innerJoin(inbounds, eq(inbounds.id, nodeInbounds.inboundId))
    .where(eq(nodeInbounds.nodeId, nodeId))
    .orderBy(inbounds.id)
    .all();
  const users =
    await db.all<UserConfigRow>(sql`SELECT u.id, json_group_array(DISTINCT i.tag) AS tags, u.vless_id, u.vmess_id, u.trojan_password,
      u.shadowsocks_password, u.hysteria2_password, u.data_limit_bytes, u.used_bytes, u.expire_at,
      (SELECT json_group_object(oi.tag, json_object('secret', c.secret, 'flow', c.flow, 'method', c.method))
        FROM user_inbound_credentials c
        JOIN node_inbounds oni ON oni.inbound_id = c.inbound_id AND oni.node_id = ${nodeId}
        JOIN inbounds oi ON oi.id = c.inbound_id
        WHERE c.user_id = u.id) AS overrides
    FROM users u
    JOIN user_groups ug ON ug.user_id = u.id
    JOIN group_inbounds gi ON gi.group_id = ug.group_id
    JOIN node_inbounds ni ON ni.inbound_id = gi.inbound_id AND ni.node_id = ${nodeId}
    JOIN inbounds i ON i.id = gi.inbound_id
    WHERE u.status IN ('active', 'on_hold')
    GROUP BY u.id
    ORDER BY u.id`);
  return {
    v: PROTOCOL_VERSION,
    nodeId,
    version,
    issuedAtSec: nowSec,
    expiresAtSec: nowSec + CONFIG_TTL_SEC,
    inbounds: served.map(({ inbound }) => ({
      tag: inbound.tag,
      protocol: inbound.protocol,
      port: inbound.port,
      transport: inbound.transport,
      security: inbound.security,
      protocolSettings: { ...inbound.protocolSettings },
      transportSettings: { ...inbound.transportSettings },
      securitySettings: { ...inbound.securitySettings },
    })),
    users: users.map(agentUserFromRow),
    routing: await readNodePolicy(db, nodeId),
  };
}

/**
 * A user as a config query selects it: `tags` the JSON array of inbound tags it reaches on the
 * node, `overrides` a JSON object of its credential overrides by inbound tag (or null).
 */
export interface UserConfigRow {
  id: number;
  tags: string;
  vless_id: string;
  vmess_id: string;
  trojan_password: string;
  shadowsocks_password: string;
  hysteria2_password: string;
  data_limit_bytes: number | null;
  used_bytes: number;
  expire_at: number | null;
  overrides: string | null;
}

/** The payload's user from its row (the live config here, a pinned one in config-history/pinned.ts). */
export function agentUserFromRow(u: UserConfigRow): AgentUser {
  const inboundTags = JSON.parse(u.tags) as string[];
  const inboundOverrides = overridesFor(u.overrides, inboundTags);
  return {
    id: u.id,
    email: `u${u.id}`,
    inboundTags,
    vlessId: u.vless_id,
    vmessId: u.vmess_id,
    trojanPassword: u.trojan_password,
    shadowsocksPassword: u.shadowsocks_password,
    hysteria2Password: u.hysteria2_password,
    // Left out when empty: a user without overrides travels exactly as before they existed.
    ...(inboundOverrides ? { inboundOverrides } : {}),
    dataLimitBytes: u.data_limit_bytes,
    usedBytes: u.used_bytes,
    expireAtSec: u.expire_at,
  };
}

/** The user's overrides for the tags it reaches here, by tag; null when there are none. */
function overridesFor(text: string | null, reachable: readonly string[]): Record<string, InboundOverride> | null {
  if (!text) return null;
  const byTag = JSON.parse(text) as Record<string, OverrideColumns>;
  const out: Record<string, InboundOverride> = {};
  for (const tag of reachable) {
    const override = overrideFromColumns(byTag[tag]);
    if (override) out[tag] = override;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** Signs the exact JSON text that travels, so the agent verifies bytes, not a re-serialisation. */
export async function signConfig(payload: ConfigPayload, privateKey: CryptoKey): Promise<ConfigEnvelope> {
  const text = JSON.stringify(payload);
  return { payload: text, signature: await signText(privateKey, text) };
}
