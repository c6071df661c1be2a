import { BENCH_OWNER } from "./seed.mjs";

/** POSTs one GraphQL request (text or persisted id) to the panel at `url`; its data, or throws its errors. */
export async function graphqlPost(url, payload, token) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(payload),
  });
  const json = await response.json();
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

/** The seeded owner's access token at the panel at `url`. */
export async function signInOwner(url) {
  const { login } = await graphqlPost(url, {
    query: "mutation ($input: LoginInput!) { login(input: $input) { accessToken } }",
    variables: { input: BENCH_OWNER },
  });
  return login.accessToken;
}

export const graphql = (url, query, variables, token) => graphqlPost(url, { query, variables }, token);

/** Adds a server at the panel and returns a token its agent enrolls with. */
export async function serverEnrollmentToken(url, token, input) {
  const { createServer } = await graphql(
    url,
    "mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }",
    { input: { address: "127.0.0.1", ...input } },
    token,
  );
  const { createServerEnrollment } = await graphql(
    url,
    "mutation ($id: ID!) { createServerEnrollment(id: $id) { token } }",
    { id: createServer.id },
    token,
  );
  return createServerEnrollment.token;
}
