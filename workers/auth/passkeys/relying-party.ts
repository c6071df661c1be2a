/**
 * The WebAuthn relying party a request speaks to. Configured with WEBAUTHN_RP_ID and
 * WEBAUTHN_ORIGINS (comma-separated) when the panel sits behind several hosts; otherwise the
 * host and origin the request came in on, which is right for a panel on one hostname.
 */
export interface RelyingParty {
  id: string;
  origins: string[];
}

export function relyingParty(env: Env, requestOrigin: string): RelyingParty {
  const configuredId = String(env.WEBAUTHN_RP_ID ?? "").trim();
  const configuredOrigins = String(env.WEBAUTHN_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    id: configuredId || new URL(requestOrigin).hostname,
    origins: configuredOrigins.length ? configuredOrigins : [requestOrigin],
  };
}
