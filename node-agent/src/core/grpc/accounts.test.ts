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
});
