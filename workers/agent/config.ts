import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { inbounds } from "../inbounds/table";
import { nodeInbounds } from "../nodes/table";
import { readNodePolicy } from "../routing/policy";
import { PROTOCOL_VERSION, type ConfigEnvelope, type ConfigPayload } from "./protocol/messages";
import { signText } from "./protocol/signing";

/** How long a signed config stays acceptable to an agent that has not applied it yet. */
export const CONFIG_TTL_SEC = 24 * 3600;

/**
 * Everything one node must run at `version`: its inbounds, and every active user who reaches
 * any of them through a group, with the tags that user may use, and the routing policy it
 * applies to their traffic. Four statements, whatever the number of users.
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
  const users = await db.all<{
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
  }>(sql`SELECT u.id, json_group_array(DISTINCT i.tag) AS tags, u.vless_id, u.vmess_id, u.trojan_password,
      u.shadowsocks_password, u.hysteria2_password, u.data_limit_bytes, u.used_bytes, u.expire_at
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
    users: users.map((u) => ({
      id: u.id,
      email: `u${u.id}`,
      inboundTags: JSON.parse(u.tags) as string[],
      vlessId: u.vless_id,
      vmessId: u.vmess_id,
      trojanPassword: u.trojan_password,
      shadowsocksPassword: u.shadowsocks_password,
      hysteria2Password: u.hysteria2_password,
      dataLimitBytes: u.data_limit_bytes,
      usedBytes: u.used_bytes,
      expireAtSec: u.expire_at,
    })),
    routing: await readNodePolicy(db, nodeId),
  };
}

/** Signs the exact JSON text that travels, so the agent verifies bytes, not a re-serialisation. */
export async function signConfig(payload: ConfigPayload, privateKey: CryptoKey): Promise<ConfigEnvelope> {
  const text = JSON.stringify(payload);
  return { payload: text, signature: await signText(privateKey, text) };
}
