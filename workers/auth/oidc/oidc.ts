import { and, eq, sql } from "drizzle-orm";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { z } from "zod";
import { admins } from "../../admins/table";
import { DomainError } from "../../errors/domain-error";
import { parseInput } from "../../errors/validate";
import type { AppContext } from "../../graphql/context";
import { toBase64Url } from "../../lib/base64";
import { sha256 } from "../../lib/sha256";
import { consumeChallenge, createChallenge } from "../challenges";
import { randomToken, timingSafeEqualText } from "../crypto";
import { guardClientSignIn, limitSignInStarts, loginDeps, startAdminSession } from "../login";
import { oidcIdentities } from "./table";

/**
 * Generic OpenID Connect sign-in (authorization code flow with PKCE, state and nonce). The
 * provider is configured with OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET; which of its
 * users may sign in as which admin is the owner's list of linked identities (oidc_identities).
 */

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

interface OidcState extends Record<string, unknown> {
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

/** Where the provider sends the browser back: an SPA route that calls finishOidcLogin. */
export const OIDC_CALLBACK_PATH = "/login/oidc";

export function oidcConfig(env: Env): OidcConfig | null {
  const issuer = String(env.OIDC_ISSUER ?? "")
    .trim()
    .replace(/\/$/, "");
  const clientId = String(env.OIDC_CLIENT_ID ?? "").trim();
  const clientSecret = String(env.OIDC_CLIENT_SECRET ?? "");
  return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : null;
}

const METADATA_TTL_MS = 60 * 60 * 1000;
const metadataCache = new Map<string, { at: number; metadata: Promise<ProviderMetadata> }>();
const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

const metadataSchema = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
});

/** The provider could not be asked: a fault on its side or the network's, not the admin's. */
function providerUnavailable(config: OidcConfig, what: string, cause: unknown): DomainError {
  console.error(
    JSON.stringify({
      event: "oidc.provider_unavailable",
      issuer: config.issuer,
      what,
      error: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
    }),
  );
  return new DomainError(
    "UNAVAILABLE",
    `OpenID Connect sign-in is unavailable: the provider's ${what} failed; try again later`,
  );
}

/** The provider's discovery document, fetched once an hour per isolate. */
function providerMetadata(config: OidcConfig): Promise<ProviderMetadata> {
  const cached = metadataCache.get(config.issuer);
  if (cached && Date.now() - cached.at < METADATA_TTL_MS) return cached.metadata;
  const metadata = (async () => {
    try {
      const response = await fetch(`${config.issuer}/.well-known/openid-configuration`, {
        headers: { accept: "application/json" },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const parsed = metadataSchema.parse(await response.json());
      // The document must describe the issuer it was fetched for (OpenID Connect Discovery §4.3).
      if (parsed.issuer.replace(/\/$/, "") !== config.issuer) throw new Error(`it names issuer ${parsed.issuer}`);
      return parsed;
    } catch (error) {
      throw providerUnavailable(config, "discovery request", error);
    }
  })();
  metadataCache.set(config.issuer, { at: Date.now(), metadata });
  metadata.catch(() => metadataCache.delete(config.issuer));
  return metadata;
}

function requireConfig(ctx: AppContext): OidcConfig {
  const config = oidcConfig(ctx.env);
  if (!config)
    throw new DomainError(
      "NOT_FOUND",
      "OpenID Connect sign-in is not configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)",
    );
  return config;
}

async function s256(verifier: string) {
  return toBase64Url(await sha256(verifier));
}

/** Starts a sign-in: the URL to send the browser to. State, nonce and PKCE verifier stay here. */
export async function beginOidcLogin(ctx: AppContext) {
  const config = requireConfig(ctx);
  await limitSignInStarts(ctx);
  const metadata = await providerMetadata(config);
  const nonce = randomToken();
  const codeVerifier = randomToken(48);
  const redirectUri = `${ctx.origin}${OIDC_CALLBACK_PATH}`;
  const { handle: state, expiresAtSec } = await createChallenge<OidcState>(
    ctx.db,
    "oidc",
    { data: { nonce, codeVerifier, redirectUri } },
    ctx.nowSec(),
  );
  const url = new URL(metadata.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: "openid email",
    state,
    nonce,
    code_challenge: await s256(codeVerifier),
    code_challenge_method: "S256",
  }).toString();
  return { authorizationUrl: url.toString(), expiresAt: expiresAtSec };
}

const finishSchema = z.object({ state: z.string().min(1).max(128), code: z.string().min(1).max(2048) });

const refused = (why: string) => new DomainError("UNAUTHENTICATED", `OpenID Connect sign-in refused: ${why}`);

/** Exchanges the code (with the PKCE verifier) and verifies the ID token: signature, issuer, audience, expiry, nonce. */
async function verifiedClaims(config: OidcConfig, state: OidcState, code: string): Promise<JWTPayload> {
  const metadata = await providerMetadata(config);
  const exchange = fetch(metadata.token_endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
      authorization: `Basic ${btoa(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`)}`,
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: state.redirectUri,
      code_verifier: state.codeVerifier,
    }),
  });
  const response = await exchange.catch((error: unknown) => {
    throw providerUnavailable(config, "code exchange", error);
  });
  if (!response.ok) throw refused("the provider did not accept the code");
  const tokens = (await response.json().catch(() => ({}))) as { id_token?: unknown };
  if (typeof tokens.id_token !== "string") throw refused("the provider sent no ID token");
  const jwks = jwksCache.get(metadata.jwks_uri) ?? createRemoteJWKSet(new URL(metadata.jwks_uri));
  jwksCache.set(metadata.jwks_uri, jwks);
  const { payload } = await jwtVerify(tokens.id_token, jwks, {
    issuer: metadata.issuer,
    audience: config.clientId,
  }).catch(() => {
    throw refused("the ID token did not verify");
  });
  if (typeof payload.nonce !== "string" || !timingSafeEqualText(payload.nonce, state.nonce))
    throw refused("the ID token's nonce does not match");
  return payload;
}

/**
 * Finishes a sign-in with the state and code the provider sent back. An unknown, used or
 * expired state is refused before the provider is asked anything.
 */
export async function finishOidcLogin(ctx: AppContext, rawInput: unknown) {
  const config = requireConfig(ctx);
  const input = parseInput(finishSchema, rawInput);
  const deps = loginDeps(ctx);
  const attempt = await guardClientSignIn(deps);
  const nowSec = deps.nowSec;
  const challenge = await consumeChallenge<OidcState>(ctx.db, "oidc", input.state, nowSec);
  if (!challenge) {
    await attempt.failed("oidc-refused", undefined, { method: "oidc", why: "state" });
    throw refused("unknown or expired state");
  }
  const claims = await verifiedClaims(config, challenge.data, input.code).catch(async (error: unknown) => {
    await attempt.failed("oidc-refused", undefined, {
      method: "oidc",
      why: error instanceof DomainError ? error.message : "provider",
    });
    throw error;
  });
  const email = typeof claims.email === "string" && claims.email_verified === true ? claims.email : null;
  const found = await ctx.db
    .select({ admin: admins })
    .from(oidcIdentities)
    .innerJoin(admins, eq(admins.id, oidcIdentities.adminId))
    .where(
      sql`(${and(eq(oidcIdentities.kind, "subject"), eq(oidcIdentities.value, claims.sub ?? ""))}) OR (${and(
        eq(oidcIdentities.kind, "email"),
        eq(sql`lower(${oidcIdentities.value})`, (email ?? "").toLowerCase()),
      )} AND ${email !== null})`,
    )
    .get();
  if (!found || found.admin.disabled) {
    await attempt.failed(found ? "disabled" : "oidc-not-linked", found?.admin, {
      method: "oidc",
      subject: claims.sub,
      email,
    });
    throw refused("this identity is not linked to an admin");
  }
  await attempt.succeeded();
  return startAdminSession(deps, found.admin, "oidc", { subject: claims.sub });
}
