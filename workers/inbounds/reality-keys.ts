import { fromBase64Url } from "../lib/base64";

/** PKCS#8 prefix of an X25519 private key; the raw 32-byte key follows it. */
const PKCS8_X25519_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20,
]);

export interface RealityKeyPair {
  /** Raw 32 bytes, base64url without padding, as `xray x25519` prints it. */
  privateKey: string;
  publicKey: string;
}

export async function generateRealityKeyPair(): Promise<RealityKeyPair> {
  const pair = (await crypto.subtle.generateKey({ name: "X25519" }, true, ["deriveBits"])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  return { privateKey: jwk.d!, publicKey: jwk.x! };
}

/** The public key for a REALITY private key; throws on anything that is not a 32-byte X25519 key. */
export async function realityPublicKeyOf(privateKey: string): Promise<string> {
  const raw = fromBase64Url(privateKey);
  if (raw.byteLength !== 32) throw new RangeError("a REALITY private key is 32 bytes, base64url");
  const pkcs8 = new Uint8Array(PKCS8_X25519_PREFIX.byteLength + 32);
  pkcs8.set(PKCS8_X25519_PREFIX);
  pkcs8.set(raw, PKCS8_X25519_PREFIX.byteLength);
  const key = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "X25519" }, true, ["deriveBits"]);
  const jwk = (await crypto.subtle.exportKey("jwk", key)) as JsonWebKey;
  return jwk.x!;
}

export function randomShortId(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, "0")).join("");
}
