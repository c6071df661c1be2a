/**
 * Writes SQL that fills a fresh panel database with `users` users (in groups) and one owner,
 * in multi-row inserts (200 rows stay under D1's 100 KB statement limit).
 */
import { spawnSync } from "node:child_process";
import { createHash, generateKeyPairSync, pbkdf2Sync, randomBytes, randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ENV, startWorker } from "./harness.mjs";

export const BENCH_OWNER = { username: "bench-owner", password: "bench-owner-password" };

function passwordHash(password) {
  const salt = randomBytes(16);
  const iterations = 100_000;
  const hash = pbkdf2Sync(password, salt, iterations, 32, "sha256");
  return `pbkdf2-sha256$${iterations}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

/** Seeded users' subscription tokens are derived from their ids, so benchmarks can fetch any user's link. */
export const benchSubToken = (id) => createHash("sha256").update(`bench-user-${id}`).digest("base64url").slice(0, 32);

/** The node and inbound every seeded group reaches, so /sub/<token> has something to render. */
export const BENCH_SUB_NODE = {
  name: "bench-sub-node",
  address: "sub-node.example.com",
  latitude: 50.1,
  longitude: 8.7,
};

const quote = (text) => `'${String(text).replace(/'/g, "''")}'`;

export function seedSql({ users, groups = 10, rowsPerInsert = 200 }) {
  const now = Math.floor(Date.now() / 1000);
  const lines = [
    `INSERT INTO admins (id, username, password_hash, role, created_at, updated_at) VALUES (1, ${quote(BENCH_OWNER.username)}, ${quote(passwordHash(BENCH_OWNER.password))}, 'owner', ${now}, ${now});`,
  ];
  for (let g = 1; g <= groups; g++)
    lines.push(`INSERT INTO groups (id, name, created_at) VALUES (${g}, 'group-${g}', ${now});`);
  lines.push(
    `INSERT INTO inbounds (id, tag, remark, protocol, port, transport, security, protocol_settings, transport_settings, security_settings, created_at, updated_at) VALUES (1, 'bench-vless-ws', '', 'vless', 443, 'ws', 'tls', '{}', '{"path":"/ws"}', '{"serverName":"sub-node.example.com","fingerprint":"chrome"}', ${now}, ${now}), (2, 'bench-ss', '', 'shadowsocks', 8388, 'tcp', 'none', '{"method":"chacha20-ietf-poly1305"}', '{}', '{}', ${now}, ${now});`,
    `INSERT INTO nodes (id, name, address, status, latitude, longitude, created_at, updated_at) VALUES (1000, ${quote(BENCH_SUB_NODE.name)}, ${quote(BENCH_SUB_NODE.address)}, 'online', ${BENCH_SUB_NODE.latitude}, ${BENCH_SUB_NODE.longitude}, ${now}, ${now});`,
    `INSERT INTO node_inbounds (node_id, inbound_id) VALUES (1000, 1), (1000, 2);`,
    `INSERT INTO group_inbounds (group_id, inbound_id) VALUES ${Array.from({ length: groups }, (_, g) => `(${g + 1}, 1), (${g + 1}, 2)`).join(", ")};`,
  );
  for (let start = 1; start <= users; start += rowsPerInsert) {
    const rows = [];
    const links = [];
    for (let id = start; id < Math.min(start + rowsPerInsert, users + 1); id++) {
      const token = benchSubToken(id);
      rows.push(
        `(${id}, 'user${id}', 'active', 1, ${(id % 50) * 2 ** 30}, ${(id % 7) * 2 ** 20}, 'none', '', 1, '${token}', '${randomUUID()}', '${randomUUID()}', '${token.slice(0, 16)}', '${token.slice(8)}', '${token.slice(4, 24)}', ${now}, ${now})`,
      );
      links.push(`(${id}, ${(id % groups) + 1})`);
    }
    lines.push(
      `INSERT INTO users (id, username, status, enabled, data_limit_bytes, used_bytes, reset_strategy, note, admin_id, sub_token, vless_id, vmess_id, trojan_password, shadowsocks_password, hysteria2_password, created_at, updated_at) VALUES ${rows.join(",")};`,
      `INSERT INTO user_groups (user_id, group_id) VALUES ${links.join(",")};`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** 1..n as rows `value`: a recursive CTE, since generate_series is an extension not every SQLite build carries. */
const series = (n) =>
  `(WITH RECURSIVE s(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM s WHERE value < ${n}) SELECT value FROM s)`;
/**
 * What a busy panel has besides users (bench:metrics): the seed's one node plus `nodes` - 1, each
 * with totals for itself and two inbounds, an hour of usage per user and 10,000 deliveries.
 */
export function metricsSeedSql({ nodes }) {
  const hourSec = Math.floor(Date.now() / 3_600_000) * 3600;
  return [
    `INSERT INTO nodes (id, name, address, status, agent_version, core_version, agent_protocol, created_at, updated_at)
     SELECT 1000 + value, 'bench-node-' || value, 'n' || value || '.example.com', CASE WHEN value % 5 = 0 THEN 'offline' ELSE 'online' END, '0.1.0', 'Xray 25.1.1', 3, 0, 0
     FROM ${series(nodes - 1)}`,
    `INSERT INTO traffic_totals (node_id, tag, up_bytes, down_bytes, pushes, last_push_at)
     SELECT 999 + n.value, t.tag, 1000000000 * n.value, 9000000000 * n.value, 5000, ${hourSec}
     FROM ${series(nodes)} AS n, (SELECT '' AS tag UNION ALL SELECT 'vless-ws' UNION ALL SELECT 'ss') AS t`,
    `INSERT INTO usage_hourly (user_id, hour, up_bytes, down_bytes) SELECT id, ${hourSec}, 1000, 50000 FROM users`,
    `INSERT INTO notification_deliveries (event_id, channel_id, status, attempts, created_at, updated_at)
     SELECT 'e' || value, 1, CASE value % 4 WHEN 0 THEN 'delivered' WHEN 1 THEN 'retrying' WHEN 2 THEN 'dead' ELSE 'pending' END, 1, 0, 0
     FROM ${series(10_000)}`,
  ].join(";\n");
}

const root = fileURLToPath(new URL("../..", import.meta.url));

function run(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, env: ENV, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * The panel under wrangler dev on a fresh local D1 in `state`, seeded with `users` users, counting
 * its D1 statements per request (x-d1-statements). Returns startWorker's `{ url, stop }`. `cwd`: another
 * checkout of the panel (an older commit to compare against); this one by default. `args`: more
 * wrangler dev flags (an inspector port for a CPU profile). `debugCounters: false` runs it as
 * deployed, without the counting wrappers, for CPU figures; `vars` sets more Worker vars.
 * `seed: false` starts it again on a `state` an earlier call seeded.
 */
export async function startSeededPanel({
  state,
  users,
  port,
  cwd = root,
  args = [],
  debugCounters = true,
  vars = {},
  seed = true,
}) {
  if (seed) {
    const seedFile = join(state, "seed.sql");
    writeFileSync(seedFile, seedSql({ users }));
    run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", state], cwd);
    run("npx", ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", state, "--file", seedFile], cwd);
  }
  const signingKey = generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" });
  return startWorker({
    cwd,
    port,
    label: "panel",
    args: [
      "--persist-to",
      state,
      "--var",
      `DEBUG_D1_STATEMENTS:${debugCounters ? 1 : 0}`,
      "--var",
      `JWT_SECRET:${"b".repeat(48)}`,
      "--var",
      "VORTEX_SETUP_TOKEN:bench",
      "--var",
      `CONFIG_SIGNING_KEY:${signingKey.toString("base64url")}`,
      ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
      ...args,
    ],
  });
}
