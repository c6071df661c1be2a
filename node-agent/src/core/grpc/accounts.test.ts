import { describe, expect, it } from "vitest";
import { makeInbound, makeUser } from "../../testing/factories.ts";
import { UnsupportedRuntimeUserError, accountFor } from "./accounts.ts";
import { loadCoreProtos } from "./protos.ts";

describe("accountFor", () => {
  it("gives an Xray Hysteria2 inbound user the hysteria account with its password as auth", () => {
    const root = loadCoreProtos("xray");
    const user = makeUser(7, ["hy2"]);
    const account = accountFor("xray", root, makeInbound({ tag: "hy2", protocol: "hysteria2", security: "tls" }), user);
    expect(account.type).toBe("xray.proxy.hysteria.account.Account");
    const type = root.lookupType(account.type);
    expect(type.toObject(type.decode(account.value))).toEqual({ auth: user.hysteria2Password });
  });

  it("refuses a runtime Hysteria2 user on v2ray, which has no such inbound", () => {
    expect(() =>
      accountFor(
        "v2ray",
        loadCoreProtos("v2ray"),
        makeInbound({ tag: "hy2", protocol: "hysteria2" }),
        makeUser(1, ["hy2"]),
      ),
    ).toThrow(UnsupportedRuntimeUserError);
  });

  it("gives a user the override it holds for that inbound: UUID and no flow on vless, password and cipher on shadowsocks", () => {
    const root = loadCoreProtos("xray");
    const vless = makeInbound({ tag: "v", protocol: "vless", protocolSettings: { flow: "xtls-rprx-vision" } });
    const ss = makeInbound({ tag: "s", protocol: "shadowsocks", protocolSettings: { method: "aes-256-gcm" } });
    const user = makeUser(3, ["v", "s"], {
      inboundOverrides: {
        v: { secret: "2c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f", flow: "" },
        s: { secret: "old ss pass", method: "chacha20-ietf-poly1305" },
      },
    });
    const decode = (account: { type: string; value: Uint8Array }) => {
      const type = root.lookupType(account.type);
      return type.toObject(type.decode(account.value), { enums: String, defaults: true });
    };
    expect(decode(accountFor("xray", root, vless, user))).toMatchObject({
      id: "2c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f",
      flow: "",
    });
    expect(decode(accountFor("xray", root, ss, user))).toMatchObject({
      password: "old ss pass",
      cipher_type: "CHACHA20_POLY1305",
    });
    const plain = makeUser(4, ["v"]);
    expect(decode(accountFor("xray", root, vless, plain))).toMatchObject({
      id: plain.vlessId,
      flow: "xtls-rprx-vision",
    });
  });
});
