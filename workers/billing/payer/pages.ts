import { escapeHtml as e } from "../../subscription/page";
import { qrSvg } from "../../subscription/qr";
import { formatBytes } from "../../subscription/remarks";
import type { PlanRow } from "../plans/table";
import { invoiceNumber } from "../invoices/service";
import type { InvoiceRow } from "../invoices/table";
import type { DepositView } from "../onchain/deposit";

/** The payer's pages: same look as the subscription page, their own small script, no outside requests. */
const CSS = `:root{color-scheme:light dark;--bg:#f6f7f9;--card:#fff;--fg:#15171a;--muted:#5f6670;--line:#e3e6ea;--accent:#2563eb;--ok:#16a34a;--bad:#dc2626}
@media (prefers-color-scheme:dark){:root{--bg:#0f1115;--card:#181b21;--fg:#e8eaee;--muted:#9aa3ad;--line:#2a2f37;--accent:#60a5fa}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
main{max-width:640px;margin:0 auto;padding:16px}section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:16px;margin:0 0 12px}
h1{font-size:1.3rem;margin:0 0 8px}h2{font-size:1rem;margin:0 0 8px}.muted{color:var(--muted)}table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:6px 0;border-bottom:1px solid var(--line)}
.num{text-align:right}.mono{font:13px/1.4 ui-monospace,monospace;word-break:break-all}.status{font-weight:600}
button,.btn{font:inherit;border:1px solid var(--line);background:var(--bg);color:var(--fg);border-radius:8px;padding:6px 12px;cursor:pointer;text-decoration:none;display:inline-block;margin:4px 0}
.btn.primary,button.primary{background:var(--accent);border-color:var(--accent);color:#fff}form{display:inline}svg{width:200px;height:200px;display:block;margin:8px auto}
[hidden]{display:none!important}@media print{form,button,.btn,.noprint{display:none!important}body{background:#fff;color:#000}section{border:0}}`;

/** Own CSP: forms post back to the panel; nothing loads from elsewhere. */
export const PAYER_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'self' https://checkout.stripe.com; frame-ancestors 'none'";

const layout = (title: string, body: string, script = "") =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${e(title)}</title><style>${CSS}</style></head><body><main>${body}</main>${script ? `<script>${script}</script>` : ""}</body></html>`;

const date = (sec: number) => `${new Date(sec * 1000).toISOString().replace("T", " ").slice(0, 16)} UTC`;
const bytes = (n: number | null) => (n === null ? "unlimited data" : formatBytes(n));

/** What the payer reads for each status: on the page and in its live updates alike. */
export const STATUS_LABELS: Record<InvoiceRow["status"], string> = {
  open: "waiting for payment",
  partially_paid: "partly paid: less than the amount arrived",
  paid: "paid",
  expired: "expired",
  refunded: "refunded",
  void: "cancelled",
};

/** Visible plans, each price a button that asks for an invoice. */
export function renderPlansPage(base: string, plans: PlanRow[]): string {
  const items = plans
    .map(
      (p) =>
        `<section><h2>${e(p.name)}</h2><p class="muted">${e(p.description)}</p><p>${e(bytes(p.dataLimitBytes))}, ${p.durationDays === null ? "no expiry" : `${p.durationDays} days`}</p>${p.prices
          .map(
            (price) =>
              `<form method="post" action="${e(base)}/invoices"><input type="hidden" name="planId" value="${p.id}"><input type="hidden" name="currency" value="${e(price.currency)}"><button class="primary" type="submit">${e(price.amount)} ${e(price.currency)}</button></form> `,
          )
          .join("")}</section>`,
    )
    .join("");
  return layout(
    "Renew",
    `<section><h1>Renew or buy</h1><p class="muted">Pick a plan and a currency: you get an invoice to pay by card or crypto.</p><p><a class="btn" href="${e(base)}">Back</a></p></section>${items || `<section><p class="muted">No plans are on sale.</p></section>`}`,
  );
}

export interface InvoicePageInput {
  base: string;
  invoice: InvoiceRow;
  username: string;
  cardAvailable: boolean;
  /** Stripe sent the payer back to the success URL: the card is charged, its webhook may still be on the way. */
  backFromCheckout: boolean;
  /** Tokens that settle the invoice's currency, for the on-chain buttons. */
  tokens: { id: number; label: string }[];
  deposit: DepositView | null;
}

const LIVE_SCRIPT = `(function(){var s=document.getElementById("live");if(!s)return;var url=s.getAttribute("data-status");
function tick(){fetch(url,{cache:"no-store"}).then(function(r){return r.json()}).then(function(j){s.textContent=j.label;if(j.final){location.reload()}else{setTimeout(tick,5000)}}).catch(function(){setTimeout(tick,10000)})}setTimeout(tick,3000)})();
(function(){var b=document.getElementById("wallet");if(!b)return;if(!window.ethereum){b.hidden=true;return}b.addEventListener("click",function(){var d=b.dataset;var eth=window.ethereum;
eth.request({method:"eth_requestAccounts"}).then(function(a){return eth.request({method:"wallet_switchEthereumChain",params:[{chainId:d.chain}]}).catch(function(){}).then(function(){
var tx=d.token?{from:a[0],to:d.token,data:"0xa9059cbb"+d.to.slice(2).toLowerCase().padStart(64,"0")+BigInt(d.amount).toString(16).padStart(64,"0")}:{from:a[0],to:d.to,value:"0x"+BigInt(d.amount).toString(16)};
return eth.request({method:"eth_sendTransaction",params:[tx]})})}).then(function(h){return fetch(d.check,{method:"POST",headers:{"content-type":"application/json",accept:"application/json"},body:JSON.stringify({txHash:h})})}).catch(function(err){alert(err&&err.message||err)})})})();`;

/** The printable invoice, with its payment options while it is open, and the deposit once one is chosen. */
export function renderInvoicePage(input: InvoicePageInput): string {
  const { invoice, base, deposit } = input;
  const number = invoiceNumber(invoice.id);
  const url = `${base}/invoices/${invoice.id}`;
  const lines = invoice.lines
    .map(
      (l) =>
        `<tr><td>${e(l.description)}</td><td class="num">${l.quantity}</td><td class="num">${e(l.unitAmount)} ${e(invoice.currency)}</td></tr>`,
    )
    .join("");
  const open = invoice.status === "open" || invoice.status === "partially_paid";
  // Back from Stripe the card is charged, but its webhook may not have landed yet: offering to pay
  // again (card or chain) would invite a second charge.
  const offer = open && !deposit && !input.backFromCheckout;
  const card =
    offer && input.cardAvailable
      ? `<form method="post" action="${e(url)}/stripe"><button class="primary" type="submit">Pay by card</button></form> `
      : "";
  const chain = offer
    ? input.tokens
        .map(
          (t) =>
            `<form method="post" action="${e(url)}/onchain"><input type="hidden" name="tokenId" value="${t.id}"><button type="submit">Pay with ${e(t.label)}</button></form> `,
        )
        .join("")
    : "";
  const confirming =
    open && input.backFromCheckout
      ? `<p id="confirming" class="noprint">Card payment made: waiting for Stripe to confirm it. This page updates by itself.</p>`
      : "";
  // Once paid, expired or cancelled, the address must not invite money that would never be credited.
  const depositSection =
    deposit && open
      ? `<section><h2>Send exactly ${e(deposit.amount)} ${e(deposit.symbol)} on ${e(deposit.chainName)}</h2>
<p class="mono">${e(deposit.address)}</p>${qrSvg(deposit.eip681, "payment QR code")}
<p class="noprint"><a class="btn" href="${e(deposit.eip681)}">Open in wallet</a> <button type="button" id="wallet" class="primary" data-chain="0x${deposit.chainId.toString(16)}" data-to="${e(deposit.address)}" data-token="${e(deposit.tokenAddress ?? "")}" data-amount="${e(deposit.amountUnits)}" data-check="${e(url)}/onchain/check">Pay with browser wallet</button></p>
<p class="muted">Credited after ${deposit.confirmations} confirmations. Send from any wallet; only this exact amount of this token to this address counts.</p>
<form class="noprint" method="post" action="${e(url)}/onchain/check"><label>Sent it? Transaction hash: <input name="txHash" required pattern="0x[0-9a-fA-F]{64}" size="40"></label> <button type="submit">Check now</button></form></section>`
      : "";
  return layout(
    number,
    `<section><h1>Invoice ${e(number)}</h1><p>For <strong>${e(input.username)}</strong>, issued ${date(invoice.createdAtSec)}${open ? `, payable until ${date(invoice.expiresAtSec)}` : ""}</p>
<p class="status">Status: ${open ? `<span id="live" data-status="${e(url)}/status">${e(STATUS_LABELS[invoice.status])}</span>` : `${e(STATUS_LABELS[invoice.status])}${invoice.paidAtSec ? `, ${date(invoice.paidAtSec)}` : ""}`}</p>
<table><thead><tr><th>Item</th><th class="num">Qty</th><th class="num">Price</th></tr></thead><tbody>${lines}</tbody><tfoot><tr><th colspan="2">Total</th><th class="num">${e(invoice.total)} ${e(invoice.currency)}</th></tr></tfoot></table>
${confirming}<p class="noprint">${card}${chain}<button type="button" onclick="print()">Print</button> <a class="btn" href="${e(base)}">Back</a></p></section>${depositSection}`,
    LIVE_SCRIPT,
  );
}
