import { toBase64Url } from "../lib/base64";

export { sha256Hex } from "../lib/sha256";

const encoder = new TextEncoder();

// workerd extends SubtleCrypto with timingSafeEqual; Node's typings, which test tooling pulls in, lack it.
const subtle = crypto.subtle as SubtleCrypto & { timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean };

/** Constant-time equality of two byte strings of equal length; false for unequal lengths. */
export function timingSafeEqualBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return a.byteLength === b.byteLength && subtle.timingSafeEqual(a, b);
}

/** A URL-safe random token; 32 bytes (256 bits) unless told otherwise. */
export function randomToken(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Constant-time equality for secrets of any length (lengths leak, contents do not). */
export function timingSafeEqualText(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  if (left.byteLength !== right.byteLength) {
    // Compare against itself so the time spent does not depend on where the inputs differ.
    subtle.timingSafeEqual(left, left);
    return false;
  }
  return subtle.timingSafeEqual(left, right);
}
