/**
 * Numbers people read: byte counts, dates and durations in the admin's language (Intl), and the
 * data-limit units the forms accept. Panels and VPN clients count a gigabyte as 1024³ bytes, so
 * the units here are binary even though they carry the familiar short names.
 */
export const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB"] as const;
export type ByteUnit = (typeof BYTE_UNITS)[number];

const INTL_UNIT: Record<ByteUnit, string> = {
  B: "byte",
  KB: "kilobyte",
  MB: "megabyte",
  GB: "gigabyte",
  TB: "terabyte",
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

/** `formatBytes(1610612736, "en")` → "1.5 GB"; `"ru"` → "1,5 ГБ". */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] = splitBytes(bytes);
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: INTL_UNIT[unit],
    unitDisplay: "short",
    maximumFractionDigits: value < 10 ? 2 : 1,
  }).format(value);
}

/** A rate: `formatRate(2048, "en")` → "2 kB/s"-style text with the locale's unit names. */
export function formatRate(bytesPerSecond: number, locale: string): string {
  const [value, unit] = splitBytes(bytesPerSecond);
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: `${INTL_UNIT[unit]}-per-second`,
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(value);
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
