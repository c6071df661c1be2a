import type { GraphQLModule } from "../../graphql/module";
import { setIpAllowlist } from "./allowlist";

const typeDefs = /* GraphQL */ `
  extend type Admin {
    "Networks (IPv4/IPv6 CIDR) this admin may sign in and work from; empty means anywhere. Checked on every request."
    ipAllowlist: [String!]!
    "The admin signs in with a passkey (or OIDC) only; its password alone is refused."
    passwordLoginDisabled: Boolean!
  }

  extend type Mutation {
    """
    Sets an admin's IP allowlist (e.g. ["203.0.113.0/24", "2001:db8::/32"]); [] allows anywhere.
    adminId defaults to the signed-in admin; only the owner sets another's. A list without the
    caller's own current address is refused. Returns the list in canonical form.
    """
    setIpAllowlist(adminId: ID, cidrs: [String!]!): [String!]!
  }
`;

export const allowlistModule: GraphQLModule = {
  typeDefs,
  rules: { "Mutation.setIpAllowlist": "signed-in" },
  resolvers: {
    Admin: {
      ipAllowlist: (a) => a.ipAllowlist ?? [],
      passwordLoginDisabled: (a) => a.passwordLoginDisabled,
    },
    Mutation: {
      setIpAllowlist: (_, args, ctx) => setIpAllowlist(ctx, args.adminId, args.cidrs),
    },
  },
};
