import { describe, expect, it } from "vitest";
import type { RoutingPolicyFieldsFragment } from "../graphql/generated/graphql";
import { formToInput, policyToForm, problemsByField } from "./form";

const policy: RoutingPolicyFieldsFragment = {
  blockPrivate: true,
  blockBittorrent: false,
  allowedPrivate: [
    { cidr: "10.0.0.53/32", ports: ["53", "853"] },
    { cidr: "fd00::/64", ports: [] },
  ],
  blockedCidrs: ["203.0.113.0/24"],
  blockedDomains: ["domain:ads.example", "regexp:^a{1,3}\\.example$"],
  blockedPorts: ["25", "6881-6889"],
  defaultOutbound: "DIRECT_IPV4",
};

describe("routing policy form", () => {
  it("shows a policy as one entry per line and reads it back unchanged", () => {
    const values = policyToForm(policy);
    expect(values.allowedPrivate).toBe("10.0.0.53/32 53,853\nfd00::/64");
    expect(formToInput(values)).toEqual(policy);
  });

  it("reads what an admin types: blank lines, spaces and comma-separated ports", () => {
    const input = formToInput({
      ...policyToForm(policy),
      allowedPrivate: "\n  10.0.0.1  80, 443 \n",
      blockedPorts: "25, 465\n\n587",
    });
    expect(input.allowedPrivate).toEqual([{ cidr: "10.0.0.1", ports: ["80", "443"] }]);
    expect(input.blockedPorts).toEqual(["25", "465", "587"]);
  });

  it("puts each of the server's messages beside the list it names", () => {
    expect(
      problemsByField([
        { path: "blockedCidrs.1", message: '"10.0.0.0/40": the prefix length must be 0 to 32' },
        { path: "allowedPrivate.0.ports.0", message: '"0": ports run from 1 to 65535' },
        { path: "", message: "something else" },
      ]),
    ).toEqual({
      blockedCidrs: ['"10.0.0.0/40": the prefix length must be 0 to 32'],
      allowedPrivate: ['"0": ports run from 1 to 65535'],
      form: ["something else"],
    });
  });
});
