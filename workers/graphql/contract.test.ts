import { describe, expect, it } from "vitest";
import checkedIn from "../../schema.graphql?raw";
import { printContract } from "./contract";
import { operationRules } from "./schema";

describe("schema.graphql", () => {
  it("matches the schema the code builds (run `npm run schema:print` after an API change)", () => {
    expect(printContract()).toBe(checkedIn);
  });

  it("keeps the seed spec's names", () => {
    // users gained an optional order argument (printed in alphabetical order): an extension, not a rename.
    expect(checkedIn).toContain("users(filter: UserFilter, order: UserOrder, page: Pagination): UserConnection!");
    for (const name of [
      "user(id: ID!): User",
      "servers(filter: ServerFilter): [Server!]!",
      "server(id: ID!): Server",
      "systemStatus: SystemStatus!",
      "healthCheck: HealthStatus!",
      "login(input: LoginInput!): AuthPayload!",
      "logout: Boolean!",
      "refreshToken(token: String!): AuthPayload!",
      "createUser(input: CreateUserInput!): User!",
      "updateUser(id: ID!, input: UpdateUserInput!): User!",
      "deleteUser(id: ID!): Boolean!",
      "createInbound(input: CreateInboundInput!): Inbound!",
      "updateInbound(id: ID!, input: UpdateInboundInput!): Inbound!",
      "deleteInbound(id: ID!): Boolean!",
    ]) {
      expect(checkedIn).toContain(name);
    }
  });

  it("has an authorisation rule for every root field and no rule for a field that does not exist", () => {
    const fields = [...checkedIn.matchAll(/^type (Query|Mutation|Subscription) \{\n([\s\S]*?)\n\}/gm)].flatMap(
      ([, type, body]) => [...body!.matchAll(/^ {2}(\w+)[(:]/gm)].map(([, field]) => `${type}.${field}`),
    );
    expect(fields.length).toBeGreaterThan(20);
    expect(Object.keys(operationRules).sort()).toEqual(fields.sort());
  });
});
