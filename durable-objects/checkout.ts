import { DurableObject } from "cloudflare:workers";
import type { Hash } from "viem";
import { invoiceUpdates } from "../workers/billing/invoices/live";
import { findInvoice } from "../workers/billing/invoices/service";
import { readChain } from "../workers/billing/onchain/rpc";
import { stillWatching, verifyDeposit } from "../workers/billing/onchain/verify";
import { DomainError } from "../workers/errors/domain-error";
import { dbFor } from "../workers/db/client";
import { emitEvents } from "../workers/events/emit";
import { publishLive } from "../workers/live/hub-client";

/** Transaction hashes a payer named, kept so every later round checks them again. */
const SUBMITTED_KEY = "submitted";
const INVOICE_KEY = "invoice";
const MAX_SUBMITTED = 20;
/** While the chain's RPC fails, rounds back off to this (the runtime's own alarm retries give up after six). */
const UNREACHABLE_RETRY_MS = 60_000;

export type CheckoutStatus = { status: string; watching: boolean; credited: boolean } | { chainUnreachable: true };

/**
 * One per invoice paid on-chain: drives verification with alarms until the invoice is paid,
 * voided, or past its expiry plus the late-payment watch. The state that matters (payments,
 * the invoice's status) is in D1; this object only schedules rounds and remembers hashes.
 */
export class CheckoutObject extends DurableObject<Env> {
  private pollMs() {
    return (Number(this.env.CHECKOUT_POLL_SEC) || 15) * 1000;
  }

  /** Starts watching an invoice's deposit; calling it again is harmless. */
  async watch(invoiceId: number): Promise<void> {
    await this.ctx.storage.put(INVOICE_KEY, invoiceId);
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + this.pollMs());
  }

  /** A round now, e.g. when the payer's wallet reports a transaction hash. */
  async check(invoiceId: number, txHash?: Hash): Promise<CheckoutStatus> {
    await this.ctx.storage.put(INVOICE_KEY, invoiceId);
    if (txHash) {
      const known = (await this.ctx.storage.get<Hash[]>(SUBMITTED_KEY)) ?? [];
      if (!known.includes(txHash)) await this.ctx.storage.put(SUBMITTED_KEY, [...known, txHash].slice(-MAX_SUBMITTED));
    }
    return this.round(invoiceId);
  }

  override async alarm(): Promise<void> {
    const invoiceId = await this.ctx.storage.get<number>(INVOICE_KEY);
    if (invoiceId !== undefined) await this.round(invoiceId);
  }

  /**
   * One verification round, then the next alarm. An RPC that fails is the chain's problem, not
   * this invoice's: the round is tried again a minute later for as long as the invoice is
   * watched, and the caller hears `chainUnreachable` (a DomainError would not survive RPC).
   */
  private async round(invoiceId: number): Promise<CheckoutStatus> {
    const submitted = (await this.ctx.storage.get<Hash[]>(SUBMITTED_KEY)) ?? [];
    const nowSec = Math.floor(Date.now() / 1000);
    const db = dbFor(this.env);
    try {
      const result = await readChain("verify deposit", () => verifyDeposit(db, invoiceId, submitted, nowSec));
      emitEvents(this.env, (promise) => this.ctx.waitUntil(promise), result.events);
      if (result.transfersSeen)
        publishLive(this.env, (promise) => this.ctx.waitUntil(promise), invoiceUpdates([invoiceId]));
      if (result.watching) await this.ctx.storage.setAlarm(Date.now() + this.pollMs());
      else await this.ctx.storage.deleteAlarm();
      return { status: result.invoice?.status ?? "missing", watching: result.watching, credited: result.credited };
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "UNAVAILABLE")) throw error;
      const invoice = await findInvoice(db, invoiceId);
      if (invoice && stillWatching(invoice, nowSec))
        await this.ctx.storage.setAlarm(Date.now() + Math.max(this.pollMs(), UNREACHABLE_RETRY_MS));
      else await this.ctx.storage.deleteAlarm();
      return { chainUnreachable: true };
    }
  }
}
