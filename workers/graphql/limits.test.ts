import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_AUTHORIZED_GRAPHQL_BODY_BYTES, MAX_BODY_BYTES } from "../app";
import { countRows, createInbound, errorCode, gql, ok, ownerToken, unique } from "../test/api";
import { MAX_PAGE_SIZE } from "./pagination";
import { QUERY_LIMITS } from "./yoga";

let owner: string;

beforeAll(async () => {
  owner = await ownerToken();
  // Something to walk through, so deep queries do real work.
  const inbound = await createInbound(owner, { port: 50001 });
  ok(
    await gql(
      `mutation ($i: [ID!]) { createServer(input: { name: "deep", address: "deep.example", inboundIds: $i }) { id } }`,
      { i: [inbound.id] },
      { token: owner },
    ),
  );
  ok(
    await gql(
      `mutation ($i: [ID!]) { createGroup(input: { name: "deep", inboundIds: $i }) { id } }`,
      { i: [inbound.id] },
      { token: owner },
    ),
  );
});

/** POSTs a raw body to /graphql, signed in as the owner. */
async function post(body: BodyInit, headers: Record<string, string> = {}) {
  const response = await exports.default.fetch("http://panel.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${owner}`, ...headers },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** `{ groups { inbounds { servers { inbounds ... { id } } } } }`, `depth` fields deep counting the leaf. */
function queryOfDepth(depth: number): string {
  const chain = ["groups", ...Array.from({ length: depth - 2 }, (_, i) => (i % 2 === 0 ? "inbounds" : "servers"))];
  return `{ ${chain.map((f) => `${f} { `).join("")}id ${" }".repeat(chain.length)} }`;
}

describe("query limits", () => {
  it(`runs a query ${QUERY_LIMITS.maxDepth} fields deep and refuses one deeper with a validation error`, async () => {
    const deepest = ok(await gql(queryOfDepth(QUERY_LIMITS.maxDepth), {}, { token: owner }));
    expect(JSON.stringify(deepest)).toContain('"id"');
    const tooDeep = await gql(queryOfDepth(QUERY_LIMITS.maxDepth + 1), {}, { token: owner });
    expect(errorCode(tooDeep)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(tooDeep.errors![0]!.message).toContain(`depth limit of ${QUERY_LIMITS.maxDepth} exceeded`);
    expect(tooDeep.data).toBeUndefined();
  });

  it(`allows ${QUERY_LIMITS.maxAliases} aliases and refuses more`, async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: healthCheck { ok }`).join(" ")} }`;
    const fine = ok(await gql(aliased(QUERY_LIMITS.maxAliases), {}, { token: owner }));
    expect(Object.keys(fine)).toHaveLength(QUERY_LIMITS.maxAliases);
    const tooMany = await gql(aliased(QUERY_LIMITS.maxAliases + 1), {}, { token: owner });
    expect(errorCode(tooMany)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(tooMany.errors![0]!.message).toMatch(/Aliases limit/);
    expect(tooMany.data).toBeUndefined();
  });

  it(`allows ${QUERY_LIMITS.maxDirectives} directives and refuses more`, async () => {
    const directed = (n: number) =>
      `{ healthCheck { ${Array.from({ length: n }, () => "ok @include(if: true)").join(" ")} } }`;
    ok(await gql(directed(QUERY_LIMITS.maxDirectives), {}, { token: owner }));
    const tooMany = await gql(directed(QUERY_LIMITS.maxDirectives + 1), {}, { token: owner });
    expect(errorCode(tooMany)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(tooMany.data).toBeUndefined();
  });

  it(`parses a document of ${QUERY_LIMITS.maxTokens} tokens and refuses a longer one unparsed`, async () => {
    // "{ healthCheck {" and "} }" are five tokens; every repeated "ok" is one more.
    const ofTokens = (n: number) => `{ healthCheck { ${Array.from({ length: n - 5 }, () => "ok").join(" ")} } }`;
    expect(ok(await gql(ofTokens(QUERY_LIMITS.maxTokens), {}, { token: owner })).healthCheck.ok).toBe(true);
    const tooLong = await gql(ofTokens(QUERY_LIMITS.maxTokens + 1), {}, { token: owner });
    expect(errorCode(tooLong)).toBe("GRAPHQL_PARSE_FAILED");
    expect(tooLong.errors![0]!.message).toMatch(/Token limit/);
  });

  it(`serves pages of up to ${MAX_PAGE_SIZE} and refuses bigger ones`, async () => {
    for (const field of ["users", "auditLog"]) {
      const query = `query ($n: Int) { ${field}(page: { first: $n }) { pageInfo { hasNextPage } } }`;
      ok(await gql(query, { n: MAX_PAGE_SIZE }, { token: owner }));
      const tooBig = await gql(query, { n: MAX_PAGE_SIZE + 1 }, { token: owner });
      expect(errorCode(tooBig), field).toBe("BAD_USER_INPUT");
      expect(tooBig.errors![0]!.extensions!.fields).toEqual([
        { path: "first", message: expect.stringContaining(String(MAX_PAGE_SIZE)) },
      ]);
    }
  });
});

describe("malformed requests", () => {
  const CREATE_GROUP = `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`;

  // These requests are signed in: the larger limit is theirs (workers/import/import.test.ts tests both).
  it(`refuses a body over ${MAX_AUTHORIZED_GRAPHQL_BODY_BYTES / 1024} KB with 413 and a JSON error, running nothing`, async () => {
    const groups = await countRows("groups");
    const body = JSON.stringify({
      query: CREATE_GROUP,
      variables: { input: { name: unique("big") }, padding: "x".repeat(MAX_AUTHORIZED_GRAPHQL_BODY_BYTES) },
    });
    const response = await post(body);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: expect.any(String) } });
    expect(await countRows("groups")).toBe(groups);
  });

  it("refuses an oversized body sent without a length, as a stream", async () => {
    const chunk = new TextEncoder().encode(
      `{"query":"{ healthCheck { ok } }","variables":{"padding":"${"x".repeat(64 * 1024)}`,
    );
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i <= MAX_AUTHORIZED_GRAPHQL_BODY_BYTES / chunk.length; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await post(stream);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("accepts a large body under the limit", async () => {
    const body = JSON.stringify({
      query: "{ healthCheck { ok } }",
      variables: { padding: "x".repeat(MAX_BODY_BYTES - 1024) },
    });
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).data).toEqual({ healthCheck: { ok: true } });
  });

  it("answers a body that is not JSON with 400 BAD_USER_INPUT", async () => {
    for (const body of ["{not json", "", "[1, 2", "null"]) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      expect(JSON.parse(response.text).errors[0].extensions.code, body).toBe("BAD_USER_INPUT");
    }
  });

  it("answers variables of the wrong type with 400 BAD_USER_INPUT naming the variable, and runs nothing", async () => {
    const groups = await countRows("groups");
    const audit = await countRows("audit_log");
    const wrong = [
      { input: { name: 5 } },
      { input: { name: unique("g"), inboundIds: [{ id: 1 }] } },
      { input: { name: unique("g"), surprise: true } },
      { input: "a string" },
      {},
    ];
    for (const variables of wrong) {
      const response = await gql(CREATE_GROUP, variables, { token: owner });
      expect(response.status, JSON.stringify(variables)).toBe(400);
      expect(errorCode(response), JSON.stringify(variables)).toBe("BAD_USER_INPUT");
      expect(response.errors![0]!.message).toContain("$input");
      expect(response.data).toBeUndefined();
    }
    expect(await countRows("groups")).toBe(groups);
    expect(await countRows("audit_log")).toBe(audit);
  });

  it("keeps a custom scalar's own code when a variable fails it", async () => {
    const response = await gql(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { username: unique("u"), dataLimit: -5 } },
      { token: owner },
    );
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    expect(response.errors![0]!.message).toMatch(/\$input.*Bytes/);
  });

  it("answers a syntax error with GRAPHQL_PARSE_FAILED and where it is", async () => {
    const response = await post(JSON.stringify({ query: "{ healthCheck { ok }" }));
    expect(response.status).toBeLessThan(500);
    const [error] = JSON.parse(response.text).errors;
    expect(error).toMatchObject({ extensions: { code: "GRAPHQL_PARSE_FAILED" }, locations: [{ line: 1, column: 21 }] });
  });
});

// Last in the file: it breaks the database this file owns.
describe("unexpected errors", () => {
  it("reach the client as a bare INTERNAL_SERVER_ERROR, without message, stack or SQL", async () => {
    await env.DB.exec("DROP TABLE settings");
    const response = await exports.default.fetch("http://panel.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${owner}` },
      body: JSON.stringify({ query: "{ settings { subscriptionUrlPrefix } }" }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as {
      data: unknown;
      errors: { message: string; path: string[]; extensions: Record<string, unknown> }[];
    };
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({
      message: "Internal server error",
      path: ["settings"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(Object.keys(body.errors[0]!.extensions)).toEqual(["code"]);
    for (const leak of [/select/i, /from/i, /sqlite/i, /D1_/, /no such table/i, /\.ts:\d+/, /at /])
      expect(text).not.toMatch(leak);
  });
});
