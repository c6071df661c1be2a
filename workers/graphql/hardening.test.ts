import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import checkedInManifest from "./persisted-operations.json";
import generatedManifest from "../../web/src/graphql/generated/persisted-documents.json";
import { arbitraryOperationsAllowed, buildManifest, operationId } from "./persisted-operations";
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
  // `npm run typecheck` (graphql-codegen --check) fails when that manifest no longer matches the SPA's documents.
  it("is written from the SPA's generated manifest and checked in up to date (npm run persisted:generate)", async () => {
    expect(await buildManifest(generatedManifest, buildSchema())).toEqual(checkedInManifest);
  });

  it("ids documents by SHA-256 of their text, and refuses a wrong id and invalid operations", async () => {
    const me = "query Me { me { id } }";
    const users = "query Users { users { totalCount } }";
    const manifest = await buildManifest(
      { [await operationId(users)]: users, [await operationId(me)]: me },
      buildSchema(),
    );
    expect(manifest[await operationId(me)]).toBe(me);
    expect(Object.keys(manifest)).toHaveLength(2);
    await expect(buildManifest({ ["0".repeat(64)]: me }, buildSchema())).rejects.toThrow(/not the SHA-256/);
    const invalid = "{ noSuchField }";
    await expect(buildManifest({ [await operationId(invalid)]: invalid }, buildSchema())).rejects.toThrow(
      /does not validate/,
    );
  });
});
