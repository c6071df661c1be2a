import type { EventData, EventKind, PanelEvent } from "./catalogue";
import { utcDay } from "../lib/utc";

export const LANGUAGES = ["en", "ru", "fa", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** Sizes as operators read them on a quota: GiB from one GiB up, MiB below (one decimal, trailing ".0" dropped). */
export function formatBytes(bytes: number): string {
  const [value, unit] = bytes >= GiB ? [bytes / GiB, "GiB"] : [bytes / MiB, "MiB"];
  return `${Number(value.toFixed(1))} ${unit}`;
}

/** Instants as a UTC calendar day: the same in every language and unambiguous across time zones. */
const minutes = (sec: number) => Math.round(sec / 60);
const money = (amount: string, currency: string) => `${amount} ${currency.toUpperCase()}`;

type Texts = { [K in EventKind]: (data: EventData[K]) => string };

const EN: Texts = {
  "user.created": (d) => `User ${d.username} was created`,
  "user.limited": (d) => `User ${d.username} used up its data limit (${formatBytes(d.limitBytes)}) and was cut`,
  "user.expired": (d) => `User ${d.username} expired on ${utcDay(d.expireAt)} and was cut`,
  "user.disabled": (d) => `User ${d.username} was disabled`,
  "user.enabled": (d) => `User ${d.username} is active again`,
  "user.quota_reached": (d) =>
    `User ${d.username} has used ${d.percent}% of its data limit (${formatBytes(d.usedBytes)} of ${formatBytes(d.limitBytes)})`,
  "user.expires_soon": (d) => `User ${d.username} expires in ${d.daysLeft} utcDay(s), on ${utcDay(d.expireAt)}`,
  "user.first_connected": (d) => `User ${d.username} connected for the first time`,
  "user.new_device": (d) => `User ${d.username} fetched its subscription from a new device (${d.platform ?? d.device})`,
  "user.usage_spike": (d) =>
    `User ${d.username} used ${formatBytes(d.bytes)} in one hour, far above its usual ${formatBytes(d.baselineBytes)}`,
  "user.sharing_suspected": (d) =>
    `User ${d.username} connected from ${d.addresses} addresses in ${minutes(d.windowSec)} minutes; its device limit is ${d.deviceLimit}`,
  "server.offline": (d) => `Server ${d.name} is offline: its agent has not reported in`,
  "server.online": (d) => (d.was === "pending" ? `Server ${d.name} is online` : `Server ${d.name} is back online`),
  "server.degraded": (d) => `Server ${d.name} reports in but its proxy core is not running`,
  "server.config_failed": (d) =>
    `Server ${d.name} could not apply config version ${d.version} (${d.outcome})${d.error ? `: ${d.error}` : ""}`,
  "server.agent_updated": (d) => `Server ${d.name} now runs agent ${d.to}${d.from ? ` (was ${d.from})` : ""}`,
  "payment.received": (d) =>
    `Payment of ${money(d.amount, d.currency)} received for invoice #${d.invoiceId}${d.username ? ` (user ${d.username})` : ""}`,
  "payment.refunded": (d) =>
    `Payment of ${money(d.amount, d.currency)} for invoice #${d.invoiceId} was refunded${d.username ? ` (user ${d.username})` : ""}`,
  "payment.underpaid": (d) =>
    `Invoice #${d.invoiceId} was underpaid: ${money(d.received, d.currency)} of ${money(d.expected, d.currency)}${d.username ? ` (user ${d.username})` : ""}`,
  "admin.new_sign_in": (d) =>
    `Admin ${d.admin} signed in from a new device or network (${[d.ip, d.country].filter(Boolean).join(", ") || d.method})`,
  "admin.sign_in_failures": (d) =>
    `${d.failures} failed sign-ins in ${minutes(d.windowSec)} minutes${d.login ? ` for ${d.login}` : ""}${d.ip ? ` from ${d.ip}` : ""}`,
  "backup.failed": (d) => `Backup ${d.backupId} (${d.trigger}) failed: ${d.error}`,
};

const RU: Texts = {
  "user.created": (d) => `Пользователь ${d.username} создан`,
  "user.limited": (d) =>
    `Пользователь ${d.username} исчерпал лимит трафика (${formatBytes(d.limitBytes)}) и был отключён`,
  "user.expired": (d) => `Срок пользователя ${d.username} истёк ${utcDay(d.expireAt)}, он отключён`,
  "user.disabled": (d) => `Пользователь ${d.username} выключен`,
  "user.enabled": (d) => `Пользователь ${d.username} снова активен`,
  "user.quota_reached": (d) =>
    `Пользователь ${d.username} израсходовал ${d.percent}% лимита (${formatBytes(d.usedBytes)} из ${formatBytes(d.limitBytes)})`,
  "user.expires_soon": (d) =>
    `Срок пользователя ${d.username} истекает через ${d.daysLeft} дн. (${utcDay(d.expireAt)})`,
  "user.first_connected": (d) => `Пользователь ${d.username} подключился впервые`,
  "user.new_device": (d) =>
    `Пользователь ${d.username} получил подписку с нового устройства (${d.platform ?? d.device})`,
  "user.usage_spike": (d) =>
    `Пользователь ${d.username} израсходовал ${formatBytes(d.bytes)} за час при обычных ${formatBytes(d.baselineBytes)}`,
  "user.sharing_suspected": (d) =>
    `Пользователь ${d.username} подключался с ${d.addresses} адресов за ${minutes(d.windowSec)} мин. при лимите устройств ${d.deviceLimit}`,
  "server.offline": (d) => `Сервер ${d.name} недоступен: агент не выходит на связь`,
  "server.online": (d) => (d.was === "pending" ? `Сервер ${d.name} в сети` : `Сервер ${d.name} снова в сети`),
  "server.degraded": (d) => `Сервер ${d.name} на связи, но его прокси-ядро не запущено`,
  "server.config_failed": (d) =>
    `Сервер ${d.name} не смог применить конфигурацию версии ${d.version} (${d.outcome})${d.error ? `: ${d.error}` : ""}`,
  "server.agent_updated": (d) => `На сервере ${d.name} теперь агент ${d.to}${d.from ? ` (был ${d.from})` : ""}`,
  "payment.received": (d) =>
    `Получен платёж ${money(d.amount, d.currency)} по счёту №${d.invoiceId}${d.username ? ` (пользователь ${d.username})` : ""}`,
  "payment.refunded": (d) =>
    `Платёж ${money(d.amount, d.currency)} по счёту №${d.invoiceId} возвращён${d.username ? ` (пользователь ${d.username})` : ""}`,
  "payment.underpaid": (d) =>
    `Счёт №${d.invoiceId} оплачен не полностью: ${money(d.received, d.currency)} из ${money(d.expected, d.currency)}${d.username ? ` (пользователь ${d.username})` : ""}`,
  "admin.new_sign_in": (d) =>
    `Администратор ${d.admin} вошёл с нового устройства или из новой сети (${[d.ip, d.country].filter(Boolean).join(", ") || d.method})`,
  "admin.sign_in_failures": (d) =>
    `${d.failures} неудачных попыток входа за ${minutes(d.windowSec)} мин.${d.login ? ` для ${d.login}` : ""}${d.ip ? ` с ${d.ip}` : ""}`,
  "backup.failed": (d) => `Резервная копия ${d.backupId} (${d.trigger}) не создана: ${d.error}`,
};

const FA: Texts = {
  "user.created": (d) => `کاربر ${d.username} ایجاد شد`,
  "user.limited": (d) => `کاربر ${d.username} سقف حجم خود (${formatBytes(d.limitBytes)}) را تمام کرد و قطع شد`,
  "user.expired": (d) => `اعتبار کاربر ${d.username} در ${utcDay(d.expireAt)} به پایان رسید و قطع شد`,
  "user.disabled": (d) => `کاربر ${d.username} غیرفعال شد`,
  "user.enabled": (d) => `کاربر ${d.username} دوباره فعال است`,
  "user.quota_reached": (d) =>
    `کاربر ${d.username} ${d.percent}٪ از سقف حجم خود را مصرف کرده است (${formatBytes(d.usedBytes)} از ${formatBytes(d.limitBytes)})`,
  "user.expires_soon": (d) => `اعتبار کاربر ${d.username} تا ${d.daysLeft} روز دیگر (${utcDay(d.expireAt)}) تمام می‌شود`,
  "user.first_connected": (d) => `کاربر ${d.username} برای نخستین بار وصل شد`,
  "user.new_device": (d) => `کاربر ${d.username} اشتراک خود را از دستگاه تازه‌ای (${d.platform ?? d.device}) دریافت کرد`,
  "user.usage_spike": (d) =>
    `کاربر ${d.username} در یک ساعت ${formatBytes(d.bytes)} مصرف کرد، بسیار بیشتر از میانگین ${formatBytes(d.baselineBytes)}`,
  "user.sharing_suspected": (d) =>
    `کاربر ${d.username} در ${minutes(d.windowSec)} دقیقه از ${d.addresses} نشانی وصل شد؛ سقف دستگاه‌هایش ${d.deviceLimit} است`,
  "server.offline": (d) => `سرور ${d.name} آفلاین است: عامل آن گزارشی نفرستاده است`,
  "server.online": (d) => (d.was === "pending" ? `سرور ${d.name} آنلاین است` : `سرور ${d.name} دوباره آنلاین است`),
  "server.degraded": (d) => `سرور ${d.name} گزارش می‌دهد اما هسته پراکسی آن اجرا نمی‌شود`,
  "server.config_failed": (d) =>
    `سرور ${d.name} نتوانست پیکربندی نسخه ${d.version} را اعمال کند (${d.outcome})${d.error ? `: ${d.error}` : ""}`,
  "server.agent_updated": (d) => `سرور ${d.name} اکنون عامل ${d.to} را اجرا می‌کند${d.from ? ` (پیش‌تر ${d.from})` : ""}`,
  "payment.received": (d) =>
    `پرداخت ${money(d.amount, d.currency)} برای فاکتور #${d.invoiceId} دریافت شد${d.username ? ` (کاربر ${d.username})` : ""}`,
  "payment.refunded": (d) =>
    `پرداخت ${money(d.amount, d.currency)} برای فاکتور #${d.invoiceId} بازگردانده شد${d.username ? ` (کاربر ${d.username})` : ""}`,
  "payment.underpaid": (d) =>
    `فاکتور #${d.invoiceId} کمتر پرداخت شد: ${money(d.received, d.currency)} از ${money(d.expected, d.currency)}${d.username ? ` (کاربر ${d.username})` : ""}`,
  "admin.new_sign_in": (d) =>
    `مدیر ${d.admin} از دستگاه یا شبکه تازه‌ای وارد شد (${[d.ip, d.country].filter(Boolean).join(", ") || d.method})`,
  "admin.sign_in_failures": (d) =>
    `${d.failures} ورود ناموفق در ${minutes(d.windowSec)} دقیقه${d.login ? ` برای ${d.login}` : ""}${d.ip ? ` از ${d.ip}` : ""}`,
  "backup.failed": (d) => `پشتیبان ${d.backupId} (${d.trigger}) ناموفق بود: ${d.error}`,
};

const ZH: Texts = {
  "user.created": (d) => `用户 ${d.username} 已创建`,
  "user.limited": (d) => `用户 ${d.username} 已用完流量限额（${formatBytes(d.limitBytes)}），已被停用`,
  "user.expired": (d) => `用户 ${d.username} 已于 ${utcDay(d.expireAt)} 到期，已被停用`,
  "user.disabled": (d) => `用户 ${d.username} 已被禁用`,
  "user.enabled": (d) => `用户 ${d.username} 已恢复使用`,
  "user.quota_reached": (d) =>
    `用户 ${d.username} 已使用流量限额的 ${d.percent}%（${formatBytes(d.usedBytes)} / ${formatBytes(d.limitBytes)}）`,
  "user.expires_soon": (d) => `用户 ${d.username} 将在 ${d.daysLeft} 天后（${utcDay(d.expireAt)}）到期`,
  "user.first_connected": (d) => `用户 ${d.username} 首次连接`,
  "user.new_device": (d) => `用户 ${d.username} 从新设备（${d.platform ?? d.device}）获取了订阅`,
  "user.usage_spike": (d) =>
    `用户 ${d.username} 一小时内使用了 ${formatBytes(d.bytes)}，远高于其通常的 ${formatBytes(d.baselineBytes)}`,
  "user.sharing_suspected": (d) =>
    `用户 ${d.username} 在 ${minutes(d.windowSec)} 分钟内从 ${d.addresses} 个地址连接，超过其设备上限 ${d.deviceLimit}`,
  "server.offline": (d) => `服务器 ${d.name} 已离线：其代理程序未上报`,
  "server.online": (d) => (d.was === "pending" ? `服务器 ${d.name} 已上线` : `服务器 ${d.name} 已重新上线`),
  "server.degraded": (d) => `服务器 ${d.name} 仍在上报，但其代理核心未运行`,
  "server.config_failed": (d) =>
    `服务器 ${d.name} 无法应用第 ${d.version} 版配置（${d.outcome}）${d.error ? `：${d.error}` : ""}`,
  "server.agent_updated": (d) => `服务器 ${d.name} 现在运行代理程序 ${d.to}${d.from ? `（原为 ${d.from}）` : ""}`,
  "payment.received": (d) =>
    `已收到账单 #${d.invoiceId} 的付款 ${money(d.amount, d.currency)}${d.username ? `（用户 ${d.username}）` : ""}`,
  "payment.refunded": (d) =>
    `账单 #${d.invoiceId} 的付款 ${money(d.amount, d.currency)} 已退款${d.username ? `（用户 ${d.username}）` : ""}`,
  "payment.underpaid": (d) =>
    `账单 #${d.invoiceId} 付款不足：收到 ${money(d.received, d.currency)}，应付 ${money(d.expected, d.currency)}${d.username ? `（用户 ${d.username}）` : ""}`,
  "admin.new_sign_in": (d) =>
    `管理员 ${d.admin} 从新的设备或网络登录（${[d.ip, d.country].filter(Boolean).join(", ") || d.method}）`,
  "admin.sign_in_failures": (d) =>
    `${minutes(d.windowSec)} 分钟内登录失败 ${d.failures} 次${d.login ? `，账号 ${d.login}` : ""}${d.ip ? `，来自 ${d.ip}` : ""}`,
  "backup.failed": (d) => `备份 ${d.backupId}（${d.trigger}）失败：${d.error}`,
};

const TEXTS: Record<Language, Texts> = { en: EN, ru: RU, fa: FA, zh: ZH };

/**
 * An event as one sentence in the reader's language (Telegram alerts, webhook payloads, the
 * notification centre). An event stored under a kind this build no longer knows reads as its kind.
 */
export function eventText(event: PanelEvent, language: Language): string {
  const text = TEXTS[language][event.kind] as ((data: unknown) => string) | undefined;
  return text ? text(event.data) : event.kind;
}
