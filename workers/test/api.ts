import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";

/** Test helpers that drive the real Worker over HTTP, as a client would. */

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; path?: string[]; extensions?: Record<string, any> }[] | undefined;
  headers: Headers;
}

export async function gql<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; ip?: string } = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.ip) headers["cf-connecting-ip"] = options.ip;
  const response = await exports.default.fetch("http://panel.test/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLResponse["errors"] };
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}

/** The first error's code, or undefined when the call succeeded. */
export const errorCode = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code as string | undefined;

/** Asserts success and returns the data. */
export function ok<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`expected success, got ${response.status}: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** Asserts that every call was turned away as anonymous, every field it asked for left null. */
export function expectAllUnauthenticated(responses: GraphQLResponse[]): void {
  for (const response of responses) {
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
    expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
  }
}

export const OWNER = { username: "owner", password: "owner-password-1" };

export async function setupOwner(credentials = OWNER): Promise<Response> {
  return exports.default.fetch("http://panel.test/api/setup", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${env.VORTEX_SETUP_TOKEN}` },
    body: JSON.stringify(credentials),
  });
}

const LOGIN = /* GraphQL */ `
  mutation ($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      admin { id role }
    }
  }
`;

export async function login(username: string, password: string, ip = "198.51.100.1") {
  const data = ok(
    await gql<{ login: { accessToken: string; refreshToken: string; admin: { id: string; role: string } } }>(
      LOGIN,
      { input: { username, password } },
      { ip },
    ),
  );
  return data.login;
}

/** Creates the owner on first use in a test file and signs it in. */
export async function ownerToken(): Promise<string> {
  await setupOwner();
  return (await login(OWNER.username, OWNER.password)).accessToken;
}

let sequence = 0;
export const unique = (prefix: string) => `${prefix}${++sequence}${Date.now() % 100_000}`;

/** Creates an admin or reseller as the owner and signs it in. */
export async function adminAs(
  owner: string,
  role: "ADMIN" | "RESELLER",
  limits: { maxUsers?: number; maxDataLimit?: number } = {},
) {
  const username = unique(role.toLowerCase());
  const password = "a-long-password-123";
  const created = ok(
    await gql<{ createAdmin: { id: string } }>(
      `mutation ($input: CreateAdminInput!) { createAdmin(input: $input) { id } }`,
      { input: { username, password, role, ...limits } },
      { token: owner },
    ),
  );
  const session = await login(username, password);
  return { id: created.createAdmin.id, username, password, token: session.accessToken };
}

export async function createUser(token: string, input: Record<string, unknown> = {}) {
  const data = ok(
    await gql<{ createUser: { id: string; username: string } }>(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id username } }`,
      { input: { username: unique("user"), ...input } },
      { token },
    ),
  );
  return data.createUser;
}

export async function createInbound(token: string, input: Record<string, unknown> = {}) {
  const data = ok(
    await gql<{ createInbound: { id: string; tag: string } }>(
      `mutation ($input: CreateInboundInput!) { createInbound(input: $input) { id tag } }`,
      { input: { tag: unique("in"), protocol: "VLESS", port: 20000 + (sequence % 40000), ...input } },
      { token },
    ),
  );
  return data.createInbound;
}

/** Rows in a table, straight from D1: for asserting that a rejected call changed nothing. */
export async function countRows(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}

/** A group with the given inbounds (and any other input), created by `token`. */
export async function createGroup(token: string, input: Record<string, unknown> = {}) {
  const data = ok(
    await gql<{ createGroup: { id: string; name: string } }>(
      `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id name } }`,
      { input: { name: unique("g"), ...input } },
      { token },
    ),
  );
  return data.createGroup;
}

/** A server serving the given inbounds (and any other input), created by `token`. */
export async function createServer(token: string, input: Record<string, unknown> = {}) {
  const data = ok(
    await gql<{ createServer: { id: string; configVersion: number } }>(
      `mutation ($input: CreateServerInput!) { createServer(input: $input) { id configVersion } }`,
      { input: { name: unique("n"), address: "127.0.0.1", ...input } },
      { token },
    ),
  );
  return data.createServer;
}

/** The newest audit row's id, so that a test can read back only the rows its own call wrote. */
export async function lastAuditId(): Promise<number> {
  return (await env.DB.prepare(`SELECT coalesce(max(id), 0) AS id FROM audit_log`).first<{ id: number }>())!.id;
}

export async function auditRowsSince(lastId: number) {
  const rows = await env.DB.prepare(`SELECT * FROM audit_log WHERE id > ? ORDER BY id`)
    .bind(lastId)
    .all<Record<string, unknown>>();
  return rows.results;
}

/** Each server's stored config version, in the order of `ids`. */
export async function configVersions(ids: string[]): Promise<number[]> {
  const rows = await env.DB.prepare(`SELECT id, config_version AS v FROM nodes`).all<{ id: number; v: number }>();
  return ids.map((id) => rows.results.find((r) => String(r.id) === id)!.v);
}
