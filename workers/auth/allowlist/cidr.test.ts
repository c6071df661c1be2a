import { describe, expect, it } from "vitest";
import { addressAllowed, parseAddress, parseCidr } from "./cidr";

describe("CIDR allowlists", () => {
  it("parses IPv4 and IPv6 networks into canonical form", () => {
    expect(parseCidr("203.0.113.77/24")?.text).toBe("203.0.113.0/24");
    expect(parseCidr("198.51.100.7")?.text).toBe("198.51.100.7/32");
    expect(parseCidr("2001:DB8:0:0:1::/64")?.text).toBe("2001:db8::/64");
    expect(parseCidr("::1")?.text).toBe("::1/128");
    expect(parseCidr("0.0.0.0/0")?.text).toBe("0.0.0.0/0");
    expect(parseCidr("::/0")?.text).toBe("::/0");
  });

  it("refuses what is not a network", () => {
    for (const bad of [
      "",
      "300.1.1.1",
      "1.2.3/8",
      "1.2.3.4/33",
      "2001:db8::/129",
      "1:2:3:4:5:6:7:8:9",
      "1::2::3",
      "10.0.0.1/8/1",
      "host.example",
      "1.2.3.4/-1",
      "fe80::g",
    ]) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });

  it("matches addresses inside and only inside the networks", () => {
    const list = ["203.0.113.0/24", "2001:db8:abcd::/48"];
    expect(addressAllowed(list, "203.0.113.200")).toBe(true);
    expect(addressAllowed(list, "203.0.114.1")).toBe(false);
    expect(addressAllowed(list, "2001:db8:abcd:12::5")).toBe(true);
    expect(addressAllowed(list, "2001:db8:abce::5")).toBe(false);
    // An IPv4 client seen through an IPv6 socket is still that IPv4 client.
    expect(addressAllowed(list, "::ffff:203.0.113.9")).toBe(true);
    expect(addressAllowed(list, "unknown")).toBe(false);
    expect(addressAllowed([], "unknown")).toBe(true);
    expect(addressAllowed(null, "192.0.2.1")).toBe(true);
    expect(parseAddress("::ffff:192.0.2.1")).toBe(parseAddress("192.0.2.1"));
    expect(parseAddress("::ffff:c000:201")).toBe(parseAddress("192.0.2.1"));
    expect(parseAddress("64:ff9b::192.0.2.1")).toBe(parseAddress("64:ff9b::c000:201"));
    for (const bad of ["::ffff:300.0.0.1", "1:2:3:4:5:6:7:1.2.3.4", ":1.2.3.4", "1:2:3:4:5:6:7:8::"])
      expect(parseAddress(bad), bad).toBeUndefined();
  });
});
