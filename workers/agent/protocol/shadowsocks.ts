import { fromBase64, toBase64 } from "../../lib/base64";

/**
 * The shadowsocks-2022 user key, defined once for the two sides that must agree on it: the
 * subscription (what a client sends) and the agent (what the core expects). Users hold one
 * 32-byte key; a 2022 AES-128 method needs 16 bytes, so it takes the key's first half. Any other
 * method, classic aes-128-gcm included, uses the key whole.
 *
 * @example shadowsocks2022UserKey("2022-blake3-aes-128-gcm", base64Of32Bytes) // base64 of the first 16
 */
export function shadowsocks2022UserKey(method: string, userKey: string): string {
  if (method !== "2022-blake3-aes-128-gcm") return userKey;
  return toBase64(fromBase64(userKey).slice(0, 16));
}
