import { sql } from "drizzle-orm";
import {
  DEFAULT_ROUTING_POLICY,
  type AgentInbound,
  type AgentUser,
  type ConfigPayload,
} from "../agent/protocol/messages";
import type { Db } from "../db/client";
import { keptVersion } from "./history";

/** Users listed by name in a diff; the counts are always exact. */
export const DIFF_USERS_LISTED = 200;

export interface InboundChange {
  tag: string;
  fields: string[];
}

/** What differs between two payloads, before user ids are given their current names. */
export interface PayloadDiff {
  inboundsAdded: string[];
  inboundsRemoved: string[];
  inboundsChanged: InboundChange[];
  routingChanged: string[];
  usersAdded: number[];
  usersRemoved: number[];
  usersChangedCount: number;
  usersFrom: number;
  usersTo: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Which parts of an inbound differ: protocol, port, transport, security, settings (any of the three). */
function inboundFieldsChanged(from: AgentInbound, to: AgentInbound): string[] {
  const fields: string[] = [];
  for (const field of ["protocol", "port", "transport", "security"] as const)
    if (from[field] !== to[field]) fields.push(field);
  if (
    !same(from.protocolSettings, to.protocolSettings) ||
    !same(from.transportSettings, to.transportSettings) ||
    !same(from.securitySettings, to.securitySettings)
  )
    fields.push("settings");
  return fields;
}

/** What a user is served with, usage aside: usage moves in every config and is no change of service. */
const userService = ({ usedBytes: _used, ...service }: AgentUser) => service;

/**
 * Compares two payloads of one node: inbounds by tag, the routing policy field by field, users
 * by id (added, removed, and changed in credentials, limits or inbounds).
 *
 * @example
 * const diff = diffPayloads(v41, v42); // diff.inboundsChanged: [{ tag: "vless-ws", fields: ["port"] }]
 */
export function diffPayloads(from: ConfigPayload, to: ConfigPayload): PayloadDiff {
  const fromInbounds = new Map(from.inbounds.map((i) => [i.tag, i]));
  const toInbounds = new Map(to.inbounds.map((i) => [i.tag, i]));
  const inboundsChanged: InboundChange[] = [];
  for (const [tag, next] of toInbounds) {
    const previous = fromInbounds.get(tag);
    const fields = previous ? inboundFieldsChanged(previous, next) : [];
    if (fields.length) inboundsChanged.push({ tag, fields });
  }
  const fromRouting = from.routing ?? DEFAULT_ROUTING_POLICY;
  const toRouting = to.routing ?? DEFAULT_ROUTING_POLICY;
  const routingFields = [...new Set([...Object.keys(fromRouting), ...Object.keys(toRouting)])] as Array<
    keyof typeof fromRouting
  >;
  const fromUsers = new Map(from.users.map((u) => [u.id, u]));
  const toUsers = new Map(to.users.map((u) => [u.id, u]));
  let usersChangedCount = 0;
  for (const [id, next] of toUsers) {
    const previous = fromUsers.get(id);
    if (previous && !same(userService(previous), userService(next))) usersChangedCount++;
  }
  return {
    inboundsAdded: [...toInbounds.keys()].filter((tag) => !fromInbounds.has(tag)),
    inboundsRemoved: [...fromInbounds.keys()].filter((tag) => !toInbounds.has(tag)),
    inboundsChanged,
    routingChanged: routingFields.filter((field) => !same(fromRouting[field], toRouting[field])),
    usersAdded: [...toUsers.keys()].filter((id) => !fromUsers.has(id)),
    usersRemoved: [...fromUsers.keys()].filter((id) => !toUsers.has(id)),
    usersChangedCount,
    usersFrom: from.users.length,
    usersTo: to.users.length,
  };
}

/** The current usernames of `ids` (absent for users deleted since), in one statement. */
async function currentUsernames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<{ id: number; username: string }>(
    sql`SELECT id, username FROM users WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  );
  return new Map(rows.map((r) => [r.id, r.username]));
}

/**
 * What differs between versions `from` and `to` of a node, both read back from R2 (NOT_FOUND when
 * either is not kept); at most DIFF_USERS_LISTED users listed each way, by their current names.
 */
export async function serverConfigDiff(db: Db, bucket: R2Bucket, nodeId: number, from: number, to: number) {
  const [before, after] = await Promise.all([
    keptVersion(db, bucket, nodeId, from),
    keptVersion(db, bucket, nodeId, to),
  ]);
  const diff = diffPayloads(before.payload, after.payload);
  const listed = (ids: number[]) => ids.slice(0, DIFF_USERS_LISTED);
  const names = await currentUsernames(db, [...listed(diff.usersAdded), ...listed(diff.usersRemoved)]);
  const refs = (ids: number[]) => listed(ids).map((id) => ({ id: String(id), username: names.get(id) ?? null }));
  return {
    ...diff,
    from,
    to,
    usersAddedCount: diff.usersAdded.length,
    usersRemovedCount: diff.usersRemoved.length,
    usersAdded: refs(diff.usersAdded),
    usersRemoved: refs(diff.usersRemoved),
  };
}

/** Keys whose values are secrets in inbound settings (REALITY's private key, a 2022 server key, passwords). */
const SECRET_KEY = /private|password|secret|psk|serverKey/i;
export const REDACTED = "[redacted]";

function redactSettings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSettings);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEY.test(key) && typeof inner === "string" ? REDACTED : redactSettings(inner),
    ]),
  );
}

/**
 * A payload fit to show an admin: every user secret and override secret, and secret-looking
 * inbound settings, replaced by REDACTED. Nothing else changes, so it still reads as the config.
 */
export function redactPayload(payload: ConfigPayload): ConfigPayload {
  return {
    ...payload,
    inbounds: payload.inbounds.map((inbound) => ({
      ...inbound,
      protocolSettings: redactSettings(inbound.protocolSettings) as Record<string, unknown>,
      transportSettings: redactSettings(inbound.transportSettings) as Record<string, unknown>,
      securitySettings: redactSettings(inbound.securitySettings) as Record<string, unknown>,
    })),
    users: payload.users.map((user) => ({
      ...user,
      vlessId: REDACTED,
      vmessId: REDACTED,
      trojanPassword: REDACTED,
      shadowsocksPassword: REDACTED,
      hysteria2Password: REDACTED,
      ...(user.inboundOverrides
        ? {
            inboundOverrides: Object.fromEntries(
              Object.entries(user.inboundOverrides).map(([tag, o]) => [
                tag,
                o.secret === undefined ? o : { ...o, secret: REDACTED },
              ]),
            ),
          }
        : {}),
    })),
  };
}
