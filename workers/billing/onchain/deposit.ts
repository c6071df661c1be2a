import { eq } from "drizzle-orm";
import { getBlockNumber } from "viem/actions";
import { z } from "zod";
import type { Db } from "../../db/client";
import { DomainError, notFound } from "../../errors/domain-error";
import { parseInput } from "../../errors/validate";
import { idSchema } from "../../graphql/ids";
import { fromUnits, toUnits } from "../money";
import type { InvoiceRow } from "../invoices/table";
import { depositAddress } from "./address";
import { tokenWithChain } from "./config";
import { chainClient, readChain } from "./rpc";
import { chainDeposits, type ChainDepositRow } from "./table";

/** What the payer page shows for an on-chain deposit. */
export interface DepositView {
  address: string;
  amount: string;
  amountUnits: string;
  symbol: string;
  tokenAddress: string | null;
  chainId: number;
  chainName: string;
  confirmations: number;
  /** ethereum: link wallets open with the transfer filled in (EIP-681). */
  eip681: string;
}

export function eip681(view: Omit<DepositView, "eip681">): string {
  return view.tokenAddress
    ? `ethereum:${view.tokenAddress}@${view.chainId}/transfer?address=${view.address}&uint256=${view.amountUnits}`
    : `ethereum:${view.address}@${view.chainId}?value=${view.amountUnits}`;
}

export async function depositView(db: Db, invoiceId: number): Promise<DepositView | null> {
  const deposit = await db.select().from(chainDeposits).where(eq(chainDeposits.invoiceId, invoiceId)).get();
  if (!deposit) return null;
  const found = (await tokenWithChain(db, deposit.tokenId))!;
  const view = {
    address: deposit.address,
    amount: fromUnits(BigInt(deposit.amountUnits), found.token.decimals).replace(/\.?0+$/, ""),
    amountUnits: deposit.amountUnits,
    symbol: found.token.symbol,
    tokenAddress: found.token.address,
    chainId: found.chain.chainId,
    chainName: found.chain.name,
    confirmations: found.chain.confirmations,
  };
  return { ...view, eip681: eip681(view) };
}

const choiceSchema = z.object({ tokenId: idSchema });

/**
 * Fixes how an open invoice is paid on-chain: the token, the exact amount in its units, the
 * invoice's own deposit address, and the block scans start from. Once made, the choice stands:
 * a payer who already sent funds must find the same address when coming back.
 */
export async function openDeposit(
  db: Db,
  env: Pick<Env, "ONCHAIN_XPUB">,
  invoice: InvoiceRow,
  rawChoice: unknown,
): Promise<ChainDepositRow> {
  const existing = await db.select().from(chainDeposits).where(eq(chainDeposits.invoiceId, invoice.id)).get();
  if (existing) return existing;
  if (invoice.status !== "open") throw new DomainError("CONFLICT", `invoice ${invoice.id} is ${invoice.status}`);
  const { tokenId } = parseInput(choiceSchema, rawChoice);
  const found = await tokenWithChain(db, tokenId);
  if (!found?.token.enabled || !found.chain.enabled || found.token.currency !== invoice.currency)
    throw notFound("token", tokenId);
  if (!env.ONCHAIN_XPUB) throw new DomainError("CONFLICT", "on-chain payments are not configured (ONCHAIN_XPUB)");
  let amountUnits: bigint;
  try {
    amountUnits = toUnits(invoice.total, found.token.decimals);
  } catch {
    throw new DomainError(
      "BAD_USER_INPUT",
      `${invoice.total} ${invoice.currency} has more decimals than ${found.token.symbol} can carry`,
    );
  }
  const fromBlock = Number(
    await readChain("open deposit", () => getBlockNumber(chainClient(found.chain.rpcUrl), { cacheTime: 0 })),
  );
  const [row] = await db
    .insert(chainDeposits)
    .values({
      invoiceId: invoice.id,
      tokenId,
      address: depositAddress(env.ONCHAIN_XPUB, invoice.id),
      amountUnits: amountUnits.toString(),
      fromBlock,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? (await db.select().from(chainDeposits).where(eq(chainDeposits.invoiceId, invoice.id)).get())!;
}
