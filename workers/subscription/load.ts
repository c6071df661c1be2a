import type { OverrideColumns } from "../agent/protocol/inbound-override";
import type { Db } from "../db/client";
import type { StatusInputs } from "../users/status";
import type { ResetStrategy, UserStatus } from "../users/table";
import type { NodeStatus } from "../nodes/table";
import type { ServedInbound } from "./endpoint";

/** The user behind a token, with what the subscription needs of it. */
export interface SubscriptionUser extends StatusInputs {
  id: number;
  username: string;
  status: UserStatus;
  resetStrategy: ResetStrategy;
  /** Null follows the panel's deviceLimit setting. */
  deviceLimit: number | null;
  periodStartedAtSec: number | null;
  createdAtSec: number;
  updatedAtSec: number;
  subToken: string;
  vlessId: string;
  vmessId: string;
  trojanPassword: string;
  shadowsocksPassword: string;
  hysteria2Password: string;
}

/** One inbound as one node serves it. */
export interface ServedPair {
  nodeId: number;
  nodeName: string;
  address: string;
  status: NodeStatus;
  latitude: number | null;
  longitude: number | null;
  inbound: ServedInbound;
  /** The historical config version the node is pinned to (rollbackNodeConfig): it serves that version's inbounds. */
  pinnedTo: number | null;
  /** The user's own secret, flow or method for this inbound where an import gave it one. */
  override: OverrideColumns | null;
}

export interface SubscriptionLookup {
  user: SubscriptionUser | null;
  /** Settings rows as stored (key, JSON value), for settings and rules. */
  settingsText: string;
  /** The served pairs as the JSON text D1 returned: hashed as-is for the cache key, parsed only on a miss. */
  servedText: string;
  /** Devices on record for the user, and whether the requesting one is among them. */
  deviceCount: number;
  deviceKnown: boolean;
}

interface Row {
  id: number | null;
  username: string;
  status: UserStatus;
  enabled: number;
  data_limit_bytes: number | null;
  used_bytes: number;
  expire_at: number | null;
  on_hold_expire_days: number | null;
  first_used_at: number | null;
  reset_strategy: ResetStrategy;
  device_limit: number | null;
  period_started_at: number | null;
  created_at: number;
  updated_at: number;
  sub_token: string;
  vless_id: string;
  vmess_id: string;
  trojan_password: string;
  shadowsocks_password: string;
  hysteria2_password: string;
  settings: string;
  served: string;
  device_count: number;
  device_known: number;
}

const LOAD_SQL = `SELECT u.id, u.username, u.status, u.enabled, u.data_limit_bytes, u.used_bytes, u.expire_at,
      u.on_hold_expire_days, u.first_used_at, u.reset_strategy, u.device_limit, u.period_started_at, u.created_at, u.updated_at, u.sub_token,
      u.vless_id, u.vmess_id, u.trojan_password, u.shadowsocks_password, u.hysteria2_password,
      (SELECT json_group_array(json_array(key, json(value))) FROM settings) AS settings,
      (SELECT json_group_array(json_object(
          'nodeId', n.id, 'nodeName', n.name, 'address', n.address, 'status', n.status,
          'latitude', n.latitude, 'longitude', n.longitude, 'configVersion', n.config_version, 'pinnedTo', n.config_pin_version,
          'inbound', json_object('id', i.id, 'tag', i.tag, 'remark', i.remark, 'protocol', i.protocol, 'port', i.port,
            'transport', i.transport, 'security', i.security, 'protocolSettings', json(i.protocol_settings),
            'transportSettings', json(i.transport_settings), 'securitySettings', json(i.security_settings)),
          'override', json((SELECT json_object('secret', c.secret, 'flow', c.flow, 'method', c.method)
            FROM user_inbound_credentials c WHERE c.user_id = u.id AND c.inbound_id = i.id))))
        FROM (SELECT ni.node_id, ni.inbound_id FROM node_inbounds ni
              WHERE ni.served AND ni.inbound_id IN (SELECT gi.inbound_id FROM user_groups ug JOIN group_inbounds gi ON gi.group_id = ug.group_id
                                      WHERE ug.user_id = u.id)
              ORDER BY ni.node_id, ni.inbound_id) p
        JOIN nodes n ON n.id = p.node_id JOIN inbounds i ON i.id = p.inbound_id) AS served,
      (SELECT count(*) FROM user_devices d WHERE d.user_id = u.id) AS device_count,
      EXISTS (SELECT 1 FROM user_devices d WHERE d.user_id = u.id AND d.hwid = ?) AS device_known
    FROM (SELECT ? AS token) q LEFT JOIN users u ON u.sub_token = q.token`;

/**
 * Everything a subscription request needs, in one statement: the user, every setting, each
 * (node, inbound) pair the user reaches through its groups that the node serves (`served`: not
 * one its agent reported skipping or its core cannot run) with the user's override for that
 * inbound, and its device count. The overrides ride in `servedText`, so changing one changes the
 * cache key and the entity tag like any other input.
 *
 * The token is joined, not filtered: a token that matches nothing still yields one row, and the
 * settings and served subqueries still run, so an unknown token costs the same statement and
 * round trip as a known one (a rotated-away token is indistinguishable from one never issued).
 */
export async function loadSubscription(db: Db, token: string, hwid: string | null): Promise<SubscriptionLookup> {
  // The binding itself, with SQL fixed at load: drizzle would rebuild this text from its template on every request.
  const { results } = await db.$client
    .prepare(LOAD_SQL)
    .bind(hwid ?? "", token)
    .all<Row>();
  const row = results[0]!;
  const user: SubscriptionUser | null =
    row.id === null
      ? null
      : {
          id: row.id,
          username: row.username,
          status: row.status,
          enabled: row.enabled === 1,
          dataLimitBytes: row.data_limit_bytes,
          usedBytes: row.used_bytes,
          expireAtSec: row.expire_at,
          onHoldExpireDays: row.on_hold_expire_days,
          firstUsedAtSec: row.first_used_at,
          resetStrategy: row.reset_strategy,
          deviceLimit: row.device_limit,
          periodStartedAtSec: row.period_started_at,
          createdAtSec: row.created_at,
          updatedAtSec: row.updated_at,
          subToken: row.sub_token,
          vlessId: row.vless_id,
          vmessId: row.vmess_id,
          trojanPassword: row.trojan_password,
          shadowsocksPassword: row.shadowsocks_password,
          hysteria2Password: row.hysteria2_password,
        };
  return {
    user,
    settingsText: row.settings,
    servedText: row.served,
    deviceCount: row.device_count,
    deviceKnown: row.device_known === 1,
  };
}

/** The served pairs, parsed (the text holds D1's json_group_array). */
export const parseServed = (text: string) => JSON.parse(text) as ServedPair[];

/** Settings rows, parsed from the json_group_array of [key, value]. */
export const parseSettingsRows = (text: string) =>
  (JSON.parse(text) as [string, unknown][]).map(([key, value]) => ({ key, value }));
