import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { auditBy, type ActorContext } from "../../audit/record";
import { runBatch, type Db } from "../../db/client";
import { isUniqueViolation } from "../../db/constraints";
import { DomainError, notFound } from "../../errors/domain-error";
import { parseInput } from "../../errors/validate";
import { idSchema } from "../../graphql/ids";
import { currencySchema } from "../money";
import { chainIdSchema, contractAddressSchema, MAX_TOKEN_DECIMALS, rpcUrlSchema } from "./rpc";
import { chains, chainTokens, type ChainRow, type ChainTokenRow } from "./table";

/**
 * An explorer's base URL: transactions link to `<base>/tx/<hash>`, so a query or fragment would
 * end up in the middle of the link. Stored without a trailing slash for the same reason.
 */
const explorerUrl = z
  .string()
  .trim()
  .max(512)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !url.search && !url.hash && !value.includes("?");
  }, "must be an absolute http(s) URL without a query or fragment, e.g. https://etherscan.io")
  .transform((value) => value.replace(/\/+$/, ""));
/** "" is no link: a form's emptied field clears it on update. */
const explorerUrlOrEmpty = z.union([z.literal("").transform(() => null), explorerUrl]);
const chainSchema = z.object({
  name: z.string().trim().min(1).max(64),
  chainId: chainIdSchema,
  rpcUrl: rpcUrlSchema,
  confirmations: z.number().int().min(1).max(1000),
  logBlockRange: z.number().int().min(1).max(1_000_000),
  enabled: z.boolean(),
  explorerUrl: explorerUrlOrEmpty,
});
const chainCreateSchema = chainSchema.extend({
  confirmations: chainSchema.shape.confirmations.default(3),
  logBlockRange: chainSchema.shape.logBlockRange.default(2000),
  enabled: chainSchema.shape.enabled.default(true),
  explorerUrl: explorerUrlOrEmpty.nullish(),
});
const chainUpdateSchema = chainSchema
  .omit({ chainId: true })
  .partial()
  .refine(
    (input) => Object.values(input).some((value) => value !== undefined),
    "give at least one of name, rpcUrl, confirmations, logBlockRange, enabled, explorerUrl to change",
  );
const tokenSchema = z.object({
  chainId: idSchema,
  symbol: z.string().trim().min(1).max(16),
  /** Null or absent: the chain's native coin. */
  address: contractAddressSchema.nullish(),
  decimals: z.number().int().min(0).max(MAX_TOKEN_DECIMALS),
  currency: currencySchema,
  enabled: z.boolean().default(true),
});
const tokenUpdateSchema = tokenSchema
  .pick({ symbol: true, decimals: true, currency: true })
  .extend({ enabled: z.boolean() })
  .partial()
  .refine(
    (input) => Object.values(input).some((value) => value !== undefined),
    "give at least one of symbol, decimals, currency, enabled to change",
  );

export const listChains = (db: Db) => db.select().from(chains).orderBy(asc(chains.name)).all();
export const listTokens = (db: Db) => db.select().from(chainTokens).orderBy(asc(chainTokens.symbol)).all();

export async function createChain(ctx: ActorContext, raw: unknown): Promise<ChainRow> {
  const input = parseInput(chainCreateSchema, raw);
  try {
    const [rows] = (await runBatch(ctx.db, [
      ctx.db.insert(chains).values(input).returning(),
      auditBy(ctx, { action: "chain.create", targetType: "chain", targetId: input.chainId, details: input }),
    ])) as [ChainRow[]];
    return rows[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", `chain ${input.chainId} is already configured`);
    throw error;
  }
}

export async function updateChain(ctx: ActorContext, id: number, raw: unknown): Promise<ChainRow> {
  const input = parseInput(chainUpdateSchema, raw);
  const [rows] = (await runBatch(ctx.db, [
    ctx.db.update(chains).set(input).where(eq(chains.id, id)).returning(),
    auditBy(ctx, { action: "chain.update", targetType: "chain", targetId: id, details: input }),
  ])) as [ChainRow[]];
  if (!rows.length) throw notFound("chain", id);
  return rows[0]!;
}

export async function createChainToken(ctx: ActorContext, raw: unknown): Promise<ChainTokenRow> {
  const input = parseInput(tokenSchema, raw);
  if (!(await ctx.db.select().from(chains).where(eq(chains.id, input.chainId)).get()))
    throw notFound("chain", input.chainId);
  const { chainId, ...fields } = input;
  const [rows] = (await runBatch(ctx.db, [
    ctx.db
      .insert(chainTokens)
      .values({ ...fields, address: fields.address ?? null, chainRowId: chainId })
      .returning(),
    auditBy(ctx, { action: "chain_token.create", targetType: "chain", targetId: chainId, details: input }),
  ])) as [ChainTokenRow[]];
  return rows[0]!;
}

/** The address is not editable: a different contract is a different token (and past deposits name this one). */
export async function updateChainToken(ctx: ActorContext, id: number, raw: unknown): Promise<ChainTokenRow> {
  const input = parseInput(tokenUpdateSchema, raw);
  const token = await ctx.db.select().from(chainTokens).where(eq(chainTokens.id, id)).get();
  if (!token) throw notFound("chain token", id);
  const [rows] = (await runBatch(ctx.db, [
    ctx.db.update(chainTokens).set(input).where(eq(chainTokens.id, id)).returning(),
    auditBy(ctx, {
      action: "chain_token.update",
      targetType: "chain",
      targetId: token.chainRowId,
      details: { tokenId: id, ...input },
    }),
  ])) as [ChainTokenRow[]];
  if (!rows.length) throw notFound("chain token", id);
  return rows[0]!;
}

/** Enabled tokens on enabled chains that settle `currency`, with their chain. */
export function tokensFor(db: Db, currency: string) {
  return db
    .select({ token: chainTokens, chain: chains })
    .from(chainTokens)
    .innerJoin(chains, eq(chains.id, chainTokens.chainRowId))
    .where(and(eq(chainTokens.currency, currency), eq(chainTokens.enabled, true), eq(chains.enabled, true)))
    .all();
}

export function tokenWithChain(db: Db, tokenId: number) {
  return db
    .select({ token: chainTokens, chain: chains })
    .from(chainTokens)
    .innerJoin(chains, eq(chains.id, chainTokens.chainRowId))
    .where(eq(chainTokens.id, tokenId))
    .get();
}
