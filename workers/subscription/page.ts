import { BOT_TEXTS } from "../channels/telegram/texts";
import type { Settings } from "../settings/settings";
import { CLIENT_APPS, PLATFORMS } from "./apps";
import type { Endpoint } from "./endpoint";
import { shareLink } from "./links";
import type { SubscriptionUser } from "./load";
import { STRINGS, type Language } from "./page-i18n";
import { qrBits, qrSvg } from "./qr";
import { formatBytes, type TemplateValues } from "./remarks";
import { nextRefillAtSec } from "./refill";
import { fillTemplate } from "./remarks";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export interface PageInput {
  user: SubscriptionUser;
  values: TemplateValues;
  endpoints: Endpoint[];
  pageUrl: string;
  settings: Settings;
  /** The user gets a placeholder: show the state, no links. */
  inactive: boolean;
  nowSec: number;
  language: Language;
  /** The "Get updates in Telegram" link (/sub/<token>/telegram) when a bot is configured. */
  telegramUrl?: string | null;
}

const date = (sec: number, language: Language) =>
  new Date(sec * 1000).toLocaleDateString(language === "fa" ? "fa-IR" : language, {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

const CSS = `:root{color-scheme:light dark;--bg:#f6f7f9;--card:#fff;--fg:#15171a;--muted:#5f6670;--line:#e3e6ea;--accent:#2563eb;--ok:#16a34a;--bad:#dc2626}
@media (prefers-color-scheme:dark){:root{--bg:#0f1115;--card:#181b21;--fg:#e8eaee;--muted:#9aa3ad;--line:#2a2f37;--accent:#60a5fa}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Tahoma,sans-serif;background:var(--bg);color:var(--fg)}
main{max-width:640px;margin:0 auto;padding:16px}section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:16px;margin:0 0 12px}
h1{font-size:1.3rem;margin:0 0 8px}h2{font-size:1rem;margin:0 0 8px}.muted{color:var(--muted)}.status{font-weight:600}.status.ok{color:var(--ok)}.status.bad{color:var(--bad)}
.bar{height:10px;background:var(--line);border-radius:5px;overflow:hidden;margin:8px 0}.bar>i{display:block;height:100%;background:var(--accent)}
.row{display:flex;gap:8px;align-items:center;flex-wrap:wrap}.link{flex:1 1 100%;font:12px/1.4 ui-monospace,monospace;word-break:break-all;direction:ltr;text-align:left;background:var(--bg);padding:6px;border-radius:6px}
button,.btn{font:inherit;border:1px solid var(--line);background:var(--bg);color:var(--fg);border-radius:8px;padding:6px 12px;cursor:pointer;text-decoration:none}
.btn.primary{background:var(--accent);border-color:var(--accent);color:#fff}details{margin:6px 0}summary{cursor:pointer}svg,canvas{width:200px;height:200px;display:block;margin:8px auto;image-rendering:pixelated}
ul{list-style:none;padding:0;margin:0}li{padding:8px 0;border-top:1px solid var(--line)}li:first-child{border-top:0}`;

const SCRIPT = `document.addEventListener("click",function(e){var b=e.target.closest("[data-copy]");if(!b)return;navigator.clipboard.writeText(b.getAttribute("data-copy")).then(function(){var t=b.textContent;b.textContent=b.getAttribute("data-done");setTimeout(function(){b.textContent=t},1500)})});
document.addEventListener("toggle",function(e){var c=e.target.querySelector&&e.target.querySelector("canvas[data-qr]");if(!c||c.hasAttribute("data-drawn"))return;c.setAttribute("data-drawn","");var p=c.getAttribute("data-qr").split(":"),n=+p[0],b=atob(p[1]),x=c.getContext("2d");c.width=c.height=n;x.fillStyle="#fff";x.fillRect(0,0,n,n);x.fillStyle="#000";for(var i=0;i<n*n;i++)if(b.charCodeAt(i>>3)&(128>>(i&7)))x.fillRect(i%n,(i/n)|0,1,1)},true);
(function(){var u=navigator.userAgent,p=/android/i.test(u)?"android":/iphone|ipad|ipod/i.test(u)?"ios":/mac/i.test(u)?"macos":/win/i.test(u)?"windows":/linux/i.test(u)?"linux":"";var d=p&&document.getElementById("apps-"+p);if(d)d.open=true})();`;

/**
 * The end-user page a browser gets at the subscription URL: status, usage, expiry, the link with
 * copy, QR and import buttons, each server's link, and apps per platform. Server-rendered, one
 * small inline script (copy, open the visitor's platform), no outside requests.
 */
export function renderPage(input: PageInput): string {
  const { user, settings, language } = input;
  const t = STRINGS[language];
  const e = escapeHtml;
  const title = fillTemplate(settings.subscriptionTitle, input.values);
  const good = user.status === "active" || user.status === "on_hold";
  const percent = user.dataLimitBytes ? Math.min(100, Math.round((user.usedBytes / user.dataLimitBytes) * 100)) : 0;
  const usage = `${t.used}: ${e(formatBytes(user.usedBytes))} ${t.of} ${user.dataLimitBytes === null ? t.unlimited : e(formatBytes(user.dataLimitBytes))}`;
  const refill = nextRefillAtSec(user.resetStrategy, user.periodStartedAtSec, user.createdAtSec);
  const expiry =
    user.expireAtSec === null
      ? `${t.expires}: ${t.never}`
      : `${t.expires}: ${e(date(user.expireAtSec, language))} (${Math.max(0, Math.ceil((user.expireAtSec - input.nowSec) / 86400))} ${t.daysLeft})`;
  const copy = (text: string) =>
    `<button type="button" data-copy="${e(text)}" data-done="${e(t.copied)}">${e(t.copy)}</button>`;
  const qr = (text: string, label: string) =>
    `<details><summary>${e(t.showQr)}</summary>${qrSvg(text, e(label))}</details>`;
  const lazyQr = (text: string) =>
    `<details><summary>${e(t.showQr)}</summary><canvas data-qr="${qrBits(text)}"></canvas></details>`;

  const servers = input.inactive
    ? ""
    : `<section><h2>${e(t.servers)}</h2>${
        input.endpoints.length
          ? `<ul>${input.endpoints
              .map((endpoint) => {
                const link = shareLink(endpoint);
                return `<li><div class="row"><strong>${e(endpoint.remark)}</strong>${copy(link)}</div><div class="link">${e(link)}</div>${lazyQr(link)}</li>`;
              })
              .join("")}</ul>`
          : `<p class="muted">${e(t.noServers)}</p>`
      }</section>`;

  const apps = PLATFORMS.map((platform) => {
    const list = CLIENT_APPS.filter((app) => app.platforms.includes(platform.id))
      .map((app) => {
        const add =
          app.importLink && !input.inactive
            ? ` <a class="btn primary" href="${e(app.importLink(input.pageUrl, title))}">${e(t.addToApp)}</a>`
            : "";
        return `<li class="row"><strong>${e(app.name)}</strong> <a class="btn" href="${e(app.url)}" rel="noopener noreferrer">${e(t.getApp)}</a>${add}</li>`;
      })
      .join("");
    return `<details id="apps-${platform.id}"><summary>${platform.label}</summary><ul>${list}</ul></details>`;
  }).join("");

  return `<!doctype html><html lang="${language}" dir="${t.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${e(title)}</title><style>${CSS}</style></head><body><main>
<section><h1>${e(title)}</h1><h2 class="muted">${e(t.title)}</h2><p class="status ${good ? "ok" : "bad"}">${e(t.status[user.status])}</p>
<p>${e(user.username)}</p><div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${percent}"><i style="width:${percent}%"></i></div><p>${usage}</p><p>${expiry}</p>${
    refill === null ? "" : `<p class="muted">${t.nextReset}: ${e(date(refill, language))}</p>`
  }
<div id="renew" data-slot="renew"><a class="btn primary" href="${e(input.pageUrl)}/plans">${e(t.renew)}</a></div>${
    input.telegramUrl
      ? `<p><a class="btn" id="telegram" href="${e(input.telegramUrl)}" rel="noopener">${e(BOT_TEXTS[language].pageButton)}</a></p>`
      : ""
  }</section>
<section><h2>${e(t.subscriptionLink)}</h2><div class="row"><div class="link">${e(input.pageUrl)}</div>${copy(input.pageUrl)}</div>${input.inactive ? "" : qr(input.pageUrl, t.subscriptionLink)}</section>
${servers}<section><h2>${e(t.getApp)}</h2>${apps}</section>${settings.subscriptionSupportUrl ? `<p class="muted"><a href="${e(settings.subscriptionSupportUrl)}" rel="noopener noreferrer">${e(settings.subscriptionSupportUrl)}</a></p>` : ""}
</main><script>${SCRIPT}</script></body></html>`;
}
