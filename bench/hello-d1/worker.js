// The hello-world Worker plus one D1 statement per request through the bare binding (no drizzle):
// what a D1 round trip costs workerd locally (client, local D1 and the hop between them), so a
// panel request's statements can be told apart from the panel's own code (bench/graphql-cpu.mjs).
export default {
  async fetch(_request, env) {
    const row = await env.DB.prepare("SELECT ?1 AS hello").bind("hello").first();
    return new Response(row.hello);
  },
};
