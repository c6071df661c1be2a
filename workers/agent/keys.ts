import { fromBase64Url } from "../lib/base64";

export interface PanelSigningKey {
  privateKey: CryptoKey;
  /** Raw Ed25519 public key, base64url: what agents pin at enrollment. */
  publicKey: string;
}

const cache = new Map<string, Promise<PanelSigningKey>>();

/**
 * The panel's config-signing key from the CONFIG_SIGNING_KEY secret (PKCS#8, base64url).
 * The public half is read back from the key itself, so only one secret has to be kept.
 */
export function panelSigningKey(env: { CONFIG_SIGNING_KEY?: string }): Promise<PanelSigningKey> {
  const secret = env.CONFIG_SIGNING_KEY;
  if (!secret) throw new Error("CONFIG_SIGNING_KEY is not set (wrangler secret put CONFIG_SIGNING_KEY)");
  let key = cache.get(secret);
  if (!key) {
    key = (async () => {
      const extractable = await crypto.subtle.importKey("pkcs8", fromBase64Url(secret), { name: "Ed25519" }, true, [
        "sign",
      ]);
      const jwk = (await crypto.subtle.exportKey("jwk", extractable)) as JsonWebKey;
      const privateKey = await crypto.subtle.importKey("pkcs8", fromBase64Url(secret), { name: "Ed25519" }, false, [
        "sign",
      ]);
      return { privateKey, publicKey: jwk.x! };
    })();
    cache.set(secret, key);
  }
  return key;
}
