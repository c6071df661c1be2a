/** The end-user page's words in each language it speaks; `dir` is rtl for Persian. */
export const LANGUAGES = ["en", "ru", "fa", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface PageStrings {
  dir: "ltr" | "rtl";
  title: string;
  status: Record<"active" | "on_hold" | "limited" | "expired" | "disabled", string>;
  used: string;
  of: string;
  unlimited: string;
  expires: string;
  never: string;
  daysLeft: string;
  nextReset: string;
  subscriptionLink: string;
  copy: string;
  copied: string;
  showQr: string;
  servers: string;
  noServers: string;
  addToApp: string;
  getApp: string;
  renew: string;
}

export const STRINGS: Record<Language, PageStrings> = {
  en: {
    dir: "ltr",
    title: "Your subscription",
    status: {
      active: "Active",
      on_hold: "Starts on first use",
      limited: "Data limit reached",
      expired: "Expired",
      disabled: "Disabled",
    },
    used: "Used",
    of: "of",
    unlimited: "unlimited",
    expires: "Expires",
    never: "never",
    daysLeft: "days left",
    nextReset: "Data refills",
    subscriptionLink: "Subscription link",
    copy: "Copy",
    copied: "Copied",
    showQr: "QR code",
    servers: "Servers",
    noServers: "No servers to show.",
    addToApp: "Add to an app",
    getApp: "Get an app",
    renew: "Renew",
  },
  ru: {
    dir: "ltr",
    title: "Ваша подписка",
    status: {
      active: "Активна",
      on_hold: "Начнётся при первом подключении",
      limited: "Трафик исчерпан",
      expired: "Истекла",
      disabled: "Отключена",
    },
    used: "Использовано",
    of: "из",
    unlimited: "без ограничений",
    expires: "Истекает",
    never: "никогда",
    daysLeft: "дн. осталось",
    nextReset: "Трафик обновится",
    subscriptionLink: "Ссылка на подписку",
    copy: "Копировать",
    copied: "Скопировано",
    showQr: "QR-код",
    servers: "Серверы",
    noServers: "Нет серверов.",
    addToApp: "Добавить в приложение",
    getApp: "Скачать приложение",
    renew: "Продлить",
  },
  fa: {
    dir: "rtl",
    title: "اشتراک شما",
    status: {
      active: "فعال",
      on_hold: "با اولین اتصال شروع می‌شود",
      limited: "حجم تمام شده",
      expired: "منقضی شده",
      disabled: "غیرفعال",
    },
    used: "مصرف",
    of: "از",
    unlimited: "نامحدود",
    expires: "انقضا",
    never: "هرگز",
    daysLeft: "روز مانده",
    nextReset: "تمدید حجم",
    subscriptionLink: "لینک اشتراک",
    copy: "کپی",
    copied: "کپی شد",
    showQr: "کد QR",
    servers: "سرورها",
    noServers: "سروری برای نمایش نیست.",
    addToApp: "افزودن به برنامه",
    getApp: "دریافت برنامه",
    renew: "تمدید",
  },
  zh: {
    dir: "ltr",
    title: "您的订阅",
    status: { active: "有效", on_hold: "首次使用时开始", limited: "流量已用完", expired: "已过期", disabled: "已停用" },
    used: "已用",
    of: "/",
    unlimited: "不限",
    expires: "到期",
    never: "永不",
    daysLeft: "天剩余",
    nextReset: "流量重置",
    subscriptionLink: "订阅链接",
    copy: "复制",
    copied: "已复制",
    showQr: "二维码",
    servers: "服务器",
    noServers: "没有可显示的服务器。",
    addToApp: "导入到应用",
    getApp: "下载应用",
    renew: "续费",
  },
};

/** `?lang=` first, then the first supported language in Accept-Language, then English. */
export function pickLanguage(query: string | null | undefined, acceptLanguage: string | null | undefined): Language {
  if (query && (LANGUAGES as readonly string[]).includes(query)) return query as Language;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(code)) return code as Language;
  }
  return "en";
}
