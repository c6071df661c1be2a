import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTING_POLICY } from "../../../workers/agent/protocol/messages.ts";
import { makeInbound, makeRenderOptions, makeUser } from "../testing/factories.ts";
import { planApply, planConverge, shapeDigest } from "./diff.ts";

const options = makeRenderOptions({ accessLogPath: "/a.log" });
const vless = makeInbound({ tag: "vless-in", protocol: "vless", port: 1001 });
const vmess = makeInbound({ tag: "vmess-in", protocol: "vmess", port: 1002 });
const u1 = makeUser(1, ["vless-in", "vmess-in"]);
const u2 = makeUser(2, ["vless-in"]);

const summary = (plan: ReturnType<typeof planApply>) =>
  plan.ops.map((op) => `${op.kind} ${op.kind === "add" ? op.user.email : op.email} @${op.inbound.tag}`);

describe("planApply", () => {
  it("starts the core when nothing runs yet", () => {
    expect(planApply(null, { inbounds: [vless], users: [] }, options)).toMatchObject({ restart: true });
  });

  it("adds and removes users at runtime without a restart", () => {
    const plan = planApply(
      { inbounds: [vless, vmess], users: [u1] },
      { inbounds: [vless, vmess], users: [u2] },
      options,
    );
    expect(plan.restart).toBe(false);
    expect(summary(plan)).toEqual(["remove u1 @vless-in", "remove u1 @vmess-in", "add u2 @vless-in"]);
  });

  it("changes a credential as remove then add, only on the inbounds whose protocol uses it", () => {
    const rotated = { ...u1, vmessId: "5f0c9a4e-7f3b-4c1d-9a52-0d3f8c1b2a99" };
    const plan = planApply(
      { inbounds: [vless, vmess], users: [u1] },
      { inbounds: [vless, vmess], users: [rotated] },
      options,
    );
    expect(summary(plan)).toEqual(["remove u1 @vmess-in", "add u1 @vmess-in"]);
  });

  it("replaces a user's account on one inbound when only its override there changed", () => {
    const imported = { ...u1, inboundOverrides: { "vless-in": { secret: "7d1e0c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e" } } };
    const reflowed = {
      ...u1,
      inboundOverrides: { "vless-in": { secret: "7d1e0c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e", flow: "" } },
    };
    const running = { inbounds: [vless, vmess], users: [u1] };
    const withOverride = { inbounds: [vless, vmess], users: [imported] };
    expect(summary(planApply(running, withOverride, options))).toEqual(["remove u1 @vless-in", "add u1 @vless-in"]);
    const next = { inbounds: [vless, vmess], users: [reflowed] };
    expect(summary(planApply(withOverride, next, options))).toEqual(["remove u1 @vless-in", "add u1 @vless-in"]);
    expect(planApply(next, { inbounds: [vless, vmess], users: [structuredClone(reflowed)] }, options).ops).toEqual([]);
  });

  it("sends no account the core would refuse: a user's own shadowsocks method it cannot run", () => {
    const xray = makeRenderOptions({ core: "xray" });
    const ss = makeInbound({
      tag: "ss-in",
      protocol: "shadowsocks",
      port: 1003,
      protocolSettings: { method: "aes-256-gcm" },
    });
    const fine = makeUser(3, ["ss-in"]);
    const odd = makeUser(4, ["ss-in"], { inboundOverrides: { "ss-in": { method: "rc4-md5" } } });
    const plan = planApply({ inbounds: [ss], users: [fine] }, { inbounds: [ss], users: [fine, odd] }, xray);
    expect(plan).toMatchObject({ restart: false, ops: [] });
  });

  it("moves a user between inbounds at runtime", () => {
    const moved = { ...u2, inboundTags: ["vmess-in"] };
    const plan = planApply(
      { inbounds: [vless, vmess], users: [u2] },
      { inbounds: [vless, vmess], users: [moved] },
      options,
    );
    expect(summary(plan)).toEqual(["remove u2 @vless-in", "add u2 @vmess-in"]);
  });

  it("does nothing when only limits or usage changed", () => {
    const plan = planApply(
      { inbounds: [vless], users: [u2] },
      { inbounds: [vless], users: [{ ...u2, usedBytes: 99, dataLimitBytes: 1000, expireAtSec: 5 }] },
      options,
    );
    expect(plan).toEqual({ restart: false, restartReasons: [], ops: [], skipped: [] });
  });

  it("restarts when an inbound is added, removed or changed, and says which", () => {
    expect(
      planApply({ inbounds: [vless], users: [] }, { inbounds: [vless, vmess], users: [] }, options).restartReasons,
    ).toEqual(["inbound vmess-in added"]);
    expect(
      planApply({ inbounds: [vless, vmess], users: [] }, { inbounds: [vless], users: [] }, options).restartReasons,
    ).toEqual(["inbound vmess-in removed"]);
    expect(
      planApply({ inbounds: [vless], users: [] }, { inbounds: [{ ...vless, port: 1009 }], users: [] }, options)
        .restartReasons,
    ).toEqual(["inbound vless-in changed"]);
  });

  it("restarts with a validated config when the routing policy changes, and says so", () => {
    const allowDns = { ...DEFAULT_ROUTING_POLICY, allowedPrivate: [{ cidr: "10.0.0.53/32", ports: ["53"] }] };
    expect(
      planApply({ inbounds: [vless], users: [u2] }, { inbounds: [vless], users: [u2], routing: allowDns }, options),
    ).toMatchObject({ restart: true, restartReasons: ["routing policy changed"] });
    // An edge that sends no policy means the defaults: the same policy, nothing to do.
    expect(
      planApply(
        { inbounds: [vless], users: [u2] },
        { inbounds: [vless], users: [u2], routing: DEFAULT_ROUTING_POLICY },
        options,
      ).restart,
    ).toBe(false);
  });

  it("restarts for user changes on v2ray's single-user shadowsocks inbound, which has no runtime API", () => {
    const ss = makeInbound({
      tag: "ss-in",
      protocol: "shadowsocks",
      port: 1003,
      protocolSettings: { method: "aes-256-gcm" },
    });
    const a = makeUser(3, ["ss-in"]);
    const plan = planApply(
      { inbounds: [ss], users: [a] },
      { inbounds: [ss], users: [{ ...a, shadowsocksPassword: "new" }] },
      options,
    );
    expect(plan).toMatchObject({ restart: true, restartReasons: ["inbound ss-in changed"] });
    // On Xray the same change is a runtime op.
    const xray = planApply(
      { inbounds: [ss], users: [a] },
      { inbounds: [ss], users: [{ ...a, shadowsocksPassword: "new" }] },
      { ...options, core: "xray" },
    );
    expect(xray.restart).toBe(false);
    expect(summary(xray)).toEqual(["remove u3 @ss-in", "add u3 @ss-in"]);
  });
});

describe("planConverge", () => {
  it("brings a core that serves either of two user sets to the next one: every op either needs, once each, removes first", () => {
    const u3 = makeUser(3, ["vless-in"]);
    const before = { inbounds: [vless, vmess], users: [u1, u2] };
    const halfway = { inbounds: [vless, vmess], users: [u1, u3] };
    const plan = planConverge([before, halfway], { inbounds: [vless, vmess], users: [u1] }, options);
    expect(plan.restart).toBe(false);
    expect(summary(plan)).toEqual(["remove u2 @vless-in", "remove u3 @vless-in"]);
    const back = planConverge([before, halfway], before, options);
    expect(summary(back)).toEqual(["remove u3 @vless-in", "add u2 @vless-in"]);
  });
});

describe("shapeDigest", () => {
  it("is the same for configs that differ only in runtime users, and differs when an inbound or the routing does", () => {
    const digest = shapeDigest({ inbounds: [vless, vmess], users: [u1] }, options);
    expect(shapeDigest({ inbounds: [vless, vmess], users: [u2] }, options)).toBe(digest);
    expect(shapeDigest({ inbounds: [vless], users: [u1] }, options)).not.toBe(digest);
    const routing = { ...DEFAULT_ROUTING_POLICY, blockBittorrent: false };
    expect(shapeDigest({ inbounds: [vless, vmess], users: [u1], routing }, options)).not.toBe(digest);
  });
});
