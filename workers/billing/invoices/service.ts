import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditBy, type ActorContext } from "../../audit/record";
import { auditLog } from "../../audit/table";
import { ownedUsersScope, type Actor } from "../../auth/roles";
import { randomToken } from "../../auth/crypto";
import { runBatch, type Db, type Statement } from "../../db/client";
import { DomainError, notFound } from "../../errors/domain-error";
import { parseInput } from "../../errors/validate";
import { idSchema } from "../../graphql/ids";
import type { PageRequest } from "../../graphql/pagination";
import { bumpNodesServingUsers } from "../../nodes/config-version";
import { readSettings } from "../../settings/settings";
import { derivedStatusSql } from "../../users/status-sql";
import { findVisibleUser } from "../../users/service";
import { users, type UserRow } from "../../users/table";
import { currencySchema } from "../money";
import { groups } from "../../groups/table";
import type { PlanTerms } from "../plans/apply";
import { findPlan, planTerms } from "../plans/service";
import { guardedAudit, settleInvoice } from "./settle";
import { invoiceOwnerStatement, ownerFrom, paymentRefundedEvent } from "../../events/detect-payment";
import { invoiceUpdates } from "./live";
import { INVOICE_STATUSES, invoices, PAYMENT_METHODS, type InvoiceRow } from "./table";

export const invoiceNumber = (id: number) => `INV-${String(id).padStart(6, "0")}`;

const orderSchema = z.object({ planId: idSchema, currency: currencySchema });
const adminOrderSchema = orderSchema.extend({ userId: idSchema });
const epochSecSchema = z.number().int().nonnegative();
const filterSchema = z
  .object({
    status: z.enum(INVOICE_STATUSES).nullish(),
    userId: idSchema.nullish(),
    planId: idSchema.nullish(),
    method: z.enum(PAYMENT_METHODS).nullish(),
    currency: currencySchema.nullish(),
    createdFrom: epochSecSchema.nullish(),
    createdTo: epochSecSchema.nullish(),
  })
  .nullish();

/** Who asks for an invoice: an admin for any user it may see, or the user itself (visible plans only). */
type Orderer = { kind: "admin"; adminId: number } | { kind: "user" };

/**
 * Writes an open invoice for one plan in one of its currencies. The plan's terms are frozen into
 * the invoice, so a later edit of the plan never changes what paying this invoice gives.
 */
export async function issueInvoice(
  db: Db,
  user: Pick<UserRow, "id" | "username">,
  rawOrder: unknown,
  orderer: Orderer,
  nowSec: number,
  /** Statements for the same batch, given the new invoice's id as SQL (the admin's audit entry). */
  alongside: (newId: SQL) => Statement[] = () => [],
): Promise<InvoiceRow> {
  const order = parseInput(orderSchema, rawOrder);
  const plan = await findPlan(db, order.planId);
  if (!plan || (orderer.kind === "user" && !plan.visible)) throw notFound("plan", order.planId);
  const price = plan.prices.find((p) => p.currency === order.currency);
  if (!price)
    throw new DomainError("BAD_USER_INPUT", `currency: plan "${plan.name}" has no price in ${order.currency}`);
  const settings = await readSettings(db);
  const nonce = crypto.randomUUID();
  const newId = sql`(SELECT id FROM invoices WHERE settle_nonce = ${nonce})`;
  const results = await runBatch(db, [
    db
      .insert(invoices)
      .values({
        userId: user.id,
        username: user.username,
        planId: plan.id,
        // The user's owner now: the invoice stays that admin's (or reseller's) record if the user moves.
        adminId: sql`(SELECT admin_id FROM users WHERE id = ${user.id})`,
        planSnapshot: { ...(await planTerms(db, plan)) },
        currency: order.currency,
        total: price.amount,
        lines: [{ description: plan.name, quantity: 1, unitAmount: price.amount }],
        createdBy: orderer.kind === "admin" ? `admin:${orderer.adminId}` : "user",
        expiresAtSec: nowSec + settings.invoiceTtlHours * 3600,
        // A creation marker so the batch can name the new row; settling overwrites it.
        settleNonce: nonce,
        createdAtSec: nowSec,
      })
      .returning(),
    ...alongside(newId),
  ]);
  return (results[0] as InvoiceRow[])[0]!;
}

export async function createInvoiceAsAdmin(ctx: ActorContext, rawInput: unknown): Promise<InvoiceRow> {
  const input = parseInput(adminOrderSchema, rawInput);
  const user = await findVisibleUser(ctx.db, ctx.actor, input.userId);
  if (!user) throw notFound("user", input.userId);
  return issueInvoice(ctx.db, user, input, { kind: "admin", adminId: ctx.actor.id }, ctx.nowSec(), (id) => [
    auditBy(ctx, { action: "invoice.create", targetType: "invoice", targetId: id, details: input }),
  ]);
}

export function findInvoice(db: Db, id: number) {
  return db.select().from(invoices).where(eq(invoices.id, id)).get();
}

/** A reseller sees only the invoices of its own users (the owner when each was issued); admins see all. */
const visibleTo = (actor: Pick<Actor, "id" | "role">) => {
  const scope = ownedUsersScope(actor);
  return scope === undefined ? undefined : eq(invoices.adminId, scope);
};

/** The invoice if the actor may see it; another reseller's is as missing as one that never existed. */
export function findVisibleInvoice(db: Db, actor: Actor, id: number) {
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), visibleTo(actor)))
    .get();
}

export async function findVisibleInvoiceOrThrow(db: Db, actor: Actor, id: number): Promise<InvoiceRow> {
  const invoice = await findVisibleInvoice(db, actor, id);
  if (!invoice) throw notFound("invoice", id);
  return invoice;
}

/** The plan's terms as frozen at sale, with group names for people (a group deleted since is left out). */
export async function frozenTerms(db: Db, invoice: Pick<InvoiceRow, "planSnapshot">) {
  const terms = invoice.planSnapshot as unknown as PlanTerms;
  const named = terms.groupIds.length
    ? await db
        .select({ name: groups.name })
        .from(groups)
        .where(inArray(groups.id, terms.groupIds))
        .orderBy(asc(groups.name))
        .all()
    : [];
  return {
    planName: terms.name,
    dataLimit: terms.dataLimitBytes,
    durationDays: terms.durationDays,
    resetStrategy: terms.resetStrategy,
    deviceLimit: terms.deviceLimit,
    groups: named.map((g) => g.name),
  };
}

/** What happened to an invoice, oldest first: its audit entries (issued, paid, voided, refunded). */
export function invoiceHistory(db: Db, id: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "invoice"), eq(auditLog.targetId, String(id))))
    .orderBy(asc(auditLog.id))
    .all();
}

export async function findInvoiceOrThrow(db: Db, id: number): Promise<InvoiceRow> {
  const invoice = await findInvoice(db, id);
  if (!invoice) throw notFound("invoice", id);
  return invoice;
}

/** Newest first, one keyset page; every filter narrows, the date range is [createdFrom, createdTo). */
export function listInvoices(db: Db, actor: Actor, rawFilter: unknown, page: PageRequest) {
  const filter = parseInput(filterSchema, rawFilter) ?? {};
  return db
    .select()
    .from(invoices)
    .where(
      and(
        visibleTo(actor),
        filter.status ? eq(invoices.status, filter.status) : undefined,
        filter.userId ? eq(invoices.userId, filter.userId) : undefined,
        filter.planId ? eq(invoices.planId, filter.planId) : undefined,
        filter.method ? eq(invoices.paidVia, filter.method) : undefined,
        filter.currency ? eq(invoices.currency, filter.currency) : undefined,
        filter.createdFrom == null ? undefined : gte(invoices.createdAtSec, filter.createdFrom),
        filter.createdTo == null ? undefined : lt(invoices.createdAtSec, filter.createdTo),
        page.beforeId === undefined ? undefined : lt(invoices.id, page.beforeId),
      ),
    )
    .orderBy(desc(invoices.id))
    .limit(page.first + 1)
    .all();
}

/** Voids an invoice nobody has paid; a paid one must be refunded instead. */
export async function voidInvoice(ctx: ActorContext, id: number): Promise<InvoiceRow> {
  const invoice = await findVisibleInvoiceOrThrow(ctx.db, ctx.actor, id);
  const voidable = ["open", "expired", "partially_paid"];
  const notVoidable = () =>
    new DomainError(
      "CONFLICT",
      `invoice ${id} is ${invoice.status}: only open, expired or partly paid invoices can be voided`,
    );
  if (!voidable.includes(invoice.status)) throw notVoidable();
  const nonce = randomToken(16);
  const moved = sql`EXISTS (SELECT 1 FROM invoices WHERE id = ${id} AND settle_nonce = ${nonce})`;
  const [updated] = (await runBatch(ctx.db, [
    ctx.db
      .update(invoices)
      .set({ status: "void", settleNonce: nonce })
      .where(and(eq(invoices.id, id), sql`${invoices.status} IN ('open', 'expired', 'partially_paid')`))
      .returning(),
    guardedAudit(ctx.db, actorOf(ctx), ctx.nowSec(), "invoice.void", id, {}, moved),
  ])) as [InvoiceRow[]];
  // Paid between the read and the write: the payment won.
  if (!updated.length) throw notVoidable();
  ctx.publish(invoiceUpdates([id]));
  return updated[0]!;
}

/** The user's time ends now; the nodes serving it drop it. */
export const revokeStatements = (db: Db, userId: number, nowSec: number, guard = sql`1`) => [
  db
    .update(users)
    .set({ expireAtSec: nowSec, updatedAtSec: nowSec })
    .where(and(eq(users.id, userId), guard)),
  db
    .update(users)
    .set({ status: sql`${derivedStatusSql(nowSec)}` })
    .where(and(eq(users.id, userId), guard)),
  bumpNodesServingUsers(db, [userId]),
];

/**
 * Refunds a paid invoice. `returnMoney` gives the money back first (the GraphQL glue passes a
 * Stripe refund for card payments; on-chain and manual refunds happen outside the panel and are
 * only recorded). `revoke` ends the user's time now; otherwise the user keeps what it bought.
 */
export async function refundInvoice(
  ctx: ActorContext,
  id: number,
  revoke: boolean,
  returnMoney: (invoice: InvoiceRow) => Promise<void> = async () => {},
): Promise<InvoiceRow> {
  const invoice = await findInvoiceOrThrow(ctx.db, id);
  const notPaid = () =>
    new DomainError("CONFLICT", `invoice ${id} is ${invoice.status}: only paid invoices can be refunded`);
  if (invoice.status !== "paid") throw notPaid();
  await returnMoney(invoice);
  const nowSec = ctx.nowSec();
  const nonce = randomToken(16);
  const moved = sql`EXISTS (SELECT 1 FROM invoices WHERE id = ${id} AND settle_nonce = ${nonce})`;
  const results = await runBatch(ctx.db, [
    ctx.db
      .update(invoices)
      .set({ status: "refunded", refundedAtSec: nowSec, settleNonce: nonce })
      .where(and(eq(invoices.id, id), eq(invoices.status, "paid")))
      .returning(),
    ...(revoke && invoice.userId !== null ? revokeStatements(ctx.db, invoice.userId, nowSec, moved) : []),
    guardedAudit(ctx.db, actorOf(ctx), nowSec, "invoice.refund", id, { revoke, via: invoice.paidVia }, moved),
    invoiceOwnerStatement(ctx.db, invoice),
  ]);
  const updated = results[0] as InvoiceRow[];
  if (!updated.length) throw notPaid();
  ctx.emit([paymentRefundedEvent(invoice, invoice.total, ownerFrom(results.at(-1)), nowSec)]);
  ctx.publish(invoiceUpdates([id]));
  return updated[0]!;
}

const actorOf = (ctx: ActorContext) => ({ id: ctx.actor.id, username: ctx.actor.username, ip: ctx.client.ip });

/** An admin marks an invoice paid (cash, a bank transfer): the same exactly-once path as a gateway. */
export async function markInvoicePaid(ctx: ActorContext, id: number, reference: string): Promise<InvoiceRow> {
  const invoice = await findInvoiceOrThrow(ctx.db, id);
  const paid = await settleInvoice(ctx.db, {
    invoice,
    via: "manual",
    ref: parseInput(z.string().trim().min(1, "reference is required").max(200), reference),
    nowSec: ctx.nowSec(),
    actor: actorOf(ctx),
    payableAfterExpiry: true,
    emit: ctx.emit,
  });
  if (!paid) throw new DomainError("CONFLICT", `invoice ${id} is ${invoice.status}: it cannot be paid`);
  ctx.publish(invoiceUpdates([id]));
  return findInvoiceOrThrow(ctx.db, id);
}

/** Open invoices past their time become expired; the minute's housekeeping runs this. Returns their ids. */
export async function expireInvoices(db: Db, nowSec: number): Promise<number[]> {
  const expired = await db
    .update(invoices)
    .set({ status: "expired" })
    .where(and(eq(invoices.status, "open"), lt(invoices.expiresAtSec, nowSec + 1)))
    .returning({ id: invoices.id })
    .all();
  return expired.map((row) => row.id);
}
