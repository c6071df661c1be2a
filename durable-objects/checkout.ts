import { DurableObject } from "cloudflare:workers";
import type { Hash } from "viem";
import { verifyDeposit } from "../workers/billing/onchain/verify";
import { createDb } from "../workers/db/client";
import { notifyNodes } from "../workers/http/request-context";

/** Transaction hashes a payer named, kept so every later round checks them again. */
const SUBMITTED_KEY = "submitted";
const INVOICE_KEY = "invoice";
const MAX_SUBMITTED = 20;

export interface CheckoutStatus {
  status: string;
  watching: boolean;
  credited: boolean;
}

/**
 * One per invoice paid on-chain: drives verification with alarms until the invoice is paid,
 * voided, or past its expiry plus the late-payment watch. The state that matters (payments,
 * the invoice's status) is in D1; this object only schedules rounds and remembers hashes.
 */
export class CheckoutObject extends DurableObject<Env> {
  private db() {
    return createDb(this.env.DB, { onNodesBumped: (bumps) => notifyNodes(this.env, bumps) });
  }

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
    if (invoiceId === undefined) return;
    // A failed round (RPC down) throws: the runtime retries the alarm with backoff.
    await this.round(invoiceId);
  }

  private async round(invoiceId: number): Promise<CheckoutStatus> {
    const submitted = (await this.ctx.storage.get<Hash[]>(SUBMITTED_KEY)) ?? [];
    const result = await verifyDeposit(this.db(), invoiceId, submitted, Math.floor(Date.now() / 1000));
    if (result.watching) await this.ctx.storage.setAlarm(Date.now() + this.pollMs());
    else await this.ctx.storage.deleteAlarm();
    return { status: result.invoice?.status ?? "missing", watching: result.watching, credited: result.credited };
  }
}
