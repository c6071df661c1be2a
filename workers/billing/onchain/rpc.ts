import { type Address, BaseError, createClient, http, type Client } from "viem";
import { z } from "zod";
import { DomainError } from "../../errors/domain-error";

/** What an admin types for a chain and its tokens, shared by saving them and testing them first. */
export const rpcUrlSchema = z
  .string()
  .trim()
  .max(512)
  .regex(/^https?:\/\/\S+$/, "must be an http(s) JSON-RPC URL");
export const chainIdSchema = z.number().int().min(1).max(2_147_483_647, "must fit a GraphQL Int");
export const contractAddressSchema = z
  .string()
  .trim()
  .regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte contract address")
  .transform((v) => v.toLowerCase() as Address);
/** The widest decimals a token may have: amounts are computed with 10^decimals and must stay sane. */
export const MAX_TOKEN_DECIMALS = 36;

/**
 * A bare viem client for an admin-configured chain: callers import each action they use from
 * viem/actions, so the Worker bundles those and not every public action. No retries: the next
 * alarm is the retry (and an admin testing a chain presses the button again).
 */
export function chainClient(rpcUrl: string, timeoutMs = 10_000): Client {
  return createClient({ transport: http(rpcUrl, { retryCount: 0, timeout: timeoutMs }) });
}

export const chainUnreachable = () =>
  new DomainError("UNAVAILABLE", "the chain could not be read just now; try again in a minute");

/**
 * Runs chain reads; an RPC that fails or refuses becomes UNAVAILABLE for the caller (not an
 * internal error) and one log line with viem's short reason, never the RPC URL (it often
 * carries the provider's API key).
 */
export async function readChain<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof BaseError)) throw error;
    console.error(
      JSON.stringify({
        event: "chain_rpc_failed",
        what,
        reason: error.shortMessage,
        details: error.details?.slice(0, 200),
      }),
    );
    throw chainUnreachable();
  }
}
