import { env, exports } from "cloudflare:workers";
import { it } from "vitest";
import { gql, ownerToken } from "../test/api";

const raw = async (body: string, headers: Record<string, string> = {}) => {
  const r = await exports.default.fetch("http://panel.test/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: r.status, body: await r.text() };
};

it("probe", async () => {
  const token = await ownerToken();
  const log = (n: string, v: unknown) => console.log("PROBE", n, JSON.stringify(v).slice(0, 600));
  log("badjson", await raw("{not json"));
  log("badjson-auth", await raw("{not json", { authorization: `Bearer ${token}` }));
  log("vartype", await gql(`query ($id: ID!) { inbound(id: $id) { id } }`, { id: { a: 1 } }, { token }));
  log("vartype2", await gql(`query ($p: Pagination) { auditLog(page: $p) { pageInfo { hasNextPage } } }`, { p: { first: "x" } }, { token }));
  log("missingvar", await gql(`query ($id: ID!) { inbound(id: $id) { id } }`, {}, { token }));
  let q = "{ a: __typename }";
  const deep = `{ groups { inbounds { servers { inbounds { servers { inbounds { servers { inbounds { servers { inbounds { id } } } } } } } } } } }`;
  log("deep", await gql(deep, {}, { token }));
  const aliases = "{ " + Array.from({ length: 16 }, (_, i) => `a${i}: healthCheck { ok }`).join(" ") + " }";
  log("aliases", await gql(aliases, {}, { token }));
  const tokens = "{ healthCheck { " + Array.from({ length: 2100 }, () => "ok").join(" ") + " } }";
  log("tokens", await gql(tokens, {}, { token }));
  log("syntax", await gql("{ healthCheck { ok }", {}, { token }));
  log("unknownfield", await gql("{ nope }", {}, { token }));
  log("big", await raw(JSON.stringify({ query: "{ healthCheck { ok } }", variables: { x: "a".repeat(300_000) } })));
  log("page101", await gql(`{ auditLog(page: { first: 101 }) { pageInfo { hasNextPage } } }`, {}, { token }));
  log("page101users", await gql(`{ users(page: { first: 101 }) { totalCount } }`, {}, { token }));
  await env.DB.exec("DROP TABLE settings");
  log("internal", await gql(`{ settings { subscriptionUrlPrefix } }`, {}, { token }));
});
