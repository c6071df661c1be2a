import { describe, expect, it } from "vitest";
import { idsByOperationName, keepOnlyIds } from "./ids-only";

const ids = idsByOperationName({
  aaa: "query Me { me { id } }",
  bbb: "fragment Row on User { id } query Users { users { edges { node { ...Row } } } }",
});

describe("the build keeps only persisted ids", () => {
  it("replaces each operation with its id, each fragment and the import of graphql with nothing, and leaves the rest", () => {
    const code = [
      'import { graphql } from "./generated";',
      "/* Ünïcode before a call moves no offsets */",
      "export const Me = graphql(`query Me { me { id } }`);",
      "export const Row = graphql(`fragment Row on User { id }`);",
      "export const Users = graphql(`\n  query Users { users { edges { node { ...Row } } } }\n`);",
    ].join("\n");
    expect(keepOnlyIds(code, ids)).toBe(
      [
        "",
        "/* Ünïcode before a call moves no offsets */",
        'export const Me = {"__meta__":{"hash":"aaa"}};',
        "export const Row = {};",
        'export const Users = {"__meta__":{"hash":"bbb"}};',
      ].join("\n"),
    );
  });

  it("refuses interpolation and an operation codegen has not listed", () => {
    expect(() => keepOnlyIds("const id = 1; graphql(`query X { user(id: ${id}) { id } }`);", ids)).toThrow(
      /interpolation/,
    );
    expect(() => keepOnlyIds("graphql(`query Nobody { me { id } }`);", ids)).toThrow(/Nobody is not in/);
  });
});
