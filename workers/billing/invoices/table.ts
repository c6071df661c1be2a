import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { admins } from "../../admins/table";
import { users } from "../../users/table";
import { plans } from "../plans/table";

export const INVOICE_STATUSES = ["open", "paid", "expired", "refunded", "partially_paid", "void"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const PAYMENT_METHODS = ["stripe", "onchain", "manual"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface InvoiceLine {
  description: string;
  quantity: number;
  /** Decimal string in the invoice's currency. */
  unitAmount: string;
}

export const invoices = sqliteTable(
  "invoices",
  {
    /** Also the invoice number (see invoiceNumber): sequential and never reused. */
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Null once the user is deleted: invoices are financial records and outlive their user. */
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    /**
     * The admin or reseller who owned the user when the invoice was issued: a reseller sees and
     * sells only its own, and the invoice stays its record after the user moves or is deleted.
     */
    adminId: integer("admin_id").references(() => admins.id, { onDelete: "set null" }),
    /** Who was billed, as named when the invoice was issued. */
    username: text("username").notNull(),
    planId: integer("plan_id").references(() => plans.id, { onDelete: "set null" }),
    /** The plan as sold, so editing or deleting the plan never changes what a paid invoice applies. */
    planSnapshot: text("plan_snapshot", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    currency: text("currency").notNull(),
    total: text("total").notNull(),
    lines: text("lines", { mode: "json" }).$type<InvoiceLine[]>().notNull(),
    status: text("status", { enum: INVOICE_STATUSES }).notNull().default("open"),
    /** "admin:<id>" or "user": who asked for the invoice. */
    createdBy: text("created_by").notNull(),
    expiresAtSec: integer("expires_at").notNull(),
    paidAtSec: integer("paid_at"),
    paidVia: text("paid_via", { enum: PAYMENT_METHODS }),
    /** Stripe Checkout Session or on-chain transaction that paid it. */
    paymentRef: text("payment_ref"),
    /**
     * A random marker each status transition (issue, pay, void, refund) writes with its UPDATE; the
     * other statements of that batch run only if the stored marker is theirs, i.e. the transition
     * happened in this batch and not in a racing one.
     */
    settleNonce: text("settle_nonce"),
    /** Set when a refund or a rejected payment needs a person to look at it. */
    flag: text("flag"),
    stripeSessionId: text("stripe_session_id"),
    refundedAtSec: integer("refunded_at"),
    createdAtSec: integer("created_at").notNull().default(sql`(unixepoch())`),
  },
  (t) => [
    index("invoices_user_idx").on(t.userId, t.id),
    index("invoices_status_idx").on(t.status, t.id),
    index("invoices_admin_idx").on(t.adminId, t.id),
    index("invoices_stripe_session_idx").on(t.stripeSessionId),
    // Exports and revenue read invoices by date range.
    index("invoices_created_idx").on(t.createdAtSec, t.id),
  ],
);

export type InvoiceRow = typeof invoices.$inferSelect;
