import type { GraphQLModule } from "../../graphql/module";

const notYet = (): never => {
  throw new Error("not implemented yet");
};

const typeDefs = /* GraphQL */ `
  enum StripeWebhookVerdict {
    "Verified and acted on."
    PROCESSED
    "Verified; this event id was processed before, so nothing changed."
    DUPLICATE
    "Verified; an event type the panel does not act on."
    IGNORED
    "The Stripe-Signature header was missing, forged, or signed with another secret (check STRIPE_WEBHOOK_SECRET)."
    BAD_SIGNATURE
    "Verified, but acting on it failed; Stripe retries it."
    FAILED
  }

  "One request to /webhooks/stripe and what the panel made of it."
  type StripeWebhookReceipt {
    receivedAt: DateTime!
    "Null when the signature did not verify."
    eventId: String
    eventType: String
    verdict: StripeWebhookVerdict!
    detail: String
  }

  type StripeStatus {
    "STRIPE_SECRET_KEY is set (its value is never shown)."
    secretKeyConfigured: Boolean!
    "STRIPE_WEBHOOK_SECRET is set (its value is never shown)."
    webhookSecretConfigured: Boolean!
    "What to paste into Stripe's dashboard as the endpoint URL."
    webhookUrl: String!
    "The events the endpoint must be subscribed to."
    webhookEvents: [String!]!
    lastWebhook: StripeWebhookReceipt
    "Newest first."
    recentWebhooks(first: Int = 10): [StripeWebhookReceipt!]!
  }

  "How the panel takes money, with no secret's value in it."
  type BillingStatus {
    stripe: StripeStatus!
    "ONCHAIN_XPUB is set: invoices can get their own deposit addresses (the key itself is never shown)."
    onchainDepositSourceConfigured: Boolean!
  }

  extend type Query {
    billingStatus: BillingStatus!
  }
`;

export const billingStatusModule: GraphQLModule = {
  typeDefs,
  rules: { "Query.billingStatus": "billing:read" },
  resolvers: { Query: { billingStatus: notYet } },
};
