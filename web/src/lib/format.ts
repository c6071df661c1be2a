/**
 * Numbers people read: byte counts, dates and durations in the admin's language (Intl), and the
 * data-limit units the forms accept. Panels and VPN clients count a gigabyte as 1024³ bytes, so
 * the units here are binary even though they carry the familiar short names.
 */
import type { Locale } from "../i18n";

export const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB"] as const;
export type ByteUnit = (typeof BYTE_UNITS)[number];

/**
 * Short unit symbols per language. Intl's own unit names will not do: its short English byte is the
 * word "byte" ("0 byte"), and its "kB" reads as decimal kilobytes where these are binary.
 */
const UNIT_LABELS: Record<Locale, { units: Record<ByteUnit, string>; perSecond: string }> = {
  en: { units: { B: "B", KB: "KB", MB: "MB", GB: "GB", TB: "TB" }, perSecond: "/s" },
  ru: { units: { B: "Б", KB: "КБ", MB: "МБ", GB: "ГБ", TB: "ТБ" }, perSecond: "/с" },
  fa: { units: { B: "B", KB: "KB", MB: "MB", GB: "GB", TB: "TB" }, perSecond: "/ثانیه" },
  "zh-CN": { units: { B: "B", KB: "KB", MB: "MB", GB: "GB", TB: "TB" }, perSecond: "/秒" },
};

export function unitBytes(unit: ByteUnit): number {
  return 1024 ** BYTE_UNITS.indexOf(unit);
}

/** The largest unit in which the count is at least 1, e.g. 1536 → [1.5, "KB"]. */
export function splitBytes(bytes: number): [number, ByteUnit] {
  let index = 0;
  while (index < BYTE_UNITS.length - 1 && Math.abs(bytes) >= 1024 ** (index + 1)) index++;
  return [bytes / 1024 ** index, BYTE_UNITS[index]];
}

/** Intl lays out the number and where its unit goes (digits, separators, spacing); the label is ours. */
function withUnit(value: number, locale: string, maximumFractionDigits: number, label: (l: Locale) => string) {
  const labels = (locale in UNIT_LABELS ? locale : "en") as Locale;
  return new Intl.NumberFormat(locale, { style: "unit", unit: "byte", unitDisplay: "short", maximumFractionDigits })
    .formatToParts(value)
    .map((part) => (part.type === "unit" ? label(labels) : part.value))
    .join("");
}

/** `formatBytes(1610612736, "en")` → "1.5 GB"; `"ru"` → "1,5 ГБ"; `formatBytes(0, "en")` → "0 B". */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] = splitBytes(bytes);
  return withUnit(value, locale, value < 10 ? 2 : 1, (l) => UNIT_LABELS[l].units[unit]);
}

/** A rate: `formatRate(2048, "en")` → "2 KB/s"; `"zh-CN"` → "2 KB/秒". */
export function formatRate(bytesPerSecond: number, locale: string): string {
  const [value, unit] = splitBytes(bytesPerSecond);
  return withUnit(value, locale, 1, (l) => UNIT_LABELS[l].units[unit] + UNIT_LABELS[l].perSecond);
}

/**
 * What a data-limit field means: empty is unlimited (null); otherwise a non-negative amount in
 * the chosen unit, rounded to whole bytes. Returns undefined when the text is not a number.
 */
export function parseDataLimit(text: string, unit: ByteUnit): number | null | undefined {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const bytes = Math.round(Number(trimmed) * unitBytes(unit));
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" }).format(new Date(iso));
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
  ["year", Infinity],
];

/** "5 minutes ago", "in 3 days": the largest whole unit between `iso` and `now`. */
export function formatRelative(iso: string, locale: string, now = Date.now()): string {
  let amount = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size)
      return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(Math.round(amount), unit);
    amount /= size;
  }
  return "";
}

/** Whole days from now until `iso`, never negative; rounds up so "ends later today" reads as 1. */
export function daysLeft(iso: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 86_400_000));
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
