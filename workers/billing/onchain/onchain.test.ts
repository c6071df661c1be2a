import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { adminAs, countRows, errorCode, gql, ok, ownerToken } from "../../test/api";
import { createPlan, servedUser } from "../testing";
import { depositAddress } from "./address";

let owner: string;
beforeAll(async () => {
  owner = await ownerToken();
});

const CHAIN = `mutation ($i: CreateChainInput!) { createChain(input: $i) { id name chainId rpcUrl confirmations enabled } }`;
const TOKEN = `mutation ($i: CreateChainTokenInput!) { createChainToken(input: $i) { id symbol address decimals currency chain { chainId } } }`;

describe("chains and tokens", () => {
  it("are configured by admins only, with validated RPC URLs and contract addresses", async () => {
    const chain = ok(await gql(CHAIN, { i: { name: "Base", chainId: 8453, rpcUrl: "https://rpc.example/base" } }, { token: owner })).createChain;
    expect(chain).toMatchObject({ chainId: 8453, confirmations: 3, enabled: true });
    const usdc = ok(await gql(TOKEN, { i: { chainId: chain.id, symbol: "USDC", address: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", decimals: 6, currency: "usd" } }, { token: owner })).createChainToken;
    expect(usdc).toEqual({ id: usdc.id, symbol: "USDC", address: "0x833589fcd6edb6e08f4c7c32d4f71b54bda02913", decimals: 6, currency: "USD", chain: { chainId: 8453 } });

    const before = await countRows("chain_tokens");
    expect(errorCode(await gql(CHAIN, { i: { name: "dup", chainId: 8453, rpcUrl: "https://rpc.example" } }, { token: owner }))).toBe("CONFLICT");
    expect(errorCode(await gql(CHAIN, { i: { name: "bad", chainId: 1, rpcUrl: "ftp://rpc.example" } }, { token: owner }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await gql(TOKEN, { i: { chainId: chain.id, symbol: "X", address: "0x1234", decimals: 6, currency: "USD" } }, { token: owner }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await gql(TOKEN, { i: { chainId: "99999", symbol: "X", decimals: 18, currency: "ETH" } }, { token: owner }))).toBe("NOT_FOUND");
    const reseller = await adminAs(owner, "RESELLER");
    expect(errorCode(await gql(TOKEN, { i: { chainId: chain.id, symbol: "ETH", decimals: 18, currency: "ETH" } }, { token: reseller.token }))).toBe("FORBIDDEN");
    expect(await countRows("chain_tokens")).toBe(before);
  });

  it("refuse an update that changes nothing with a clear error, not a crash", async () => {
    const chain = ok(await gql(CHAIN, { i: { name: "Arb", chainId: 42161, rpcUrl: "https://rpc.example/arb" } }, { token: owner })).createChain;
    const update = `mutation ($id: ID!, $i: UpdateChainInput!) { updateChain(id: $id, input: $i) { confirmations } }`;
    const empty = await gql(update, { id: chain.id, i: {} }, { token: owner });
    expect(errorCode(empty)).toBe("BAD_USER_INPUT");
    expect(ok(await gql(update, { id: chain.id, i: { confirmations: 5 } }, { token: owner })).updateChain).toEqual({ confirmations: 5 });
  });
});

describe("deposit addresses", () => {
  it("are one per invoice, stable, and come from the configured xpub", () => {
    const a = depositAddress(env.ONCHAIN_XPUB, 1);
    expect(a).toMatch(/^0x[0-9a-f]{40}$/);
    expect(depositAddress(env.ONCHAIN_XPUB, 1)).toBe(a);
    expect(depositAddress(env.ONCHAIN_XPUB, 2)).not.toBe(a);
    expect(() => depositAddress("not-an-xpub", 1)).toThrow(/ONCHAIN_XPUB/);
  });
});

describe("the payer's on-chain choice", () => {
  it("refuses a token of another currency and a check before any deposit, without writing", async () => {
    const chain = ok(await gql(CHAIN, { i: { name: "Eth", chainId: 1, rpcUrl: "http://127.0.0.1:9" } }, { token: owner })).createChain;
    const eth = ok(await gql(TOKEN, { i: { chainId: chain.id, symbol: "ETH", decimals: 18, currency: "ETH" } }, { token: owner })).createChainToken;
    const { user } = await servedUser(owner);
    const token = (await env.DB.prepare("SELECT sub_token AS t FROM users WHERE id = ?").bind(Number(user.id)).first<{ t: string }>())!.t;
    const plan = await createPlan(owner);
    const invoice = ok(await gql(`mutation ($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }`, { i: { userId: user.id, planId: plan.id, currency: "USD" } }, { token: owner })).createInvoice;
    const post = (path: string, body: unknown) =>
      exports.default.fetch(`http://panel.test/sub/${token}/invoices/${invoice.id}/${path}`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });

    expect((await post("onchain", { tokenId: eth.id })).status).toBe(404); // ETH cannot settle a USD invoice
    expect((await post("onchain/check", {})).status).toBe(409);
    expect((await post("onchain/check", { txHash: "0x1234" })).status).toBe(400);
    expect(await countRows("chain_deposits")).toBe(0);
  });
});
