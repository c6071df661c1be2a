import { sql, type SQL } from "drizzle-orm";
import { rawStatement, runBatch, type Db, type Statement } from "../../db/client";
import { randomToken } from "../../auth/crypto";
import type { PanelEvent } from "../../events/catalogue";
import { invoiceOwnerStatement, ownerFrom, paymentReceivedEvent } from "../../events/detect-payment";
import { applyPlanStatements, type PlanTerms } from "../plans/apply";
import type { InvoiceRow, PaymentMethod } from "./table";

export interface Settlement {
  invoice: InvoiceRow;
  via: PaymentMethod;
  /** The Checkout Session, payment intent or transaction that paid. */
  ref: string;
  nowSec: number;
  /** Who or what paid, for the audit log ("stripe", "onchain", an admin's name). */
  actor: AuditActor;
  /**
   * Card payments are honoured after the invoice's expiry (the money was taken for a session made
   * in time); on-chain ones never are.
   */
  payableAfterExpiry: boolean;
  /** Statements that run before the payment in its batch: a failing one (a replayed event id) cancels it. */
  first?: Statement[];
  /** Statements that land only if this call paid the invoice (the credited chain payment). */
  alongside?: (guard: SQL) => Statement[];
  /** Hears payment.received when this call paid the invoice. */
  emit?: (events: PanelEvent[]) => void;
}

export interface AuditActor {
  id: number | null;
  username: string | null;
  ip: string;
}

/** Audit entry that lands only if `guard` holds inside the batch: the change it records happened. */
export function guardedAudit(
  db: Db,
  who: AuditActor,
  nowSec: number,
  action: string,
  targetId: number,
  details: Record<string, unknown>,
  guard: SQL,
) {
  return rawStatement(
    db,
    sql`INSERT INTO audit_log (at, actor_id, actor_username, action, target_type, target_id, ip, details)
      SELECT ${nowSec}, ${who.id}, ${who.username}, ${action}, 'invoice', ${String(targetId)}, ${who.ip}, ${JSON.stringify(details)} WHERE ${guard}`,
  );
}

/**
 * Marks the invoice paid and applies its plan, exactly once however many deliveries race.
 *
 * One D1 batch (a transaction): the first statement moves the invoice from a payable status to
 * paid and writes a fresh nonce; every later statement runs only where that nonce is the one
 * stored. A second delivery finds the invoice already paid, its first statement matches no row,
 * and the rest of its batch matches nothing either. Returns whether this call paid it.
 */
export async function settleInvoice(db: Db, s: Settlement): Promise<boolean> {
  const nonce = randomToken(16);
  const { invoice, nowSec } = s;
  const guard = sql`EXISTS (SELECT 1 FROM invoices WHERE id = ${invoice.id} AND settle_nonce = ${nonce})`;
  const terms = invoice.planSnapshot as unknown as PlanTerms;
  const first = s.first ?? [];
  const results = await runBatch(db, [
    ...first,
    rawStatement(
      db,
      sql`UPDATE invoices SET status = 'paid', paid_at = ${nowSec}, paid_via = ${s.via}, payment_ref = ${s.ref}, settle_nonce = ${nonce},
          flag = CASE WHEN user_id IS NULL THEN 'paid after its user was deleted: nothing was applied' ELSE flag END
        WHERE id = ${invoice.id} AND status IN ('open', 'partially_paid'${s.payableAfterExpiry ? sql`, 'expired'` : sql``})
        ${s.payableAfterExpiry ? sql`` : sql`AND expires_at > ${nowSec}`}`,
    ),
    ...(invoice.userId === null ? [] : applyPlanStatements(db, invoice.userId, terms, nowSec, guard)),
    ...(s.alongside?.(guard) ?? []),
    guardedAudit(
      db,
      s.actor,
      nowSec,
      "invoice.pay",
      invoice.id,
      { via: s.via, ref: s.ref, planId: terms.planId },
      guard,
    ),
    invoiceOwnerStatement(db, invoice),
  ]);
  const paid = ((results[first.length] as D1Result).meta?.changes ?? 0) === 1;
  if (paid) s.emit?.([paymentReceivedEvent(invoice, s.via, ownerFrom(results.at(-1)), nowSec)]);
  return paid;
}
