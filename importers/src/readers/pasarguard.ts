/**
 * PasarGuard's db.sqlite3 (PasarGuard/panel v5, app/db/models.py): a Marzban fork whose users keep
 * their secrets in `users.proxy_settings`, reach inbounds through groups, and whose Xray configs
 * live in `core_configs` beside the nodes that run them. Unlike Marzban, the file alone is enough.
 */
import type {
  ImportAccessInput,
  ImportCredentialsInput,
  ImportIssueInput,
  ImportNodeInput,
  ImportUserInput,
  PeerExport,
} from "../model";
import { type SqliteSource, columnNames, tableNames } from "../sqlite";
import {
  alembicVersion,
  hostAndTemplateIssues,
  instant,
  num,
  readJwtSecret,
  readNextPlans,
  readPeerAdmins,
  readUsageResets,
  text,
  toImportUser,
  userFeatureIssues,
} from "./marzban";
import { instantIso, parsePeerInstant } from "./peer-time";
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

interface ProxySettings {
  vmess?: { id?: string };
  vless?: { id?: string; flow?: string };
  trojan?: { password?: string };
  shadowsocks?: { password?: string; method?: string };
  hysteria?: { auth?: string };
  wireguard?: unknown;
}

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

/** Reads a PasarGuard db.sqlite3. */
export function readPasarGuardDb(db: SqliteSource, options: PasarGuardReadOptions): PeerExport {
  const unmapped: ImportIssueInput[] = [];
  const tables = tableNames(db);
  const nodeRows = db.all("SELECT * FROM nodes ORDER BY id");
  const nodes: ImportNodeInput[] = nodeRows.map((n) => ({
    key: String(n.id),
    name: String(n.name),
    address: String(n.address),
  }));

  // Each core config is served by the nodes pointing at it; a tag in several configs is one inbound on all their nodes.
  const inboundsByTag = new Map<
    string,
    { inbound: PeerExport["header"]["inbounds"][number]; usable?: ConfigInbound }
  >();
  const configs =
    options.xrayConfig !== undefined
      ? [{ id: null, name: "xray config", type: "xray", config: options.xrayConfig, excluded: "" }]
      : tables.has("core_configs")
        ? db.all("SELECT id, name, type, config, exclude_inbound_tags FROM core_configs ORDER BY id").map((c) => ({
            id: Number(c.id),
            name: String(c.name),
            type: String(c.type),
            config: String(c.config),
            excluded: text(c.exclude_inbound_tags) ?? "",
          }))
        : [];
  for (const config of configs) {
    if (config.type !== "xray") {
      unmapped.push({
        kind: "INBOUND",
        key: `core:${config.id}`,
        name: config.name,
        reason: `a ${config.type} core has no place here`,
      });
      continue;
    }
    const nodeKeys = nodeRows
      .filter((n) => config.id === null || Number(n.core_config_id) === config.id)
      .map((n) => String(n.id));
    const excluded = new Set(config.excluded.split(",").filter(Boolean));
    const mapped = mapXrayConfigInbounds(config.config, { nodeKeys, source: `core config "${config.name}"` });
    unmapped.push(...mapped.issues);
    for (const inbound of mapped.inbounds) {
      // PasarGuard leaves these out of what the core serves (exclude_inbound_tags).
      if (excluded.has(inbound.key)) continue;
      const prior = inboundsByTag.get(inbound.key);
      if (prior) prior.inbound.nodeKeys = [...new Set([...prior.inbound.nodeKeys, ...nodeKeys])];
      else inboundsByTag.set(inbound.key, { inbound, usable: mapped.usable.find((u) => u.tag === inbound.key) });
    }
  }
  if (configs.length === 0) {
    unmapped.push({
      kind: "INBOUND",
      key: "core_configs",
      name: "Xray config",
      reason: "the database has no core_configs: give the Xray config (--xray-config) to import inbounds and access",
    });
  }

  // Inbound tags of each enabled group; a disabled group gives its users nothing, as on the peer.
  const groupInbounds = new Map<number, ConfigInbound[]>();
  for (const g of db.all("SELECT id, name, is_disabled FROM groups ORDER BY id")) {
    const tags = db
      .all(
        "SELECT i.tag FROM inbounds_groups_association a JOIN inbounds i ON i.id = a.inbound_id WHERE a.group_id = ? ORDER BY i.id",
        Number(g.id),
      )
      .map((r) => String(r.tag));
    const disabled = Boolean(Number(g.is_disabled));
    groupInbounds.set(Number(g.id), disabled ? [] : tags.flatMap((tag) => inboundsByTag.get(tag)?.usable ?? []));
    unmapped.push({
      kind: "GROUP",
      key: String(g.id),
      name: String(g.name),
      reason: disabled
        ? `disabled on the peer: its inbounds (${tags.join(", ")}) are given to no one`
        : `not created here: its members get its inbounds (${tags.join(", ")}) directly`,
    });
  }
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
    inbounds: [...inboundsByTag.values()].map((v) => v.inbound),
    nodes,
    admins: readPeerAdmins(db, adminRoleReader(db), unmapped),
    unmapped,
  };
  unmapped.push(...hostAndTemplateIssues(db));
  const resets = readUsageResets(db);
  const plans = readNextPlans(db);

  const users: ImportUserInput[] = [];
  const names = new UsernameAllocator();
  let wireguardUsers = 0;
  for (const u of db.all("SELECT * FROM users ORDER BY id")) {
    const id = Number(u.id);
    const key = String(id);
    const username = String(u.username);
    const createdAt = instant(u.created_at) ?? { seconds: 0, micros: 0 };
    const settings = JSON.parse(String(u.proxy_settings ?? "{}")) as ProxySettings;
    if (settings.wireguard) wireguardUsers++;
    const inbounds = [
      ...new Map((userGroups.get(id) ?? []).flatMap((g) => groupInbounds.get(g) ?? []).map((i) => [i.tag, i])).values(),
    ];
    const reset = resets.get(id);
    const usedTraffic = Number(u.used_traffic ?? 0);
    const expire = instant(u.expire);
    users.push(
      toImportUser(
        {
          key,
          username,
          status: String(u.status),
          usedTraffic,
          lifetimeUsedTraffic: usedTraffic + (reset?.total ?? 0),
          dataLimit: num(u.data_limit),
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
          peerUserId: key,
          credentials: credentialsOf(settings),
          access: accessOf(settings, inbounds),
        },
        names,
        unmapped,
      ),
    );
    const storedFlow = settings.vless?.flow;
    if (storedFlow) {
      unmapped.push({
        kind: "USER",
        key,
        name: username,
        reason: `its stored vless flow ${storedFlow} is one PasarGuard no longer applies (flow is the inbound's since #472): imported with each inbound's flow`,
      });
    }
    unmapped.push(
      ...userFeatureIssues(
        { key, username },
        {
          onHoldTimeout:
            u.status === "on_hold" && u.on_hold_timeout
              ? instantIso(parsePeerInstant(String(u.on_hold_timeout)))
              : null,
          autoDeleteInDays: num(u.auto_delete_in_days),
          nextPlan: plans.get(id) ?? null,
        },
      ),
    );
  }
  if (wireguardUsers > 0) {
    unmapped.push({
      kind: "USER",
      key: "wireguard",
      name: "WireGuard",
      reason: `${wireguardUsers} users' WireGuard keys have no place here`,
    });
  }
  if (tables.has("user_hwids")) {
    const devices = Number(db.all("SELECT count(*) AS n FROM user_hwids")[0]?.n ?? 0);
    if (devices > 0) {
      unmapped.push({
        kind: "USER",
        key: "user_hwids",
        name: "registered devices",
        reason: `${devices} registered devices (HWIDs) are not carried: each device registers again on its next subscription fetch`,
      });
    }
  }
  return { header, users };
}
