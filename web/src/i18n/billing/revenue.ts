/**
 * Words of the billing revenue screens in every language: the Revenue page and the Stripe card on
 * the Payments page. English registers itself when a screen that imports this module loads
 * (addEnglish); the other languages join their tables (../ru.ts, …), which load on demand anyway.
 * Each language has exactly the English keys.
 */
import { addEnglish, type Plural } from "../index";

export const revenueEn = {
  "revenue.range": "UTC days {from} to {to}",
  "revenue.totals": "Totals",
  "revenue.byDay": "By day",
  "revenue.byPlan": "By plan",
  "revenue.net": "Net",
  "revenue.exportCsv": "Export CSV",
  "revenue.deletedPlan": "Deleted plan",
  "stripe.title": "Stripe",
  "stripe.secretKey": "Secret key (STRIPE_SECRET_KEY)",
  "stripe.webhookSecret": "Webhook signing secret (STRIPE_WEBHOOK_SECRET)",
  "stripe.configured": "Configured",
  "stripe.notConfigured": "Not configured",
  "stripe.secretsHint": "Set them as Worker secrets (wrangler secret put); their values are never shown here.",
  "stripe.webhookUrl": "Webhook endpoint URL",
  "stripe.copyUrl": "Copy URL",
  "stripe.events": "Events to select in Stripe's dashboard",
  "stripe.setupHint":
    "In Stripe's dashboard (Developers → Webhooks), add an endpoint with this URL and these events, then save its signing secret as STRIPE_WEBHOOK_SECRET.",
  "stripe.lastWebhook": "Last webhook",
  "stripe.noWebhook": "No webhook has arrived yet.",
  "stripe.recent": "Recent webhooks",
  "stripe.received": "Received",
  "stripe.event": "Event",
  "stripe.verdict": "Verdict",
  "stripe.detail": "Detail",
  "stripe.verdict.PROCESSED": "Processed",
  "stripe.verdict.DUPLICATE": "Duplicate: already received, nothing changed",
  "stripe.verdict.IGNORED": "Ignored: nothing to act on",
  "stripe.verdict.BAD_SIGNATURE": "Bad signature: refused",
  "stripe.verdict.FAILED": "Failed: Stripe will retry it",
  "stripe.badSignatureHint":
    "The signature did not verify: check that STRIPE_WEBHOOK_SECRET is this endpoint's signing secret in Stripe's dashboard.",
  "stripe.unsigned": "(unverified)",
} satisfies Record<string, string | Plural>;
addEnglish(revenueEn);

type Table = { [K in keyof typeof revenueEn]: (typeof revenueEn)[K] extends string ? string : Plural };

export const revenueRu: Table = {
  "revenue.range": "Дни UTC с {from} по {to}",
  "revenue.totals": "Итого",
  "revenue.byDay": "По дням",
  "revenue.byPlan": "По тарифам",
  "revenue.net": "Чистая выручка",
  "revenue.exportCsv": "Экспорт CSV",
  "revenue.deletedPlan": "Удалённый тариф",
  "stripe.title": "Stripe",
  "stripe.secretKey": "Секретный ключ (STRIPE_SECRET_KEY)",
  "stripe.webhookSecret": "Секрет подписи вебхуков (STRIPE_WEBHOOK_SECRET)",
  "stripe.configured": "Задан",
  "stripe.notConfigured": "Не задан",
  "stripe.secretsHint":
    "Задайте их как секреты Worker (wrangler secret put); их значения здесь никогда не показываются.",
  "stripe.webhookUrl": "URL конечной точки вебхука",
  "stripe.copyUrl": "Копировать URL",
  "stripe.events": "События, которые нужно выбрать в панели Stripe",
  "stripe.setupHint":
    "В панели Stripe (Developers → Webhooks) добавьте конечную точку с этим URL и этими событиями, затем сохраните её секрет подписи как STRIPE_WEBHOOK_SECRET.",
  "stripe.lastWebhook": "Последний вебхук",
  "stripe.noWebhook": "Вебхуков ещё не было.",
  "stripe.recent": "Недавние вебхуки",
  "stripe.received": "Получен",
  "stripe.event": "Событие",
  "stripe.verdict": "Итог",
  "stripe.detail": "Подробности",
  "stripe.verdict.PROCESSED": "Обработан",
  "stripe.verdict.DUPLICATE": "Повтор: уже получен, ничего не изменилось",
  "stripe.verdict.IGNORED": "Пропущен: нечего делать",
  "stripe.verdict.BAD_SIGNATURE": "Неверная подпись: отклонён",
  "stripe.verdict.FAILED": "Ошибка: Stripe повторит его",
  "stripe.badSignatureHint":
    "Подпись не прошла проверку: убедитесь, что STRIPE_WEBHOOK_SECRET — секрет подписи этой конечной точки в панели Stripe.",
  "stripe.unsigned": "(не проверено)",
};

export const revenueFa: Table = {
  "revenue.range": "روزهای UTC از {from} تا {to}",
  "revenue.totals": "جمع کل",
  "revenue.byDay": "به تفکیک روز",
  "revenue.byPlan": "به تفکیک پلن",
  "revenue.net": "خالص",
  "revenue.exportCsv": "خروجی CSV",
  "revenue.deletedPlan": "پلن حذف‌شده",
  "stripe.title": "Stripe",
  "stripe.secretKey": "کلید مخفی (STRIPE_SECRET_KEY)",
  "stripe.webhookSecret": "رمز امضای وب‌هوک (STRIPE_WEBHOOK_SECRET)",
  "stripe.configured": "تنظیم شده",
  "stripe.notConfigured": "تنظیم نشده",
  "stripe.secretsHint":
    "آن‌ها را به‌صورت رازهای Worker تنظیم کنید (wrangler secret put)؛ مقدارشان هرگز اینجا نمایش داده نمی‌شود.",
  "stripe.webhookUrl": "نشانی نقطهٔ پایانی وب‌هوک",
  "stripe.copyUrl": "کپی نشانی",
  "stripe.events": "رویدادهایی که باید در داشبورد Stripe انتخاب کنید",
  "stripe.setupHint":
    "در داشبورد Stripe (Developers → Webhooks) یک نقطهٔ پایانی با این نشانی و این رویدادها اضافه کنید، سپس رمز امضای آن را به‌عنوان STRIPE_WEBHOOK_SECRET ذخیره کنید.",
  "stripe.lastWebhook": "آخرین وب‌هوک",
  "stripe.noWebhook": "هنوز هیچ وب‌هوکی نرسیده است.",
  "stripe.recent": "وب‌هوک‌های اخیر",
  "stripe.received": "دریافت",
  "stripe.event": "رویداد",
  "stripe.verdict": "نتیجه",
  "stripe.detail": "جزئیات",
  "stripe.verdict.PROCESSED": "پردازش شد",
  "stripe.verdict.DUPLICATE": "تکراری: قبلاً دریافت شده، چیزی تغییر نکرد",
  "stripe.verdict.IGNORED": "نادیده گرفته شد: کاری برای انجام نبود",
  "stripe.verdict.BAD_SIGNATURE": "امضای نامعتبر: رد شد",
  "stripe.verdict.FAILED": "ناموفق: Stripe دوباره می‌فرستد",
  "stripe.badSignatureHint":
    "امضا تأیید نشد: بررسی کنید که STRIPE_WEBHOOK_SECRET همان رمز امضای این نقطهٔ پایانی در داشبورد Stripe باشد.",
  "stripe.unsigned": "(تأییدنشده)",
};

export const revenueZhCN: Table = {
  "revenue.range": "UTC 日期 {from} 至 {to}",
  "revenue.totals": "合计",
  "revenue.byDay": "按日",
  "revenue.byPlan": "按套餐",
  "revenue.net": "净额",
  "revenue.exportCsv": "导出 CSV",
  "revenue.deletedPlan": "已删除的套餐",
  "stripe.title": "Stripe",
  "stripe.secretKey": "密钥（STRIPE_SECRET_KEY）",
  "stripe.webhookSecret": "Webhook 签名密钥（STRIPE_WEBHOOK_SECRET）",
  "stripe.configured": "已配置",
  "stripe.notConfigured": "未配置",
  "stripe.secretsHint": "请将它们设置为 Worker 机密（wrangler secret put）；此处从不显示其值。",
  "stripe.webhookUrl": "Webhook 端点 URL",
  "stripe.copyUrl": "复制 URL",
  "stripe.events": "需在 Stripe 控制台中选择的事件",
  "stripe.setupHint":
    "在 Stripe 控制台（Developers → Webhooks）中添加一个使用此 URL 和这些事件的端点，然后将其签名密钥保存为 STRIPE_WEBHOOK_SECRET。",
  "stripe.lastWebhook": "最近一次 Webhook",
  "stripe.noWebhook": "尚未收到任何 Webhook。",
  "stripe.recent": "最近的 Webhook",
  "stripe.received": "接收时间",
  "stripe.event": "事件",
  "stripe.verdict": "结果",
  "stripe.detail": "详情",
  "stripe.verdict.PROCESSED": "已处理",
  "stripe.verdict.DUPLICATE": "重复：已收到过，未做更改",
  "stripe.verdict.IGNORED": "已忽略：无需处理",
  "stripe.verdict.BAD_SIGNATURE": "签名无效：已拒绝",
  "stripe.verdict.FAILED": "失败：Stripe 会重试",
  "stripe.badSignatureHint": "签名验证失败：请检查 STRIPE_WEBHOOK_SECRET 是否为 Stripe 控制台中此端点的签名密钥。",
  "stripe.unsigned": "（未验证）",
};
