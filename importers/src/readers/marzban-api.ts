/**
 * Marzban and PasarGuard over their REST APIs, for installations on MySQL/PostgreSQL whose
 * database file is not at hand. The API says less than the database: no user ids on Marzban, no
 * `sub_revoked_at`, no password hashes, and never the token secret. What it cannot say is listed
 * in the report; the secret can be given (`subscriptionSecret`, the `jwt` table's secret_key).
 */
import { z } from "zod";
import type { ImportAdminInput, ImportIssueInput, ImportUserInput, PeerExport } from "../model";
import {
  MAIN_NODE_KEY,
  type PeerProxy,
  commonShadowsocksMethod,
  proxySettingsSchema,
  marzbanAccess,
  proxyCredentials,
  proxyProtocol,
  toImportUser,
  userFeatureIssues,
} from "./marzban";
import {
  type PasarGuardCore,
  proxySettingsSchema as pasarGuardProxySettingsSchema,
  pasarGuardInbounds,
  pasarGuardUser,
  wireguardIssue,
} from "./pasarguard";
import { type PeerApi, subscriptionPaths } from "./peer-http";
import { instantIso, parsePeerInstant } from "./peer-time";
import { isoFromSeconds } from "./units";
import { UsernameAllocator } from "./usernames";
import { type ConfigInbound, mapXrayConfigInbounds } from "./xray-config";

export interface MarzbanApiOptions {
  instance: string;
  /** Marzban/PasarGuard `jwt.secret_key`: without it old subscription links cannot be verified here. */
  subscriptionSecret?: string;
  /** Where Marzban's own Xray runs (PasarGuard runs cores on nodes only). */
  nodeAddress?: string;
  /** Users per page. */
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 500;

const tokenSchema = z.object({ access_token: z.string().min(1) });

/** Signs in with the OAuth2 password form both panels take, unless a token was given. */
export async function signInMarzbanFamily(
  api: PeerApi,
  credentials: { token?: string; username?: string; password?: string },
) {
  if (credentials.token) {
    api.bearer = credentials.token;
    return;
  }
  if (!credentials.username || !credentials.password)
    throw new Error("give an admin token, or a username and password");
  const { access_token } = await api.postForm(
    "/api/admin/token",
    { grant_type: "password", username: credentials.username, password: credentials.password },
    tokenSchema,
  );
  api.bearer = access_token;
}

/**
 * Pages through `GET path?offset=&limit=` until `total` users are read, ordered by username
 * (unique on both panels): without an order the database may hand out a row twice and skip another.
 */
async function allPages<T>(
  api: PeerApi,
  path: string,
  schema: z.ZodType<{ users: T[]; total: number }>,
  pageSize: number,
) {
  const users: T[] = [];
  for (;;) {
    const page = await api.get(`${path}?offset=${users.length}&limit=${pageSize}&sort=username`, schema);
    users.push(...page.users);
    if (page.users.length === 0 || users.length >= page.total) return users;
  }
}

const nullableNumber = z.number().nullish();
const nullableString = z.string().nullish();
const nextPlanSchema = z
  .looseObject({ data_limit: nullableNumber, expire: nullableNumber, add_remaining_traffic: z.boolean().optional() })
  .nullish();
/** Fields both panels' UserResponse share. */
const commonUserFields = {
  username: z.string(),
  status: z.string(),
  used_traffic: z.number(),
  lifetime_used_traffic: z.number().optional(),
  data_limit: nullableNumber,
  data_limit_reset_strategy: z.string().nullish(),
  created_at: z.string(),
  note: nullableString,
  on_hold_expire_duration: nullableNumber,
  on_hold_timeout: z.union([z.string(), z.number()]).nullish(),
  auto_delete_in_days: nullableNumber,
  next_plan: nextPlanSchema,
};

const describePlan = (plan: z.infer<typeof nextPlanSchema>) =>
  plan
    ? `data limit ${plan.data_limit ?? 0} bytes, expire +${plan.expire ?? 0} s${plan.add_remaining_traffic ? ", keeps remaining traffic" : ""}`
    : null;

const onHoldTimeout = (status: string, timeout: string | number | null | undefined) =>
  status !== "on_hold" || timeout === null || timeout === undefined
    ? null
    : typeof timeout === "number"
      ? isoFromSeconds(timeout)
      : instantIso(parsePeerInstant(timeout));

type CommonApiUser = z.infer<z.ZodObject<typeof commonUserFields>>;

/**
 * The fields both panels' UserResponse carry, in the readers' terms, with the features that have
 * no place here reported. The API never says when usage was last reset or a link was revoked.
 */
function commonUser(u: CommonApiUser, key: string, unmapped: ImportIssueInput[]) {
  unmapped.push(
    ...userFeatureIssues(
      { key, username: u.username },
      {
        onHoldTimeout: onHoldTimeout(u.status, u.on_hold_timeout),
        autoDeleteInDays: u.auto_delete_in_days ?? null,
        nextPlan: describePlan(u.next_plan),
      },
    ),
  );
  return {
    key,
    username: u.username,
    status: u.status,
    usedTraffic: u.used_traffic,
    lifetimeUsedTraffic: u.lifetime_used_traffic ?? null,
    dataLimit: u.data_limit ?? null,
    resetStrategy: u.data_limit_reset_strategy ?? "no_reset",
    onHoldExpireSeconds: u.on_hold_expire_duration ?? null,
    createdAt: parsePeerInstant(u.created_at),
    periodStartedAt: null,
    subRevokedAt: null,
    note: u.note ?? null,
  };
}

/** What no API of these panels says, once per import. */
function apiLimits(kind: "Marzban" | "PasarGuard", secretGiven: boolean): ImportIssueInput[] {
  const issues: ImportIssueInput[] = [
    {
      kind: "USER",
      key: "sub_revoked_at",
      name: "revoked subscriptions",
      reason: `${kind}'s API does not say when a user's link was revoked: links revoked on the peer resolve here until revoked again (the database file carries it)`,
    },
  ];
  if (!secretGiven) {
    issues.push({
      kind: "USER",
      key: "jwt",
      name: "subscription secret",
      reason: `${kind}'s API never reveals jwt.secret_key: give it (--subscription-secret) or old subscription links stop working`,
    });
  }
  return issues;
}

const marzbanUserSchema = z.looseObject({
  ...commonUserFields,
  expire: nullableNumber,
  proxies: z.record(z.string(), proxySettingsSchema),
  inbounds: z.record(z.string(), z.array(z.string())).default({}),
  admin: z.looseObject({ username: z.string() }).nullish(),
  subscription_url: z.string().default(""),
});
const marzbanUsersSchema = z.object({ users: z.array(marzbanUserSchema), total: z.number() });
const marzbanNodesSchema = z.array(z.looseObject({ id: z.number(), name: z.string(), address: z.string() }));
const marzbanAdminsSchema = z.array(
  z.looseObject({
    username: z.string(),
    is_sudo: z.boolean(),
    telegram_id: nullableNumber,
    discord_webhook: nullableString,
  }),
);
const marzbanInboundsSchema = z.record(z.string(), z.array(z.looseObject({ tag: z.string() })));

/** Reads a Marzban panel through its API (signed in already). */
export async function readMarzbanApi(api: PeerApi, options: MarzbanApiOptions): Promise<PeerExport> {
  const unmapped: ImportIssueInput[] = apiLimits("Marzban", Boolean(options.subscriptionSecret));
  // Oldest first, as the database reader goes by id: a name two users share (case aside) stays the first one's.
  const peerUsers = (await allPages(api, "/api/users", marzbanUsersSchema, options.pageSize ?? DEFAULT_PAGE_SIZE))
    .map((u) => ({ u, created: parsePeerInstant(u.created_at) }))
    .sort((a, b) => a.created.seconds - b.created.seconds || a.created.micros - b.created.micros)
    .map(({ u }) => u);
  const proxiesOf = (u: z.infer<typeof marzbanUserSchema>): PeerProxy[] =>
    Object.entries(u.proxies).map(([type, settings]) => ({
      protocol: proxyProtocol(type),
      settings,
    }));

  const nodes = ((await api.getIfAllowed("/api/nodes", marzbanNodesSchema)) ?? []).map((n) => ({
    key: String(n.id),
    name: n.name,
    address: n.address,
  }));
  if (options.nodeAddress) nodes.unshift({ key: MAIN_NODE_KEY, name: options.instance, address: options.nodeAddress });
  else {
    unmapped.push({
      kind: "NODE",
      key: MAIN_NODE_KEY,
      name: options.instance,
      reason: "the Marzban host's own Xray needs an address to become a node: give it (--node-address)",
    });
  }

  let usable: ConfigInbound[] = [];
  let inbounds: PeerExport["header"]["inbounds"] = [];
  const config = await api.getIfAllowed("/api/core/config", z.unknown());
  if (config !== null) {
    const mapped = mapXrayConfigInbounds(config, {
      nodeKeys: nodes.map((n) => n.key),
      source: "GET /api/core/config",
      shadowsocksMethod: commonShadowsocksMethod(peerUsers.flatMap(proxiesOf)),
      userFlows: (tag) =>
        peerUsers.flatMap((u) => (u.inbounds.vless?.includes(tag) ? [u.proxies.vless?.flow ?? ""] : [])),
    });
    inbounds = mapped.inbounds;
    usable = mapped.usable;
    unmapped.push(...mapped.issues);
  } else {
    const listed = (await api.getIfAllowed("/api/inbounds", marzbanInboundsSchema)) ?? {};
    for (const inbound of Object.values(listed).flat()) {
      unmapped.push({
        kind: "INBOUND",
        key: inbound.tag,
        name: inbound.tag,
        reason: "the Xray config (GET /api/core/config) needs a sudo admin: users get no access to it",
      });
    }
  }

  const admins: ImportAdminInput[] = [];
  for (const a of (await api.getIfAllowed("/api/admins", marzbanAdminsSchema)) ?? []) {
    admins.push({ key: a.username, username: a.username, role: a.is_sudo ? "ADMIN" : "RESELLER", passwordHash: null });
    if (a.telegram_id) {
      unmapped.push({
        kind: "ADMIN",
        key: a.username,
        name: a.username,
        reason: `Telegram id ${a.telegram_id} for notifications has no place here`,
      });
    }
  }

  const names = new UsernameAllocator();
  const users: ImportUserInput[] = peerUsers.map((u) => {
    // Marzban's API never shows a user's id: the name is its identity here.
    const key = `username:${u.username}`;
    const proxies = proxiesOf(u);
    // The API lists the inbounds a user HAS; everything else of its protocols is excluded.
    const excluded = (protocol: string) =>
      new Set(
        usable
          .filter((i) => i.protocol === protocol && !(u.inbounds[protocol] ?? []).includes(i.tag))
          .map((i) => i.tag),
      );
    return toImportUser(
      {
        ...commonUser(u, key, unmapped),
        expireAt: u.expire ? isoFromSeconds(u.expire) : null,
        deviceLimit: null,
        ownerKey: u.admin?.username ?? null,
        peerUserId: null,
        credentials: proxyCredentials(proxies),
        access: marzbanAccess(
          proxies.map((p) => ({ ...p, excludedTags: excluded(p.protocol) })),
          usable,
        ),
      },
      names,
      unmapped,
    );
  });

  return {
    header: {
      source: {
        kind: "MARZBAN",
        instance: options.instance,
        subscriptionSecret: options.subscriptionSecret ?? null,
        subscriptionPaths: subscriptionPaths(
          ["/sub/"],
          peerUsers.map((u) => u.subscription_url),
        ),
      },
      inbounds,
      nodes,
      admins,
      unmapped,
    },
    users,
  };
}

const pasarGuardUserSchema = z.looseObject({
  ...commonUserFields,
  id: z.number(),
  expire: z.union([z.string(), z.number()]).nullish(),
  hwid_limit: nullableNumber,
  group_ids: z.array(z.number()).nullish(),
  proxy_settings: pasarGuardProxySettingsSchema.default({}),
  admin: z.looseObject({ id: nullableNumber, username: z.string() }).nullish(),
  subscription_url: z.string().nullish(),
});
const pasarGuardUsersSchema = z.object({ users: z.array(pasarGuardUserSchema), total: z.number() });
const tagList = z
  .union([z.array(z.string()), z.string().transform((s) => s.split(",").filter(Boolean))])
  .nullish()
  .transform((v) => v ?? []);
const pasarGuardCoresSchema = z.object({
  cores: z.array(
    z.looseObject({
      id: z.number(),
      name: z.string(),
      type: nullableString,
      config: z.unknown(),
      exclude_inbound_tags: tagList,
    }),
  ),
});
const pasarGuardNodesSchema = z.object({
  nodes: z.array(
    z.looseObject({ id: z.number(), name: z.string(), address: z.string(), core_config_id: nullableNumber }),
  ),
});
const pasarGuardGroupsSchema = z.object({
  groups: z.array(
    z.looseObject({ id: z.number(), name: z.string(), inbound_tags: tagList, is_disabled: z.boolean().default(false) }),
  ),
});
const pasarGuardAdminsSchema = z.object({
  admins: z.array(
    z.looseObject({
      id: nullableNumber,
      username: z.string(),
      is_sudo: z.boolean().optional(),
      telegram_id: nullableNumber,
      role: z.looseObject({ name: nullableString, is_owner: z.boolean().optional() }).nullish(),
    }),
  ),
});

/** Reads a PasarGuard panel through its API (signed in already). */
export async function readPasarGuardApi(api: PeerApi, options: MarzbanApiOptions): Promise<PeerExport> {
  const unmapped: ImportIssueInput[] = apiLimits("PasarGuard", Boolean(options.subscriptionSecret));
  const peerUsers = (
    await allPages(api, "/api/users", pasarGuardUsersSchema, options.pageSize ?? DEFAULT_PAGE_SIZE)
  ).sort((a, b) => a.id - b.id);
  const nodes = (await api.get("/api/nodes", pasarGuardNodesSchema)).nodes;
  const cores: PasarGuardCore[] = (await api.get("/api/cores", pasarGuardCoresSchema)).cores.map((c) => ({
    id: c.id,
    name: c.name,
    type: c.type ?? "xray",
    config: c.config,
    excludedTags: c.exclude_inbound_tags,
  }));
  const groups = (await api.get("/api/groups", pasarGuardGroupsSchema)).groups.map((g) => ({
    id: g.id,
    name: g.name,
    isDisabled: g.is_disabled,
    inboundTags: g.inbound_tags,
  }));
  const { inbounds, groupInbounds, inboundOrder } = pasarGuardInbounds(
    cores,
    nodes.map((n) => ({ key: String(n.id), coreConfigId: n.core_config_id ?? null })),
    groups,
    unmapped,
  );

  const adminKey = (a: { id?: number | null; username: string }) => (a.id ? String(a.id) : a.username);
  const admins: ImportAdminInput[] = [];
  for (const a of (await api.getIfAllowed("/api/admins", pasarGuardAdminsSchema))?.admins ?? []) {
    const full = a.is_sudo || a.role?.is_owner || a.role?.name === "owner" || a.role?.name === "administrator";
    admins.push({ key: adminKey(a), username: a.username, role: full ? "ADMIN" : "RESELLER", passwordHash: null });
    if (a.telegram_id) {
      unmapped.push({
        kind: "ADMIN",
        key: adminKey(a),
        name: a.username,
        reason: `Telegram id ${a.telegram_id} for notifications has no place here`,
      });
    }
  }

  const context = { groupInbounds, inboundOrder, names: new UsernameAllocator(), unmapped };
  let wireguardUsers = 0;
  const users = peerUsers.map((u) => {
    const key = String(u.id);
    const settings = u.proxy_settings;
    if (settings.wireguard) wireguardUsers++;
    return pasarGuardUser(
      {
        ...commonUser(u, key, unmapped),
        expireAt:
          u.expire === null || u.expire === undefined || u.expire === 0
            ? null
            : typeof u.expire === "number"
              ? isoFromSeconds(u.expire)
              : instantIso(parsePeerInstant(u.expire)),
        deviceLimit: u.hwid_limit || null,
        ownerKey: u.admin ? adminKey(u.admin) : null,
      },
      settings,
      u.group_ids ?? [],
      context,
    );
  });
  unmapped.push(...wireguardIssue(wireguardUsers));

  return {
    header: {
      source: {
        kind: "PASARGUARD",
        instance: options.instance,
        subscriptionSecret: options.subscriptionSecret ?? null,
        subscriptionPaths: subscriptionPaths(
          ["/sub/"],
          peerUsers.map((u) => u.subscription_url ?? ""),
        ),
      },
      inbounds,
      nodes: nodes.map((n) => ({ key: String(n.id), name: n.name, address: n.address })),
      admins,
      unmapped,
    },
    users,
  };
}
