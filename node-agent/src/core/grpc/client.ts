/**
 * Talks to the core's API inbound: HandlerService.AlterInbound for runtime user changes,
 * StatsService.QueryStats for per-user counters (never with reset: the usage module keeps its
 * own baseline so a crash between read and journal loses nothing). The same code serves Xray
 * and v2ray; only the proto package prefix changes.
 */
import type protobuf from "protobufjs";
import type { AgentInbound, AgentUser } from "../../../../workers/agent/protocol/messages.ts";
import { CORE_PROFILES, type CoreKind } from "../profile.ts";
import { accountFor, packTyped } from "./accounts.ts";
import { loadCoreProtos } from "./protos.ts";
import { GrpcConnection, GrpcError } from "./unary.ts";

/** Per-user byte counters as the core reports them, keyed by email. */
export type UserCounters = Map<string, { up: number; down: number }>;

export interface CoreApiOptions {
  core: CoreKind;
  /** host:port of the API inbound, e.g. 127.0.0.1:10085. */
  address: string;
  /** Per call; the API is local so anything slow means the core is stuck or restarting. */
  deadlineMs?: number;
}

export class CoreApiError extends Error {
  constructor(
    message: string,
    readonly grpcCode: number | undefined,
  ) {
    super(message);
  }
}

/** One RPC of a service in the loaded protos: its path and message types. */
interface Rpc {
  path: string;
  request: protobuf.Type;
  response: protobuf.Type;
}

/**
 * Every CoreApi holds its own HTTP/2 connection, so a start-up probe never shares one that is
 * caught in the window where the core's port accepts TCP before its API works.
 *
 * @example
 * const api = new CoreApi({ core: "v2ray", address: "127.0.0.1:10085" });
 * await api.addUser(inbound, user);
 * const counters = await api.queryUserCounters();
 */
export class CoreApi {
  readonly core: CoreKind;
  private readonly root: protobuf.Root;
  private readonly prefix: string;
  private readonly connection: GrpcConnection;
  private readonly deadlineMs: number;
  private readonly rpcs = new Map<string, Rpc>();

  constructor(options: CoreApiOptions) {
    this.core = options.core;
    this.root = loadCoreProtos(options.core);
    this.prefix = CORE_PROFILES[options.core].protoPrefix;
    this.deadlineMs = options.deadlineMs ?? 5_000;
    this.connection = new GrpcConnection(options.address);
  }

  /** `service` without the prefix, e.g. "app.stats.command.StatsService". */
  private rpc(service: string, method: string): Rpc {
    const key = `${service}/${method}`;
    let rpc = this.rpcs.get(key);
    if (!rpc) {
      const fullName = `${this.prefix}.${service}`;
      const m = this.root.lookupService(fullName).methods[method];
      if (!m?.resolvedRequestType || !m.resolvedResponseType)
        throw new Error(`method ${method} missing from ${fullName}`);
      rpc = { path: `/${fullName}/${method}`, request: m.resolvedRequestType, response: m.resolvedResponseType };
      this.rpcs.set(key, rpc);
    }
    return rpc;
  }

  /** Encodes `request`, calls, and returns the decoded reply message. */
  private async call(
    service: string,
    method: string,
    request: Record<string, unknown>,
    deadlineMs = this.deadlineMs,
  ): Promise<protobuf.Message> {
    const rpc = this.rpc(service, method);
    // fromObject converts enum names and nested TypedMessages; verify() on the raw object would reject them.
    const bytes = rpc.request.encode(rpc.request.fromObject(request)).finish();
    try {
      return rpc.response.decode(await this.connection.unary(rpc.path, bytes, deadlineMs));
    } catch (err) {
      if (err instanceof GrpcError) throw new CoreApiError(`${method}: ${err.message}`, err.code);
      throw err;
    }
  }

  /** Adds `user` to `inbound` with the account type of that inbound's protocol. */
  async addUser(inbound: AgentInbound, user: AgentUser): Promise<void> {
    const account = accountFor(this.core, this.root, inbound, user);
    const operation = packTyped(this.root, `${this.prefix}.app.proxyman.command.AddUserOperation`, {
      user: { level: 0, email: user.email, account },
    });
    await this.call("app.proxyman.command.HandlerService", "AlterInbound", { tag: inbound.tag, operation });
  }

  async removeUser(inboundTag: string, email: string): Promise<void> {
    const operation = packTyped(this.root, `${this.prefix}.app.proxyman.command.RemoveUserOperation`, { email });
    await this.call("app.proxyman.command.HandlerService", "AlterInbound", { tag: inboundTag, operation });
  }

  /**
   * Every user's counters (or one user's, by email), read without reset. Users with no traffic
   * yet have no counter.
   * This runs every tick over two counters per user, so the reply goes straight from
   * protobufjs' decoder (int64 as Long) into the map, with no intermediate plain objects.
   */
  async queryUserCounters(email?: string): Promise<UserCounters> {
    // Plain substring match (both cores): "user>>>u1>>>" never matches u12's counters.
    const pattern = email === undefined ? "user>>>" : `user>>>${email}>>>`;
    return this.queryCounters("user", pattern);
  }

  /** Every inbound's own counters by tag (`inbound>>>TAG>>>traffic>>>…`), read without reset, the API's included. */
  async queryInboundCounters(): Promise<UserCounters> {
    return this.queryCounters("inbound", "inbound>>>");
  }

  private async queryCounters(kind: "user" | "inbound", pattern: string): Promise<UserCounters> {
    const reply = await this.call("app.stats.command.StatsService", "QueryStats", { pattern, reset: false });
    return parseCounters(
      kind,
      (reply as unknown as { stat: Array<{ name: string; value: number | { toNumber(): number } }> }).stat,
    );
  }

  /** Cheap liveness check: the core's uptime (s) and heap in use (bytes). */
  async sysStats(deadlineMs?: number): Promise<{ Uptime: number; Alloc: number }> {
    const reply = await this.call("app.stats.command.StatsService", "GetSysStats", {}, deadlineMs);
    const { Uptime, Alloc } = reply.$type.toObject(reply, { longs: Number }) as { Uptime?: number; Alloc?: number };
    return { Uptime: Uptime ?? 0, Alloc: Alloc ?? 0 };
  }

  /** Makes the core reopen its log files (after the agent rotated the access log). */
  async restartLogger(): Promise<void> {
    await this.call("app.log.command.LoggerService", "RestartLogger", {});
  }

  close(): void {
    this.connection.close();
  }
}

/** `user>>>EMAIL>>>traffic>>>uplink|downlink` → per-email counters (or `inbound>>>TAG>>>…` → per tag). */
function parseCounters(
  kind: "user" | "inbound",
  stats: ReadonlyArray<{ name: string; value: string | number | { toNumber(): number } }>,
): UserCounters {
  const out: UserCounters = new Map();
  for (const { name, value } of stats) {
    const parts = name.split(">>>");
    if (parts.length !== 4 || parts[0] !== kind || parts[2] !== "traffic") continue;
    const email = parts[1]!;
    const entry = out.get(email) ?? { up: 0, down: 0 };
    // int64 → number is exact up to 2^53 bytes.
    const n = typeof value === "object" ? value.toNumber() : Number(value);
    if (parts[3] === "uplink") entry.up = n;
    else if (parts[3] === "downlink") entry.down = n;
    else continue;
    out.set(email, entry);
  }
  return out;
}

/** Is a gRPC error "user already there" / "user not there"? Both make an op idempotent. */
export function isAlreadyExists(err: unknown): boolean {
  return err instanceof CoreApiError && /already exists/i.test(err.message);
}
export function isNotFound(err: unknown): boolean {
  return err instanceof CoreApiError && /not found/i.test(err.message) && !/handler not found/i.test(err.message);
}
