import type { AppContext } from "../../graphql/context";
import type { GraphQLModule } from "../../graphql/module";
import { authPayload } from "../graphql";
import { linkOidcIdentity, listOidcIdentities, unlinkOidcIdentity } from "./identities";
import { beginOidcLogin, finishOidcLogin, oidcConfig } from "./oidc";
import type { oidcIdentities } from "./table";

export type IdentityRow = typeof oidcIdentities.$inferSelect;
export type OidcIdentityKind = IdentityRow["kind"];

const typeDefs = /* GraphQL */ `
  "What the sign-in screen can offer."
  type SignInOptions {
    "OpenID Connect sign-in is configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)."
    oidcEnabled: Boolean!
    oidcIssuer: String
  }

  """
  Send the browser to authorizationUrl. The provider returns it to /login/oidc?code=...&state=...
  on this panel's origin; that page calls finishOidcLogin with both.
  """
  type OidcSignIn {
    authorizationUrl: String!
    expiresAt: DateTime!
  }

  input FinishOidcLoginInput {
    state: String!
    code: String!
  }

  enum OidcIdentityKind {
    "The provider's stable user id (the sub claim)."
    SUBJECT
    "An email address the provider reports as verified (email_verified)."
    EMAIL
  }

  "An identity at the OpenID provider that signs in as an admin."
  type OidcIdentity {
    id: ID!
    adminId: ID!
    kind: OidcIdentityKind!
    value: String!
    createdAt: DateTime!
  }

  input LinkOidcIdentityInput {
    adminId: ID!
    kind: OidcIdentityKind!
    value: String!
  }

  extend type Query {
    signInOptions: SignInOptions!
    oidcIdentities: [OidcIdentity!]!
  }

  extend type Mutation {
    "Starts OpenID Connect sign-in (authorization code + PKCE; state and nonce are kept on the server for five minutes)."
    beginOidcLogin: OidcSignIn!
    "Finishes it: state must be one this panel issued and not yet used; the ID token's signature, issuer, audience and nonce are checked."
    finishOidcLogin(input: FinishOidcLoginInput!): AuthPayload!
    linkOidcIdentity(input: LinkOidcIdentityInput!): OidcIdentity!
    unlinkOidcIdentity(id: ID!): Boolean!
  }
`;

export const oidcModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.signInOptions": "public",
    "Query.oidcIdentities": "admins:manage",
    "Mutation.beginOidcLogin": "public",
    "Mutation.finishOidcLogin": "public",
    "Mutation.linkOidcIdentity": "admins:manage",
    "Mutation.unlinkOidcIdentity": "admins:manage",
  },
  resolvers: {
    OidcIdentityKind: { SUBJECT: "subject", EMAIL: "email" },
    OidcIdentity: {
      adminId: (i) => String(i.adminId),
      createdAt: (i) => i.createdAtSec,
    },
    Query: {
      signInOptions: (_, __, ctx: AppContext) => {
        const config = oidcConfig(ctx.env);
        return { oidcEnabled: config !== null, oidcIssuer: config?.issuer ?? null };
      },
      oidcIdentities: (_, __, ctx) => listOidcIdentities(ctx),
    },
    Mutation: {
      beginOidcLogin: (_, __, ctx: AppContext) => beginOidcLogin(ctx),
      finishOidcLogin: async (_, args, ctx: AppContext) => authPayload(await finishOidcLogin(ctx, args.input)),
      linkOidcIdentity: (_, args, ctx) => linkOidcIdentity(ctx, args.input),
      unlinkOidcIdentity: (_, args, ctx) => unlinkOidcIdentity(ctx, args.id),
    },
  },
};
