/// <reference types="vite/client" />
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import checkedInManifest from "./persisted-operations.json";
import { arbitraryOperationsAllowed, buildManifest, extractOperations, operationId } from "./persisted-operations";
import { buildSchema } from "./schema";
import { errorCode, gql } from "../test/api";

// The worker under test runs with wrangler.toml's vars: ENVIRONMENT is "production".

const post = (body: unknown, headers: Record<string, string> = {}) =>
  exports.default.fetch("http://panel.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

/** What a page's fetch() adds to every request. */
const BROWSER = { "sec-fetch-mode": "cors", "sec-fetch-site": "same-origin", origin: "http://panel.test" };

describe("GraphQL hardening in production", () => {
  it("refuses introspection but answers __typename", async () => {
    const response = await gql(`{ __schema { types { name } } }`);
    expect(errorCode(response)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(errorCode(await gql(`{ __type(name: "User") { name } }`))).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(errorCode(await gql(`{ __typename }`))).toBeUndefined();
  });

  it("holds browsers to persisted operations, and lets scripts with a token send any query", async () => {
    const raw = await post({ query: `{ healthCheck { status } }` }, BROWSER);
    expect(raw.status).toBe(400);
    const body = (await raw.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("PERSISTED_QUERY_ONLY");
    expect(body.errors[0]!.message).toContain("persisted");

    const unknownId = await post(
      { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } },
      BROWSER,
    );
    expect(((await unknownId.json()) as typeof body).errors[0]!.extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    const script = await post({ query: `{ healthCheck { status } }` });
    expect(script.status).toBe(200);
  });

  it("runs every allow-listed operation from a browser by its id alone", async () => {
    for (const [id, document] of Object.entries(checkedInManifest as Record<string, string>)) {
      expect(await operationId(document)).toBe(id);
      const response = await post(
        { extensions: { persistedQuery: { version: 1, sha256Hash: id } }, variables: {} },
        BROWSER,
      );
      const result = (await response.json()) as { errors?: { extensions: { code: string } }[] };
      expect(result.errors?.map((e) => e.extensions.code) ?? []).not.toContain("PERSISTED_QUERY_NOT_FOUND");
      expect(result.errors?.map((e) => e.extensions.code) ?? []).not.toContain("PERSISTED_QUERY_ONLY");
    }
  });

  it("treats only browser requests in production as bound to the allow-list", () => {
    expect(arbitraryOperationsAllowed("production", new Headers())).toBe(true);
    expect(arbitraryOperationsAllowed("production", new Headers({ "sec-fetch-site": "same-origin" }))).toBe(false);
    // Node's fetch sends Sec-Fetch-Mode: cors; a script is not a browser.
    expect(arbitraryOperationsAllowed("production", new Headers({ "sec-fetch-mode": "cors" }))).toBe(true);
    expect(arbitraryOperationsAllowed("production", new Headers({ origin: "https://evil.example" }))).toBe(false);
    expect(arbitraryOperationsAllowed("development", new Headers(BROWSER))).toBe(true);
  });
});

describe("the persisted-operations allow-list", () => {
  it("is built from web/src/graphql and checked in up to date (npm run persisted:generate)", async () => {
    const sources = import.meta.glob("../../web/src/graphql/*.ts", {
      query: "?raw",
      import: "default",
      eager: true,
    }) as Record<string, string>;
    const files = Object.fromEntries(
      Object.entries(sources)
        .filter(([f]) => !f.endsWith(".test.ts"))
        .map(([f, text]) => [f.split("/").pop()!, text]),
    );
    expect(await buildManifest(extractOperations(files), buildSchema())).toEqual(checkedInManifest);
  });

  it("takes plain exported documents, ids them by SHA-256 of their text, and refuses interpolation and invalid operations", async () => {
    const ops = extractOperations({
      "users.ts": "export const Users = /* GraphQL */ `query Users { users { totalCount } }`;\nconst local = 1;",
      "me.ts": "export const Me = /* GraphQL */ `query Me { me { id } }`;",
    });
    expect(ops.map((o) => o.name)).toEqual(["Me", "Users"]);
    const manifest = await buildManifest(ops, buildSchema());
    expect(manifest[await operationId("query Me { me { id } }")]).toBe("query Me { me { id } }");
    expect(Object.keys(manifest)).toHaveLength(2);
    expect(() =>
      extractOperations({ "x.ts": "export const X = /* GraphQL */ `query { user(id: ${id}) { id } }`;" }),
    ).toThrow(/interpolates/);
    await expect(
      buildManifest(extractOperations({ "y.ts": "export const Y = /* GraphQL */ `{ noSuchField }`;" }), buildSchema()),
    ).rejects.toThrow(/does not validate/);
  });
});
