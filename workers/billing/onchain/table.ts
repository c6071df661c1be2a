import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { invoices } from "../invoices/table";

export const chains = sqliteTable("chains", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  /** EIP-155 chain id. */
  chainId: integer("chain_id").notNull().unique(),
  rpcUrl: text("rpc_url").notNull(),
  confirmations: integer("confirmations").notNull().default(3),
  /** Widest eth_getLogs block range the RPC accepts; providers cap it (Alchemy at 2,000, its free tier lower). */
  logBlockRange: integer("log_block_range").notNull().default(2000),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  /** A block explorer's base URL (https://etherscan.io): the admin app links transactions to `<base>/tx/<hash>`. */
  explorerUrl: text("explorer_url"),
});

export const chainTokens = sqliteTable("chain_tokens", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  chainRowId: integer("chain_row_id")
    .notNull()
    .references(() => chains.id, { onDelete: "cascade" }),
  symbol: text("symbol").notNull(),
  /** ERC-20 contract, lower-case; null is the chain's native coin (ETH). */
  address: text("address"),
  decimals: integer("decimals").notNull(),
  /** The invoice currency this token settles one-for-one ("USD" for a dollar stablecoin, "ETH" for ether). */
  currency: text("currency").notNull(),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
});

/** The deposit an on-chain payer must make for one invoice: one address per invoice, exact amount. */
export const chainDeposits = sqliteTable("chain_deposits", {
  invoiceId: integer("invoice_id")
    .primaryKey()
    .references(() => invoices.id, { onDelete: "cascade" }),
  tokenId: integer("token_id")
    .notNull()
    .references(() => chainTokens.id),
  /** Derived from ONCHAIN_XPUB at index = invoice id; lower-case. */
  address: text("address").notNull().unique(),
  /** Smallest units, decimal string (uint256 does not fit a number). */
  amountUnits: text("amount_units").notNull(),
  /** Scans start here: the head when the deposit was made, so older transfers never count. */
  fromBlock: integer("from_block").notNull(),
  /** The head the last round read logs up to; the next reads from a little behind it (see verify.ts). */
  scannedToBlock: integer("scanned_to_block"),
  createdAtSec: integer("created_at").notNull().default(sql`(unixepoch())`),
});

export const CHAIN_PAYMENT_STATUSES = ["pending", "credited", "rejected"] as const;
export const REJECTION_REASONS = [
  "wrong_token",
  "wrong_recipient",
  "underpaid",
  "reused",
  "after_expiry",
  "failed",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Every transfer seen for an invoice's deposit, good or bad: what the admin reviews. */
export const chainPayments = sqliteTable(
  "chain_payments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    invoiceId: integer("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    chainId: integer("chain_id").notNull(),
    txHash: text("tx_hash").notNull(),
    /** -1 for a native transfer (no log). */
    logIndex: integer("log_index").notNull(),
    /** Contract that emitted the transfer, or null for native. */
    tokenAddress: text("token_address"),
    toAddress: text("to_address").notNull(),
    amountUnits: text("amount_units").notNull(),
    blockNumber: integer("block_number").notNull(),
    status: text("status", { enum: CHAIN_PAYMENT_STATUSES }).notNull(),
    reason: text("reason", { enum: REJECTION_REASONS }),
    seenAtSec: integer("seen_at").notNull(),
  },
  (t) => [
    // One transfer is recorded once per invoice; across invoices, credited_tx below keeps it from paying twice.
    uniqueIndex("chain_payments_transfer_unique").on(t.invoiceId, t.chainId, t.txHash, t.logIndex),
    // A transaction pays at most one invoice, whatever its logs say.
    uniqueIndex("chain_payments_credited_tx_unique").on(t.chainId, t.txHash).where(sql`status = 'credited'`),
    index("chain_payments_tx_idx").on(t.chainId, t.txHash),
  ],
);

export type ChainRow = typeof chains.$inferSelect;
export type ChainTokenRow = typeof chainTokens.$inferSelect;
export type ChainDepositRow = typeof chainDeposits.$inferSelect;
export type ChainPaymentRow = typeof chainPayments.$inferSelect;
