import type { EventData } from "../../events/catalogue";
import type { Language } from "../../events/texts";
import { formatBytes } from "../../subscription/remarks";
import type { UserStatus } from "../../users/table";
import type { EndUserKind } from "./user-notices";
import { utcDay } from "../../lib/utc";

/** What an end user is told about its own subscription, one sentence per kind (user-notices.ts). */
export type UserNoticeTexts = { [K in EndUserKind]: (data: EventData[K]) => string };

/** The bot's words in each language it speaks; values are plain text (the sender escapes them for HTML). */
export interface BotTexts {
  linkedUser: (username: string) => string;
  linkedAdmin: (admin: string) => string;
  tokenRefused: string;
  welcome: string;
  notLinked: string;
  userHelp: string;
  adminHelp: string;
  status: Record<UserStatus, string>;
  usageLines: { status: string; used: string; of: string; unlimited: string; expires: string; never: string };
  daysLeft: (days: number) => string;
  linkIntro: string;
  qrCaption: string;
  renewIntro: string;
  renewButton: string;
  noPlans: string;
  userUsage: string;
  userMissing: (username: string) => string;
  lastConnection: string;
  neverConnected: string;
  unknownCommand: string;
  /** The subscription page's button that opens the bot. */
  pageButton: string;
  notices: UserNoticeTexts;
  /** Follows a notice the user can act on by renewing. */
  renewHint: string;
  muted: string;
  unmuted: string;
}

/** Instants as a UTC calendar day, as /usage shows them. */
const money = (amount: string, currency: string) => `${amount} ${currency.toUpperCase()}`;
/** The device as the user would recognise it; an x-hwid or user agent can be long. */
const device = (d: EventData["user.new_device"]) => (d.platform ?? d.device).slice(0, 64);

export const BOT_TEXTS: Record<Language, BotTexts> = {
  en: {
    linkedUser: (u) => `Linked to the subscription of ${u}. Try /usage, /link, /qr or /renew.`,
    linkedAdmin: (a) => `This chat now gets the panel's alerts for ${a}. Look a user up with /user <username>.`,
    tokenRefused: "This link is expired or was already used. Open a fresh one from your subscription page.",
    welcome: "Hello! To link this chat, open the Telegram button on your subscription page.",
    notLinked: "This chat is not linked yet. Open the Telegram button on your subscription page.",
    userHelp:
      "/usage: your traffic and expiry\n/link: your subscription link\n/qr: the link as a QR code\n/renew: renew or buy\n/mute, /unmute: stop or resume notices",
    adminHelp: "/user <username>: a user's status, usage and expiry\n/help: this list",
    status: {
      active: "active",
      disabled: "disabled",
      limited: "data limit reached",
      expired: "expired",
      on_hold: "on hold",
    },
    usageLines: {
      status: "Status",
      used: "Used",
      of: "of",
      unlimited: "unlimited",
      expires: "Expires",
      never: "never",
    },
    daysLeft: (d) => `${d} days left`,
    linkIntro: "Your subscription link (add it to your app):",
    qrCaption: "Scan this in your app to add the subscription.",
    renewIntro: "Pick a plan to renew or buy more:",
    renewButton: "Renew",
    noPlans: "Renewal is not on sale here: please contact your provider.",
    userUsage: "Usage",
    userMissing: (u) => `No user "${u}" that you may see.`,
    lastConnection: "Last traffic",
    neverConnected: "none yet",
    unknownCommand: "Unknown command. /help lists what I understand.",
    pageButton: "Get updates in Telegram",
    notices: {
      "user.quota_reached": (d) =>
        `You have used ${d.percent}% of your ${formatBytes(d.limitBytes)} (${formatBytes(d.usedBytes)} so far).`,
      "user.expires_soon": (d) =>
        `Your subscription expires in ${d.daysLeft === 1 ? "1 day" : `${d.daysLeft} days`}, on ${utcDay(d.expireAt)}.`,
      "user.limited": (d) => `You have used all of your ${formatBytes(d.limitBytes)}: your connection is paused.`,
      "user.expired": (d) => `Your subscription expired on ${utcDay(d.expireAt)}: your connection is paused.`,
      "user.enabled": () => "Your subscription is active again.",
      "payment.received": (d) =>
        `Payment of ${money(d.amount, d.currency)} received (invoice #${d.invoiceId}). Thank you!`,
      "user.new_device": (d) =>
        `Your subscription was opened on a new device (${device(d)}). Not you? Your link may have leaked: contact your provider.`,
    },
    renewHint: "Send /renew to renew.",
    muted: "Subscription notices are off. Send /unmute to turn them back on.",
    unmuted: "Subscription notices are on. Send /mute to stop them.",
  },
  ru: {
    linkedUser: (u) => `Чат привязан к подписке ${u}. Команды: /usage, /link, /qr, /renew.`,
    linkedAdmin: (a) => `Этот чат теперь получает уведомления панели для ${a}. Найти пользователя: /user <имя>.`,
    tokenRefused: "Ссылка устарела или уже использована. Откройте новую на странице подписки.",
    welcome: "Здравствуйте! Чтобы привязать чат, нажмите кнопку Telegram на странице подписки.",
    notLinked: "Чат ещё не привязан. Нажмите кнопку Telegram на странице подписки.",
    userHelp:
      "/usage: трафик и срок\n/link: ссылка подписки\n/qr: ссылка в виде QR-кода\n/renew: продлить или купить\n/mute, /unmute: отключить или включить уведомления",
    adminHelp: "/user <имя>: статус, трафик и срок пользователя\n/help: этот список",
    status: {
      active: "активна",
      disabled: "отключена",
      limited: "лимит трафика исчерпан",
      expired: "истекла",
      on_hold: "ожидает",
    },
    usageLines: {
      status: "Статус",
      used: "Использовано",
      of: "из",
      unlimited: "без ограничений",
      expires: "Истекает",
      never: "никогда",
    },
    daysLeft: (d) => `осталось дней: ${d}`,
    linkIntro: "Ваша ссылка подписки (добавьте её в приложение):",
    qrCaption: "Отсканируйте в приложении, чтобы добавить подписку.",
    renewIntro: "Выберите тариф, чтобы продлить или докупить:",
    renewButton: "Продлить",
    noPlans: "Продление здесь не продаётся: обратитесь к своему провайдеру.",
    userUsage: "Трафик",
    userMissing: (u) => `Пользователь «${u}» не найден среди доступных вам.`,
    lastConnection: "Последний трафик",
    neverConnected: "ещё не было",
    unknownCommand: "Неизвестная команда. /help покажет список.",
    pageButton: "Уведомления в Telegram",
    notices: {
      "user.quota_reached": (d) =>
        `Вы израсходовали ${d.percent}% трафика: ${formatBytes(d.usedBytes)} из ${formatBytes(d.limitBytes)}.`,
      "user.expires_soon": (d) => `Ваша подписка истекает через ${d.daysLeft} дн., ${utcDay(d.expireAt)}.`,
      "user.limited": (d) => `Лимит трафика ${formatBytes(d.limitBytes)} исчерпан: подключение приостановлено.`,
      "user.expired": (d) => `Срок подписки истёк ${utcDay(d.expireAt)}: подключение приостановлено.`,
      "user.enabled": () => "Ваша подписка снова активна.",
      "payment.received": (d) => `Платёж ${money(d.amount, d.currency)} получен (счёт №${d.invoiceId}). Спасибо!`,
      "user.new_device": (d) =>
        `Вашу подписку открыли на новом устройстве (${device(d)}). Если это не вы, ссылка могла утечь: обратитесь к провайдеру.`,
    },
    renewHint: "Продлить: /renew",
    muted: "Уведомления о подписке отключены. Включить снова: /unmute",
    unmuted: "Уведомления о подписке включены. Отключить: /mute",
  },
  fa: {
    linkedUser: (u) => `این گفتگو به اشتراک ${u} وصل شد. دستورها: /usage، /link، /qr، /renew`,
    linkedAdmin: (a) => `این گفتگو از این پس هشدارهای پنل را برای ${a} دریافت می‌کند. جستجوی کاربر: /user <نام>`,
    tokenRefused: "این پیوند منقضی شده یا قبلاً استفاده شده است. پیوند تازه‌ای از صفحهٔ اشتراک باز کنید.",
    welcome: "سلام! برای وصل کردن این گفتگو، دکمهٔ تلگرام را در صفحهٔ اشتراک خود بزنید.",
    notLinked: "این گفتگو هنوز وصل نشده است. دکمهٔ تلگرام را در صفحهٔ اشتراک بزنید.",
    userHelp:
      "/usage: مصرف و انقضا\n/link: پیوند اشتراک\n/qr: کد QR پیوند\n/renew: تمدید یا خرید\n/mute، /unmute: خاموش یا روشن کردن اطلاعیه‌ها",
    adminHelp: "/user <نام>: وضعیت، مصرف و انقضای کاربر\n/help: همین فهرست",
    status: { active: "فعال", disabled: "غیرفعال", limited: "حجم تمام شده", expired: "منقضی", on_hold: "در انتظار" },
    usageLines: {
      status: "وضعیت",
      used: "مصرف",
      of: "از",
      unlimited: "نامحدود",
      expires: "انقضا",
      never: "هرگز",
    },
    daysLeft: (d) => `${d} روز مانده`,
    linkIntro: "پیوند اشتراک شما (آن را به برنامه اضافه کنید):",
    qrCaption: "برای افزودن اشتراک، این را در برنامه اسکن کنید.",
    renewIntro: "برای تمدید یا خرید، یک طرح انتخاب کنید:",
    renewButton: "تمدید",
    noPlans: "تمدید اینجا فروخته نمی‌شود: با ارائه‌دهندهٔ خود تماس بگیرید.",
    userUsage: "مصرف",
    userMissing: (u) => `کاربری به نام «${u}» در دسترس شما نیست.`,
    lastConnection: "آخرین ترافیک",
    neverConnected: "هنوز نه",
    unknownCommand: "دستور ناشناخته. /help فهرست دستورها را نشان می‌دهد.",
    pageButton: "دریافت اطلاعیه در تلگرام",
    notices: {
      "user.quota_reached": (d) =>
        `شما ${d.percent}% از حجم خود را مصرف کرده‌اید: ${formatBytes(d.usedBytes)} از ${formatBytes(d.limitBytes)}.`,
      "user.expires_soon": (d) => `اشتراک شما ${d.daysLeft} روز دیگر، در ${utcDay(d.expireAt)}، منقضی می‌شود.`,
      "user.limited": (d) => `حجم ${formatBytes(d.limitBytes)} شما تمام شده است و اتصال شما متوقف شد.`,
      "user.expired": (d) => `اشتراک شما در ${utcDay(d.expireAt)} منقضی شد و اتصال شما متوقف شد.`,
      "user.enabled": () => "اشتراک شما دوباره فعال است.",
      "payment.received": (d) => `پرداخت ${money(d.amount, d.currency)} دریافت شد (صورتحساب #${d.invoiceId}). سپاس!`,
      "user.new_device": (d) =>
        `اشتراک شما روی دستگاه تازه‌ای باز شد (${device(d)}). اگر شما نبودید، ممکن است پیوندتان فاش شده باشد: با ارائه‌دهندهٔ خود تماس بگیرید.`,
    },
    renewHint: "برای تمدید: /renew",
    muted: "اطلاعیه‌های اشتراک خاموش شد. روشن کردن دوباره: /unmute",
    unmuted: "اطلاعیه‌های اشتراک روشن است. خاموش کردن: /mute",
  },
  zh: {
    linkedUser: (u) => `已关联到 ${u} 的订阅。可用命令：/usage、/link、/qr、/renew。`,
    linkedAdmin: (a) => `此聊天现在接收 ${a} 的面板提醒。查询用户：/user <用户名>。`,
    tokenRefused: "此链接已过期或已被使用。请从订阅页面重新打开。",
    welcome: "您好！要关联此聊天，请在订阅页面点击 Telegram 按钮。",
    notLinked: "此聊天尚未关联。请在订阅页面点击 Telegram 按钮。",
    userHelp:
      "/usage：流量和到期时间\n/link：订阅链接\n/qr：订阅链接二维码\n/renew：续费或购买\n/mute、/unmute：关闭或开启通知",
    adminHelp: "/user <用户名>：用户的状态、流量和到期时间\n/help：此列表",
    status: { active: "正常", disabled: "已禁用", limited: "流量已用完", expired: "已过期", on_hold: "待激活" },
    usageLines: {
      status: "状态",
      used: "已用",
      of: "/",
      unlimited: "不限",
      expires: "到期",
      never: "永不",
    },
    daysLeft: (d) => `剩余 ${d} 天`,
    linkIntro: "您的订阅链接（添加到应用中）：",
    qrCaption: "在应用中扫描以添加订阅。",
    renewIntro: "选择套餐以续费或购买：",
    renewButton: "续费",
    noPlans: "此处不提供续费：请联系您的服务商。",
    userUsage: "流量",
    userMissing: (u) => `没有您可查看的用户“${u}”。`,
    lastConnection: "最近流量",
    neverConnected: "暂无",
    unknownCommand: "未知命令。/help 列出可用命令。",
    pageButton: "在 Telegram 中接收通知",
    notices: {
      "user.quota_reached": (d) =>
        `您已使用 ${d.percent}% 的流量：${formatBytes(d.usedBytes)} / ${formatBytes(d.limitBytes)}。`,
      "user.expires_soon": (d) => `您的订阅将在 ${d.daysLeft} 天后（${utcDay(d.expireAt)}）到期。`,
      "user.limited": (d) => `您的 ${formatBytes(d.limitBytes)} 流量已用完，连接已暂停。`,
      "user.expired": (d) => `您的订阅已于 ${utcDay(d.expireAt)} 到期，连接已暂停。`,
      "user.enabled": () => "您的订阅已恢复正常。",
      "payment.received": (d) => `已收到付款 ${money(d.amount, d.currency)}（账单 #${d.invoiceId}）。谢谢！`,
      "user.new_device": (d) =>
        `您的订阅在新设备上被打开（${device(d)}）。如果不是您本人，链接可能已泄露：请联系您的服务商。`,
    },
    renewHint: "续费请发送 /renew",
    muted: "订阅通知已关闭。重新开启：/unmute",
    unmuted: "订阅通知已开启。关闭：/mute",
  },
};
