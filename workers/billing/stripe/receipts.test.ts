import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { adminAs, countRows, errorCode, gql, ok, ownerToken, unique } from "../../test/api";
import { createPlan, servedUser } from "../testing";
import { RECEIPTS_KEPT } from "./receipts";
import { deliver, sessionCompleted } from "./testing";

let owner: string;
beforeAll(async () => {
  owner = await ownerToken();
});

const STATUS = `query ($first: Int) { billingStatus {
  onchainDepositSourceConfigured
  stripe {
    secretKeyConfigured webhookSecretConfigured webhookUrl webhookEvents
    lastWebhook { receivedAt eventId eventType verdict detail }
    recentWebhooks(first: $first) { eventId eventType verdict detail }
  }
} }`;

interface Receipt {
  eventId: string | null;
  eventType: string | null;
  verdict: string;
  detail: string | null;
}

async function status(first?: number) {
  return ok(await gql(STATUS, { first }, { token: owner })).billingStatus as {
    onchainDepositSourceConfigured: boolean;
    stripe: {
      secretKeyConfigured: boolean;
      webhookSecretConfigured: boolean;
      webhookUrl: string;
      webhookEvents: string[];
      lastWebhook: (Receipt & { receivedAt: string }) | null;
      recentWebhooks: Receipt[];
    };
  };
}

async function openInvoice() {
  const { user } = await servedUser(owner, { dataLimit: 1000 });
  const plan = await createPlan(owner, { prices: [{ currency: "USD", amount: "4.99" }] });
  return ok(
    await gql(
      `mutation ($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }`,
      { input: { userId: user.id, planId: plan.id, currency: "USD" } },
      { token: owner },
    ),
  ).createInvoice as { id: string };
}

describe("Stripe webhook receipts", () => {
  it("a forged delivery leaves a BAD_SIGNATURE receipt with nothing from its body, and changes nothing else", async () => {
    const invoice = await openInvoice();
    const before = { events: await countRows("stripe_events"), audit: await countRows("audit_log") };
    const event = sessionCompleted(invoice.id);
    const response = await deliver(event, { secret: "whsec_someone_else" });
    expect(response.status).toBe(400);
    const { lastWebhook } = (await status()).stripe;
    expect(lastWebhook).toMatchObject({
      eventId: null,
      eventType: null,
      verdict: "BAD_SIGNATURE",
      detail: "signature verification failed",
    });
    expect({ events: await countRows("stripe_events"), audit: await countRows("audit_log") }).toEqual(before);
    const stored = await env.DB.prepare("SELECT * FROM stripe_webhook_receipts ORDER BY id DESC LIMIT 1").first();
    expect(JSON.stringify(stored)).not.toContain(event.id);
    expect(JSON.stringify(stored)).not.toContain(event.data.object.id);
    expect(
      (await env.DB.prepare("SELECT status FROM invoices WHERE id = ?").bind(Number(invoice.id)).first())!.status,
    ).toBe("open");
  });

  it("an unsigned delivery is a BAD_SIGNATURE receipt saying the header is missing", async () => {
    expect((await deliver(sessionCompleted("1"), { signature: null })).status).toBe(400);
    expect((await status()).stripe.lastWebhook).toMatchObject({
      verdict: "BAD_SIGNATURE",
      detail: "missing Stripe-Signature",
    });
  });

  it("a paid invoice is PROCESSED, and the same event again is DUPLICATE with its id and type", async () => {
    const invoice = await openInvoice();
    const event = sessionCompleted(invoice.id);
    expect((await deliver(event)).status).toBe(200);
    expect((await deliver(event)).status).toBe(200);
    const [again, first] = (await status(2)).stripe.recentWebhooks;
    const at = { eventId: event.id, eventType: "checkout.session.completed" };
    expect(first).toEqual({ ...at, verdict: "PROCESSED", detail: "invoice paid" });
    expect(again).toEqual({ ...at, verdict: "DUPLICATE", detail: "event already received" });
  });

  it("an event type the panel does not act on is IGNORED, and so is a session matching no invoice", async () => {
    const other = { id: unique("evt_"), object: "event", type: "customer.created", data: { object: { id: "cus_1" } } };
    expect((await deliver(other)).status).toBe(200);
    expect((await deliver(sessionCompleted("999999"))).status).toBe(200);
    const [unmatched, unknown] = (await status(2)).stripe.recentWebhooks;
    expect(unknown).toMatchObject({ eventId: other.id, verdict: "IGNORED", detail: "event type not acted on" });
    expect(unmatched).toMatchObject({ verdict: "IGNORED", detail: "no matching invoice to act on" });
  });

  it(`keeps only the newest ${RECEIPTS_KEPT} receipts however many requests arrive`, async () => {
    for (let i = 0; i < RECEIPTS_KEPT + 5; i++) await deliver(sessionCompleted("1"), { signature: "t=1,v1=00" });
    const marker = { id: unique("evt_"), object: "event", type: "customer.created", data: { object: {} } };
    await deliver(marker);
    expect(await countRows("stripe_webhook_receipts")).toBe(RECEIPTS_KEPT);
    const recent = (await status(RECEIPTS_KEPT)).stripe.recentWebhooks;
    expect(recent).toHaveLength(RECEIPTS_KEPT);
    expect(recent[0]!.eventId).toBe(marker.id);
  });
});

describe("billingStatus", () => {
  it("says which secrets are set and where to point Stripe, without a byte of any secret", async () => {
    const response = await gql(STATUS, { first: 50 }, { token: owner });
    const { billingStatus } = ok(response);
    expect(billingStatus).toMatchObject({
      onchainDepositSourceConfigured: true,
      stripe: {
        secretKeyConfigured: true,
        webhookSecretConfigured: true,
        webhookUrl: "http://panel.test/webhooks/stripe",
        webhookEvents: ["checkout.session.completed", "checkout.session.async_payment_succeeded", "charge.refunded"],
      },
    });
    const text = JSON.stringify(response);
    for (const secret of [env.STRIPE_SECRET_KEY, env.STRIPE_WEBHOOK_SECRET, env.ONCHAIN_XPUB]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(-8));
    }
  });

  it("points Stripe at the public address when one is set, and refuses more than 50 receipts", async () => {
    ok(
      await gql(
        `mutation { updateSettings(input: { subscriptionUrlPrefix: "https://vpn.example.com" }) { subscriptionUrlPrefix } }`,
        {},
        { token: owner },
      ),
    );
    expect((await status()).stripe.webhookUrl).toBe("https://vpn.example.com/webhooks/stripe");
    expect(errorCode(await gql(STATUS, { first: 51 }, { token: owner }))).toBe("BAD_USER_INPUT");
    ok(
      await gql(
        `mutation { updateSettings(input: { subscriptionUrlPrefix: "" }) { subscriptionUrlPrefix } }`,
        {},
        { token: owner },
      ),
    );
  });

  it("is refused to a reseller", async () => {
    const reseller = await adminAs(owner, "RESELLER");
    expect(errorCode(await gql(STATUS, {}, { token: reseller.token }))).toBe("FORBIDDEN");
  });
});
