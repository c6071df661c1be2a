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
import { mutation, signedInQuery } from "../../lib/query";

export type Chain = ChainsPageQuery["chains"][number];
export type Token = ChainsPageQuery["chainTokens"][number];

export const chainsQuery = signedInQuery(() => request(ChainsPage), "chains");
export const depositSourceQuery = signedInQuery(
  async () => (await request(DepositSource)).billingStatus.onchainDepositSourceConfigured,
  "depositSource",
);

export const saveChain = mutation(
  async (target: Chain | "new", input: CreateChainInput & UpdateChainInput) => {
    if (target === "new") await request(CreateChain, { input });
    else {
      const { chainId: _fixed, ...changes } = input;
      await request(UpdateChain, { id: target.id, input: changes });
    }
  },
  "saveChain",
  [chainsQuery],
);

export const saveToken = mutation(
  async (target: Token | "new", input: CreateChainTokenInput) => {
    if (target === "new") await request(CreateChainToken, { input });
    else {
      const { symbol, decimals, currency, enabled } = input;
      const changes: UpdateChainTokenInput = { symbol, decimals, currency, enabled };
      await request(UpdateChainToken, { id: target.id, input: changes });
    }
  },
  "saveToken",
  [chainsQuery],
);

/** Nothing is saved: the answer is for the form that asked. */
export const testChain = async (input: TestChainInput) => (await request(TestChain, { input })).testChain;
export type ChainTest = Awaited<ReturnType<typeof testChain>>;
