import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import allowList from "../../../workers/graphql/persisted-operations.json";
import * as auth from "../graphql/auth";
import { operationBody, type Document } from "./operation";

/** Every document the SPA can send (fragments.ts only holds field lists): each must be on the Worker's allow-list. */
const modules = import.meta.glob<Record<string, Document>>(
  ["../graphql/*.ts", "!../graphql/fragments.ts", "!../graphql/*.test.ts"],
  { eager: true },
);
const documents = Object.values(modules).flatMap((module) => Object.entries(module));

describe("request bodies name persisted operations", () => {
  it("sends each document's allow-listed id and its variables, never the query text", () => {
    expect(documents.length).toBe(Object.keys(allowList).length);
    for (const [name, document] of documents) {
      const body = JSON.parse(operationBody(document, { id: "7" }));
      expect(Object.keys(body).sort(), name).toEqual(["extensions", "variables"]);
      expect(body.variables).toEqual({ id: "7" });
      expect(body.extensions.persistedQuery.version).toBe(1);
      const text = (allowList as Record<string, string>)[body.extensions.persistedQuery.sha256Hash];
      expect(text, name).toBeDefined();
      const operations = parse(text!).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(operations.map((o) => o.name?.value)).toEqual([name]);
    }
  });

  it("gives different documents different ids and the same document the same one", () => {
    const id = (document: Document<unknown, never>) =>
      JSON.parse(operationBody(document)).extensions.persistedQuery.sha256Hash;
    expect(id(auth.Me)).toBe(id(auth.Me));
    expect(id(auth.Me)).not.toBe(id(auth.Logout));
    expect(id(auth.Me)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a document codegen has not seen, rather than send a request the panel would refuse", () => {
    expect(() => operationBody({} as Document)).toThrow(/npm run codegen/);
  });
});
