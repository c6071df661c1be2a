import { BaseError, createClient, http, type Client } from "viem";
import { DomainError } from "../../errors/domain-error";

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
