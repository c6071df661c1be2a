import bcrypt from "bcryptjs";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MAX_AUTHORIZED_GRAPHQL_BODY_BYTES, MAX_BODY_BYTES } from "../app";
import { adminAs, countRows, createUser, errorCode, gql, login, ok, ownerToken, unique } from "../test/api";

const RUN = `id source instance status dryRun processedUsers totalUsers startedAt finishedAt report {
  counts { kind created updated unchanged conflicts }
  conflicts { kind key name reason } unmapped { kind key name reason } adjusted { kind key name reason }
  statusChanges { key username from to } truncated enrollments { key name serverId command } }`;
const BEGIN = `mutation ($input: BeginImportInput!) { beginImport(input: $input) { ${RUN} } }`;
const USERS = `mutation ($runId: ID!, $users: [ImportUserInput!]!) { importUsers(runId: $runId, users: $users) { ${RUN} } }`;
const FINISH = `mutation ($runId: ID!) { finishImport(runId: $runId) { ${RUN} } }`;

const GIB = 2 ** 30;
const DAY = 86_400;
const isoAt = (sec: number) => new Date(sec * 1000).toISOString();
const nowSec = () => Math.floor(Date.now() / 1000);
let nextPort = 30000 + (Date.now() % 5000);

/** A peer panel as a reader would describe it: three inbounds (two on one node), one reseller. */
function peer(overrides: { dryRun?: boolean; instance?: string; prefix?: string } = {}) {
  const prefix = overrides.prefix ?? unique("p");
  return {
    prefix,
    input: {
      source: { kind: "THREE_X_UI", instance: overrides.instance ?? unique("panel.example"), version: "2.8.5" },
      dryRun: overrides.dryRun ?? false,
      totalUsers: 0,
      inbounds: <Record<string, unknown>[]>[
        {
          key: "1",
          tag: `${prefix}-vless`,
          remark: `${prefix} VLESS`,
          protocol: "VLESS",
          port: nextPort++,
          transport: "TCP",
          security: "NONE",
          nodeKeys: ["n1"],
        },
        {
          key: "2",
          tag: `${prefix}-vmess`,
          protocol: "VMESS",
          port: nextPort++,
          transport: "WS",
          security: "NONE",
          transportSettings: { path: "/ws" },
          nodeKeys: ["n1"],
        },
        {
          key: "3",
          tag: `${prefix}-ss`,
          protocol: "SHADOWSOCKS",
          port: nextPort++,
          transport: "TCP",
          security: "NONE",
          protocolSettings: { method: "aes-256-gcm" },
          nodeKeys: [],
        },
      ],
      nodes: [{ key: "n1", name: `${prefix}-node`, address: "203.0.113.7" }],
      admins: [{ key: "a1", username: `${prefix}_reseller`, role: "RESELLER", passwordHash: null as string | null }],
      unmapped: [{ kind: "INBOUND", key: "9", name: "wireguard", reason: "wireguard is not served here" }],
    },
  };
}

/** A peer user with every field set, in several inbounds with a different secret in two of them. */
function peerUser(prefix: string, i: number, overrides: Record<string, unknown> = {}): ReturnType<typeof fullPeerUser> {
  return { ...fullPeerUser(prefix, i), ...overrides };
}

function fullPeerUser(prefix: string, i: number) {
  const base = nowSec();
  return {
    key: `${prefix}-sub-${i}`,
    username: `${prefix}_user_${i}`,
    enabled: true,
    onHold: false,
    peerStatus: "ACTIVE",
    dataLimit: 50 * GIB + i,
    usedTraffic: 3 * GIB + i,
    lifetimeUsedTraffic: 40 * GIB + i,
    expireAt: isoAt(base + 30 * DAY + i),
    resetStrategy: "MONTH",
    periodStartedAt: isoAt(base - 5 * DAY),
    deviceLimit: 3,
    note: `customer ${i}`,
    telegramId: String(100_000_000 + i),
    createdAt: isoAt(base - 100 * DAY - i),
    ownerKey: "a1",
    subToken: `${prefix}-tok-${i}-`.padEnd(16, "0").replace(/[^A-Za-z0-9_-]/g, "_"),
    credentials: { vlessId: crypto.randomUUID() },
    access: [
      { inboundKey: "1", flow: "" },
      { inboundKey: "2", secret: crypto.randomUUID() },
      { inboundKey: "3", secret: `ss-${prefix}-${i}-secret`, method: "chacha20-ietf-poly1305" } as {
        inboundKey: string;
        secret?: string;
        flow?: string;
        method?: string;
      },
    ],
    legacyToken: { username: `${prefix}_User_${i}`, peerUserId: String(i), notBefore: isoAt(base - 100 * DAY) } as {
      username: string;
      peerUserId: string;
      notBefore: string;
    } | null,
  };
}

type PeerUser = Record<string, unknown>;

async function importAll(token: string, begin: ReturnType<typeof peer>["input"], batches: PeerUser[][]) {
  const run = ok(await gql(BEGIN, { input: { ...begin, totalUsers: batches.flat().length } }, { token })).beginImport;
  for (const users of batches) ok(await gql(USERS, { runId: run.id, users }, { token }));
  return ok(await gql(FINISH, { runId: run.id }, { token })).finishImport;
}

const countOf = (run: any, kind: string) => run.report.counts.find((c: any) => c.kind === kind);

async function userRow(username: string) {
  return env.DB.prepare(`SELECT * FROM users WHERE username = ?`).bind(username).first<Record<string, any>>();
}

describe("importing from a peer panel", () => {
  it("keeps every field of every user: bytes, instants, secrets, per-inbound secrets, groups, owner, Telegram id, legacy token", async () => {
    const owner = await ownerToken();
    const { prefix, input } = peer();
    const users = [peerUser(prefix, 1), peerUser(prefix, 2)];
    const run = await importAll(owner, input, [users]);
    expect(run.status).toBe("FINISHED");
    expect(run.processedUsers).toBe(2);
    expect(countOf(run, "USER")).toMatchObject({ created: 2, conflicts: 0 });
    expect(countOf(run, "INBOUND")).toMatchObject({ created: 3 });
    expect(countOf(run, "GROUP")).toMatchObject({ created: 3 });
    expect(run.report.unmapped).toEqual([input.unmapped[0]]);
    expect(run.report.enrollments).toHaveLength(1);
    expect(run.report.enrollments[0].command).toContain("/agent/install.sh");

    for (const user of users) {
      const row = (await userRow(user.username))!;
      expect(row).toMatchObject({
        status: "active",
        enabled: 1,
        data_limit_bytes: user.dataLimit,
        used_bytes: user.usedTraffic,
        lifetime_used_bytes: user.lifetimeUsedTraffic,
        expire_at: Date.parse(user.expireAt) / 1000,
        on_hold_expire_days: null,
        reset_strategy: "month",
        period_started_at: Date.parse(user.periodStartedAt) / 1000,
        device_limit: 3,
        note: user.note,
        telegram_id: user.telegramId,
        created_at: Date.parse(user.createdAt) / 1000,
        sub_token: user.subToken,
        vless_id: user.credentials.vlessId,
        // The first vmess and shadowsocks secrets the user has are its own for those protocols.
        vmess_id: user.access[1]!.secret,
        shadowsocks_password: user.access[2]!.secret,
      });
      const owned = await env.DB.prepare(`SELECT username FROM admins WHERE id = ?`).bind(row.admin_id).first();
      expect(owned).toEqual({ username: `${prefix}_reseller` });
      const groups = await env.DB.prepare(
        `SELECT g.name FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = ? ORDER BY g.name`,
      )
        .bind(row.id)
        .all();
      expect(groups.results.map((g) => g.name)).toEqual([
        `3x-ui: ${prefix} VLESS`,
        `3x-ui: ${prefix}-ss`,
        `3x-ui: ${prefix}-vmess`,
      ]);
      // Only what differs from the user's own secret and the inbound's settings is kept per inbound.
      const perInbound = await env.DB.prepare(
        `SELECT i.tag, c.secret, c.flow, c.method FROM user_inbound_credentials c JOIN inbounds i ON i.id = c.inbound_id WHERE c.user_id = ?`,
      )
        .bind(row.id)
        .all();
      expect(perInbound.results).toEqual([
        { tag: `${prefix}-ss`, secret: null, flow: null, method: "chacha20-ietf-poly1305" },
      ]);
      const legacy = await env.DB.prepare(
        `SELECT peer_username, peer_user_id, not_before FROM legacy_subscription_tokens WHERE user_id = ?`,
      )
        .bind(row.id)
        .first();
      expect(legacy).toEqual({
        peer_username: user.legacyToken!.username,
        peer_user_id: user.legacyToken!.peerUserId,
        not_before: Date.parse(user.legacyToken!.notBefore) / 1000,
      });
    }
    // The reseller's books carry what its imported users were given.
    const books = await env.DB.prepare(`SELECT data_given_bytes AS given FROM admins WHERE username = ?`)
      .bind(`${prefix}_reseller`)
      .first();
    expect(books).toEqual({ given: users[0]!.dataLimit + users[1]!.dataLimit });
    // The old link resolves on this panel.
    expect((await exports.default.fetch(`http://panel.test/sub/${users[0]!.subToken}`)).status).toBe(200);
    const audit = await env.DB.prepare(
      `SELECT action, target_id, details FROM audit_log WHERE action = 'import.finished' AND target_id = ?`,
    )
      .bind(run.id)
      .first<{ details: string }>();
    expect(audit).toBeTruthy();
    expect(audit!.details).not.toContain(users[0]!.credentials.vlessId);
  });

  it("keeps a user's different secret in a second inbound of the same protocol", async () => {
    const owner = await ownerToken();
    const { prefix, input } = peer();
    input.inbounds.push({
      ...input.inbounds[0]!,
      key: "4",
      tag: `${prefix}-vless2`,
      remark: `${prefix} VLESS 2`,
      port: nextPort++,
    });
    const second = crypto.randomUUID();
    const user = peerUser(prefix, 1, {
      access: [{ inboundKey: "1" }, { inboundKey: "4", secret: second }],
    });
    await importAll(owner, input, [[user]]);
    const row = (await userRow(user.username))!;
    const perInbound = await env.DB.prepare(
      `SELECT i.tag, c.secret FROM user_inbound_credentials c JOIN inbounds i ON i.id = c.inbound_id WHERE c.user_id = ?`,
    )
      .bind(row.id)
      .all();
    expect(perInbound.results).toEqual([{ tag: `${prefix}-vless2`, secret: second }]);
  });

  it("changes nothing when the same peer is imported again: counts say unchanged, no user is rewritten, nothing but the run is audited", async () => {
    const owner = await ownerToken();
    const { prefix, input } = peer();
    const users = [peerUser(prefix, 1), peerUser(prefix, 2)];
    await importAll(owner, input, [users]);
    const before = await env.DB.prepare(`SELECT id, updated_at FROM users WHERE username LIKE ? ORDER BY id`)
      .bind(`${prefix}_user_%`)
      .all();
    const auditBefore = await countRows("audit_log");
    const counts = {
      users: await countRows("users"),
      inbounds: await countRows("inbounds"),
      nodes: await countRows("nodes"),
    };

    const again = await importAll(owner, input, [users]);
    expect(countOf(again, "USER")).toMatchObject({ created: 0, updated: 0, unchanged: 2, conflicts: 0 });
    expect(countOf(again, "INBOUND")).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(countOf(again, "NODE")).toMatchObject({ created: 0, unchanged: 1 });
    expect(again.report.enrollments).toHaveLength(1);
    expect({
      users: await countRows("users"),
      inbounds: await countRows("inbounds"),
      nodes: await countRows("nodes"),
    }).toEqual(counts);
    const after = await env.DB.prepare(`SELECT id, updated_at FROM users WHERE username LIKE ? ORDER BY id`)
      .bind(`${prefix}_user_%`)
      .all();
    expect(after.results).toEqual(before.results);
    const actions = await env.DB.prepare(`SELECT action FROM audit_log ORDER BY id DESC LIMIT ?`)
      .bind((await countRows("audit_log")) - auditBefore)
      .all();
    // The node still waiting to enroll gets a fresh line; the run is audited once.
    expect(actions.results.map((a) => a.action).sort()).toEqual(["import.finished", "node.enrollment_issued"]);
  });

  it("answers a batch sent twice (a response lost in transit) without applying it twice", async () => {
    const owner = await ownerToken();
    const { prefix, input } = peer();
    const users = [peerUser(prefix, 1)];
    const run = ok(await gql(BEGIN, { input: { ...input, totalUsers: 1 } }, { token: owner })).beginImport;
    const first = ok(await gql(USERS, { runId: run.id, users }, { token: owner })).importUsers;
    const second = ok(await gql(USERS, { runId: run.id, users }, { token: owner })).importUsers;
    expect(second.processedUsers).toBe(1);
    expect(second.report.counts).toEqual(first.report.counts);
  });

  it("keeps progress exact when two batches arrive at once: one that was overtaken is refused whole and lands when sent again", async () => {
    const owner = await ownerToken();
    const { prefix, input } = peer();
    const run = ok(await gql(BEGIN, { input: { ...input, totalUsers: 40 } }, { token: owner })).beginImport;
    const batches = [0, 1].map((b) => Array.from({ length: 20 }, (_, i) => peerUser(prefix, b * 20 + i)));
    const answers = await Promise.all(batches.map((users) => gql(USERS, { runId: run.id, users }, { token: owner })));
    for (const [i, answer] of answers.entries()) {
      if (answer.errors) {
        expect(errorCode(answer)).toBe("CONFLICT");
        ok(await gql(USERS, { runId: run.id, users: batches[i] }, { token: owner }));
      }
    }
    const finished = ok(await gql(FINISH, { runId: run.id }, { token: owner })).finishImport;
    expect(finished.processedUsers).toBe(40);
    expect(countOf(finished, "USER")).toMatchObject({ created: 40, conflicts: 0 });
  });

  it("updates a user that changed on the peer, and only that user", async () => {
    const owner = await ownerToken();
    const { prefix, input } = peer();
    const users = [peerUser(prefix, 1), peerUser(prefix, 2)];
    await importAll(owner, input, [users]);
    const untouched = await userRow(users[1]!.username);
    const newUuid = crypto.randomUUID();
    const changed = {
      ...users[0]!,
      username: `${prefix}_renamed`,
      usedTraffic: 60 * GIB,
      credentials: { vlessId: newUuid },
      access: [{ inboundKey: "1" }],
      legacyToken: null,
    };
    const run = await importAll(owner, input, [[changed, users[1]!]]);
    expect(countOf(run, "USER")).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(run.report.statusChanges).toEqual([
      { key: changed.key, username: changed.username, from: "ACTIVE", to: "LIMITED" },
    ]);
    const row = (await userRow(changed.username))!;
    expect(row).toMatchObject({
      vless_id: newUuid,
      used_bytes: 60 * GIB,
      status: "limited",
      sub_token: changed.subToken,
    });
    expect(await userRow(users[0]!.username)).toBeNull();
    const groups = await env.DB.prepare(`SELECT count(*) AS n FROM user_groups WHERE user_id = ?`).bind(row.id).first();
    expect(groups).toEqual({ n: 1 });
    expect(
      await env.DB.prepare(`SELECT count(*) AS n FROM user_inbound_credentials WHERE user_id = ?`).bind(row.id).first(),
    ).toEqual({ n: 0 });
    expect(
      await env.DB.prepare(`SELECT count(*) AS n FROM legacy_subscription_tokens WHERE user_id = ?`)
        .bind(row.id)
        .first(),
    ).toEqual({ n: 0 });
    expect(await userRow(users[1]!.username)).toEqual(untouched);
  });

  it("reports a user whose name a user of this panel already has, and leaves that user as it was", async () => {
    const owner = await ownerToken();
    const { prefix, input } = peer();
    const local = await createUser(owner, { username: `${prefix}_taken`, note: "mine" });
    const localBefore = await userRow(local.username);
    const clash = peerUser(prefix, 1, { username: `${prefix}_TAKEN` });
    const fine = peerUser(prefix, 2);
    const run = await importAll(owner, input, [[clash, fine]]);
    expect(countOf(run, "USER")).toMatchObject({ created: 1, conflicts: 1 });
    expect(run.report.conflicts).toEqual([
      { kind: "USER", key: clash.key, name: clash.username, reason: `a user named "${local.username}" exists here` },
    ]);
    expect(await userRow(local.username)).toEqual(localBefore);
    expect(await userRow(fine.username)).toBeTruthy();
    // Nothing of the refused user was written, its legacy token included.
    expect(
      await env.DB.prepare(`SELECT count(*) AS n FROM legacy_subscription_tokens WHERE peer_username = ?`)
        .bind(clash.legacyToken!.username)
        .first(),
    ).toEqual({ n: 0 });
  });

  it("reports secrets a user of this panel holds, and malformed ones, as conflicts", async () => {
    const owner = await ownerToken();
    const { prefix, input } = peer();
    const local = await env.DB.prepare(`SELECT vless_id FROM users WHERE id = ?`)
      .bind((await createUser(owner)).id)
      .first<{ vless_id: string }>();
    const sharing = peerUser(prefix, 1, { credentials: { vlessId: local!.vless_id } });
    const malformed = peerUser(prefix, 2, { credentials: { vlessId: "not-a-uuid" } });
    const run = await importAll(owner, input, [[sharing, malformed]]);
    expect(countOf(run, "USER")).toMatchObject({ created: 0, conflicts: 2 });
    expect(run.report.conflicts.map((c: any) => c.key)).toEqual([malformed.key, sharing.key]);
    expect(JSON.stringify(run.report)).not.toContain(local!.vless_id);
  });

  it("takes what it can as it is and says what it changed: names, on-hold days, unknown inbounds, status", async () => {
    const owner = await ownerToken();
    const { prefix, input } = peer();
    const users = [
      peerUser(prefix, 1, { username: `${prefix} علی` }),
      peerUser(prefix, 2, { onHold: true, onHoldExpireSeconds: 2.5 * DAY, expireAt: null, peerStatus: "ON_HOLD" }),
      peerUser(prefix, 3, { access: [{ inboundKey: "1" }, { inboundKey: "404" }] }),
      peerUser(prefix, 4, { expireAt: isoAt(nowSec() - DAY), peerStatus: "ACTIVE" }),
    ];
    const run = await importAll(owner, input, [users]);
    expect(countOf(run, "USER")).toMatchObject({ created: 4, conflicts: 0 });
    const reasons = Object.fromEntries(run.report.adjusted.map((a: any) => [a.key, a.reason]));
    expect(reasons[users[0]!.key]).toContain(`"${prefix}_علی"`);
    expect(reasons[users[1]!.key]).toContain("rounded up to 3 days");
    expect(reasons[users[2]!.key]).toContain(`"404"`);
    expect(await userRow(`${prefix}_علی`)).toMatchObject({ status: "active" });
    expect(await userRow(users[1]!.username)).toMatchObject({
      status: "on_hold",
      on_hold_expire_days: 3,
      expire_at: null,
    });
    expect(run.report.statusChanges).toEqual([
      { key: users[3]!.key, username: users[3]!.username, from: "ACTIVE", to: "EXPIRED" },
    ]);
  });

  it("plans without writing in a dry run: the report says what would happen, no user, inbound or node is made", async () => {
    const owner = await ownerToken();
    const { prefix, input } = peer({ dryRun: true });
    const before = {
      users: await countRows("users"),
      inbounds: await countRows("inbounds"),
      nodes: await countRows("nodes"),
      admins: await countRows("admins"),
    };
    const run = await importAll(owner, input, [[peerUser(prefix, 1), peerUser(prefix, 2)]]);
    expect(run.dryRun).toBe(true);
    expect(countOf(run, "USER")).toMatchObject({ created: 2 });
    expect(countOf(run, "INBOUND")).toMatchObject({ created: 3 });
    expect(run.report.enrollments).toEqual([]);
    expect({
      users: await countRows("users"),
      inbounds: await countRows("inbounds"),
      nodes: await countRows("nodes"),
      admins: await countRows("admins"),
    }).toEqual(before);
    const runs = ok(
      await gql(`{ importRuns(first: 1) { id dryRun status processedUsers } }`, {}, { token: owner }),
    ).importRuns;
    expect(runs).toEqual([{ id: run.id, dryRun: true, status: "FINISHED", processedUsers: 2 }]);
  });

  it("runs a batch of 1,000 users in as many D1 statements as a batch of 10", async () => {
    const owner = await ownerToken();
    const { prefix, input } = peer();
    const run = ok(await gql(BEGIN, { input: { ...input, totalUsers: 1010 } }, { token: owner })).beginImport;
    const statements = async (users: PeerUser[]) => {
      const response = await gql(USERS, { runId: run.id, users }, { token: owner });
      ok(response);
      return Number(response.headers.get("x-d1-statements"));
    };
    const small = await statements(Array.from({ length: 10 }, (_, i) => peerUser(prefix, i)));
    const large = await statements(Array.from({ length: 1000 }, (_, i) => peerUser(prefix, 10 + i)));
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    expect(await countRows("users")).toBeGreaterThanOrEqual(1010);
  }, 60_000);

  it("imports 10,000 users in 10 batches", async () => {
    const owner = await ownerToken();
    const { prefix, input } = peer();
    const batches = Array.from({ length: 10 }, (_, b) =>
      Array.from({ length: 1000 }, (_, i) => peerUser(prefix, b * 1000 + i)),
    );
    const run = await importAll(owner, input, batches);
    expect(run.processedUsers).toBe(10_000);
    expect(countOf(run, "USER")).toMatchObject({ created: 10_000, conflicts: 0 });
    const imported = await env.DB.prepare(`SELECT count(*) AS n FROM users WHERE username LIKE ?`)
      .bind(`${prefix}_user_%`)
      .first();
    expect(imported).toEqual({ n: 10_000 });
  }, 120_000);

  it("lets an imported admin sign in with its old bcrypt password, rehashed on first sign-in", async () => {
    const owner = await ownerToken();
    const { input } = peer();
    const password = "old-marzban-password";
    input.admins[0]!.passwordHash = await bcrypt.hash(password, 4);
    input.admins.push({
      key: "a2",
      username: `${input.admins[0]!.username}_nohash`,
      role: "ADMIN",
      passwordHash: null,
    });
    const run = await importAll(owner, input, []);
    expect(run.report.adjusted.map((a: any) => a.key)).toEqual(["a2"]);
    const session = await login(input.admins[0]!.username, password);
    expect(session.admin.role).toBe("RESELLER");
    const stored = await env.DB.prepare(`SELECT password_hash FROM admins WHERE username = ?`)
      .bind(input.admins[0]!.username)
      .first<{ password_hash: string }>();
    expect(stored!.password_hash).toMatch(/^pbkdf2-sha256\$/);
    await login(input.admins[0]!.username, password);
  });

  it("is for the owner only: admins and resellers are refused", async () => {
    const owner = await ownerToken();
    const { input } = peer();
    const admin = await adminAs(owner, "ADMIN");
    const reseller = await adminAs(owner, "RESELLER");
    for (const token of [admin.token, reseller.token]) {
      expect(errorCode(await gql(BEGIN, { input }, { token }))).toBe("FORBIDDEN");
      expect(errorCode(await gql(`{ importRuns { id } }`, {}, { token }))).toBe("FORBIDDEN");
    }
    expect(errorCode(await gql(BEGIN, { input }))).toBe("UNAUTHENTICATED");
  });
});

describe("request size", () => {
  const post = (body: string, authorization?: string) =>
    exports.default.fetch("http://panel.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body,
    });
  const padded = (bytes: number) =>
    JSON.stringify({ query: "{ healthCheck { ok } }", variables: { padding: "x".repeat(bytes) } });

  it(`lets a request with an Authorization header carry up to ${MAX_AUTHORIZED_GRAPHQL_BODY_BYTES / 1024 / 1024} MiB`, async () => {
    const owner = await ownerToken();
    expect((await post(padded(MAX_BODY_BYTES * 4), `Bearer ${owner}`)).status).toBe(200);
    expect((await post(padded(MAX_AUTHORIZED_GRAPHQL_BODY_BYTES), `Bearer ${owner}`)).status).toBe(413);
  });

  it(`keeps ${MAX_BODY_BYTES / 1024} KiB for requests without one`, async () => {
    expect((await post(padded(MAX_BODY_BYTES * 4))).status).toBe(413);
  });
});

const FETCH = `mutation ($input: PeerApiRequestInput!) { fetchPeerApi(input: $input) { status contentType body } }`;

describe("fetchPeerApi", () => {
  it("refuses what is not an http(s) request a peer reader makes, before any request leaves", async () => {
    const token = await ownerToken();
    const refused = async (input: Record<string, unknown>) =>
      (await gql(FETCH, { input: { method: "GET", ...input } }, { token })).errors?.[0]?.message;
    expect(await refused({ url: "file:///etc/passwd" })).toContain("must be http or https");
    expect(await refused({ url: "/api/users" })).toContain("must be an absolute URL");
    expect(await refused({ url: "https://admin:secret@peer.example/api/users" })).toContain("user name or password");
    expect(await refused({ url: "https://peer.example/api/users", method: "DELETE" })).toContain("method");
    expect(await refused({ url: "https://peer.example/api", contentType: "text/html" })).toContain("contentType");
  });

  it("answers nobody who is not signed in as the owner", async () => {
    const result = await gql(FETCH, { input: { url: "https://peer.example/api/users", method: "GET" } });
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
  });
});
