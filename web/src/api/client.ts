/**
 * GraphQL over HTTP for the admin app. The access token lives in memory only; the refresh token in
 * localStorage so a reload keeps the admin signed in. An expired access token is refreshed once
 * and the request retried. Every request goes through `send`.
 */
import {
  BeginOidcLogin,
  BeginPasskeyLogin,
  CompleteSecondFactor,
  FinishOidcLogin,
  FinishPasskeyLogin,
  Logout,
  RefreshToken,
  SignIn,
} from "../graphql/auth";
import { operationBody, type Document } from "./operation";
import { getPasskey } from "./webauthn";

const REFRESH_KEY = "vortex.refreshToken";
let accessToken: string | null = null;

/** One refused input field, as BAD_USER_INPUT names it: `path` like "blockedCidrs.1". */
export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** For BAD_USER_INPUT: each refused field, so a form can show the message beside it. */
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; fields?: FieldProblem[] } }[];
}

/** The variables argument of an operation: optional when the operation has none, or none required. */
export type VariablesArgument<Variables> =
  Record<string, never> extends Variables ? [variables?: Variables] : [variables: Variables];

async function send<Result, Variables>(
  document: Document<Result, Variables>,
  variables: Variables | undefined,
  token: string | null,
): Promise<Result> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: operationBody(document, variables ?? {}),
    });
  } catch {
    throw new ApiError("network", "NETWORK");
  }
  const body = (await response
    .json()
    .catch(() => ({ errors: [{ message: `HTTP ${response.status}` }] }))) as GraphQLResponse<Result>;
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? "UNKNOWN", error.extensions?.fields ?? []);
  return body.data as Result;
}

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

function keep(tokens: Tokens) {
  accessToken = tokens.accessToken;
  localStorage.setItem(REFRESH_KEY, tokens.refreshToken);
}

export function hasSession(): boolean {
  return accessToken !== null || localStorage.getItem(REFRESH_KEY) !== null;
}

/** Password sign-in. An admin with TOTP gets a challenge back: pass it to `completeSecondFactor` with a code. */
export async function signIn(username: string, password: string): Promise<{ challengeToken: string } | null> {
  const { signIn: result } = await send(SignIn, { input: { username, password } }, null);
  if (result.__typename === "SecondFactorChallenge") return { challengeToken: result.challengeToken };
  keep(result);
  return null;
}

/** `code` is six digits from the authenticator app or one of the backup codes. */
export async function completeSecondFactor(challengeToken: string, code: string): Promise<void> {
  keep((await send(CompleteSecondFactor, { input: { challengeToken, code } }, null)).completeSecondFactor);
}

/** Discoverable passkey sign-in: the browser offers the passkeys it holds for this panel, no username needed. */
export async function signInWithPasskey(): Promise<void> {
  const { beginPasskeyLogin: ceremony } = await send(BeginPasskeyLogin, {}, null);
  const response = await getPasskey(ceremony.options);
  const input = { challengeToken: ceremony.challengeToken, response };
  keep((await send(FinishPasskeyLogin, { input }, null)).finishPasskeyLogin);
}

/** The provider's sign-in page; it sends the browser back to /login/oidc with `code` and `state`. */
export async function oidcAuthorizationUrl(): Promise<string> {
  return (await send(BeginOidcLogin, {}, null)).beginOidcLogin.authorizationUrl;
}

export async function finishOidcSignIn(state: string, code: string): Promise<void> {
  keep((await send(FinishOidcLogin, { input: { state, code } }, null)).finishOidcLogin);
}

/** Public queries the sign-in screen makes before anyone is signed in. */
export function anonymousRequest<Result, Variables>(
  document: Document<Result, Variables>,
  ...[variables]: VariablesArgument<Variables>
): Promise<Result> {
  return send(document, variables, null);
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: refresh tokens work once, so parallel refreshes would sign the admin out. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const token = localStorage.getItem(REFRESH_KEY);
    if (!token) return false;
    try {
      keep((await send(RefreshToken, { token }, null)).refreshToken);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === "NETWORK") throw error;
      localStorage.removeItem(REFRESH_KEY);
      accessToken = null;
      return false;
    }
  })().finally(() => (refreshing = null));
  return refreshing;
}

/** The access token for a live stream, refreshing first when there is none yet. */
export async function currentToken(): Promise<string | null> {
  if (!accessToken) await refreshSession();
  return accessToken;
}

let onSignedOut: () => void = () => undefined;
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

/** Runs a signed-in operation; on an expired access token refreshes once and retries. */
export async function request<Result, Variables>(
  document: Document<Result, Variables>,
  ...[variables]: VariablesArgument<Variables>
): Promise<Result> {
  if (!accessToken && !(await refreshSession())) {
    onSignedOut();
    throw new ApiError("sign in first", "UNAUTHENTICATED");
  }
  try {
    return await send(document, variables, accessToken);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "UNAUTHENTICATED") throw error;
    if (await refreshSession()) return send(document, variables, accessToken);
    onSignedOut();
    throw error;
  }
}

/**
 * A signed-in call to one of the panel's own /api/* routes (the page may connect only to its own
 * origin), for what GraphQL does not carry: a backup file down or up. The bearer as `request` sends
 * it, refreshed once on a 401; a refusal's `{ error: { code, message } }` body becomes its ApiError.
 */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  if (!accessToken && !(await refreshSession())) {
    onSignedOut();
    throw new ApiError("sign in first", "UNAUTHENTICATED");
  }
  const attempt = async () => {
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${accessToken}`);
    try {
      return await fetch(path, { ...init, headers });
    } catch {
      throw new ApiError("network", "NETWORK");
    }
  };
  let response = await attempt();
  if (response.status === 401) {
    if (!(await refreshSession())) onSignedOut();
    else response = await attempt();
  }
  if (response.ok) return response;
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  throw new ApiError(body?.error?.message ?? `HTTP ${response.status}`, body?.error?.code ?? "UNKNOWN");
}

export async function signOut(): Promise<void> {
  try {
    if (accessToken) await send(Logout, {}, accessToken);
  } finally {
    accessToken = null;
    localStorage.removeItem(REFRESH_KEY);
  }
}
