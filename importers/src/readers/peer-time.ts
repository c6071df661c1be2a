import { isoFromSeconds } from "./units";

/**
 * Instants as Marzban, PasarGuard and Remnawave write them, read exactly. SQLAlchemy keeps
 * DATETIME on SQLite as "YYYY-MM-DD HH:MM:SS.ffffff" (naive UTC); the REST APIs say the same in
 * ISO form, sometimes with an offset. A JavaScript Date keeps milliseconds only, and a legacy
 * token's notBefore depends on the microseconds, so this keeps them apart.
 */

export interface PeerInstant {
  /** Whole seconds since the epoch (floor). */
  seconds: number;
  /** 0..999999 past `seconds`. */
  micros: number;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Parses a peer's date-time text; naive values are UTC, as every one of these panels writes them. */
export function parsePeerInstant(text: string): PeerInstant {
  const m = INSTANT.exec(text.trim());
  if (!m) throw new Error(`not a date-time: ${JSON.stringify(text)}`);
  const [, y, mo, d, h, mi, s, fraction = "", zone] = m;
  let seconds = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    seconds -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2) || "0") * 60);
  }
  return { seconds, micros: Number(fraction.padEnd(6, "0").slice(0, 6)) };
}

/** ISO 8601 to the millisecond (our DateTime scalar); sub-millisecond digits are dropped. */
export const instantIso = (i: PeerInstant): string =>
  new Date(i.seconds * 1000 + Math.floor(i.micros / 1000)).toISOString();

/**
 * The first whole second at which a Marzban/PasarGuard token still resolves: the peer compares
 * its minting second t against created_at and sub_revoked_at to the microsecond
 * (`created_at <= t`, `sub_revoked_at <= t`), so it is the later of the two rounded up.
 */
export function tokenNotBefore(createdAt: PeerInstant, subRevokedAt: PeerInstant | null): string {
  const later =
    subRevokedAt &&
    (subRevokedAt.seconds > createdAt.seconds ||
      (subRevokedAt.seconds === createdAt.seconds && subRevokedAt.micros > createdAt.micros))
      ? subRevokedAt
      : createdAt;
  const seconds = later.seconds + (later.micros > 0 ? 1 : 0);
  return isoFromSeconds(seconds);
}
