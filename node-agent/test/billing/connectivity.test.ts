/**
 * The chain test an admin runs before saving a chain or a token, against a real anvil chain and a
 * real ERC-20 (the Worker-side file cannot start processes; the function takes the RPC URL alone).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testChain } from "../../../workers/billing/onchain/connectivity.ts";
import { clients, deployTestToken, startAnvil, type Chain } from "./chain.ts";

let chain: Chain;
let token: `0x${string}`;
let silent: Server;
let silentUrl: string;

beforeAll(async () => {
  chain = await startAnvil();
  token = (await deployTestToken(clients(chain.rpcUrl), "USDT")).address;
  // An RPC that accepts the connection and never answers, as an overloaded provider does.
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(async () => {
  silent?.closeAllConnections();
  silent?.close();
  await chain?.stop();
});

describe("testing a chain", () => {
  it("confirms the chain id and tells the latest block", async () => {
    const head = Number(await clients(chain.rpcUrl).public.getBlockNumber());
    const result = await testChain({ rpcUrl: chain.rpcUrl, chainId: 31337 });
    expect(result).toEqual({
      ok: true,
      reportedChainId: 31337,
      latestBlock: expect.any(Number),
      tokenDecimals: null,
      tokenSymbol: null,
      problems: [],
    });
    expect(result.latestBlock).toBeGreaterThanOrEqual(head);
  });

  it("says which chain the RPC is really on when it is not the one typed", async () => {
    const result = await testChain({ rpcUrl: chain.rpcUrl, chainId: 1, tokenAddress: token });
    expect(result).toMatchObject({ ok: false, reportedChainId: 31337, tokenDecimals: null });
    expect(result.problems).toEqual(["the RPC reports chain id 31337, not 1"]);
  });

  it("reads an ERC-20's decimals and symbol from the contract", async () => {
    const result = await testChain({
      rpcUrl: chain.rpcUrl,
      chainId: 31337,
      tokenAddress: token.toUpperCase().replace("0X", "0x"),
    });
    expect(result).toMatchObject({ ok: true, tokenDecimals: 6, tokenSymbol: "USDT", problems: [] });
  });

  it("says an address without an ERC-20 behind it is probably not a token", async () => {
    const nothing = `0x${"12".repeat(20)}`;
    const result = await testChain({ rpcUrl: chain.rpcUrl, chainId: 31337, tokenAddress: nothing });
    expect(result).toMatchObject({ ok: false, reportedChainId: 31337, tokenDecimals: null, tokenSymbol: null });
    expect(result.problems).toEqual([
      `${nothing} answered no decimals(): not an ERC-20 token?`,
      `${nothing} answered no symbol(): not an ERC-20 token?`,
    ]);
  });

  it("gives up on an RPC that does not answer, and says so", async () => {
    const result = await testChain({ rpcUrl: silentUrl, chainId: 31337 }, 300);
    expect(result).toMatchObject({ ok: false, reportedChainId: null, latestBlock: null });
    expect(result.problems).toEqual(["no answer from the RPC within 0.3 s"]);
  });

  it("says the RPC could not be reached when nothing listens there", async () => {
    const result = await testChain({ rpcUrl: "http://127.0.0.1:9", chainId: 31337 });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/^the RPC could not be read: /)]);
  });
});
