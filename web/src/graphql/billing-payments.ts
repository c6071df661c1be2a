import { graphql } from "./generated";

export const ChainsPage = graphql(`
  query ChainsPage {
    chains {
      id
      name
      chainId
      rpcUrl
      confirmations
      logBlockRange
      explorerUrl
      enabled
    }
    chainTokens {
      id
      chain {
        id
      }
      symbol
      address
      decimals
      currency
      enabled
    }
  }
`);

/** Apart from the chains: the page shows them even while this answer fails. */
export const DepositSource = graphql(`
  query DepositSource {
    billingStatus {
      onchainDepositSourceConfigured
    }
  }
`);

export const CreateChain = graphql(`
  mutation CreateChain($input: CreateChainInput!) {
    createChain(input: $input) {
      id
    }
  }
`);

export const UpdateChain = graphql(`
  mutation UpdateChain($id: ID!, $input: UpdateChainInput!) {
    updateChain(id: $id, input: $input) {
      id
    }
  }
`);

export const CreateChainToken = graphql(`
  mutation CreateChainToken($input: CreateChainTokenInput!) {
    createChainToken(input: $input) {
      id
    }
  }
`);

export const UpdateChainToken = graphql(`
  mutation UpdateChainToken($id: ID!, $input: UpdateChainTokenInput!) {
    updateChainToken(id: $id, input: $input) {
      id
    }
  }
`);

export const TestChain = graphql(`
  mutation TestChain($input: TestChainInput!) {
    testChain(input: $input) {
      ok
      reportedChainId
      latestBlock
      tokenDecimals
      tokenSymbol
      problems
    }
  }
`);
