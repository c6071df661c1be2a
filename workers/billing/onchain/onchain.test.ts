import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { adminAs, countRows, errorCode, gql, ok, ownerToken } from "../../test/api";
import { createPlan, servedUser } from "../testing";
import { depositAddress } from "./address";
import type { ChainDepositRow } from "./table";
import { scanStart } from "./verify";

let owner: string;
beforeAll(async () => {
  owner = await ownerToken();
});

const CHAIN = `mutation ($i: CreateChainInput!) { createChain(input: $i) { id name chainId rpcUrl confirmations enabled } }`;
const TOKEN = `mutation ($i: CreateChainTokenInput!) { createChainToken(input: $i) { id symbol address decimals currency chain { chainId } } }`;

describe("chains and tokens", () => {
  it("are configured by admins only, with validated RPC URLs and contract addresses", async () => {
    const chain = ok(
      await gql(CHAIN, { i: { name: "Base", chainId: 8453, rpcUrl: "https://rpc.example/base" } }, { token: owner }),
    ).createChain;
    expect(chain).toMatchObject({ chainId: 8453, confirmations: 3, enabled: true });
    const usdc = ok(
      await gql(
        TOKEN,
        {
          i: {
            chainId: chain.id,
            symbol: "USDC",
            address: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
            decimals: 6,
            currency: "usd",
          },
        },
        { token: owner },
      ),
    ).createChainToken;
    expect(usdc).toEqual({
      id: usdc.id,
      symbol: "USDC",
      address: "0x833589fcd6edb6e08f4c7c32d4f71b54bda02913",
      decimals: 6,
      currency: "USD",
      chain: { chainId: 8453 },
    });

    const before = await countRows("chain_tokens");
    expect(
      errorCode(
        await gql(CHAIN, { i: { name: "dup", chainId: 8453, rpcUrl: "https://rpc.example" } }, { token: owner }),
      ),
    ).toBe("CONFLICT");
    expect(
      errorCode(await gql(CHAIN, { i: { name: "bad", chainId: 1, rpcUrl: "ftp://rpc.example" } }, { token: owner })),
    ).toBe("BAD_USER_INPUT");
    expect(
      errorCode(
        await gql(
          TOKEN,
          { i: { chainId: chain.id, symbol: "X", address: "0x1234", decimals: 6, currency: "USD" } },
          { token: owner },
        ),
      ),
    ).toBe("BAD_USER_INPUT");
    expect(
      errorCode(
        await gql(TOKEN, { i: { chainId: "99999", symbol: "X", decimals: 18, currency: "ETH" } }, { token: owner }),
      ),
    ).toBe("NOT_FOUND");
    const reseller = await adminAs(owner, "RESELLER");
    expect(
      errorCode(
        await gql(
          TOKEN,
          { i: { chainId: chain.id, symbol: "ETH", decimals: 18, currency: "ETH" } },
          { token: reseller.token },
        ),
      ),
    ).toBe("FORBIDDEN");
    expect(await countRows("chain_tokens")).toBe(before);
  });

  it("refuse an update that changes nothing with a clear error, not a crash", async () => {
    const chain = ok(
      await gql(CHAIN, { i: { name: "Arb", chainId: 42161, rpcUrl: "https://rpc.example/arb" } }, { token: owner }),
    ).createChain;
    const update = `mutation ($id: ID!, $i: UpdateChainInput!) { updateChain(id: $id, input: $i) { confirmations } }`;
    const empty = await gql(update, { id: chain.id, i: {} }, { token: owner });
    expect(errorCode(empty)).toBe("BAD_USER_INPUT");
    expect(ok(await gql(update, { id: chain.id, i: { confirmations: 5 } }, { token: owner })).updateChain).toEqual({
      confirmations: 5,
    });
  });

  it("read logs in windows of 2,000 blocks unless told the RPC accepts fewer or more", async () => {
    const chain = ok(
      await gql(CHAIN, { i: { name: "Poly", chainId: 137, rpcUrl: "https://rpc.example/poly" } }, { token: owner }),
    ).createChain;
    const update = `mutation ($id: ID!, $i: UpdateChainInput!) { updateChain(id: $id, input: $i) { logBlockRange } }`;
    expect(ok(await gql(`{ chains { chainId logBlockRange } }`, {}, { token: owner })).chains).toContainEqual({
      chainId: 137,
      logBlockRange: 2000,
    });
    expect(ok(await gql(update, { id: chain.id, i: { logBlockRange: 10 } }, { token: owner })).updateChain).toEqual({
      logBlockRange: 10,
    });
    expect(errorCode(await gql(update, { id: chain.id, i: { logBlockRange: 0 } }, { token: owner }))).toBe(
      "BAD_USER_INPUT",
    );
  });
});

describe("where a round's log scan starts", () => {
  const deposit = (fromBlock: number, scannedToBlock: number | null) =>
    ({ fromBlock, scannedToBlock }) as ChainDepositRow;

  it("reads from the deposit's opening until a round has run, then from a little behind that round's head", () => {
    expect(scanStart(deposit(1_000, null), 3)).toBe(1_000n);
    // 3 confirmations and a 12-block reorg margin behind head 50,000: a pending transfer is never skipped.
    expect(scanStart(deposit(1_000, 50_000), 3)).toBe(49_986n);
    expect(scanStart(deposit(1_000, 1_005), 3)).toBe(1_000n);
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

/** A USD invoice for a fresh user, and how its payer posts to the invoice's pages. */
async function usdInvoice() {
  const { user } = await servedUser(owner);
  const token = (await env.DB.prepare("SELECT sub_token AS t FROM users WHERE id = ?")
    .bind(Number(user.id))
    .first<{ t: string }>())!.t;
  const plan = await createPlan(owner);
  const invoice = ok(
    await gql(
      `mutation ($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }`,
      { i: { userId: user.id, planId: plan.id, currency: "USD" } },
      { token: owner },
    ),
  ).createInvoice;
  const post = (path: string, body: unknown) =>
    exports.default.fetch(`http://panel.test/sub/${token}/invoices/${invoice.id}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
  return { invoice: invoice as { id: string }, post };
}

describe("the payer's on-chain choice", () => {
  it("refuses a token of another currency and a check before any deposit, without writing", async () => {
    const chain = ok(
      await gql(CHAIN, { i: { name: "Eth", chainId: 1, rpcUrl: "http://127.0.0.1:9" } }, { token: owner }),
    ).createChain;
    const eth = ok(
      await gql(TOKEN, { i: { chainId: chain.id, symbol: "ETH", decimals: 18, currency: "ETH" } }, { token: owner }),
    ).createChainToken;
    const { post } = await usdInvoice();

    expect((await post("onchain", { tokenId: eth.id })).status).toBe(404); // ETH cannot settle a USD invoice
    expect((await post("onchain/check", {})).status).toBe(409);
    expect((await post("onchain/check", { txHash: "0x1234" })).status).toBe(400);
    expect(await countRows("chain_deposits")).toBe(0);
  });

  it("tells the payer the chain cannot be read (503), not a crash, and keeps watching", async () => {
    const chain = ok(
      await gql(CHAIN, { i: { name: "Down", chainId: 10, rpcUrl: "http://127.0.0.1:9" } }, { token: owner }),
    ).createChain;
    const usdc = ok(
      await gql(
        TOKEN,
        { i: { chainId: chain.id, symbol: "USDC", address: `0x${"ab".repeat(20)}`, decimals: 6, currency: "USD" } },
        { token: owner },
      ),
    ).createChainToken;
    const { invoice, post } = await usdInvoice();

    const opening = await post("onchain", { tokenId: usdc.id });
    expect(opening.status).toBe(503);
    expect(await opening.json()).toEqual({
      error: { code: "UNAVAILABLE", message: expect.stringMatching(/could not be read/) },
    });
    expect(await countRows("chain_deposits")).toBe(0);

    // A deposit opened while the RPC still answered; now it does not.
    await env.DB.prepare(
      `INSERT INTO chain_deposits (invoice_id, token_id, address, amount_units, from_block) VALUES (?, ?, ?, '1', 1)`,
    )
      .bind(Number(invoice.id), Number(usdc.id), `0x${"cd".repeat(20)}`)
      .run();
    const check = await post("onchain/check", {});
    expect(check.status).toBe(503);
    expect(((await check.json()) as { error: { code: string } }).error.code).toBe("UNAVAILABLE");
    const alarm = await runInDurableObject(env.CHECKOUT.getByName(String(invoice.id)), (_, state) =>
      state.storage.getAlarm(),
    );
    expect(alarm).toBeGreaterThan(Date.now() + 30_000);
  });
});
