import { graphql } from "./generated";

/** The Revenue page: one period's totals per currency, days and plans, every amount an exact decimal string. */
export const RevenuePage = graphql(`
  query RevenuePage($period: TimePeriod!) {
    analytics(period: $period) {
      from
      to
      revenueTotals {
        currency
        paid
        refunded
        net
        invoicesPaid
      }
      revenue {
        day
        currency
        paid
        refunded
        net
        invoicesPaid
      }
      revenueByPlan {
        currency
        paid
        refunded
        net
        invoicesPaid
        plan {
          id
          name
        }
      }
    }
  }
`);

/** The Stripe card: whether the secrets are set (never their values), where to point Stripe, what arrived. */
export const StripeStatusCard = graphql(`
  query StripeStatusCard {
    billingStatus {
      stripe {
        secretKeyConfigured
        webhookSecretConfigured
        webhookUrl
        webhookEvents
        lastWebhook {
          receivedAt
          eventType
          verdict
          detail
        }
        recentWebhooks(first: 10) {
          receivedAt
          eventId
          eventType
          verdict
          detail
        }
      }
    }
  }
`);
