import { z } from "zod";
import { parseInput } from "../errors/validate";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD (UTC), e.g. 2026-01-31")
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: "is not a date in the calendar",
    },
  );

const rangeSchema = z
  .object({ from: day.optional(), to: day.optional() })
  .refine(({ from, to }) => !from || !to || from <= to, { message: "from must not be after to", path: ["to"] });

/** Whole UTC days, both ends included; a missing end is open. */
export interface DayRange {
  from?: string;
  to?: string;
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD` as a DayRange, or BAD_USER_INPUT saying which one is wrong. */
export const parseDayRange = (query: Record<string, string | undefined>): DayRange =>
  parseInput(rangeSchema, { from: query.from, to: query.to });

/** The range as epoch seconds: from its first day's midnight up to (excluding) the midnight after its last day. */
export function rangeSeconds(range: DayRange): { fromSec?: number; untilSec?: number } {
  const midnight = (d: string) => Date.parse(`${d}T00:00:00Z`) / 1000;
  return {
    fromSec: range.from === undefined ? undefined : midnight(range.from),
    untilSec: range.to === undefined ? undefined : midnight(range.to) + 86_400,
  };
}
