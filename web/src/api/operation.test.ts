import { describe, expect, it } from "vitest";
import manifest from "../../../workers/graphql/persisted-operations.json";
import * as auth from "../graphql/auth";
import { operationBody } from "./operation";

/** Every document the SPA can send: each must be on the allow-list the build generated, by that id. */
const modules = import.meta.glob<Record<string, string>>("../graphql/*.ts", { eager: true });
const documents = Object.values(modules).flatMap((module) => Object.entries(module));

describe("request bodies name persisted operations", () => {
  it("sends each document's manifest id and its variables, never the query text", async () => {
    expect(documents.length).toBe(Object.keys(manifest).length);
    for (const [name, document] of documents) {
      const body = JSON.parse(await operationBody(document, { id: "7" }));
      expect(Object.keys(body).sort(), name).toEqual(["extensions", "variables"]);
      expect(body.variables).toEqual({ id: "7" });
      expect(body.extensions.persistedQuery.version).toBe(1);
      expect((manifest as Record<string, string>)[body.extensions.persistedQuery.sha256Hash], name).toBe(document);
    }
  });

  it("gives different documents different ids and the same document the same one", async () => {
    const id = async (document: string) =>
      JSON.parse(await operationBody(document)).extensions.persistedQuery.sha256Hash;
    expect(await id(auth.Me)).toBe(await id(auth.Me));
    expect(await id(auth.Me)).not.toBe(await id(auth.Logout));
    expect(await id(auth.Me)).toMatch(/^[0-9a-f]{64}$/);
  });
});
