/**
 * Selling and buying in Debian's chromium against the real panel in production mode (browsers may
 * send only the SPA's persisted operations). First an operator sets payments up and sells from the
 * admin app; then a user whose node reported its quota used up opens its subscription page,
 * renews, picks a plan and pays, by card (Stripe's API is the local stand-in; its hosted checkout
 * page is a tiny page the test serves in its place) or on-chain (a real anvil chain, a real ERC-20,
 * the transfer sent from anvil's funded account), and comes back to an active subscription.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { HDKey } from "@scure/bip32";
import type { Browser, Page } from "playwright-core";
import Stripe from "stripe";
import { bytesToHex, getAddress, type Abi, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configEnvelopeSchema, configPayloadSchema, type AgentUser } from "../../workers/agent/protocol/messages.ts";
import { generateSigningKeyPair, importPrivateKey } from "../../workers/agent/protocol/signing.ts";
import { EdgeClient, requestEnrollment } from "../../node-agent/src/edge/client.ts";
import { clients, deployTestToken, startAnvil, type Chain } from "../../node-agent/test/billing/chain.ts";
import { startStripeStandIn, type StripeStandIn } from "../../node-agent/test/billing/stripe-stand-in.ts";
import { startPanel, type Panel } from "../../node-agent/test/e2e/panel.ts";
import { qrSvg } from "../../workers/subscription/qr.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { signIn } from "./sign-in.ts";
import { refundInApp, waitForConfirmations, waitForInvoiceStatus } from "./billing/invoices.ts";
import { addChainInApp } from "./billing/payments.ts";
import { stripeStatusInApp } from "./billing/stripe.ts";
import { createPlanInApp } from "./billing/plans.ts";
import { revenueInApp } from "./billing/revenue.ts";
import { sellPlanFromUserPage } from "./billing/sell.ts";

const WEBHOOK_SECRET = "whsec_purchase_e2e";
const SCREENSHOTS = join(import.meta.dirname, "screenshots");
const CONFIRMATIONS = 2;
const GIB = 2 ** 30;
/** The quota a buyer starts with, used up by its node's report. */
const OLD_LIMIT = 1_000_000;
const PLAN = { name: "Monthly 5 GB", dataLimit: 5 * GIB, durationDays: 30, price: { currency: "USD", amount: "4.99" } };
/** 4.99 in the test token's 6 decimals. */
const DUE = 4_990_000n;

/** The merchant's wallet: a fresh seed per run; only its account-level public key goes to the panel. */
const master = HDKey.fromMasterSeed(randomBytes(32));
const walletAddress = (index: number) =>
  privateKeyToAccount(bytesToHex(master.derive(`m/44'/60'/0'/0/${index}`).privateKey!)).address;

let panel: Panel;
let browser: Browser;
let stripe: StripeStandIn;
let chain: Chain;
let evm: ReturnType<typeof clients>;
let token: { address: Hex; abi: Abi };
let groupId: string;
let node: { client: EdgeClient; nodeId: number; seq: number };

beforeAll(async () => {
  [stripe, chain, browser] = await Promise.all([startStripeStandIn(), startAnvil(), launchBrowser()]);
  panel = await startPanel({
    vars: {
      STRIPE_API_BASE: stripe.url,
      STRIPE_SECRET_KEY: "sk_test_purchase_e2e",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      ONCHAIN_XPUB: master.derive("m/44'/60'/0'").publicExtendedKey,
      CHECKOUT_POLL_SEC: "1",
      ENVIRONMENT: "production",
    },
  });
  evm = clients(chain.rpcUrl);
  // The chain and its token are added by the operator's story, in the admin app.
  token = await deployTestToken(evm, "USDT");

  const { createInbound } = await panel.gql(
    `mutation { createInbound(input: { tag: "buy-in", port: 24480, protocol: VLESS, transport: TCP, security: NONE }) { id } }`,
  );
  const { createGroup } = await panel.gql(
    `mutation ($ids: [ID!]) { createGroup(input: { name: "buy-group", inboundIds: $ids }) { id } }`,
    { ids: [createInbound.id] },
  );
  groupId = createGroup.id;
  const { createServer } = await panel.gql(
    `mutation ($ids: [ID!]) { createServer(input: { name: "buy-node", address: "127.0.0.1", inboundIds: $ids }) { id } }`,
    { ids: [createInbound.id] },
  );
  node = await enrollNode(createServer.id);

  for (const plan of [
    { name: PLAN.name, dataLimit: PLAN.dataLimit, durationDays: PLAN.durationDays, prices: [PLAN.price], sortOrder: 1 },
    {
      name: "Staff only",
      dataLimit: 100 * GIB,
      durationDays: 365,
      prices: [{ currency: "USD", amount: "0.01" }],
      visible: false,
    },
  ]) {
    await panel.gql(`mutation ($i: CreatePlanInput!) { createPlan(input: $i) { id } }`, { i: plan });
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await panel?.stop();
  await Promise.all([stripe?.close(), chain?.stop()]);
});

/** A node enrolled the way the agent enrolls, reporting usage with the agent's own client. */
async function enrollNode(serverId: string) {
  const { createServerEnrollment } = await panel.gql(
    `mutation ($id: ID!) { createServerEnrollment(id: $id) { token } }`,
    { id: serverId },
  );
  const keys = await generateSigningKeyPair();
  const { nodeId } = await requestEnrollment({
    panelUrl: panel.url,
    token: createServerEnrollment.token,
    publicKey: keys.publicKey,
    agentVersion: "purchase-e2e",
  });
  return {
    client: new EdgeClient({ panelUrl: panel.url, nodeId, nodeKey: await importPrivateKey(keys.privateKey) }),
    nodeId,
    seq: 0,
  };
}

/** A subscriber whose node has reported its whole quota used: LIMITED, as the panel sees it. */
async function limitedUser(username: string) {
  const { createUser } = await panel.gql(
    `mutation ($i: CreateUserInput!) { createUser(input: $i) { id subscriptionUrl } }`,
    {
      i: { username, groupIds: [groupId], dataLimit: OLD_LIMIT },
    },
  );
  const nowSec = Math.floor(Date.now() / 1000);
  const reply = await node.client.pushUsage({
    nodeId: node.nodeId,
    seq: ++node.seq,
    fromSec: nowSec - 60,
    toSec: nowSec,
    deltas: [{ userId: Number(createUser.id), upBytes: 200_000, downBytes: OLD_LIMIT - 200_000 }],
  });
  expect(reply.cut).toContain(Number(createUser.id));
  expect(await userView(createUser.id)).toMatchObject({ status: "LIMITED", usedTraffic: OLD_LIMIT });
  expect((await nodeConfigUsers()).map((u) => u.id)).not.toContain(Number(createUser.id));
  return createUser as { id: string; subscriptionUrl: string };
}

/** The users the node is told to serve now: what its agent would load into the core. */
async function nodeConfigUsers(): Promise<AgentUser[]> {
  const poll = await node.client.pollConfig(0, 0);
  if (poll.status !== 200) throw new Error("the node got no config");
  return configPayloadSchema.parse(JSON.parse(configEnvelopeSchema.parse(poll.envelope).payload)).users;
}

async function userView(id: string) {
  const { user } = await panel.gql(`query ($id: ID!) { user(id: $id) { status dataLimit usedTraffic expireAt } }`, {
    id,
  });
  return user as { status: string; dataLimit: number; usedTraffic: number; expireAt: string | null };
}

async function invoiceView(id: string) {
  const { invoice } = await panel.gql(
    `query ($id: ID!) { invoice(id: $id) { status total currency paidVia paymentRef user { id } } }`,
    { id },
  );
  return invoice;
}

const statusLine = (page: Page) => page.locator("p.status").innerText();

/** Stripe's hosted checkout, played by a tiny page that links to the session's success URL. */
function playStripeCheckout(page: Page) {
  return page.route("https://checkout.stripe.com/**", (route) => {
    const sessionNumber = Number(/cs_test_(\d+)$/.exec(route.request().url())![1]);
    const success = stripe.requests[sessionNumber - 1]!.params.get("success_url")!;
    return route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Stripe Checkout</title><h1>Pay</h1><a id="pay" href="${success}">Pay</a>`,
    });
  });
}

/** Stripe tells the panel a Checkout Session was paid, signed as Stripe signs. */
async function deliverCheckoutCompleted(invoiceId: string, sessionId: string, amountCents: number) {
  const payload = JSON.stringify({
    id: `evt_purchase_${invoiceId}`,
    object: "event",
    type: "checkout.session.completed",
    data: {
      object: {
        id: sessionId,
        object: "checkout.session",
        client_reference_id: invoiceId,
        metadata: { invoice_id: invoiceId },
        payment_status: "paid",
        currency: "usd",
        amount_subtotal: amountCents,
        amount_total: amountCents,
        payment_intent: `pi_purchase_${invoiceId}`,
      },
    },
  });
  const signature = await new Stripe("sk_test_unused").webhooks.generateTestHeaderStringAsync({
    payload,
    secret: WEBHOOK_SECRET,
  });
  const webhook = await fetch(`${panel.url}/webhooks/stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  });
  expect(webhook.status).toBe(200);
}

/** The payer's side of an invoice: its page, "Pay by card", Stripe's page, back; returns the session id. */
async function payByCard(invoiceUrl: string) {
  const payer = await openPage(browser, panel.url);
  await playStripeCheckout(payer);
  await payer.goto(invoiceUrl);
  await payer.getByRole("button", { name: "Pay by card" }).click();
  await payer.waitForURL(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_\d+$/);
  const sessionId = payer.url().split("/").pop()!;
  await payer.locator("#pay").click();
  await payer.waitForURL(`${invoiceUrl}?checkout=success`);
  await payer.context().close();
  return sessionId;
}

/** The payer picks the token on the invoice's page and sends the amount from anvil's funded account. */
async function payOnChain(invoiceUrl: string, units: bigint) {
  const payer = await openPage(browser, panel.url);
  await payer.goto(invoiceUrl);
  await payer.getByRole("button", { name: "Pay with USDT (anvil)" }).click();
  await payer.waitForURL(invoiceUrl);
  const address = (await payer.locator("section", { hasText: "Send exactly" }).locator("p.mono").innerText()) as Hex;
  await payer.context().close();
  const hash = await evm.wallet.writeContract({
    address: token.address,
    abi: token.abi,
    functionName: "transfer",
    args: [address, units],
  });
  await evm.public.waitForTransactionReceipt({ hash });
  return hash;
}

const invoiceUrlOf = async (id: string): Promise<string> =>
  (await panel.gql(`query ($id: ID!) { invoice(id: $id) { url } }`, { id })).invoice.url;

/** What an operator sells in the admin app: priced in cents that a float would get wrong. */
const SOLD = { name: "Quarter 15 GB", dataLimitGb: 15, durationDays: 90, price: { currency: "USD", amount: "12.10" } };

describe("an operator sets payments up and sells from the admin app", () => {
  let page: Page;
  let sold: { id: string; name: string };

  beforeAll(async () => {
    page = await openPage(browser, panel.url, { locale: "en-US", viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
    await signIn(page, "/");
  });
  afterAll(() => page?.context().close());

  it("adds the anvil chain and its token on the Payments page, after a connectivity test", async () => {
    await addChainInApp(page, panel, {
      name: "anvil",
      chainId: 31337,
      rpcUrl: chain.rpcUrl,
      confirmations: CONFIRMATIONS,
      token: { symbol: "USDT", address: token.address, currency: "USD" },
    });
    const { chainTokens } = await panel.gql(
      `query { chainTokens { symbol decimals currency chain { chainId confirmations } } }`,
    );
    expect(chainTokens).toEqual([
      { symbol: "USDT", decimals: 6, currency: "USD", chain: { chainId: 31337, confirmations: CONFIRMATIONS } },
    ]);
  });

  it("creates a plan with its price typed as a decimal", async () => {
    const id = await createPlanInApp(page, panel, SOLD);
    const { plan } = await panel.gql(
      `query ($id: ID!) { plan(id: $id) { name dataLimit durationDays prices { currency amount } } }`,
      {
        id,
      },
    );
    expect(plan).toEqual({ name: SOLD.name, dataLimit: 15 * GIB, durationDays: 90, prices: [SOLD.price] });
    sold = { id, name: SOLD.name };
  });

  it("sells it to a LIMITED user; paid by card, the open invoice turns PAID live and the user ACTIVE; a refund shows in revenue", async () => {
    const revenueBefore = await revenueInApp(page, panel, "USD");
    const user = await limitedUser("sold-by-card");
    const invoiceId = await sellPlanFromUserPage(page, panel, user.id, sold, "USD");
    const sessionId = await payByCard(await invoiceUrlOf(invoiceId));
    await deliverCheckoutCompleted(invoiceId, sessionId, 1210);
    await waitForInvoiceStatus(page, panel, invoiceId, "PAID");
    expect(await userView(user.id)).toMatchObject({ status: "ACTIVE", dataLimit: 15 * GIB, usedTraffic: 0 });
    expect(await revenueInApp(page, panel, "USD")).toEqual({
      paid: (Number(revenueBefore.paid) + 12.1).toFixed(2),
      refunded: revenueBefore.refunded,
    });

    const refundsBefore = stripe.requests.filter((r) => r.path === "/v1/refunds").length;
    await refundInApp(page, panel, invoiceId);
    await waitForInvoiceStatus(page, panel, invoiceId, "REFUNDED");
    const refunds = stripe.requests.filter((r) => r.path === "/v1/refunds");
    expect(refunds.length).toBe(refundsBefore + 1);
    expect(refunds.at(-1)!.params.get("payment_intent")).toBe(`pi_purchase_${invoiceId}`);
    expect(await revenueInApp(page, panel, "USD")).toEqual({
      paid: (Number(revenueBefore.paid) + 12.1).toFixed(2),
      refunded: (Number(revenueBefore.refunded) + 12.1).toFixed(2),
    });
  });

  it("sees on the Payments page that Stripe is set up and its last webhook was processed", async () => {
    expect(await stripeStatusInApp(page, panel)).toEqual({
      configured: true,
      webhookUrl: `${panel.url}/webhooks/stripe`,
      lastVerdict: "PROCESSED",
    });
  });

  it("sells on-chain: the open invoice counts the transfer's confirmations up and turns PAID", async () => {
    const user = await limitedUser("sold-on-chain");
    const invoiceId = await sellPlanFromUserPage(page, panel, user.id, sold, "USD");
    await payOnChain(await invoiceUrlOf(invoiceId), 12_100_000n);
    await waitForConfirmations(page, panel, invoiceId, 1);
    await evm.test.mine({ blocks: CONFIRMATIONS - 1 });
    await waitForConfirmations(page, panel, invoiceId, CONFIRMATIONS);
    await waitForInvoiceStatus(page, panel, invoiceId, "PAID");
    expect(await userView(user.id)).toMatchObject({ status: "ACTIVE", dataLimit: 15 * GIB });
  }, 120_000);

  it("reads the invoices and one invoice 360 px wide in Persian, right to left, nothing wider than the screen", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId("language").selectOption("fa");
    await expect.poll(() => page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole("navigation").getByRole("link", { name: "صورت‌حساب‌ها" }).click();
    const first = page.locator("main tbody tr a[href^='/invoices/']").first();
    await first.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SCREENSHOTS, "invoices-fa-360.png"), fullPage: true });
    await first.click();
    await page.getByTestId("invoice-total").waitFor();
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SCREENSHOTS, "invoice-fa-360.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId("language").selectOption("en");
  });

  it("lets a reseller see only the invoice of its own user", async () => {
    const reseller = { username: "reseller-sells", password: "reseller-password-1" };
    const { createAdmin } = await panel.gql(`mutation ($i: CreateAdminInput!) { createAdmin(input: $i) { id } }`, {
      i: { ...reseller, role: "RESELLER" },
    });
    const { createUser } = await panel.gql(`mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
      i: { username: "resold-user", ownerId: createAdmin.id },
    });
    const { createInvoice } = await panel.gql(
      `mutation ($i: CreateInvoiceInput!) { createInvoice(input: $i) { id number } }`,
      { i: { userId: createUser.id, planId: sold.id, currency: "USD" } },
    );
    const resellerPage = await openPage(browser, panel.url, {
      locale: "en-US",
      viewport: { width: 1280, height: 800 },
    });
    resellerPage.setDefaultTimeout(10_000);
    await resellerPage.goto("/login");
    await resellerPage.locator('input[name="username"]').fill(reseller.username);
    await resellerPage.locator('input[name="password"]').fill(reseller.password);
    await resellerPage.locator('button[type="submit"]').click();
    await resellerPage.getByRole("navigation").getByRole("link", { name: "Invoices" }).click();
    await resellerPage.getByRole("link", { name: createInvoice.number }).waitFor();
    const rows = await resellerPage.locator("main tbody tr").allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("resold-user");
    await resellerPage.context().close();
  });
});

/** Subscription page → Renew → the plan's price button → the new invoice's page; returns its URL and id. */
async function renewFromSubscriptionPage(page: Page, subscriptionUrl: string) {
  await page.goto(subscriptionUrl);
  expect(await statusLine(page)).toBe("Data limit reached");
  await page.getByRole("link", { name: "Renew" }).click();
  await page.waitForURL(`${subscriptionUrl}/plans`);
  const plans = await page.locator("h2").allInnerTexts();
  expect(plans).toContain(PLAN.name);
  expect(plans).not.toContain("Staff only");
  expect(await page.locator("section", { hasText: PLAN.name }).innerText()).toContain("5 GB, 30 days");
  await page.locator("section", { hasText: PLAN.name }).getByRole("button", { name: "4.99 USD" }).click();
  await page.waitForURL(new RegExp(`^${subscriptionUrl}/invoices/\\d+$`));
  const invoiceUrl = page.url();
  const invoiceId = invoiceUrl.split("/").pop()!;
  expect(await page.locator("h1").innerText()).toBe(`Invoice INV-${invoiceId.padStart(6, "0")}`);
  expect(await page.locator("tfoot").innerText()).toContain("4.99 USD");
  return { invoiceUrl, invoiceId };
}

/** Back on the subscription page: re-activated by the renewal rule (usage from zero, the plan's quota, 30 days). */
async function expectRenewed(page: Page, subscriptionUrl: string, userId: string, paidAtMs: number) {
  await page.getByRole("link", { name: "Back" }).click();
  await page.waitForURL(subscriptionUrl);
  expect(await statusLine(page)).toBe("Active");
  const card = await page.locator("section").first().innerText();
  expect(card).toContain("Used: 0 B of 5 GB");
  expect(card).toContain("(30 days left)");

  const user = await userView(userId);
  expect(user).toMatchObject({ status: "ACTIVE", dataLimit: PLAN.dataLimit, usedTraffic: 0 });
  const expiresInDays = (Date.parse(user.expireAt!) - paidAtMs) / 86400_000;
  expect(expiresInDays).toBeGreaterThan(PLAN.durationDays - 1 / 24);
  expect(expiresInDays).toBeLessThan(PLAN.durationDays + 1 / 24);
  // And its node serves it again, with the new quota.
  expect((await nodeConfigUsers()).find((u) => u.id === Number(userId))).toMatchObject({
    dataLimitBytes: PLAN.dataLimit,
    usedBytes: 0,
  });
}

describe("a limited subscriber buys a plan in the browser", () => {
  // Stripe's webhook and the buyer's return race in real life: both orders end the same way.
  it.each([
    { order: "the webhook lands before the buyer is back", webhookFirst: true },
    { order: "the buyer is back before the webhook lands", webhookFirst: false },
  ])("by card, $order: Stripe Checkout and its signed webhook re-activate the user", async ({ webhookFirst }) => {
    const user = await limitedUser(webhookFirst ? "card-buyer" : "card-racer");
    const page = await openPage(browser, panel.url);
    await playStripeCheckout(page);

    const { invoiceUrl, invoiceId } = await renewFromSubscriptionPage(page, user.subscriptionUrl);
    const sessionsBefore = stripe.requests.length;
    await page.getByRole("button", { name: "Pay by card" }).click();
    await page.waitForURL(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_\d+$/);
    const sessionId = page.url().split("/").pop()!;

    // The one request the panel sent Stripe, field by field.
    expect(stripe.requests.length).toBe(sessionsBefore + 1);
    const request = stripe.requests.at(-1)!;
    expect(request).toMatchObject({ method: "POST", path: "/v1/checkout/sessions" });
    expect(request.headers.authorization).toBe("Bearer sk_test_purchase_e2e");
    expect(request.headers["idempotency-key"]).toMatch(new RegExp(`^invoice-${invoiceId}-checkout-\\d+$`));
    expect(Object.fromEntries(request.params)).toMatchObject({
      mode: "payment",
      client_reference_id: invoiceId,
      "metadata[invoice_id]": invoiceId,
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "499",
      "line_items[0][price_data][product_data][name]": PLAN.name,
      success_url: `${invoiceUrl}?checkout=success`,
      cancel_url: `${invoiceUrl}?checkout=cancelled`,
    });

    const deliverWebhook = () => deliverCheckoutCompleted(invoiceId, sessionId, 499);

    const paidAtMs = Date.now();
    if (webhookFirst) await deliverWebhook();
    await page.locator("#pay").click();
    await page.waitForURL(`${invoiceUrl}?checkout=success`);
    if (!webhookFirst) {
      // Charged but not yet confirmed: the page waits for Stripe instead of offering a second charge.
      expect(await page.locator("#live").innerText()).toBe("waiting for payment");
      expect(await page.locator("#confirming").innerText()).toContain("waiting for Stripe to confirm it");
      expect(await page.getByRole("button", { name: /^Pay / }).count()).toBe(0);
      await deliverWebhook();
      await page.waitForFunction(
        () => /^Status: paid, /.test(document.querySelector("p.status")?.textContent ?? ""),
        undefined,
        { timeout: 30_000 },
      );
    }
    expect(await statusLine(page)).toMatch(/^Status: paid, \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(await page.getByRole("button", { name: /^Pay / }).count()).toBe(0);
    expect(await page.locator("#confirming").count()).toBe(0);

    await expectRenewed(page, user.subscriptionUrl, user.id, paidAtMs);
    expect(await invoiceView(invoiceId)).toEqual({
      status: "PAID",
      total: "4.99",
      currency: "USD",
      paidVia: "STRIPE",
      paymentRef: `pi_purchase_${invoiceId}`,
      user: { id: user.id },
    });
    await page.context().close();
  });

  it("on-chain: the payer page shows where to send, and turns paid by itself once confirmed", async () => {
    const user = await limitedUser("chain-buyer");
    const page = await openPage(browser, panel.url);
    const { invoiceUrl, invoiceId } = await renewFromSubscriptionPage(page, user.subscriptionUrl);
    await page.getByRole("button", { name: "Pay with USDT (anvil)" }).click();
    await page.waitForURL(invoiceUrl);

    const deposit = page.locator("section", { hasText: "Send exactly" });
    expect(await deposit.locator("h2").innerText()).toBe("Send exactly 4.99 USDT on anvil");
    const address = (await deposit.locator("p.mono").innerText()) as Hex;
    // The invoice's own address, derived from the xpub: the merchant's seed controls it.
    expect(getAddress(address)).toBe(walletAddress(Number(invoiceId)));
    const eip681 = `ethereum:${token.address.toLowerCase()}@31337/transfer?address=${address}&uint256=${DUE}`;
    expect(await deposit.getByRole("link", { name: "Open in wallet" }).getAttribute("href")).toBe(eip681);
    // The QR code is that link's, drawn large enough to scan.
    expect(await deposit.locator("svg path").getAttribute("d")).toBe(/ d="([^"]+)"/.exec(qrSvg(eip681, "qr"))![1]);
    expect((await deposit.locator("svg").boundingBox())?.width).toBeGreaterThan(100);
    expect(await deposit.innerText()).toContain(`Credited after ${CONFIRMATIONS} confirmations`);
    expect(await page.locator("#live").innerText()).toBe("waiting for payment");

    // The payer sends from its own wallet (anvil's funded account), not from the browser.
    const hash = await evm.wallet.writeContract({
      address: token.address,
      abi: token.abi,
      functionName: "transfer",
      args: [address, DUE],
    });
    await evm.public.waitForTransactionReceipt({ hash });
    await evm.test.mine({ blocks: CONFIRMATIONS - 1 });
    const paidAtMs = Date.now();

    // Nobody touches the page: its own polling sees the invoice paid.
    await page.waitForFunction(
      () => /^Status: paid, /.test(document.querySelector("p.status")?.textContent ?? ""),
      undefined,
      { timeout: 60_000 },
    );
    expect(page.url()).toBe(invoiceUrl);
    // Paid: nothing on the page asks for the money again.
    expect(await page.locator("section", { hasText: "Send exactly" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Pay|Check now/ }).count()).toBe(0);

    await expectRenewed(page, user.subscriptionUrl, user.id, paidAtMs);
    expect(await invoiceView(invoiceId)).toEqual({
      status: "PAID",
      total: "4.99",
      currency: "USD",
      paidVia: "ONCHAIN",
      paymentRef: `31337:${hash}`,
      user: { id: user.id },
    });
    await page.context().close();
  }, 120_000);
});
