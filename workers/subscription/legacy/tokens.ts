/**
 * Marzban and PasarGuard subscription tokens. Those panels never store a token: each link is
 * minted on demand as "who, when, signature" under the panel's `jwt.secret_key`, so the phones of
 * one user hold many different ones. Keeping them working means verifying them as the peer did
 * (reference: importers.md §2, §3 and its Corrections): this file reads a token and checks its
 * signature, with no I/O; `lookup.ts` finds the user and the secret.
 */
import { decodeJwt, errors, jwtVerify } from "jose";
import { timingSafeEqualText } from "../../auth/crypto";
import { fromBase64Url, toBase64Url } from "../../lib/base64";
import { sha256 } from "../../lib/sha256";

export const PEER_KINDS = ["marzban", "pasarguard"] as const;
export type PeerKind = (typeof PEER_KINDS)[number];

/** Who a token names: Marzban's tokens (and PasarGuard's older ones) carry the username, PasarGuard's `v2`/`v3` ones the user's id. */
export type PeerUser = { username: string } | { userId: string };

export type LegacyToken = {
  peer: PeerUser;
  /** When the peer minted it (seconds): good while this is at or after the row's not_before. */
  mintedAtSec: number;
} & (
  | /** `P + first 10 chars of b64url(sha256(P + secret))` (Marzban; PasarGuard also takes the hex digest's 10). */
  { form: "truncated-sha256"; payload: string; signature: string }
  /** PasarGuard's current `P.b64url(HMAC-SHA256(secret, P))`. */
  | { form: "hmac"; payload: string; signature: string }
  /** The HS256 JWTs both panels once issued (Marzban ≤ 0.4.9, and its later master). */
  | { form: "jwt"; token: string }
);

/** What an HS256 JWT from python-jose/PyJWT starts with: `{"alg":"HS256","typ":"JWT"}`. */
const JWT_PREFIX = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.";
/** Both peers refuse shorter tokens outright. */
const MIN_LENGTH = 15;
/** Far above the longest real token (a 128-character PasarGuard username), so the work per request stays bounded. */
export const MAX_LEGACY_TOKEN_LENGTH = 1024;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const DIGITS = /^[0-9]{1,20}$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a token in any of the peers' forms, or null when it is none of them. The signature is not
 * checked here: that needs the source's secret (`signatureMatches`).
 *
 * @example parseLegacyToken("YWxpY2UsMTcwMDAwMDAwMA" + "Xk2mD0q9aZ") // { form: "truncated-sha256", peer: { username: "alice" }, mintedAtSec: 1700000000, … }
 */
export function parseLegacyToken(token: string): LegacyToken | null {
  if (token.length < MIN_LENGTH || token.length > MAX_LEGACY_TOKEN_LENGTH) return null;
  if (token.startsWith(JWT_PREFIX)) return parseJwt(token);
  // "." never occurs in the older form (base64url payload and signature), so it marks the HMAC one.
  const dot = token.lastIndexOf(".");
  if (dot >= 0) {
    const payload = token.slice(0, dot);
    const claims = decodePayload(payload);
    return claims && { form: "hmac", payload, signature: token.slice(dot + 1), ...claims };
  }
  const payload = token.slice(0, -10);
  const claims = decodePayload(payload);
  return claims && { form: "truncated-sha256", payload, signature: token.slice(-10), ...claims };
}

/** Which peers mint a token of this form and naming this kind of user: anything else is refused unread. */
export function mintedBy(token: LegacyToken, kind: PeerKind): boolean {
  if (kind === "pasarguard") return true;
  return token.form !== "hmac" && "username" in token.peer;
}

/**
 * True when `secret` (the source's `jwt.secret_key`, used as text, as the peers do) signed the
 * token. Comparisons are constant-time, and PasarGuard's two digests are both compared, so the
 * time spent says nothing about how close a guess came.
 */
export async function signatureMatches(token: LegacyToken, kind: PeerKind, secret: string): Promise<boolean> {
  if (!mintedBy(token, kind)) return false;
  switch (token.form) {
    case "truncated-sha256": {
      const digest = await sha256(token.payload + secret);
      const asBase64 = timingSafeEqualText(token.signature, toBase64Url(digest).slice(0, 10));
      if (kind === "marzban") return asBase64;
      const asHex = timingSafeEqualText(token.signature, toHex(digest).slice(0, 10));
      return asBase64 || asHex;
    }
    case "hmac": {
      const encoder = new TextEncoder();
      const key = await crypto.subtle.importKey(
        "raw",
        encoder.encode(secret),
        { name: "HMAC", hash: "SHA-256" },
        false,
        ["sign"],
      );
      const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(token.payload)));
      return timingSafeEqualText(token.signature, toBase64Url(mac));
    }
    case "jwt": {
      // jose checks the signature (constant-time), the algorithm and, as PyJWT does, exp and nbf when present.
      try {
        await jwtVerify(token.token, new TextEncoder().encode(secret), { algorithms: ["HS256"] });
        return true;
      } catch (error) {
        if (error instanceof errors.JOSEError) return false;
        throw error;
      }
    }
  }
}

const toHex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

/** The payload's `username,t` or `v2|v3,user_id,t`, base64url without padding, as strictly as Python's b64decode(validate=True). */
function decodePayload(payload: string): Pick<LegacyToken, "peer" | "mintedAtSec"> | null {
  if (!BASE64URL.test(payload) || payload.length % 4 === 1) return null;
  let text: string;
  try {
    text = utf8.decode(fromBase64Url(payload));
  } catch {
    // Not UTF-8: no peer minted it, so it is not a legacy token (the input's fault, never a fault here).
    return null;
  }
  const parts = text.split(",");
  if (parts.length === 3 && (parts[0] === "v2" || parts[0] === "v3")) {
    const [, id, t] = parts as [string, string, string];
    if (!DIGITS.test(id) || !DIGITS.test(t)) return null;
    // As Python's int(): "007" is user 7.
    return { peer: { userId: BigInt(id).toString() }, mintedAtSec: Number(t) };
  }
  if (parts.length === 2) {
    const [username, t] = parts as [string, string];
    if (!username || !DIGITS.test(t)) return null;
    return { peer: { username }, mintedAtSec: Number(t) };
  }
  return null;
}

/** The JWT's claims, read before the signature is checked only to know whose secret to check it with. */
function parseJwt(token: string): LegacyToken | null {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(token);
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
  if (claims.access !== "subscription" || typeof claims.sub !== "string" || !claims.sub) return null;
  if (typeof claims.iat !== "number" || !Number.isFinite(claims.iat)) return null;
  return { form: "jwt", token, peer: { username: claims.sub }, mintedAtSec: claims.iat };
}
