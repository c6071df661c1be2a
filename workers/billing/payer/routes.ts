import { Hono, type Context } from "hono";
import { z } from "zod";
import { DomainError, notFound } from "../../errors/domain-error";
import { parseInput } from "../../errors/validate";
import { idSchema } from "../../graphql/ids";
import type { AppEnv } from "../../http/request-context";
import { pageSecurityHeaders } from "../../http/security-headers";
import { spend } from "../../rate-limit/spend";
import { readSettings, subscriptionUrl } from "../../settings/settings";
import { findInvoice, invoiceNumber, issueInvoice } from "../invoices/service";
import { tokensFor } from "../onchain/config";
import { depositView, openDeposit } from "../onchain/deposit";
import { chainUnreachable } from "../onchain/rpc";
import { paymentsOf } from "../onchain/verify";
import { listPlans } from "../plans/service";
import { payableByCard, openCheckoutSession } from "../stripe/checkout";
import { stripeClient } from "../stripe/client";
import { PAYER_CSP, renderInvoicePage, renderPlansPage, STATUS_LABELS } from "./pages";
import { findUserByToken } from "./users";

/** Invoices one subscription may ask for per hour: enough to change one's mind, too few to flood the table. */
const INVOICES_PER_HOUR = 10;
const HOUR_MS = 3600_000;
/** "Check now" rounds per invoice per minute: each costs the chain's RPC several calls. */
const CHECKS_PER_MINUTE = 20;
const MINUTE_MS = 60_000;

const html = (body: string) =>
  new Response(body, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      ...pageSecurityHeaders(PAYER_CSP),
    },
  });

/** Forms post url-encoded fields, scripts post JSON: both are read the same way. */
async function readBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "";
  if (type.includes("application/json"))
    return ((await c.req.json().catch(() => ({}))) ?? {}) as Record<string, unknown>;
  return (await c.req.parseBody()) as Record<string, unknown>;
}

/** Browsers (forms) are sent on to the next page; scripts get JSON. */
const wantsJson = (c: Context<AppEnv>) =>
  (c.req.header("accept") ?? "").includes("application/json") && !(c.req.header("accept") ?? "").includes("text/html");

async function payer(c: Context<AppEnv>) {
  const user = await findUserByToken(c.var.db, c.req.param("token")!);
  if (!user) throw new DomainError("NOT_FOUND", "no such subscription");
  const settings = await readSettings(c.var.db);
  const base = subscriptionUrl(settings, new URL(c.req.url).origin, user.subToken);
  return { user, settings, base };
}

async function payerInvoice(c: Context<AppEnv>) {
  const ctx = await payer(c);
  const id = parseInput(idSchema, c.req.param("id"));
  const invoice = await findInvoice(c.var.db, id);
  // Another user's invoice reads as missing: a token opens its own invoices only.
  if (!invoice || invoice.userId !== ctx.user.id) throw notFound("invoice", id);
  return { ...ctx, invoice, url: `${ctx.base}/invoices/${invoice.id}` };
}

/** `/sub/:token/plans`, `/sub/:token/invoices…`: the payer's side, authorised by the subscription token. */
export const payerRoutes = new Hono<AppEnv>();

payerRoutes.get("/:token/plans", async (c) => {
  const { base } = await payer(c);
  return html(renderPlansPage(base, await listPlans(c.var.db, { visibleOnly: true })));
});

payerRoutes.post("/:token/invoices", async (c) => {
  const { user, base } = await payer(c);
  await spend(c.env, `invoice:${user.id}`, INVOICES_PER_HOUR, HOUR_MS);
  const invoice = await issueInvoice(
    c.var.db,
    user,
    await readBody(c),
    { kind: "user" },
    Math.floor(Date.now() / 1000),
  );
  const url = `${base}/invoices/${invoice.id}`;
  return wantsJson(c)
    ? c.json({ id: String(invoice.id), number: invoiceNumber(invoice.id), url }, 201)
    : c.redirect(url, 303);
});

payerRoutes.get("/:token/invoices/:id", async (c) => {
  const { invoice, base } = await payerInvoice(c);
  const tokens = (await tokensFor(c.var.db, invoice.currency)).map(({ token, chain }) => ({
    id: token.id,
    label: `${token.symbol} (${chain.name})`,
  }));
  return html(
    renderInvoicePage({
      base,
      invoice,
      username: invoice.username,
      cardAvailable: Boolean(c.env.STRIPE_SECRET_KEY) && payableByCard(invoice.currency),
      backFromCheckout: c.req.query("checkout") === "success",
      tokens: c.env.ONCHAIN_XPUB ? tokens : [],
      deposit: await depositView(c.var.db, invoice.id),
    }),
  );
});

payerRoutes.get("/:token/invoices/:id/status", async (c) => {
  const { invoice } = await payerInvoice(c);
  const payments = await paymentsOf(c.var.db, invoice.id);
  return c.json(
    {
      status: invoice.status,
      label: STATUS_LABELS[invoice.status],
      final: invoice.status !== "open" && invoice.status !== "partially_paid",
      payments: payments.map((p) => ({
        txHash: p.txHash,
        amountUnits: p.amountUnits,
        status: p.status,
        reason: p.reason,
      })),
    },
    200,
    { "cache-control": "no-store" },
  );
});

payerRoutes.post("/:token/invoices/:id/stripe", async (c) => {
  const { invoice, settings, url } = await payerInvoice(c);
  const session = await openCheckoutSession(stripeClient(c.env), c.var.db, invoice, {
    invoiceUrl: url,
    settings,
    nowSec: Math.floor(Date.now() / 1000),
  });
  return wantsJson(c) ? c.json({ checkoutUrl: session.url }) : c.redirect(session.url!, 303);
});

payerRoutes.post("/:token/invoices/:id/onchain", async (c) => {
  const { invoice, url } = await payerInvoice(c);
  await openDeposit(c.var.db, c.env, invoice, await readBody(c));
  await c.env.CHECKOUT.getByName(String(invoice.id)).watch(invoice.id);
  return wantsJson(c) ? c.json(await depositView(c.var.db, invoice.id)) : c.redirect(url, 303);
});

const txHashSchema = z.object({
  txHash: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte transaction hash")
    .transform((h) => h.toLowerCase() as `0x${string}`)
    .optional(),
});

/** "I have paid": checks the chain now, with the transaction the payer's wallet reported, if any. */
payerRoutes.post("/:token/invoices/:id/onchain/check", async (c) => {
  const { invoice, url } = await payerInvoice(c);
  const { txHash } = parseInput(txHashSchema, await readBody(c));
  if (!(await depositView(c.var.db, invoice.id))) throw new DomainError("CONFLICT", "choose how to pay on-chain first");
  await spend(c.env, `checkout-check:${invoice.id}`, CHECKS_PER_MINUTE, MINUTE_MS);
  const status = await c.env.CHECKOUT.getByName(String(invoice.id)).check(invoice.id, txHash);
  if ("chainUnreachable" in status) throw chainUnreachable();
  return wantsJson(c) ? c.json(status) : c.redirect(url, 303);
});
