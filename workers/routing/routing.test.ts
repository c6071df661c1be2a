import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { configPayloadSchema, DEFAULT_ROUTING_POLICY, type ConfigEnvelope } from "../agent/protocol/messages";
import { importPublicKey, verifyText } from "../agent/protocol/signing";
import { enrolledAgent } from "../test/agent";
import { adminAs, countRows, errorCode, gql, ok, ownerToken, unique } from "../test/api";

// One story on one database: the panel-wide policy starts safe, is changed, refused and
// overridden per node in turn; each change reaches the signed config of the nodes it touches.

const POLICY_FIELDS = `blockPrivate blockBittorrent allowedPrivate { cidr ports } blockedCidrs blockedDomains blockedPorts defaultOutbound`;
const READ = `{ routingPolicy { ${POLICY_FIELDS} } }`;
const UPDATE = `mutation ($input: RoutingPolicyInput!) { updateRoutingPolicy(input: $input) { ${POLICY_FIELDS} } }`;
const OVERRIDE = `mutation ($id: ID!, $policy: RoutingPolicyInput) { setServerRoutingPolicyOverride(id: $id, policy: $policy) {
  configVersion routingPolicy { ${POLICY_FIELDS} } routingPolicyOverride { blockPrivate } } }`;
const SERVER = `query ($id: ID!) { server(id: $id) { configVersion routingPolicy { ${POLICY_FIELDS} } routingPolicyOverride { blockPrivate } } }`;

let owner: string;
let admin: string;
let reseller: string;
let nodes: { id: string; agent: Awaited<ReturnType<typeof enrolledAgent>> }[];

async function signedConfig(agent: (typeof nodes)[number]["agent"]) {
  const envelope = (await (await agent.pullConfig()).json()) as ConfigEnvelope;
  expect(await verifyText(await importPublicKey(agent.panelPublicKey), envelope.payload, envelope.signature)).toBe(
    true,
  );
  return configPayloadSchema.parse(JSON.parse(envelope.payload));
}

const versions = async () =>
  Promise.all(
    nodes.map(async (n) => ok(await gql(SERVER, { id: n.id }, { token: admin })).server.configVersion as number),
  );
const lastAudit = async () =>
  env.DB.prepare(
    `SELECT action, target_type AS targetType, target_id AS targetId, details FROM audit_log ORDER BY id DESC LIMIT 1`,
  ).first<Record<string, string>>();
const stored = async () =>
  env.DB.prepare(`SELECT value FROM settings WHERE key = 'routingPolicy'`).first<{ value: string }>();

beforeAll(async () => {
  owner = await ownerToken();
  admin = (await adminAs(owner, "ADMIN")).token;
  reseller = (await adminAs(owner, "RESELLER")).token;
  nodes = [];
  for (let i = 0; i < 2; i++) {
    const server = ok(
      await gql(
        `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
        { input: { name: unique("r"), address: "127.0.0.1" } },
        { token: owner },
      ),
    ).createServer;
    nodes.push({ id: server.id, agent: await enrolledAgent(owner, server.id) });
  }
});

const gqlDefaults = {
  blockPrivate: true,
  blockBittorrent: true,
  allowedPrivate: [],
  blockedCidrs: [],
  blockedDomains: [],
  blockedPorts: [],
  defaultOutbound: "DIRECT",
};

describe("routing policy", () => {
  it("starts safe: private ranges and BitTorrent blocked, and every node's signed config says so", async () => {
    expect(ok(await gql(READ, {}, { token: admin })).routingPolicy).toEqual(gqlDefaults);
    for (const node of nodes) expect((await signedConfig(node.agent)).routing).toEqual(DEFAULT_ROUTING_POLICY);
  });

  it("is not for resellers, who can neither read nor change it", async () => {
    const before = await countRows("audit_log");
    expect(errorCode(await gql(READ, {}, { token: reseller }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(UPDATE, { input: { blockPrivate: false } }, { token: reseller }))).toBe("FORBIDDEN");
    expect(
      errorCode(await gql(OVERRIDE, { id: nodes[0]!.id, policy: { blockPrivate: false } }, { token: reseller })),
    ).toBe("FORBIDDEN");
    expect(await stored()).toBeNull();
    expect(await countRows("audit_log")).toBe(before);
  });

  it("refuses a bad entry with a message naming it, changing nothing", async () => {
    const before = { versions: await versions(), audit: await countRows("audit_log") };
    const cases: [Record<string, unknown>, string][] = [
      [
        { blockedCidrs: ["10.0.0.0/8", "10.0.0.0/40"] },
        'blockedCidrs.1: "10.0.0.0/40": the prefix length must be 0 to 32',
      ],
      [
        { allowedPrivate: [{ cidr: "10.0.0.53", ports: ["53", "9-1"] }] },
        'allowedPrivate.0.ports.1: "9-1": the range must go from low to high',
      ],
      [{ blockedPorts: ["0"] }, 'blockedPorts.0: "0": ports run from 1 to 65535'],
      [{ blockedDomains: ["regexp:a(b"] }, 'blockedDomains.0: "regexp:a(b": not a valid regular expression'],
      [
        { blockedDomains: ["example.com"] },
        'blockedDomains.0: "example.com" must start with domain:, full:, keyword: or regexp:',
      ],
    ];
    for (const [input, message] of cases) {
      const response = await gql(UPDATE, { input }, { token: admin });
      expect(errorCode(response)).toBe("BAD_USER_INPUT");
      expect(response.errors![0]!.message).toContain(message);
    }
    expect(await stored()).toBeNull();
    expect({ versions: await versions(), audit: await countRows("audit_log") }).toEqual(before);
  });

  it("replaces the panel-wide policy, bumps every node's config version, audits it, and signs it into every config", async () => {
    const before = await versions();
    const input = {
      allowedPrivate: [{ cidr: "10.0.0.53/32", ports: ["53"] }],
      blockedDomains: ["domain:ads.example", "regexp:^t[0-9]+\\.example$"],
      blockedPorts: ["25"],
      defaultOutbound: "DIRECT_IPV4",
    };
    const updated = ok(await gql(UPDATE, { input }, { token: admin })).updateRoutingPolicy;
    expect(updated).toEqual({ ...gqlDefaults, ...input });
    expect(ok(await gql(READ, {}, { token: admin })).routingPolicy).toEqual(updated);
    expect((await versions()).map((v, i) => v - before[i]!)).toEqual([1, 1]);
    expect(await lastAudit()).toMatchObject({ action: "routing.update", targetType: "settings" });
    expect(JSON.parse((await lastAudit())!.details!).blockedPorts).toEqual(["25"]);
    for (const node of nodes) {
      expect((await signedConfig(node.agent)).routing).toEqual({
        ...DEFAULT_ROUTING_POLICY,
        ...input,
        defaultOutbound: "directIpv4",
      });
    }
  });

  it("gives one node its own whole policy, bumping only that node, and clears it again", async () => {
    const [first, second] = nodes as [(typeof nodes)[number], (typeof nodes)[number]];
    const before = await versions();
    const set = ok(
      await gql(OVERRIDE, { id: first.id, policy: { blockPrivate: false } }, { token: admin }),
    ).setServerRoutingPolicyOverride;
    expect(set.routingPolicyOverride).toEqual({ blockPrivate: false });
    // Whole-policy override: the panel-wide lists do not carry over.
    expect(set.routingPolicy).toEqual({ ...gqlDefaults, blockPrivate: false });
    expect((await versions()).map((v, i) => v - before[i]!)).toEqual([1, 0]);
    expect(await lastAudit()).toMatchObject({
      action: "node.routing_override.set",
      targetType: "node",
      targetId: first.id,
    });
    expect((await signedConfig(first.agent)).routing).toEqual({ ...DEFAULT_ROUTING_POLICY, blockPrivate: false });
    expect((await signedConfig(second.agent)).routing?.blockedPorts).toEqual(["25"]);

    const cleared = ok(
      await gql(OVERRIDE, { id: first.id, policy: null }, { token: admin }),
    ).setServerRoutingPolicyOverride;
    expect(cleared.routingPolicyOverride).toBeNull();
    expect(cleared.routingPolicy.blockedPorts).toEqual(["25"]);
    expect(await lastAudit()).toMatchObject({ action: "node.routing_override.clear", targetId: first.id });
    expect((await signedConfig(first.agent)).routing?.blockedPorts).toEqual(["25"]);
  });

  it("refuses an override with a bad entry or for a node that does not exist", async () => {
    const bad = await gql(OVERRIDE, { id: nodes[0]!.id, policy: { blockedCidrs: ["fe80::/129"] } }, { token: admin });
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    expect(bad.errors![0]!.message).toContain('blockedCidrs.0: "fe80::/129": the prefix length must be 0 to 128');
    expect(errorCode(await gql(OVERRIDE, { id: "999999", policy: null }, { token: admin }))).toBe("NOT_FOUND");
  });
});
