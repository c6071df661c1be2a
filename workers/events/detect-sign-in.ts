import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { settingsFromRows } from "../settings/settings";
import { panelEvent, type PanelEvent } from "./catalogue";

/** Failed sign-ins are counted over this window (settings.failedSignInAlertThreshold). */
export const SIGN_IN_FAILURE_WINDOW_SEC = 15 * 60;

/**
 * The most recent failures a count looks at: the audit log has no index on time, so the count
 * walks the action index back from the new failure this far and no further. An attack spread so
 * wide that one login's failures drown in more than this many others is refused by the sign-in
 * rate limits long before.
 */
const RECENT_FAILURES_SCANNED = 2000;

/** A stored setting's JSON; text that is not JSON is kept as is, and settingsFromRows falls back to the default. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Expands an IPv6 address to its eight 16-bit groups; null when it is not one. */
function ipv6Groups(ip: string): string[] | null {
  const [head, tail, ...rest] = ip.toLowerCase().split("::");
  if (rest.length) return null;
  const part = (s: string | undefined) => (s ? s.split(":") : []);
  const left = part(head);
  const right = part(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
  return groups.every((g) => /^[0-9a-f]{1,4}$/.test(g)) ? groups.map((g) => g.replace(/^0+(?=.)/, "")) : null;
}

/**
 * The network an address belongs to for "a new place": its /24 (IPv4, also IPv4-mapped IPv6) or
 * its /48 (IPv6), so a home router's new lease or a phone's next IPv6 address is not news.
 */
export function signInNetwork(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  const groups = ipv6Groups(ip);
  return groups ? `${groups.slice(0, 3).join(":")}::/48` : ip;
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\//, "Opera"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bChrome\/|\bCriOS\//, "Chrome"],
  [/\bSafari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/\bAndroid\b/, "Android"],
  [/\biPhone|\biPad|\biOS\b/, "iOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bLinux\b/, "Linux"],
];

/**
 * A user agent's family: browser and system without versions, so an update is not a new device.
 * Anything else (curl, scripts) is its first product name.
 */
export function userAgentFamily(userAgent: string | null): string {
  if (!userAgent) return "unknown";
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser || system) return `${browser ?? "other"} on ${system ?? "other"}`;
  return userAgent.split("/")[0]?.trim().toLowerCase() || "unknown";
}

export interface SignInFacts {
  admin: { id: number; username: string };
  method: string;
  ip: string;
  userAgent: string | null;
  country: string | null;
}

/**
 * admin.new_sign_in when this sign-in comes from a network or a user agent family none of the
 * admin's recorded sessions used; null on its very first sign-in (nothing to compare with) and
 * from a known place. Read before the new session is stored.
 */
export async function newSignInEvent(db: Db, facts: SignInFacts, nowSec: number): Promise<PanelEvent | null> {
  const seen = await db.all<{ ip: string | null; userAgent: string | null }>(
    sql`SELECT ip, user_agent AS userAgent FROM sessions WHERE admin_id = ${facts.admin.id}`,
  );
  if (!seen.length) return null;
  const network = signInNetwork(facts.ip);
  const family = userAgentFamily(facts.userAgent);
  const knownNetwork = seen.some((s) => s.ip !== null && signInNetwork(s.ip) === network);
  const knownFamily = seen.some((s) => userAgentFamily(s.userAgent) === family);
  if (knownNetwork && knownFamily) return null;
  return panelEvent("admin.new_sign_in", nowSec, {
    admin: facts.admin.username,
    method: facts.method,
    ip: facts.ip,
    country: facts.country,
    userAgent: facts.userAgent,
  });
}

/**
 * admin.sign_in_failures when the failure just audited (`auditId`) brings its login's or its
 * address's failures within the window to the threshold: exactly once as the count passes it,
 * since only failures up to this one are counted (a concurrent one after it sees one more).
 */
export async function signInFailureEvents(
  db: Db,
  failure: { auditId: number; login: string | null; ip: string },
  nowSec: number,
): Promise<PanelEvent[]> {
  const login = failure.login?.toLowerCase() ?? null;
  // The threshold rides along (validated as readSettings would): one query per failure, not two.
  const [counts] = await db.all<{ byLogin: number; byIp: number; stored: string | null }>(
    sql`SELECT coalesce(sum(lower(json_extract(details, '$.username')) = ${login}), 0) AS byLogin,
      coalesce(sum(ip = ${failure.ip}), 0) AS byIp,
      (SELECT value FROM settings WHERE key = 'failedSignInAlertThreshold') AS stored
    FROM (SELECT ip, details, at FROM audit_log
      WHERE action = 'auth.login_failed' AND id <= ${failure.auditId}
      ORDER BY id DESC LIMIT ${RECENT_FAILURES_SCANNED})
    WHERE at > ${nowSec - SIGN_IN_FAILURE_WINDOW_SEC}`,
  );
  const stored = counts?.stored == null ? [] : [{ key: "failedSignInAlertThreshold", value: parseJson(counts.stored) }];
  const threshold = settingsFromRows(stored).failedSignInAlertThreshold;
  const alert = (data: { login: string | null; ip: string | null }, failures: number) =>
    panelEvent("admin.sign_in_failures", nowSec, { ...data, failures, windowSec: SIGN_IN_FAILURE_WINDOW_SEC });
  const events: PanelEvent[] = [];
  if (login !== null && counts?.byLogin === threshold)
    events.push(alert({ login: failure.login, ip: null }, threshold));
  if (counts?.byIp === threshold) events.push(alert({ login: null, ip: failure.ip }, threshold));
  return events;
}
