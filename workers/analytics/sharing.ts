/**
 * Account sharing: agents report, per user and push, keyed hashes of the client addresses it
 * connected from (protocol level 3); the cron flags users seen from more distinct addresses than
 * their device limit. The panel never learns an address: only HMAC-SHA256(clientIpKey, address)
 * truncated to 16 hex digits, the same on every node because the key is the panel's.
 */
import { sql } from "drizzle-orm";
import { rawStatement, type Db, type Statement } from "../db/client";
import { panelEvent, type PanelEvent } from "../events/catalogue";
import { fromBase64Url, toBase64Url } from "../lib/base64";
import { readSettings } from "../settings/settings";
import { utcHour } from "../lib/utc";
import type { UsageRollup } from "../usage/shards";

const keyCache = new Map<string, Promise<string>>();

/**
 * The panel's client-address key for configs: HMAC-SHA256(CONFIG_SIGNING_KEY's bytes, a label),
 * base64url. Derived from the signing key because that secret is the one that never changes while
 * nodes trust the panel (replacing it means enrolling every node again), so hashes stay comparable
 * across restarts, nodes and windows; the derivation is one-way, so the key nodes receive reveals
 * nothing of the signing key.
 */
export function clientIpKey(env: { CONFIG_SIGNING_KEY?: string }): Promise<string> {
  const secret = env.CONFIG_SIGNING_KEY;
  if (!secret) throw new Error("CONFIG_SIGNING_KEY is not set (wrangler secret put CONFIG_SIGNING_KEY)");
  let key = keyCache.get(secret);
  if (!key) {
    key = (async () => {
      const hmac = await crypto.subtle.importKey(
        "raw",
        fromBase64Url(secret),
        { name: "HMAC", hash: "SHA-256" },
        false,
        ["sign"],
      );
      const derived = await crypto.subtle.sign("HMAC", hmac, new TextEncoder().encode("vortex client-ip key v1"));
      return toBase64Url(new Uint8Array(derived));
    })();
    keyCache.set(secret, key);
  }
  return key;
}

/**
 * The statement a usage rollup adds to record its users' client-address hashes, [userId, hour,
 * hash, nodeId] rows (the first node to report a hash in an hour keeps it), existing users only,
 * all in one JSON parameter. None when the rollup carries none. A replayed rollup is refused by
 * the batch's seq guard before this counts anything.
 */
export function clientIpStatements(db: Db, rows: UsageRollup["clientIps"]): Statement[] {
  if (!rows.length) return [];
  const json = JSON.stringify(rows);
  return [
    rawStatement(
      db,
      sql`INSERT INTO user_client_ips (user_id, hour, ip_hash, node_id)
      SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]')
      FROM json_each(${json}) WHERE json_extract(value, '$[0]') IN (SELECT id FROM users)
      ON CONFLICT DO NOTHING`,
    ),
  ];
}

interface Flagged {
  userId: number;
  adminId: number;
  username: string;
  observed: number;
  baseline: number;
}

/**
 * The cron's account-sharing detection (every minute): users whose distinct address hashes in
 * the hours overlapping the last `sharingWindowMinutes` exceed their device limit (the user's own,
 * else settings.deviceLimit; 0 = no limit) are flagged once per user and hour, and each new flag
 * becomes a `user.sharing_suspected` event. One statement reads only the window's rows (by the
 * hour index) and inserts the flags; a second names the users, only when there are new ones.
 */
export async function detectSharing(db: Db, nowSec: number): Promise<PanelEvent[]> {
  const { deviceLimit, sharingWindowMinutes } = await readSettings(db);
  const windowSec = sharingWindowMinutes * 60;
  const limit = sql`coalesce(users.device_limit, ${deviceLimit})`;
  const inserted = await db.all<{ id: number }>(
    sql`INSERT INTO usage_anomalies (user_id, admin_id, kind, hour, observed, baseline, detected_at)
      SELECT users.id, users.admin_id, 'account_sharing', ${utcHour(nowSec)}, seen.addresses, ${limit}, ${nowSec}
      FROM (SELECT user_id, count(DISTINCT ip_hash) AS addresses FROM user_client_ips
            WHERE hour >= ${utcHour(nowSec - windowSec)} GROUP BY user_id) AS seen
      JOIN users ON users.id = seen.user_id
      WHERE ${limit} > 0 AND seen.addresses > ${limit}
      ON CONFLICT (user_id, kind, hour) DO NOTHING
      RETURNING id`,
  );
  if (inserted.length === 0) return [];
  const ids = JSON.stringify(inserted.map((r) => r.id));
  const named = await db.all<Flagged>(
    sql`SELECT usage_anomalies.user_id AS userId, usage_anomalies.admin_id AS adminId, users.username,
        usage_anomalies.observed, usage_anomalies.baseline
      FROM usage_anomalies JOIN users ON users.id = usage_anomalies.user_id
      WHERE usage_anomalies.id IN (SELECT value FROM json_each(${ids}))`,
  );
  return named.map((f) =>
    panelEvent(
      "user.sharing_suspected",
      nowSec,
      { username: f.username, addresses: f.observed, deviceLimit: f.baseline, windowSec },
      { adminId: f.adminId, userId: f.userId },
    ),
  );
}
