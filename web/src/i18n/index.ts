/**
 * The admin's language: en, ru, fa (right to left) or zh-CN, chosen by the switcher, remembered in
 * localStorage, first guessed from the browser. English ships in the main bundle; the others load
 * on demand. Setting a language also sets <html lang dir>, which the CSS's logical properties follow.
 */
import { createSignal } from "solid-js";
import { en, type Messages } from "./en";

export const LOCALES = [
  { code: "en", name: "English", dir: "ltr" },
  { code: "ru", name: "Русский", dir: "ltr" },
  { code: "fa", name: "فارسی", dir: "rtl" },
  { code: "zh-CN", name: "简体中文", dir: "ltr" },
] as const;
export type Locale = (typeof LOCALES)[number]["code"];
export type MessageKey = keyof Messages;
/** A message whose words follow a number: one form per plural category of its language (`other` always). */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
type PluralKey = { [K in MessageKey]: Messages[K] extends string ? never : K }[MessageKey];
type Params = Record<string, string | number>;

const STORAGE_KEY = "vortex.locale";
const loaders: Record<Locale, () => Promise<Partial<Messages>>> = {
  en: async () => en,
  ru: async () => (await import("./ru")).ru,
  fa: async () => (await import("./fa")).fa,
  "zh-CN": async () => (await import("./zh-CN")).zhCN,
};

/** The best supported locale for a list of browser languages, e.g. ["fa-IR", "en"] → "fa". */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("zh")) return "zh-CN";
    const match = LOCALES.find((l) => l.code === lower.split("-")[0]);
    if (match) return match.code;
  }
  return "en";
}

/** Fills {name} placeholders: `interpolate("{n} users", { n: 3 })` → "3 users". */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The form of `message` that reads right beside `count` in `locale`: `pluralForm({ one: "{count} user",
 * other: "{count} users" }, "en", 1)` → "{count} user". Russian picks among one (21), few (3) and many (5).
 */
export function pluralForm(message: Plural, locale: string, count: number): string {
  return message[new Intl.PluralRules(locale).select(count)] ?? message.other;
}

const [locale, setLocaleSignal] = createSignal<Locale>("en");
const [messages, setMessages] = createSignal<Partial<Messages>>(en);

/** English for pages that load later, added by each as it loads (e.g. ./safety-en); other languages hold every key. */
const lateEnglish: Partial<Messages> = {};

/** Called by a lazy part's English table as it loads, before its page renders a word. */
export function addEnglish(part: Partial<Messages>): void {
  Object.assign(lateEnglish, part);
}

export { locale };

/**
 * The message in the current language; number parameters are written with the language's digits.
 * A counting message takes its form from `count`, which must then be a number.
 */
export function t<K extends MessageKey>(
  key: K,
  ...[params]: K extends PluralKey ? [Params & { count: number }] : [Params?]
): string {
  const message = messages()[key] ?? (en as Partial<Messages>)[key] ?? lateEnglish[key];
  // A late part not loaded yet (its page forgot to import it): the key shows, the page still renders.
  if (message === undefined) return key;
  const template = typeof message === "string" ? message : pluralForm(message, locale(), params!.count as number);
  const localised =
    params &&
    Object.fromEntries(
      Object.entries(params).map(([k, v]) => [
        k,
        typeof v === "number" ? new Intl.NumberFormat(locale()).format(v) : v,
      ]),
    );
  return interpolate(template, localised);
}

export function direction(): "ltr" | "rtl" {
  return LOCALES.find((l) => l.code === locale())!.dir;
}

export async function setLocale(code: Locale): Promise<void> {
  const loaded = await loaders[code]();
  setMessages(() => loaded);
  setLocaleSignal(code);
  localStorage.setItem(STORAGE_KEY, code);
  document.documentElement.lang = code;
  document.documentElement.dir = direction();
}

export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && LOCALES.some((l) => l.code === stored)) return stored as Locale;
  return pickLocale(navigator.languages);
}
