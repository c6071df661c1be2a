import type { GraphQLModule } from "../../graphql/module";
import { resealSecrets } from "./reseal";
import {
  beginTotpEnrollment,
  confirmTotpEnrollment,
  disableTotp,
  regenerateBackupCodes,
  twoFactorOverview,
} from "./enrollment";

const typeDefs = /* GraphQL */ `
  "The signed-in admin's sign-in factors."
  type TwoFactorStatus {
    totpEnabled: Boolean!
    totpEnabledAt: DateTime
    "Unused backup codes; regenerate them when few are left."
    backupCodesLeft: Int!
    "The admin signs in with a passkey only (setPasswordLogin)."
    passwordLoginDisabled: Boolean!
    "This session may do nothing but enroll TOTP: the admin's role requires it (Settings.totpRequiredRoles)."
    mustEnrollTotp: Boolean!
  }

  "Shown once, while enrolling: add it to an authenticator app, then confirm with a code."
  type TotpEnrollment {
    "Base32, for typing in by hand."
    secret: String!
    "otpauth://totp/... URI, what the QR code holds."
    uri: String!
    "The URI as an SVG QR code, ready to inline."
    qrSvg: String!
  }

  extend type Query {
    twoFactor: TwoFactorStatus!
  }

  extend type Mutation {
    "Step 1 of turning TOTP on: a new secret (not in force until confirmed). Restarting replaces an unconfirmed one."
    beginTotpEnrollment: TotpEnrollment!
    "Step 2: a current code from the app turns TOTP on. Returns ten one-time backup codes, shown only now."
    confirmTotpEnrollment(code: String!): [String!]!
    "Turns TOTP off; needs a current TOTP or backup code."
    disableTotp(code: String!): Boolean!
    "Ten new backup codes (the old ones stop working); needs a current TOTP or backup code."
    regenerateBackupCodes(code: String!): [String!]!
    "After putting a new key first in SECRETS_KEY: reseals every secret under it and returns how many moved. Then the old key can go (README: Access security)."
    resealSecrets: Int!
  }
`;

export const totpModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.twoFactor": "signed-in",
    "Mutation.beginTotpEnrollment": "signed-in",
    "Mutation.confirmTotpEnrollment": "signed-in",
    "Mutation.disableTotp": "signed-in",
    "Mutation.regenerateBackupCodes": "signed-in",
    "Mutation.resealSecrets": "admins:manage",
  },
  resolvers: {
    Query: {
      twoFactor: (_, __, ctx) => twoFactorOverview(ctx),
    },
    Mutation: {
      beginTotpEnrollment: (_, __, ctx) => beginTotpEnrollment(ctx),
      confirmTotpEnrollment: (_, args, ctx) => confirmTotpEnrollment(ctx, args.code),
      disableTotp: (_, args, ctx) => disableTotp(ctx, args.code),
      regenerateBackupCodes: (_, args, ctx) => regenerateBackupCodes(ctx, args.code),
      resealSecrets: (_, __, ctx) => resealSecrets(ctx),
    },
  },
};
