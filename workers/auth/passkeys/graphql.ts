import type { AppContext } from "../../graphql/context";
import type { GraphQLModule } from "../../graphql/module";
import { authPayload } from "../graphql";
import {
  beginPasskeyLogin,
  beginPasskeyRegistration,
  finishPasskeyLogin,
  finishPasskeyRegistration,
  listMyPasskeys,
  removePasskey,
  renamePasskey,
  setPasswordLogin,
} from "./passkeys";
import type { passkeys } from "./table";

export type PasskeyRow = typeof passkeys.$inferSelect;

const typeDefs = /* GraphQL */ `
  "A WebAuthn credential (passkey) of the signed-in admin."
  type Passkey {
    "The credential id (base64url)."
    id: ID!
    name: String!
    createdAt: DateTime!
    lastUsedAt: DateTime
  }

  """
  Server-side state of a WebAuthn ceremony (single use, five minutes). Pass options to
  navigator.credentials.create/get (decode base64url fields, or use @simplewebauthn/browser's
  startRegistration/startAuthentication), then send the result back with challengeToken.
  """
  type PasskeyCeremony {
    challengeToken: String!
    expiresAt: DateTime!
    "PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON."
    options: JSON!
  }

  input FinishPasskeyRegistrationInput {
    challengeToken: String!
    "What the admin calls it, e.g. YubiKey or Work laptop."
    name: String!
    "JSON.stringify of the browser's credential (PublicKeyCredential.toJSON(), a RegistrationResponseJSON)."
    response: String!
  }

  input FinishPasskeyLoginInput {
    challengeToken: String!
    "JSON.stringify of the browser's credential (PublicKeyCredential.toJSON(), an AuthenticationResponseJSON)."
    response: String!
  }

  extend type Query {
    myPasskeys: [Passkey!]!
  }

  extend type Mutation {
    beginPasskeyRegistration: PasskeyCeremony!
    finishPasskeyRegistration(input: FinishPasskeyRegistrationInput!): Passkey!
    "Sign-in with a discoverable passkey: no username needed."
    beginPasskeyLogin: PasskeyCeremony!
    "A passkey with user verification is a complete sign-in: no TOTP step follows."
    finishPasskeyLogin(input: FinishPasskeyLoginInput!): AuthPayload!
    renamePasskey(id: ID!, name: String!): Passkey!
    "The last passkey cannot be removed while password sign-in is off."
    removePasskey(id: ID!): Boolean!
    "Password sign-in on or off for the signed-in admin; off needs at least one passkey. Returns the new state."
    setPasswordLogin(enabled: Boolean!): Boolean!
  }
`;

export const passkeysModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.myPasskeys": "signed-in",
    "Mutation.beginPasskeyRegistration": "signed-in",
    "Mutation.finishPasskeyRegistration": "signed-in",
    "Mutation.beginPasskeyLogin": "public",
    "Mutation.finishPasskeyLogin": "public",
    "Mutation.renamePasskey": "signed-in",
    "Mutation.removePasskey": "signed-in",
    "Mutation.setPasswordLogin": "signed-in",
  },
  resolvers: {
    Passkey: {
      createdAt: (p) => p.createdAtSec,
      lastUsedAt: (p) => p.lastUsedAtSec,
    },
    Query: {
      myPasskeys: (_, __, ctx) => listMyPasskeys(ctx),
    },
    Mutation: {
      beginPasskeyRegistration: (_, __, ctx) => beginPasskeyRegistration(ctx),
      finishPasskeyRegistration: (_, args, ctx) => finishPasskeyRegistration(ctx, args.input),
      beginPasskeyLogin: (_, __, ctx: AppContext) => beginPasskeyLogin(ctx),
      finishPasskeyLogin: async (_, args, ctx: AppContext) => authPayload(await finishPasskeyLogin(ctx, args.input)),
      renamePasskey: (_, args, ctx) => renamePasskey(ctx, args.id, args.name),
      removePasskey: (_, args, ctx) => removePasskey(ctx, args.id),
      setPasswordLogin: (_, args, ctx) => setPasswordLogin(ctx, args.enabled),
    },
  },
};
