/**
 * A real local EVM chain for the checkout tests: anvil from its npm package (no download), and a
 * test ERC-20 compiled with solc-js and deployed fresh on every run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createPublicClient, createTestClient, createWalletClient, http, type Abi, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";

const require = createRequire(import.meta.url);
/** anvil's first default account (the well-known "test test … junk" mnemonic): funded, test-only. */
export const PAYER_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

export interface Chain {
  rpcUrl: string;
  stop(): Promise<void>;
}

export async function startAnvil(): Promise<Chain> {
  const binary = join(require.resolve("@foundry-rs/anvil-linux-amd64/package.json"), "..", "bin", "anvil");
  const child: ChildProcess = spawn(binary, ["--host", "127.0.0.1", "--port", "0", "--chain-id", String(foundry.id)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /Listening on 127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`anvil exited (${code}):\n${output}`)));
  });
  return {
    rpcUrl: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export interface CappedRpc {
  url: string;
  /** Every eth_getLogs asked for: the recipient topic (lower-case address) and the block range. */
  logQueries: { to: string; from: bigint; until: bigint }[];
  close(): Promise<void>;
}

/**
 * Stands where a hosted RPC provider would between the panel and anvil: forwards every call, but
 * refuses an eth_getLogs over `maxBlocks` blocks the way Alchemy and others do.
 */
export async function startRangeCappedRpc(upstream: string, maxBlocks: number): Promise<CappedRpc> {
  const logQueries: CappedRpc["logQueries"] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const call = JSON.parse(body) as {
      id: number;
      method: string;
      params: [{ fromBlock: string; toBlock: string; topics?: (string | null)[] }];
    };
    if (call.method === "eth_getLogs") {
      const { fromBlock, toBlock, topics } = call.params[0];
      const query = { to: `0x${(topics?.[2] ?? "").slice(-40)}`, from: BigInt(fromBlock), until: BigInt(toBlock) };
      logQueries.push(query);
      if (query.until - query.from + 1n > BigInt(maxBlocks)) {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            jsonrpc: "2.0",
            id: call.id,
            error: { code: -32600, message: `eth_getLogs is limited to a ${maxBlocks} block range` },
          }),
        );
        return;
      }
    }
    const forwarded = await fetch(upstream, { method: "POST", headers: { "content-type": "application/json" }, body });
    response.writeHead(forwarded.status, { "content-type": "application/json" });
    response.end(await forwarded.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    logQueries,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let compiled: { abi: Abi; bytecode: Hex } | undefined;

/** TestToken.sol through solc-js (about a second), once per test process. */
export function compileTestToken(): { abi: Abi; bytecode: Hex } {
  if (compiled) return compiled;
  const solc = require("solc");
  const source = readFileSync(join(import.meta.dirname, "TestToken.sol"), "utf8");
  const input = {
    language: "Solidity",
    sources: { "TestToken.sol": { content: source } },
    settings: { evmVersion: "shanghai", outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === "error");
  if (errors.length) throw new Error(JSON.stringify(errors));
  const contract = output.contracts["TestToken.sol"].TestToken;
  compiled = { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
  return compiled;
}

export function clients(rpcUrl: string) {
  const transport = http(rpcUrl, { retryCount: 0 });
  const account = privateKeyToAccount(PAYER_KEY);
  return {
    account,
    public: createPublicClient({ chain: foundry, transport }),
    wallet: createWalletClient({ chain: foundry, transport, account }),
    test: createTestClient({ chain: foundry, transport, mode: "anvil" }),
  };
}

/** Deploys a fresh TestToken (6 decimals) and mints the payer 1,000 of it. */
export async function deployTestToken(
  evm: ReturnType<typeof clients>,
  symbol: string,
): Promise<{ address: Hex; abi: Abi }> {
  const { abi, bytecode } = compileTestToken();
  const hash = await evm.wallet.deployContract({ abi, bytecode, args: [`Test ${symbol}`, symbol] });
  const address = (await evm.public.waitForTransactionReceipt({ hash })).contractAddress!;
  await evm.public.waitForTransactionReceipt({
    hash: await evm.wallet.writeContract({
      address,
      abi,
      functionName: "mint",
      args: [evm.account.address, 1_000_000_000n],
    }),
  });
  return { address, abi };
}
