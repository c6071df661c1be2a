import { sql } from "drizzle-orm";
import { agentUserFromRow, buildConfigPayload, CONFIG_TTL_SEC, type UserConfigRow } from "../agent/config";
import type { IssueContext } from "../agent/issue";
import {
  DEFAULT_ROUTING_POLICY,
  PROTOCOL_VERSION,
  type AgentInbound,
  type ConfigPayload,
  type RoutingPolicy,
} from "../agent/protocol/messages";
import type { Db } from "../db/client";
import type { ServedInbound } from "../subscription/endpoint";
import type { ServedPair } from "../subscription/load";
import { DomainError } from "../errors/domain-error";
import { configObjectKey, readKeptPayload } from "./store";

/**
 * The payload a node runs at `version`: the live config, or for a node pinned by
 * rollbackNodeConfig, the pinned version's inbounds and routing with its users reconciled to now.
 * The live path costs exactly what buildConfigPayload costs: the pin came with the node's version.
 */
export function nodeConfigPayload(
  ctx: Pick<IssueContext, "db" | "env" | "pinnedTo">,
  nodeId: number,
  version: number,
  nowSec: number,
): Promise<ConfigPayload> {
  if (ctx.pinnedTo === null) return buildConfigPayload(ctx.db, nodeId, version, nowSec);
  return pinnedConfigPayload(ctx, nodeId, ctx.pinnedTo, version, nowSec);
}

/** What a pinned config takes from its historical version; users come from the database every time. */
interface PinnedShape {
  inbounds: AgentInbound[];
  routing: RoutingPolicy;
  /** Who the pinned version served, by inbound tag: they may be served again if still active. */
  userIdsByTag: Record<string, number[]>;
}

/**
 * Pinned shapes by R2 key, per isolate: a kept envelope never changes, and a pinned node pulls a
 * new config at every user change. A few entries only: a pin is rare and temporary.
 */
const pinnedShapes = new Map<string, PinnedShape>();
const PINNED_SHAPES_CACHED = 8;

async function pinnedShape(bucket: R2Bucket, nodeId: number, pinnedVersion: number): Promise<PinnedShape> {
  const key = configObjectKey(nodeId, pinnedVersion);
  const cached = pinnedShapes.get(key);
  if (cached) return cached;
  const payload = await readKeptPayload(bucket, key);
  // rollbackNodeConfig refuses a version not kept and retention spares a pinned one: only a restore without the bucket lands here.
  if (!payload)
    throw new DomainError("NOT_FOUND", `config version ${pinnedVersion} of server ${nodeId} is no longer kept`);
  const userIdsByTag: Record<string, number[]> = {};
  for (const user of payload.users)
    for (const tag of user.inboundTags) {
      userIdsByTag[tag] ??= [];
      userIdsByTag[tag].push(user.id);
    }
  const shape = { inbounds: payload.inbounds, routing: payload.routing ?? DEFAULT_ROUTING_POLICY, userIdsByTag };
  if (pinnedShapes.size >= PINNED_SHAPES_CACHED) pinnedShapes.delete(pinnedShapes.keys().next().value!);
  pinnedShapes.set(key, shape);
  return shape;
}

/**
 * The pinned version's inbounds and routing; as users, everyone active or on hold NOW who reaches
 * the node now or was in the pinned config, on the pinned inbound tags only, with current secrets,
 * limits, usage and overrides. A user disabled, expired, over quota or deleted since is left out
 * (never resurrected past a limit); a user whose credentials were rotated gets the new ones.
 */
export async function pinnedConfigPayload(
  ctx: { db: Db; env: Env },
  nodeId: number,
  pinnedVersion: number,
  version: number,
  nowSec: number,
): Promise<ConfigPayload> {
  const shape = await pinnedShape(ctx.env.BUCKET, nodeId, pinnedVersion);
  const tags = shape.inbounds.map((i) => i.tag);
  // One statement: who reaches the node now (by group) or was pinned (by tag), as (user, tag) pairs.
  const users = await ctx.db.all<UserConfigRow>(sql`WITH
      pinned_tags(tag) AS (SELECT value FROM json_each(${JSON.stringify(tags)})),
      reach(user_id, tag) AS (
        SELECT ug.user_id, i.tag FROM user_groups ug
          JOIN group_inbounds gi ON gi.group_id = ug.group_id
          JOIN node_inbounds ni ON ni.inbound_id = gi.inbound_id AND ni.node_id = ${nodeId}
          JOIN inbounds i ON i.id = gi.inbound_id
        UNION
        SELECT CAST(ids.value AS INTEGER), byTag.key FROM json_each(${JSON.stringify(shape.userIdsByTag)}) byTag,
          json_each(byTag.value) ids)
    SELECT u.id, json_group_array(DISTINCT r.tag) AS tags, u.vless_id, u.vmess_id, u.trojan_password,
      u.shadowsocks_password, u.hysteria2_password, u.data_limit_bytes, u.used_bytes, u.expire_at,
      (SELECT json_group_object(oi.tag, json_object('secret', c.secret, 'flow', c.flow, 'method', c.method))
        FROM user_inbound_credentials c
        JOIN inbounds oi ON oi.id = c.inbound_id AND oi.tag IN (SELECT tag FROM pinned_tags)
        WHERE c.user_id = u.id) AS overrides
    FROM reach r
    JOIN users u ON u.id = r.user_id
    WHERE r.tag IN (SELECT tag FROM pinned_tags) AND u.status IN ('active', 'on_hold')
    GROUP BY u.id
    ORDER BY u.id`);
  return {
    v: PROTOCOL_VERSION,
    nodeId,
    version,
    issuedAtSec: nowSec,
    expiresAtSec: nowSec + CONFIG_TTL_SEC,
    inbounds: shape.inbounds,
    users: users.map(agentUserFromRow),
    routing: shape.routing,
  };
}

/**
 * Subscription pairs as the nodes serve them: a pinned node runs its pinned version's inbounds,
 * so a link must carry that version's port, transport and settings, not the live inbound's (after
 * rolling back a port change, the live inbound still names the new port). An inbound the pinned
 * version did not have is left out. A pin whose envelope is gone (a restore without the bucket)
 * leaves the live definitions: the node then pulls no config either, and the operator sees why.
 */
export async function servedAsPinned(bucket: R2Bucket, pairs: ServedPair[]): Promise<ServedPair[]> {
  if (!pairs.some((pair) => pair.pinnedTo !== null)) return pairs;
  const out: ServedPair[] = [];
  for (const pair of pairs) {
    if (pair.pinnedTo === null) {
      out.push(pair);
      continue;
    }
    const shape = await pinnedShape(bucket, pair.nodeId, pair.pinnedTo).catch(() => null);
    if (!shape) {
      out.push(pair);
      continue;
    }
    const pinned = shape.inbounds.find((inbound) => inbound.tag === pair.inbound.tag);
    if (!pinned) continue;
    out.push({
      ...pair,
      inbound: {
        ...pair.inbound,
        protocol: pinned.protocol,
        port: pinned.port,
        transport: pinned.transport,
        security: pinned.security,
        protocolSettings: pinned.protocolSettings as ServedInbound["protocolSettings"],
        transportSettings: pinned.transportSettings as ServedInbound["transportSettings"],
        securitySettings: pinned.securitySettings as ServedInbound["securitySettings"],
      },
    });
  }
  return out;
}
