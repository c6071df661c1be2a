import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { vi } from "vitest";
import worker from "../../index";
import { adminAs, countRows, createUser, errorCode, gql, ok, ownerToken } from "../../test/api";
import { subscribe } from "../../test/sse";
import { HUB_NAME, tagOf, TOPICS } from "../../live/topics";
import { expireInvoices } from "./service";
import { createDb } from "../../db/client";
import { configVersion, createPlan, servedUser, setUsage, storedUser } from "../testing";

let owner: string;
beforeAll(async () => {
  owner = await ownerToken();
});

const INVOICE_FIELDS = `id number currency total status createdBy lines { description quantity unitAmount } user { id } plan { id } paidVia paymentRef url expiresAt`;
const CREATE = `mutation ($input: CreateInvoiceInput!) { createInvoice(input: $input) { ${INVOICE_FIELDS} } }`;
const MARK_PAID = `mutation ($id: ID!) { markInvoicePaid(id: $id, reference: "cash") { id status } }`;
const now = () => Math.floor(Date.now() / 1000);

async function subToken(userId: string): Promise<string> {
  return (await env.DB.prepare("SELECT sub_token AS t FROM users WHERE id = ?")
    .bind(Number(userId))
    .first<{ t: string }>())!.t;
}

const payer = (path: string, init: RequestInit = {}) => exports.default.fetch(`http://panel.test/sub/${path}`, init);
const postJson = (path: string, body: unknown) =>
  payer(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });

describe("invoices made by an admin", () => {
  it("are numbered, priced from the plan in the chosen currency, with line items and a payer URL", async () => {
    const { user } = await servedUser(owner);
    const plan = await createPlan(owner, {
      prices: [
        { currency: "USD", amount: "4.99" },
        { currency: "EUR", amount: "4.50" },
      ],
    });
    const a = ok(
      await gql(CREATE, { input: { userId: user.id, planId: plan.id, currency: "eur" } }, { token: owner }),
    ).createInvoice;
    const b = ok(
      await gql(CREATE, { input: { userId: user.id, planId: plan.id, currency: "USD" } }, { token: owner }),
    ).createInvoice;
    expect(a).toMatchObject({
      currency: "EUR",
      total: "4.50",
      status: "OPEN",
      createdBy: "ADMIN",
      lines: [{ description: plan.name, quantity: 1, unitAmount: "4.50" }],
      user: { id: user.id },
      plan: { id: plan.id },
    });
    expect(a.number).toBe(`INV-${a.id.padStart(6, "0")}`);
    expect(Number(b.id)).toBe(Number(a.id) + 1);
    expect(a.url).toBe(`http://panel.test/sub/${await subToken(user.id)}/invoices/${a.id}`);
    expect(new Date(a.expiresAt).getTime() / 1000).toBeGreaterThan(now() + 23 * 3600);
  });

  it("refuse a currency the plan has no price in, a missing user, and another's user to a reseller", async () => {
    const { user } = await servedUser(owner);
    const plan = await createPlan(owner);
    const before = await countRows("invoices");
    expect(
      errorCode(await gql(CREATE, { input: { userId: user.id, planId: plan.id, currency: "GBP" } }, { token: owner })),
    ).toBe("BAD_USER_INPUT");
    expect(
      errorCode(await gql(CREATE, { input: { userId: "999999", planId: plan.id, currency: "USD" } }, { token: owner })),
    ).toBe("NOT_FOUND");
    const reseller = await adminAs(owner, "RESELLER");
    expect(
      errorCode(
        await gql(CREATE, { input: { userId: user.id, planId: plan.id, currency: "USD" } }, { token: reseller.token }),
      ),
    ).toBe("NOT_FOUND");
    expect(await countRows("invoices")).toBe(before);
  });
});

describe("paying an invoice", () => {
  it("applies its plan exactly once when three payments race, and re-versions the user's node", async () => {
    const { user, server } = await servedUser(owner, { dataLimit: 1000 });
    await setUsage(user.id, 1000, now() + 86400, "limited");
    const plan = await createPlan(owner, { dataLimit: 5000, durationDays: 30 });
    const invoice = ok(
      await gql(CREATE, { input: { userId: user.id, planId: plan.id, currency: "USD" } }, { token: owner }),
    ).createInvoice;
    const versionBefore = await configVersion(server.id);

    const results = await Promise.all([1, 2, 3].map(() => gql(MARK_PAID, { id: invoice.id }, { token: owner })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === "CONFLICT").length).toBe(2);
    // Renewed once: a second application would have extended the limit to 10,000.
    expect(await storedUser(user.id)).toMatchObject({ status: "active", data_limit_bytes: 5000, used_bytes: 0 });
    expect(await configVersion(server.id)).toBeGreaterThan(versionBefore);
    const pays = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'invoice.pay' AND target_id = ?",
    )
      .bind(invoice.id)
      .first<{ n: number }>();
    expect(pays!.n).toBe(1);
    expect(
      ok(
        await gql(
          `query ($id: ID!) { invoice(id: $id) { status paidVia paymentRef } }`,
          { id: invoice.id },
          { token: owner },
        ),
      ).invoice,
    ).toEqual({ status: "PAID", paidVia: "MANUAL", paymentRef: "cash" });
  });

  it("uses the terms frozen at sale: editing the plan afterwards changes nothing", async () => {
    const { user } = await servedUser(owner, { dataLimit: 100 });
    await setUsage(user.id, 100, null, "limited");
    const plan = await createPlan(owner, { dataLimit: 2000, durationDays: null });
    const invoice = ok(
      await gql(CREATE, { input: { userId: user.id, planId: plan.id, currency: "USD" } }, { token: owner }),
    ).createInvoice;
    ok(
      await gql(
        `mutation ($id: ID!) { updatePlan(id: $id, input: { dataLimit: 999999 }) { id } }`,
        { id: plan.id },
        { token: owner },
      ),
    );
    ok(await gql(MARK_PAID, { id: invoice.id }, { token: owner }));
    expect((await storedUser(user.id))!.data_limit_bytes).toBe(2000);
  });
});

describe("void, refund, expiry and the admin list", () => {
  it("outlive their user: a deleted user's invoices stay, naming who was billed, and paying one applies nothing but says so", async () => {
    const { user } = await servedUser(owner);
    const plan = await createPlan(owner);
    const paid = ok(
      await gql(CREATE, { input: { userId: user.id, planId: plan.id, currency: "USD" } }, { token: owner }),
    ).createInvoice;
    ok(await gql(MARK_PAID, { id: paid.id }, { token: owner }));
    const open = ok(
      await gql(CREATE, { input: { userId: user.id, planId: plan.id, currency: "USD" } }, { token: owner }),
    ).createInvoice;
    const { username } = ok(
      await gql(`query ($id: ID!) { user(id: $id) { username } }`, { id: user.id }, { token: owner }),
    ).user;
    ok(await gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id: user.id }, { token: owner }));

    const query = `query ($id: ID!) { invoice(id: $id) { status user { id } username url flag } }`;
    expect(ok(await gql(query, { id: paid.id }, { token: owner })).invoice).toEqual({
      status: "PAID",
      user: null,
      username,
      url: null,
      flag: null,
    });
    ok(await gql(MARK_PAID, { id: open.id }, { token: owner }));
    expect(ok(await gql(query, { id: open.id }, { token: owner })).invoice).toMatchObject({
      status: "PAID",
      user: null,
      flag: expect.stringContaining("user was deleted"),
    });
  });

  it("void an open invoice, which then cannot be paid; refund a paid one, revoking the user's time", async () => {
    const { user } = await servedUser(owner);
    const plan = await createPlan(owner);
    const voided = ok(
      await gql(CREATE, { input: { userId: user.id, planId: plan.id, currency: "USD" } }, { token: owner }),
    ).createInvoice;
    expect(
      ok(await gql(`mutation ($id: ID!) { voidInvoice(id: $id) { status } }`, { id: voided.id }, { token: owner }))
        .voidInvoice.status,
    ).toBe("VOID");
    expect(errorCode(await gql(MARK_PAID, { id: voided.id }, { token: owner }))).toBe("CONFLICT");

    const paid = ok(
      await gql(CREATE, { input: { userId: user.id, planId: plan.id, currency: "USD" } }, { token: owner }),
    ).createInvoice;
    ok(await gql(MARK_PAID, { id: paid.id }, { token: owner }));
    expect(
      errorCode(
        await gql(`mutation ($id: ID!) { voidInvoice(id: $id) { status } }`, { id: paid.id }, { token: owner }),
      ),
    ).toBe("CONFLICT");
    const auditedVoids = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'invoice.void' AND target_id = ?",
    )
      .bind(paid.id)
      .first<{ n: number }>();
    expect(auditedVoids!.n).toBe(0); // a refused void leaves no audit entry claiming it happened
    const refunded = ok(
      await gql(
        `mutation ($id: ID!) { refundInvoice(id: $id, revoke: true) { status } }`,
        { id: paid.id },
        { token: owner },
      ),
    ).refundInvoice;
    expect(refunded.status).toBe("REFUNDED");
    expect((await storedUser(user.id))!.status).toBe("expired");
    expect(
      errorCode(
        await gql(
          `mutation ($id: ID!) { refundInvoice(id: $id, revoke: true) { status } }`,
          { id: paid.id },
          { token: owner },
        ),
      ),
    ).toBe("CONFLICT");
    const auditedRefunds = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'invoice.refund' AND target_id = ?",
    )
      .bind(paid.id)
      .first<{ n: number }>();
    expect(auditedRefunds!.n).toBe(1);

    const list = ok(
      await gql(
        `query ($f: InvoiceFilter) { invoices(filter: $f) { edges { node { id status } } } }`,
        { f: { userId: user.id, status: "REFUNDED" } },
        { token: owner },
      ),
    ).invoices.edges;
    expect(list).toEqual([{ node: { id: paid.id, status: "REFUNDED" } }]);
  });

  it("expire open invoices past their time", async () => {
    const { user } = await servedUser(owner);
    const plan = await createPlan(owner);
    const invoice = ok(
      await gql(CREATE, { input: { userId: user.id, planId: plan.id, currency: "USD" } }, { token: owner }),
    ).createInvoice;
    await expireInvoices(createDb(env.DB), now() + 48 * 3600);
    expect(
      ok(await gql(`query ($id: ID!) { invoice(id: $id) { status } }`, { id: invoice.id }, { token: owner })).invoice
        .status,
    ).toBe("EXPIRED");
  });
});

describe("invoices asked for from the subscription page", () => {
  it("are made for the token's user, for visible plans only, and the printable page shows them", async () => {
    const { user } = await servedUser(owner);
    const token = await subToken(user.id);
    const plan = await createPlan(owner, { prices: [{ currency: "USD", amount: "3.00" }] });
    const hidden = await createPlan(owner, { visible: false });

    const plansPage = await (await payer(`${token}/plans`)).text();
    expect(plansPage).toContain(plan.name);
    expect(plansPage).not.toContain(hidden.name);
    // The fixture plan's 10,000 bytes, in the subscription page's units (it once read "0.00 GiB").
    expect(plansPage).toContain("9.8 KB, 30 days");

    const created = await postJson(`${token}/invoices`, { planId: plan.id, currency: "USD" });
    expect(created.status).toBe(201);
    const { id, number, url } = (await created.json()) as { id: string; number: string; url: string };
    expect(url).toBe(`http://panel.test/sub/${token}/invoices/${id}`);
    const stored = await env.DB.prepare("SELECT user_id, created_by, total FROM invoices WHERE id = ?")
      .bind(Number(id))
      .first();
    expect(stored).toEqual({ user_id: Number(user.id), created_by: "user", total: "3.00" });

    const page = await payer(`${token}/invoices/${id}`);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const body = await page.text();
    for (const text of [number, plan.name, "3.00 USD", "Pay by card", user.username]) expect(body).toContain(text);
    // The status reads the same before and after the page's live updates replace it.
    const status = (await (await payer(`${token}/invoices/${id}/status`)).json()) as { label: string };
    expect(status.label).toBe("waiting for payment");
    expect(/<span id="live"[^>]*>([^<]*)<\/span>/.exec(body)?.[1]).toBe(status.label);
    // Back from Stripe before its webhook: the page waits for it rather than offering a second charge.
    const returned = await (await payer(`${token}/invoices/${id}?checkout=success`)).text();
    expect(returned).toContain("waiting for Stripe to confirm it");
    expect(returned).not.toContain("Pay by card");
    expect(returned).toContain('id="live"');

    const form = await payer(`${token}/invoices`, {
      method: "POST",
      body: new URLSearchParams({ planId: plan.id, currency: "USD" }),
      redirect: "manual",
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toMatch(new RegExp(`/sub/${token}/invoices/\\d+$`));

    expect((await postJson(`${token}/invoices`, { planId: hidden.id, currency: "USD" })).status).toBe(404);
    expect((await postJson(`not-a-token/invoices`, { planId: plan.id, currency: "USD" })).status).toBe(404);
  });

  it("are offered from the subscription page's renew button", async () => {
    const { user } = await servedUser(owner);
    const token = await subToken(user.id);
    const page = await (await payer(token, { headers: { accept: "text/html", "user-agent": "Mozilla/5.0" } })).text();
    expect(page).toContain(`href="http://panel.test/sub/${token}/plans"`);
  });

  it("open another user's invoice as missing", async () => {
    const { user: a } = await servedUser(owner);
    const { user: b } = await servedUser(owner);
    const plan = await createPlan(owner);
    const invoice = ok(
      await gql(CREATE, { input: { userId: a.id, planId: plan.id, currency: "USD" } }, { token: owner }),
    ).createInvoice;
    expect((await payer(`${await subToken(b.id)}/invoices/${invoice.id}`)).status).toBe(404);
    expect((await payer(`${await subToken(a.id)}/invoices/${invoice.id}`)).status).toBe(200);
  });

  it("are rate-limited per subscription", async () => {
    const { user } = await servedUser(owner);
    const token = await subToken(user.id);
    const plan = await createPlan(owner);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await postJson(`${token}/invoices`, { planId: plan.id, currency: "USD" })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(429);
    const { user: other } = await servedUser(owner);
    expect((await postJson(`${await subToken(other.id)}/invoices`, { planId: plan.id, currency: "USD" })).status).toBe(
      201,
    );
  });
});

const issue = async (token: string, userId: string, planId: string, currency = "USD") =>
  ok(await gql(CREATE, { input: { userId, planId, currency } }, { token })).createInvoice;
const LIST = `query ($f: InvoiceFilter, $p: Pagination) { invoices(filter: $f, page: $p) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
const listIds = async (token: string, filter: Record<string, unknown> = {}, page?: Record<string, unknown>) =>
  ok(await gql(LIST, { f: filter, p: page }, { token })).invoices.edges.map((e: { node: { id: string } }) => e.node.id);
const hub = () => env.HUB.getByName(HUB_NAME);

/** Subscribes to one invoice and waits until the hub holds the socket, so no change can be missed. */
async function watchInvoice(id: string, token: string, fields = "id status paidVia") {
  const tag = tagOf(TOPICS.invoiceUpdated, id);
  const before = await hub().connections(tag);
  const stream = await subscribe(`subscription ($id: ID!) { invoiceUpdated(id: $id) { ${fields} } }`, { id }, token);
  await vi.waitFor(async () => expect(await hub().connections(tag)).toBe(before + 1));
  return stream;
}

describe("a reseller's invoices", () => {
  it("are those of its own users: another reseller's cannot be listed, read, voided or watched", async () => {
    const plan = await createPlan(owner);
    const [alice, bob] = [await adminAs(owner, "RESELLER"), await adminAs(owner, "RESELLER")];
    const aliceUser = await createUser(alice.token);
    const bobUser = await createUser(bob.token);
    const mine = await issue(alice.token, aliceUser.id, plan.id);
    // The owner sells to the reseller's user: the invoice is still the reseller's to see.
    const soldByOwner = await issue(owner, aliceUser.id, plan.id);
    const theirs = await issue(bob.token, bobUser.id, plan.id);
    const stored = await env.DB.prepare("SELECT id, admin_id AS adminId FROM invoices WHERE id IN (?, ?)")
      .bind(Number(mine.id), Number(theirs.id))
      .all<{ id: number; adminId: number }>();
    expect(stored.results.map((r) => r.adminId).sort()).toEqual([Number(alice.id), Number(bob.id)].sort());

    expect(await listIds(alice.token)).toEqual([soldByOwner.id, mine.id]);
    expect(await listIds(owner, { userId: aliceUser.id })).toEqual([soldByOwner.id, mine.id]);
    expect(await listIds(alice.token, { userId: bobUser.id })).toEqual([]);
    const read = `query ($id: ID!) { invoice(id: $id) { id } }`;
    expect(ok(await gql(read, { id: theirs.id }, { token: alice.token })).invoice).toBeNull();
    expect(ok(await gql(read, { id: mine.id }, { token: alice.token })).invoice).toEqual({ id: mine.id });
    const voidIt = `mutation ($id: ID!) { voidInvoice(id: $id) { status } }`;
    expect(errorCode(await gql(voidIt, { id: theirs.id }, { token: alice.token }))).toBe("NOT_FOUND");
    expect(errorCode(await gql(`mutation { voidInvoice(id: "999999") { status } }`, {}, { token: alice.token }))).toBe(
      "NOT_FOUND",
    );
    expect(
      errorCode(
        await gql(CREATE, { input: { userId: bobUser.id, planId: plan.id, currency: "USD" } }, { token: alice.token }),
      ),
    ).toBe("NOT_FOUND");
    const watched = await subscribe(
      `subscription ($id: ID!) { invoiceUpdated(id: $id) { id } }`,
      { id: theirs.id },
      alice.token,
    );
    expect((await watched.nextEvent()).data.errors[0].extensions.code).toBe("NOT_FOUND");
    // Refunds and manual payments stay with admins.
    expect(errorCode(await gql(MARK_PAID, { id: mine.id }, { token: alice.token }))).toBe("FORBIDDEN");
    expect(ok(await gql(voidIt, { id: mine.id }, { token: alice.token })).voidInvoice.status).toBe("VOID");
    expect(
      ok(await gql(`query ($id: ID!) { invoice(id: $id) { status } }`, { id: theirs.id }, { token: bob.token })).invoice
        .status,
    ).toBe("OPEN");
  });
});

describe("the invoice list's filters", () => {
  it("combine status, user, plan, method, currency and a creation range with the keyset pages", async () => {
    const { user } = await servedUser(owner);
    const other = await createUser(owner);
    const plan = await createPlan(owner, {
      prices: [
        { currency: "USD", amount: "5.00" },
        { currency: "EUR", amount: "4.00" },
      ],
    });
    const otherPlan = await createPlan(owner);
    const a = await issue(owner, user.id, plan.id, "USD");
    const b = await issue(owner, user.id, plan.id, "EUR");
    const c = await issue(owner, user.id, plan.id, "USD");
    const d = await issue(owner, other.id, otherPlan.id, "USD");
    ok(await gql(MARK_PAID, { id: a.id }, { token: owner }));
    ok(await gql(MARK_PAID, { id: b.id }, { token: owner }));
    // Spread their creation times an hour apart: a at T, b at T+1h, c at T+2h, d at T+3h.
    const t = 1_800_000_000;
    for (const [i, invoice] of [a, b, c, d].entries())
      await env.DB.prepare("UPDATE invoices SET created_at = ? WHERE id = ?")
        .bind(t + i * 3600, Number(invoice.id))
        .run();
    const iso = (sec: number) => new Date(sec * 1000).toISOString();

    expect(await listIds(owner, { userId: user.id })).toEqual([c.id, b.id, a.id]);
    expect(await listIds(owner, { userId: user.id, status: "PAID" })).toEqual([b.id, a.id]);
    expect(await listIds(owner, { userId: user.id, method: "MANUAL", currency: "usd" })).toEqual([a.id]);
    expect(await listIds(owner, { planId: otherPlan.id })).toEqual([d.id]);
    expect(await listIds(owner, { planId: plan.id, status: "OPEN" })).toEqual([c.id]);
    // From is inclusive, to exclusive.
    expect(await listIds(owner, { createdFrom: iso(t + 3600), createdTo: iso(t + 3 * 3600) })).toEqual([c.id, b.id]);
    expect(await listIds(owner, { createdFrom: iso(t + 3600), createdTo: iso(t + 3600) })).toEqual([]);
    const first = ok(await gql(LIST, { f: { userId: user.id }, p: { first: 2 } }, { token: owner })).invoices;
    expect(first.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([c.id, b.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(await listIds(owner, { userId: user.id }, { first: 2, after: first.pageInfo.endCursor })).toEqual([a.id]);

    expect(errorCode(await gql(LIST, { f: { currency: "dollars!" } }, { token: owner }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await gql(LIST, { f: { createdFrom: "yesterday" } }, { token: owner }))).toBe("BAD_USER_INPUT");
  });
});

describe("an invoice's history and terms", () => {
  it("lists issue, manual payment with its reason, and refund with revoke, oldest first; the terms are the plan as sold", async () => {
    const { user } = await servedUser(owner);
    const plan = await createPlan(owner, { dataLimit: 5000, durationDays: 30, deviceLimit: 2 });
    const invoice = await issue(owner, user.id, plan.id);
    await gql(
      `mutation ($id: ID!, $input: UpdatePlanInput!) { updatePlan(id: $id, input: $input) { id } }`,
      { id: plan.id, input: { durationDays: 7 } },
      { token: owner },
    );
    ok(
      await gql(
        `mutation ($id: ID!) { markInvoicePaid(id: $id, reference: "bank transfer 77") { id } }`,
        { id: invoice.id },
        { token: owner },
      ),
    );
    ok(
      await gql(
        `mutation ($id: ID!) { refundInvoice(id: $id, revoke: true) { id } }`,
        { id: invoice.id },
        { token: owner },
      ),
    );
    const read = ok(
      await gql(
        `query ($id: ID!) { invoice(id: $id) { history { action actorUsername targetType targetId details } terms { planName dataLimit durationDays resetStrategy deviceLimit groups } } }`,
        { id: invoice.id },
        { token: owner },
      ),
    ).invoice;
    expect(read.history).toEqual([
      expect.objectContaining({
        action: "invoice.create",
        actorUsername: "owner",
        targetType: "invoice",
        targetId: invoice.id,
      }),
      expect.objectContaining({
        action: "invoice.pay",
        details: expect.objectContaining({ via: "manual", ref: "bank transfer 77" }),
      }),
      expect.objectContaining({ action: "invoice.refund", details: { revoke: true, via: "manual" } }),
    ]);
    expect(read.terms).toEqual({
      planName: plan.name,
      dataLimit: 5000,
      durationDays: 30,
      resetStrategy: "NONE",
      deviceLimit: 2,
      groups: [],
    });
  });
});

describe("an open invoice page", () => {
  it("hears each change of its invoice: a manual payment, a refund, a void and an expiry", async () => {
    const { user } = await servedUser(owner);
    const plan = await createPlan(owner);
    const paid = await issue(owner, user.id, plan.id);
    const stream = await watchInvoice(paid.id, owner);
    ok(await gql(MARK_PAID, { id: paid.id }, { token: owner }));
    expect((await stream.next()).data.invoiceUpdated).toEqual({ id: paid.id, status: "PAID", paidVia: "MANUAL" });
    ok(
      await gql(
        `mutation ($id: ID!) { refundInvoice(id: $id, revoke: false) { id } }`,
        { id: paid.id },
        { token: owner },
      ),
    );
    expect((await stream.next()).data.invoiceUpdated.status).toBe("REFUNDED");
    stream.cancel();

    const voided = await issue(owner, user.id, plan.id);
    const voidStream = await watchInvoice(voided.id, owner);
    ok(await gql(`mutation ($id: ID!) { voidInvoice(id: $id) { id } }`, { id: voided.id }, { token: owner }));
    expect((await voidStream.next()).data.invoiceUpdated.status).toBe("VOID");
    voidStream.cancel();

    const expiring = await issue(owner, user.id, plan.id);
    await env.DB.prepare("UPDATE invoices SET expires_at = ? WHERE id = ?")
      .bind(now() - 60, Number(expiring.id))
      .run();
    const expiryStream = await watchInvoice(expiring.id, owner);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect((await expiryStream.next()).data.invoiceUpdated.status).toBe("EXPIRED");
    expiryStream.cancel();
  });
});

describe("an invoice's on-chain payment attempts", () => {
  it("count confirmations from the last round's head, credited ones at least the chain's requirement, and link the explorer", async () => {
    const { user } = await servedUser(owner);
    const plan = await createPlan(owner);
    const invoice = await issue(owner, user.id, plan.id);
    const id = Number(invoice.id);
    const chain = await env.DB.prepare(
      "INSERT INTO chains (name, chain_id, rpc_url, confirmations, explorer_url) VALUES ('Testnet', 31999, 'http://127.0.0.1:1', 5, 'https://scan.example/') RETURNING id",
    ).first<{ id: number }>();
    const token = await env.DB.prepare(
      "INSERT INTO chain_tokens (chain_row_id, symbol, decimals, currency) VALUES (?, 'TUSD', 6, 'USD') RETURNING id",
    )
      .bind(chain!.id)
      .first<{ id: number }>();
    await env.DB.prepare(
      "INSERT INTO chain_deposits (invoice_id, token_id, address, amount_units, from_block, scanned_to_block) VALUES (?, ?, '0xdeposit', '5000000', 90, 104)",
    )
      .bind(id, token!.id)
      .run();
    const payment = (hash: string, block: number, status: string, reason: string | null) =>
      env.DB.prepare(
        "INSERT INTO chain_payments (invoice_id, chain_id, tx_hash, log_index, to_address, amount_units, block_number, status, reason, seen_at) VALUES (?, 31999, ?, 0, '0xdeposit', '5000000', ?, ?, ?, 0)",
      )
        .bind(id, hash, block, status, reason)
        .run();
    await payment("0xaaa", 102, "pending", null);
    await payment("0xbbb", 110, "rejected", "underpaid"); // a reorg left it above the last head
    await payment("0xccc", 103, "credited", null);
    const read = `query ($id: ID!) { invoice(id: $id) { deposit { checkedBlock confirmationsRequired } chainPayments { txHash confirmations explorerUrl status reason } } }`;
    const found = ok(await gql(read, { id: invoice.id }, { token: owner })).invoice;
    expect(found.deposit).toEqual({ checkedBlock: 104, confirmationsRequired: 5 });
    expect(found.chainPayments).toEqual([
      {
        txHash: "0xaaa",
        confirmations: 3,
        explorerUrl: "https://scan.example/tx/0xaaa",
        status: "PENDING",
        reason: null,
      },
      {
        txHash: "0xbbb",
        confirmations: 0,
        explorerUrl: "https://scan.example/tx/0xbbb",
        status: "REJECTED",
        reason: "UNDERPAID",
      },
      {
        txHash: "0xccc",
        confirmations: 5,
        explorerUrl: "https://scan.example/tx/0xccc",
        status: "CREDITED",
        reason: null,
      },
    ]);

    await env.DB.prepare("UPDATE chains SET explorer_url = NULL WHERE id = ?").bind(chain!.id).run();
    await env.DB.prepare("UPDATE chain_deposits SET scanned_to_block = 120 WHERE invoice_id = ?").bind(id).run();
    const later = ok(await gql(read, { id: invoice.id }, { token: owner })).invoice;
    expect(later.deposit.checkedBlock).toBe(120);
    expect(
      later.chainPayments.map((p: { confirmations: number; explorerUrl: string | null }) => [
        p.confirmations,
        p.explorerUrl,
      ]),
    ).toEqual([
      [19, null],
      [11, null],
      [18, null],
    ]);
  });
});
