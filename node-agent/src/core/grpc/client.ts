/**
 * Talks to the core's API inbound: HandlerService.AlterInbound for runtime user changes,
 * StatsService.QueryStats for per-user counters (never with reset: the usage module keeps its
 * own baseline so a crash between read and journal loses nothing). The same code serves Xray
 * and v2ray; only the proto package prefix changes.
 */
import * as grpc from "@grpc/grpc-js";
import type { AgentInbound, AgentUser } from "../../../../workers/agent/protocol/messages.ts";
import { CORE_PROFILES, type CoreKind } from "../profile.ts";
import { accountFor, packTyped } from "./accounts.ts";
import { loadCoreProtos, type CoreProtos } from "./protos.ts";

/** Per-user byte counters as the core reports them, keyed by email. */
export type UserCounters = Map<string, { up: number; down: number }>;

type Unary = (request: unknown, metadata: grpc.Metadata, options: grpc.CallOptions, callback: (err: grpc.ServiceError | null, res: any) => void) => void;
type ServiceClient = grpc.Client & Record<string, Unary>;

export interface CoreApiOptions {
  core: CoreKind;
  /** host:port of the API inbound, e.g. 127.0.0.1:10085. */
  address: string;
  /** Per call; the API is local so anything slow means the core is stuck or restarting. */
  deadlineMs?: number;
  /**
   * A probe needs its own subchannel: right after a (re)start the port accepts TCP before the
   * API works, and a shared channel caught in that window hangs ~1 s then fails.
   */
  isolated?: boolean;
}

function lookupService(protos: CoreProtos, name: string): grpc.ServiceClientConstructor {
  const def = grpc.loadPackageDefinition(protos.packageDefinition);
  let node: any = def;
  for (const part of name.split(".")) node = node?.[part];
  if (typeof node !== "function") throw new Error(`service ${name} missing from protos`);
  return node as grpc.ServiceClientConstructor;
}

export class CoreApiError extends Error {
  constructor(
    message: string,
    readonly grpcCode: number | undefined,
  ) {
    super(message);
  }
}

/**
 * @example
 * const api = new CoreApi({ core: "v2ray", address: "127.0.0.1:10085" });
 * await api.addUser(inbound, user);
 * const counters = await api.queryUserCounters();
 */
export class CoreApi {
  readonly core: CoreKind;
  private readonly protos: CoreProtos;
  private readonly prefix: string;
  private readonly handler: ServiceClient;
  private readonly stats: ServiceClient;
  private readonly logger: ServiceClient;
  private readonly deadlineMs: number;

  constructor(options: CoreApiOptions) {
    this.core = options.core;
    this.protos = loadCoreProtos(options.core);
    this.prefix = CORE_PROFILES[options.core].protoPrefix;
    this.deadlineMs = options.deadlineMs ?? 5_000;
    const channelOptions: grpc.ChannelOptions = {
      // Default 1 s backoff would stall the first calls after every core restart.
      "grpc.initial_reconnect_backoff_ms": 100,
      "grpc.max_reconnect_backoff_ms": 1_000,
      ...(options.isolated ? { "grpc.use_local_subchannel_pool": 1 } : {}),
    };
    const credentials = grpc.credentials.createInsecure();
    const make = (service: string) => new (lookupService(this.protos, `${this.prefix}.${service}`))(options.address, credentials, channelOptions) as unknown as ServiceClient;
    this.handler = make("app.proxyman.command.HandlerService");
    this.stats = make("app.stats.command.StatsService");
    this.logger = make("app.log.command.LoggerService");
  }

  private call<T>(client: ServiceClient, method: string, request: unknown, deadlineMs = this.deadlineMs): Promise<T> {
    return new Promise((resolve, reject) => {
      const fn = client[method];
      if (!fn) return reject(new Error(`no method ${method}`));
      fn.call(client, request, new grpc.Metadata(), { deadline: Date.now() + deadlineMs }, (err, res) => {
        if (err) reject(new CoreApiError(`${method}: ${err.details || err.message}`, err.code));
        else resolve(res as T);
      });
    });
  }

  /** Adds `user` to `inbound` with the account type of that inbound's protocol. */
  async addUser(inbound: AgentInbound, user: AgentUser): Promise<void> {
    const account = accountFor(this.core, this.protos.root, inbound, user);
    const operation = packTyped(this.protos.root, `${this.prefix}.app.proxyman.command.AddUserOperation`, {
      user: { level: 0, email: user.email, account },
    });
    await this.call(this.handler, "AlterInbound", { tag: inbound.tag, operation });
  }

  async removeUser(inboundTag: string, email: string): Promise<void> {
    const operation = packTyped(this.protos.root, `${this.prefix}.app.proxyman.command.RemoveUserOperation`, { email });
    await this.call(this.handler, "AlterInbound", { tag: inboundTag, operation });
  }

  /**
   * Every user's counters, read without reset. Users with no traffic yet have no counter.
   *
   * This runs every tick over two counters per user, so the reply is decoded straight into the
   * map (protobufjs' decoder, int64 as Long → number) instead of through proto-loader's generic
   * object conversion, which made a decimal string per value and a second object per counter.
   */
  async queryUserCounters(): Promise<UserCounters> {
    const requestType = this.protos.root.lookupType(`${this.prefix}.app.stats.command.QueryStatsRequest`);
    const responseType = this.protos.root.lookupType(`${this.prefix}.app.stats.command.QueryStatsResponse`);
    const path = `/${this.prefix}.app.stats.command.StatsService/QueryStats`;
    return new Promise((resolve, reject) => {
      this.stats.makeUnaryRequest(
        path,
        // Plain substring match: the trailing ">>>" stays part of the structure we parse.
        (request: { pattern: string; reset: boolean }) => Buffer.from(requestType.encode(requestType.create(request)).finish()),
        (bytes: Buffer) => parseUserCounters((responseType.decode(bytes) as unknown as { stat: Array<{ name: string; value: number | { toNumber(): number } }> }).stat),
        { pattern: "user>>>", reset: false },
        new grpc.Metadata(),
        { deadline: Date.now() + this.deadlineMs },
        (err, counters) => {
          if (err) reject(new CoreApiError(`QueryStats: ${err.details || err.message}`, err.code));
          else resolve(counters!);
        },
      );
    });
  }

  /** Cheap liveness check; also tells which prefix a running core speaks. */
  async sysStats(deadlineMs?: number): Promise<{ Uptime: number; Alloc: string }> {
    return this.call(this.stats, "GetSysStats", {}, deadlineMs);
  }

  /** Makes the core reopen its log files (after the agent rotated the access log). */
  async restartLogger(): Promise<void> {
    await this.call(this.logger, "RestartLogger", {});
  }

  close(): void {
    this.handler.close();
    this.stats.close();
    this.logger.close();
  }
}

/** `user>>>EMAIL>>>traffic>>>uplink|downlink` → per-email counters. */
export function parseUserCounters(stats: ReadonlyArray<{ name: string; value: string | number | { toNumber(): number } }>): UserCounters {
  const out: UserCounters = new Map();
  for (const { name, value } of stats) {
    const parts = name.split(">>>");
    if (parts.length !== 4 || parts[0] !== "user" || parts[2] !== "traffic") continue;
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
