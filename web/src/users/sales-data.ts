/** Selling from a user's page: its invoices, the plans on offer, and issuing one (paid at once, for an admin's cash sale). */
import { request } from "../api/client";
import { MarkSoldInvoicePaid, PlansToSell, SellPlan, UserInvoices } from "../graphql/billing-plans";
import { mutation, signedInQuery } from "../lib/query";
import { userQuery } from "./data";

/** Enough for a card; the invoices page lists the rest with its filters. */
export const LATEST_INVOICES = 10;

export const userInvoicesQuery = signedInQuery(
  async (userId: string) => (await request(UserInvoices, { userId, first: LATEST_INVOICES })).invoices,
  "userInvoices",
);

export const plansToSellQuery = signedInQuery(async () => (await request(PlansToSell)).plans, "plansToSell");

/**
 * Issues the invoice and, with a reference, records it paid. The invoice exists whatever happens
 * next, so a refused mark-paid is handed back beside it rather than thrown: the page still opens it.
 */
export const sellPlan = mutation(
  async (userId: string, planId: string, currency: string, paidReference: string | null) => {
    const { createInvoice: invoice } = await request(SellPlan, { input: { userId, planId, currency } });
    if (paidReference === null) return { invoice, paid: false, failure: null };
    try {
      await request(MarkSoldInvoicePaid, { id: invoice.id, reference: paidReference });
      return { invoice, paid: true, failure: null };
    } catch (failure) {
      return { invoice, paid: false, failure };
    }
  },
  "sellPlan",
  // Paying applies the plan: the user's status, limit and expiry change too.
  [userInvoicesQuery, userQuery],
);
