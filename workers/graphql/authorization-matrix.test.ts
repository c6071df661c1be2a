import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLObjectType,
} from "graphql";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { HUB_NAME } from "../live/topics";
import { adminAs, gql, ownerToken, type GraphQLResponse } from "../test/api";
import { subscribe } from "../test/sse";
import { EXPECTED_ACCESS, type LowestRole } from "./authorization-matrix.expected";
import { buildSchema } from "./schema";

/*
 * The authorisation matrix, generated from the schema: every root operation is called over
 * HTTP as anonymous, reseller, admin and owner, with arguments of the right types (so the
 * request reaches the resolver), and whether the authorisation layer let it through is compared
 * with EXPECTED_ACCESS. Resolvers may still refuse the dummy arguments; only a refusal by the
 * rule (extensions.rule) counts as "denied".
 */

const ROLES = ["anonymous", "reseller", "admin", "owner"] as const;
type Role = (typeof ROLES)[number];
const RANK: Record<LowestRole, number> = { anonymous: 0, reseller: 1, admin: 2, owner: 3 };

const schema = buildSchema();
const roots = (["Query", "Mutation", "Subscription"] as const)
  .map((name) => schema.getType(name) as GraphQLObjectType | undefined)
  .filter((t): t is GraphQLObjectType => t !== undefined);
const operations = roots.flatMap((type) =>
  Object.values(type.getFields()).map((field) => ({ key: `${type.name}.${field.name}`, type, field })),
);

/** A value of the given input type that passes GraphQL validation; resolvers may still refuse it. */
function dummyValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummyValue(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, dummyValue(f.type)]),
    );
  }
  if (isScalarType(type)) {
    const samples: Record<string, unknown> = {
      ID: "999999",
      String: "x",
      Int: 1,
      Float: 1,
      Boolean: false,
      Bytes: 1,
      DateTime: "2030-01-01T00:00:00Z",
    };
    if (!(type.name in samples)) throw new Error(`add a sample value for the scalar ${type.name}`);
    return samples[type.name];
  }
  throw new Error(`no dummy value for ${String(type)}`);
}

function documentFor(operation: (typeof operations)[number]) {
  const required = operation.field.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  const params = required.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const args = required.map((a) => `${a.name}: $${a.name}`).join(", ");
  const returns = getNamedType(operation.field.type);
  const selection = isScalarType(returns) || isEnumType(returns) ? "" : "{ __typename }";
  const keyword = operation.type.name.toLowerCase();
  return {
    query: `${keyword}${params ? ` (${params})` : ""} { ${operation.field.name}${args ? `(${args})` : ""} ${selection} }`,
    variables: Object.fromEntries(required.map((a) => [a.name, dummyValue(a.type)])),
  };
}

/**
 * A subscription over SSE: a refused (or failed) one answers at once with an error event; an
 * admitted one opens its socket to the live hub and waits for news, which counts as allowed.
 */
async function trySubscription(
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
): Promise<GraphQLResponse> {
  const hub = env.HUB.getByName(HUB_NAME);
  const before = await hub.connections();
  const stream = await subscribe(query, variables, token);
  const answered = stream.nextEvent().then((event) => event.data as GraphQLResponse);
  answered.catch(() => undefined); // the stream ends when cancelled below
  // Polls until the hub holds the socket, and stops polling once the answer came first, so
  // nothing is left running (or rejecting) after the race.
  let decided = false;
  const admitted = (async (): Promise<GraphQLResponse | undefined> => {
    while (!decided) {
      if ((await hub.connections()) > before) return { status: stream.response.status } as GraphQLResponse;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
  })();
  const result = await Promise.race([answered, admitted.then((admission) => admission ?? answered)]);
  decided = true;
  await admitted;
  await stream.cancel();
  // The next call's baseline must not include this socket still closing.
  await vi.waitFor(async () => expect(await hub.connections()).toBe(before), { timeout: 30_000, interval: 20 });
  return { ...result, status: stream.response.status };
}

let tokens: Record<Role, string | undefined>;

beforeAll(async () => {
  const owner = await ownerToken();
  const [admin, reseller] = await Promise.all([adminAs(owner, "ADMIN"), adminAs(owner, "RESELLER")]);
  tokens = { anonymous: undefined, reseller: reseller.token, admin: admin.token, owner };
});

const deniedByRule = (response: GraphQLResponse) =>
  response.errors?.some((e) => e.extensions?.rule !== undefined) ?? false;

describe("authorisation matrix", () => {
  it("has an expectation for every root operation, and none for operations that do not exist", () => {
    const keys = operations.map((o) => o.key).sort();
    expect(
      keys.filter((k) => !(k in EXPECTED_ACCESS)),
      "operations without an entry in authorization-matrix.expected.ts",
    ).toEqual([]);
    expect(
      Object.keys(EXPECTED_ACCESS).filter((k) => !keys.includes(k)),
      "entries for operations that no longer exist",
    ).toEqual([]);
  });

  it("lets each role call exactly what the table says, and nothing crashes on type-correct input", async () => {
    // logout ends the caller's session, so it goes last.
    const ordered = [...operations].sort(
      (a, b) => Number(a.key === "Mutation.logout") - Number(b.key === "Mutation.logout"),
    );
    const actual: Record<string, Record<Role, "allow" | "deny">> = {};
    const expected: typeof actual = {};
    const crashes: string[] = [];
    for (const operation of ordered) {
      const { query, variables } = documentFor(operation);
      actual[operation.key] = {} as Record<Role, "allow" | "deny">;
      expected[operation.key] = {} as Record<Role, "allow" | "deny">;
      for (const role of ROLES) {
        const response =
          operation.type.name === "Subscription"
            ? await trySubscription(query, variables, tokens[role])
            : await gql(query, variables, { token: tokens[role], ip: "198.51.100.1" });
        if (response.status >= 500 || response.errors?.some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR"))
          crashes.push(`${operation.key} as ${role}`);
        actual[operation.key]![role] = deniedByRule(response) ? "deny" : "allow";
        const lowest = EXPECTED_ACCESS[operation.key];
        expected[operation.key]![role] = lowest !== undefined && RANK[role] >= RANK[lowest] ? "allow" : "deny";
      }
    }
    expect(crashes).toEqual([]);
    expect(actual).toEqual(expected);
  }, 60_000);
});
