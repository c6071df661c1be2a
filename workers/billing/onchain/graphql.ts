import { idSchema } from "../../graphql/ids";
import { existing, type GraphQLModule, upperCaseEnum } from "../../graphql/module";
import { parseInput } from "../../errors/validate";
import { createChain, createChainToken, listChains, listTokens, updateChain, updateChainToken } from "./config";
import { testChain } from "./connectivity";
import { depositView } from "./deposit";
import { paymentsOf, recentPayments } from "./verify";
import { CHAIN_PAYMENT_STATUSES, type ChainPaymentRow, REJECTION_REASONS } from "./table";
import { checkedBlockOf, confirmationsOf, depositChain, transactionUrl } from "./confirmations";

export type ChainPaymentStatus = ChainPaymentRow["status"];

const typeDefs = /* GraphQL */ `
  "An EVM chain invoices can be paid on."
  type Chain {
    id: ID!
    name: String!
    "EIP-155 chain id."
    chainId: Int!
    rpcUrl: String!
    "Blocks a payment needs (its own included) before it is credited."
    confirmations: Int!
    "Widest eth_getLogs block range the RPC accepts; payments are looked for in windows no wider."
    logBlockRange: Int!
    enabled: Boolean!
    "A block explorer's base URL, e.g. https://etherscan.io; transactions link to <explorerUrl>/tx/<hash>."
    explorerUrl: String
  }

  "A coin on a chain and the invoice currency it settles one-for-one."
  type ChainToken {
    id: ID!
    chain: Chain!
    symbol: String!
    "ERC-20 contract; null for the chain's native coin."
    address: String
    decimals: Int!
    currency: String!
    enabled: Boolean!
  }

  input CreateChainInput {
    name: String!
    chainId: Int!
    rpcUrl: String!
    confirmations: Int
    "Default 2000 (Alchemy's cap); lower it for a provider with a tighter one."
    logBlockRange: Int
    enabled: Boolean
    explorerUrl: String
  }

  input UpdateChainInput {
    name: String
    rpcUrl: String
    confirmations: Int
    logBlockRange: Int
    enabled: Boolean
    "An empty string clears it."
    explorerUrl: String
  }

  input UpdateChainTokenInput {
    symbol: String
    decimals: Int
    currency: String
    enabled: Boolean
  }

  "What to check before saving a chain (and, with tokenAddress, one of its tokens)."
  input TestChainInput {
    rpcUrl: String!
    "The EIP-155 id the RPC must report."
    chainId: Int!
    "An ERC-20 contract whose decimals and symbol to read; null checks the chain alone."
    tokenAddress: String
  }

  "What the RPC answered. ok is true when it was reached, reported chainId, and (when asked) the token answered."
  type ChainTestResult {
    ok: Boolean!
    reportedChainId: Int
    latestBlock: Int
    tokenDecimals: Int
    tokenSymbol: String
    "Each thing that failed, in words an admin can act on."
    problems: [String!]!
  }

  input CreateChainTokenInput {
    chainId: ID!
    symbol: String!
    address: String
    decimals: Int!
    currency: String!
    enabled: Boolean
  }

  enum ChainPaymentStatus {
    PENDING
    CREDITED
    REJECTED
  }

  "Why an on-chain transfer was not credited."
  enum ChainPaymentRejection {
    WRONG_TOKEN
    WRONG_RECIPIENT
    UNDERPAID
    "The transaction already paid another invoice, or predates this one's deposit."
    REUSED
    AFTER_EXPIRY
    FAILED
  }

  "A transfer seen for an invoice's deposit, good or bad."
  type ChainPayment {
    id: ID!
    invoiceId: ID!
    txHash: String!
    tokenAddress: String
    toAddress: String!
    "Smallest units of the token."
    amountUnits: String!
    blockNumber: Int!
    "Blocks on top of it, its own included, as of the last check of the chain."
    confirmations: Int!
    "The chain's explorer page for the transaction; null when the chain has no explorerUrl."
    explorerUrl: String
    status: ChainPaymentStatus!
    reason: ChainPaymentRejection
    seenAt: DateTime!
  }

  "Where and how much an on-chain payer must send."
  type ChainDeposit {
    address: String!
    amount: String!
    amountUnits: String!
    symbol: String!
    tokenAddress: String
    chainId: Int!
    eip681: String!
    "The chain's head at the last check; null before the first."
    checkedBlock: Int
    "Blocks a payment needs before it is credited."
    confirmationsRequired: Int!
  }

  extend type Invoice {
    deposit: ChainDeposit
    chainPayments: [ChainPayment!]!
  }

  extend type Query {
    "Transfers seen on-chain across invoices, newest first: e.g. every REJECTED one, for review."
    chainPayments(status: ChainPaymentStatus, first: Int): [ChainPayment!]!
    chains: [Chain!]!
    chainTokens: [ChainToken!]!
  }

  extend type Mutation {
    createChain(input: CreateChainInput!): Chain!
    updateChain(id: ID!, input: UpdateChainInput!): Chain!
    createChainToken(input: CreateChainTokenInput!): ChainToken!
    updateChainToken(id: ID!, input: UpdateChainTokenInput!): ChainToken!
    "Asks the RPC for its chain id and latest block (and a token's decimals and symbol) without saving anything."
    testChain(input: TestChainInput!): ChainTestResult!
  }
`;

export const onchainModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.chainPayments": "billing:read",
    "Query.chains": "billing:read",
    "Query.chainTokens": "billing:read",
    "Mutation.createChain": "billing:write",
    "Mutation.updateChain": "billing:write",
    "Mutation.createChainToken": "billing:write",
    "Mutation.updateChainToken": "billing:write",
    "Mutation.testChain": "billing:write",
  },
  resolvers: {
    ChainPaymentStatus: upperCaseEnum(CHAIN_PAYMENT_STATUSES),
    ChainPaymentRejection: upperCaseEnum(REJECTION_REASONS),
    Chain: { id: (c) => String(c.id) },
    ChainToken: {
      id: (t) => String(t.id),
      chain: async (t, _, ctx) =>
        existing(
          (await listChains(ctx.db)).find((c) => c.id === t.chainRowId),
          "chain",
          t.chainRowId,
        ),
    },
    ChainPayment: {
      id: (p) => String(p.id),
      invoiceId: (p) => String(p.invoiceId),
      seenAt: (p) => p.seenAtSec,
      confirmations: async (p, _, ctx) => {
        const chain = await depositChain(ctx.db, p.invoiceId);
        return confirmationsOf(p, chain?.checkedBlock ?? null, chain?.required ?? 0);
      },
      explorerUrl: async (p, _, ctx) =>
        transactionUrl((await depositChain(ctx.db, p.invoiceId))?.explorerUrl ?? null, p.txHash),
    },
    ChainDeposit: {
      checkedBlock: (d, _, ctx) => checkedBlockOf(ctx.db, d.address),
      confirmationsRequired: (d) => d.confirmations,
    },
    Invoice: {
      deposit: (i, _, ctx) => depositView(ctx.db, i.id),
      chainPayments: (i, _, ctx) => paymentsOf(ctx.db, i.id),
    },
    Query: {
      chainPayments: (_, args, ctx) => recentPayments(ctx.db, args),
      chains: (_, __, ctx) => listChains(ctx.db),
      chainTokens: (_, __, ctx) => listTokens(ctx.db),
    },
    Mutation: {
      createChain: (_, args, ctx) => createChain(ctx, args.input),
      updateChain: (_, args, ctx) => updateChain(ctx, parseInput(idSchema, args.id), args.input),
      createChainToken: (_, args, ctx) => createChainToken(ctx, args.input),
      updateChainToken: (_, args, ctx) => updateChainToken(ctx, parseInput(idSchema, args.id), args.input),
      testChain: (_, args) => testChain(args.input),
    },
  },
};
