/**
 * The browser half of a passkey ceremony. The server hands out WebAuthn options as JSON and wants
 * the credential back as JSON (PublicKeyCredential.toJSON), which the browser's own JSON helpers
 * convert directly, so no WebAuthn library is needed.
 */
import { t } from "../i18n";

function supported(): boolean {
  return (
    typeof PublicKeyCredential !== "undefined" && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
  );
}

export const passkeysSupported = supported;

/** Creates a passkey with the server's creation options; resolves to the credential as a JSON string. */
export async function createPasskey(options: unknown): Promise<string> {
  if (!supported()) throw new Error(t("passkey.unsupported"));
  const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options as PublicKeyCredentialCreationOptionsJSON);
  const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential | null;
  if (!credential) throw new Error(t("passkey.cancelled"));
  return JSON.stringify(credential.toJSON());
}

/** Asks the browser for one of its passkeys with the server's request options; the answer as a JSON string. */
export async function getPasskey(options: unknown): Promise<string> {
  if (!supported()) throw new Error(t("passkey.unsupported"));
  const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options as PublicKeyCredentialRequestOptionsJSON);
  const credential = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential | null;
  if (!credential) throw new Error(t("passkey.cancelled"));
  return JSON.stringify(credential.toJSON());
}
