import { idSchema } from "../../graphql/ids";
import type { SignedInContext } from "../../graphql/context";
import { createLoaders } from "../../graphql/loaders";
import { fromHub } from "../../live/graphql";
import { tagOf, TOPICS } from "../../live/topics";
import { type GraphQLModule, upperCaseEnum } from "../../graphql/module";
import { parsePage, toConnection } from "../../graphql/pagination";
import { parseInput } from "../../errors/validate";
import { subscriptionUrl } from "../../settings/settings";
import {
  createInvoiceAsAdmin,
  findVisibleInvoice,
  findVisibleInvoiceOrThrow,
  frozenTerms,
  invoiceHistory,
  invoiceNumber,
  listInvoices,
  markInvoicePaid,
  refundInvoice,
  voidInvoice,
} from "./service";
import { stripeClient } from "../stripe/client";
import { INVOICE_STATUSES, PAYMENT_METHODS } from "./table";
import { refundCardPayment } from "../stripe/refund";

const typeDefs = /* GraphQL */ `
  enum InvoiceStatus {
    OPEN
    PAID
    "Not paid in time; a late on-chain payment is never credited."
    EXPIRED
    REFUNDED
    "Some of the amount arrived on-chain, not all: an admin decides."
    PARTIALLY_PAID
    "Cancelled by an admin before it was paid."
    VOID
  }

  enum PaymentMethod {
    STRIPE
    ONCHAIN
    MANUAL
  }

  type InvoiceLine {
    description: String!
    quantity: Int!
    unitAmount: String!
  }

  "The plan as sold, frozen into the invoice: what paying it applies, whatever the plan says now."
  type InvoiceTerms {
    planName: String!
    "Null means unlimited."
    dataLimit: Bytes
    "Null means no expiry."
    durationDays: Int
    resetStrategy: ResetStrategy!
    "Null leaves the user's device limit as it is."
    deviceLimit: Int
    "Names of the groups the buyer is put in (groups deleted since are left out)."
    groups: [String!]!
  }

  type Invoice {
    id: ID!
    "Sequential and never reused, e.g. INV-000042."
    number: String!
    "Null once the user has been deleted; username keeps who was billed."
    user: User
    username: String!
    plan: Plan
    currency: String!
    total: String!
    lines: [InvoiceLine!]!
    terms: InvoiceTerms!
    status: InvoiceStatus!
    "ADMIN or USER (from the subscription page)."
    createdBy: String!
    expiresAt: DateTime!
    paidAt: DateTime
    paidVia: PaymentMethod
    paymentRef: String
    "Why an admin should look at it (a refund under the FLAG policy)."
    flag: String
    refundedAt: DateTime
    "The Stripe Checkout Session made for it (the last one, if the payer started several)."
    stripeSessionId: String
    "What happened to it, oldest first: issued, paid (by whom, with what reference), voided, refunded."
    history: [AuditEntry!]!
    "The printable invoice the payer sees, with its payment options; null once the user is deleted."
    url: String
    createdAt: DateTime!
  }

  type InvoiceEdge {
    cursor: String!
    node: Invoice!
  }

  type InvoiceConnection {
    edges: [InvoiceEdge!]!
    pageInfo: PageInfo!
  }

  input InvoiceFilter {
    status: InvoiceStatus
    userId: ID
    planId: ID
    "How it was paid."
    method: PaymentMethod
    "e.g. USD"
    currency: String
    "Issued at or after."
    createdFrom: DateTime
    "Issued before."
    createdTo: DateTime
  }

  input CreateInvoiceInput {
    userId: ID!
    planId: ID!
    "One of the plan's price currencies."
    currency: String!
  }

  extend type Subscription {
    "The invoice as it is now, each time it changes: paid, voided, refunded, expired, or a transfer seen or confirmed on-chain."
    invoiceUpdated(id: ID!): Invoice!
  }

  extend type Query {
    "Newest first. A reseller sees the invoices of its own users."
    invoices(filter: InvoiceFilter, page: Pagination): InvoiceConnection!
    invoice(id: ID!): Invoice
  }

  extend type Mutation {
    createInvoice(input: CreateInvoiceInput!): Invoice!
    "Cancels an unpaid invoice."
    voidInvoice(id: ID!): Invoice!
    "Refunds a paid invoice: card payments through Stripe, others are recorded as refunded by hand; revoke ends the user's time now."
    refundInvoice(id: ID!, revoke: Boolean!): Invoice!
    "Marks an invoice paid by other means (cash, bank transfer) and applies its plan, once; reference says why and is audited."
    markInvoicePaid(id: ID!, reference: String!): Invoice!
  }
`;

export const invoicesModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.invoices": "sales:read",
    "Query.invoice": "sales:read",
    "Subscription.invoiceUpdated": "sales:read",
    "Mutation.createInvoice": "sales:write",
    "Mutation.voidInvoice": "sales:write",
    "Mutation.refundInvoice": "billing:write",
    "Mutation.markInvoicePaid": "billing:write",
  },
  resolvers: {
    InvoiceStatus: upperCaseEnum(INVOICE_STATUSES),
    PaymentMethod: upperCaseEnum(PAYMENT_METHODS),
    Invoice: {
      id: (i) => String(i.id),
      number: (i) => invoiceNumber(i.id),
      user: (i, _, ctx) => (i.userId === null ? null : ctx.loaders.userById.load(i.userId)),
      plan: async (i, _, ctx) => (i.planId === null ? null : ((await ctx.loaders.planById.load(i.planId)) ?? null)),
      createdBy: (i) => (i.createdBy === "user" ? "USER" : "ADMIN"),
      expiresAt: (i) => i.expiresAtSec,
      paidAt: (i) => i.paidAtSec,
      refundedAt: (i) => i.refundedAtSec,
      createdAt: (i) => i.createdAtSec,
      stripeSessionId: (i) => i.stripeSessionId,
      history: (i, _, ctx) => invoiceHistory(ctx.db, i.id),
      terms: (i, _, ctx) => frozenTerms(ctx.db, i),
      url: async (i, _, ctx) => {
        const user = i.userId === null ? undefined : await ctx.loaders.userById.load(i.userId);
        if (!user) return null;
        return `${subscriptionUrl(await ctx.loaders.settings(), ctx.origin, user.subToken)}/invoices/${i.id}`;
      },
    },
    Subscription: {
      invoiceUpdated: {
        subscribe: fromHub<number, { id: string }>(async (args, ctx) => {
          const invoice = await findVisibleInvoiceOrThrow(ctx.db, ctx.actor, parseInput(idSchema, args.id));
          return tagOf(TOPICS.invoiceUpdated, invoice.id);
        }).subscribe,
        // The event says only which invoice moved: read it afresh, as this caller may see it.
        resolve: (invoiceId: number, _: unknown, ctx: SignedInContext) => {
          ctx.loaders = createLoaders(ctx.db);
          return findVisibleInvoiceOrThrow(ctx.db, ctx.actor, invoiceId);
        },
      },
    },
    Query: {
      invoices: async (_, args, ctx) => {
        const page = parsePage(args.page);
        return toConnection(await listInvoices(ctx.db, ctx.actor, args.filter, page), page.first);
      },
      invoice: async (_, args, ctx) =>
        (await findVisibleInvoice(ctx.db, ctx.actor, parseInput(idSchema, args.id))) ?? null,
    },
    Mutation: {
      createInvoice: (_, args, ctx) => createInvoiceAsAdmin(ctx, args.input),
      voidInvoice: (_, args, ctx) => voidInvoice(ctx, parseInput(idSchema, args.id)),
      refundInvoice: (_, args, ctx) =>
        refundInvoice(ctx, parseInput(idSchema, args.id), args.revoke, async (invoice) => {
          if (invoice.paidVia === "stripe") await refundCardPayment(stripeClient(ctx.env), invoice);
        }),
      markInvoicePaid: (_, args, ctx) => markInvoicePaid(ctx, parseInput(idSchema, args.id), args.reference),
    },
  },
};
