import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { REQUEST_HEADERS } from "../agent/protocol/signing";
import { enrolledAgent } from "../test/agent";
import { createInbound, createServer, createUser, gql, ok, ownerToken, unique } from "../test/api";

/*
 * Hostile and malformed input against every door the panel opens to the internet. Whatever
 * arrives, the answer is a 4xx (or a GraphQL error) that names what was wrong, never a 5xx, and
 * nothing in the database changes. Failed sign-ins are recorded in audit_log on purpose, so that
 * table is left out of the before/after comparison.
 */

interface Target {
  name: string;
  method: "GET" | "POST";
  path: string;
  /** Headers a real caller of this door sends (e.g. a signature header with a bogus value). */
  headers?: Record<string, string>;
}

let subToken: string;

/** Well-formed agent headers carrying a signature that verifies for no node. */
const UNSIGNED_AGENT_HEADERS = {
  [REQUEST_HEADERS.node]: "1",
  [REQUEST_HEADERS.timestamp]: "0",
  [REQUEST_HEADERS.nonce]: "n",
  [REQUEST_HEADERS.signature]: "AAAA",
};

/** Every public entry point. */
const targets = (): Target[] => [
  { name: "graphql", method: "POST", path: "/graphql" },
  { name: "graphql GET", method: "GET", path: "/graphql" },
  { name: "sub", method: "GET", path: `/sub/${subToken}` },
  { name: "sub info", method: "GET", path: `/sub/${subToken}/info` },
  { name: "setup", method: "POST", path: "/api/setup", headers: { authorization: "Bearer wrong" } },
  { name: "owner recovery", method: "POST", path: "/api/setup/recover", headers: { authorization: "Bearer wrong" } },
  { name: "agent enroll", method: "POST", path: "/agent/v1/enroll" },
  { name: "stripe webhook", method: "POST", path: "/webhooks/stripe", headers: { "stripe-signature": "t=1,v1=00" } },
  { name: "payer plans", method: "GET", path: `/sub/${subToken}/plans` },
  { name: "payer new invoice", method: "POST", path: `/sub/${subToken}/invoices` },
  { name: "payer invoice", method: "GET", path: `/sub/${subToken}/invoices/1` },
  { name: "payer invoice status", method: "GET", path: `/sub/${subToken}/invoices/1/status` },
  { name: "payer card checkout", method: "POST", path: `/sub/${subToken}/invoices/1/stripe` },
  { name: "payer chain deposit", method: "POST", path: `/sub/${subToken}/invoices/1/onchain` },
  { name: "payer chain check", method: "POST", path: `/sub/${subToken}/invoices/1/onchain/check` },
  { name: "agent config", method: "GET", path: "/agent/v1/config", headers: UNSIGNED_AGENT_HEADERS },
  { name: "agent usage", method: "POST", path: "/agent/v1/usage", headers: UNSIGNED_AGENT_HEADERS },
];

const INJECTIONS = [
  "' OR 1=1 --",
  "'); DROP TABLE users; --",
  '" OR ""="',
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "%00%0d%0aSet-Cookie: x=1",
  "\u0000\u0001\uffff",
  "${7*7}{{7*7}}",
  "𝕍𝕠𝕣𝕥𝕖𝕩".repeat(500),
];

/** Bodies for POST doors: broken, oversized, wrongly typed and hostile. */
const BODIES: { name: string; body: string; contentType?: string }[] = [
  { name: "broken JSON", body: '{"query": "{ me { id } ' },
  { name: "empty body", body: "" },
  { name: "JSON null", body: "null" },
  { name: "JSON number", body: "42" },
  { name: "JSON array", body: '[1, "two", null]' },
  { name: "deeply nested JSON", body: `${"[".repeat(5000)}${"]".repeat(5000)}` },
  {
    name: "wrong field types",
    body: JSON.stringify({
      query: 42,
      variables: "x",
      token: { nested: true },
      publicKey: [1],
      nodeId: "one",
      seq: -1,
      deltas: "all",
    }),
  },
  { name: "prototype pollution", body: '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}' },
  { name: "not JSON at all", body: "username=admin&password=x", contentType: "application/x-www-form-urlencoded" },
  { name: "oversized", body: JSON.stringify({ query: "{ __typename }", padding: "x".repeat(300 * 1024) }) },
  ...INJECTIONS.map((s, i) => ({
    name: `injection ${i}`,
    body: JSON.stringify({ query: s, token: s, username: s, password: s, publicKey: s, state: s, code: s }),
  })),
];

/** GraphQL documents that are syntactically fine or nearly so, and meant to hurt. */
const QUERIES: { name: string; body: unknown }[] = [
  { name: "deep query", body: { query: `{ me ${"{ id ".repeat(60)}${"}".repeat(60)} }` } },
  {
    name: "alias bomb",
    body: { query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: healthCheck { status }`).join(" ")} }` },
  },
  { name: "directive bomb", body: { query: `{ healthCheck ${"@include(if: true) ".repeat(200)} { status } }` } },
  { name: "fragment cycle", body: { query: `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }` } },
  { name: "batched operations", body: Array.from({ length: 50 }, () => ({ query: "{ healthCheck { status } }" })) },
  { name: "huge token count", body: { query: `{ ${"healthCheck { status } ".repeat(2000)} }` } },
  {
    name: "wrong variable types",
    body: {
      query: "mutation ($input: LoginInput!) { login(input: $input) { accessToken } }",
      variables: { input: { username: 1, password: ["x"] } },
    },
  },
  {
    name: "missing variables",
    body: { query: "mutation ($input: LoginInput!) { login(input: $input) { accessToken } }" },
  },
  { name: "unknown operation name", body: { query: "query A { healthCheck { status } }", operationName: "B" } },
  {
    name: "injection in variables",
    body: {
      query: "mutation ($input: LoginInput!) { login(input: $input) { accessToken } }",
      variables: { input: { username: INJECTIONS[1], password: INJECTIONS[0] } },
    },
  },
  { name: "forged bearer", body: { query: "{ me { id } }" } },
  { name: "introspection", body: { query: "{ __schema { queryType { name } } }" } },
  {
    name: "huge variable string",
    body: {
      query: "mutation ($t: String!) { refreshToken(token: $t) { accessToken } }",
      variables: { t: "x".repeat(200 * 1024) },
    },
  },
  { name: "oversized by content-length", body: { query: `# ${"x".repeat(400 * 1024)}\n{ healthCheck { status } }` } },
];

async function tableCounts(): Promise<Record<string, number>> {
  const tables = await env.DB.prepare(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('d1_migrations', 'audit_log')`,
  ).all<{ name: string }>();
  const counts = await env.DB.batch(tables.results.map((t) => env.DB.prepare(`SELECT count(*) AS n FROM "${t.name}"`)));
  return Object.fromEntries(tables.results.map((t, i) => [t.name, (counts[i]!.results[0] as { n: number }).n]));
}

interface Outcome {
  what: string;
  status: number;
  code: string | undefined;
}

/** The status and the error code the body names: `error.code` (HTTP routes) or `errors[0].extensions.code` (GraphQL). */
async function outcome(what: string, response: Response): Promise<Outcome> {
  const text = await response.text();
  let code: string | undefined;
  try {
    const body = JSON.parse(text) as { error?: { code?: string }; errors?: { extensions?: { code?: string } }[] };
    code = body.error?.code ?? body.errors?.[0]?.extensions?.code;
  } catch {
    code = undefined;
  }
  return { what, status: response.status, code };
}

const send = (path: string, init: RequestInit) => exports.default.fetch(`http://panel.test${path}`, init);

let before: Record<string, number>;
const outcomes: Outcome[] = [];

beforeAll(async () => {
  const owner = await ownerToken();
  const inbound = await createInbound(owner);
  const user = await createUser(owner);
  const { user: found } = ok(
    await gql(`query ($id: ID!) { user(id: $id) { subscriptionUrl } }`, { id: user.id }, { token: owner }),
  );
  subToken = found.subscriptionUrl.split("/sub/")[1];
  const server = await createServer(owner, { name: unique("fz"), inboundIds: [inbound.id] });
  await enrolledAgent(owner, server.id);
  before = await tableCounts();
});

describe("fuzzing every public door", () => {
  it("answers hostile bodies on every POST door with a clear 4xx", async () => {
    for (const target of targets().filter((t) => t.method === "POST")) {
      for (const { name, body, contentType } of BODIES) {
        const response = await send(target.path, {
          method: "POST",
          headers: { "content-type": contentType ?? "application/json", ...target.headers },
          body,
        });
        outcomes.push(await outcome(`${target.name}: ${name}`, response));
      }
    }
    assertClear(outcomes.filter((o) => !o.what.startsWith("graphql:")));
    // GraphQL answers 200 with errors for some; each names its code.
    for (const o of outcomes.filter((x) => x.what.startsWith("graphql:"))) expect(o.code, o.what).toBeDefined();
  });

  it("answers hostile paths, query strings and headers on every GET door without a 5xx", async () => {
    const local: Outcome[] = [];
    for (const target of targets().filter((t) => t.method === "GET")) {
      for (const [i, s] of INJECTIONS.entries()) {
        const encoded = encodeURIComponent(s).slice(0, 2000);
        for (const path of [
          `${target.path}?query=${encoded}&wait=${encoded}&format=${encoded}`,
          `${target.path}/${encoded}`,
          `/sub/${encoded}`,
        ]) {
          local.push(
            await outcome(
              `${target.name} path ${i}`,
              await send(path, {
                headers: {
                  ...target.headers,
                  "user-agent": s.slice(0, 500).replace(/[^ -~]/g, "?"),
                  accept: "text/html",
                  "x-hwid": encoded.slice(0, 100),
                },
              }),
            ),
          );
        }
      }
    }
    expect(local.filter((o) => o.status >= 500)).toEqual([]);
    outcomes.push(...local);
  });

  it("refuses hurtful GraphQL with a named error, with and without a forged token", async () => {
    for (const { name, body } of QUERIES) {
      for (const authorization of [
        undefined,
        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwic2lkIjoieCIsImV4cCI6OTk5OTk5OTk5OX0.forged",
      ]) {
        const response = await send("/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
          body: JSON.stringify(body),
        });
        const result = await outcome(`graphql ${name}${authorization ? " (forged token)" : ""}`, response);
        expect(result.status, result.what).toBeLessThan(500);
        outcomes.push(result);
      }
    }
    const named = (what: string) => outcomes.find((o) => o.what === `graphql ${what}`);
    expect(named("deep query")?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(named("alias bomb")?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(named("huge token count")?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(named("wrong variable types")?.code).toBe("BAD_USER_INPUT");
    expect(named("forged bearer")?.code).toBe("UNAUTHENTICATED");
    expect(named("forged bearer (forged token)")?.code).toBe("UNAUTHENTICATED");
    expect(named("oversized by content-length")?.status).toBe(413);
  });

  it("refuses validly signed agent requests with hostile bodies", async () => {
    const owner = await ownerToken();
    const inbound = await createInbound(owner);
    const server = await createServer(owner, { name: unique("fz"), inboundIds: [inbound.id] });
    const agent = await enrolledAgent(owner, server.id);
    before = await tableCounts();
    const local: Outcome[] = [];
    for (const body of [
      null,
      42,
      "x",
      [],
      { nodeId: agent.nodeId, seq: "1", deltas: [] },
      { nodeId: agent.nodeId, seq: 1, fromSec: 0, toSec: 1, deltas: [{ userId: INJECTIONS[1], up: -1, down: "x" }] },
      { nodeId: 999999, seq: 1, fromSec: 0, toSec: 1, deltas: [] },
    ]) {
      local.push(
        await outcome(
          `signed usage ${JSON.stringify(body)?.slice(0, 40)}`,
          await agent.call("POST", "/agent/v1/usage", body),
        ),
      );
    }
    assertClear(local);
    expect(await tableCounts()).toEqual(before);
  });

  it("changed nothing in the database", async () => {
    expect(outcomes.length).toBeGreaterThan(100);
    expect(await tableCounts()).toEqual(before);
  });
});

/** Every outcome is a 4xx whose body names an error code. */
function assertClear(list: Outcome[]) {
  const unclear = list.filter((o) => o.status < 400 || o.status >= 500 || !o.code);
  expect(unclear).toEqual([]);
}
