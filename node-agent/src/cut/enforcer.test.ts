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
    const payload = makePayload({ users: [makeUser(1, [], { expireAtSec: NOW - 1 }), makeUser(2, [], { expireAtSec: NOW + 60 })] });
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

  it("keeps an edge cut across agent restarts until a newer config lists the user again", () => {
    const path = join(mkdtempSync(join(tmpdir(), "vortex-cut-")), "cut.json");
    const user = makeUser(7, []);
    new LocalEnforcer(path).cutByEdge([7], 10);

    const restarted = new LocalEnforcer(path);
    restarted.onConfigApplied(makePayload({ version: 10, users: [user] }));
    expect(restarted.blocked(makePayload({ version: 10, users: [user] }), NOW).get(7)).toBe("cut_by_edge");

    restarted.onConfigApplied(makePayload({ version: 11, users: [user] }));
    expect(restarted.blocked(makePayload({ version: 11, users: [user] }), NOW).size).toBe(0);
    expect(new LocalEnforcer(path).cutUserIds).toEqual([]);
  });
});
