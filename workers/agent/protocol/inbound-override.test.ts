import { describe, expect, it } from "vitest";
import { overrideFromColumns, withInboundOverride } from "./inbound-override";

const user = {
  id: 7,
  vlessId: "own-vless",
  vmessId: "own-vmess",
  trojanPassword: "own-trojan",
  shadowsocksPassword: "own-ss",
  hysteria2Password: "own-hy2",
};
const inbound = (protocol: "vless" | "vmess" | "shadowsocks", protocolSettings: Record<string, unknown> = {}) => ({
  tag: "in",
  protocol,
  protocolSettings,
});

describe("withInboundOverride", () => {
  it("replaces only the secret of the inbound's protocol, and leaves the originals untouched", () => {
    const vmess = inbound("vmess");
    const seen = withInboundOverride(vmess, user, { secret: "imported" });
    expect(seen.user).toEqual({ ...user, vmessId: "imported" });
    expect(user.vmessId).toBe("own-vmess");
    expect(seen.inbound.protocolSettings).toEqual({});
  });

  it('turns an inbound\'s vision flow off for a user whose flow is ""', () => {
    const vision = inbound("vless", { flow: "xtls-rprx-vision" });
    expect(withInboundOverride(vision, user, { flow: "" }).inbound.protocolSettings).toEqual({ flow: "" });
    expect(vision.protocolSettings).toEqual({ flow: "xtls-rprx-vision" });
    // Flow means nothing to other protocols.
    expect(withInboundOverride(inbound("vmess"), user, { flow: "xtls-rprx-vision" }).inbound.protocolSettings).toEqual(
      {},
    );
  });

  it("swaps a classic shadowsocks method, but never into or out of 2022, whose users share the server's", () => {
    const classic = inbound("shadowsocks", { method: "aes-256-gcm" });
    const sip022 = inbound("shadowsocks", { method: "2022-blake3-aes-128-gcm", serverKey: "k" });
    const methodOf = (i: typeof classic, method: string) =>
      withInboundOverride(i, user, { method }).inbound.protocolSettings.method;
    expect(methodOf(classic, "chacha20-ietf-poly1305")).toBe("chacha20-ietf-poly1305");
    expect(methodOf(classic, "2022-blake3-aes-256-gcm")).toBe("aes-256-gcm");
    expect(methodOf(sip022, "aes-128-gcm")).toBe("2022-blake3-aes-128-gcm");
  });

  it("returns the very same objects when there is no override", () => {
    const vless = inbound("vless");
    const seen = withInboundOverride(vless, user, undefined);
    expect(seen.inbound).toBe(vless);
    expect(seen.user).toBe(user);
  });
});

describe("overrideFromColumns", () => {
  it("keeps the columns that are set, empty flow included, and finds nothing in nulls or an empty secret or method", () => {
    expect(overrideFromColumns({ secret: "s", flow: "", method: null })).toEqual({ secret: "s", flow: "" });
    expect(overrideFromColumns({ secret: null, flow: null, method: null })).toBeUndefined();
    expect(overrideFromColumns({ secret: "", flow: null, method: "" })).toBeUndefined();
    expect(overrideFromColumns(null)).toBeUndefined();
  });
});
