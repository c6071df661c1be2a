/**
 * The name an import gives the peer panel when the operator gives none. Re-runs match everything
 * by (kind, instance) and the peer's own keys, so the name must come out the same on cut-over day
 * as at the first run, from the same source, whatever the file is called by then: a host the
 * panel knows itself by, else a short fingerprint of a secret the peer generated once at install.
 */
import type { PeerKind } from "./peers";
import type { SqliteSource } from "./sqlite";
import { tableNames } from "./sqlite";

/** The API's host: `https://old.example:8000/` → "old.example:8000". */
export const instanceFromUrl = (url: string): string => new URL(url).host;

/**
 * From a peer's database, before its reader runs (readers name the peer's node after the instance).
 * 3x-ui keeps its domains (and a session secret) in `settings`; Marzban and PasarGuard know no
 * host of their own, but the jwt secret their subscription tokens are signed with is theirs alone.
 */
export async function instanceFromDatabase(kind: PeerKind, db: SqliteSource): Promise<string> {
  if (kind === "3x-ui") {
    const settings = threeXUiSettings(db);
    const host = settings.get("subDomain") || settings.get("webDomain") || hostOf(settings.get("subURI"));
    if (host) return host;
    const secret = settings.get("secret");
    if (secret) return `${kind}-${await fingerprint(secret)}`;
    return kind;
  }
  const secret = tableNames(db).has("jwt") ? db.all("SELECT secret_key FROM jwt LIMIT 1")[0]?.secret_key : undefined;
  return typeof secret === "string" && secret ? `${kind}-${await fingerprint(secret)}` : kind;
}

function threeXUiSettings(db: SqliteSource): Map<string, string> {
  if (!tableNames(db).has("settings")) return new Map();
  const rows = db.all("SELECT key, value FROM settings WHERE key IN ('subDomain', 'webDomain', 'subURI', 'secret')");
  return new Map(rows.map((row) => [String(row.key), String(row.value ?? "").trim()]));
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    // A subURI that is not a URL names no host; the secret's fingerprint names the panel instead.
    return undefined;
  }
}

/** Eight hex digits of SHA-256: names the secret's owner without revealing anything of the secret. */
async function fingerprint(secret: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret)));
  return Array.from(digest.slice(0, 4), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
