import { BaseError, ContractFunctionExecutionError, erc20Abi, HttpRequestError, TimeoutError } from "viem";
import { getBlockNumber, getChainId, readContract } from "viem/actions";
import { z } from "zod";
import { parseInput } from "../../errors/validate";
import { chainClient, chainIdSchema, contractAddressSchema, MAX_TOKEN_DECIMALS, rpcUrlSchema } from "./rpc";

/** Long enough for a distant hosted RPC, short enough that an admin waiting on the button is not left guessing. */
export const TEST_TIMEOUT_MS = 5_000;

const testChainSchema = z.object({
  rpcUrl: rpcUrlSchema,
  chainId: chainIdSchema,
  tokenAddress: contractAddressSchema.nullish(),
});

export interface ChainTestResult {
  ok: boolean;
  reportedChainId: number | null;
  latestBlock: number | null;
  tokenDecimals: number | null;
  tokenSymbol: string | null;
  problems: string[];
}

/**
 * Asks an RPC what an admin is about to save: its chain id and head, and (with tokenAddress) the
 * ERC-20's decimals() and symbol(). Bad input is BAD_USER_INPUT; anything the RPC or the contract
 * does wrong is a problem in words, never a throw, so the form can show it beside the fields.
 * Takes the URL itself (not a chain row) so it runs before anything is stored, and against a
 * local chain in tests.
 */
export async function testChain(raw: unknown, timeoutMs = TEST_TIMEOUT_MS): Promise<ChainTestResult> {
  const input = parseInput(testChainSchema, raw);
  const client = chainClient(input.rpcUrl, timeoutMs);
  const result: ChainTestResult = {
    ok: false,
    reportedChainId: null,
    latestBlock: null,
    tokenDecimals: null,
    tokenSymbol: null,
    problems: [],
  };
  const problem = (text: string) => result.problems.push(text);
  const rpcFailure = (error: unknown) => describeFailure(error, "the RPC", timeoutMs);

  const [chainId, head] = await Promise.allSettled([getChainId(client), getBlockNumber(client, { cacheTime: 0 })]);
  if (chainId.status === "rejected") {
    problem(rpcFailure(chainId.reason));
    return result;
  }
  result.reportedChainId = chainId.value;
  if (head.status === "fulfilled") result.latestBlock = Number(head.value);
  else problem(`the RPC answered its chain id but not its latest block: ${rpcFailure(head.reason)}`);
  if (chainId.value !== input.chainId) {
    // The token would be read on the wrong chain: what it answers there says nothing about this one.
    problem(`the RPC reports chain id ${chainId.value}, not ${input.chainId}`);
    return result;
  }

  if (input.tokenAddress) {
    const address = input.tokenAddress;
    const [decimals, symbol] = await Promise.allSettled([
      readContract(client, { address, abi: erc20Abi, functionName: "decimals" }),
      readContract(client, { address, abi: erc20Abi, functionName: "symbol" }),
    ]);
    if (decimals.status === "rejected") problem(describeFailure(decimals.reason, address, timeoutMs, "decimals()"));
    else if (decimals.value > MAX_TOKEN_DECIMALS)
      problem(`${address} answered decimals() = ${decimals.value}; the panel supports at most ${MAX_TOKEN_DECIMALS}`);
    else result.tokenDecimals = decimals.value;
    if (symbol.status === "rejected") problem(describeFailure(symbol.reason, address, timeoutMs, "symbol()"));
    else result.tokenSymbol = symbol.value;
  }
  result.ok = result.problems.length === 0;
  return result;
}

/**
 * One failure in words an admin can act on. Never viem's full message: it repeats the request
 * and the URL (which often carries the provider's API key).
 */
function describeFailure(error: unknown, who: string, timeoutMs: number, call?: string): string {
  if (!(error instanceof BaseError)) throw error;
  if (error.walk((e) => e instanceof TimeoutError))
    return `no answer from the RPC within ${timeoutMs / 1000} s${call ? ` to ${who}'s ${call}` : ""}`;
  const unreachable = error.walk((e) => e instanceof HttpRequestError);
  // A contract call that reached the RPC but not an ERC-20: no code there, a revert, or another shape.
  if (call && !unreachable && error instanceof ContractFunctionExecutionError)
    return `${who} answered no ${call}: not an ERC-20 token?`;
  const reason =
    unreachable instanceof HttpRequestError && unreachable.status
      ? `HTTP status ${unreachable.status}`
      : (unreachable instanceof BaseError ? unreachable : error).shortMessage.replace(/\.$/, "");
  return `${who} could not be read${call ? ` for ${call}` : ""}: ${reason}`;
}
