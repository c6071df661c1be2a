/**
 * Checkout against the real panel (wrangler dev): card checkout against a local stand-in for
 * Stripe's API, and on-chain payments on a real anvil chain with a real ERC-20 deployed per run.
 */
import { randomBytes } from "node:crypto";
import { HDKey } from "@scure/bip32";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { bytesToHex, getAddress, parseEther, type Abi, type Hex } from "viem";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPanel, type Panel } from "../e2e/panel.ts";
import { clients, deployTestToken, startAnvil, startRangeCappedRpc, type CappedRpc, type Chain } from "./chain.ts";
import { startStripeStandIn, type StripeStandIn } from "./stripe-stand-in.ts";

/** The merchant's wallet: a fresh seed per run. Only its account-level PUBLIC key goes to the panel. */
const master = HDKey.fromMasterSeed(randomBytes(32));
const xpub = master.derive("m/44'/60'/0'").publicExtendedKey;
const walletAddress = (index: number) =>
  privateKeyToAccount(bytesToHex(master.derive(`m/44'/60'/0'/0/${index}`).privateKey!)).address;

let panel: Panel;
let stripe: StripeStandIn;
let chain: Chain;
/** What the panel talks to: anvil behind a provider's eth_getLogs range limit (tight, so a test mines past it quickly). */
let rpc: CappedRpc;
const PROVIDER_LOG_RANGE = 50;
let evm: ReturnType<typeof clients>;
let token: { address: Hex; abi: Abi };
let lookalike: Hex;
let tokenIds: { usdt: string; eth: string };
const CONFIRMATIONS = 3;

beforeAll(async () => {
  [stripe, chain] = await Promise.all([startStripeStandIn(), startAnvil()]);
  panel = await startPanel({
    vars: {
      STRIPE_API_BASE: stripe.url,
      STRIPE_SECRET_KEY: "sk_test_e2e_standin",
      STRIPE_WEBHOOK_SECRET: "whsec_e2e",
      ONCHAIN_XPUB: xpub,
      CHECKOUT_POLL_SEC: "1",
    },
  });
  evm = clients(chain.rpcUrl);
  rpc = await startRangeCappedRpc(chain.rpcUrl, PROVIDER_LOG_RANGE);
  token = await deployTestToken(evm, "USDT");
  lookalike = (await deployTestToken(evm, "USDT")).address;

  const { createChain } = await panel.gql(`mutation ($i: CreateChainInput!) { createChain(input: $i) { id } }`, {
    i: {
      name: "anvil",
      chainId: 31337,
      rpcUrl: rpc.url,
      confirmations: CONFIRMATIONS,
      logBlockRange: PROVIDER_LOG_RANGE,
    },
  });
  const add = async (input: Record<string, unknown>) =>
    (
      await panel.gql(`mutation ($i: CreateChainTokenInput!) { createChainToken(input: $i) { id } }`, {
        i: { chainId: createChain.id, ...input },
      })
    ).createChainToken.id as string;
  tokenIds = {
    usdt: await add({ symbol: "USDT", address: token.address, decimals: 6, currency: "USD" }),
    eth: await add({ symbol: "ETH", decimals: 18, currency: "ETH" }),
  };
}, 180_000);

afterAll(async () => {
  await panel?.stop();
  await Promise.all([stripe?.close(), chain?.stop(), rpc?.close()]);
});

/** A buyer with a 1-byte quota: a credited plan (5,000,000 bytes) is added on top (workers/billing tests cover renewal). */
async function buyer() {
  const name = `buyer${Math.random().toString(36).slice(2, 8)}`;
  const { createUser } = await panel.gql(
    `mutation ($i: CreateUserInput!) { createUser(input: $i) { id subscriptionUrl } }`,
    { i: { username: name, dataLimit: 1 } },
  );
  return createUser as { id: string; subscriptionUrl: string };
}

let planSeq = 0;
async function plan(prices: { currency: string; amount: string }[]) {
  const { createPlan } = await panel.gql(`mutation ($i: CreatePlanInput!) { createPlan(input: $i) { id name } }`, {
    i: { name: `plan-${++planSeq}-${Date.now()}`, prices, dataLimit: 5_000_000, durationDays: 30 },
  });
  return createPlan as { id: string; name: string };
}

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as any;
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function invoiceFor(prices: { currency: string; amount: string }[], currency: string) {
  const user = await buyer();
  const p = await plan(prices);
  const invoice = (await post(`${user.subscriptionUrl}/invoices`, { planId: p.id, currency })) as {
    id: string;
    url: string;
  };
  return { user, plan: p, invoice };
}

describe("card checkout", () => {
  it("sends Stripe a Checkout Session for the invoice, field by field, and redirects the payer to it", async () => {
    const { plan: p, invoice } = await invoiceFor([{ currency: "USD", amount: "4.99" }], "USD");
    const before = Math.floor(Date.now() / 1000);
    const { checkoutUrl } = await post(`${invoice.url}/stripe`, {});
    expect(checkoutUrl).toBe(`https://checkout.stripe.com/c/pay/cs_test_${stripe.requests.length}`);

    const request = stripe.requests.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/checkout/sessions");
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request.headers.authorization).toBe("Bearer sk_test_e2e_standin");
    expect(request.headers["idempotency-key"]).toMatch(new RegExp(`^invoice-${invoice.id}-checkout-\\d+$`));
    expect(request.headers["stripe-version"]).toMatch(/^\d{4}-\d{2}-\d{2}/);
    const params = Object.fromEntries(request.params);
    expect(params).toMatchObject({
      mode: "payment",
      client_reference_id: invoice.id,
      "metadata[invoice_id]": invoice.id,
      "payment_intent_data[metadata][invoice_id]": invoice.id,
      "payment_intent_data[description]": `INV-${invoice.id.padStart(6, "0")}`,
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "499",
      "line_items[0][price_data][product_data][name]": p.name,
      success_url: `${invoice.url}?checkout=success`,
      cancel_url: `${invoice.url}?checkout=cancelled`,
    });
    expect(params["automatic_tax[enabled]"]).toBeUndefined();
    const expiresAt = Number(params.expires_at);
    expect(expiresAt).toBeGreaterThan(before + 30 * 60);
    expect(expiresAt).toBeLessThan(before + 24 * 3600);
    expect(Object.keys(params).filter((k) => k.startsWith("line_items[1]"))).toEqual([]);

    // The page's form gets a redirect to Stripe.
    const form = await fetch(`${invoice.url}/stripe`, { method: "POST", redirect: "manual" });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_\d+$/);
  });

  it("asks for automatic tax when the setting is on", async () => {
    await panel.gql(`mutation { updateSettings(input: { billingAutomaticTax: true }) { billingAutomaticTax } }`);
    const { invoice } = await invoiceFor([{ currency: "EUR", amount: "10" }], "EUR");
    await post(`${invoice.url}/stripe`, {});
    const params = Object.fromEntries(stripe.requests.at(-1)!.params);
    expect(params).toMatchObject({
      "automatic_tax[enabled]": "true",
      "line_items[0][price_data][currency]": "eur",
      "line_items[0][price_data][unit_amount]": "1000",
    });
    await panel.gql(`mutation { updateSettings(input: { billingAutomaticTax: false }) { billingAutomaticTax } }`);
  });
});

/** Stripe's delivery of an event to the panel, signed as Stripe signs it. */
async function deliverWebhook(event: object) {
  const payload = JSON.stringify(event);
  const signature = new Stripe("sk_test_unused").webhooks.generateTestHeaderString({ payload, secret: "whsec_e2e" });
  return fetch(`${panel.url}/webhooks/stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  });
}

describe("card purchase, end to end", () => {
  it("checkout, then Stripe's webhook pays the invoice; an admin refund goes back through Stripe", async () => {
    const { user, invoice } = await invoiceFor([{ currency: "USD", amount: "4.99" }], "USD");
    const { checkoutUrl } = await post(`${invoice.url}/stripe`, {});
    const sessionId = checkoutUrl.split("/").pop();
    const paymentIntent = `pi_e2e_${invoice.id}`;
    const paid = await deliverWebhook({
      id: `evt_e2e_${invoice.id}`,
      object: "event",
      type: "checkout.session.completed",
      data: {
        object: {
          id: sessionId,
          object: "checkout.session",
          metadata: { invoice_id: invoice.id },
          payment_status: "paid",
          currency: "usd",
          amount_subtotal: 499,
          amount_total: 499,
          payment_intent: paymentIntent,
        },
      },
    });
    expect(paid.status).toBe(200);
    const { invoice: afterPay } = await panel.gql(
      `query ($id: ID!) { invoice(id: $id) { status paidVia paymentRef user { dataLimit } } }`,
      { id: invoice.id },
    );
    expect(afterPay).toEqual({
      status: "PAID",
      paidVia: "STRIPE",
      paymentRef: paymentIntent,
      user: { dataLimit: 5_000_001 },
    });
    expect((await (await fetch(`${invoice.url}/status`)).json()) as object).toMatchObject({
      status: "paid",
      final: true,
    });

    const { refundInvoice } = await panel.gql(
      `mutation ($id: ID!) { refundInvoice(id: $id, revoke: true) { status } }`,
      { id: invoice.id },
    );
    expect(refundInvoice.status).toBe("REFUNDED");
    const refund = stripe.requests.at(-1)!;
    expect(refund.path).toBe("/v1/refunds");
    expect(Object.fromEntries(refund.params)).toEqual({
      payment_intent: paymentIntent,
      "metadata[invoice_id]": invoice.id,
    });
    expect(refund.headers["idempotency-key"]).toBe(`invoice-${invoice.id}-refund`);
    const { user: after } = await panel.gql(`query ($id: ID!) { user(id: $id) { status } }`, { id: user.id });
    expect(after.status).toBe("EXPIRED");
  });
});

const USD = [{ currency: "USD", amount: "4.99" }];
const DUE = 4_990_000n; // 4.99 at 6 decimals

async function openDeposit(invoiceUrl: string, tokenId: string) {
  return (await post(`${invoiceUrl}/onchain`, { tokenId })) as { address: Hex; amountUnits: string; eip681: string };
}
const check = (invoiceUrl: string, txHash?: Hex) =>
  post(`${invoiceUrl}/onchain/check`, txHash ? { txHash } : {}) as Promise<{ status: string; credited: boolean }>;
const transfer = async (address: Hex, to: Hex, value: bigint) => {
  const hash = await evm.wallet.writeContract({ address, abi: token.abi, functionName: "transfer", args: [to, value] });
  await evm.public.waitForTransactionReceipt({ hash });
  return hash;
};
const mine = (blocks: number) => evm.test.mine({ blocks });
async function adminView(invoiceId: string) {
  const { invoice } = await panel.gql(
    `query ($id: ID!) { invoice(id: $id) { status paidVia paymentRef chainPayments { txHash status reason amountUnits } user { status dataLimit } } }`,
    { id: invoiceId },
  );
  return invoice;
}
async function auditPays(invoiceId: string): Promise<number> {
  const { auditLog } = await panel.gql(
    `query ($id: String!) { auditLog(filter: { action: "invoice.pay", targetType: "invoice", targetId: $id }) { edges { node { id } } } }`,
    { id: invoiceId },
  );
  return auditLog.edges.length;
}

describe("on-chain checkout", () => {
  it("gives each invoice its own deposit address from the xpub, which the seed's wallet controls", async () => {
    const { invoice } = await invoiceFor(USD, "USD");
    const deposit = await openDeposit(invoice.url, tokenIds.usdt);
    expect(getAddress(deposit.address)).toBe(walletAddress(Number(invoice.id)));
    expect(deposit.amountUnits).toBe(DUE.toString());
    expect(deposit.eip681).toBe(
      `ethereum:${token.address.toLowerCase()}@31337/transfer?address=${deposit.address}&uint256=${DUE}`,
    );
    const page = await (await fetch(invoice.url)).text();
    for (const text of [deposit.address, "4.99 USDT", "Pay with browser wallet", "<svg"]) expect(page).toContain(text);
  });

  it("credits an exact payment after the configured confirmations and not before, applying the plan", async () => {
    const { user, invoice } = await invoiceFor(USD, "USD");
    const deposit = await openDeposit(invoice.url, tokenIds.usdt);
    const hash = await transfer(token.address, deposit.address, DUE);
    expect((await check(invoice.url)).status).toBe("open"); // 1 confirmation
    await mine(CONFIRMATIONS - 2);
    expect((await check(invoice.url)).status).toBe("open"); // 2 confirmations
    expect((await adminView(invoice.id)).chainPayments).toEqual([
      { txHash: hash, status: "PENDING", reason: null, amountUnits: DUE.toString() },
    ]);
    await mine(1);
    expect((await check(invoice.url)).status).toBe("paid");
    const view = await adminView(invoice.id);
    expect(view).toMatchObject({
      status: "PAID",
      paidVia: "ONCHAIN",
      paymentRef: `31337:${hash}`,
      user: { status: "ACTIVE", dataLimit: 5_000_001 },
    });
    expect(view.chainPayments).toEqual([
      { txHash: hash, status: "CREDITED", reason: null, amountUnits: DUE.toString() },
    ]);
    const { user: fresh } = await panel.gql(`query ($id: ID!) { user(id: $id) { status } }`, { id: user.id });
    expect(fresh.status).toBe("ACTIVE");
  });

  it("is driven by the invoice's alarms alone: no check call needed", async () => {
    const { invoice } = await invoiceFor(USD, "USD");
    const deposit = await openDeposit(invoice.url, tokenIds.usdt);
    await transfer(token.address, deposit.address, DUE);
    await mine(CONFIRMATIONS);
    let status = "";
    for (let i = 0; i < 60 && status !== "paid"; i++) {
      await new Promise((r) => setTimeout(r, 500));
      status = ((await (await fetch(`${invoice.url}/status`)).json()) as { status: string }).status;
    }
    expect(status).toBe("paid");
  });

  it("never credits a look-alike token, even in the exact amount", async () => {
    const { invoice } = await invoiceFor(USD, "USD");
    const deposit = await openDeposit(invoice.url, tokenIds.usdt);
    const hash = await transfer(lookalike, deposit.address, DUE);
    await mine(CONFIRMATIONS);
    expect((await check(invoice.url)).status).toBe("open");
    expect((await adminView(invoice.id)).chainPayments).toEqual([
      { txHash: hash, status: "REJECTED", reason: "WRONG_TOKEN", amountUnits: DUE.toString() },
    ]);
  });

  it("never credits a transfer to another address, even when the payer names its transaction", async () => {
    const { invoice } = await invoiceFor(USD, "USD");
    await openDeposit(invoice.url, tokenIds.usdt);
    const elsewhere = privateKeyToAccount(generatePrivateKey()).address;
    const hash = await transfer(token.address, elsewhere, DUE);
    await mine(CONFIRMATIONS);
    expect((await check(invoice.url, hash)).status).toBe("open");
    expect((await adminView(invoice.id)).chainPayments).toMatchObject([
      { txHash: hash, status: "REJECTED", reason: "WRONG_RECIPIENT" },
    ]);
  });

  it("tracks an underpayment as partly paid and does not credit it", async () => {
    const { invoice } = await invoiceFor(USD, "USD");
    const deposit = await openDeposit(invoice.url, tokenIds.usdt);
    const hash = await transfer(token.address, deposit.address, DUE - 1n);
    await mine(CONFIRMATIONS);
    expect((await check(invoice.url)).status).toBe("partially_paid");
    const view = await adminView(invoice.id);
    expect(view).toMatchObject({ status: "PARTIALLY_PAID", user: { dataLimit: 1 } });
    expect(view.chainPayments).toEqual([
      { txHash: hash, status: "REJECTED", reason: "UNDERPAID", amountUnits: (DUE - 1n).toString() },
    ]);
  });

  it("never lets a transaction that paid one invoice pay another", async () => {
    const first = await invoiceFor(USD, "USD");
    const deposit = await openDeposit(first.invoice.url, tokenIds.usdt);
    const hash = await transfer(token.address, deposit.address, DUE);
    await mine(CONFIRMATIONS);
    expect((await check(first.invoice.url)).status).toBe("paid");

    const second = await invoiceFor(USD, "USD");
    await openDeposit(second.invoice.url, tokenIds.usdt);
    expect((await check(second.invoice.url, hash)).status).toBe("open");
    expect((await adminView(second.invoice.id)).chainPayments).toMatchObject([
      { txHash: hash, status: "REJECTED", reason: "REUSED" },
    ]);
  });

  it("credits once when rounds race (three checks at once, with the alarm running too)", async () => {
    const { invoice } = await invoiceFor(USD, "USD");
    const deposit = await openDeposit(invoice.url, tokenIds.usdt);
    await transfer(token.address, deposit.address, DUE);
    await mine(CONFIRMATIONS);
    const results = await Promise.all([check(invoice.url), check(invoice.url), check(invoice.url)]);
    expect(results.every((r) => r.status === "paid")).toBe(true);
    expect(results.filter((r) => r.credited).length).toBeLessThanOrEqual(1);
    const view = await adminView(invoice.id);
    // Applied once: a second application would have added another 5,000,000 bytes.
    expect(view.user).toEqual({ status: "ACTIVE", dataLimit: 5_000_001 });
    expect(view.chainPayments.filter((p: { status: string }) => p.status === "CREDITED")).toHaveLength(1);
    expect(await auditPays(invoice.id)).toBe(1);
  });

  it("credits native ETH named by its transaction once confirmed", async () => {
    const { invoice } = await invoiceFor([{ currency: "ETH", amount: "0.002" }], "ETH");
    const deposit = await openDeposit(invoice.url, tokenIds.eth);
    expect(deposit.amountUnits).toBe(parseEther("0.002").toString());
    const hash = await evm.wallet.sendTransaction({ to: deposit.address, value: parseEther("0.002") });
    await evm.public.waitForTransactionReceipt({ hash });
    expect((await check(invoice.url, hash)).status).toBe("open");
    await mine(CONFIRMATIONS);
    expect((await check(invoice.url)).status).toBe("paid");
  });
  it("finds a payment made many blocks later through a provider that caps log ranges", async () => {
    const { invoice } = await invoiceFor(USD, "USD");
    const deposit = await openDeposit(invoice.url, tokenIds.usdt);
    expect((await check(invoice.url)).status).toBe("open");
    await mine(3 * PROVIDER_LOG_RANGE);
    await transfer(token.address, deposit.address, DUE);
    await mine(CONFIRMATIONS);
    expect((await check(invoice.url)).status).toBe("paid");
    const ranges = rpc.logQueries.filter((q) => q.to === deposit.address.toLowerCase());
    expect(ranges.length).toBeGreaterThanOrEqual(3);
    expect(ranges.every((q) => q.until - q.from + 1n <= BigInt(PROVIDER_LOG_RANGE))).toBe(true);
  });

  // Last: it moves the chain's clock a day ahead, which would make every later payment late.
  it("never credits a payment made after the invoice expired", async () => {
    const { invoice } = await invoiceFor(USD, "USD");
    const deposit = await openDeposit(invoice.url, tokenIds.usdt);
    const { invoice: stored } = await panel.gql(`query ($id: ID!) { invoice(id: $id) { expiresAt } }`, {
      id: invoice.id,
    });
    // The next block is stamped after the invoice's expiry: the chain's clock, not the panel's, decides.
    const latest = await evm.public.getBlock();
    await evm.test.setNextBlockTimestamp({
      timestamp: BigInt(Math.max(Date.parse(stored.expiresAt) / 1000 + 60, Number(latest.timestamp) + 1)),
    });
    const hash = await transfer(token.address, deposit.address, DUE);
    await mine(CONFIRMATIONS);
    expect((await check(invoice.url)).status).toBe("open");
    expect((await adminView(invoice.id)).chainPayments).toMatchObject([
      { txHash: hash, status: "REJECTED", reason: "AFTER_EXPIRY" },
    ]);
  });

  it("lists every rejected transfer for the admin in one place", async () => {
    const { chainPayments } = await panel.gql(
      `{ chainPayments(status: REJECTED, first: 100) { invoiceId reason status } }`,
    );
    const reasons = new Set(chainPayments.map((p: { reason: string }) => p.reason));
    for (const reason of ["WRONG_TOKEN", "WRONG_RECIPIENT", "UNDERPAID", "REUSED", "AFTER_EXPIRY"])
      expect(reasons).toContain(reason);
    expect(
      chainPayments.every(
        (p: { status: string; invoiceId: string }) => p.status === "REJECTED" && Number(p.invoiceId) > 0,
      ),
    ).toBe(true);
  });
});
