import { describe, expect, it } from "vitest";
import { makeInbound, makePayload, makeUser } from "../testing/factories.ts";
import { dropUnusedCredentials } from "./credentials.ts";

describe("dropUnusedCredentials", () => {
  it("keeps the credentials of the node's inbound protocols and empties the others", () => {
    const inbounds = [
      makeInbound({ tag: "vless-in", protocol: "vless" }),
      makeInbound({ tag: "tj-in", protocol: "trojan", port: 20_002 }),
    ];
    const user = makeUser(1, ["vless-in", "tj-in"]);
    const { vlessId, trojanPassword } = user;
    const payload = dropUnusedCredentials(makePayload({ inbounds, users: [user] }));
    expect(payload.users[0]).toMatchObject({
      vlessId,
      trojanPassword,
      vmessId: "",
      shadowsocksPassword: "",
      hysteria2Password: "",
    });
  });

  it("empties every credential of a node with no inbounds", () => {
    const payload = dropUnusedCredentials(makePayload({ users: [makeUser(1, [])] }));
    expect(payload.users[0]).toMatchObject({
      vlessId: "",
      vmessId: "",
      trojanPassword: "",
      shadowsocksPassword: "",
      hysteria2Password: "",
    });
  });
});
