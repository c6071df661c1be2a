import { env } from "cloudflare:workers";
import type Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import type { PanelEvent } from "../../events/catalogue";
import { readSettings } from "../../settings/settings";
import { countRows, gql, ok, ownerToken, unique } from "../../test/api";
import { createPlan, servedUser, setUsage, storedUser } from "../testing";
import { deliver, sessionCompleted } from "./testing";
import { processStripeEvent } from "./webhook";

let owner: string;
beforeAll(async () => {
  owner = await ownerToken();
});

const now = () => Math.floor(Date.now() / 1000);

async function limitedUserWithInvoice() {
  const { user } = await servedUser(owner, { dataLimit: 1000 });
  await setUsage(user.id, 1000, now() + 86400, "limited");
  const plan = await createPlan(owner, { dataLimit: 5000, prices: [{ currency: "USD", amount: "4.99" }] });
  const invoice = ok(
    await gql(
      `mutation ($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }`,
      { input: { userId: user.id, planId: plan.id, currency: "USD" } },
      { token: owner },
    ),
  ).createInvoice as { id: string };
  return { user, invoice };
}

const invoiceRow = (id: string) =>
  env.DB.prepare("SELECT status, paid_via, payment_ref, flag FROM invoices WHERE id = ?").bind(Number(id)).first();

describe("POST /webhooks/stripe", () => {
  it("pays the invoice once when the same signed event arrives three times at once", async () => {
    const { user, invoice } = await limitedUserWithInvoice();
    const event = sessionCompleted(invoice.id);
    const responses = await Promise.all([1, 2, 3].map(() => deliver(event)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    const outcomes = (await Promise.all(responses.map((r) => r.json() as Promise<{ outcome: string }>)))
      .map((b) => b.outcome)
      .sort();
    expect(outcomes).toEqual(["duplicate", "duplicate", "paid"]);
    expect(await invoiceRow(invoice.id)).toMatchObject({
      status: "paid",
      paid_via: "stripe",
      payment_ref: event.data.object.payment_intent,
    });
    expect(await storedUser(user.id)).toMatchObject({ status: "active", data_limit_bytes: 5000, used_bytes: 0 });
    const events = await env.DB.prepare("SELECT count(*) AS n FROM stripe_events WHERE id = ?")
      .bind(event.id)
      .first<{ n: number }>();
    expect(events!.n).toBe(1);
    const pays = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'invoice.pay' AND target_id = ?",
    )
      .bind(invoice.id)
      .first<{ n: number }>();
    expect(pays!.n).toBe(1);
  });

  it("a second event for an already paid invoice (another id) changes nothing", async () => {
    const { user, invoice } = await limitedUserWithInvoice();
    expect((await deliver(sessionCompleted(invoice.id))).status).toBe(200);
    const again = await deliver(sessionCompleted(invoice.id));
    expect(((await again.json()) as { outcome: string }).outcome).toBe("ignored");
    expect((await storedUser(user.id))!.data_limit_bytes).toBe(5000);
  });

  it("refuses forged, stale, unsigned and tampered deliveries with 400, changing nothing", async () => {
    const { user, invoice } = await limitedUserWithInvoice();
    const before = {
      events: await countRows("stripe_events"),
      audit: await countRows("audit_log"),
      user: await storedUser(user.id),
    };
    const cases = [
      await deliver(sessionCompleted(invoice.id), { secret: "whsec_someone_else" }),
      await deliver(sessionCompleted(invoice.id), { timestamp: now() - 3600 }),
      await deliver(sessionCompleted(invoice.id), { signature: null }),
      await deliver(sessionCompleted(invoice.id), { signature: "t=1,v1=deadbeef" }),
      await deliver(sessionCompleted(invoice.id), {
        tamper: (body) => body.replace('"amount_subtotal":499', '"amount_subtotal":1'),
      }),
    ];
    expect(cases.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "open" });
    expect({
      events: await countRows("stripe_events"),
      audit: await countRows("audit_log"),
      user: await storedUser(user.id),
    }).toEqual(before);
  });

  it("does not pay for a session whose amount, currency or payment status does not match the invoice", async () => {
    const { invoice } = await limitedUserWithInvoice();
    for (const overrides of [{ amount_subtotal: 100 }, { currency: "eur" }, { payment_status: "unpaid" }]) {
      const response = await deliver(sessionCompleted(invoice.id, overrides));
      expect(((await response.json()) as { outcome: string }).outcome).toBe("ignored");
    }
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "open" });
  });

  it("on charge.refunded flags the invoice or revokes the user's time, per the setting", async () => {
    for (const policy of ["FLAG", "REVOKE"] as const) {
      ok(
        await gql(
          `mutation ($p: RefundPolicy!) { updateSettings(input: { billingRefundPolicy: $p }) { billingRefundPolicy } }`,
          { p: policy },
          { token: owner },
        ),
      );
      const { user, invoice } = await limitedUserWithInvoice();
      const paid = sessionCompleted(invoice.id);
      await deliver(paid);
      const refund = {
        id: unique("evt_"),
        object: "event",
        type: "charge.refunded",
        data: {
          object: {
            id: unique("ch_"),
            object: "charge",
            payment_intent: paid.data.object.payment_intent,
            amount: 499,
            amount_refunded: 499,
            refunded: true,
          },
        },
      };
      const response = await deliver(refund);
      expect(((await response.json()) as { outcome: string }).outcome).toBe("refunded");
      const row = (await invoiceRow(invoice.id)) as { status: string; flag: string };
      expect(row.status).toBe("refunded");
      expect(row.flag).toContain(refund.data.object.id);
      expect((await storedUser(user.id))!.status).toBe(policy === "REVOKE" ? "expired" : "active");
      // Redelivered: the event id is known, nothing moves again.
      expect(((await (await deliver(refund)).json()) as { outcome: string }).outcome).toBe("duplicate");
    }
  });
});

describe("payment news", () => {
  it("a card payment and its partial refund are news once each, with their amounts and the user's admin", async () => {
    const db = createDb(env.DB);
    const settings = await readSettings(db);
    const heard: PanelEvent[] = [];
    const process = (event: object) =>
      processStripeEvent(db, event as Stripe.Event, settings, now(), (events) => heard.push(...events));
    const { user, invoice } = await limitedUserWithInvoice();
    const ownerId = (await env.DB.prepare("SELECT admin_id AS a FROM users WHERE id = ?")
      .bind(Number(user.id))
      .first<{ a: number }>())!.a;
    const paid = sessionCompleted(invoice.id);
    expect(await process(paid)).toBe("paid");
    expect(await process({ ...paid, id: unique("evt_") })).toBe("ignored");
    const refund = {
      id: unique("evt_"),
      object: "event",
      type: "charge.refunded",
      data: {
        object: {
          id: unique("ch_"),
          object: "charge",
          payment_intent: paid.data.object.payment_intent,
          amount: 499,
          amount_refunded: 150,
          refunded: false,
        },
      },
    };
    expect(await process(refund)).toBe("flagged");
    expect(await process(refund)).toBe("duplicate");
    const ids = { adminId: ownerId, userId: Number(user.id), invoiceId: Number(invoice.id) };
    expect(heard).toEqual([
      expect.objectContaining({
        kind: "payment.received",
        ...ids,
        data: {
          username: user.username,
          invoiceId: Number(invoice.id),
          amount: "4.99",
          currency: "USD",
          method: "card",
        },
      }),
      expect.objectContaining({
        kind: "payment.refunded",
        ...ids,
        data: { username: user.username, invoiceId: Number(invoice.id), amount: "1.50", currency: "USD" },
      }),
    ]);
  });
});
