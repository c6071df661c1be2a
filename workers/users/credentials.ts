import { z } from "zod";
import { randomToken } from "../auth/crypto";
import { toBase64 } from "../lib/base64";

/** 24 random bytes: 192 bits, comfortably above the 128 an unguessable link needs. */
export const newSubscriptionToken = () => randomToken(24);

/**
 * Fresh credentials for every protocol, so one leaked secret exposes one protocol only.
 * The shadowsocks key is 32 random bytes in base64: a valid 2022-blake3 user key as it is
 * (a 16-byte AES-128 method uses its first half) and a strong classic password.
 */
export function newCredentials() {
  return {
    vlessId: crypto.randomUUID(),
    vmessId: crypto.randomUUID(),
    trojanPassword: randomToken(18),
    shadowsocksPassword: toBase64(crypto.getRandomValues(new Uint8Array(32))),
    hysteria2Password: randomToken(18),
  };
}

export type CredentialField = keyof ReturnType<typeof newCredentials>;
export type Credentials = Record<CredentialField, string>;
export const CREDENTIAL_FIELDS = [
  "vlessId",
  "vmessId",
  "trojanPassword",
  "shadowsocksPassword",
  "hysteria2Password",
] as const satisfies readonly CredentialField[];

/** An RFC 4122 UUID (any version, the RFC's variant), stored lower-cased as cores print it. */
export const uuidSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, "must be an RFC 4122 UUID")
  .transform((id) => id.toLowerCase());

/** Printable ASCII without spaces: it travels inside share links and YAML unquoted. */
export const secretPasswordSchema = z
  .string()
  .regex(/^[\x21-\x7e]{8,128}$/, "use 8 to 128 printable ASCII characters without spaces");

/** The secrets given explicitly; null and omitted both mean "not given" (GraphQL sends either). */
export const credentialsInputSchema = z
  .object({
    vlessId: uuidSchema.nullish(),
    vmessId: uuidSchema.nullish(),
    trojanPassword: secretPasswordSchema.nullish(),
    shadowsocksPassword: secretPasswordSchema.nullish(),
    hysteria2Password: secretPasswordSchema.nullish(),
  })
  .nullish()
  .transform(
    (given) =>
      Object.fromEntries(Object.entries(given ?? {}).filter(([, value]) => value != null)) as Partial<Credentials>,
  );

/** The schema of one protocol's secret: a UUID for vless and vmess, a password otherwise. */
export const secretSchemaOf = (field: CredentialField) =>
  field === "vlessId" || field === "vmessId" ? uuidSchema : secretPasswordSchema;

/** Long enough to be unguessable when chosen by a peer panel (3x-ui subIds are 16 characters). */
export const subTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, "use 16 to 128 letters, digits, dashes or underscores");

/** A Telegram chat id as decimal digits; "" clears it. */
export const telegramIdSchema = z
  .string()
  .trim()
  .regex(/^\d{0,20}$/, "must be decimal digits (at most 20)")
  .transform((id) => (id === "" ? null : id));
