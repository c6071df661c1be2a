/**
 * Maps users to the client sockets they hold, from the core's access log (the only place the
 * core says which user a TCP connection belongs to). Each accepted connection is one line:
 *
 *   v2ray 4.34: 2026/11/27 13:17:19 127.0.0.1:42578 accepted tcp:127.0.0.1:18555 email: u1
 *   Xray:       2026/11/27 13:17:19 from 127.0.0.1:42578 accepted tcp:example.com:443 [vless-in >> direct] email: u1
 *
 * The newest line for an ip:port wins: a client port reused by another user's new connection
 * must never cut the wrong user.
 *
 * Only open connections ever need cutting, so the index is pruned to the sockets the kernel
 * still has open whenever it grows past a threshold: it stays the size of the live connections
 * (a few per user) instead of every connection since the start (up to `maxEndpoints`, tens of
 * MB of keys and per-user sets on a busy node).
 */
import { closeSync, existsSync, fstatSync, openSync, readSync, renameSync, statSync } from "node:fs";

export interface Endpoint {
  ip: string;
  port: number;
}

export interface AccessEntry extends Endpoint {
  email: string;
}

const LINE = /^\S+ \S+ (?:from )?(?:(?:tcp|udp):)?(\[[0-9a-fA-F:.]+\]|[0-9.]+):(\d+) accepted \S+.*? email: (\S+)\s*$/;

/** One access-log line → who connected from where; null for lines without a user (API, errors). */
export function parseAccessLine(line: string): AccessEntry | null {
  const m = LINE.exec(line);
  if (!m) return null;
  const ip = m[1]!.replace(/^\[|\]$/g, "");
  return { ip, port: Number(m[2]), email: m[3]!.toLowerCase() };
}

/** The index's key for a client endpoint. */
export function endpointKey(endpoint: Endpoint): string {
  return `${endpoint.ip}|${endpoint.port}`;
}

export interface AccessLogOptions {
  /** Most endpoints remembered, if pruning cannot run (no `ss`); the oldest are forgotten first. */
  maxEndpoints?: number;
  /** Prune to live sockets once the index holds this many endpoints (and twice what the last prune kept). */
  pruneAtEndpoints?: number;
  /** Rotate (rename + ask the core to reopen) once the file is this large. */
  rotateAtBytes?: number;
}

export class AccessLogIndex {
  readonly path: string;
  private fd: number | null = null;
  private ino = 0;
  private offset = 0;
  private partial = "";
  private readonly byEndpoint = new Map<string, string>();
  private readonly byEmail = new Map<string, Set<string>>();
  private readonly maxEndpoints: number;
  private readonly pruneAtEndpoints: number;
  private nextPruneAt: number;
  /** Endpoints remembered while a prune waits for the kernel's list: newer than that list, kept. */
  private rememberedDuringPrune: Set<string> | null = null;
  private listener: ((entry: AccessEntry) => void) | null = null;
  readonly rotateAtBytes: number;

  constructor(path: string, options: AccessLogOptions = {}) {
    this.path = path;
    this.maxEndpoints = options.maxEndpoints ?? 200_000;
    this.pruneAtEndpoints = options.pruneAtEndpoints ?? 20_000;
    this.nextPruneAt = this.pruneAtEndpoints;
    this.rotateAtBytes = options.rotateAtBytes ?? 64 << 20;
  }

  /** Also hands every connection read from the log to `listener` (the client addresses for account sharing). */
  onEntry(listener: (entry: AccessEntry) => void): void {
    this.listener = listener;
  }

  /** Reads everything appended since the last call. Cheap when nothing changed. */
  poll(): void {
    if (this.fd === null) {
      if (!existsSync(this.path)) return;
      this.fd = openSync(this.path, "r");
      this.ino = fstatSync(this.fd).ino;
      this.offset = 0;
      this.partial = "";
    }
    this.drain();
    // Someone else rotated or truncated the file: finish the old one, then follow the new one.
    let current: number | null = null;
    try {
      current = statSync(this.path).ino;
    } catch {
      current = null;
    }
    if (current !== null && current !== this.ino) {
      closeSync(this.fd);
      this.fd = null;
      this.poll();
    }
  }

  private drain(): void {
    if (this.fd === null) return;
    const size = fstatSync(this.fd).size;
    if (size < this.offset) {
      this.offset = 0;
      this.partial = "";
    }
    const chunk = Buffer.alloc(1 << 16);
    while (this.offset < size) {
      const n = readSync(this.fd, chunk, 0, chunk.length, this.offset);
      if (n <= 0) break;
      this.offset += n;
      const text = this.partial + chunk.subarray(0, n).toString("utf8");
      const lines = text.split("\n");
      this.partial = lines.pop() ?? "";
      for (const line of lines) {
        const entry = parseAccessLine(line);
        if (!entry) continue;
        this.remember(entry);
        this.listener?.(entry);
      }
    }
  }

  remember(entry: AccessEntry): void {
    const key = endpointKey(entry);
    const previous = this.byEndpoint.get(key);
    if (previous !== undefined) {
      this.byEmail.get(previous)?.delete(key);
      this.byEndpoint.delete(key);
    }
    this.byEndpoint.set(key, entry.email);
    this.rememberedDuringPrune?.add(key);
    const set = this.byEmail.get(entry.email);
    if (set) set.add(key);
    else this.byEmail.set(entry.email, new Set([key]));
    while (this.byEndpoint.size > this.maxEndpoints) {
      const [oldest, email] = this.byEndpoint.entries().next().value as [string, string];
      this.byEndpoint.delete(oldest);
      this.byEmail.get(email)?.delete(oldest);
    }
  }

  /** Client endpoints this user connected from (newest owner of each ip:port). */
  endpointsOf(email: string): Endpoint[] {
    return [...(this.byEmail.get(email.toLowerCase()) ?? [])].map((key) => {
      const i = key.lastIndexOf("|");
      return { ip: key.slice(0, i), port: Number(key.slice(i + 1)) };
    });
  }

  /** Forget a user's endpoints once their sockets are gone. */
  forget(email: string): void {
    for (const key of this.byEmail.get(email.toLowerCase()) ?? []) this.byEndpoint.delete(key);
    this.byEmail.delete(email.toLowerCase());
  }

  get size(): number {
    return this.byEndpoint.size;
  }

  /**
   * Once the index has grown past its threshold: reads the log up to now, asks `listLive` for the
   * client endpoints (`endpointKey`) of the sockets still open on the inbounds, and forgets the
   * rest. Lines read while waiting for that list are kept whatever it says. Returns how many
   * endpoints were forgotten, or null when it was not time yet.
   */
  async pruneIfLarge(listLive: () => Promise<ReadonlySet<string>>): Promise<number | null> {
    this.poll();
    if (this.byEndpoint.size < this.nextPruneAt || this.rememberedDuringPrune) return null;
    const newer = new Set<string>();
    this.rememberedDuringPrune = newer;
    let live: ReadonlySet<string>;
    try {
      live = await listLive();
      this.poll();
    } catch (err) {
      // Not again every tick: next when the index has doubled (the hard cap still holds).
      this.nextPruneAt = 2 * this.byEndpoint.size;
      throw err;
    } finally {
      this.rememberedDuringPrune = null;
    }
    let forgotten = 0;
    for (const [key, email] of this.byEndpoint) {
      if (live.has(key) || newer.has(key)) continue;
      this.byEndpoint.delete(key);
      const set = this.byEmail.get(email);
      set?.delete(key);
      if (set?.size === 0) this.byEmail.delete(email);
      forgotten++;
    }
    this.nextPruneAt = Math.max(this.pruneAtEndpoints, 2 * this.byEndpoint.size);
    return forgotten;
  }

  /**
   * Keeps the file bounded without losing lines: rename it, have the core reopen its log
   * (`reopen`, i.e. LoggerService.RestartLogger), then read the rest of the old file.
   */
  async rotateIfLarge(reopen: () => Promise<void>): Promise<boolean> {
    if (this.fd === null || fstatSync(this.fd).size < this.rotateAtBytes) return false;
    renameSync(this.path, `${this.path}.1`);
    await reopen();
    this.drain();
    closeSync(this.fd);
    this.fd = null;
    this.poll();
    return true;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
