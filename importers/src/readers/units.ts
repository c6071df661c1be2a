/** Conversions from peers' units to ours (bytes, ISO 8601 instants, whole seconds). */

/** An instant given in milliseconds since the epoch, as ISO 8601. */
export const isoFromMs = (ms: number): string => new Date(ms).toISOString();

/** An instant given in seconds since the epoch, as ISO 8601. */
export const isoFromSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString();

/**
 * A byte count the panel takes: a whole number from 0 to 2^53 - 1. SQLite hands large integers
 * back as bigint when asked; negative or fractional counts are a corrupt source, not a limit.
 */
export function bytes(value: unknown, what: string): number {
  const n = typeof value === "bigint" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`${what} is not a byte count: ${String(value)}`);
  return n;
}

/** A SQLite integer column as a number (0 for NULL): GORM writes int64 columns that node:sqlite may return as bigint. */
export function integer(value: unknown): number {
  if (value == null || value === "") return 0;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new RangeError(`not an integer: ${String(value)}`);
  return Math.trunc(n);
}
