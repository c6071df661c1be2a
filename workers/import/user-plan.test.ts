import { describe, expect, it } from "vitest";
import type { ImportUserInput } from "../graphql/generated/resolvers";
import type { UserRow } from "../users/table";
import type { ImportMapping } from "./mapping";
import { planUser, type PlannedUser } from "./user-plan";

const NOW = 1_800_000_000;
const mapping: ImportMapping = {
  inbounds: {
    vless: { id: 1, groupId: 11, protocol: "vless", flow: "xtls-rprx-vision", method: "" },
    vless2: { id: 2, groupId: 12, protocol: "vless", flow: "", method: "" },
    ss: { id: 3, groupId: 13, protocol: "shadowsocks", flow: "", method: "aes-256-gcm" },
  },
  admins: { reseller: 7 },
  nodes: {},
  batches: [],
};

const peerUser = (overrides: Partial<ImportUserInput> = {}): ImportUserInput => ({
  key: "k1",
  username: "alice",
  enabled: true,
  onHold: false,
  peerStatus: "active",
  usedTraffic: 0,
  resetStrategy: "none",
  credentials: {},
  access: [],
  ...overrides,
});

function plan(input: ImportUserInput, existing?: UserRow): PlannedUser {
  const planned = planUser(input, { mapping, callerId: 1, nowSec: NOW, existing });
  if ("conflict" in planned) throw new Error(planned.conflict);
  return planned.plan;
}

describe("planning one peer user", () => {
  it("takes the first secret of each protocol as the user's own and keeps only what differs per inbound", () => {
    const first = crypto.randomUUID();
    const second = crypto.randomUUID();
    const planned = plan(
      peerUser({
        access: [
          { inboundKey: "vless", secret: first },
          { inboundKey: "vless2", secret: second, flow: "" },
          { inboundKey: "ss", secret: "ss-password-1", method: "aes-256-gcm" },
        ],
      }),
    );
    expect(planned.row.vlessId).toBe(first);
    expect(planned.row.shadowsocksPassword).toBe("ss-password-1");
    expect(planned.inboundCredentials).toEqual([{ inboundId: 2, secret: second, flow: null, method: null }]);
    expect(planned.groupIds).toEqual([11, 12, 13]);
  });

  it("keeps a flow of none where the inbound sets one", () => {
    const planned = plan(peerUser({ access: [{ inboundKey: "vless", flow: "" }] }));
    expect(planned.inboundCredentials).toEqual([{ inboundId: 1, secret: null, flow: "", method: null }]);
  });

  it("counts on-hold time in whole days, rounding up and saying so", () => {
    const whole = plan(peerUser({ onHold: true, onHoldExpireSeconds: 2 * 86_400, peerStatus: "on_hold" }));
    expect(whole.row).toMatchObject({ status: "on_hold", onHoldExpireDays: 2, expireAtSec: null });
    expect(whole.adjustments).toEqual([]);
    expect(whole.statusChange).toBeNull();
    const part = plan(peerUser({ onHold: true, onHoldExpireSeconds: 86_401, peerStatus: "on_hold" }));
    expect(part.row.onHoldExpireDays).toBe(2);
    expect(part.adjustments).toEqual(["on-hold duration of 86401 s rounded up to 2 days"]);
  });

  it("derives the status by this panel's rules and notes where the peer said otherwise", () => {
    const planned = plan(peerUser({ dataLimit: 10, usedTraffic: 10, peerStatus: "active" }));
    expect(planned.row.status).toBe("limited");
    expect(planned.statusChange).toEqual({ from: "active", to: "limited" });
  });

  it("refuses a secret no client could use, and drops access to an inbound the import did not make", () => {
    expect(
      planUser(peerUser({ credentials: { vmessId: "1234" } }), {
        mapping,
        callerId: 1,
        nowSec: NOW,
        existing: undefined,
      }),
    ).toEqual({
      conflict: expect.stringContaining("vmessId"),
    });
    const planned = plan(peerUser({ access: [{ inboundKey: "gone" }] }));
    expect(planned.groupIds).toEqual([]);
    expect(planned.adjustments).toEqual([`access to inbound "gone" dropped: that inbound was not imported`]);
  });

  it("makes a refused username valid and says so; the owner is the peer admin's or the caller", () => {
    const planned = plan(peerUser({ username: "bob smith!", ownerKey: "reseller" }));
    expect(planned.row.username).toBe("bob_smith_");
    expect(planned.adjustments[0]).toContain(`"bob_smith_"`);
    expect(planned.row.adminId).toBe(7);
    expect(plan(peerUser({ ownerKey: "unknown" })).row.adminId).toBe(1);
  });

  it("keeps what the peer does not say from the user an earlier run made", () => {
    const existing = {
      vlessId: crypto.randomUUID(),
      vmessId: crypto.randomUUID(),
      trojanPassword: "trojan-secret",
      shadowsocksPassword: "ss-secret-1",
      hysteria2Password: "hy2-secret-1",
      subToken: "kept-token-0123456789",
      firstUsedAtSec: null,
      createdAtSec: NOW - 10,
    } as UserRow;
    const planned = plan(peerUser(), existing);
    expect(planned.row).toMatchObject({
      vlessId: existing.vlessId,
      hysteria2Password: existing.hysteria2Password,
      subToken: existing.subToken,
      createdAtSec: existing.createdAtSec,
    });
  });
});
