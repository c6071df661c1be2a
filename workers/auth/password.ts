import bcrypt from "bcryptjs";
import { fromBase64, toBase64 } from "../lib/base64";
import { timingSafeEqualBytes } from "./crypto";

/** Workers' production runtime refuses PBKDF2 above 100,000 iterations (workerd #1346). */
export const PBKDF2_MAX_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/**
 * Hashes a password as `pbkdf2-sha256$<iterations>$<salt>$<hash>` so the parameters can be
 * raised later without breaking stored hashes.
 *
 * @example
 * const stored = await hashPassword("correct horse");
 * await verifyPassword("correct horse", stored); // true
 */
export async function hashPassword(password: string, iterations = PBKDF2_MAX_ITERATIONS): Promise<string> {
  if (iterations > PBKDF2_MAX_ITERATIONS)
    throw new RangeError(`PBKDF2 iterations are capped at ${PBKDF2_MAX_ITERATIONS}`);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return `pbkdf2-sha256$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

/**
 * An admin moved from a panel that hashed with bcrypt (Marzban, PasarGuard) keeps its password:
 * the peer's hash is stored as `bcrypt$<hash>` and replaced by ours at the first sign-in.
 */
const BCRYPT_PREFIX = "bcrypt$";
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

/** The stored form of a peer's bcrypt hash, or undefined when it is not one. */
export function importedBcryptHash(hash: string): string | undefined {
  return BCRYPT_HASH.test(hash) ? `${BCRYPT_PREFIX}${hash}` : undefined;
}

/** A stored hash no password matches: the admin signs in only after its password is set anew. */
export const NO_PASSWORD_HASH = "none$";

/** True when a password that just verified should be hashed again with the current scheme. */
export function needsRehash(stored: string): boolean {
  return stored.startsWith(BCRYPT_PREFIX);
}

/** Constant-time check of a password against a stored hash; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith(BCRYPT_PREFIX)) {
    const hash = stored.slice(BCRYPT_PREFIX.length);
    return BCRYPT_HASH.test(hash) && bcrypt.compare(password, hash);
  }
  const [scheme, iterationsText, saltText, hashText] = stored.split("$");
  const iterations = Number(iterationsText);
  if (
    scheme !== "pbkdf2-sha256" ||
    !Number.isInteger(iterations) ||
    iterations < 1 ||
    iterations > PBKDF2_MAX_ITERATIONS
  ) {
    return false;
  }
  if (!saltText || !hashText) return false;
  const expected = fromBase64(hashText);
  const actual = await derive(password, fromBase64(saltText), iterations);
  return timingSafeEqualBytes(expected, actual);
}

let dummyHash: Promise<string> | undefined;
/**
 * A real hash of nothing in particular: verifying against it when a username is unknown makes
 * "no such admin" cost the same time as "wrong password".
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("no such admin");
  return dummyHash;
}
