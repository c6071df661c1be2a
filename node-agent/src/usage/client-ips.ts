/**
 * The distinct client addresses each user connected from since the last acknowledged push
 * (protocol level 3), for the panel's account-sharing detection. Addresses live in memory only
 * and leave the agent as HMAC-SHA256(clientIpKey, address) truncated to 16 hex digits: never on
 * disk, never in a log. A crash loses at most one interval's addresses, which only delays a flag.
 */
import { createHmac } from "node:crypto";
import type { ClientIps } from "../../../workers/agent/protocol/messages.ts";

/** The wire's limit per user per push: enough to tell sharing from a phone changing networks. */
export const MAX_ADDRESSES_PER_USER = 64;
/** The wire's limit of users per push; the rest wait for the next one. */
const MAX_USERS_PER_PUSH = 50_000;

/** `::ffff:1.2.3.4` is 1.2.3.4, and IPv6 case is not significant: one address, one hash. */
export function normalizeAddress(ip: string): string {
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  return mapped ? mapped[1]! : lower;
}

/**
 * The keyed hash the panel compares across nodes (key: the config's base64url clientIpKey).
 *
 * @example hashAddress(key, "198.51.100.7") // → "3f9c0a1b2d4e5f60" (16 hex digits)
 */
export function hashAddress(key: string, ip: string): string {
  return createHmac("sha256", Buffer.from(key, "base64url")).update(normalizeAddress(ip)).digest("hex").slice(0, 16);
}

/** What a push carries, and what to give back if it fails. */
export interface TakenAddresses {
  clientIps: ClientIps[];
  addresses: Map<number, Set<string>>;
}

export class ClientAddresses {
  private pending = new Map<number, Set<string>>();

  /** One connection of `userId` from `ip` (at most MAX_ADDRESSES_PER_USER kept per user). */
  add(userId: number, ip: string): void {
    const address = normalizeAddress(ip);
    const set = this.pending.get(userId);
    if (!set) this.pending.set(userId, new Set([address]));
    else if (set.size < MAX_ADDRESSES_PER_USER) set.add(address);
  }

  /**
   * Everything collected, hashed with `key`, for the next push; the collection starts over. With
   * no key yet (an edge before level 3, or no config) nothing is taken and nothing kept.
   */
  take(key: string | undefined): TakenAddresses {
    if (!key) {
      this.pending = new Map();
      return { clientIps: [], addresses: new Map() };
    }
    const addresses = new Map<number, Set<string>>();
    for (const [userId, set] of this.pending) {
      if (addresses.size === MAX_USERS_PER_PUSH) break;
      addresses.set(userId, set);
      this.pending.delete(userId);
    }
    const clientIps = [...addresses].map(([userId, set]) => ({
      userId,
      hashes: [...new Set([...set].map((ip) => hashAddress(key, ip)))],
    }));
    return { clientIps, addresses };
  }

  /** A push that did not go through: its addresses join what was collected since. */
  giveBack(taken: TakenAddresses): void {
    for (const [userId, set] of taken.addresses) for (const ip of set) this.add(userId, ip);
  }

  get users(): number {
    return this.pending.size;
  }
}
