/** The Payments page's chain and token reads and changes; each change names the reads it makes stale. */
import { request } from "../../api/client";
import {
  ChainsPage,
  CreateChain,
  CreateChainToken,
  DepositSource,
  TestChain,
  UpdateChain,
  UpdateChainToken,
} from "../../graphql/billing-payments";
import type {
  ChainsPageQuery,
  CreateChainInput,
  CreateChainTokenInput,
  TestChainInput,
  UpdateChainInput,
  UpdateChainTokenInput,
} from "../../graphql/generated/graphql";
import { saveMutation, signedInQuery } from "../../lib/query";

export type Chain = ChainsPageQuery["chains"][number];
export type Token = ChainsPageQuery["chainTokens"][number];

export const chainsQuery = signedInQuery(() => request(ChainsPage), "chains");
export const depositSourceQuery = signedInQuery(
  async () => (await request(DepositSource)).billingStatus.onchainDepositSourceConfigured,
  "depositSource",
);

export const saveChain = saveMutation("saveChain", chainsQuery, {
  create: (input: CreateChainInput & UpdateChainInput) => request(CreateChain, { input }),
  update: (chain: Chain, { chainId: _fixed, ...changes }) => request(UpdateChain, { id: chain.id, input: changes }),
});

export const saveToken = saveMutation("saveToken", chainsQuery, {
  create: (input: CreateChainTokenInput) => request(CreateChainToken, { input }),
  update: (token: Token, { symbol, decimals, currency, enabled }) => {
    const changes: UpdateChainTokenInput = { symbol, decimals, currency, enabled };
    return request(UpdateChainToken, { id: token.id, input: changes });
  },
});

/** Nothing is saved: the answer is for the form that asked. */
export const testChain = async (input: TestChainInput) => (await request(TestChain, { input })).testChain;
export type ChainTest = Awaited<ReturnType<typeof testChain>>;
