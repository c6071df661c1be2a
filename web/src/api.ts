/** A small GraphQL client: Bearer access token in memory, refresh token in localStorage, one retry after refresh. */
const REFRESH_KEY = "vortex.refreshToken";
let accessToken: string | null = null;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

async function post<T>(query: string, variables: Record<string, unknown>, token: string | null): Promise<T> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? "UNKNOWN");
  return body.data as T;
}

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

function keep(tokens: Tokens) {
  accessToken = tokens.accessToken;
  localStorage.setItem(REFRESH_KEY, tokens.refreshToken);
}

export async function signIn(username: string, password: string): Promise<void> {
  const data = await post<{ login: Tokens }>(
    `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`,
    { input: { username, password } },
    null,
  );
  keep(data.login);
}

async function refresh(): Promise<boolean> {
  const token = localStorage.getItem(REFRESH_KEY);
  if (!token) return false;
  try {
    const data = await post<{ refreshToken: Tokens }>(
      `mutation ($token: String!) { refreshToken(token: $token) { accessToken refreshToken } }`,
      { token },
      null,
    );
    keep(data.refreshToken);
    return true;
  } catch {
    localStorage.removeItem(REFRESH_KEY);
    return false;
  }
}

/** Runs a signed-in query; on an expired access token refreshes once and retries. */
export async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  if (!accessToken && !(await refresh())) throw new ApiError("sign in first", "UNAUTHENTICATED");
  try {
    return await post<T>(query, variables, accessToken);
  } catch (error) {
    if (error instanceof ApiError && error.code === "UNAUTHENTICATED" && (await refresh())) return post<T>(query, variables, accessToken);
    throw error;
  }
}

export async function signOut(): Promise<void> {
  try {
    if (accessToken) await post(`mutation { logout }`, {}, accessToken);
  } finally {
    accessToken = null;
    localStorage.removeItem(REFRESH_KEY);
  }
}
