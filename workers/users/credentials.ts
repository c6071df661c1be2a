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
