import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { chainDeposits, chains, chainTokens, type ChainPaymentRow } from "./table";

/** The chain an invoice's deposit is on, and the head its last verification round read up to. */
export function depositChain(db: Db, invoiceId: number) {
  return db
    .select({
      checkedBlock: chainDeposits.scannedToBlock,
      required: chains.confirmations,
      explorerUrl: chains.explorerUrl,
    })
    .from(chainDeposits)
    .innerJoin(chainTokens, eq(chainTokens.id, chainDeposits.tokenId))
    .innerJoin(chains, eq(chains.id, chainTokens.chainRowId))
    .where(eq(chainDeposits.invoiceId, invoiceId))
    .get();
}

/**
 * Blocks on top of a transfer, its own included, as of the last round's head (never negative:
 * a reorg can leave a recorded block above it). A credited transfer had its confirmations when
 * it was credited, so it shows at least the chain's requirement even if no round has run since.
 */
export function confirmationsOf(
  payment: Pick<ChainPaymentRow, "blockNumber" | "status">,
  checkedBlock: number | null,
  required: number,
): number {
  const seen = checkedBlock === null ? 0 : Math.max(0, checkedBlock - payment.blockNumber + 1);
  return payment.status === "credited" ? Math.max(seen, required) : seen;
}

/** The explorer's page for a transaction, or null when the chain names no explorer. */
export const transactionUrl = (explorerUrl: string | null, txHash: string) =>
  explorerUrl ? `${explorerUrl.replace(/\/+$/, "")}/tx/${txHash}` : null;

/** The head the last round read up to for the deposit at this address (unique per invoice); null before the first. */
export async function checkedBlockOf(db: Db, depositAddress: string): Promise<number | null> {
  const deposit = await db
    .select({ block: chainDeposits.scannedToBlock })
    .from(chainDeposits)
    .where(eq(chainDeposits.address, depositAddress))
    .get();
  return deposit?.block ?? null;
}
