import { buildSchema, graphql, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { selectsField } from "./selection";

const schema = buildSchema(`
  type Owner { name: String! }
  type Item { owner: Owner! id: Int! }
  type Connection { totalCount: Int! items: [Item!]! }
  type Query { list: Connection! }
`);

async function asksFor(query: string, path = ["totalCount"]): Promise<boolean> {
  let asked: boolean | undefined;
  const list = (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
    asked = selectsField(info, ...path);
    return { totalCount: 0, items: [] };
  };
  const result = await graphql({ schema, source: query, rootValue: { list } });
  expect(result.errors).toBeUndefined();
  return asked!;
}

describe("selectsField", () => {
  it("sees a field asked for directly, in an inline fragment or in a named fragment", async () => {
    expect(await asksFor("{ list { totalCount items { id } } }")).toBe(true);
    expect(await asksFor("{ list { ... on Connection { totalCount } } }")).toBe(true);
    expect(await asksFor("{ list { ...Counted } } fragment Counted on Connection { items { id } totalCount }")).toBe(
      true,
    );
  });

  it("does not see a field the query leaves out", async () => {
    expect(await asksFor("{ list { items { id } } }")).toBe(false);
    expect(await asksFor("{ list { ...Items } } fragment Items on Connection { items { id } }")).toBe(false);
    expect(await asksFor("{ list { items { id } } }", ["items", "owner"])).toBe(false);
  });

  it("follows a path through nested fields and fragments", async () => {
    expect(await asksFor("{ list { items { owner { name } } } }", ["items", "owner"])).toBe(true);
    const spread = "{ list { items { ...Row } } } fragment Row on Item { id ... on Item { owner { name } } }";
    expect(await asksFor(spread, ["items", "owner"])).toBe(true);
  });
});
