/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): a secret is `whsec_` and 32
 * random bytes in base64; a request carries `webhook-signature: v1,<base64 HMAC-SHA256>` of
 * `<webhook-id>.<webhook-timestamp>.<body>` under the secret's bytes. Receivers verify with any
 * Standard Webhooks library (docs/webhooks.md).
 */

const SECRET_PREFIX = "whsec_";
const encoder = new TextEncoder();

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** A fresh signing secret, as the receiver is shown it (once). */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

/** The `webhook-signature` header for one request. */
export async function webhookSignature(secret: string, id: string, timestampSec: number, body: string) {
  const raw = Uint8Array.from(atob(secret.slice(SECRET_PREFIX.length)), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`${id}.${timestampSec}.${body}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}
