import { createClient, http, type Client } from "viem";

/**
 * A bare viem client for an admin-configured chain: callers import each action they use from
 * viem/actions, so the Worker bundles those and not every public action. No retries: the next
 * alarm is the retry.
 */
export function chainClient(rpcUrl: string): Client {
  return createClient({ transport: http(rpcUrl, { retryCount: 0, timeout: 10_000 }) });
}
