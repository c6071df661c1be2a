import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  DEFAULT_ROUTING_POLICY,
  configPayloadSchema,
  routingPolicySchema,
  type RoutingPolicy,
} from "../../../workers/agent/protocol/messages.ts";
import { makeInbound, makePayload, makeRenderOptions, makeUser } from "../testing/factories.ts";
import { renderCoreConfig } from "./render.ts";
import { PRIVATE_CIDRS, hostAddressCidrs } from "./routing.ts";
import { testCoreConfig } from "./validate.ts";

const options = makeRenderOptions();
const vless = makeInbound({ tag: "vless-in", protocol: "vless", port: 1001 });
const vmess = makeInbound({ tag: "vmess-in", protocol: "vmess", port: 1002 });
const user = makeUser(1, ["vless-in", "vmess-in"]);

type Json = Record<string, any>;
const render = (routing?: RoutingPolicy, accessLogPath = options.accessLogPath, hostCidrs?: string[]) =>
  renderCoreConfig(
    { inbounds: [vless, vmess], users: [user], routing },
    { ...options, accessLogPath, ...(hostCidrs ? { hostCidrs } : {}) },
  ).config as Json;
const policy = (input: Partial<RoutingPolicy>) => routingPolicySchema.parse(input);

const everything = policy({
  allowedPrivate: [
    { cidr: "10.0.0.53/32", ports: ["53", "853"] },
    { cidr: "fd00::/64", ports: [] },
  ],
  blockedCidrs: ["203.0.113.0/24", "2001:db8::/32"],
  blockedDomains: [
    "domain:ads.example",
    "full:tracker.example.com",
    "keyword:torrent",
    "regexp:^cdn[0-9]+\\.example\\.net$",
    "regexp:(?i)^ADS[0-9]{1,3}\\.",
  ],
  blockedPorts: ["25", "6881-6889"],
  defaultOutbound: "directIpv4",
});

describe("routing of users' traffic", () => {
  const dir = mkdtempSync(join(tmpdir(), "vortex-routing-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("sends users' traffic to the API's own address to the blackhole before any other rule", () => {
    const rules = render(everything).routing.rules as Json[];
    expect(rules[0]).toEqual({
      type: "field",
      inboundTag: ["vless-in", "vmess-in"],
      ip: ["127.0.0.0/8", "0.0.0.0/32", "::1/128", "::/128"],
      port: "10085",
      outboundTag: "block",
    });
    // The API inbound still reaches the API, and no rule for users names the api outbound.
    expect(rules.at(-1)).toEqual({ type: "field", inboundTag: ["api"], outboundTag: "api" });
    expect(rules.slice(0, -1).every((r) => r.outboundTag !== "api" && !r.inboundTag.includes("api"))).toBe(true);
  });

  it("keeps the API blocked even when an admin allow-lists all of loopback", () => {
    const rules = render(policy({ allowedPrivate: [{ cidr: "127.0.0.0/8", ports: [] }] })).routing.rules as Json[];
    const allow = rules.findIndex((r) => r.outboundTag === "direct");
    expect(allow).toBeGreaterThan(0);
    expect(rules[0]).toMatchObject({ port: "10085", outboundTag: "block" });
  });

  it("blocks loopback, private, link-local, CGNAT and multicast ranges and BitTorrent by default, sniffing user inbounds", () => {
    for (const config of [render(), render(DEFAULT_ROUTING_POLICY)]) {
      const rules = config.routing.rules as Json[];
      expect(rules).toContainEqual({
        type: "field",
        inboundTag: ["vless-in", "vmess-in"],
        ip: PRIVATE_CIDRS,
        outboundTag: "block",
      });
      expect(rules).toContainEqual({
        type: "field",
        inboundTag: ["vless-in", "vmess-in"],
        protocol: ["bittorrent"],
        outboundTag: "block",
      });
      expect(PRIVATE_CIDRS).toEqual(
        expect.arrayContaining([
          "10.0.0.0/8",
          "100.64.0.0/10",
          "127.0.0.0/8",
          "169.254.0.0/16",
          "172.16.0.0/12",
          "192.168.0.0/16",
          "224.0.0.0/4",
          "::1/128",
          "fc00::/7",
          "fe80::/10",
          "ff00::/8",
        ]),
      );
      expect(config.routing.domainStrategy).toBe("IPIfNonMatch");
      const userInbounds = (config.inbounds as Json[]).filter((i) => i.tag !== "api");
      expect(userInbounds.map((i) => i.sniffing)).toEqual([
        { enabled: true, destOverride: ["http", "tls"] },
        { enabled: true, destOverride: ["http", "tls"] },
      ]);
    }
  });

  it("orders explicit blocks before allowed private destinations before the private block", () => {
    const rules = render(everything).routing.rules as Json[];
    const kinds = rules.map((r) =>
      r.domain
        ? "domains"
        : r.protocol
          ? "bittorrent"
          : r.outboundTag === "direct"
            ? `allow ${r.ip[0]}`
            : r.ip?.join() === PRIVATE_CIDRS.join()
              ? "private"
              : r.ip
                ? r.port
                  ? "api"
                  : "cidrs"
                : r.port
                  ? "ports"
                  : "api-inbound",
    );
    expect(kinds).toEqual([
      "api",
      "domains",
      "cidrs",
      "ports",
      "bittorrent",
      "allow 10.0.0.53/32",
      "allow fd00::/64",
      "private",
      "api-inbound",
    ]);
    expect(rules[5]).toMatchObject({ ip: ["10.0.0.53/32"], port: "53,853" });
    expect(rules[6]).not.toHaveProperty("port");
    expect(render(everything).outbounds[0]).toEqual({
      tag: "direct",
      protocol: "freedom",
      settings: { domainStrategy: "UseIPv4" },
    });
  });

  it("blocks the host's own public addresses with the private ranges, unless an admin allow-lists one", () => {
    const own = hostAddressCidrs({
      lo: [
        {
          address: "127.0.0.1",
          netmask: "255.0.0.0",
          family: "IPv4",
          mac: "00:00:00:00:00:00",
          internal: true,
          cidr: "127.0.0.1/8",
        },
      ],
      eth0: [
        {
          address: "198.51.100.7",
          netmask: "255.255.255.0",
          family: "IPv4",
          mac: "02:00:00:00:00:01",
          internal: false,
          cidr: "198.51.100.7/24",
        },
        {
          address: "2a01:4f8::7",
          netmask: "ffff:ffff:ffff:ffff::",
          family: "IPv6",
          mac: "02:00:00:00:00:01",
          internal: false,
          cidr: "2a01:4f8::7/64",
          scopeid: 0,
        },
        {
          address: "fe80::1",
          netmask: "ffff:ffff:ffff:ffff::",
          family: "IPv6",
          mac: "02:00:00:00:00:01",
          internal: false,
          cidr: "fe80::1/64",
          scopeid: 2,
        },
      ],
    });
    expect(own).toEqual(["198.51.100.7/32", "2a01:4f8::7/128"]);
    const rules = render(
      policy({ allowedPrivate: [{ cidr: "2a01:4f8::7", ports: ["443"] }] }),
      options.accessLogPath,
      own,
    ).routing.rules as Json[];
    const privateBlock = rules.findIndex((r) => r.ip?.includes("10.0.0.0/8"));
    expect(rules[privateBlock]!.ip).toEqual([...PRIVATE_CIDRS, "198.51.100.7/32", "2a01:4f8::7/128"]);
    expect(rules.findIndex((r) => r.outboundTag === "direct" && r.ip[0] === "2a01:4f8::7")).toBeLessThan(privateBlock);
    // Turning the private block off turns this off too: it is the same switch.
    expect(JSON.stringify(render(policy({ blockPrivate: false }), options.accessLogPath, own).routing)).not.toContain(
      "198.51.100.7",
    );
  });

  it("renders only the API rule and no sniffing when the admin turns every block off", () => {
    const config = render(
      policy({ blockPrivate: false, blockBittorrent: false, allowedPrivate: [{ cidr: "10.0.0.1", ports: [] }] }),
    );
    expect((config.routing.rules as Json[]).map((r) => r.outboundTag)).toEqual(["block", "api"]);
    expect((config.inbounds as Json[]).some((i) => "sniffing" in i)).toBe(false);
  });

  it("is a config Debian's v2ray accepts (-test), with every kind of entry", async () => {
    for (const [name, routing] of [
      ["defaults", undefined],
      ["everything", everything],
    ] as const) {
      const path = join(dir, `${name}.json`);
      writeFileSync(
        path,
        JSON.stringify(render(routing, join(dir, "access.log"), ["198.51.100.7/32", "2a01:4f8::7/128"])),
      );
      const result = await testCoreConfig("v2ray", "/usr/bin/v2ray", path);
      expect(result, result.output).toMatchObject({ ok: true });
    }
  });

  it("gives a payload without a policy the safe defaults, and an older agent ignores the new field", () => {
    const { routing: _, ...withoutPolicy } = makePayload({ inbounds: [vless], users: [user], routing: everything });
    expect(configPayloadSchema.parse(withoutPolicy).routing).toBeUndefined();
    expect(render(undefined)).toEqual(render(DEFAULT_ROUTING_POLICY));
  });
});

describe("routing policy validation", () => {
  const problems = (input: unknown) => {
    const result = routingPolicySchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("names each bad entry: CIDR, port range, domain matcher, regular expression", () => {
    expect(problems({ blockedCidrs: ["10.0.0.0/33"] })).toEqual([
      'blockedCidrs.0: "10.0.0.0/33": the prefix length must be 0 to 32',
    ]);
    expect(problems({ blockedCidrs: ["10.0.0.256/8"] })[0]).toMatch(/not an IPv4 or IPv6 CIDR/);
    expect(problems({ blockedCidrs: ["::ffff:10.0.0.0/104"] })[0]).toMatch(/IPv4-mapped/);
    expect(problems({ allowedPrivate: [{ cidr: "10.0.0.53", ports: ["70000"] }] })).toEqual([
      'allowedPrivate.0.ports.0: "70000": ports run from 1 to 65535',
    ]);
    expect(problems({ blockedPorts: ["9000-8000"] })).toEqual([
      'blockedPorts.0: "9000-8000": the range must go from low to high',
    ]);
    expect(problems({ blockedDomains: ["example.com"] })[0]).toMatch(
      /must start with domain:, full:, keyword: or regexp:/,
    );
    expect(problems({ blockedDomains: ["domain:exa mple.com"] })[0]).toMatch(/is not a domain name/);
    expect(problems({ blockedDomains: ["regexp:(unclosed"] })[0]).toMatch(/not a valid regular expression/);
    expect(problems({ blockedDomains: ["regexp:^(?!good).*$"] })[0]).toMatch(/RE2/);
    // Accepted by JavaScript's loose mode, refused by the cores' RE2 (measured with v2ray -test).
    expect(problems({ blockedDomains: ["regexp:a\\Z"] })[0]).toMatch(/not a valid regular expression/);
    expect(problems({ blockedDomains: ["regexp:a{1001}"] })[0]).toMatch(/at most 1000 repetitions/);
  });

  it("accepts IPv4 and IPv6 CIDRs, bare addresses, ports and ranges", () => {
    expect(
      problems({
        blockedCidrs: ["0.0.0.0/0", "192.168.1.1", "2001:db8::/32", "::1"],
        blockedPorts: ["1", "65535", "100-200"],
      }),
    ).toEqual([]);
  });
});
