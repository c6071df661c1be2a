/**
 * A panel lost and brought back from a backup kept off Cloudflare, with the real pieces: panel A
 * (wrangler dev) with a user, a plan, an invoice, an admin with TOTP and a passkey, and a node
 * whose bundled agent runs Debian's v2ray. The owner backs A up and downloads the file. A is then
 * gone, and the operator deploys panel B with the same secrets at the same address (a new account
 * or database behind the panel's hostname: the agents and the passkey's relying party know the
 * panel by that address, so that is what an operator keeps), uploads the file and restores it.
 * B must then hold A's rows exactly, let the admin in with password + TOTP and with the passkey,
 * keep the agent (never re-enrolled) pushing and serving, and answer the user's link as A did.
 * A change made on A after the backup is lost, as it must be; the node, which already ran it,
 * is handed a newer config by B instead of refusing B's versions as older.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TOTP, URI } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, waitFor } from "../../src/testing/agent-process.ts";
import { startClientCore, type ClientCore } from "../../src/testing/client-core.ts";
import {
  fetchThroughSocks,
  freePort,
  makeSelfSignedCert,
  startHttpTarget,
  type HttpTarget,
} from "../../src/testing/net.ts";
import { outboundFromLink } from "../../src/testing/share-link-client.ts";
import { SoftwarePasskey } from "../../src/testing/software-passkey.ts";
import { enrollAndRunAgent, type RunningAgent } from "./node.ts";
import { OWNER, startPanel, type Panel } from "./panel.ts";

const BACKUP = `id status trigger schemaVersion tables { name rows sha256 } downloadPath error`;
const ADMIN = { username: "ops", password: "ops-password-long-enough" };
/**
 * Tables that move on their own once B serves: sign-ins, the restore's own audit, the agent's
 * reports and configs, the news they raise (events arrive through a queue, some after A's backup)
 * and the history its pushes keep.
 */
const LIVE_TABLES = new Set([
  "sessions",
  "refresh_tokens",
  "auth_challenges",
  "audit_log",
  "nodes",
  "usage_rollups",
  "usage_daily",
  "traffic_hourly",
  "node_config_history",
  "node_operations",
  "events",
  "notification_reads",
  "notification_deliveries",
  "usage_hourly",
  "node_traffic_hourly",
  "inbound_traffic_hourly",
  "traffic_totals",
  "user_client_ips",
  "user_status_daily",
]);

let a: Panel;
let b: Panel | undefined;
let target: HttpTarget;
let dir: string;
let agent: RunningAgent | undefined;
let client: ClientCore | undefined;
let serverId: string;
let subscriptionUrl: string;
let linksOnA: string;
let totp: TOTP;
let passkey: SoftwarePasskey;
let backup: {
  id: string;
  schemaVersion: string;
  tables: { name: string; rows: number; sha256: string }[];
  downloadPath: string;
};
let file: Buffer<ArrayBuffer>;
let appliedOnA: number;
/** The node's enrolled identity (node id, keys, panel URL) as A left it: B must take it as it is. */
let identityOnA: string;
const identity = () => readFileSync(join(dir, "agent/identity.json"), "utf8");

/** GraphQL against a panel as someone other than its owner (`token` null: anonymous), throwing on errors like Panel.gql. */
async function gqlAs(panel: Panel, token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${panel.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const server = async (panel: Panel) =>
  (
    await panel.gql(`query ($id: ID!) { server(id: $id) { status configVersion appliedConfigVersion } }`, {
      id: serverId,
    })
  ).server;

async function signInWithPasskey(panel: Panel): Promise<string> {
  const { beginPasskeyLogin } = await gqlAs(panel, null, `mutation { beginPasskeyLogin { challengeToken options } }`);
  const { finishPasskeyLogin } = await gqlAs(
    panel,
    null,
    `mutation ($input: FinishPasskeyLoginInput!) { finishPasskeyLogin(input: $input) { admin { username } } }`,
    {
      input: {
        challengeToken: beginPasskeyLogin.challengeToken,
        response: passkey.authenticate(beginPasskeyLogin.options),
      },
    },
  );
  return finishPasskeyLogin.admin.username;
}

/**
 * Password, then a TOTP code. The code is the next step's (accepted within the window): the
 * restored panel remembers the step A last accepted, and a code is good once.
 */
async function signInWithTotp(panel: Panel): Promise<string> {
  const { signIn } = await gqlAs(
    panel,
    null,
    `mutation ($input: LoginInput!) { signIn(input: $input) { __typename ... on SecondFactorChallenge { challengeToken } } }`,
    { input: ADMIN },
  );
  expect(signIn.__typename).toBe("SecondFactorChallenge");
  const { completeSecondFactor } = await gqlAs(
    panel,
    null,
    `mutation ($input: SecondFactorInput!) { completeSecondFactor(input: $input) { admin { username } } }`,
    { input: { challengeToken: signIn.challengeToken, code: totp.generate({ timestamp: Date.now() + 30_000 }) } },
  );
  return completeSecondFactor.admin.username;
}

/** The owner signs in again: a restore signs everyone out. */
async function ownerSignsIn(panel: Panel) {
  panel.token = "";
  panel.token = (
    await panel.gql(`mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: OWNER })
  ).login.accessToken;
}

beforeAll(async () => {
  buildAgent();
  dir = mkdtempSync(join(tmpdir(), "vortex-backup-e2e-"));
  target = await startHttpTarget();
  a = await startPanel();
  await a.gql(`mutation ($input: RoutingPolicyInput!) { updateRoutingPolicy(input: $input) { blockPrivate } }`, {
    input: { allowedPrivate: [{ cidr: "127.0.0.1/32", ports: [String(target.port)] }] },
  });
  const { createInbound } = await a.gql(
    `mutation ($input: CreateInboundInput!) { createInbound(input: $input) { id } }`,
    {
      input: { tag: "vless-in", port: await freePort(), protocol: "VLESS", transport: "TCP", security: "NONE" },
    },
  );
  const { createServer } = await a.gql(`mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`, {
    input: { name: "backup-node", address: "127.0.0.1", inboundIds: [createInbound.id] },
  });
  serverId = createServer.id;
  const { createGroup } = await a.gql(`mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`, {
    input: { name: "everyone", inboundIds: [createInbound.id] },
  });
  const { createUser } = await a.gql(
    `mutation ($input: CreateUserInput!) { createUser(input: $input) { id subscriptionUrl } }`,
    { input: { username: "kept-user", groupIds: [createGroup.id] } },
  );
  subscriptionUrl = createUser.subscriptionUrl;
  const { createPlan } = await a.gql(`mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }`, {
    input: { name: "Monthly", durationDays: 30, prices: [{ currency: "USD", amount: "5.00" }] },
  });
  await a.gql(`mutation ($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }`, {
    input: { planId: createPlan.id, userId: createUser.id, currency: "USD" },
  });

  // The admin: TOTP enrolled and a passkey registered, through the panel's own operations.
  await a.gql(`mutation ($input: CreateAdminInput!) { createAdmin(input: $input) { id } }`, {
    input: { ...ADMIN, role: "ADMIN" },
  });
  const adminToken = (
    await gqlAs(a, null, `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: ADMIN })
  ).login.accessToken;
  const asAdmin = (query: string, variables?: Record<string, unknown>) => gqlAs(a, adminToken, query, variables);
  const { beginTotpEnrollment } = await asAdmin(`mutation { beginTotpEnrollment { uri } }`);
  totp = URI.parse(beginTotpEnrollment.uri) as TOTP;
  await asAdmin(`mutation ($code: String!) { confirmTotpEnrollment(code: $code) }`, { code: totp.generate() });
  passkey = new SoftwarePasskey(a.url);
  const { beginPasskeyRegistration } = await asAdmin(
    `mutation { beginPasskeyRegistration { challengeToken options } }`,
  );
  await asAdmin(
    `mutation ($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) { id } }`,
    {
      input: {
        challengeToken: beginPasskeyRegistration.challengeToken,
        name: "software key",
        response: passkey.register(beginPasskeyRegistration.options),
      },
    },
  );
  expect(await signInWithPasskey(a)).toBe(ADMIN.username);

  const tls = makeSelfSignedCert(dir);
  agent = await enrollAndRunAgent(a, serverId, {
    stateDir: join(dir, "agent"),
    apiPort: await freePort(),
    tickSec: 1,
    extra: ["--tls-cert", tls.certificateFile, "--tls-key", tls.keyFile],
  });
  await waitFor("the node runs A's config", async () => {
    const s = await server(a);
    return s.status === "ONLINE" && s.appliedConfigVersion === s.configVersion ? s : undefined;
  }).catch((error: Error) => {
    throw new Error(`${error.message}\nagent log:\n${agent?.log.slice(-3000)}`);
  });
  linksOnA = await (await fetch(`${subscriptionUrl}/links`)).text();
  identityOnA = identity();
}, 240_000);

afterAll(async () => {
  await client?.stop();
  await agent?.stop();
  await b?.stop();
  await a?.stop();
  await target?.close();
});

describe("a panel restored from a downloaded backup on a fresh deployment", () => {
  it("backs A up and downloads the file with the owner's bearer token, as downloadPath says", async () => {
    const { backupDatabase } = await a.gql(`mutation { backupDatabase { id } }`);
    backup = await waitFor("A's backup complete", async () => {
      const { backup } = await a.gql(`query ($id: ID!) { backup(id: $id) { ${BACKUP} } }`, { id: backupDatabase.id });
      if (backup.status === "FAILED") throw new Error(`backup failed: ${backup.error}`);
      return backup.status === "COMPLETE" ? backup : undefined;
    });
    expect(backup.tables.find((t) => t.name === "users")?.rows).toBe(1);
    const response = await fetch(`${a.url}${backup.downloadPath}`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(response.status).toBe(200);
    file = Buffer.from(await response.arrayBuffer());
    expect(file.byteLength).toBeGreaterThan(0);

    // Work done on A after its last backup: a new user, which the node runs before A goes away.
    appliedOnA = (await server(a)).configVersion;
    await a.gql(`mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { username: "lost-user" },
    });
    await a.gql(`mutation ($id: ID!) { updateServer(id: $id, input: { name: "backup-node-renamed" }) { id } }`, {
      id: serverId,
    });
    appliedOnA = (
      await waitFor("the node runs A's newer config", async () => {
        const s = await server(a);
        return s.appliedConfigVersion > appliedOnA && s.appliedConfigVersion === s.configVersion ? s : undefined;
      })
    ).appliedConfigVersion;
  });

  it("restores the file on B, started with A's secrets at A's address, and B holds A's rows exactly", async () => {
    const port = Number(new URL(a.url).port);
    await a.stop();
    b = await startPanel({ secrets: a.secrets, port });
    const upload = await fetch(`${b.url}/api/backups/upload`, {
      method: "POST",
      headers: { authorization: `Bearer ${b.token}`, "content-type": "application/octet-stream" },
      body: file,
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const uploaded = ((await upload.json()) as { backup: typeof backup & { trigger: string } }).backup;
    expect(uploaded).toMatchObject({ trigger: "UPLOADED", tables: backup.tables });

    const { restoreBackup } = await b.gql(
      `mutation ($id: ID!, $confirm: String!) { restoreBackup(id: $id, confirm: $confirm) { id } }`,
      { id: uploaded.id, confirm: uploaded.id },
    );
    const panelB = b;
    const restore = await waitFor("the restore on B finished", async () => {
      // Everyone is signed out when it completes: the owner signs in again with A's password.
      const answer = await panelB
        .gql(`query ($id: ID!) { restore(id: $id) { status verifiedTables error } }`, { id: restoreBackup.id })
        .catch(() =>
          ownerSignsIn(panelB).then(
            () => undefined,
            () => undefined,
          ),
        );
      const status = answer?.restore?.status;
      return status === "COMPLETE" || status === "FAILED" ? answer.restore : undefined;
    });
    expect(restore).toMatchObject({ status: "COMPLETE", verifiedTables: backup.tables.length, error: null });

    // B as it is now, checksummed by a backup of its own: every table equal to A's, bar those
    // that moved since by themselves.
    await ownerSignsIn(panelB).catch(() => undefined);
    const { backupDatabase } = await panelB.gql(`mutation { backupDatabase { id } }`);
    const ofB = await waitFor("B's backup complete", async () => {
      const { backup } = await panelB.gql(`query ($id: ID!) { backup(id: $id) { ${BACKUP} } }`, {
        id: backupDatabase.id,
      });
      return backup.status === "COMPLETE" ? backup : undefined;
    });
    expect(ofB.schemaVersion).toBe(backup.schemaVersion);
    const differing = backup.tables
      .filter((t) => JSON.stringify(ofB.tables.find((u: { name: string }) => u.name === t.name)) !== JSON.stringify(t))
      .map((t) => t.name);
    expect(differing.filter((name) => !LIVE_TABLES.has(name))).toEqual([]);
    for (const name of ["users", "admins", "plans", "invoices", "passkeys", "admin_totp"])
      expect(backup.tables.map((t) => t.name)).toContain(name);
  }, 240_000);

  it("lets the admin in on B with password and TOTP, and with the passkey registered on A", async () => {
    expect(await signInWithTotp(b!)).toBe(ADMIN.username);
    expect(await signInWithPasskey(b!)).toBe(ADMIN.username);
  });

  it("keeps the agent, never re-enrolled, pushing to B and running B's config past the version it ran on A", async () => {
    const panelB = b!;
    const s = await waitFor("the node online on B with B's config applied", async () => {
      const s = await server(panelB);
      return s.status === "ONLINE" && s.appliedConfigVersion === s.configVersion && s.configVersion > appliedOnA
        ? s
        : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}\nagent log:\n${agent?.log.slice(-3000)}`);
    });
    expect(s.configVersion).toBeGreaterThan(appliedOnA);
    expect(identity()).toBe(identityOnA);
  });

  it("answers the user's subscription link on B as A did, and the link carries traffic through the node", async () => {
    expect(await (await fetch(`${subscriptionUrl}/links`)).text()).toBe(linksOnA);
    const link = linksOnA.split("\n").find((l) => l.startsWith("vless://"))!;
    client = await startClientCore(dir, "restored-user", await freePort(), outboundFromLink(link));
    const status = await waitFor("a fetch through the restored user's link", async () => {
      const tried = await fetchThroughSocks(client!.socksPort, target.port, "/bytes/4096").catch(() => undefined);
      return tried?.status;
    });
    expect(status).toBe(200);
  });
});
