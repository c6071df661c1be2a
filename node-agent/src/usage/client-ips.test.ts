import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clientIpsSchema } from "../../../workers/agent/protocol/messages.ts";
import { ClientAddresses, hashAddress, MAX_ADDRESSES_PER_USER } from "./client-ips.ts";

const key = randomBytes(32).toString("base64url");

describe("client addresses", () => {
  it("hashes an address alike on two agents with the same key, and differently under another key", () => {
    const first = new ClientAddresses();
    const second = new ClientAddresses();
    first.add(1, "198.51.100.7");
    second.add(1, "198.51.100.7");
    second.add(1, "2001:DB8::1");
    const [a] = first.take(key).clientIps;
    const [b] = second.take(key).clientIps;
    expect(a!.hashes[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(b!.hashes).toEqual([a!.hashes[0], hashAddress(key, "2001:db8::1")]);
    expect(hashAddress(randomBytes(32).toString("base64url"), "198.51.100.7")).not.toBe(a!.hashes[0]);
    // An IPv4 client seen through a dual-stack socket is the same address.
    expect(hashAddress(key, "::ffff:198.51.100.7")).toBe(a!.hashes[0]);
  });

  it("sends each user's distinct addresses once, at most 64, in the wire's shape", () => {
    const addresses = new ClientAddresses();
    for (let i = 0; i < 100; i++) addresses.add(7, `10.0.${i}.1`);
    addresses.add(8, "10.0.0.1");
    addresses.add(8, "10.0.0.1");
    const { clientIps } = addresses.take(key);
    expect(clientIps.map((c) => [c.userId, c.hashes.length])).toEqual([
      [7, MAX_ADDRESSES_PER_USER],
      [8, 1],
    ]);
    for (const c of clientIps) clientIpsSchema.parse(c);
    // Taken: the next interval starts empty.
    expect(addresses.take(key).clientIps).toEqual([]);
  });

  it("keeps a failed push's addresses for the next one, merged with the new ones", () => {
    const addresses = new ClientAddresses();
    addresses.add(1, "10.0.0.1");
    const failed = addresses.take(key);
    addresses.add(1, "10.0.0.2");
    addresses.add(1, "10.0.0.1");
    addresses.giveBack(failed);
    expect(addresses.take(key).clientIps).toEqual([
      { userId: 1, hashes: [hashAddress(key, "10.0.0.2"), hashAddress(key, "10.0.0.1")] },
    ]);
  });

  it("sends and keeps nothing before the panel has sent a key", () => {
    const addresses = new ClientAddresses();
    addresses.add(1, "10.0.0.1");
    expect(addresses.take(undefined).clientIps).toEqual([]);
    expect(addresses.users).toBe(0);
  });
});
