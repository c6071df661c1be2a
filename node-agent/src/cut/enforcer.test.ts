import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makePayload, makeUser } from "../testing/factories.ts";
import { LocalEnforcer } from "./enforcer.ts";

const NOW = 1_700_000_000;

describe("LocalEnforcer", () => {
  it("blocks a user whose expiry passed, with no word from the edge", () => {
    const enforcer = new LocalEnforcer(null);
    const payload = makePayload({
      users: [makeUser(1, [], { expireAtSec: NOW - 1 }), makeUser(2, [], { expireAtSec: NOW + 60 })],
    });
    expect([...enforcer.blocked(payload, NOW)]).toEqual([[1, "expired"]]);
  });

  it("blocks a user once the edge's usage plus this node's unreported traffic reaches the limit", () => {
    const enforcer = new LocalEnforcer(null);
    const payload = makePayload({ users: [makeUser(1, [], { dataLimitBytes: 1_000, usedBytes: 900 })] });
    enforcer.addLocalUsage([{ userId: 1, upBytes: 40, downBytes: 59 }]);
    expect(enforcer.blocked(payload, NOW).size).toBe(0);
    enforcer.addLocalUsage([{ userId: 1, upBytes: 0, downBytes: 1 }]);
    expect(enforcer.blocked(payload, NOW).get(1)).toBe("quota_exceeded");
  });

  it("watches limited users who may cross their limit before the next reading, and counts unjournaled bytes", () => {
    const enforcer = new LocalEnforcer(null);
    const MiB = 2 ** 20;
    const payload = makePayload({
      users: [
        makeUser(1, [], { dataLimitBytes: 100 * MiB, usedBytes: 99 * MiB }), // 1 MiB left
        makeUser(2, [], { dataLimitBytes: 1_000 * MiB, usedBytes: 0 }), // far from it, but fast
        makeUser(3, [], { dataLimitBytes: 1_000 * MiB, usedBytes: 0 }), // far from it, slow
        makeUser(4, [], { dataLimitBytes: null }), // unlimited
        makeUser(5, [], { dataLimitBytes: 100 * MiB, usedBytes: 99 * MiB }), // near, but already blocked
      ],
    });
    enforcer.addLocalUsage([
      { userId: 2, upBytes: 0, downBytes: 600 * MiB },
      { userId: 3, upBytes: 0, downBytes: 10 * MiB },
    ]);
    const watched = enforcer.nearQuota(payload, new Map([[5, "cut_by_edge"]]), 32 * MiB);
    expect(watched.map((u) => u.id)).toEqual([1, 2]);
    expect(enforcer.quotaLeft(payload.users[0]!, MiB - 1)).toBe(1);
    expect(enforcer.quotaLeft(payload.users[0]!, MiB)).toBe(0);
    expect(enforcer.quotaLeft(payload.users[3]!, MiB)).toBeNull();
    // A reading where user 2 moved nothing: only the latest reading says how fast anyone goes.
    enforcer.addLocalUsage([]);
    expect(enforcer.nearQuota(payload, new Map(), 32 * MiB).map((u) => u.id)).toEqual([1, 5]);
  });

  it("keeps an edge cut across agent restarts until a newer config lists the user again", () => {
    const path = join(mkdtempSync(join(tmpdir(), "vortex-cut-")), "cut.json");
    const user = makeUser(7, []);
    new LocalEnforcer(path).cutByEdge([7], 10);

    const restarted = new LocalEnforcer(path);
    restarted.onConfigApplied(makePayload({ version: 10, users: [user] }));
    expect(restarted.blocked(makePayload({ version: 10, users: [user] }), NOW).get(7)).toBe("cut_by_edge");

    restarted.onConfigApplied(makePayload({ version: 11, users: [user] }));
    expect(restarted.blocked(makePayload({ version: 11, users: [user] }), NOW).size).toBe(0);
    expect(new LocalEnforcer(path).blocked(makePayload({ version: 10, users: [user] }), NOW).size).toBe(0);
  });
});
