/**
 * The secrets a panel cannot run without and that nobody has to choose: fresh random values, made
 * the same way for `npm start` (.dev.vars) and `npm run deploy` (Worker secrets).
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";

/** @type {Record<"JWT_SECRET" | "VORTEX_SETUP_TOKEN" | "SECRETS_KEY" | "CONFIG_SIGNING_KEY", () => string>} */
export const generatedSecrets = {
  JWT_SECRET: () => randomBytes(32).toString("base64url"),
  VORTEX_SETUP_TOKEN: () => randomBytes(24).toString("base64url"),
  // Seals secrets at rest (TOTP secrets): `<key id>:<32 random bytes, base64url>`; see README "Access security".
  SECRETS_KEY: () => `k1:${randomBytes(32).toString("base64url")}`,
  // Signs node configs; agents pin its public half.
  CONFIG_SIGNING_KEY: () =>
    generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" }).toString("base64url"),
};
