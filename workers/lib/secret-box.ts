import { fromBase64Url, toBase64Url } from "./base64";

/**
 * Seals secrets at rest (TOTP secrets today; node and payment keys can use the same box) with
 * AES-256-GCM under a key from the SECRETS_KEY Worker secret.
 *
 * SECRETS_KEY is `<id>:<32 bytes base64url>`, or several such entries separated by commas while
 * rotating: the first seals, every one opens. A sealed value names its key id, so values sealed
 * under an old key keep opening until they are resealed (see README "Access security").
 *
 * Sealed format: `v1.<key id>.<12-byte IV>.<ciphertext+tag>` (base64url parts). The context
 * string (e.g. `totp:admin:7`) is bound as additional data: a sealed value copied to another row
 * or purpose does not open.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

export interface SecretBox {
  currentKeyId: string;
  seal(plaintext: string, context: string): Promise<string>;
  open(sealed: string, context: string): Promise<string>;
  /** True when the value was sealed under another key than the current one. */
  needsResealing(sealed: string): boolean;
}

/** Thrown for a missing or malformed SECRETS_KEY: a deployment error, never a client's. */
export class SecretKeyConfigError extends Error {}

const cache = new Map<string, Promise<SecretBox>>();

/** The box for a SECRETS_KEY value; keys are imported once per isolate. */
export function secretBox(secretsKey: string | undefined): Promise<SecretBox> {
  if (!secretsKey) {
    return Promise.reject(
      new SecretKeyConfigError(
        'SECRETS_KEY is not set (wrangler secret put SECRETS_KEY); see README "Access security"',
      ),
    );
  }
  let box = cache.get(secretsKey);
  if (!box) {
    box = buildBox(secretsKey);
    cache.set(secretsKey, box);
    box.catch(() => cache.delete(secretsKey));
  }
  return box;
}

async function buildBox(secretsKey: string): Promise<SecretBox> {
  const entries = secretsKey
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const keys = new Map<string, CryptoKey>();
  for (const entry of entries) {
    const [id, material] = entry.split(":");
    const raw = material ? safeDecode(material) : undefined;
    if (!id || !KEY_ID.test(id) || raw?.byteLength !== 32) {
      throw new SecretKeyConfigError(
        "SECRETS_KEY entries must look like <id>:<32 bytes base64url>, comma-separated, newest first",
      );
    }
    keys.set(id, await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]));
  }
  const currentKeyId = entries[0]!.split(":")[0]!;
  const keyOf = (id: string) => {
    const key = keys.get(id);
    if (!key)
      throw new SecretKeyConfigError(`a secret was sealed under key "${id}", which SECRETS_KEY no longer holds`);
    return key;
  };
  return {
    currentKeyId,
    async seal(plaintext, context) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: encoder.encode(context) },
        keyOf(currentKeyId),
        encoder.encode(plaintext),
      );
      return ["v1", currentKeyId, toBase64Url(iv), toBase64Url(new Uint8Array(sealed))].join(".");
    },
    async open(sealed, context) {
      const [version, id, iv, data] = sealed.split(".");
      if (version !== "v1" || !id || !iv || !data) throw new Error("not a sealed secret");
      const plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: fromBase64Url(iv), additionalData: encoder.encode(context) },
        keyOf(id),
        fromBase64Url(data),
      );
      return decoder.decode(plain);
    },
    needsResealing: (sealed) => sealed.split(".")[1] !== currentKeyId,
  };
}

function safeDecode(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return fromBase64Url(text);
  } catch {
    return undefined;
  }
}
