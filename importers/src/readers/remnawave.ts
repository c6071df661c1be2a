/**
 * Remnawave over its REST API (remnawave/backend libs/contract): users from the keyset-paged
 * stream, inbounds from config profiles, access from internal squads, nodes with the inbounds
 * their profile activates. 3.x names users by numeric `id`; 2.x by `uuid` (both are read). The
 * subscription token is the stored `shortUuid`, so old links keep resolving as they are.
 */
import { z } from "zod";
import type { ResetStrategy, UserStatus } from "../generated/graphql";
import type { ImportAccessInput, ImportInboundInput, ImportIssueInput, ImportUserInput, PeerExport } from "../model";
import { type PeerApi, subscriptionPaths } from "./peer-http";
import { UsernameAllocator } from "./usernames";
import { mapXrayInbound } from "./xray-inbound";

export interface RemnawaveApiOptions {
  instance: string;
  /** Users per stream page (Remnawave allows up to 1000). */
  pageSize?: number;
}

const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date-time");
const inboundSchema = z.looseObject({
  uuid: z.string(),
  tag: z.string(),
  type: z.string(),
  port: z.number().nullish(),
  network: z.string().nullish(),
  security: z.string().nullish(),
  rawInbound: z.unknown().nullish(),
});
const userSchema = z.looseObject({
  id: z.number().optional(),
  uuid: z.string().optional(),
  shortUuid: z.string(),
  username: z.string(),
  status: z.enum(["ACTIVE", "DISABLED", "LIMITED", "EXPIRED"]),
  trafficLimitBytes: z.number(),
  trafficLimitStrategy: z.enum(["NO_RESET", "DAY", "WEEK", "MONTH", "MONTH_ROLLING"]),
  expireAt: iso,
  telegramId: z.number().nullish(),
  email: z.string().nullish(),
  description: z.string().nullish(),
  tag: z.string().nullish(),
  hwidDeviceLimit: z.number().nullish(),
  externalSquadUuid: z.string().nullish(),
  trojanPassword: z.string(),
  vlessUuid: z.string(),
  ssPassword: z.string(),
  lastTrafficResetAt: iso.nullish(),
  createdAt: iso,
  subscriptionUrl: z.string().optional(),
  activeInternalSquads: z.array(z.looseObject({ uuid: z.string(), name: z.string() })).default([]),
  // 3.x keeps traffic in userTraffic; 2.x had it on the user.
  userTraffic: z.looseObject({ usedTrafficBytes: z.number(), lifetimeUsedTrafficBytes: z.number() }).optional(),
  usedTrafficBytes: z.number().optional(),
  lifetimeUsedTrafficBytes: z.number().optional(),
});
type RemnawaveUser = z.infer<typeof userSchema>;

const streamSchema = z.object({
  response: z.object({ users: z.array(userSchema), nextCursor: z.string().nullable(), hasMore: z.boolean() }),
});
const nodesSchema = z.object({
  response: z.array(
    z.looseObject({
      uuid: z.string(),
      name: z.string(),
      address: z.string(),
      isDisabled: z.boolean().optional(),
      configProfile: z
        .looseObject({ activeInbounds: z.array(z.looseObject({ uuid: z.string() })).default([]) })
        .nullish(),
    }),
  ),
});
const profilesSchema = z.object({
  response: z.object({
    configProfiles: z.array(z.looseObject({ uuid: z.string(), name: z.string(), inbounds: z.array(inboundSchema) })),
  }),
});
const squadsSchema = z.object({
  response: z.object({
    internalSquads: z.array(
      z.looseObject({ uuid: z.string(), name: z.string(), inbounds: z.array(z.looseObject({ uuid: z.string() })) }),
    ),
  }),
});

const STATUS: Record<RemnawaveUser["status"], UserStatus> = {
  ACTIVE: "ACTIVE",
  DISABLED: "DISABLED",
  LIMITED: "LIMITED",
  EXPIRED: "EXPIRED",
};
const RESET: Record<RemnawaveUser["trafficLimitStrategy"], ResetStrategy> = {
  NO_RESET: "NONE",
  DAY: "DAY",
  WEEK: "WEEK",
  MONTH: "MONTH",
  // A month counted from each user's own start: our monthly period starts at periodStartedAt too.
  MONTH_ROLLING: "MONTH",
};
/** Remnawave's per-user shadowsocks method unless the inbound is SS2022 (add-user-to-node.handler.ts). */
const REMNAWAVE_SS_METHOD = "chacha20-ietf-poly1305";

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * The vless flow Remnawave gives every user of an inbound (get-vless-flow.ts): the inbound's
 * `settings.flow` when set, else xtls-rprx-vision on raw/tcp with tls or reality.
 */
function remnawaveVlessFlow(raw: Record<string, unknown>): string {
  const flow = record(raw.settings).flow;
  if (typeof flow === "string") return flow === "xtls-rprx-vision" ? flow : "";
  const stream = record(raw.streamSettings);
  const network = typeof stream.network === "string" ? stream.network : "";
  const security = typeof stream.security === "string" ? stream.security : "";
  return ["raw", "tcp"].includes(network) && ["reality", "tls"].includes(security) ? "xtls-rprx-vision" : "";
}

const offsetPageSchema = z.object({ response: z.object({ users: z.array(userSchema), total: z.number() }) });

/**
 * Every user, following the stream's keyset cursor (2.8 and later); before 2.8 there is no
 * stream, only `GET /api/users?start=&size=` pages.
 */
async function streamUsers(api: PeerApi, pageSize: number): Promise<RemnawaveUser[]> {
  const users: RemnawaveUser[] = [];
  let cursor: string | null = null;
  for (;;) {
    const query: string =
      cursor === null ? `size=${pageSize}` : `cursor=${encodeURIComponent(cursor)}&size=${pageSize}`;
    const page = await api.getIfPresent(`/api/users/stream?${query}`, streamSchema);
    if (page === null && cursor === null) return offsetPagedUsers(api, pageSize);
    if (page === null) throw new Error(`GET /api/users/stream?${query}: HTTP 404 in the middle of the stream`);
    users.push(...page.response.users);
    if (!page.response.hasMore || page.response.nextCursor === null) return users;
    cursor = page.response.nextCursor;
  }
}

async function offsetPagedUsers(api: PeerApi, pageSize: number): Promise<RemnawaveUser[]> {
  const users: RemnawaveUser[] = [];
  for (;;) {
    const { response } = await api.get(`/api/users?start=${users.length}&size=${pageSize}`, offsetPageSchema);
    users.push(...response.users);
    if (response.users.length === 0 || users.length >= response.total) return users;
  }
}

/** Reads a Remnawave panel through its API (bearer token set already). */
export async function readRemnawaveApi(api: PeerApi, options: RemnawaveApiOptions): Promise<PeerExport> {
  const unmapped: ImportIssueInput[] = [];
  const peerNodes = (await api.get("/api/nodes", nodesSchema)).response;
  const profiles = (await api.get("/api/config-profiles", profilesSchema)).response.configProfiles;
  const squads = (await api.get("/api/internal-squads", squadsSchema)).response.internalSquads;

  const inbounds: ImportInboundInput[] = [];
  const usable = new Map<string, { protocol: string }>();
  for (const profile of profiles) {
    for (const inbound of profile.inbounds) {
      const raw = record(inbound.rawInbound);
      const nodeKeys = peerNodes
        .filter((n) => n.configProfile?.activeInbounds.some((a) => a.uuid === inbound.uuid))
        .map((n) => n.uuid);
      const settings = record(raw.settings);
      const mapped = mapXrayInbound({
        key: inbound.uuid,
        tag: inbound.tag,
        remark: `${profile.name}: ${inbound.tag}`,
        protocol: inbound.type,
        port: inbound.port ?? Number(raw.port),
        settings:
          inbound.type === "shadowsocks" && !settings.method ? { ...settings, method: REMNAWAVE_SS_METHOD } : settings,
        streamSettings: raw.streamSettings ?? {},
        nodeKeys,
        clientFlows: inbound.type === "vless" ? [remnawaveVlessFlow(raw)] : [],
      });
      unmapped.push(...mapped.issues);
      if (!mapped.inbound) continue;
      inbounds.push(mapped.inbound);
      usable.set(inbound.uuid, { protocol: inbound.type });
    }
  }
  const squadInbounds = new Map(
    squads.map((s) => [s.uuid, s.inbounds.map((i) => i.uuid).filter((uuid) => usable.has(uuid))]),
  );
  for (const squad of squads) {
    unmapped.push({
      kind: "GROUP",
      key: squad.uuid,
      name: squad.name,
      reason: "internal squad not created here: its members get its inbounds directly",
    });
  }

  const names = new UsernameAllocator();
  const users: ImportUserInput[] = [];
  const counts = { email: 0, tag: 0, externalSquad: 0 };
  const peerUsers = await streamUsers(api, options.pageSize ?? 1000);
  for (const u of peerUsers) {
    // 2.x routes users by uuid, 3.x by id: each version's own identity.
    const key = u.uuid ?? (u.id === undefined ? undefined : String(u.id));
    if (key === undefined) throw new Error(`GET /api/users/stream: user ${u.username} has neither id nor uuid`);
    const issue = (reason: string) => unmapped.push({ kind: "USER", key, name: u.username, reason });
    const name = names.allocate(u.username);
    if (name.adjustment) issue(name.adjustment);
    if (u.trafficLimitStrategy === "MONTH_ROLLING") {
      issue("traffic reset MONTH_ROLLING became MONTH: each month still counts from the user's own last reset");
    }
    if (u.email) counts.email++;
    if (u.tag) counts.tag++;
    if (u.externalSquadUuid) counts.externalSquad++;
    const access: ImportAccessInput[] = [
      ...new Set(u.activeInternalSquads.flatMap((s) => squadInbounds.get(s.uuid) ?? [])),
    ].map((inboundKey) =>
      usable.get(inboundKey)?.protocol === "shadowsocks" ? { inboundKey, method: REMNAWAVE_SS_METHOD } : { inboundKey },
    );
    users.push({
      key,
      username: name.username,
      enabled: u.status !== "DISABLED",
      onHold: false,
      peerStatus: STATUS[u.status],
      dataLimit: u.trafficLimitBytes || null,
      usedTraffic: u.userTraffic?.usedTrafficBytes ?? u.usedTrafficBytes ?? 0,
      lifetimeUsedTraffic: u.userTraffic?.lifetimeUsedTrafficBytes ?? u.lifetimeUsedTrafficBytes ?? null,
      expireAt: new Date(u.expireAt).toISOString(),
      onHoldExpireSeconds: null,
      resetStrategy: RESET[u.trafficLimitStrategy],
      periodStartedAt: new Date(u.lastTrafficResetAt ?? u.createdAt).toISOString(),
      // 0 means no limit on Remnawave (subscription.service.ts); null follows the panel-wide fallback, as here.
      deviceLimit: u.hwidDeviceLimit || null,
      note: u.description ?? null,
      telegramId: u.telegramId === null || u.telegramId === undefined ? null : String(u.telegramId),
      createdAt: new Date(u.createdAt).toISOString(),
      ownerKey: null,
      subToken: u.shortUuid,
      legacyToken: null,
      credentials: { vlessId: u.vlessUuid, trojanPassword: u.trojanPassword, shadowsocksPassword: u.ssPassword },
      access,
    });
  }
  const summary = (n: number, what: string) =>
    n > 0 &&
    unmapped.push({
      kind: "USER",
      key: what,
      name: what,
      reason: `${n} users carry a ${what}, which has no place here`,
    });
  summary(counts.email, "email");
  summary(counts.tag, "tag");
  summary(counts.externalSquad, "external squad");

  return {
    header: {
      source: {
        kind: "REMNAWAVE",
        instance: options.instance,
        subscriptionPaths: subscriptionPaths(
          ["/", "/api/sub/"],
          peerUsers.map((u) => u.subscriptionUrl ?? ""),
        ),
      },
      inbounds,
      nodes: peerNodes.map((n) => ({ key: n.uuid, name: n.name, address: n.address })),
      admins: [],
      unmapped,
    },
    users,
  };
}
