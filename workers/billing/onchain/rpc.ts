import { createPublicClient, http, type PublicClient } from "viem";

/** A viem client for an admin-configured chain. No retries: the next alarm is the retry. */
export function chainClient(rpcUrl: string): PublicClient {
  return createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: 10_000 }) });
}
