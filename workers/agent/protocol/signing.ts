/**
 * Ed25519 signing for both directions, on WebCrypto so the same code runs in workerd and in
 * Node >= 22: the edge signs configs with the panel key; the agent signs every request with
 * its node key.
 */
import { sha256Hex } from "../../lib/sha256";
import { fromBase64Url, toBase64Url } from "../../lib/base64";

const encoder = new TextEncoder();

export interface KeyPairText {
  /** Raw 32-byte public key, base64url. */
  publicKey: string;
  /** PKCS#8 private key, base64url. */
  privateKey: string;
}

export async function generateSigningKeyPair(): Promise<KeyPairText> {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const publicKey = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  const privateKey = new Uint8Array((await crypto.subtle.exportKey("pkcs8", pair.privateKey)) as ArrayBuffer);
  return { publicKey: toBase64Url(publicKey), privateKey: toBase64Url(privateKey) };
}

export function importPrivateKey(pkcs8: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("pkcs8", fromBase64Url(pkcs8), { name: "Ed25519" }, false, ["sign"]);
}

export function importPublicKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", fromBase64Url(raw), { name: "Ed25519" }, false, ["verify"]);
}

export async function signText(key: CryptoKey, text: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, key, encoder.encode(text))));
}

/** False (never throws) for a malformed or wrong signature. */
export async function verifyText(key: CryptoKey, text: string, signature: string): Promise<boolean> {
  try {
    return await crypto.subtle.verify({ name: "Ed25519" }, key, fromBase64Url(signature), encoder.encode(text));
  } catch {
    return false;
  }
}

/** How far a request's timestamp may be from the edge's clock before it is refused as a replay. */
export const REQUEST_MAX_SKEW_SEC = 60;

export const REQUEST_HEADERS = {
  node: "x-vortex-node",
  timestamp: "x-vortex-timestamp",
  nonce: "x-vortex-nonce",
  signature: "x-vortex-signature",
} as const;

export interface SignedRequestParts {
  method: string;
  /** Path and query, e.g. `/agent/v1/config?wait=25`. */
  pathWithQuery: string;
  nodeId: number;
  timestampSec: number;
  /** Random per request, so the edge can refuse an exact replay inside the skew window. */
  nonce: string;
  body: Uint8Array<ArrayBuffer>;
}

/** The exact text a node signs for one request. */
export async function requestSigningText(parts: SignedRequestParts): Promise<string> {
  return [
    "VORTEX-AGENT-REQUEST-V1",
    parts.method.toUpperCase(),
    parts.pathWithQuery,
    String(parts.nodeId),
    String(parts.timestampSec),
    parts.nonce,
    await sha256Hex(parts.body),
  ].join("\n");
}
