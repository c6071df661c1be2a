/**
 * PasarGuard's db.sqlite3 (PasarGuard/panel v5, app/db/models.py): a Marzban fork whose users keep
 * their secrets in `users.proxy_settings`, reach inbounds through groups, and whose Xray configs
 * live in `core_configs` beside the nodes that run them. Unlike Marzban, the file alone is enough.
 */
import type {
  ImportAccessInput,
  ImportCredentialsInput,
  ImportIssueInput,
  ImportInboundInput,
  ImportUserInput,
  PeerExport,
} from "../model";
import { z } from "zod";
import { type SqliteSource, columnNames, tableNames } from "../sqlite";
import {
  alembicVersion,
  hostAndTemplateIssues,
  instant,
  jsonColumn,
  num,
  readJwtSecret,
  readNextPlans,
  readPeerAdmins,
  readUsageResets,
  text,
  type PeerUser,
  rowFeatureIssues,
  toImportUser,
} from "./marzban";
import { instantIso, parsePeerInstant } from "./peer-time";
import { bytes } from "./units";
import { UsernameAllocator } from "./usernames";
import { type ConfigInbound, mapXrayConfigInbounds } from "./xray-config";

export interface PasarGuardReadOptions {
  instance: string;
  /**
   * An Xray config to use instead of the database's `core_configs` (all nodes serve it); only for
   * databases from before core configs moved into the panel.
   */
  xrayConfig?: unknown;
  /** Unused by PasarGuard, whose cores all run on nodes; accepted so every reader takes the same options. */
  nodeAddress?: string;
}

/** users.proxy_settings (app/models/proxy.py ProxyTable); older rows still carry a vless flow. */
export const proxySettingsSchema = z.looseObject({
  vmess: z.looseObject({ id: z.string().optional() }).nullish(),
  vless: z.looseObject({ id: z.string().optional(), flow: z.string().nullish() }).nullish(),
  trojan: z.looseObject({ password: z.string().optional() }).nullish(),
  shadowsocks: z.looseObject({ password: z.string().optional(), method: z.string().optional() }).nullish(),
  hysteria: z.looseObject({ auth: z.string().optional() }).nullish(),
  wireguard: z.unknown().optional(),
});
export type ProxySettings = z.infer<typeof proxySettingsSchema>;

function credentialsOf(settings: ProxySettings): ImportCredentialsInput {
  const credentials: ImportCredentialsInput = {};
  if (settings.vless?.id) credentials.vlessId = settings.vless.id;
  if (settings.vmess?.id) credentials.vmessId = settings.vmess.id;
  if (settings.trojan?.password) credentials.trojanPassword = settings.trojan.password;
  if (settings.shadowsocks?.password) credentials.shadowsocksPassword = settings.shadowsocks.password;
  if (settings.hysteria?.auth) credentials.hysteria2Password = settings.hysteria.auth;
  return credentials;
}

/**
 * A user's access: the inbounds of its enabled groups. vless flow is the inbound's (PasarGuard
 * dropped per-user flow in #472); shadowsocks carries the user's own method.
 */
function accessOf(settings: ProxySettings, inbounds: ConfigInbound[]): ImportAccessInput[] {
  return inbounds.flatMap((inbound): ImportAccessInput[] => {
    if (!settings[inbound.protocol]) return [];
    if (inbound.protocol === "shadowsocks")
      return [{ inboundKey: inbound.tag, method: settings.shadowsocks?.method ?? null }];
    return [{ inboundKey: inbound.tag }];
  });
}

/** Administrator roles (and the owner role) manage everything; the rest are resellers here. */
function adminRoleReader(db: SqliteSource): (row: Record<string, unknown>) => boolean {
  // Before role-based access PasarGuard had Marzban's is_sudo.
  if (columnNames(db, "admins").has("is_sudo")) return (a) => Boolean(Number(a.is_sudo));
  const full = new Set(
    db.all("SELECT id FROM admin_roles WHERE is_owner = 1 OR name = 'administrator'").map((r) => Number(r.id)),
  );
  return (a) => full.has(Number(a.role_id));
}

/** A core config as PasarGuard keeps it (`core_configs`, or `GET /api/cores`). */
export interface PasarGuardCore {
  /** null for a config given by the operator, served by every node. */
  id: number | null;
  name: string;
  type: string;
  config: unknown;
  excludedTags: string[];
}

export interface PasarGuardGroup {
  id: number;
  name: string;
  isDisabled: boolean;
  inboundTags: string[];
}

export interface PasarGuardInbounds {
  inbounds: ImportInboundInput[];
  /** The usable inbounds each enabled group gives its members (none for a disabled group), in config order. */
  groupInbounds: Map<number, ConfigInbound[]>;
  /** Every usable inbound, in config order. */
  inboundOrder: ConfigInbound[];
}

/**
 * Inbounds of every Xray core config, each on the nodes that run it (a tag in several configs is
 * one inbound on all their nodes), and what each group gives its members.
 */
export function pasarGuardInbounds(
  cores: PasarGuardCore[],
  nodes: { key: string; coreConfigId: number | null }[],
  groups: PasarGuardGroup[],
  unmapped: ImportIssueInput[],
): PasarGuardInbounds {
  const byTag = new Map<string, { inbound: ImportInboundInput; usable?: ConfigInbound }>();
  for (const core of cores) {
    if (core.type !== "xray") {
      unmapped.push({
        kind: "INBOUND",
        key: `core:${core.id}`,
        name: core.name,
        reason: `a ${core.type} core has no place here`,
      });
      continue;
    }
    const nodeKeys = nodes.filter((n) => core.id === null || n.coreConfigId === core.id).map((n) => n.key);
    const mapped = mapXrayConfigInbounds(core.config, { nodeKeys, source: `core config "${core.name}"` });
    unmapped.push(...mapped.issues);
    for (const inbound of mapped.inbounds) {
      // PasarGuard leaves these out of what the core serves.
      if (core.excludedTags.includes(inbound.key)) continue;
      const prior = byTag.get(inbound.key);
      if (prior) prior.inbound.nodeKeys = [...new Set([...prior.inbound.nodeKeys, ...nodeKeys])];
      else byTag.set(inbound.key, { inbound, usable: mapped.usable.find((u) => u.tag === inbound.key) });
    }
  }
  if (cores.length === 0) {
    unmapped.push({
      kind: "INBOUND",
      key: "core_configs",
      name: "Xray config",
      reason: "no core config was found: give the Xray config (--xray-config) to import inbounds and access",
    });
  }
  const groupInbounds = new Map<number, ConfigInbound[]>();
  for (const g of groups) {
    const tags = g.inboundTags.join(", ");
    const given = g.isDisabled
      ? []
      : [...byTag.values()].flatMap((v) => (v.usable && g.inboundTags.includes(v.usable.tag) ? [v.usable] : []));
    groupInbounds.set(g.id, given);
    unmapped.push({
      kind: "GROUP",
      key: String(g.id),
      name: g.name,
      reason: g.isDisabled
        ? `disabled on the peer: its inbounds (${tags}) are given to no one`
        : `not created here: its members get its inbounds (${tags}) directly`,
    });
  }
  return {
    inbounds: [...byTag.values()].map((v) => v.inbound),
    groupInbounds,
    inboundOrder: [...byTag.values()].flatMap((v) => (v.usable ? [v.usable] : [])),
  };
}

/** A PasarGuard user in our terms: credentials from proxy_settings, access from its groups. */
export function pasarGuardUser(
  user: Omit<PeerUser, "credentials" | "access" | "peerUserId">,
  settings: ProxySettings,
  groupIds: number[],
  context: {
    groupInbounds: Map<number, ConfigInbound[]>;
    inboundOrder: ConfigInbound[];
    names: UsernameAllocator;
    unmapped: ImportIssueInput[];
  },
): ImportUserInput {
  const given = new Set(groupIds.flatMap((g) => context.groupInbounds.get(g) ?? []));
  // One order for every source (config order), whatever order the peer lists groups or their inbounds in.
  const inbounds = context.inboundOrder.filter((i) => given.has(i));
  if (settings.vless?.flow) {
    context.unmapped.push({
      kind: "USER",
      key: user.key,
      name: user.username,
      reason: `its stored vless flow ${settings.vless.flow} is one PasarGuard no longer applies (flow is the inbound's since #472): imported with each inbound's flow`,
    });
  }
  return toImportUser(
    {
      ...user,
      peerUserId: user.key,
      credentials: credentialsOf(settings),
      access: accessOf(settings, [...inbounds.values()]),
    },
    context.names,
    context.unmapped,
  );
}

/** One line for all WireGuard peers: our cores do not serve WireGuard. */
export function wireguardIssue(users: number): ImportIssueInput[] {
  return users > 0
    ? [
        {
          kind: "USER",
          key: "wireguard",
          name: "WireGuard",
          reason: `${users} users' WireGuard keys have no place here`,
        },
      ]
    : [];
}

/** Reads a PasarGuard db.sqlite3. */
export function readPasarGuardDb(db: SqliteSource, options: PasarGuardReadOptions): PeerExport {
  const unmapped: ImportIssueInput[] = [];
  const tables = tableNames(db);
  const nodeRows = db.all("SELECT id, name, address, core_config_id FROM nodes ORDER BY id");
  const cores: PasarGuardCore[] =
    options.xrayConfig !== undefined
      ? [{ id: null, name: "xray config", type: "xray", config: options.xrayConfig, excludedTags: [] }]
      : tables.has("core_configs")
        ? db.all("SELECT id, name, type, config, exclude_inbound_tags FROM core_configs ORDER BY id").map((c) => ({
            id: Number(c.id),
            name: String(c.name),
            type: String(c.type),
            config: String(c.config),
            excludedTags: (text(c.exclude_inbound_tags) ?? "").split(",").filter(Boolean),
          }))
        : [];
  const groups: PasarGuardGroup[] = db.all("SELECT id, name, is_disabled FROM groups ORDER BY id").map((g) => ({
    id: Number(g.id),
    name: String(g.name),
    isDisabled: Boolean(Number(g.is_disabled)),
    inboundTags: db
      .all(
        "SELECT i.tag FROM inbounds_groups_association a JOIN inbounds i ON i.id = a.inbound_id WHERE a.group_id = ? ORDER BY i.id",
        Number(g.id),
      )
      .map((r) => String(r.tag)),
  }));
  const { inbounds, groupInbounds, inboundOrder } = pasarGuardInbounds(
    cores,
    nodeRows.map((n) => ({ key: String(n.id), coreConfigId: num(n.core_config_id) })),
    groups,
    unmapped,
  );
  const userGroups = new Map<number, number[]>();
  for (const m of db.all("SELECT user_id, groups_id FROM users_groups_association ORDER BY groups_id")) {
    const list = userGroups.get(Number(m.user_id)) ?? [];
    list.push(Number(m.groups_id));
    userGroups.set(Number(m.user_id), list);
  }

  const header: PeerExport["header"] = {
    source: {
      kind: "PASARGUARD",
      instance: options.instance,
      version: alembicVersion(db),
      subscriptionSecret: readJwtSecret(db),
      subscriptionPaths: ["/sub/"],
    },
    inbounds,
    nodes: nodeRows.map((n) => ({ key: String(n.id), name: String(n.name), address: String(n.address) })),
    admins: readPeerAdmins(db, adminRoleReader(db), unmapped),
    unmapped,
  };
  unmapped.push(...hostAndTemplateIssues(db));
  const resets = readUsageResets(db);
  const plans = readNextPlans(db);

  const users: ImportUserInput[] = [];
  const context = { groupInbounds, inboundOrder, names: new UsernameAllocator(), unmapped };
  let wireguardUsers = 0;
  for (const u of db.all("SELECT * FROM users ORDER BY id")) {
    const id = Number(u.id);
    const key = String(id);
    const username = String(u.username);
    const createdAt = instant(u.created_at) ?? { seconds: 0, micros: 0 };
    const settings = jsonColumn(u.proxy_settings ?? "{}", proxySettingsSchema, `users row ${id} proxy_settings`);
    if (settings.wireguard) wireguardUsers++;
    const reset = resets.get(id);
    const usedTraffic = bytes(u.used_traffic ?? 0, `user ${username} used_traffic`);
    const expire = instant(u.expire);
    users.push(
      pasarGuardUser(
        {
          key,
          username,
          status: String(u.status),
          usedTraffic,
          lifetimeUsedTraffic: usedTraffic + (reset?.total ?? 0),
          dataLimit: u.data_limit === null ? null : bytes(u.data_limit, `user ${username} data_limit`),
          resetStrategy: String(u.data_limit_reset_strategy),
          expireAt: expire ? instantIso(expire) : null,
          onHoldExpireSeconds: num(u.on_hold_expire_duration),
          createdAt,
          periodStartedAt: reset ? parsePeerInstant(reset.last) : createdAt,
          subRevokedAt: instant(u.sub_revoked_at),
          note: text(u.note),
          // 0 and NULL both mean no limit on the peer.
          deviceLimit: num(u.hwid_limit) || null,
          ownerKey: text(u.admin_id),
        },
        settings,
        userGroups.get(id) ?? [],
        context,
      ),
    );
    unmapped.push(...rowFeatureIssues(u, { key, username }, plans.get(id) ?? null));
  }
  unmapped.push(...wireguardIssue(wireguardUsers));
  if (tables.has("user_hwids")) {
    const devices = Number(db.all("SELECT count(*) AS n FROM user_hwids")[0]?.n ?? 0);
    if (devices > 0) {
      unmapped.push({
        kind: "USER",
        key: "user_hwids",
        name: "registered devices",
        reason: `${devices} registered devices (HWIDs) are not carried: devices count again as they fetch the subscription here`,
      });
    }
  }
  return { header, users };
}
