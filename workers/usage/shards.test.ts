import { describe, expect, it } from "vitest";
import type { UsagePush } from "../agent/protocol/messages";
import { partsOfPush, rollupOf, SHARD_USERS } from "./shards";

const HOUR = 3600;
const at = 1_700_000_000 - (1_700_000_000 % HOUR);

const push = (extra: Partial<UsagePush> = {}): UsagePush => ({
  nodeId: 7,
  seq: 3,
  fromSec: at - 5,
  toSec: at + 10,
  deltas: [],
  ...extra,
});

describe("splitting a push by shard", () => {
  it("gives each shard its own users, summed per user, without users who moved nothing", () => {
    const parts = partsOfPush(
      push({
        deltas: [
          { userId: 5, upBytes: 1, downBytes: 2 },
          { userId: SHARD_USERS + 1, upBytes: 10, downBytes: 20 },
          { userId: 5, upBytes: 3, downBytes: 4 },
          { userId: 6, upBytes: 0, downBytes: 0 },
        ],
        clientIps: [{ userId: SHARD_USERS + 1, hashes: ["00112233aabbccdd"] }],
      }),
      at + 20,
    );
    expect(parts.map((p) => [p.shardId, p.deltas, p.clientIps])).toEqual([
      [0, [[5, 4, 6]], []],
      [1, [[SHARD_USERS + 1, 10, 20]], [[SHARD_USERS + 1, ["00112233aabbccdd"]]]],
    ]);
    expect(parts.every((p) => p.nodeId === 7 && p.seq === 3 && p.chargedAtSec === at + 10)).toBe(true);
  });

  it("puts the node's own counters on exactly one shard, the same one for a resent push", () => {
    const inbounds = [{ tag: "vless", upBytes: 1, downBytes: 2 }];
    const deltas = [
      { userId: 3 * SHARD_USERS, upBytes: 1, downBytes: 1 },
      { userId: 2 * SHARD_USERS, upBytes: 1, downBytes: 1 },
    ];
    const homes = (parts: ReturnType<typeof partsOfPush>) => parts.filter((p) => p.home).map((p) => p.shardId);
    expect(homes(partsOfPush(push({ deltas, inbounds }), at))).toEqual([2]);
    expect(homes(partsOfPush(push({ deltas: deltas.toReversed(), inbounds }), at + 60))).toEqual([2]);
    // A push without traffic still counts as a push, on shard 0.
    const idle = partsOfPush(push({ inbounds }), at);
    expect(idle.map((p) => [p.shardId, p.home])).toEqual([[0, { inbounds: [["vless", 1, 2]] }]]);
  });
});

describe("a shard's rollup", () => {
  it("sums its parts per user, hour and node, and counts each push once per node and inbound", () => {
    const first = partsOfPush(
      push({
        seq: 1,
        toSec: at + 10,
        deltas: [{ userId: 5, upBytes: 1, downBytes: 2 }],
        inbounds: [
          { tag: "a", upBytes: 1, downBytes: 1 },
          { tag: "a", upBytes: 2, downBytes: 2 },
        ],
        clientIps: [{ userId: 5, hashes: ["00112233aabbccdd"] }],
      }),
      at + 11,
    );
    const second = partsOfPush(
      push({ seq: 2, toSec: at + 20, deltas: [{ userId: 5, upBytes: 10, downBytes: 20 }] }),
      at + 21,
    );
    const otherNode = partsOfPush(
      push({
        nodeId: 8,
        seq: 1,
        toSec: at + HOUR,
        deltas: [{ userId: 5, upBytes: 100, downBytes: 200 }],
        clientIps: [{ userId: 5, hashes: ["00112233aabbccdd"] }],
      }),
      at + 30,
    );
    const rollup = rollupOf(0, 42, [...first, ...second, ...otherNode]);
    expect(rollup).toEqual({
      shardId: 0,
      seq: 42,
      users: [
        [5, at, 7, 11, 22],
        [5, at + HOUR, 8, 100, 200],
      ],
      pushes: [
        [7, "", 2, at + 21],
        [7, "a", 1, at + 11],
        [8, "", 1, at + 30],
      ],
      inbounds: [[7, "a", at, 3, 3]],
      // The first node to report an address in an hour keeps it.
      clientIps: [[5, at, "00112233aabbccdd", 7]],
    });
  });
});
