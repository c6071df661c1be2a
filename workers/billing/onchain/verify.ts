import { and, desc, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "../../errors/validate";
import { parseAbiItem, parseEventLogs, type Client, type Hash } from "viem";
import { getBlock, getBlockNumber, getLogs, getTransaction, getTransactionReceipt } from "viem/actions";
import { rawStatement, runBatch, type Db, type Statement } from "../../db/client";
import type { PanelEvent } from "../../events/catalogue";
import { invoiceOwnerStatement, ownerFrom, paymentUnderpaidEvent } from "../../events/detect-payment";
import { fromUnits } from "../money";
import { findInvoice } from "../invoices/service";
import { settleInvoice } from "../invoices/settle";
import type { InvoiceRow } from "../invoices/table";
import { tokenWithChain } from "./config";
import { chainClient } from "./rpc";
import {
  CHAIN_PAYMENT_STATUSES,
  chainDeposits,
  chainPayments,
  type ChainDepositRow,
  type ChainPaymentRow,
  type ChainRow,
  type RejectionReason,
} from "./table";

const TRANSFER = parseAbiItem("event Transfer(address indexed from, address indexed to, uint256 value)");
/** Late payments are still looked for (and recorded as such) this long after the invoice expired. */
export const LATE_WATCH_SEC = 3600;

/** One transaction's transfer towards (or meant for) the deposit, as judged this round. */
interface Observation {
  txHash: Hash;
  logIndex: number;
  tokenAddress: string | null;
  toAddress: string;
  amount: bigint;
  blockNumber: bigint;
  reason?: RejectionReason;
}

export interface RoundResult {
  invoice: InvoiceRow | undefined;
  /** Whether the invoice still needs watching. */
  watching: boolean;
  credited: boolean;
  /** Transfers this round recorded or credited: an open invoice page shows their confirmations move. */
  transfersSeen: number;
  /** News of the round: payment.underpaid when a short deposit first made the invoice partially paid, payment.received when it was credited. */
  events: PanelEvent[];
}

const lower = (a: string | null | undefined) => (a ?? "").toLowerCase();

/** Re-read behind the last round, beyond the chain's confirmations, so a shallow reorg is seen. */
const REORG_MARGIN_BLOCKS = 12n;

/**
 * Where this round's log scan starts. Every transfer not yet judged for good (pending: short of
 * its confirmations) lies within `confirmations` of the last head, so re-reading from there on
 * finds it again; older ones were credited or recorded as rejected.
 */
export function scanStart(deposit: ChainDepositRow, confirmations: number): bigint {
  const opened = BigInt(deposit.fromBlock);
  if (deposit.scannedToBlock === null) return opened;
  const behind = BigInt(deposit.scannedToBlock) + 1n - BigInt(confirmations) - REORG_MARGIN_BLOCKS;
  return behind > opened ? behind : opened;
}

/** Read in windows of at most `window` blocks: RPC providers cap eth_getLogs ranges (Chain.logBlockRange). */
async function transfersTo(client: Client, address: Hash, fromBlock: bigint, toBlock: bigint, window: bigint) {
  const logs = [];
  for (let start = fromBlock; start <= toBlock; start += window) {
    const end = start + window - 1n < toBlock ? start + window - 1n : toBlock;
    logs.push(...(await getLogs(client, { event: TRANSFER, args: { to: address }, fromBlock: start, toBlock: end })));
  }
  return logs;
}

/**
 * Every transfer to the deposit in this round's scan (ERC-20 Transfer logs from any contract, so a
 * wrong token is seen too), plus the transactions a payer named (a native transfer has no log; a
 * transfer to another address is only found that way).
 */
async function observe(
  client: Client,
  chain: ChainRow,
  deposit: ChainDepositRow,
  tokenAddress: string | null,
  submitted: Hash[],
  head: bigint,
): Promise<Observation[]> {
  const byTx = new Map<string, Observation>();
  const others: Observation[] = [];
  const logs = await transfersTo(
    client,
    deposit.address as Hash,
    scanStart(deposit, chain.confirmations),
    head,
    BigInt(chain.logBlockRange),
  );
  for (const log of logs) {
    if (log.removed || log.blockNumber === null || log.transactionHash === null) continue;
    const base = {
      txHash: log.transactionHash,
      logIndex: log.logIndex!,
      tokenAddress: lower(log.address),
      toAddress: deposit.address,
      blockNumber: log.blockNumber,
    };
    if (lower(log.address) !== tokenAddress) {
      others.push({ ...base, amount: log.args.value ?? 0n, reason: "wrong_token" });
      continue;
    }
    const seen = byTx.get(log.transactionHash);
    if (seen) seen.amount += log.args.value ?? 0n;
    else byTx.set(log.transactionHash, { ...base, amount: log.args.value ?? 0n });
  }
  for (const hash of submitted) {
    if (byTx.has(hash) || others.some((o) => o.txHash === hash)) continue;
    const receipt = await getTransactionReceipt(client, { hash }).catch(() => null);
    if (!receipt) continue; // not mined yet: the next round asks again
    const base = { txHash: hash, blockNumber: receipt.blockNumber };
    if (receipt.status !== "success") {
      others.push({ ...base, logIndex: -1, tokenAddress, toAddress: lower(receipt.to), amount: 0n, reason: "failed" });
      continue;
    }
    if (tokenAddress === null) {
      const tx = await getTransaction(client, { hash });
      const to = lower(tx.to);
      byTx.set(hash, {
        ...base,
        logIndex: -1,
        tokenAddress: null,
        toAddress: to,
        amount: tx.value,
        ...(to !== deposit.address && { reason: "wrong_recipient" as const }),
      });
      continue;
    }
    const transfers = parseEventLogs({ abi: [TRANSFER], logs: receipt.logs }).filter(
      (l) => lower(l.address) === tokenAddress,
    );
    const first = transfers[0];
    if (!first)
      others.push({
        ...base,
        logIndex: -1,
        tokenAddress: lower(receipt.to),
        toAddress: lower(receipt.to),
        amount: 0n,
        reason: "wrong_token",
      });
    else if (transfers.every((t) => lower(t.args.to) !== deposit.address)) {
      others.push({
        ...base,
        logIndex: first.logIndex,
        tokenAddress,
        toAddress: lower(first.args.to),
        amount: first.args.value,
        reason: "wrong_recipient",
      });
    } else if (receipt.blockNumber < BigInt(deposit.fromBlock)) {
      // Sent before this invoice's deposit existed: it paid something else.
      others.push({
        ...base,
        logIndex: first.logIndex,
        tokenAddress,
        toAddress: deposit.address,
        amount: first.args.value,
        reason: "reused",
      });
    }
  }
  return [...byTx.values(), ...others];
}

function recordStatement(
  db: Db,
  invoiceId: number,
  chainId: number,
  o: Observation,
  status: "pending" | "rejected",
  nowSec: number,
): Statement {
  return rawStatement(
    db,
    sql`INSERT INTO chain_payments (invoice_id, chain_id, tx_hash, log_index, token_address, to_address, amount_units, block_number, status, reason, seen_at)
      VALUES (${invoiceId}, ${chainId}, ${o.txHash}, ${o.logIndex}, ${o.tokenAddress}, ${o.toAddress}, ${o.amount.toString()}, ${Number(o.blockNumber)}, ${status}, ${o.reason ?? null}, ${nowSec})
      ON CONFLICT (invoice_id, chain_id, tx_hash, log_index) DO UPDATE SET status = excluded.status, reason = excluded.reason, amount_units = excluded.amount_units
      WHERE chain_payments.status != 'credited'`,
  );
}

/**
 * One verification round for an invoice's on-chain deposit: read the chain, judge every transfer,
 * record each judgement for the admin, and credit the invoice once a good transfer has its
 * confirmations. Safe to run twice at once: crediting goes through settleInvoice, whose batch
 * pays once, and a transaction can be credited only once across all invoices (unique index).
 */
export async function verifyDeposit(
  db: Db,
  invoiceId: number,
  submitted: Hash[],
  nowSec: number,
  clientFor = chainClient,
): Promise<RoundResult> {
  const invoice = await findInvoice(db, invoiceId);
  const deposit = await db.select().from(chainDeposits).where(eq(chainDeposits.invoiceId, invoiceId)).get();
  if (!invoice || !deposit) return { invoice, watching: false, credited: false, transfersSeen: 0, events: [] };
  const found = (await tokenWithChain(db, deposit.tokenId))!;
  const { chain, token } = found;
  const client = clientFor(chain.rpcUrl);
  // Never viem's cached block number: confirmations must count from the chain's head now.
  const head = await getBlockNumber(client, { cacheTime: 0 });
  const observations = await observe(client, chain, deposit, lower(token.address) || null, submitted, head);

  const due = BigInt(deposit.amountUnits);
  const blockTimes = new Map<bigint, bigint>();
  const blockTime = async (n: bigint) =>
    blockTimes.get(n) ?? blockTimes.set(n, (await getBlock(client, { blockNumber: n })).timestamp).get(n)!;
  const creditedElsewhere = async (hash: string) =>
    (await db
      .select({ id: chainPayments.id })
      .from(chainPayments)
      .where(
        and(
          eq(chainPayments.chainId, chain.chainId),
          eq(chainPayments.txHash, hash),
          eq(chainPayments.status, "credited"),
          ne(chainPayments.invoiceId, invoiceId),
        ),
      )
      .get()) !== undefined;

  let creditable: Observation | undefined;
  const statements: Statement[] = [];
  let underpaid: bigint | null = null;
  for (const o of observations) {
    // Whatever else is wrong with it, a transaction that paid another invoice is reported as reused.
    if (await creditedElsewhere(o.txHash)) o.reason = "reused";
    if (!o.reason && (await blockTime(o.blockNumber)) > BigInt(invoice.expiresAtSec)) o.reason = "after_expiry";
    if (!o.reason && o.amount < due) {
      o.reason = "underpaid";
      if (underpaid === null || o.amount > underpaid) underpaid = o.amount;
    }
    const confirmations = head - o.blockNumber + 1n;
    if (!o.reason && confirmations >= BigInt(chain.confirmations) && !creditable) creditable = o;
    else statements.push(recordStatement(db, invoiceId, chain.chainId, o, o.reason ? "rejected" : "pending", nowSec));
  }
  // Its own index: whether this round moved the invoice is what makes the short deposit news.
  const partlyPaidAt = underpaid === null ? -1 : statements.length;
  if (underpaid !== null)
    statements.push(
      rawStatement(db, sql`UPDATE invoices SET status = 'partially_paid' WHERE id = ${invoiceId} AND status = 'open'`),
      invoiceOwnerStatement(db, invoice),
    );
  statements.push(
    rawStatement(
      db,
      sql`UPDATE chain_deposits SET scanned_to_block = max(coalesce(scanned_to_block, 0), ${Number(head)}) WHERE invoice_id = ${invoiceId}`,
    ),
  );
  const results = await runBatch(db, statements);
  const events: PanelEvent[] = [];
  if (underpaid !== null && ((results[partlyPaidAt] as D1Result).meta?.changes ?? 0) === 1) {
    const amounts = {
      expected: fromUnits(due, token.decimals),
      received: fromUnits(underpaid, token.decimals),
      currency: token.symbol,
    };
    events.push(paymentUnderpaidEvent(invoice, amounts, ownerFrom(results[partlyPaidAt + 1]), nowSec));
  }

  let credited = false;
  if (creditable) {
    const o = creditable;
    credited = await settleInvoice(db, {
      invoice,
      via: "onchain",
      ref: `${chain.chainId}:${o.txHash}`,
      nowSec,
      actor: { id: null, username: "onchain", ip: chain.name },
      // The block's time was checked against the expiry above; confirmations may come later.
      payableAfterExpiry: true,
      emit: (news) => events.push(...news),
      alongside: (guard) => [
        rawStatement(
          db,
          sql`INSERT INTO chain_payments (invoice_id, chain_id, tx_hash, log_index, token_address, to_address, amount_units, block_number, status, reason, seen_at)
            SELECT ${invoiceId}, ${chain.chainId}, ${o.txHash}, ${o.logIndex}, ${o.tokenAddress}, ${o.toAddress}, ${o.amount.toString()}, ${Number(o.blockNumber)}, 'credited', NULL, ${nowSec}
            WHERE ${guard}
            ON CONFLICT (invoice_id, chain_id, tx_hash, log_index) DO UPDATE SET status = 'credited', reason = NULL`,
        ),
      ],
    });
  }
  const after = (await findInvoice(db, invoiceId))!;
  return {
    invoice: after,
    watching: stillWatching(after, nowSec),
    credited,
    transfersSeen: observations.length,
    events,
  };
}

/** Whether payments to an invoice's deposit are still looked for: it can be paid, and it is not long past its expiry. */
export function stillWatching(invoice: InvoiceRow, nowSec: number): boolean {
  const payable = invoice.status === "open" || invoice.status === "partially_paid" || invoice.status === "expired";
  return payable && nowSec < invoice.expiresAtSec + LATE_WATCH_SEC;
}

export function paymentsOf(db: Db, invoiceId: number): Promise<ChainPaymentRow[]> {
  return db.select().from(chainPayments).where(eq(chainPayments.invoiceId, invoiceId)).orderBy(chainPayments.id).all();
}

const recentSchema = z.object({
  status: z.enum(CHAIN_PAYMENT_STATUSES).nullish(),
  first: z.number().int().min(1).max(100).nullish(),
});

export function recentPayments(db: Db, raw: unknown): Promise<ChainPaymentRow[]> {
  const { status, first } = parseInput(recentSchema, raw);
  return db
    .select()
    .from(chainPayments)
    .where(status ? eq(chainPayments.status, status) : undefined)
    .orderBy(desc(chainPayments.id))
    .limit(first ?? 50)
    .all();
}
