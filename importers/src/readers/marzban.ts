/**
 * Marzban's db.sqlite3 (Gozargah/Marzban, app/db/models.py) in our terms. Its inbounds live in
 * xray_config.json, not the database: pass the file's content as `xrayConfig` to import them and
 * each user's access; without it the users come with credentials only and the inbounds are listed.
 * The PasarGuard and REST readers reuse the user mapping here: the three share Marzban's model.
 */
import { z } from "zod";
import type {
  ImportAccessInput,
  ImportAdminInput,
  ImportCredentialsInput,
  ImportIssueInput,
  ImportNodeInput,
  ImportUserInput,
  PeerExport,
} from "../model";
import type { ResetStrategy, UserStatus } from "../generated/graphql";
import { type SqlRow, type SqliteSource, tableNames } from "../sqlite";
import { type PeerInstant, instantIso, parsePeerInstant, tokenNotBefore } from "./peer-time";
import { bytes, isoFromSeconds } from "./units";
import { UsernameAllocator } from "./usernames";
import { type ConfigInbound, type UserProtocol, mapXrayConfigInbounds } from "./xray-config";
import { accessFlow } from "./xray-inbound";

export interface MarzbanReadOptions {
  /** Names the peer panel (its host): re-runs with the same instance match by the peer's ids. */
  instance: string;
  /** xray_config.json, parsed or as text. */
  xrayConfig?: unknown;
  /** Where the panel's own Xray runs: it becomes a node beside the peer's `nodes`. */
  nodeAddress?: string;
}

/** Key of the panel host's own core, which Marzban runs beside its nodes. */
export const MAIN_NODE_KEY = "main";

const PEER_STATUS: Record<string, UserStatus> = {
  active: "ACTIVE",
  disabled: "DISABLED",
  limited: "LIMITED",
  expired: "EXPIRED",
  on_hold: "ON_HOLD",
};

const PEER_RESET: Record<string, ResetStrategy> = {
  no_reset: "NONE",
  day: "DAY",
  week: "WEEK",
  month: "MONTH",
  year: "YEAR",
};

/** Marzban stores proxies.type by enum NAME; the API and PasarGuard say the protocol in lower case. */
const PROXY_TYPE: Record<string, UserProtocol> = {
  VMess: "vmess",
  VLESS: "vless",
  Trojan: "trojan",
  Shadowsocks: "shadowsocks",
  vmess: "vmess",
  vless: "vless",
  trojan: "trojan",
  shadowsocks: "shadowsocks",
};

/** proxies.settings (app/models/proxy.py): vmess {id}, vless {id, flow}, trojan {password, flow}, shadowsocks {password, method}. */
export const proxySettingsSchema = z
  .looseObject({
    id: z.string().optional(),
    flow: z.string().nullish(),
    password: z.string().optional(),
    method: z.string().optional(),
  })
  .transform(({ flow, ...rest }) => ({ ...rest, flow: flow ?? undefined }));

export interface PeerProxy {
  protocol: UserProtocol;
  settings: z.infer<typeof proxySettingsSchema>;
}

/** A JSON column read with `schema`; a row that does not fit names its table and id. */
export function jsonColumn<T>(value: unknown, schema: z.ZodType<T>, where: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(value));
  } catch {
    throw new Error(`${where} is not JSON`);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new Error(`${where}: ${z.prettifyError(result.error)}`);
  return result.data;
}

export const proxyProtocol = (type: string): UserProtocol => {
  const protocol = PROXY_TYPE[type];
  if (!protocol) throw new Error(`unknown Marzban proxy type ${JSON.stringify(type)}`);
  return protocol;
};

/** A user's secrets per protocol, as the peer holds them. */
export function proxyCredentials(proxies: PeerProxy[]): ImportCredentialsInput {
  const credentials: ImportCredentialsInput = {};
  for (const { protocol, settings } of proxies) {
    if (protocol === "vless") credentials.vlessId = settings.id ?? null;
    if (protocol === "vmess") credentials.vmessId = settings.id ?? null;
    if (protocol === "trojan") credentials.trojanPassword = settings.password ?? null;
    if (protocol === "shadowsocks") credentials.shadowsocksPassword = settings.password ?? null;
  }
  return credentials;
}

/** One access entry per inbound the user reaches, with the flow or method it uses there. */
function inboundAccess(
  protocol: UserProtocol,
  settings: PeerProxy["settings"],
  inbound: ConfigInbound,
): ImportAccessInput {
  if (protocol === "vless") {
    // Only where the user's flow differs from the one the inbound gives everyone.
    const flow = accessFlow(inbound.inbound, settings.flow ?? "");
    return flow === undefined ? { inboundKey: inbound.tag } : { inboundKey: inbound.tag, flow };
  }
  if (protocol === "shadowsocks")
    return { inboundKey: inbound.tag, method: settings.method ?? DEFAULT_SHADOWSOCKS_METHOD };
  return { inboundKey: inbound.tag };
}

/**
 * What Marzban gives a user: every inbound of its proxies' protocols in the config, less the ones
 * excluded for that proxy.
 */
export function marzbanAccess(
  proxies: (PeerProxy & { excludedTags: ReadonlySet<string> })[],
  inbounds: ConfigInbound[],
): ImportAccessInput[] {
  return proxies.flatMap((proxy) =>
    inbounds
      .filter((inbound) => inbound.protocol === proxy.protocol && !proxy.excludedTags.has(inbound.tag))
      .map((inbound) => inboundAccess(proxy.protocol, proxy.settings, inbound)),
  );
}

/** Marzban's default shadowsocks method, for users that never chose one. */
const DEFAULT_SHADOWSOCKS_METHOD = "chacha20-ietf-poly1305";

/** The method most users' shadowsocks proxies use: the inbound's, so few users need their own. */
export function commonShadowsocksMethod(proxies: PeerProxy[]): string {
  const counts = new Map<string, number>();
  for (const p of proxies) {
    if (p.protocol !== "shadowsocks") continue;
    const method = p.settings.method ?? DEFAULT_SHADOWSOCKS_METHOD;
    counts.set(method, (counts.get(method) ?? 0) + 1);
  }
  let best = DEFAULT_SHADOWSOCKS_METHOD;
  for (const [method, n] of counts) if (n > (counts.get(best) ?? 0)) best = method;
  return best;
}

/** The vless flows of the proxies Marzban puts in the inbound `tag` (all vless proxies but those excluding it). */
const vlessFlowsIn = (tag: string, proxies: (PeerProxy & { excludedTags: ReadonlySet<string> })[]): string[] =>
  proxies.filter((p) => p.protocol === "vless" && !p.excludedTags.has(tag)).map((p) => p.settings.flow ?? "");

/** A Marzban-family user in the peer's units, however it was read (SQLite or REST). */
export interface PeerUser {
  key: string;
  username: string;
  status: string;
  usedTraffic: number;
  /** Reset usage logs plus current usage; null when the source does not tell. */
  lifetimeUsedTraffic: number | null;
  dataLimit: number | null;
  resetStrategy: string;
  expireAt: string | null;
  onHoldExpireSeconds: number | null;
  createdAt: PeerInstant;
  /** When the current usage period began (the last reset, else creation); null when the source does not tell. */
  periodStartedAt: PeerInstant | null;
  subRevokedAt: PeerInstant | null;
  note: string | null;
  deviceLimit: number | null;
  ownerKey: string | null;
  /** PasarGuard's newer tokens name the user by id. */
  peerUserId: string | null;
  credentials: ImportCredentialsInput;
  access: ImportAccessInput[];
}

/**
 * Our user from a Marzban-family one: the units converted, nothing else changed but a name our
 * rules refuse or that collides (reported in `issues`). Tokens keep the name as the peer stores it.
 */
export function toImportUser(user: PeerUser, names: UsernameAllocator, issues: ImportIssueInput[]): ImportUserInput {
  const peerStatus = PEER_STATUS[user.status];
  if (!peerStatus) throw new Error(`user ${user.username}: unknown status ${JSON.stringify(user.status)}`);
  const resetStrategy = PEER_RESET[user.resetStrategy];
  if (!resetStrategy)
    throw new Error(`user ${user.username}: unknown reset strategy ${JSON.stringify(user.resetStrategy)}`);
  const onHold = user.status === "on_hold";
  const name = names.allocate(user.username);
  if (name.adjustment) issues.push({ kind: "USER", key: user.key, name: user.username, reason: name.adjustment });
  return {
    key: user.key,
    username: name.username,
    enabled: user.status !== "disabled",
    onHold,
    peerStatus,
    // NULL and 0 both mean unlimited on these panels.
    dataLimit: user.dataLimit ? user.dataLimit : null,
    usedTraffic: user.usedTraffic,
    lifetimeUsedTraffic: user.lifetimeUsedTraffic,
    expireAt: user.expireAt,
    onHoldExpireSeconds: onHold ? user.onHoldExpireSeconds : null,
    resetStrategy,
    periodStartedAt: user.periodStartedAt && instantIso(user.periodStartedAt),
    deviceLimit: user.deviceLimit,
    note: user.note,
    telegramId: null,
    createdAt: instantIso(user.createdAt),
    ownerKey: user.ownerKey,
    subToken: null,
    legacyToken: {
      username: user.username,
      peerUserId: user.peerUserId,
      notBefore: tokenNotBefore(user.createdAt, user.subRevokedAt),
    },
    credentials: user.credentials,
    access: user.access,
  };
}

/** Issues for what a Marzban-family user carries that has no place here. */
export function userFeatureIssues(
  user: { key: string; username: string },
  features: { onHoldTimeout: string | null; autoDeleteInDays: number | null; nextPlan: string | null },
): ImportIssueInput[] {
  const issue = (reason: string): ImportIssueInput => ({ kind: "USER", key: user.key, name: user.username, reason });
  const issues: ImportIssueInput[] = [];
  if (features.onHoldTimeout) {
    issues.push(
      issue(
        `on-hold timeout ${features.onHoldTimeout} (start the clock then even without use) has no equal here: the user waits for first use`,
      ),
    );
  }
  if (features.autoDeleteInDays !== null) {
    issues.push(
      issue(`auto_delete_in_days ${features.autoDeleteInDays} has no equal here: nothing deletes the user by itself`),
    );
  }
  if (features.nextPlan) issues.push(issue(`next plan (${features.nextPlan}) has no equal here`));
  return issues;
}

/** userFeatureIssues of a `users` row of either panel's database. */
export const rowFeatureIssues = (u: SqlRow, user: { key: string; username: string }, nextPlan: string | null) =>
  userFeatureIssues(user, {
    onHoldTimeout:
      u.status === "on_hold" && u.on_hold_timeout ? instantIso(parsePeerInstant(String(u.on_hold_timeout))) : null,
    autoDeleteInDays: num(u.auto_delete_in_days),
    nextPlan,
  });

export const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
export const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
export const instant = (value: unknown): PeerInstant | null =>
  value === null || value === undefined ? null : parsePeerInstant(String(value));

/** The secret that signs a Marzban/PasarGuard panel's subscription tokens (the `jwt` table's one row). */
export function readJwtSecret(db: SqliteSource): string | null {
  const row = db.all("SELECT secret_key FROM jwt ORDER BY id LIMIT 1")[0];
  return text(row?.secret_key);
}

export const alembicVersion = (db: SqliteSource): string | null =>
  tableNames(db).has("alembic_version")
    ? text(db.all("SELECT version_num FROM alembic_version")[0]?.version_num)
    : null;

/** The peer's admins with their bcrypt hashes; `isAdmin` tells full admins from resellers. */
export function readPeerAdmins(
  db: SqliteSource,
  isAdmin: (row: SqlRow) => boolean,
  unmapped: ImportIssueInput[],
): ImportAdminInput[] {
  return db.all("SELECT * FROM admins ORDER BY id").map((a) => {
    const admin: ImportAdminInput = {
      key: String(a.id),
      username: String(a.username),
      role: isAdmin(a) ? "ADMIN" : "RESELLER",
      passwordHash: text(a.hashed_password),
    };
    const issue = (reason: string) => unmapped.push({ kind: "ADMIN", key: admin.key, name: admin.username, reason });
    if (a.telegram_id !== null && a.telegram_id !== undefined)
      issue(`Telegram id ${a.telegram_id} for notifications has no place here`);
    if (a.discord_webhook) issue("Discord webhook has no place here");
    return admin;
  });
}

/** Host overrides and user templates: the peer's, with no equal here. */
export function hostAndTemplateIssues(db: SqliteSource): ImportIssueInput[] {
  const issues: ImportIssueInput[] = db
    .all("SELECT id, remark, address, inbound_tag FROM hosts ORDER BY id")
    .map((h) => ({
      kind: "INBOUND",
      key: text(h.inbound_tag) ?? `host:${h.id}`,
      name: String(h.remark),
      reason: `host entry (address ${h.address}) overrides links on the peer; links here use each node's address`,
    }));
  for (const t of db.all("SELECT id, name FROM user_templates ORDER BY id")) {
    issues.push({
      kind: "GROUP",
      key: `template:${t.id}`,
      name: String(t.name),
      reason: "user templates have no equal here",
    });
  }
  return issues;
}

/** Per user: bytes forgiven by past resets, and when the last reset happened (the current period's start). */
export function readUsageResets(db: SqliteSource): Map<number, { total: number; last: string }> {
  const resets = new Map<number, { total: number; last: string }>();
  for (const r of db.all(
    "SELECT user_id, used_traffic_at_reset, reset_at FROM user_usage_logs ORDER BY reset_at, id",
  )) {
    const prior = resets.get(Number(r.user_id));
    resets.set(Number(r.user_id), {
      total: (prior?.total ?? 0) + bytes(r.used_traffic_at_reset, `user_usage_logs of user ${r.user_id}`),
      last: String(r.reset_at),
    });
  }
  return resets;
}

/** Per user: its next plan, described for the report. */
export function readNextPlans(db: SqliteSource): Map<number, string> {
  const plans = new Map<number, string>();
  for (const p of db.all("SELECT user_id, data_limit, expire, add_remaining_traffic FROM next_plans")) {
    const keeps = Number(p.add_remaining_traffic) ? ", keeps remaining traffic" : "";
    plans.set(Number(p.user_id), `data limit ${p.data_limit} bytes, expire +${p.expire ?? 0} s${keeps}`);
  }
  return plans;
}

/** Reads a Marzban db.sqlite3. */
export function readMarzbanDb(db: SqliteSource, options: MarzbanReadOptions): PeerExport {
  const unmapped: ImportIssueInput[] = [];

  const nodes: ImportNodeInput[] = db
    .all("SELECT id, name, address FROM nodes ORDER BY id")
    .map((n) => ({ key: String(n.id), name: String(n.name), address: String(n.address) }));
  if (options.nodeAddress) nodes.unshift({ key: MAIN_NODE_KEY, name: options.instance, address: options.nodeAddress });
  else {
    unmapped.push({
      kind: "NODE",
      key: MAIN_NODE_KEY,
      name: options.instance,
      reason: "the Marzban host's own Xray needs an address to become a node: give it (--node-address)",
    });
  }

  const proxiesByUser = new Map<number, (PeerProxy & { excludedTags: Set<string> })[]>();
  const proxyById = new Map<number, PeerProxy & { excludedTags: Set<string> }>();
  for (const p of db.all("SELECT id, user_id, type, settings FROM proxies ORDER BY id")) {
    const proxy = {
      protocol: proxyProtocol(String(p.type)),
      settings: jsonColumn(p.settings, proxySettingsSchema, `proxies row ${p.id} settings`),
      excludedTags: new Set<string>(),
    };
    proxyById.set(Number(p.id), proxy);
    const list = proxiesByUser.get(Number(p.user_id)) ?? [];
    list.push(proxy);
    proxiesByUser.set(Number(p.user_id), list);
  }
  for (const e of db.all("SELECT proxy_id, inbound_tag FROM exclude_inbounds_association")) {
    proxyById.get(Number(e.proxy_id))?.excludedTags.add(String(e.inbound_tag));
  }
  const inboundTags = db.all("SELECT tag FROM inbounds ORDER BY id").map((r) => String(r.tag));
  let usable: ConfigInbound[] = [];
  const header: PeerExport["header"] = {
    source: {
      kind: "MARZBAN",
      instance: options.instance,
      version: alembicVersion(db),
      subscriptionSecret: readJwtSecret(db),
      subscriptionPaths: ["/sub/"],
    },
    inbounds: [],
    nodes,
    admins: [],
    unmapped,
  };
  if (options.xrayConfig === undefined) {
    for (const tag of inboundTags) {
      unmapped.push({
        kind: "INBOUND",
        key: tag,
        name: tag,
        reason:
          "Marzban keeps inbounds in xray_config.json, which was not given (--xray-config): users get no access to it",
      });
    }
  } else {
    const mapped = mapXrayConfigInbounds(options.xrayConfig, {
      nodeKeys: nodes.map((n) => n.key),
      source: "xray_config.json",
      shadowsocksMethod: commonShadowsocksMethod([...proxyById.values()]),
      userFlows: (tag) => vlessFlowsIn(tag, [...proxyById.values()]),
    });
    header.inbounds = mapped.inbounds;
    unmapped.push(...mapped.issues);
    usable = mapped.usable;
  }
  if (!header.source.subscriptionSecret) {
    unmapped.push({
      kind: "USER",
      key: "jwt",
      name: "subscription secret",
      reason: "the jwt table has no secret_key: old subscription links cannot be verified",
    });
  }

  header.admins = readPeerAdmins(db, (a) => Boolean(Number(a.is_sudo)), unmapped);
  unmapped.push(...hostAndTemplateIssues(db));
  const resets = readUsageResets(db);
  const plans = readNextPlans(db);

  const users: ImportUserInput[] = [];
  const names = new UsernameAllocator();
  for (const u of db.all("SELECT * FROM users ORDER BY id")) {
    const id = Number(u.id);
    const key = String(id);
    const username = String(u.username);
    const createdAt = instant(u.created_at) ?? { seconds: 0, micros: 0 };
    const proxies = proxiesByUser.get(id) ?? [];
    const reset = resets.get(id);
    const usedTraffic = bytes(u.used_traffic ?? 0, `user ${username} used_traffic`);
    users.push(
      toImportUser(
        {
          key,
          username,
          status: String(u.status),
          usedTraffic,
          lifetimeUsedTraffic: usedTraffic + (reset?.total ?? 0),
          dataLimit: u.data_limit === null ? null : bytes(u.data_limit, `user ${username} data_limit`),
          resetStrategy: String(u.data_limit_reset_strategy),
          expireAt: u.expire ? isoFromSeconds(Number(u.expire)) : null,
          onHoldExpireSeconds: num(u.on_hold_expire_duration),
          createdAt,
          periodStartedAt: reset ? parsePeerInstant(reset.last) : createdAt,
          subRevokedAt: instant(u.sub_revoked_at),
          note: text(u.note),
          deviceLimit: null,
          ownerKey: text(u.admin_id),
          peerUserId: null,
          credentials: proxyCredentials(proxies),
          access: marzbanAccess(proxies, usable),
        },
        names,
        unmapped,
      ),
    );
    unmapped.push(...rowFeatureIssues(u, { key, username }, plans.get(id) ?? null));
  }
  return { header, users };
}
