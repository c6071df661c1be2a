import { z } from "zod";
import type {
  ImportAccessInput,
  ImportAdminInput,
  ImportCredentialsInput,
  ImportInboundInput,
  ImportIssueInput,
  ImportNodeInput,
  ImportUserInput,
  PeerExport,
} from "../model";
import { columnNames, type SqliteSource, tableNames } from "../sqlite";
import { bytes, integer, isoFromMs } from "./units";
import { UsernameAllocator } from "./usernames";
import { accessFlow, mapXrayInbound } from "./xray-inbound";

export interface ThreeXUiReadOptions {
  /** Names the peer panel, so a re-run on cut-over day matches what the first run made. */
  instance: string;
  /** Where clients reach the 3x-ui host; else its subDomain or webDomain setting. */
  nodeAddress?: string;
  /** The instant the peer's statuses are judged at (expired, on hold); now by default. */
  now?: Date;
}

/** The node key of the 3x-ui host itself; v3 remote nodes are `node:<id>`. */
export const LOCAL_NODE_KEY = "local";

/** 3x-ui's defaults for settings it only writes once changed (web/service/setting.go). */
const DEFAULT_SUB_PATH = "/sub/";
const DEFAULT_SUB_JSON_PATH = "/json/";
const DEFAULT_SUB_CLASH_PATH = "/clash/";

/** One client entry as the peer holds it: a person's way into one inbound. */
interface Entry {
  inboundId: number;
  email: string;
  subId: string;
  /** UUID (vless/vmess), password (trojan/shadowsocks) or auth (hysteria), by the inbound's protocol. */
  id: string;
  password: string;
  auth: string;
  flow: string;
  method: string;
  enable: boolean;
  limitIp: number;
  totalBytes: number;
  expiryMs: number;
  tgId: string;
  comment: string;
  resetDays: number;
  createdAtMs: number;
}

interface PeerInbound {
  id: number;
  key: string;
  tag: string;
  remark: string;
  enable: boolean;
  listen: string;
  port: number;
  protocol: string;
  settings: unknown;
  streamSettings: unknown;
  trafficReset: string;
  totalBytes: number;
  expiryMs: number;
  nodeId: number | null;
}

interface Traffic {
  rowId: number;
  usedBytes: number;
  /** Absent where the panel keeps no all-time counter (3x-ui 3.x dropped it). */
  lifetimeBytes?: number;
}

const looseNumber = z.coerce.number().catch(0);
const looseString = z.union([z.string(), z.number(), z.bigint()]).transform(String).catch("");
/** A `settings.clients[]` entry (model.Client); the web UI writes `tgId: ""`, the API a number. */
const jsonClientSchema = z.object({
  id: looseString.optional(),
  password: looseString.optional(),
  auth: looseString.optional(),
  flow: looseString.optional(),
  method: looseString.optional(),
  email: looseString,
  subId: looseString.optional(),
  enable: z.boolean().catch(true).optional(),
  limitIp: looseNumber.optional(),
  totalGB: looseNumber.optional(),
  expiryTime: looseNumber.optional(),
  tgId: looseString.optional(),
  comment: looseString.optional(),
  reset: looseNumber.optional(),
  created_at: looseNumber.optional(),
});
type JsonClient = z.output<typeof jsonClientSchema>;

/**
 * Reads a 3x-ui `x-ui.db` into users, inbounds, nodes and its admin, in either layout: 2.x keeps
 * clients as JSON in `inbounds.settings`; 3.1+ adds `clients` + `client_inbounds` tables, which are
 * preferred. One person is every entry sharing a subId, across inbounds.
 *
 * @example readThreeXUiDb(openSqliteFile("/etc/x-ui/x-ui.db"), { instance: "vpn.example.com" })
 */
export function readThreeXUiDb(db: SqliteSource, options: ThreeXUiReadOptions): PeerExport {
  const tables = tableNames(db);
  const layout = tables.has("clients") && tables.has("client_inbounds") ? "v3" : "classic";
  const unmapped: ImportIssueInput[] = [];
  const settings = readSettings(db);
  const peerInbounds = readInbounds(db, unmapped);
  const jsonClients = new Map(peerInbounds.map((inbound) => [inbound.id, clientsOf(inbound)]));
  const entries =
    layout === "v3" ? readTableEntries(db, peerInbounds, jsonClients) : readJsonEntries(peerInbounds, jsonClients);

  const nodes = readNodes(db, tables, settings, options, unmapped);
  const nodeKeys = new Set(nodes.map((n) => n.key));
  const inbounds = new Map<number, ImportInboundInput>();
  for (const peer of peerInbounds) {
    const inbound = mapPeerInbound(peer, entries, nodeKeys, unmapped);
    if (inbound) inbounds.set(peer.id, inbound);
  }

  const traffic = readTraffic(db);
  const users = buildUsers(entries, inbounds, traffic, options.now ?? new Date(), unmapped);
  return {
    header: {
      source: {
        kind: "THREE_X_UI",
        instance: options.instance,
        version: layout === "v3" ? "3.1+ (clients tables)" : "2.x (clients in inbound settings)",
        ...subscriptionPaths(settings, layout),
      },
      inbounds: [...inbounds.values()],
      nodes,
      admins: readAdmins(db, unmapped),
      unmapped,
    },
    users,
  };
}

function readSettings(db: SqliteSource): Map<string, string> {
  return new Map(
    db.all("SELECT key, value FROM settings ORDER BY id").map((r) => [String(r.key), String(r.value ?? "")]),
  );
}

function parseJson(text: unknown, column: string): unknown {
  if (typeof text !== "string" || text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new SyntaxError(`its ${column} are not JSON`);
  }
}

function readInbounds(db: SqliteSource, unmapped: ImportIssueInput[]): PeerInbound[] {
  const hasNode = columnNames(db, "inbounds").has("node_id");
  const rows = db.all(
    `SELECT id, remark, enable, listen, port, protocol, settings, stream_settings, tag, traffic_reset, total, expiry_time${hasNode ? ", node_id" : ""} FROM inbounds ORDER BY id`,
  );
  const inbounds: PeerInbound[] = [];
  for (const row of rows) {
    const key = String(row.id);
    const tag = String(row.tag ?? "");
    try {
      inbounds.push({
        id: integer(row.id),
        key,
        tag,
        remark: String(row.remark ?? ""),
        enable: Boolean(integer(row.enable)),
        listen: String(row.listen ?? ""),
        port: integer(row.port),
        protocol: String(row.protocol ?? ""),
        settings: parseJson(row.settings, "settings"),
        streamSettings: parseJson(row.stream_settings, "stream settings"),
        trafficReset: String(row.traffic_reset ?? "never") || "never",
        totalBytes: bytes(row.total ?? 0, `inbound ${tag} total`),
        expiryMs: integer(row.expiry_time),
        nodeId: row.node_id == null ? null : integer(row.node_id),
      });
    } catch (error) {
      unmapped.push({ kind: "INBOUND", key, name: tag, reason: `not imported: ${(error as Error).message}` });
    }
  }
  return inbounds;
}

/** The clients an inbound's JSON lists, those with an email (3x-ui's key for a client). */
function clientsOf(inbound: PeerInbound): JsonClient[] {
  const settings = inbound.settings as { clients?: unknown };
  if (!Array.isArray(settings?.clients)) return [];
  return settings.clients.flatMap((raw) => {
    const parsed = jsonClientSchema.safeParse(raw);
    return parsed.success && parsed.data.email ? [parsed.data] : [];
  });
}

function entryOf(inboundId: number, c: JsonClient): Entry {
  return {
    inboundId,
    email: c.email,
    subId: c.subId ?? "",
    id: c.id ?? "",
    password: c.password ?? "",
    auth: c.auth ?? "",
    flow: c.flow ?? "",
    method: c.method ?? "",
    enable: c.enable ?? true,
    limitIp: c.limitIp ?? 0,
    totalBytes: bytes(c.totalGB ?? 0, `client ${c.email} totalGB`),
    expiryMs: c.expiryTime ?? 0,
    tgId: telegramId(c.tgId),
    comment: c.comment ?? "",
    resetDays: c.reset ?? 0,
    createdAtMs: c.created_at ?? 0,
  };
}

function readJsonEntries(inbounds: PeerInbound[], jsonClients: Map<number, JsonClient[]>): Entry[] {
  return inbounds.flatMap((inbound) => (jsonClients.get(inbound.id) ?? []).map((c) => entryOf(inbound.id, c)));
}

/**
 * 3.1+: one `clients` row per email, linked to its inbounds. The JSON still carries each link's
 * switch and flow, and 3.1.0 could save a disabled client's row as enabled, so the JSON's win there.
 */
function readTableEntries(db: SqliteSource, inbounds: PeerInbound[], jsonClients: Map<number, JsonClient[]>): Entry[] {
  const known = new Set(inbounds.map((i) => i.id));
  const jsonByLink = new Map<string, JsonClient>();
  for (const [inboundId, list] of jsonClients) for (const c of list) jsonByLink.set(`${inboundId}\n${c.email}`, c);
  const rows = db.all(
    `SELECT ci.inbound_id, ci.flow_override, c.email, c.sub_id, c.uuid, c.password, c.auth, c.flow, c.enable,
            c.limit_ip, c.total_gb, c.expiry_time, c.tg_id, c.comment, c.reset, c.created_at
       FROM client_inbounds ci JOIN clients c ON c.id = ci.client_id
      ORDER BY ci.inbound_id, c.id`,
  );
  return rows.flatMap((row) => {
    const inboundId = integer(row.inbound_id);
    if (!known.has(inboundId)) return [];
    const email = String(row.email);
    const json = jsonByLink.get(`${inboundId}\n${email}`);
    return [
      entryOf(inboundId, {
        email,
        subId: String(row.sub_id ?? ""),
        id: String(row.uuid ?? ""),
        password: String(row.password ?? ""),
        auth: String(row.auth ?? ""),
        // The JSON is what the core runs: its flow and switch win over the tables'.
        flow: json?.flow ?? String(row.flow_override || row.flow || ""),
        method: json?.method ?? "",
        enable: json?.enable ?? Boolean(integer(row.enable)),
        limitIp: integer(row.limit_ip),
        totalGB: integer(row.total_gb),
        expiryTime: integer(row.expiry_time),
        tgId: String(row.tg_id ?? ""),
        comment: String(row.comment ?? ""),
        reset: integer(row.reset),
        created_at: integer(row.created_at),
      }),
    ];
  });
}

const telegramId = (value: string | undefined) => (value && value !== "0" ? value : "");

function readTraffic(db: SqliteSource): Map<string, Traffic> {
  const hasAllTime = columnNames(db, "client_traffics").has("all_time");
  const rows = db.all(`SELECT id, email, up, down${hasAllTime ? ", all_time" : ""} FROM client_traffics`);
  return new Map(
    rows.map((row) => {
      const email = String(row.email);
      const usedBytes = bytes(row.up ?? 0, `${email} upload`) + bytes(row.down ?? 0, `${email} download`);
      // all_time was added later than up/down: rows from before it count from zero.
      const lifetimeBytes = hasAllTime ? Math.max(bytes(row.all_time ?? 0, `${email} all_time`), usedBytes) : undefined;
      return [email, { rowId: integer(row.id), usedBytes, lifetimeBytes }];
    }),
  );
}

function readNodes(
  db: SqliteSource,
  tables: Set<string>,
  settings: Map<string, string>,
  options: ThreeXUiReadOptions,
  unmapped: ImportIssueInput[],
): ImportNodeInput[] {
  const nodes: ImportNodeInput[] = [];
  const address = options.nodeAddress || settings.get("subDomain") || settings.get("webDomain");
  if (address) nodes.push({ key: LOCAL_NODE_KEY, name: address, address });
  else
    unmapped.push({
      kind: "NODE",
      key: LOCAL_NODE_KEY,
      name: options.instance,
      reason:
        "the 3x-ui host has no subDomain or webDomain setting: give the address clients connect to (--node-address), or its inbounds get no node",
    });
  if (tables.has("nodes")) {
    for (const row of db.all("SELECT id, name, address FROM nodes ORDER BY id")) {
      nodes.push({ key: `node:${integer(row.id)}`, name: String(row.name ?? ""), address: String(row.address ?? "") });
    }
  }
  return nodes;
}

const INBOUND_RESETS: Record<string, string> = {
  hourly: "every hour",
  daily: "daily",
  weekly: "weekly",
  monthly: "monthly",
};

function mapPeerInbound(
  peer: PeerInbound,
  entries: Entry[],
  nodeKeys: Set<string>,
  unmapped: ImportIssueInput[],
): ImportInboundInput | undefined {
  const own = entries.filter((e) => e.inboundId === peer.id);
  const nodeKey = peer.nodeId == null ? LOCAL_NODE_KEY : `node:${peer.nodeId}`;
  const { inbound, issues } = mapXrayInbound({
    key: peer.key,
    tag: peer.tag,
    remark: peer.remark,
    protocol: peer.protocol,
    port: peer.port,
    listen: peer.listen,
    settings: peer.settings,
    streamSettings: peer.streamSettings,
    nodeKeys: nodeKeys.has(nodeKey) ? [nodeKey] : [],
    clientFlows: own.map((e) => e.flow),
  });
  const note = (reason: string) =>
    unmapped.push({ kind: "INBOUND", key: peer.key, name: peer.remark || peer.tag, reason });
  if (!inbound) {
    // http and mixed inbounds keep `accounts`, wireguard keeps `peers`.
    const settings = peer.settings as { clients?: unknown[]; accounts?: unknown[]; peers?: unknown[] };
    const count = (settings?.clients ?? settings?.accounts ?? settings?.peers ?? []).length;
    for (const issue of issues)
      unmapped.push({ ...issue, reason: `${issue.reason} (${count} client${count === 1 ? "" : "s"})` });
    return undefined;
  }
  unmapped.push(...issues);
  if (!peer.enable) note("disabled on the peer: imported, and its users can connect here: disable or remove it");
  if (INBOUND_RESETS[peer.trafficReset])
    note(`resets its clients' usage ${INBOUND_RESETS[peer.trafficReset]}: set a reset strategy on its users instead`);
  if (peer.totalBytes > 0) note(`its own data limit (${peer.totalBytes} bytes for all clients) has no equal here`);
  if (peer.expiryMs > 0) note(`its own expiry (${isoFromMs(peer.expiryMs)}) has no equal here`);
  return inbound;
}

/** 3x-ui's `reset` renews an expired client by N days with zeroed usage; the nearest periodic reset here. */
const RESET_OF_DAYS: [ImportUserInput["resetStrategy"], (days: number) => boolean][] = [
  ["DAY", (d) => d === 1],
  ["WEEK", (d) => d === 7],
  ["MONTH", (d) => d >= 28 && d <= 31],
  ["YEAR", (d) => d === 365 || d === 366],
];

function buildUsers(
  entries: Entry[],
  inbounds: Map<number, ImportInboundInput>,
  traffic: Map<string, Traffic>,
  now: Date,
  unmapped: ImportIssueInput[],
): ImportUserInput[] {
  const people = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = entry.subId || `email:${entry.email}`;
    const person = people.get(key);
    if (person) person.push(entry);
    else people.set(key, [entry]);
  }
  // Oldest first, as the panel made them (traffic rows are numbered on creation), people and each
  // person's entries: the first entry names the person and gives its credentials, and the order
  // decides who keeps a name two people would share, so none of it may hang on inbound order.
  const createdRank = (e: Entry) => traffic.get(e.email)?.rowId ?? Number.POSITIVE_INFINITY;
  const ordered = [...people].map(([key, own], seen) => {
    own.sort((a, b) => createdRank(a) - createdRank(b));
    return { key, own, rank: createdRank(own[0]!), seen };
  });
  ordered.sort((a, b) => a.rank - b.rank || a.seen - b.seen);
  const names = new UsernameAllocator();
  return ordered.map(({ key, own }) => {
    const first = own[0]!;
    const { username, adjustment } = names.allocate(first.email);
    const note = (reason: string) => unmapped.push({ kind: "USER", key, name: username, reason });
    if (adjustment) note(adjustment);
    return buildUser(key, username, own, inbounds, traffic, now, note);
  });
}

function buildUser(
  key: string,
  username: string,
  own: Entry[],
  inbounds: Map<number, ImportInboundInput>,
  traffic: Map<string, Traffic>,
  now: Date,
  note: (reason: string) => void,
): ImportUserInput {
  const enabled = own.some((e) => e.enable);
  const disabledEntries = own.filter((e) => !e.enable);
  if (enabled && disabledEntries.length)
    note(
      `disabled on the peer in ${disabledEntries.map((e) => `inbound ${e.inboundId} (${e.email})`).join(", ")}: left out of its access`,
    );

  // A v3 email spans several inbounds with one traffic row: count each email once.
  const emails = [...new Set(own.map((e) => e.email))];
  const counted = emails.map((email) => traffic.get(email));
  const usedTraffic = counted.reduce((sum, t) => sum + (t?.usedBytes ?? 0), 0);
  const lifetimeUsedTraffic = counted.every((t) => t?.lifetimeBytes !== undefined)
    ? counted.reduce((sum, t) => sum + (t?.lifetimeBytes ?? 0), 0)
    : undefined;

  // As 3x-ui's own subscription reports it: the entries' limits add up, and any unlimited entry makes it unlimited.
  const perEmail = emails.map((email) => own.find((e) => e.email === email)!);
  const dataLimit = perEmail.some((e) => e.totalBytes === 0)
    ? undefined
    : perEmail.reduce((sum, e) => sum + e.totalBytes, 0);
  const expiry = personExpiry(perEmail, note);
  const resetStrategy = personReset(perEmail, note);

  const limitIp = Math.max(...own.map((e) => e.limitIp));
  if (limitIp > 0)
    note(`limitIp ${limitIp} (concurrent IPs) has no equal here: the device limit counts subscription devices`);

  const createdAtMs = Math.min(...own.map((e) => e.createdAtMs).filter((ms) => ms > 0));
  const comments = [...new Set(own.map((e) => e.comment).filter(Boolean))];
  const telegramId = own.find((e) => e.tgId)?.tgId;

  const { credentials, access } = secretsOf(own, inbounds);
  const peerStatus: ImportUserInput["peerStatus"] = !enabled
    ? "DISABLED"
    : expiry.onHold
      ? "ON_HOLD"
      : expiry.expireAt && Date.parse(expiry.expireAt) <= now.getTime()
        ? "EXPIRED"
        : dataLimit !== undefined && usedTraffic >= dataLimit
          ? "LIMITED"
          : "ACTIVE";

  return {
    key,
    username,
    enabled,
    onHold: expiry.onHold,
    peerStatus,
    dataLimit,
    usedTraffic,
    lifetimeUsedTraffic,
    expireAt: expiry.expireAt,
    onHoldExpireSeconds: expiry.onHoldExpireSeconds,
    resetStrategy,
    note: comments.length ? comments.join("\n") : undefined,
    telegramId,
    createdAt: Number.isFinite(createdAtMs) ? isoFromMs(createdAtMs) : undefined,
    subToken: own[0]!.subId || undefined,
    credentials,
    access,
  };
}

interface PersonExpiry {
  onHold: boolean;
  expireAt?: string;
  onHoldExpireSeconds?: number;
}

/**
 * expiryTime is ms since the epoch, 0 for never, and negative for "starts on first use"
 * (-duration ms). Entries that disagree get the most generous one, so nobody loses access.
 */
function personExpiry(entries: Entry[], note: (reason: string) => void): PersonExpiry {
  const values = [...new Set(entries.map((e) => e.expiryMs))];
  if (values.length > 1)
    note(`its entries expire differently (${values.map(describeExpiry).join(", ")}): taken the most generous`);
  if (values.includes(0)) return { onHold: false };
  const dated = values.filter((ms) => ms > 0);
  if (dated.length) return { onHold: false, expireAt: isoFromMs(Math.max(...dated)) };
  const durationMs = -Math.min(...values);
  return { onHold: true, onHoldExpireSeconds: Math.ceil(durationMs / 1000) };
}

const describeExpiry = (ms: number) =>
  ms === 0 ? "never" : ms > 0 ? isoFromMs(ms) : `${Math.ceil(-ms / 86_400_000)} days from first use`;

function personReset(entries: Entry[], note: (reason: string) => void): ImportUserInput["resetStrategy"] {
  const days = Math.max(...entries.map((e) => e.resetDays));
  if (days <= 0) return "NONE";
  const match = RESET_OF_DAYS.find(([, fits]) => fits(days));
  if (!match) {
    note(`auto-renew every ${days} days has no equal here: imported without a reset`);
    return "NONE";
  }
  note(
    `auto-renew every ${days} days became a ${match[0].toLowerCase()}ly usage reset; the expiry is no longer extended by itself`,
  );
  return match[0];
}

type SecretField = keyof ImportCredentialsInput;
const SECRET_OF: Record<ImportInboundInput["protocol"], [SecretField, (e: Entry) => string]> = {
  VLESS: ["vlessId", (e) => e.id],
  VMESS: ["vmessId", (e) => e.id],
  TROJAN: ["trojanPassword", (e) => e.password],
  SHADOWSOCKS: ["shadowsocksPassword", (e) => e.password],
  HYSTERIA2: ["hysteria2Password", (e) => e.auth],
};

/**
 * The first entry of each protocol gives the user's credentials; every enabled entry in an
 * imported inbound becomes access, carrying its own secret, flow and method where they differ.
 */
function secretsOf(own: Entry[], inbounds: Map<number, ImportInboundInput>) {
  const credentials: ImportCredentialsInput = {};
  const access: ImportAccessInput[] = [];
  for (const entry of own) {
    const inbound = inbounds.get(entry.inboundId);
    if (!inbound) continue;
    const [field, secretOf] = SECRET_OF[inbound.protocol];
    const secret = secretOf(entry);
    if (secret) credentials[field] ??= secret;
    if (!entry.enable) continue;
    const way: ImportAccessInput = { inboundKey: inbound.key };
    if (secret && secret !== credentials[field]) way.secret = secret;
    const flow = accessFlow(inbound, entry.flow);
    if (flow !== undefined) way.flow = flow;
    if (inbound.protocol === "SHADOWSOCKS" && entry.method && entry.method !== inbound.protocolSettings?.method)
      way.method = entry.method;
    access.push(way);
  }
  return { credentials, access };
}

/**
 * The paths old links use: subPath (3.1+ also subClashPath, whose clients our rules serve by their
 * User-Agent) and the path inside subURI; apart from them, subJsonPath and subJsonURI's path, which
 * answer in Xray JSON whatever the client.
 */
function subscriptionPaths(settings: Map<string, string>, layout: "v3" | "classic") {
  const uriPath = (name: string) => {
    const uri = settings.get(name);
    if (!uri) return [];
    try {
      return [new URL(uri).pathname];
    } catch {
      return [];
    }
  };
  const json = [...new Set([settings.get("subJsonPath") || DEFAULT_SUB_JSON_PATH, ...uriPath("subJsonURI")])];
  const plain = [
    ...new Set([
      settings.get("subPath") || DEFAULT_SUB_PATH,
      ...(layout === "v3" ? [settings.get("subClashPath") || DEFAULT_SUB_CLASH_PATH] : []),
      ...uriPath("subURI"),
    ]),
  ].filter((path) => !json.includes(path));
  return { subscriptionPaths: plain, subscriptionJsonPaths: json };
}

function readAdmins(db: SqliteSource, unmapped: ImportIssueInput[]): ImportAdminInput[] {
  return db.all("SELECT id, username, password FROM users ORDER BY id").map((row) => {
    const key = String(row.id);
    const username = String(row.username ?? "");
    const hash = String(row.password ?? "");
    // 3x-ui before 2.6 kept the password itself; it is never carried over in the clear.
    if (/^\$2[aby]\$\d\d\$/.test(hash)) return { key, username, role: "ADMIN", passwordHash: hash };
    unmapped.push({
      kind: "ADMIN",
      key,
      name: username,
      reason: "its password is not a bcrypt hash: imported without one, set a new password",
    });
    return { key, username, role: "ADMIN" };
  });
}
