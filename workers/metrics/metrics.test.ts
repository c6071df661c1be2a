import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminAs, auditRowsSince, createServer, errorCode, gql, lastAuditId, ok, ownerToken } from "../test/api";
import { METRICS_FAILURE_LIMIT } from "./routes";
import { escapeLabelValue, exposition } from "./exposition";

const ROTATE = `mutation { rotateMetricsToken { token endpoint { enabled path tokenCreatedAt } } }`;
const REVOKE = `mutation { revokeMetricsToken }`;
const ENDPOINT = `{ metricsEndpoint { enabled path tokenCreatedAt } }`;

let ipSequence = 0;
/** Each story scrapes from an address of its own: failures are counted per address. */
const freshIp = () => `203.0.113.${++ipSequence}`;

function scrape(token: string | null, ip = freshIp()) {
  const headers: Record<string, string> = { "cf-connecting-ip": ip };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return exports.default.fetch("http://panel.test/metrics", { headers });
}

async function rotate(owner: string): Promise<string> {
  return ok(await gql<{ rotateMetricsToken: { token: string } }>(ROTATE, {}, { token: owner })).rotateMetricsToken
    .token;
}

/** Every sample line of one metric, as `{labels} value` text keyed by the label part. */
function samples(body: string, name: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of body.split("\n")) {
    const match = new RegExp(`^${name}(\\{.*\\})? (\\S+)$`).exec(line);
    if (match) result.set(match[1] ?? "", Number(match[2]));
  }
  return result;
}

/** `count` users straight into D1 (one statement), for stories about scale rather than about users. */
async function insertUsers(count: number, adminId: number, status = "active") {
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
     INSERT INTO users (username, status, admin_id, sub_token, vless_id, vmess_id, trojan_password, shadowsocks_password, hysteria2_password)
     SELECT 'bulk-' || ?2 || '-' || i, ?3, ?4, 'tok-' || ?2 || '-' || i, 'v', 'm', 't', 's', 'h' FROM n`,
  )
    .bind(count, crypto.randomUUID(), status, adminId)
    .run();
}

describe("the metrics token", () => {
  it("does not exist until the owner rotates a token in, then answers only its bearer, and is gone again once revoked", async () => {
    const owner = await ownerToken();
    expect((await scrape(null)).status).toBe(404);
    expect(ok(await gql(ENDPOINT, {}, { token: owner })).metricsEndpoint).toEqual({
      enabled: false,
      path: "/metrics",
      tokenCreatedAt: null,
    });

    const before = await lastAuditId();
    const first = ok(await gql(ROTATE, {}, { token: owner })).rotateMetricsToken;
    expect(first.token).toMatch(/^vxm_[A-Za-z0-9_-]{43}$/);
    expect(first.endpoint).toMatchObject({ enabled: true, path: "/metrics" });
    expect(ok(await gql(ENDPOINT, {}, { token: owner })).metricsEndpoint.tokenCreatedAt).toBe(
      first.endpoint.tokenCreatedAt,
    );
    // Only the hash is kept: the database (and every backup of it) cannot scrape.
    const stored = await env.DB.prepare(`SELECT value FROM settings WHERE key = 'metricsToken'`).first<{
      value: string;
    }>();
    expect(stored!.value).not.toContain(first.token);

    expect((await scrape(first.token)).status).toBe(200);
    for (const refused of [await scrape(null), await scrape("wrong"), await scrape(`${first.token}x`)]) {
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer /);
    }

    const second = await rotate(owner);
    expect((await scrape(first.token)).status).toBe(401);
    expect((await scrape(second)).status).toBe(200);

    expect(ok(await gql(REVOKE, {}, { token: owner })).revokeMetricsToken).toBe(true);
    expect((await scrape(second)).status).toBe(404);
    expect((await auditRowsSince(before)).map((row) => row.action)).toEqual([
      "metrics.token.rotate",
      "metrics.token.rotate",
      "metrics.token.revoke",
    ]);
  });

  it("is the owner's and admins' with settings:write, not a reseller's", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    expect(errorCode(await gql(ROTATE, {}, { token: reseller.token }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(REVOKE, {}, { token: reseller.token }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(ROTATE))).toBe("UNAUTHENTICATED");
  });

  it("refuses an address outright once it has presented too many wrong tokens, while the right one still scrapes elsewhere", async () => {
    const owner = await ownerToken();
    const token = await rotate(owner);
    const guesser = freshIp();
    for (let i = 0; i < METRICS_FAILURE_LIMIT.limit; i++) expect((await scrape(`guess${i}`, guesser)).status).toBe(401);
    const limited = await scrape("one-more", guesser);
    expect(limited.status).toBe(429);
    expect((await scrape(token)).status).toBe(200);
  });
});

describe("the metrics body", () => {
  it("is Prometheus text with HELP and TYPE for every metric, zero-filled statuses, per-node series and no user in any label", async () => {
    const owner = await ownerToken();
    const token = await rotate(owner);
    const server = await createServer(owner);
    // A name with every character the format escapes.
    const awkward = 'edge "fra"\\1\nb';
    await env.DB.prepare(
      `UPDATE nodes SET name = ?, status = 'online', agent_version = '1.2.3', core_version = 'Xray 25.1', agent_protocol = 3 WHERE id = ?`,
    )
      .bind(awkward, Number(server.id))
      .run();
    const nowSec = Math.floor(Date.now() / 1000);
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO traffic_totals (node_id, tag, up_bytes, down_bytes, pushes, last_push_at) VALUES (?1, '', 1000, 5000000000, 7, ?2), (?1, 'vless-in', 900, 4000000000, 0, ?3)`,
      ).bind(Number(server.id), nowSec - 30, nowSec),
    ]);

    const response = await scrape(token);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const body = await response.text();
    expect(body.endsWith("\n")).toBe(true);

    const names = new Set(
      body
        .split("\n")
        .filter((l) => l && !l.startsWith("#"))
        .map((l) => /^[a-z_]+/.exec(l)![0]),
    );
    for (const name of names) {
      expect(body).toContain(`# HELP ${name} `);
      expect(body).toMatch(new RegExp(`# TYPE ${name} (gauge|counter)\n`));
      expect(name.startsWith("vortex_")).toBe(true);
    }

    const users = samples(body, "vortex_users");
    expect([...users.keys()].sort()).toEqual(
      ["active", "disabled", "expired", "limited", "on_hold"].map((s) => `{status="${s}"}`).sort(),
    );
    const node = `{node="${server.id}"}`;
    expect(samples(body, "vortex_node_up").get(node)).toBe(1);
    expect(samples(body, "vortex_nodes").get(`{status="online"}`)).toBeGreaterThanOrEqual(1);
    expect(body).toContain(
      `vortex_node_info{node="${server.id}",name="edge \\"fra\\"\\\\1\\nb",agent_version="1.2.3",core_version="Xray 25.1",protocol="3"} 1\n`,
    );
    expect(samples(body, "vortex_node_traffic_bytes_total").get(`{node="${server.id}",direction="down"}`)).toBe(
      5_000_000_000,
    );
    expect(
      samples(body, "vortex_inbound_traffic_bytes_total").get(`{node="${server.id}",tag="vless-in",direction="up"}`),
    ).toBe(900);
    expect(samples(body, "vortex_usage_pushes_total").get(node)).toBe(7);
    expect(samples(body, "vortex_node_last_push_timestamp_seconds").get(node)).toBe(nowSec - 30);
    expect(samples(body, "vortex_ingest_lag_seconds").get(node)).toBeGreaterThanOrEqual(30);
    expect(samples(body, "vortex_notification_deliveries").size).toBe(4);
    expect(body).not.toMatch(/user(name|_id)?="/);
  });

  it("costs the same D1 statements with 10 or 200 users and 1 or 5 nodes", async () => {
    const owner = await ownerToken();
    const token = await rotate(owner);
    const ownerId = (await env.DB.prepare(`SELECT id FROM admins WHERE role = 'owner'`).first<{ id: number }>())!.id;
    const statements = async () => {
      const response = await scrape(token);
      expect(response.status).toBe(200);
      await response.text();
      return Number(response.headers.get("x-d1-statements"));
    };
    await env.DB.prepare(`DELETE FROM users`).run();
    await env.DB.prepare(`DELETE FROM nodes`).run();
    await insertUsers(10, ownerId);
    await createServer(owner);
    const small = await statements();
    await insertUsers(190, ownerId, "limited");
    for (let i = 0; i < 4; i++) await createServer(owner);
    const large = await statements();
    expect(large).toBe(small);
    // The token's row, then one batch of six: users, online users, nodes, last pushes, traffic totals, deliveries.
    expect(small).toBe(6);
  });
});

describe("the exposition format", () => {
  it("escapes backslash, quote and line feed in label values, in that order", () => {
    expect(escapeLabelValue('a\\"b\n')).toBe('a\\\\\\"b\\n');
  });

  it("writes HELP and TYPE even for a family without samples, and ends with a line feed", () => {
    expect(exposition([{ name: "vortex_x", help: "a\nb", type: "gauge", samples: [] }])).toBe(
      "# HELP vortex_x a\\nb\n# TYPE vortex_x gauge\n",
    );
  });
});
