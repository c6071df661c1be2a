import { z } from "zod";
import { parseInput } from "../../errors/validate";
import { type GraphQLModule, upperCaseEnum } from "../../graphql/module";
import { RECEIPTS_KEPT, recentReceipts } from "./receipts";
import { STRIPE_WEBHOOK_VERDICTS } from "./table";
import { STRIPE_WEBHOOK_EVENTS } from "./webhook";

const firstSchema = z.number().int().min(1).max(RECEIPTS_KEPT);

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
  resolvers: {
    StripeWebhookVerdict: upperCaseEnum(STRIPE_WEBHOOK_VERDICTS),
    Query: {
      // Whether each secret is set, never a byte of it: this answer is shown in a browser.
      billingStatus: async (_, __, ctx) => {
        // All that is kept is one small read; recentWebhooks(first) picks from it.
        const receipts = await recentReceipts(ctx.db, RECEIPTS_KEPT);
        return {
          stripe: {
            secretKeyConfigured: Boolean(ctx.env.STRIPE_SECRET_KEY),
            webhookSecretConfigured: Boolean(ctx.env.STRIPE_WEBHOOK_SECRET),
            // Where payers' invoice links point (the subscription prefix, else this address): the same Worker.
            webhookUrl: `${(await ctx.loaders.settings()).subscriptionUrlPrefix || ctx.origin}/webhooks/stripe`,
            webhookEvents: [...STRIPE_WEBHOOK_EVENTS],
            lastWebhook: receipts[0] ?? null,
            recentWebhooks: receipts,
          },
          onchainDepositSourceConfigured: Boolean(ctx.env.ONCHAIN_XPUB),
        };
      },
    },
    StripeStatus: {
      recentWebhooks: (parent, args) => parent.recentWebhooks.slice(0, parseInput(firstSchema, args.first ?? 10)),
    },
    StripeWebhookReceipt: { receivedAt: (row) => row.receivedAtSec },
  },
};
