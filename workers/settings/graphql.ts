import { type GraphQLModule, upperCaseEnum } from "../graphql/module";
import { INACTIVE_USER_RESPONSES, readSettings, REFUND_POLICIES, type Settings, updateSettings } from "./settings";

export type InactiveUserResponse = Settings["inactiveUserResponse"];
export type RefundPolicy = Settings["billingRefundPolicy"];

const typeDefs = /* GraphQL */ `
  "What disabled, limited and expired users get from their subscription link: never a working config."
  enum InactiveUserResponse {
    "A config that cannot connect, whose name explains the state and how to renew."
    PLACEHOLDER
    "HTTP 403."
    FORBIDDEN
    "HTTP 404, exactly as for a link that never existed."
    NOT_FOUND
  }

  "What a card refund reported by Stripe does to the user who bought with it."
  enum RefundPolicy {
    "The user's time ends now; an admin can give it back."
    REVOKE
    "The invoice is flagged for an admin; the user keeps what it bought."
    FLAG
  }

  "A path prefix of the panel users moved from, answered as /sub/ is, so the links their phones hold keep working."
  type LegacySubscriptionPath {
    "Starts and ends with /, e.g. /xui-sub/, /json/, or / for Remnawave's https://host/<shortUuid> (then only for tokens that exist, never over the panel's own pages)."
    prefix: String!
    "Forces this format (3x-ui's /json/ is XRAY_JSON); null lets the client's rules choose. PAGE is not accepted."
    format: SubscriptionFormat
  }

  input LegacySubscriptionPathInput {
    prefix: String!
    format: SubscriptionFormat
  }

  type Settings {
    "Base of subscription links, e.g. https://sub.example.com; empty means the address the panel is reached on."
    subscriptionUrlPrefix: String!
    "The profile name clients show (profile-title). User variables: {username} {status} {statusEmoji} {dataUsed} {dataLeft} {dataLimit} {daysLeft} {expireDate}."
    subscriptionTitle: String!
    "How often clients refetch the subscription (profile-update-interval), 1 to 168 hours."
    subscriptionUpdateIntervalHours: Int!
    "support-url header; empty leaves it out."
    subscriptionSupportUrl: String!
    "A short message clients such as Happ and v2RayTun show (announce); empty leaves it out."
    subscriptionAnnounce: String!
    "Each server's name in the client: the user variables plus {node} {protocol} {transport} {security} {inbound}."
    subscriptionRemarkTemplate: String!
    inactiveUserResponse: InactiveUserResponse!
    "Devices (x-hwid) one user may fetch the subscription from; 0 turns the limit off."
    deviceLimit: Int!
    "A Happ routing payload, sent as the routing header with routing-enable: true; empty leaves both out."
    subscriptionRouting: String!
    "Sends hide-settings: 1, so clients that honour it hide server settings from the user."
    subscriptionHideSettings: Boolean!
    billingRefundPolicy: RefundPolicy!
    "Stripe Checkout computes and adds tax (needs Stripe Tax set up in the Stripe account)."
    billingAutomaticTax: Boolean!
    "How long an invoice can be paid for, 1 to 720 hours."
    invoiceTtlHours: Int!
    "Admins of these roles must use TOTP (or a passkey). One without TOTP that signs in with its password may only enroll (beginTotpEnrollment) until it has."
    totpRequiredRoles: [AdminRole!]!
    "Browser origins besides the panel's own that may call the API (CORS), e.g. https://dash.example.com; the panel's own pages never need one. Every other origin gets no Access-Control-Allow-Origin."
    corsAllowedOrigins: [String!]!
    "Old panels' subscription path prefixes this panel also answers (at most 10). /sub/ (ours, Marzban's and PasarGuard's default) and /api/sub/ (Remnawave's) are always answered."
    legacySubscriptionPaths: [LegacySubscriptionPath!]!
    "Hours between scheduled backups (0 turns them off; default 24)."
    backupIntervalHours: Int!
    "Backups kept at least (newest first), 1 to 1000."
    backupKeepCount: Int!
    "Backups older than this many days are deleted once more than backupKeepCount exist; the newest always stays."
    backupKeepDays: Int!
    "Move nodes whose agent is older than the panel's built-in release to it automatically."
    agentAutoUpdate: Boolean!
    "Percentages of the data limit at which a user is reminded, once per usage period each (default [80])."
    reminderUsagePercents: [Int!]!
    "Days before expiry at which a user is reminded, once per expiry date each (default [3])."
    reminderDaysLeft: [Int!]!
    "Failed sign-ins for one login or address within 15 minutes that raise admin.sign_in_failures (default 5)."
    failedSignInAlertThreshold: Int!
    "Days kept: hourly traffic rows (default 30)."
    retentionHourlyDays: Int!
    "Days kept: daily traffic rows and status snapshots (default 400)."
    retentionDailyDays: Int!
    "Days kept: audit log (default 365)."
    retentionAuditDays: Int!
    "Days kept: events in the notification centre and their delivery log (default 90)."
    retentionEventDays: Int!
    "Days kept: signed-out and expired sessions (default 30)."
    retentionSessionDays: Int!
    "Minutes over which a user's distinct client addresses are counted against its device limit (default 60)."
    sharingWindowMinutes: Int!
  }

  "Omitted fields keep their values."
  input UpdateSettingsInput {
    subscriptionUrlPrefix: String
    subscriptionTitle: String
    subscriptionUpdateIntervalHours: Int
    subscriptionSupportUrl: String
    subscriptionAnnounce: String
    subscriptionRemarkTemplate: String
    inactiveUserResponse: InactiveUserResponse
    deviceLimit: Int
    subscriptionRouting: String
    subscriptionHideSettings: Boolean
    billingRefundPolicy: RefundPolicy
    billingAutomaticTax: Boolean
    invoiceTtlHours: Int
    totpRequiredRoles: [AdminRole!]
    corsAllowedOrigins: [String!]
    legacySubscriptionPaths: [LegacySubscriptionPathInput!]
    backupIntervalHours: Int
    backupKeepCount: Int
    backupKeepDays: Int
    agentAutoUpdate: Boolean
    reminderUsagePercents: [Int!]
    reminderDaysLeft: [Int!]
    failedSignInAlertThreshold: Int
    retentionHourlyDays: Int
    retentionDailyDays: Int
    retentionAuditDays: Int
    retentionEventDays: Int
    retentionSessionDays: Int
    sharingWindowMinutes: Int
  }

  extend type Query {
    settings: Settings!
  }

  extend type Mutation {
    updateSettings(input: UpdateSettingsInput!): Settings!
  }
`;

export const settingsModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.settings": "settings:read",
    "Mutation.updateSettings": "settings:write",
  },
  resolvers: {
    RefundPolicy: upperCaseEnum(REFUND_POLICIES),
    InactiveUserResponse: upperCaseEnum(INACTIVE_USER_RESPONSES),
    Query: {
      settings: (_, __, ctx) => readSettings(ctx.db),
    },
    Mutation: {
      updateSettings: (_, args, ctx) => updateSettings(ctx, args.input),
    },
  },
};
