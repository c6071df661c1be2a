import type { Endpoint } from "../endpoint";
import { shadowsocksLink } from "../links/shadowsocks";

/** Outline's client speaks only the classic AEAD ciphers. */
const OUTLINE_CIPHERS = new Set(["aes-128-gcm", "aes-256-gcm", "chacha20-ietf-poly1305"]);

export const outlineSupports = (e: Endpoint) => e.protocol === "shadowsocks" && OUTLINE_CIPHERS.has(e.method ?? "");

/**
 * An Outline dynamic access key body: the `ss://` link of the first (best-placed) shadowsocks
 * endpoint Outline can run, or null when there is none.
 */
export function outlineKey(endpoints: readonly Endpoint[]): string | null {
  const first = endpoints.find(outlineSupports);
  return first ? shadowsocksLink(first) : null;
}
